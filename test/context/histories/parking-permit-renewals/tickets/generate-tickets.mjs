#!/usr/bin/env node
// Bayward Customer Care tickets, as Support Ops' nightly `trengo-dump` writes them: one JSON document
// { export, tickets[] }, every ticket a Trengo REST ticket object (GET /api/v2/tickets/{id}) with its
// messages (GET /api/v2/tickets/{id}/messages) folded in. Trengo timestamps are "YYYY-MM-DD HH:MM:SS"
// in the account's time zone (Europe/London), no offset.
// Deterministic: sfc32 seeded with cyrb128 of a fixed string; no Date.now(), no dependencies.
//   node generate-tickets.mjs  -> trengo-tickets-2026-12-04.json + truth.json (counts on stderr)
// The truth (which cluster each ticket belongs to) goes to truth.json only, never into the export.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SEED = 'bayward/customer-care/trengo-dump/2026-12-04';

function cyrb128(str) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0, k; i < str.length; i++) {
    k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067); h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213); h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067); h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213); h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}
function sfc32(a, b, c, d) {
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0; a = b ^ (b >>> 9); b = (c + (c << 3)) | 0; c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0; t = (t + d) | 0; c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
const rand = sfc32(...cyrb128(SEED));
for (let i = 0; i < 16; i++) rand();
const pick = (a) => a[Math.floor(rand() * a.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p) => rand() < p;
const decks = new Map();
function deal(key, list) { // every template of a pile is used once before any is used again
  let d = decks.get(key);
  if (!d || !d.length) {
    d = list.slice();
    for (let i = d.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [d[i], d[j]] = [d[j], d[i]]; }
    decks.set(key, d);
  }
  return d.pop();
}

// ------------------------------------------------------------------ reference data
const FIRST = ['Sarah', 'James', 'Aisha', 'Tom', 'Priya', 'Gary', 'Linda', 'Mohammed', 'Chloe', 'Dave', 'Karen', 'Imran',
  'Emma', 'Paul', 'Zofia', 'Piotr', 'Agnieszka', 'Tomasz', 'Andrei', 'Ioana', 'Fatima', 'Rhys', 'Siobhan', 'Neil', 'Bev',
  'Hannah', 'Ravi', 'Grace', 'Colin', 'Jo', 'Marek', 'Kasia', 'Lucy', 'Owen', 'Yusuf', 'Shirley', 'Declan', 'Mei'];
const LAST = ['Walker', 'Khan', 'Patel', 'Hughes', 'Brennan', 'Thompson', 'Ahmed', 'Clarke', 'Nowak', 'Kowalski', 'Wiśniewska',
  'Popescu', 'Evans', 'Shaw', 'Begum', 'Lloyd', "O'Connor", 'Hussain', 'Marsh', 'Dobson', 'Zieliński', 'Green', 'Iqbal', 'Fraser'];
const POLISH_FIRST = ['Zofia', 'Piotr', 'Agnieszka', 'Tomasz', 'Marek', 'Kasia'];
const COUNCILS = [['Kelsall', 'K'], ['Drayford', 'D'], ['Ashcombe', 'A'], ['North Wrenshire', 'NW'], ['Kelsall', 'K'], ['Drayford', 'D']];
const AGENTS = [{ id: 40112, name: 'Sam Ellery' }, { id: 40127, name: 'Marta Kowalska' }, { id: 40135, name: 'Jade Osei' },
  { id: 40141, name: 'Ben Lowther' }, { id: 40158, name: 'Nikita Sharma' }, { id: 40163, name: 'Reece Dunn' }];
const CHANNELS = {
  EMAIL: { id: 1201, type: 'EMAIL', title: 'help@bayward.co.uk', display_name: 'Customer Care email' },
  WA_BUSINESS: { id: 1207, type: 'WA_BUSINESS', title: 'WhatsApp +44 20 3966 1180', display_name: 'WhatsApp' },
  CHAT: { id: 1212, type: 'CHAT', title: 'bayward.co.uk chat', display_name: 'Website chat' },
  VOIP: { id: 1219, type: 'VOIP', title: '0330 555 0190', display_name: 'Phone' },
};
const LABELS = { billing: { id: 301, name: 'Billing', color: '#2b7de9' }, renewal: { id: 302, name: 'Renewal', color: '#14a44d' },
  pcn: { id: 303, name: 'PCN', color: '#dc4c64' }, visitor: { id: 304, name: 'Visitor permits', color: '#e4a11b' },
  refund: { id: 305, name: 'Refund', color: '#9fa6b2' }, complaint: { id: 306, name: 'Complaint', color: '#332d2d' },
  app: { id: 307, name: 'App', color: '#54b4d3' }, dd: { id: 308, name: 'Direct Debit', color: '#3b71ca' },
  application: { id: 309, name: 'Application', color: '#a36cd6' }, business: { id: 310, name: 'Business', color: '#6d4c41' } };
const LABEL_KEYS = Object.keys(LABELS);
const AMTS = ['£9.50', '£14.00', '£9.50', '£21.00', '£6.25', '£14.00', '£38.00', '£9.50', '£11.75'];
const L = 'ABCDEFGHJKLMNOPRSTUVWXYZ';
const vrm = () => `${pick(L)}${pick(L)}${int(10, 74)} ${pick(L)}${pick(L)}${pick(L)}`;
const zone = () => `${pick(['K', 'D', 'A', 'NW'])}${int(1, 14)}`;

// ------------------------------------------------------------------ text helpers
function typo(s) { // one transposed pair of letters inside a longer word
  const words = s.split(' ');
  const idx = words.map((w, i) => (/^[a-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (!idx.length) return s;
  const i = pick(idx); const w = words[i]; const p = int(1, w.length - 3);
  words[i] = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
  return words.join(' ');
}
const fill = (s, v) => s.replace(/\{(\w+)\}/g, (_, k) => (v[k] ?? `{${k}}`));
const escHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const toHtml = (s) => s.split(/\n\n+/).map((p) => `<p>${escHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
const stmt = (v) => `${v.day} ${v.mon}  BAYWARD PARKING PERMIT  ${v.amtNum}`;

// ------------------------------------------------------------------ clusters
// each: count, about (component?), incident, bursts [[yyyy-mm-dd, days, share]], texts (first customer message),
// pl (Polish variants), subjects, notes (phone shorthand), reply (macro key), labels (agents' likely picks)
const C = {
  charged_twice: {
    count: 36, about: true, incident: '#131 (1 Apr), #170 (1 Oct)', bursts: [['2026-04-01', 3, 22], ['2026-10-01', 3, 14]],
    texts: [
      "Hi, I've been charged twice for my resident permit this month. Two payments of {amt} on my statement, both say BAYWARD PARKING. Can you refund one please",
      'My bank app shows this:\n{stmt}\n{stmt}\nWhy two?? I only have one car',
      "you have taken my permit payment twice. {amt} x2. this has overdrawn my account and now I've got a bank charge on top",
      'Hello, Just checking - is it right that the renewal came out twice on the {dayth}? I thought it was monthly not twice monthly lol',
      'Double charged for permit {vrm}. Please sort asap.',
      "I got one email saying my permit has been renewed but there are 2 payments gone out of my account for it",
      'Good morning, I notice two identical debits of {amt} from my card for the Zone {zone} permit. I would be grateful if one could be refunded.',
      'Charged 2x for parking permit!!!',
      'there is two payments for my permit on my card, both today. is this a mistake or have you put the price up',
      'Why have I paid twice for this month? Same amount, same time, same card.',
      "I am a pensioner and {amt} twice is a lot of money for me. Please return the extra one.",
      "My wife and I have one permit each ({vrm} and {vrm2}). I've been charged for mine twice and hers once, so 3 payments. Only 2 cars!",
      'Renewal taken two times from my debit card this morning ({amt} each). Card ending {last4}.',
      'Hi there, duplicate payment for my permit renewal, please advise how I get my money back',
      'Your system has billed me twice for the permit. I want the second one refunded and an explanation.',
      'two lots of {amt} gone out for my parking permit - whats going on??',
    ],
    pl: ['Dzień dobry, pobrano ode mnie dwa razy opłatę za pozwolenie na parkowanie ({amt}). Proszę o zwrot jednej płatności.',
      'Witam, dwie płatności za abonament parkingowy tego samego dnia. Prosze o wyjasnienie i zwrot.'],
    ro: ['Buna ziua, am fost taxat de doua ori pentru permisul de parcare ({amt}). Va rog sa returnati banii.'],
    subjects: ['Charged twice', 'Double payment', 'Duplicate charge for permit', 'Refund please', 'Permit payment x2', 'Two payments??'],
    notes: ["Caller chgd 2x for permit ({amt} x2) on {dayth}. Checked Cobalt - 2 successful chgs same renewal. Refund raised, adv'd 3-5 wd.",
      'Resident rang re double pymt for {vrm}. Confirmed dup, refunded. Cust happy.',
      "Cust v. upset - overdrawn bc of 2nd permit pymt. Refund done + adv'd to send bank charge letter for goodwill.",
      'Called re 2 pymts for permit renewal. Dup confirmed, refund processed, ref in Cobalt.'],
    reply: ['refund', 'refund', 'incident'], labels: ['billing', 'refund', 'renewal'],
  },
  notice_storm: {
    count: 22, about: true, incident: '#139 (27-29 Apr)', bursts: [['2026-04-27', 4, 22]],
    texts: [
      "I've had 3 texts since 2am saying you couldn't take my permit payment. Is this fraud? My card is fine.",
      "Please stop texting me. 'We couldn't take your permit payment' - yes I know, you've told me four times",
      'Does this mean you are going to try to take the money 5 times? I have had 5 emails now',
      'Will I be charged for each of these attempts? Had the payment failed text again this evening.',
      "Got the 'couldn't take your payment' message AGAIN. Third one today. My bank is Hartwell, they said there's an issue their end. Do I need to do anything or will you try again?",
      'spam?? 4 texts from BAYWARD saying payment failed',
      'your system keeps sending me failed payment messages, every few hours. Hartwell card. Will my permit be cancelled?',
      "Hi, I keep getting emails telling me my permit payment didnt go through. I've checked and there's money in the account.",
      "> BAYWARD: We couldn't take your permit payment for {vrm}. Please update your card at bayward.co.uk/account\nGot this x3 now. Card is not expired.",
      'Why am I getting the same payment failed message over and over? Make it stop',
      'How many more times are you going to tell me my payment failed? 5 so far. Both text and email each time.',
    ],
    pl: ['Dostaję ciągle SMS-y, że płatność za pozwolenie nie przeszła. Już 4 razy. Co mam zrobić?'],
    ro: [],
    subjects: ["We couldn't take your permit payment", 'Payment failed messages', 'Stop the texts', 'Failed payment x4', 'Fwd: We couldn\'t take your permit payment'],
    notes: ["Caller rec'd 4x pymt failed SMS + email, Hartwell card. Reassured not chgd multiple times. Adv'd nothing to do, will retry.",
      'Resident asked if being chgd for each failed msg - no. Hartwell outage. Apologised for msgs.',
      "Cust got 3 failed pymt texts overnight. Hartwell. Adv'd update card optional, we retry automatically."],
    reply: ['notices', 'incident', 'notices'], labels: ['billing', 'renewal', 'complaint'],
  },
  lapsed_pcn_paid: {
    count: 18, about: true, incident: '#161 (1 Sep)', bursts: [['2026-09-01', 5, 18]],
    texts: [
      'I got a parking ticket outside my own house this morning. The warden said my permit has expired but the money went out on the 1st, I can see it on my statement.',
      'Email says you couldn\'t take my permit payment, but my bank shows {amt} taken on 1 Sep. And now a PCN on the windscreen. Please explain.',
      "My permit shows as LAPSED on the app but I've paid! I paid again with Pay now just to be safe so now I've paid twice.",
      'Got a penalty charge notice for {vrm} in Zone {zone}. My permit is paid. Who do I appeal to?',
      "The app says 'Permit lapsed' and asks me to pay now. My bank says the payment went through. I'm not paying twice.",
      'So now you have my money twice AND I have a £70 ticket. Brilliant.',
      'Neighbour and I both got tickets this morning, both have permits, both had the payment failed email yesterday even though we paid',
      'Hi my permit expired apparently?? payment was taken. PCN number {pcn}.',
      "Your email said my payment failed so I paid again through Pay now. Now my bank shows two payments and I still got a PCN on Tuesday.",
      'ANPR van went down our road and I got a ticket. Permit lapsed?? I pay every month on the 1st, it was taken',
    ],
    pl: ['Dostałem mandat (PCN), chociaż opłata za pozwolenie została pobrana 1 września. W aplikacji jest napisane, że pozwolenie wygasło.'],
    ro: [],
    subjects: ['PCN but I paid', 'Permit lapsed??', 'Parking ticket', 'Payment failed but money taken', 'URGENT ticket on my car'],
    notes: ['Resident got PCN {pcn}, permit lapsed 1/9 but pymt taken (Cobalt shows PAID). Reinstated, PCN cancellation req to council.',
      "Caller paid 2x (auto + Pay now) after failed pymt email. Pay now refund raised. PCN cancel req'd.",
      'Cust upset, PCN on car, permit showed lapsed. Explained system error 1/9, PCN will be cancelled, refund of 2nd pymt.'],
    reply: ['pcn', 'pcn', 'incident'], labels: ['pcn', 'renewal', 'complaint'],
  },
  dd_pending: {
    count: 14, about: true, incident: '#152 (20-23 Jul)', bursts: [['2026-07-20', 5, 14]],
    texts: [
      "My direct debit shows as 'Awaiting payment' since Monday. The money has gone out of my account. Is my permit still valid?",
      "account page says awaiting payment for my permit renewal. I pay by direct debit, it's always been fine",
      "Hi, will I get a ticket? It's been saying awaiting payment for 3 days and I've had no confirmation email.",
      'Direct debit came out on the 20th but the permit page still says pending',
      'No renewal email this month. Account says awaiting payment. DD taken per my bank.',
      "Is there a problem with direct debits? Mine is stuck on 'Awaiting payment' and so is my neighbour's",
      'DD pending for days, permit renewal not confirmed. Please check.',
    ],
    pl: ["Polecenie zapłaty zostało pobrane, ale na koncie nadal widnieje 'Awaiting payment'. Czy pozwolenie jest ważne?"],
    ro: [],
    subjects: ['Direct debit pending', 'Awaiting payment', 'Renewal not confirmed', 'DD query'],
    notes: ["DD showing awaiting pymt since 20/7, adv'd permit still valid, no PCN risk, will update.",
      'Resident worried re ticket, DD pending. Confirmed permit on whitelist. Known issue.'],
    reply: ['dd', 'dd'], labels: ['dd', 'renewal', 'billing'],
  },
  session_double: {
    count: 12, about: false, incident: '#124 (18 Mar)', bursts: [['2026-03-18', 3, 12]],
    texts: [
      'The app timed out when I started parking on Market St so I pressed try again and now I have been charged twice for the same session',
      'Two parking sessions for the same time, {vrm}, Kelsall. App kept saying timed out',
      'charged twice for 2 hours parking this morning, app was rubbish',
      'Paid for parking twice through the Bayward Park app, same bay same time. Refund please',
      'Pay by phone double charged me {amt}. Location code 4417.',
      "App said 'Timed out, try again', I did, now 2 sessions. Not paying for both.",
    ],
    pl: ['Aplikacja pobrała dwa razy opłatę za parkowanie (ta sama godzina). Proszę o zwrot.'],
    ro: [],
    subjects: ['Charged twice', 'App charged me twice', 'Parking session refund', 'Double session'],
    notes: ['Driver chgd 2x for pay-by-phone session (app timed out). Sessions refund via kerbside tool.'],
    reply: ['refund_session', 'refund_session', 'incident'], labels: ['app', 'refund', 'billing'],
  },
  warden_pcn: {
    count: 10, about: false, incident: '#143 (20 May)', bursts: [['2026-05-20', 3, 10]],
    texts: [
      "Got a ticket although my permit is valid - the warden said I wasn't on his list",
      'I only changed my car yesterday and got a PCN today, the account shows the new car approved',
      'Drayford - my permit is valid until March and I still got a parking ticket. Is it because of my payment?',
      'whole street got tickets this morning, we all have permits',
      'PCN {pcn} issued to my car, permit valid and paid. Warden was adamant. Please cancel.',
    ],
    pl: [], ro: [],
    subjects: ['PCN', 'Wrong ticket', 'Parking ticket with valid permit', 'Appeal'],
    notes: ['Drayford resident, PCN w/ valid permit (20/5). Handheld sync issue. Logged for council cancellation.'],
    reply: ['pcn_warden'], labels: ['pcn', 'complaint'],
  },
  registry_stuck: {
    count: 10, about: false, incident: '#165 (16-21 Sep)', bursts: [['2026-09-16', 6, 10]],
    texts: [
      'I applied for a permit 5 days ago and it still says In review. I have uploaded everything.',
      "Changed my car registration last week, still pending. I'm getting tickets on the new car.",
      'Uploaded proof of address twice, still in review. How long does this take?',
      'New address, new permit application stuck. Council tax bill uploaded. Nothing happening.',
      'vehicle change pending since Tuesday?? need it sorted',
    ],
    pl: ['Wniosek o pozwolenie od tygodnia ma status In review. Co się dzieje?'], ro: [],
    subjects: ['Application stuck', 'In review', 'Vehicle change', 'Permit application'],
    notes: ['Applicant stuck In review 5d. Known registry issue. Adv\'d ask council re PCNs.'],
    reply: ['registry'], labels: ['application', 'pcn'],
  },
  visitor_texts: {
    count: 9, about: false, incident: '#135 (15 Apr)', bursts: [['2026-04-15', 2, 9]],
    texts: [
      "Got the 'visitor permit active' text 5 times for one visitor",
      'why did I get 4 texts for one visitor voucher? Have I used 4 vouchers?',
      'Same visitor permit SMS three times. Did it take three vouchers off my balance?',
      'Activated a visitor permit for my mum, my phone went mad with texts',
    ],
    pl: [], ro: [],
    subjects: ['Visitor permit texts', 'Vouchers', 'Too many texts'],
    notes: ['Resident got 4x visitor activation SMS. Confirmed only 1 voucher used.'],
    reply: ['visitor'], labels: ['visitor', 'complaint'],
  },
  late_sms: {
    count: 6, about: false, incident: '#180 (18 Nov)', bursts: [['2026-11-18', 2, 6]],
    texts: [
      'Your text confirming my renewal arrived at 11pm, hours after I paid. Then it came again at 11.05.',
      'Got the same text twice this evening - permit renewed. Have I been charged twice? Bank shows once.',
      'Visitor permit activation text came hours late, my visitor got a ticket meanwhile',
      'Texts from you are arriving really late today, is something wrong?',
    ],
    pl: [], ro: [],
    subjects: ['Late text', 'Text twice', 'SMS'],
    notes: ['Cust rec\'d renewal SMS twice & late. Checked - 1 pymt. Provider delay.'],
    reply: ['sms_delay', 'incident'], labels: ['renewal', 'visitor'],
  },
  refund_twice: {
    count: 5, about: false, incident: '#173 (12 Oct)', bursts: [['2026-10-12', 4, 5]],
    texts: [
      'I cancelled my permit when I moved and you refunded me twice, {amt} each. Do you want one back?',
      'Two refunds in my account from Bayward, I only cancelled once. Honest mistake I assume',
      'Received a refund twice for my cancelled permit. Please tell me how to return it, I dont want to be chased later.',
    ],
    pl: [], ro: [],
    subjects: ['Refunded twice', 'Refund', 'Cancelled permit refund'],
    notes: ['Ex-permit holder refunded 2x after cancellation. Finance Ops will contact re recovery.'],
    reply: ['refund_recovery'], labels: ['refund'],
  },
  fleet_invoice: {
    count: 5, about: false, incident: '#157 (4 Aug)', bursts: [['2026-08-04', 3, 5]],
    texts: [
      "We received 'Invoice payment failed' three times for our fleet account invoice, and now the card statement shows the full invoice paid twice. Accounts Payable, {company}",
      'Our business permits invoice ({inv}) payment failed email x4 - but the card was charged. Please confirm status. {company}',
      'Fleet account: invoice for August charged twice to company card. Need credit note or refund. Thanks, {company} Finance',
    ],
    pl: [], ro: [],
    subjects: ['Invoice payment failed', 'Fleet account invoice', 'Duplicate invoice payment'],
    notes: [], reply: ['business'], labels: ['business', 'billing'],
  },
  noise: {
    count: 36, about: false, incident: null, bursts: [['2026-03-02', 276, 36]],
    texts: [
      'How do I change the vehicle on my permit? Got a new car on Saturday.',
      'Is the permit price going up in April? Got a letter from the council',
      "I'm moving from Zone {zone} to another street, do I need a new permit?",
      'Please cancel my permit from the end of the month, I have sold my car.',
      'Can I switch from monthly to annual payment?',
      'Can I get a VAT receipt for my permit for work expenses?',
      "Got a text saying my permit payment failed with a link bit.ly/3xPrmt - is this you? Looks dodgy",
      "Charged twice?? Oh no wait, one of them is my visitor vouchers. Sorry!",
      "You charged me {amt} today - I paid {amt} last month too? I thought it was a one off",
      "Can't log in to my account, password reset email never arrives",
      'Please send me all the personal data you hold on me (subject access request).',
      'Do motorbikes need a permit in Zone {zone}?',
      'I have a blue badge, do I still need a resident permit?',
      'The bay outside my house is suspended for a skip, where am I supposed to park?',
      'The warden on our street is very rude. I want to complain.',
      'How many visitor vouchers do I get per year?',
      'Can my carer use my permit?',
      'What day of the month does my permit renew?',
      'I want to change my direct debit date to the 15th',
      'Do I need to display anything in the car now permits are virtual?',
      'Hi, is my permit valid in the car park behind the library?',
      'Why is my permit more expensive than my neighbour\'s? Same street',
      'test',
      'hello?',
    ],
    pl: ['Jak zmienić samochód w pozwoleniu? Mam nowy numer rejestracyjny.', 'Ile kosztuje pozwolenie w strefie {zone}?'],
    ro: ['Cum pot anula permisul? Ma mut luna viitoare.'],
    subjects: ['Question', 'Permit', 'Help', 'Enquiry', 'change of vehicle', 'Cancel permit'],
    notes: ['General enquiry re vehicle change, talked through account page.', 'Caller asked about price rise, referred to council letter.',
      'Password reset issue, sent manual link.', 'Asked re visitor vouchers allowance - 50/yr.'],
    reply: ['general'], labels: ['renewal', 'app', 'billing', 'application'],
  },
};

const MACROS = {
  refund: "Thanks for getting in touch. I can see the duplicate payment for your permit and I've refunded it today. It can take 3-5 working days to show on your statement. Sorry for the trouble.",
  incident: "We're aware of an issue that affected some permit payments and messages today. It has been fixed and you don't need to do anything. If you were charged more than once it will be refunded automatically within 5 working days.",
  notices: "Sorry about the repeated messages. Your bank had a problem authorising card payments and our system sent a message after every attempt - that has been fixed. You have not been charged more than once, and we'll try again automatically.",
  pcn: "I'm very sorry. Your permit payment was taken, but a fault on our side marked the permit as lapsed on 1 September. Your permit is active again, we've asked the council to cancel the PCN, and any second payment you made with Pay now will be refunded.",
  dd: "Your Direct Debit has been collected and your permit is valid - there's no risk of a ticket. A delay in processing bank reports means your account page hasn't updated yet; it will within a few days.",
  refund_session: 'Sorry about that - the Bayward Park app had a problem starting sessions this morning. I\'ve refunded the duplicate parking session.',
  pcn_warden: "Your permit was valid. The wardens' handhelds in Drayford had an out-of-date list that morning, and the council is cancelling the tickets issued in error.",
  registry: 'Sorry for the wait - applications and vehicle changes were delayed by a problem with document checks. Yours has now been approved.',
  visitor: 'Only one visitor voucher was used - the extra texts were a fault on our side, sorry.',
  sms_delay: 'Our text provider had delays today, so some texts arrived late or twice. You were only charged once.',
  refund_recovery: "Thanks for letting us know, that's very honest of you. Our Finance team will be in touch about the second refund - you don't need to do anything now.",
  business: "I've passed this to our Business Accounts team, who will confirm the invoice status and refund any duplicate payment.",
  general: "Thanks for your message. You can do this from your account at bayward.co.uk/account, or reply here and we'll help.",
};
const GREET = ['Hi', 'Hello', 'Hi there', 'Good morning', 'Dear Sir/Madam', 'To whom it may concern,', '', ''];
const SIGNOFF = ['Thanks', 'Regards', 'Kind regards', 'Cheers', 'Many thanks', 'Thank you', ''];
const FOOTERS = ['Sent from my iPhone', 'Sent from my Galaxy', 'Get Outlook for Android', '', ''];
const PLACEHOLDER_SUBJ = ['(no subject)', 'Help', 'Question', 'Bayward', 'URGENT', '?', 'Permit', 'Re: Your permit has been renewed', 'Pytanie'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const COMPANIES = ['Harlow & Pike Builders Ltd', 'Greenway Community Care', 'Northfield Plumbing Services', 'Drayford Tool Hire'];

// ------------------------------------------------------------------ dates (UK local time strings)
function addDays(ymd, n) { const d = new Date(ymd + 'T12:00:00Z'); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); }
const pad = (n) => String(n).padStart(2, '0');
function stamp(ymd, minutes) { // minutes since local midnight, may overflow into next days
  const day = addDays(ymd, Math.floor(minutes / 1440)); const m = ((minutes % 1440) + 1440) % 1440;
  return `${day} ${pad(Math.floor(m / 60))}:${pad(m % 60)}:${pad(int(0, 59))}`;
}
const ordinal = (d) => d + (d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th');

// ------------------------------------------------------------------ build
const tickets = [];
const truth = {};
let msgId = 61800000;
let contactId = 7300000;
for (const [key, cl] of Object.entries(C)) {
  for (const [start, span, n] of cl.bursts) {
    for (let i = 0; i < n; i++) {
      // bursts are front-loaded: most tickets on the first day or two
      const dayOff = key === 'noise' ? int(0, span) : Math.min(span - 1, Math.floor(Math.pow(rand(), 1.8) * span));
      const day = addDays(start, dayOff);
      const minute = int(6 * 60 + 30, 22 * 60 + 30);
      tickets.push({ key, cl, day, minute });
    }
  }
}
tickets.sort((a, b) => (a.day + pad(Math.floor(a.minute / 60)) + pad(a.minute % 60)).localeCompare(b.day + pad(Math.floor(b.minute / 60)) + pad(b.minute % 60)));

let tid = 5210400;
const out = [];
for (const t of tickets) {
  tid += int(3, 90);
  const { key, cl, day } = t;
  let lang = 'en';
  if (cl.pl.length && chance(0.09)) lang = 'pl'; else if (cl.ro.length && chance(0.05)) lang = 'ro';
  const first = lang === 'pl' ? pick(POLISH_FIRST) : pick(FIRST);
  const last = lang === 'pl' ? pick(['Nowak', 'Kowalski', 'Wiśniewska', 'Zieliński', 'Wójcik']) : lang === 'ro' ? pick(['Popescu', 'Ionescu', 'Dumitru']) : pick(LAST);
  const [council] = pick(COUNCILS);
  const amt = pick(AMTS);
  const [y, mo, dd] = day.split('-').map(Number);
  const payDay = key === 'charged_twice' || key === 'lapsed_pcn_paid' ? 1 : dd;
  const v = { amt, amtNum: '-' + amt.replace('£', ''), vrm: vrm(), vrm2: vrm(), zone: zone(), pcn: `${council[0]}${pick(['R', 'K', 'A'])}${int(10000000, 99999999)}`,
    day: pad(payDay), mon: MON[mo - 1], dayth: ordinal(payDay), last4: String(int(1000, 9999)), company: pick(COMPANIES), inv: `FLT-${int(20400, 20999)}` };
  const pool = lang === 'pl' ? cl.pl : lang === 'ro' ? cl.ro : cl.texts;
  let text = fill(lang === 'en' ? deal(key, pool) : pick(pool), v);
  text = text.replace('{stmt}', stmt(v)).replace('{stmt}', stmt(v));
  if (lang === 'en' && chance(0.15)) text = typo(text);
  let chType = pick(['EMAIL', 'EMAIL', 'EMAIL', 'WA_BUSINESS', 'WA_BUSINESS', 'CHAT', 'VOIP']);
  if (key === 'fleet_invoice') chType = 'EMAIL';
  if (chType === 'VOIP' && !cl.notes.length) chType = 'EMAIL';
  const ch = CHANNELS[chType];
  const agent = pick(AGENTS);
  const cid = contactId += int(5, 400);
  const email = `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${last.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}${chance(0.4) ? int(1, 99) : ''}@${pick(['gmail.com', 'outlook.com', 'hotmail.co.uk', 'btinternet.com', 'yahoo.co.uk', 'icloud.com', 'wp.pl'])}`;
  const phone = `+447${int(100000000, 999999999)}`;
  const contact = { id: cid, name: `${first} ${last}`, full_name: `${first} ${last}`, email: chType === 'WA_BUSINESS' || chType === 'VOIP' ? null : email,
    phone: chType === 'WA_BUSINESS' || chType === 'VOIP' ? phone : (chance(0.3) ? phone : null), is_phone: chType === 'WA_BUSINESS' || chType === 'VOIP',
    custom_field_data: { 'Account number': chance(0.7) ? `BPS-${int(1000000, 9999999)}` : null, Council: chance(0.6) ? council : null } };
  const messages = [];
  let m = t.minute;
  const msg = (type, body, extra = {}) => { messages.push({ id: msgId += int(1, 40), ticket_id: tid, type, message: body, created_at: stamp(day, m), ...extra }); m += 1; }; // at least a minute between two messages
  let subject = null;
  if (chType === 'EMAIL') {
    subject = chance(0.3) ? pick(PLACEHOLDER_SUBJ) : pick(cl.subjects);
    let body = text;
    const g = lang === 'pl' ? 'Dzień dobry,' : lang === 'ro' ? 'Buna ziua,' : pick(GREET);
    if (g && !/^(Hi|Hello|Good|Dzień|Buna)/.test(text)) body = `${g}\n\n${body}`;
    const s = lang === 'pl' ? 'Pozdrawiam' : pick(SIGNOFF);
    if (key !== 'fleet_invoice') body += `\n\n${s ? s + ',\n' : ''}${first}${chance(0.5) ? ' ' + last : ''}`;
    const f = lang === 'pl' ? pick(["Wysłane z iPhone'a", '']) : pick(FOOTERS); if (f) body += `\n\n${f}`;
    if (key === 'notice_storm' && subject.startsWith('Fwd')) {
      body += `\n\n---------- Forwarded message ---------\nFrom: Bayward Parking <no-reply@bayward.co.uk>\nDate: ${day}\nSubject: We couldn't take your permit payment\n\nWe couldn't take your permit payment for ${v.vrm}. Please check your card details at bayward.co.uk/account. If we can't take payment your permit will lapse.`;
    }
    msg('INBOUND', toHtml(body), { subject, contact: { id: cid, name: contact.name }, attachments: chance(0.08) ? [{ id: int(900000, 999999), name: pick(['IMG_4471.jpg', 'screenshot.png', 'statement.pdf', 'PCN.jpg']), mime_type: 'image/jpeg' }] : [] });
  } else if (chType === 'WA_BUSINESS') {
    msg('OUTBOUND', 'Hi! 👋 Thanks for messaging Bayward Parking. An agent will reply as soon as possible (Mon-Sat 8am-8pm).', { agent: null, is_auto_reply: true });
    m += 1;
    const parts = text.split(/(?<=[.?!])\s+(?=[A-Z])|\n/).filter(Boolean);
    for (const p of parts.slice(0, 4)) { msg('INBOUND', chance(0.4) ? p.toLowerCase() : p, { contact: { id: cid, name: contact.name } }); m += int(0, 2); }
    if (chance(0.15)) { msg('INBOUND', '', { contact: { id: cid, name: contact.name }, attachments: [{ id: int(900000, 999999), name: 'WhatsApp Image.jpeg', mime_type: 'image/jpeg' }] }); }
  } else if (chType === 'CHAT') {
    msg('OUTBOUND', 'Hello 👋 I\'m Parker, Bayward\'s assistant. What can I help with? [Renew or pay] [PCN / tickets] [Visitor permits] [Something else]', { agent: null, is_auto_reply: true });
    m += 1;
    msg('INBOUND', pick(['Renew or pay', 'Something else', 'PCN / tickets', 'Something else', 'Visitor permits']), { contact: { id: cid, name: contact.name } });
    msg('OUTBOUND', "Thanks! I'm connecting you to a person now.", { agent: null, is_auto_reply: true });
    m += int(1, 6);
    msg('INBOUND', chance(0.5) ? text.toLowerCase() : text, { contact: { id: cid, name: contact.name } });
  } else { // VOIP: no words from the caller, only the call record and the agent's shorthand note
    msg('INBOUND', null, { contact: { id: cid, name: contact.name }, call: { direction: 'INBOUND', status: 'COMPLETED', duration: int(95, 900), from: phone, to: '+443305550190' } });
    m += int(3, 15);
    msg('NOTE', fill(pick(cl.notes), v), { agent: { id: agent.id, name: agent.name } });
  }
  // agent replies (not for every ticket)
  const replied = chType !== 'VOIP' && chance(0.7);
  if (replied) {
    m += int(20, 60 * 26);
    { const hm = ((m % 1440) + 1440) % 1440; // Customer Care works 08:00-20:00
      if (hm < 480) m += 480 - hm + int(0, 90); else if (hm > 1200) m += 1440 - hm + 480 + int(0, 90); }
    const mk = pick(cl.reply);
    let r = (lang === 'pl' && chance(0.5) ? 'Dzień dobry, odpowiadamy po angielsku - ' : '') + MACROS[mk];
    r = `Hi ${first},\n\n${r}\n\n${agent.name.split(' ')[0]}\nBayward Customer Care`;
    msg('OUTBOUND', chType === 'EMAIL' ? toHtml(r) : r, { agent: { id: agent.id, name: agent.name }, ...(chType === 'EMAIL' ? { subject: `Re: ${subject}` } : {}) });
    if (chType === 'EMAIL' && chance(0.25)) { // customer follow-up quoting our reply
      m += int(30, 60 * 20);
      const fu = pick(['Thanks, that\'s great.', 'Ok thank you', 'Still not showing on my statement.', 'Thanks for the quick reply!', 'ok']);
      const at = messages[messages.length - 1].created_at; // our reply
      const wd = new Date(at.slice(0, 10) + 'T12:00:00Z');
      const q = `On ${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][wd.getUTCDay()]}, ${Number(at.slice(8, 10))} ${MON[wd.getUTCMonth()]} ${at.slice(0, 4)} at ${at.slice(11, 16)}, Bayward Customer Care <help@bayward.co.uk> wrote:`;
      msg('INBOUND', `${toHtml(fu)}<div class="gmail_quote"><div>${escHtml(q)}</div><blockquote>${toHtml(r)}</blockquote></div>`, { subject: `Re: Re: ${subject}`, contact: { id: cid, name: contact.name } });
    }
  }
  if (chance(0.2) && cl.notes.length && chType !== 'VOIP') { m += int(1, 30); msg('NOTE', pick(cl.about ? ['refund done', 'dup checked in Cobalt', 'escalated to Kestrel via #care-escalations', 'see parent ticket', 'macro sent'] : ['see parent ticket', 'macro sent', 'known issue - pinned in #care-floor']), { agent: { id: agent.id, name: agent.name } }); }
  const labels = chance(0.25) ? [] : [LABELS[chance(0.75) ? pick(cl.labels) : pick(LABEL_KEYS)]];
  const closed = stamp(day, m + int(5, 600));
  out.push({ id: tid, status: 'CLOSED', subject, created_at: messages[0].created_at, updated_at: closed, closed_at: closed,
    assigned_at: replied || chType === 'VOIP' ? stamp(day, t.minute + int(1, 20)) : null,
    user_id: agent.id, team_id: pick([88, 88, 91]), contact, channel: ch, labels,
    custom_field_data: { 'Contact reason': chance(0.5) ? pick(['Payment', 'Permit', 'PCN', 'Other', 'Account']) : null },
    messages_count: messages.length, messages });
  truth[tid] = key;
}

const exportDoc = { export: { tool: 'trengo-dump 1.4.0', account: 'bayward-care', timezone: 'Europe/London', created_at: '2026-12-04 23:40:07', filter: { status: 'CLOSED', closed_after: '2026-03-01 00:00:00' }, ticket_count: out.length }, tickets: out };
writeFileSync(join(here, 'trengo-tickets-2026-12-04.json'), JSON.stringify(exportDoc, null, 1) + '\n');
const counts = {};
for (const [k, c] of Object.entries(C)) counts[k] = { count: Object.values(truth).filter((x) => x === k).length, about_component: c.about, incident: c.incident };
writeFileSync(join(here, 'truth.json'), JSON.stringify({ export: 'trengo-tickets-2026-12-04.json', seed: SEED, total: out.length, clusters: counts, tickets: truth }, null, 2) + '\n');
process.stderr.write(`${out.length} tickets, ${msgId - 61800000} msg-id span\n${JSON.stringify(Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, c.count])))}\n`);
