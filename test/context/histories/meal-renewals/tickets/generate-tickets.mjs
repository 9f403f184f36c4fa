// Generates zendesk-export.csv: a Zendesk view export (CSV) of Larder support tickets,
// 1 April - 29 September 2025. Seeded, so re-running gives the same file.
// Usage: node generate-tickets.mjs > zendesk-export.csv
let seed = 20250930;
function rnd() { // mulberry32
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const names = ['Aisha K', 'Ben T', 'Carla M', 'Dev P', 'Emma R', 'Farid H', 'Grace O', 'Hugo L', 'Ines V', 'Jon W',
  'Kemi A', 'Liam D', 'Maya S', 'Noor B', 'Owen C', 'Priya N', 'Rosa G', 'Sam F', 'Tom E', 'Yusuf J'];
const sign = () => pick(['', '', '\n\nThanks,\n' + pick(names).split(' ')[0], '\n\nRegards\n' + pick(names), '\n\nSent from my iPhone']);
const money = () => pick(['£89.00', '£89', '£54.50', '£41.25', '£62.00']);
const weekday = () => pick(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);

// --- clusters ---------------------------------------------------------------
const doubleCharge = { tags: 'billing', group: 'Billing', items: [
  ['Charged twice for my annual plan', () => `I have just checked my banking app and there are two payments of ${money()} to Larder this morning. I only have one subscription. Please refund one of them.`],
  ['Double charged', () => `You have taken my renewal twice, ${money()} at 05:48 and again at 06:01. Can you sort this out today please, it has put me into my overdraft.`],
  ['two payments taken', () => `Two identical payments went out for my yearly plan. Why?`],
  ['Billed two times for the same renewal', () => `My card statement shows Larder twice for ${money()}, same day, same description. One of them needs to go back.`],
  ['Duplicate payment on my statement', () => `There is a duplicate payment for the annual renewal on my credit card. I did not renew twice!`],
  ['Refund for double payment', () => `Hi, I was charged two times for my renewal. I've raised it with my bank as well but would rather you just refund it.`],
  ['You charged me twice', () => `Why have I been charged twice? ${money()} x2 on ${weekday()}.`],
  ['Renewal taken twice from my account', () => `The renewal came out of my account twice. Please confirm when the second one will be refunded.`],
]};
const dunningEmails = { tags: 'billing email', group: 'Billing', items: [
  ['Stop emailing me about my card', () => `I have had ${int(4, 6)} emails since midnight telling me my payment failed and to update my card. I get it. Please stop.`],
  ['So many "payment failed" emails', () => `Woke up to ${int(3, 6)} "update your card" emails in my inbox, all the same. Is my account OK?`],
  ['Spammed with update your card emails', () => `Every hour last night another email saying my payment didn't go through. This is harassment, I'm cancelling.`],
  ['Payment failed emails every hour', () => `Your system sent me the payment failed email again and again overnight. My card expired, I've updated it now, but that was a lot of emails.`],
  ['Why 6 emails?', () => `Six identical emails about my card being declined. Once would have been fine.`],
  ['Repeated emails about failed payment', () => `I keep getting the same email that my payment failed, ${int(3, 5)} of them so far tonight. Please check.`],
]};
const chargedAfterCancel = { tags: 'billing cancellation', group: 'Billing', items: [
  ['Charged after cancelling', () => `I cancelled my subscription on ${weekday()} evening and you have still taken ${money()} this morning. I have the cancellation email.`],
  ['Cancelled but still billed', () => `I cancelled last night, got the confirmation, and today there is a payment and a box on its way. Please refund.`],
  ['Subscription renewed even though I cancelled', () => `My plan renewed even though I cancelled it the day before. I don't want the box.`],
  ['Why was I charged? I cancelled', () => `I cancelled around 9pm and was charged ${money()} overnight. How is that possible?`],
  ['Took money after cancellation', () => `You took money after I had cancelled. I want a full refund.`],
  ['cancelled account charged', () => `My account says cancelled but my bank says you charged me ${money()} on ${weekday()}. Which is it?`],
]};
const lapsed = { tags: 'account', group: 'Member care', items: [
  ['My subscription says expired', () => `The app says my subscription has expired but my card is fine and I didn't cancel. I can't pick my meals.`],
  ['Plan shows as paused', () => `My plan is showing as paused this morning and I did not pause it. Did the renewal not go through?`],
  ['Renewal did not happen', () => `My renewal didn't happen last night, the account says expired. Card has plenty of funds.`],
  ['Can\'t choose next week\'s meals', () => `Menu selection is locked and it says my membership lapsed. Nothing has changed on my side.`],
  ['Membership expired for no reason', () => `My membership shows expired since this morning, I've been a member 2 years. Please fix before the menu closes.`],
]};
// --- noise ------------------------------------------------------------------
const delivery = { tags: 'delivery', group: 'Deliveries', items: [
  ['Box not delivered', () => `My box was due ${weekday()} and never arrived. The courier tracking just says "out for delivery".`],
  ['Delivery late again', () => `Second week in a row the delivery came after 9pm. The driver said the van was overloaded.`],
  ['Missing items in my box', () => `The chicken for the curry recipe was missing from my box.`],
  ['Courier left box outside', () => `The courier left my box on the doorstep in the sun, everything was warm. I'm not eating that.`],
  ['Where is my delivery?', () => `Tracking hasn't moved since yesterday, where is my delivery?`],
  ['Damaged box', () => `The box arrived crushed and two ice packs had burst.`],
]};
const amex = { tags: 'checkout payments', group: 'Shop', items: [
  ['Amex card declined at checkout', () => `I tried to buy the wine bundle in the shop and my Amex was declined three times. The card works everywhere else.`],
  ['Cannot pay with American Express', () => `Checkout keeps saying "payment declined" for my American Express card in the shop.`],
  ['Shop order payment failing', () => `The one-off shop order won't go through with my Amex, declined at checkout every time.`],
]};
const giftCard = { tags: 'gift-cards', group: 'Shop', items: [
  ['Gift card email came twice', () => `My friend received the gift card email twice. Is it two gift cards or one?`],
  ['Got the same gift card twice?', () => `I received two identical gift card emails from my sister's gift. Same code in both.`],
]};
const promo = { tags: 'promotions', group: 'Member care', items: [
  ['Promo code not working', () => `The code HALFOFF from the flyer says invalid at checkout.`],
  ['Discount not applied', () => `My 20% discount code wasn't applied to my first box.`],
]};
const misc = [
  ['Recipe card missing', 'There was no recipe card for the gnocchi in my box.'],
  ['Allergen question', 'Does the satay contain peanuts or just peanut oil?'],
  ['Can\'t log in', 'The password reset link says it has expired.'],
  ['Change delivery address', 'I am moving next week, how do I change my address?'],
  ['App stuck on loading', 'The app is stuck on the loading screen after the update. Android 14.'],
  ['Vegetarian options', 'Will you add more vegetarian recipes with tofu?'],
  ['Packaging recycling', 'Which bin do the ice packs go in?'],
  ['Change plan size', 'I want to go from 2 people to 4, where is that setting?'],
  ['Refer a friend credit', 'My friend signed up with my link but I did not get the credit.'],
  ['Calorie info', 'Can you show calories per portion on the recipe page?'],
  ['Website timed out', 'The recipes page timed out twice when I tried to print a recipe.'],
  ['Too much packaging', 'So much plastic in this week\'s box.'],
  ['Feedback on recipe', 'The risotto took 20 minutes longer than the card says.'],
  ['Skip a week', 'How do I skip the week of the 14th? The button is greyed out.'],
  ['Update email address', 'Please change my login email to my work address.'],
  ['Invoice for expenses', 'Can I get a VAT invoice for last month?'],
  ['Spice level', 'The chilli was far too hot for my kids.'],
  ['Wrong recipe in box', 'I got ingredients for the fish tacos but chose the pasta.'],
  ['Pause for holiday', 'I will be away 3 weeks in August, can I pause without cancelling?'],
  ['Delete my account', 'Please delete my account and data under GDPR.'],
  ['Ingredients origin', 'Where is your beef from?'],
  ['Notifications settings', 'How do I turn off the push notifications about new menus?'],
];

// --- assemble -----------------------------------------------------------------
const day = (s) => new Date(s + 'T00:00:00Z').getTime();
const D = 86400000;
const rows = [];
function add(cluster, n, windows) {
  for (let i = 0; i < n; i++) {
    const [from, to] = windows[i % windows.length];
    const t = day(from) + rnd() * (day(to) - day(from) + D);
    const [subject, body] = pick(cluster.items);
    rows.push({ t, subject, body: body() + sign(), tags: cluster.tags, group: cluster.group });
  }
}
add(doubleCharge, 38, [['2025-04-08', '2025-04-10'], ['2025-04-08', '2025-04-10'], ['2025-04-08', '2025-04-16'], ['2025-04-11', '2025-05-10']]);
add(dunningEmails, 24, [['2025-05-01', '2025-05-02'], ['2025-05-01', '2025-05-05']]);
add(chargedAfterCancel, 21, [['2025-06-11', '2025-06-13'], ['2025-06-11', '2025-06-20'], ['2025-04-01', '2025-09-29']]);
add(lapsed, 15, [['2025-07-15', '2025-07-16'], ['2025-08-19', '2025-08-20']]);
add(delivery, 24, [['2025-04-01', '2025-09-29'], ['2025-05-20', '2025-05-22']]);
add(amex, 9, [['2025-06-24', '2025-06-25']]);
add(giftCard, 4, [['2025-09-22', '2025-09-24']]);
add(promo, 5, [['2025-04-01', '2025-09-29']]);
for (const [subject, body] of misc) {
  const t = day('2025-04-01') + rnd() * (day('2025-09-29') - day('2025-04-01'));
  rows.push({ t, subject, body, tags: pick(['general', 'account', 'recipes', '']), group: 'Member care' });
}
rows.sort((a, b) => a.t - b.t);
const q = (s) => '"' + String(s).replace(/"/g, '""') + '"';
const fmt = (t) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
const out = ['Id,Subject,Description,Status,Priority,Requester,Group,Tags,Created at,Updated at'];
let id = 58210;
rows.forEach((r) => {
  id += int(1, 3); // other tickets (spam, internal) sit in the gaps
  const upd = r.t + int(1, 72) * 3600000;
  out.push([id, q(r.subject), q(r.body), pick(['Solved', 'Solved', 'Closed', 'Open', 'Pending']),
    pick(['Normal', 'Normal', 'Low', 'High', '-']), q(pick(names)), q(r.group), q(r.tags), fmt(r.t), fmt(upd)].join(','));
});
process.stdout.write(out.join('\r\n') + '\r\n');
