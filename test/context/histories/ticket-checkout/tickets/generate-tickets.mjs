#!/usr/bin/env node
// Generates tickets/gorgias-tickets-export.json: a Gorgias "GET /api/tickets" dump (with messages
// embedded, as our export job writes it) for Gatefold Fan Support, 2026-01-05 .. 2026-10-30.
// Deterministic: mulberry32 seeded from a cyrb53 hash of SEED, no dependencies.
//   node generate-tickets.mjs            -> writes the JSON next to this script, cluster sizes to stderr
//   node generate-tickets.mjs --truth    -> prints "<ticket id>\t<cluster>" to stdout (no file written)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 'gatefold-fan-support-2026';
function cyrb53(str, seed = 0) {
  let h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) { const ch = str.charCodeAt(i); h1 = Math.imul(h1 ^ ch, 2654435761); h2 = Math.imul(h2 ^ ch, 1597334677); }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0) * 4294967296 + (h1 >>> 0);
}
function mulberry32(a) { return function () { a |= 0; a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const rnd = mulberry32(cyrb53(SEED) >>> 0);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

// ---------------------------------------------------------------- people, events
const FIRST = ['Aoife', 'Ciarán', 'Niamh', 'Sinéad', 'Liam', 'Olivia', 'Jack', 'Amelia', 'Oliver', 'Isla', 'Harry', 'Ava', 'Mohammed', 'Priya', 'Kwame', 'Zofia', 'Piotr', 'Lucía', 'Mateus', 'Chloé', 'Rhys', 'Cerys', 'Dylan', 'Megan', 'Callum', 'Eilidh', 'Fraser', 'Grace', 'Tom', 'Sophie', 'Ben', 'Hannah', 'Kieran', 'Róisín', 'Danny', 'Jade', 'Marcus', 'Leah', 'Ewan', 'Freya'];
const LAST = ['Murphy', 'Kelly', 'O\'Brien', 'Walsh', 'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Khan', 'Patel', 'Mensah', 'Nowak', 'Kowalski', 'García', 'Silva', 'Martin', 'Hughes', 'Price', 'Morgan', 'Campbell', 'MacLeod', 'Stewart', 'Byrne', 'Doyle', 'Reid', 'Clarke'];
const AGENTS = [{ id: 3101, name: 'Shauna (Fan Support)', email: 'shauna.b@gatefold.co' }, { id: 3107, name: 'Marek (Fan Support)', email: 'marek.z@gatefold.co' }, { id: 3112, name: 'Jess (Fan Support)', email: 'jess.o@gatefold.co' }, { id: 3120, name: 'Femi (Fan Support)', email: 'femi.a@gatefold.co' }, { id: 3125, name: 'Orla (Fan Support)', email: 'orla.m@gatefold.co' }];
const BANKS = ['Monzo', 'Revolut', 'AIB', 'Bank of Ireland', 'Barclays', 'Lloyds', 'NatWest', 'Santander', 'Nationwide', 'Starling', 'HSBC', 'PTSB', 'Halifax'];
const EV = {
  halden: ['Halden Street - Wembley Stadium', 'Halden Street - Croke Park', 'Halden Street - Principality Stadium', 'Halden St Wembley', 'halden street croke park'],
  aurelia: ['Aurelia - 3Arena Dublin', 'Aurelia - OVO Hydro', 'Aurelia: The Glasshouse Tour', 'aurelia dublin', 'Aurelia Manchester'],
  brockwell: ['Brockwell Comedy Festival', 'Brockwell Comedy Fest Sat', 'brockwell comedy'],
  issuer: ['Kestle Bay Weekender', 'Mara Quinn - SSE Arena Belfast', 'Ludo & the Lanterns - Barrowland', 'Northern Soul All-Dayer', 'The Velvet Hours - Olympia'],
  pbb: ['Saoirse Dunne - Marlay Park', 'Grey Harbour - Alexandra Palace', 'Summer Sessions Cardiff', 'Ivy Lane - O2 Academy', 'The Hollow Pines - Leeds Arena'],
  conf: ['Pale Orchard - Royal Albert Hall', 'Lowlands Calling', 'Kit Hargreaves - Corran Arena', 'The Nightjars - Vicar St', 'Riverside Jazz Weekend'],
  tallis: ['Tallis Hall - Mira Solano', 'Mira Solano Tallis Hall', 'the Tallis Hall show'],
  fjord: ['Fjord Lights', 'Fjord Lights - Dublin', 'Fjord Lights tour'],
  any: ['Pale Orchard', 'Lowlands Calling', 'Kit Hargreaves', 'Riverside Jazz Weekend', 'Corran Arena darts', 'Mara Quinn', 'The Nightjars', 'Ludo & the Lanterns'],
};
const money = () => (chance(0.7) ? '£' : '€') + pick(['89.50', '124.00', '179.90', '64.25', '212.40', '98.00', '156.75', '330.00', '71.10', '145.60']);
const order = () => 'GT-' + String(int(10000000, 99999999));

// ---------------------------------------------------------------- clusters
// bursts: [start date, how many, event key, spread in days]
const CL = {
  double_charge: {
    bursts: [['2026-03-07', 18, 'halden', 6], ['2026-10-03', 14, 'aurelia', 6]],
    subjects: ['Charged twice', 'Double charge!!', 'two payments taken for one order', 'Charged 2x for {ev}', 'duplicate payment', 'Refund for second charge', 'Order query', 'Help', 'Urgent', '(no subject)', 'Re: You\'re going! {ev}', 'Doble cobro', 'Podwójna płatność'],
    bodies: [
      'I bought 2 tickets for {ev} this morning and I\'ve been charged twice. {amt} came out of my account two times but I only have one order ({ord}).',
      'My bank app shows two identical payments to GATEFOLD TICKETS of {amt}. I only got one set of tickets. Please refund the second one.',
      'Paid once, charged twice. Order {ord}. Can you sort this out please, that\'s a lot of money to have tied up.',
      'hi there, you have taken the money for my {ev} tickets twice. {bank} shows both as completed not pending.',
      'The page hung on the spinner so I waited and eventually got the confirmation, but now there are two debits of {amt} on my card. I did NOT press pay twice.',
      'Just checked my statement and there\'s a duplicate transaction for {ev}. One order number only ({ord}). Why have I been billed two times?',
      'You\'ve double charged me. {amt} x2. I want the extra one back today.',
      'Two lots of {amt} gone from my account for the same tickets. Is this a pre-auth that will drop off or an actual second payment?',
      'Got charged for my order twice, my partner had the same thing with her order too. Both {ev}.',
      'Hola, me han cobrado dos veces la misma compra ({ord}) para {ev}. Solo tengo un pedido. Por favor devuélvanme el segundo cargo.',
      'Dzień dobry, pobrano ode mnie dwa razy {amt} za jedno zamówienie {ord}. Proszę o zwrot.',
      'Bonjour, j\'ai été débité deux fois pour la même commande ({ord}). Merci de rembourser le doublon.',
      'My card was hit 2 times for {ev}. Same amount same minute. Only one email from you.',
      'is it normal that the payment went out twice?? {amt} and {amt} again, one order',
    ],
    phone: ['Caller says chgd 2x for {ev}, ord {ord}, both {amt} showing on {bank} app as completed. Confirmed 1 order only on our side. Adv\'d dupe will be refunded 3-5 wd, escalated to payments.', 'Cust rang re double payment, 2 x {amt}, one order. Upset, needs money for rent. Raised w/ payments team, promised callback.', 'Inbound call: duplicate charge on card ending {last4}. Ord {ord}. Told cust refund of 2nd pmt in progress.'],
    chat: [['hi', 'I\'ve been charged twice for my tickets', 'order {ord}'], ['hello is anyone there', 'two payments of {amt} for one order??'], ['my bank shows 2 charges for {ev}', 'only got 1 order email']],
    social: ['@Gatefold you\'ve charged me twice for {ev}, DM\'d you the order no', 'Charged twice for one order, please check DMs', 'double charged for {ev} tickets. sort it out pls'],
  },
  sms_spam: {
    bursts: [['2026-05-09', 22, 'brockwell', 4]],
    subjects: ['Stop texting me', 'why so many texts', 'SMS spam', '8 messages??', 'payment didn\'t go through x7', 'Help', 'Order query', '(no subject)', 'texts', 'Re: Your payment didn\'t go through'],
    bodies: [
      'I\'ve had {n} texts in the last ten minutes saying my payment didn\'t go through and my seats are held. Please stop.',
      'Why am I getting the same message over and over? "Your payment didn\'t go through - your seats are held for 4 min". Got it {n} times.',
      'Your system has sent me {n} emails and {n} texts about a failed payment for {ev}. Is something wrong with my card or with you?',
      'Constant texts saying payment not completed. Does this mean you\'re going to try and charge me {n} times? I only want 2 tickets.',
      'phone won\'t stop buzzing, payment didn\'t go through, payment didn\'t go through, payment didn\'t go through... enough',
      'I tried to buy {ev} tickets and got bombarded with SMS. In the end I used another card. Please make it stop, it\'s still coming.',
      'Received {n} identical messages re my payment. My bank says there are no charges. What is going on?',
      'Dostałem {n} SMS-ów, że płatność się nie udała. Czy to błąd?',
      'got like {n} texts from gatefold that my payment failed, then it worked with my other card. do I now have 2 orders??',
      'Same text again and again about my payment for {ev}. Unsubscribe me from these.',
    ],
    phone: ['Cust called re multiple SMS "pmt didn\'t go through" ({n}x) for {ev}. No charges on acct. Adv\'d known issue, apologised.', 'Caller annoyed - {n} texts + emails re failed pmt in 6 mins. Bought w/ 2nd card after. Checked: 1 order, no dupe.'],
    chat: [['why have I had {n} texts', 'payment didn\'t go through over and over'], ['stop the texts please', 'it\'s like every minute'], ['getting loads of messages that my payment failed', 'is my card blocked?']],
    social: ['@Gatefold why have I had {n} texts saying my payment failed?? 😩', 'anyone else getting spammed by gatefold texts? {n} so far', 'Stop the texts about my payment please'],
  },
  charged_no_seats: {
    bursts: [['2026-03-07', 6, 'halden', 4], ['2026-08-15', 14, 'pbb', 5]],
    subjects: ['Payment failed but money taken', 'money gone no tickets', 'Where are my seats?', 'Pay by Bank problem', 'Said declined but I was charged', 'Help', 'Order query', 'Complaint', '(no subject)', 'Re: Your payment didn\'t go through'],
    bodies: [
      'Your site told me my payment didn\'t go through and my seats were released, but {amt} has left my account. I have no order and no tickets.',
      'I paid with Pay by Bank, approved it in my {bank} app, and then got an email saying the payment failed. The money is gone from my account!',
      'Got "payment didn\'t go through" for {ev} but {bank} shows the payment as completed. Where are my tickets?',
      'Checkout said error, seats gone, so I bought again with my card. Now you have my money twice and I only have one set of tickets.',
      'Money taken, no tickets, and the seats I picked are now showing as sold to someone else. Absolutely disgusting.',
      'My payment was declined according to you but my bank statement says otherwise. Please either give me the tickets or refund me.',
      'The payment failed message came through but the transaction cleared on my account. No confirmation email. Ref on statement GATEFOLD*{ordshort}.',
      'Pay by bank - approved in app, then your page timed out and said try again. Money has gone. Seats gone.',
      'Ciarán here - was told payment failed, but it was taken. Had to buy worse seats after. Want the first payment back at least.',
      'Bonjour, le paiement a été refusé sur le site mais l\'argent a été prélevé. Je n\'ai pas de billets.',
    ],
    phone: ['Cust says site showed pmt failed, seats released, but {amt} debited ({bank}). No order on our side. Sent to payments for trace.', 'Caller used Pay by Bank for {ev}, got failed email, bank shows paid. Re-bought by card. Adv\'d first pmt will be refunded once traced.'],
    chat: [['hi my payment failed but the money is gone', 'pay by bank'], ['it said declined', 'but {bank} says paid', 'no tickets']],
    social: ['@Gatefold told my payment failed but the money is out of my account. no tickets. DM me', 'paid, got "payment failed", money gone, seats gone. great'],
  },
  no_tickets_in_app: {
    bursts: [['2026-06-02', 18, 'issuer', 3]],
    subjects: ['No tickets in app', 'Where are my tickets?', 'tickets not showing', 'barcode missing', 'Tickets will appear here soon??', 'Help', 'Order query', '(no subject)', 'Re: You\'re going! {ev}'],
    bodies: [
      'I bought tickets for {ev} hours ago, got charged, but the app just says "Your tickets will appear here soon". Nothing there.',
      'Order {ord} shows as confirmed but there are no barcodes. Can\'t add to wallet either.',
      'hi, paid for my tickets but they\'re not in my account. it\'s been 5 hours',
      'My tickets aren\'t showing in the Gatefold app. The order is there with a tick, but no tickets under it.',
      'Can\'t see any tickets for my order, just a message saying they\'ll appear soon. Money has gone out. Is my order real?',
      'The wallet pass button is greyed out and there are no QR codes on my order. Bought at lunchtime.',
      'Bought {ev}, the tickets section is empty. Please send them by email instead.',
      'Dzień dobry, kupiłem bilety, zapłaciłem, ale w aplikacji nie ma biletów.',
    ],
    phone: ['Cust rang: ord {ord} paid, app shows "tickets will appear soon" 6h+. Adv\'d known delay, tix will show today.', 'Caller: no barcodes on order for {ev}. Checked admin, order complete, tix pending. Told to check tonight.'],
    chat: [['where are my tickets', 'order says confirmed but empty'], ['hi', 'my tickets are not showing in the app', '{ord}'], ['no barcode on my order', 'bought earlier today']],
    social: ['@Gatefold paid for {ev} hours ago and still no tickets in the app?', 'no tickets in my gatefold app, just "appear here soon"'],
  },
  no_confirmation: {
    bursts: [['2026-09-05', 14, 'conf', 3]],
    subjects: ['No confirmation email', 'Did my order go through?', 'no email after buying', 'confirmation?', 'Help', 'Order query', '(no subject)', 'Proof of purchase'],
    bodies: [
      'I bought tickets for {ev} yesterday and never got a confirmation email or text. Money has gone. Did it work?',
      'No confirmation received for my order. Checked spam. Can you resend it?',
      'Is my order valid? I didn\'t get the usual "You\'re going!" email.',
      'bought 4 tix last night, no email no sms nothing. are they real',
      'I need the confirmation email for my work expenses. It never arrived for {ev}.',
      'Haven\'t received any confirmation for {ev}, I don\'t want to buy again if the first one went through.',
      'Could you send me proof of purchase? No email came through after I paid.',
    ],
    phone: ['Cust: no conf email/SMS for {ev}, ord {ord} in system and complete. Adv\'d tix in app, conf will be resent.', 'Caller worried order not valid, no email. Confirmed ord {ord} OK, resent from admin.'],
    chat: [['did my order go through', 'no email'], ['hi no confirmation email for my tickets'], ['I paid but got no confirmation', 'should I buy again?']],
    social: ['@Gatefold bought tickets last night and no confirmation email, is that normal?', 'no email from gatefold after paying, has anyone else had this?'],
  },
  event_refund: {
    bursts: [['2026-06-20', 15, 'tallis', 6]],
    subjects: ['Refund', 'Cancelled show refund', 'When will I get my money back', 'Tallis Hall cancelled', 'Help', 'Order query', 'Refunded twice?', '(no subject)'],
    bodies: [
      'The {ev} show was cancelled. When will I get my refund? I was charged {amt} back in March.',
      'Still waiting on my refund for the cancelled {ev} gig. It\'s been a week.',
      'Got an email that the show is cancelled but no refund yet. Do I need to do anything?',
      'I think I was refunded twice for the cancelled Tallis Hall show? Two credits of {amt} on my card. Let me know if you need one back.',
      'Can I get the booking fee back too for {ev}? Show cancelled.',
      'refund for tallis hall please, charged {amt}, show cancelled',
      'Hola, el concierto se canceló. ¿Cuándo recibiré el reembolso?',
    ],
    phone: ['Cust re refund for cancelled {ev}, ord {ord}. Adv\'d refunds processing, 5-10 wd.', 'Caller says refunded 2x for Tallis Hall, honest customer, wants to return it. Passed to Finance Ops.'],
    chat: [['when do I get my refund', 'show was cancelled'], ['tallis hall refund?', 'charged {amt}, nothing back yet']],
    social: ['@Gatefold when are the Tallis Hall refunds coming?', 'still no refund for the cancelled tallis hall gig. charged me fast enough though'],
  },
  queue_stuck: {
    bursts: [['2026-04-18', 13, 'fjord', 2]],
    subjects: ['Stuck in queue', 'queue frozen', 'You\'re next for 40 minutes', 'Fjord Lights queue', 'Help', 'Complaint', '(no subject)'],
    bodies: [
      'I was at the front of the queue for {ev} and it sat on "You\'re next" for 40 minutes. By the time it moved everything was gone.',
      'The queue just froze. Refreshing did nothing. Never even got to pick seats, let alone pay.',
      'Stuck on you\'re next forever then kicked back to the start. Ridiculous.',
      'queue said i was next, then nothing, couldn\'t get to checkout at all. is there another release?',
      'Is the waiting room broken? It\'s been stuck for half an hour.',
    ],
    phone: ['Cust complained re queue stuck on "You\'re next" for {ev}, missed out. Adv\'d no further release planned.', 'Caller stuck in waiting room 40 min, never reached seats. Wants priority for next date - adv\'d can\'t.'],
    chat: [['is the queue broken', 'it says you\'re next but nothing happens'], ['queue for fjord lights has been frozen 25 mins', 'do I keep waiting?'], ['got to the front and it just spins', 'then sent me back to the end of the line']],
    social: ['@Gatefold queue stuck on You\'re next for 30 mins 🙃 #fjordlights', 'the gatefold queue is broken again'],
  },
  noise: {
    bursts: [['2026-01-05', 30, 'any', 298]],
    subjects: ['Name change', 'Accessible seating', 'Transfer tickets', 'Parking', 'Presale code not working', 'Question', 'Help', 'Order query', '(no subject)', 'VAT invoice', 'Bag policy', 'Lost phone', 'Change card', 'Pay by Bank?', 'Resale'],
    bodies: [
      'Can I change the name on my tickets for {ev}? My friend is going instead of me.',
      'I need a wheelchair space and a companion seat for {ev}. How do I book that?',
      'How do I transfer a ticket to my sister? She has the app.',
      'Is there parking at the venue for {ev}?',
      'My presale code says invalid. I got it from the fan club email.',
      'Can I pay with Pay by Bank instead of a card next time? How does it work?',
      'I want to use a different card for my next order, how do I remove the old one from my account?',
      'Could you send a VAT invoice for order {ord}? Company purchase.',
      'What size bag can I bring to {ev}?',
      'Lost my phone, how do I get my tickets on my new one?',
      'How do I list my tickets on resale? Can\'t go anymore.',
      'Is {ev} all ages? My son is 14.',
      'Can I get a refund if I can\'t go? Not cancelled, I\'m just ill.',
      'What time do doors open for {ev}?',
    ],
    phone: ['Cust asked re name change on tix for {ev}. Adv\'d transfer via app.', 'Caller wanted accessible seating info. Sent access form link.', 'Cust asked how to pay by Pay by Bank. Explained.'],
    chat: [['hi can I transfer my ticket to a friend'], ['what time do doors open'], ['how do I sign up for presale alerts'], ['can I add a second card to my account']],
    social: ['@Gatefold can I change the name on my ticket?', 'what\'s the bag policy for {ev}?'],
  },
};

// ---------------------------------------------------------------- wording helpers
function typo(s) { // transpose two letters inside one longer word
  const w = s.split(' '); const idx = w.map((x, i) => [x, i]).filter(([x]) => /^[a-z]{5,}$/.test(x));
  if (!idx.length) return s; const [word, i] = pick(idx); const k = int(1, word.length - 3);
  w[i] = word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2); return w.join(' ');
}
function fill(s, ctx) {
  return s.replace(/\{ev\}/g, ctx.ev).replace(/\{amt\}/g, ctx.amt).replace(/\{ord\}/g, ctx.ord).replace(/\{ordshort\}/g, ctx.ord.slice(3, 9))
    .replace(/\{bank\}/g, ctx.bank).replace(/\{n\}/g, String(ctx.n)).replace(/\{last4\}/g, ctx.last4);
}
const GREET = ['Hi,', 'Hello,', 'Hi there,', 'Dear Gatefold,', 'Hiya', 'To whom it may concern,', '', 'Good morning,', 'Hey'];
const CLOSE = ['Thanks', 'Thanks,', 'Regards,', 'Kind regards,', 'Cheers', 'Thank you', '', 'Many thanks,', 'Sent from my iPhone'];
const AUTOREPLY = (d) => `On ${d}, Gatefold Fan Support <support@gatefold.co> wrote:\n> Thanks for contacting Gatefold Fan Support. We've got your message and a member of the team will reply within 48 hours.\n> Most answers are in our Help Centre: https://help.gatefold.co`;
const CONFQUOTE = (ctx) => `---------- Forwarded message ---------\nFrom: Gatefold Tickets <orders@gatefold.co>\nSubject: You're going! ${ctx.ev}\n\nOrder ${ctx.ord}\nTotal paid: ${ctx.amt}\nYour tickets are in the Gatefold app.`;
const MACROS = [
  'Hi {first},\n\nThanks for getting in touch and sorry for the trouble. I\'ve passed this to the team who can look at it and I\'ll come back to you as soon as I hear.\n\n{agent}',
  'Hi {first}, thanks for your patience. I can see your order on our side and I\'m looking into this now.\n\n{agent}\nGatefold Fan Support',
  'Hello {first},\n\nI\'m sorry about this. I\'ve raised it with our specialist team (ref in this ticket) and you will get an update by email.\n\nBest,\n{agent}',
  'Hi {first}, I\'ve checked this for you and it\'s now sorted. Let us know if there is anything else.\n\n{agent}',
];
const TOPIC = { double_charge: 'Payments & refunds', sms_spam: pick(['Something else', 'My order']), charged_no_seats: 'Payments & refunds', no_tickets_in_app: 'Tickets & delivery', no_confirmation: 'My order', event_refund: 'Payments & refunds', queue_stuck: 'Something else', noise: 'Something else' };
const TAGS = ['payments', 'order-issue', 'refund', 'urgent', 'vip', 'escalated', 'billing', 'app', 'on-sale', 'complaint', 'general', 'follow-up'];

// ---------------------------------------------------------------- build
function isoAt(dateStr, dayOffset, minutesOfDay) {
  const d = new Date(dateStr + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + dayOffset); d.setUTCMinutes(minutesOfDay); d.setUTCSeconds(int(0, 59));
  return d;
}
const iso = (d) => d.toISOString().replace('Z', '+00:00');
const rows = [];
for (const [cluster, def] of Object.entries(CL)) {
  for (const [start, count, evKey, spread] of def.bursts) {
    for (let i = 0; i < count; i++) {
      // bursty: most land in the first days after the incident
      const day = cluster === 'noise' ? int(0, spread) : Math.min(spread, Math.floor(-Math.log(1 - rnd()) * spread / 3));
      const when = isoAt(start, day, int(7 * 60, 23 * 60));
      rows.push({ cluster, evKey, when });
    }
  }
}
rows.sort((a, b) => a.when - b.when);

const tickets = [];
let tid = 48211377, mid = 910442001, cid = 7730012;
const sizes = {};
for (const r of rows) {
  const def = CL[r.cluster];
  sizes[r.cluster] = (sizes[r.cluster] || 0) + 1;
  const first = pick(FIRST), last = pick(LAST);
  const ctx = { ev: pick(EV[r.evKey]), amt: money(), ord: order(), bank: pick(BANKS), n: int(3, 8), last4: String(int(1000, 9999)) };
  const channel = (() => { const x = rnd(); return x < 0.38 ? 'email' : x < 0.58 ? 'contact_form' : x < 0.72 ? 'chat' : x < 0.86 ? 'phone' : x < 0.94 ? 'facebook' : 'instagram-direct-message'; })();
  const agent = pick(AGENTS);
  const email = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f']/g, '') + pick(['@gmail.com', '@hotmail.co.uk', '@icloud.com', '@outlook.ie', '@yahoo.co.uk', '@eircom.net']);
  const customer = { id: cid++, email, name: `${first} ${last}`, firstname: first, lastname: last };
  const messy = (s) => { if (chance(0.15)) s = typo(s); if (chance(0.1)) s = s.toLowerCase(); return s; };
  let subject = fill(pick(def.subjects), ctx);
  const msgs = [];
  const t0 = r.when;
  const custMsg = (text, t, ch, via) => ({ id: mid++, channel: ch, via, from_agent: false, sender: { id: customer.id, email: customer.email, name: customer.name }, receiver: ch === 'email' ? { email: 'support@gatefold.co', name: 'Gatefold Fan Support' } : null, subject: ch === 'email' ? subject : null, body_text: text, stripped_text: text.split('\n\nOn ')[0].split('\n> ')[0], created_datetime: iso(t), sent_datetime: iso(t), public: true });
  if (channel === 'email') {
    let body = messy(fill(pick(def.bodies), ctx));
    const g = pick(GREET), c = pick(CLOSE);
    let text = (g ? g + '\n\n' : '') + body + (c ? '\n\n' + c + (c === 'Sent from my iPhone' ? '' : '\n' + first) : '');
    if (subject.startsWith('Re: You\'re going')) text += '\n\n' + CONFQUOTE(ctx);
    else if (chance(0.2)) text += '\n\n' + AUTOREPLY(new Date(t0 - 864e5).toUTCString().slice(0, 22));
    msgs.push(custMsg(text, t0, 'email', 'email'));
  } else if (channel === 'contact_form') {
    subject = 'Contact form: ' + (chance(0.5) ? TOPIC[r.cluster] : subject);
    const body = messy(fill(pick(def.bodies), ctx));
    const text = `Name: ${customer.name}\nEmail: ${email}\nOrder number: ${chance(0.7) ? ctx.ord : ''}\nEvent: ${chance(0.6) ? ctx.ev : ''}\nWhat is this about?: ${TOPIC[r.cluster]}\n\nMessage:\n${body}\n\n--\nSent via help.gatefold.co/contact`;
    msgs.push(custMsg(text, t0, 'contact_form', 'contact_form'));
  } else if (channel === 'chat') {
    subject = chance(0.6) ? 'Chat with ' + first : subject;
    const lines = pick(def.chat);
    msgs.push({ id: mid++, channel: 'chat', via: 'gorgias_chat', from_agent: true, sender: { id: 0, email: null, name: 'Gatefold Bot' }, body_text: 'Hi! 👋 I\'m the Gatefold bot. Ask me about orders, tickets or refunds, or type "agent" to talk to a person.', created_datetime: iso(t0), public: true });
    lines.forEach((l, k) => msgs.push(custMsg(messy(fill(l, ctx)), new Date(+t0 + (k + 1) * 21000), 'chat', 'gorgias_chat')));
    msgs.push({ id: mid++, channel: 'chat', via: 'gorgias_chat', from_agent: true, sender: { id: 0, email: null, name: 'Gatefold Bot' }, body_text: 'Thanks! I\'m connecting you with someone from Fan Support. Average wait: 6 min.', created_datetime: iso(new Date(+t0 + 90000)), public: true });
  } else if (channel === 'phone') {
    subject = chance(0.5) ? `Inbound call from +44 7${int(100000000, 999999999)}` : subject;
    const note = fill(pick(def.phone), ctx);
    msgs.push({ id: mid++, channel: 'phone', via: 'phone', from_agent: true, sender: { id: agent.id, email: agent.email, name: agent.name }, body_text: note, stripped_text: note, created_datetime: iso(t0), public: false, meta: { call_duration_s: int(90, 900) } });
  } else {
    subject = channel === 'facebook' ? 'Facebook comment' : 'Instagram DM';
    const text = messy(fill(pick(def.social), ctx));
    msgs.push(custMsg(text, t0, channel, channel === 'facebook' ? 'facebook' : 'instagram'));
  }
  if (channel !== 'phone' && chance(0.6)) {
    const reply = pick(MACROS).replace('{first}', first).replace('{agent}', agent.name.replace(' (Fan Support)', ''));
    const ch = msgs[0].channel;
    msgs.push({ id: mid++, channel: ch, via: msgs[0].via, from_agent: true, sender: { id: agent.id, email: agent.email, name: agent.name }, body_text: reply, created_datetime: iso(new Date(+t0 + int(20, 2000) * 60000)), public: true });
  }
  const tags = chance(0.7) ? Array.from(new Set([pick(TAGS), ...(chance(0.4) ? [pick(TAGS)] : [])])).map((n) => ({ id: 500 + TAGS.indexOf(n), name: n, decoration: null })) : [];
  const lastAt = msgs[msgs.length - 1].created_datetime;
  tickets.push({
    id: tid, uri: `/api/tickets/${tid}/`, external_id: null, language: null, status: chance(0.9) ? 'closed' : 'open', priority: chance(0.15) ? 'high' : 'normal',
    channel: msgs[0].channel, via: msgs[0].via, from_agent: msgs[0].from_agent, spam: false,
    customer, assignee_user: { id: agent.id, name: agent.name }, assignee_team: { id: 41, name: 'Fan Support Tier 1' },
    subject, excerpt: (msgs.find((m) => !m.from_agent) || msgs[0]).body_text.replace(/\s+/g, ' ').slice(0, 80),
    tags, messages_count: msgs.length,
    created_datetime: iso(t0), opened_datetime: iso(t0), last_message_datetime: lastAt, last_received_message_datetime: iso(t0), updated_datetime: lastAt, closed_datetime: null,
    meta: null, messages: msgs, _truth: r.cluster,
  });
  tid += int(3, 140);
}

if (process.argv.includes('--truth')) {
  for (const t of tickets) process.stdout.write(`${t.id}\t${t._truth}\n`);
} else {
  for (const t of tickets) delete t._truth;
  const out = { object: 'list', uri: '/api/tickets?limit=100&order_by=created_datetime%3Aasc&view_id=88123', data: tickets, meta: { prev_cursor: null, next_cursor: null, total_resources: tickets.length } };
  writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'gorgias-tickets-export.json'), JSON.stringify(out, null, 2) + '\n');
}
process.stderr.write(Object.entries(sizes).map(([k, v]) => `${k}\t${v}`).join('\n') + `\ntotal\t${tickets.length}\n`);
