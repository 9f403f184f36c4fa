#!/usr/bin/env node
// Generates tickets/osticket-export-2026-11-27.xml: the Tillbrook Support osTicket export
// (ticket-export plugin, XML) used as ticket history for net-pay-disbursement.
// Deterministic: mulberry32 seeded from a cyrb53 hash of a fixed string, no dependencies,
// byte-identical output on every run.
//   node generate-tickets.mjs            -> writes the XML next to this script
//   node generate-tickets.mjs --truth    -> prints "<ticket number>\t<cluster>" to stdout,
//                                           cluster sizes to stderr (writes nothing)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function cyrb53(str, seed = 0) {
  let h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) { const ch = str.charCodeAt(i); h1 = Math.imul(h1 ^ ch, 2654435761); h2 = Math.imul(h2 ^ ch, 1597334677); }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0) * 4294967296 + (h1 >>> 0);
}
function mulberry32(a) { return function () { a |= 0; a = a + 0x6D2B79F5 | 0; let t = Math.imul(a ^ a >>> 15, 1 | a); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; }; }
const rnd = mulberry32(cyrb53('tillbrook-support-osticket-2026-11') >>> 0);
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = a => a[Math.floor(rnd() * a.length)];
// 'E|' = employer-only, 'W|' = employee-only, untagged = anyone
const pickFor = (a, kind) => { const ok = a.filter(x => typeof x !== 'string' || !/^[EW]\|/.test(x) || (x[0] === 'E' ? kind === 'employer' : kind === 'employee')); const r = pick(ok); return typeof r === 'string' ? r.replace(/^[EW]\|/, '') : r; };
const chance = p => rnd() < p;
const fill = (s, v) => s.replace(/\{(\w+)\}/g, (_, k) => (k in v ? v[k] : `{${k}}`));

// ---------- people ----------
const FIRST = ['Sarah','James','Aisha','Tom','Karolina','Mihai','Gemma','Rhys','Priya','Callum','Joanna','Ana','Liam','Megan','Oluwaseun','Kieran','Hannah','Dawid','Chloe','Ravi','Bethan','Marco','Zainab','Craig','Ioana','Lucy','Shaun','Fatima','Declan','Ewa','Ellie','Nathan','Sofia','Gareth','Yasmin','Jakub','Leah','Ahmed','Niamh','Pedro'];
const LAST = ['Holloway','Khan','Nowak','Popescu','Evans','Price','Osei','McAllister','Sharma','Jones','Wiśniewska','Silva','Doherty','Baker','Ionescu','Patel','Reid','Hughes','Kowalski','Thomas','Begum','Ferreira','Griffiths','Walsh','Murray','Ali','Lewandowski','Roberts','Ward','Costa'];
const ORGS = ['Harbour Lane Dental','Brackley Joinery Ltd','The Copper Kettle Café','Northfield Care Home','Pennant Logistics','Swift & Dunn Accountants','Greenway Nurseries','Oakridge Veterinary Practice','Marlowe Builders','Saltmarsh Bakery','Little Acorns Nursery','Kestrel Print Co','Bridgend Auto Repairs','Fennel & Fig Restaurant','Hollybank Physio','Riverside Lettings','Thistle Cleaning Services','Arden Electrical','Moor Street Pharmacy','Baxter Engineering','Quayside Hair Studio','Elmwood Primary PTA','Castle Gym Ltd','Westgate Dental Lab','Penrose Farm Shop'];
const AGENTS = ['Jade Ellis','Mo Rahman','Fiona Clarke','Ben Adeyemi','Kirsty Lowe','Owain Jenkins'];
const DOMAINS = ['gmail.com','outlook.com','hotmail.co.uk','yahoo.co.uk','icloud.com','btinternet.com'];

function person(kind) {
  const f = pick(FIRST), l = pick(LAST);
  const org = pick(ORGS);
  let email;
  const slug = org.toLowerCase().replace(/[^a-z]+/g, '').slice(0, 14);
  if (kind === 'employer') email = `${f.toLowerCase()}${chance(0.5) ? '.' + l.toLowerCase() : ''}@${slug}.co.uk`;
  else email = `${f.toLowerCase()}${chance(0.5) ? l.toLowerCase().slice(0, 4) : ''}${ri(1, 99)}@${pick(DOMAINS)}`;
  email = email.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l');
  return { first: f, last: l, name: `${f} ${l}`, email, org };
}

// ---------- noise-ifiers ----------
function transpose(text) {
  const words = text.split(' ');
  const idx = words.map((w, i) => [w, i]).filter(([w]) => /^[a-z]{6,}$/.test(w));
  if (!idx.length) return text;
  const [w, i] = pick(idx);
  const k = ri(1, w.length - 3);
  words[i] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
  return words.join(' ');
}
function customerise(text) {
  if (chance(0.15)) text = transpose(text);
  if (chance(0.10)) text = text.toLowerCase();
  return text;
}

// ---------- dates ----------
const p2 = n => String(n).padStart(2, '0');
function when(start, days) {
  const d = new Date(start + 'T00:00:00Z');
  // bursts: front-loaded
  const off = Math.floor(Math.pow(rnd(), 1.8) * days);
  d.setUTCDate(d.getUTCDate() + off);
  if (d.getUTCDay() === 0 && chance(0.7)) d.setUTCDate(d.getUTCDate() + 1);
  const h = chance(0.85) ? ri(7, 18) : ri(19, 23);
  d.setUTCHours(h, ri(0, 59), ri(0, 59));
  return d;
}
const fmt = d => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
const longDate = d => `${d.getUTCDate()} ${['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'][d.getUTCMonth()]} ${d.getUTCFullYear()}`;

// ---------- generic bits ----------
const GENERIC_SUBJ = ['Help', 'Query', 'Payroll question', 'Urgent', 'URGENT!!', '(no subject)', 'Quick question', 'Re: Your pay run has been paid', 'Re: Tillbrook Support', 'Fwd: payroll', 'Problem', 'Pay', 'hi', 'Support request', 'Contact form'];
const TOPICS = ['Payments / Payday', 'Payroll', 'General Enquiry', 'Account & Billing', 'Employee App', 'Tax & HMRC', 'Other'];
const SIGN = ['Thanks', 'Many thanks', 'Kind regards', 'Regards', 'Cheers', 'Thank you', 'Best wishes', 'Diolch', 'thx'];
const APPFOOT = () => `\n\n--\nSent from Tillbrook Pocket ${pick(['5.2.0', '5.3.1', '5.4.0', '5.4.2'])} (${pick(['iOS 19.1', 'iOS 18.6', 'Android 15', 'Android 14'])})`;

// ---------- clusters ----------
// each cluster: windows [start, days, n], kinds, subjects, cores (per kind), extras, asks
const C = {};

C.double_pay = {
  windows: [['2026-02-27', 10, 20], ['2026-09-30', 9, 12]],
  kinds: { employer: 0.55, employee: 0.3, phone: 0.15 },
  subj: ['E|Staff paid twice', 'E|Employees have been paid twice!!', 'Duplicate salary payments', 'Overpayment - paid 2x', 'paid twice??', 'W|Got my wages twice', 'Double payment of wages', 'E|Recovering an overpayment', 'W|Two payments from Tillbrook in my account', 'W|Salary came in twice', 'Wrong - two lots of pay'],
  employer: [
    'Three of my staff have rung me to say their wages went in twice this morning.',
    '{n} of our employees have been paid their {month} salary twice. How has this happened?',
    'Our bank reconciliation shows two payments to the same people for the same pay run.',
    'Two of the girls at the shop got two lots of pay today, same amount both times.',
    'I have staff telling me they have been paid double. We only approved the pay run once.',
    'We appear to have paid {n} people twice on payday. Please can you confirm who and how much.',
    'The payroll report shows one payment each but my staff are showing me two credits on their banking apps.',
    'Our bookkeeper has spotted that Tillbrook sent an extra payment to {n} people - same net pay, a few minutes apart.',
    'We have been told by staff they have received their wages double. The funding we sent only covered one lot so where has the rest come from?',
    'Overpayment alert - looks like everyone on the {month} run got paid 2x.',
  ],
  employee: [
    'I have been paid twice today, same amount, both say TILLBROOK PAYROLL.',
    'got two payments for my wages this morning, is that a mistake',
    'My salary has come into my account 2 times. I dont want to spend it if I have to pay it back.',
    'I received my pay twice. Is the second one going to be taken back?',
    'There are two identical payments from Tillbrook on my statement for payday.',
    'extra salary in my account today, think its a mistake',
    'Hi, looks like I have been overpaid, my wages arrived two times this morning.',
    'I was paid double this month. Is that right? I dont want to get in trouble.',
  ],
  phone: [
    'Cust (payroll admin) called re: {n} staff pd 2x on payday. Same amt, same ref. Adv\'d we are aware, recall in progress, will email list.',
    'EE called, wages recvd twice today. Adv\'d not to spend 2nd pmt, employer will be in touch re recovery.',
    'Employer called v upset - whole team paid double. Escalated to payments. Call back promised by 5pm.',
    'Bookkeeper rang - dup net pay pmts for {n} EEs, mins apart. Wants recovery letter template. Sent KB art. 2231.',
    'EE rang from work, 2 x salary credits, asked if she shd move it to savings. Adv\'d leave it, employer will contact.',
  ],
  extra: ['E|Total for the second lot is about £{amt}.', 'E|This is really going to hurt our cashflow.', 'E|We are a small business and cannot afford this.', 'Screenshot attached.', 'E|Our accountant has asked for a written explanation.', '', '', ''],
  ask: ['E|How do we get the money back?', 'E|Do they have to pay it back or will you take it?', 'Please advise urgently.', 'E|What do I tell my staff?', 'W|Can you reverse it?', 'Who is going to fix this?', ''],
  lang: [
    ['Wypłata podwójnie', 'Dzień dobry, dostałam wypłatę dwa razy dzisiaj. Czy muszę oddać drugą? Pozdrawiam'],
    ['Salariu primit de doua ori', 'Buna ziua, am primit salariul de doua ori azi. Ce trebuie sa fac?'],
    ['pagamento duplicado', 'Olá, recebi o meu salário duas vezes hoje. Tenho de devolver?'],
  ],
};

C.delayed_spam = {
  windows: [['2026-04-10', 7, 22]],
  kinds: { employee: 0.6, employer: 0.25, phone: 0.15 },
  subj: ['Stop the texts', 'Keep getting "your pay is delayed" messages', 'SPAM from your app', 'Pay delayed message x7', 'notifications', 'Why do I keep getting told my pay is late?', 'Too many texts', 'E|Staff bombarded with messages', 'Pay delayed?? again??'],
  employee: [
    'I have had the "your pay is delayed" text {k} times since 9am.',
    'keep getting the same notification over and over saying my pay is delayed',
    'Your app has sent me {k} messages saying the same thing, my pay is delayed. Once is enough!',
    'Every half hour another SMS that my pay is delayed. Is it delayed or not?',
    'My phone keeps buzzing with pay delayed alerts, {k} so far',
    'I got loads of push notifications that my wages are late. It is stressing me out.',
    'Same alert again and again: Your pay is delayed. Got it the first time thanks.',
    'why am I getting a text every 30 minutes??',
  ],
  employer: [
    'My staff are getting the pay delayed message again and again, one of them has had {k}.',
    'Can you stop sending my employees repeated texts? They think we have not paid them.',
    'Employees with Monzet accounts keep getting notified their pay is delayed, every 30 mins.',
  ],
  phone: [
    'EE called re: repeated pay delayed SMS ({k} so far). Bank is Monzet. Adv\'d known issue, pay will arrive today.',
    'Employer called: staff getting spammed w/ pay delayed notifs. Logged under INC, adv\'d msgs being paused.',
    'EE v annoyed, {k}x "pay delayed" texts + pushes. Wants to unsubscribe from all msgs. Adv\'d one-off fault.',
  ],
  extra: ['W|Does this mean you are going to try to pay me {k} times?', 'W|I am with Monzet if that matters.', 'W|Screenshot of my lock screen attached.', 'W|My rent goes out today.', '', '', ''],
  ask: ['Please make it stop.', 'W|Is my money coming or not?', 'W|Please stop messaging me.', 'When will it be paid?', ''],
  lang: [
    ['Ciągle SMS-y', 'Dostaję ciągle ten sam SMS, że wypłata jest opóźniona. Już 6 razy!'],
    ['Mensajes repetidos', 'Hola, me llegan muchos mensajes de que mi sueldo está retrasado, el mismo mensaje cada media hora.'],
  ],
};

C.failed_but_paid = {
  windows: [['2026-07-15', 9, 17]],
  kinds: { employer: 0.7, employee: 0.1, phone: 0.2 },
  subj: ['Payment failed email but staff have been paid', 'You said payroll failed??', 'Payroll payment failed - or not?', 'Bacs failed message', 'Payment problem email', 'Failed payment - wages went through anyway', 'Wrong failure notice', 'E|paid our staff again - now double'],
  employer: [
    'We got an email on Wednesday saying our payroll payment had failed, but every employee has been paid on Friday.',
    'You told us the Bacs payment failed, so we paid everyone ourselves by bank transfer. Now Tillbrook has paid them as well.',
    'Your system says the pay run failed. My staff all have their money. Which is it?',
    'The dashboard said payment failed so I transferred the wages from our business account. Now they have been paid twice - once by us, once by you.',
    'Failed payment notice received for this week\'s Bacs run, yet the bank statement shows it went through.',
    'We were told the payment did not go, so we re-paid {n} employees manually on Thursday. Your payment still arrived Friday.',
  ],
  employee: [
    'My boss says Tillbrook told him the wages failed but I got paid, and then he paid me again. Which one do I keep?',
  ],
  phone: [
    'Employer called re: "payment failed" email for Bacs run, but staff pd Fri. Cust paid EEs manually Thu - now 2x. Adv\'d known issue, recovery guidance to follow.',
    'Cust called, got payment failed notice, wants to know if to re-pay staff. Adv\'d DO NOT re-pay, pmt went through.',
    'Practice mgr rang: failure email Weds, bank stmt shows Bacs debit from client acct Fri. Confirmed settled. Cust relieved.',
  ],
  extra: ['E|This has cost us a lot of time.', 'E|We had to borrow to cover the manual payments.', 'E|Our accountant is asking questions.', '', '', ''],
  ask: ['Can you confirm in writing that the payment did go?', 'E|How do we get back what we paid twice?', 'Please explain what happened.', 'E|Can you refund us the money we paid by hand?', ''],
  lang: [],
};

C.stuck_processing = {
  windows: [['2026-05-15', 6, 20]],
  kinds: { employer: 0.55, employee: 0.25, phone: 0.2 },
  subj: ['E|Pay run still showing processing', 'E|Dashboard says not paid', 'W|Payslip says pending', 'Status stuck', 'Has payroll gone or not?', 'E|Pay run status', 'processing for hours', 'Still "Processing"'],
  employer: [
    'The pay run for Friday still says Processing. My staff have their money but Tillbrook says they have not been paid.',
    'Our dashboard shows this week\'s pay run as not paid, but the bank shows the money has gone out.',
    'Everyone has been paid according to the staff, but your system shows pending for all {n} of them.',
    'Pay run status has been stuck on processing since this morning. Do I need to do something?',
    'Tillbrook says wages unpaid, staff say paid. One of you is wrong!',
    'I have an employee who says she has been paid and another page on your site says unpaid. Confusing.',
  ],
  employee: [
    'My payslip in the app says pending but the money is in my bank.',
    'App says my pay is processing still but I got it this morning?',
    'Payment status shows pending. I need it to show paid for my mortgage application.',
  ],
  phone: [
    'Cust called re: pay run stuck in processing since am. EEs confirm recvd funds. Adv\'d status update delay, will resolve.',
    'EE called, payslip shows pending, money recvd. Adv\'d display issue.',
    'Owner rang, dashboard: pay run NOT PAID, staff all say funds in. Adv\'d do not re-pay, status catching up.',
  ],
  extra: ['E|Should I pay them again to be safe?', 'E|I was about to transfer the wages myself.', 'Not great on a Friday.', '', '', ''],
  ask: ['E|Please confirm everyone has been paid.', 'When will it update?', 'Can you check?', ''],
  lang: [['Status płatności', 'W aplikacji pensja jest jako "pending", ale pieniądze są na koncie. Dlaczego?']],
};

C.no_paid_notice = {
  windows: [['2026-08-20', 8, 12]],
  kinds: { employee: 0.75, employer: 0.1, phone: 0.15 },
  subj: ['No notification', 'W|Didn\'t get told I was paid', 'proof of payment', 'no "you\'ve been paid" message', 'W|Where is my paid message?', 'Confirmation of wages'],
  employee: [
    'I normally get a message saying I\'ve been paid, nothing this time. Has it gone?',
    'Didnt get the notification that my wages were paid this week',
    'I need proof of payment for my landlord and there is no paid notification in the app this time.',
    'Can you send me something to confirm my wages went in? The app never told me this week.',
    'No email to say I have been paid. The money is there but I always get the email.',
  ],
  employer: ['A few of my staff say they never got the usual "you\'ve been paid" message this week.'],
  phone: ['EE called, no paid notif this wk, needs proof of pmt for letting agent. Adv\'d payslip in app, notif being resent.'],
  extra: ['', '', 'Not urgent.'],
  ask: ['Can you resend it?', 'Can you send me confirmation?', ''],
  lang: [],
};

C.funding_double = {
  windows: [['2026-03-12', 7, 13]],
  kinds: { employer: 0.8, phone: 0.2 },
  subj: ['Direct debit taken twice', 'You have collected our payroll funding twice', 'Two direct debits this month', 'Duplicate collection', 'Charged twice for payroll funding'],
  employer: [
    'Tillbrook has taken the direct debit for our payroll twice from the business account.',
    'We have two identical direct debits for this week\'s wages on our statement.',
    'The funding for our pay run has been collected twice. That is £{amt} we need back today.',
    'Our bank shows two collections for the same pay run.',
  ],
  phone: ['Cust called re: DD for payroll funding taken 2x from business acct. Adv\'d known issue, refund by FPS within 1 bus day.'],
  extra: ['This has put us overdrawn.', 'Please note our staff are not paid until the 20th.', '', ''],
  ask: ['Please refund immediately.', 'When will it be returned?', ''],
  lang: [],
};

C.wrong_tax = {
  windows: [['2026-09-10', 14, 15]],
  kinds: { employee: 0.6, employer: 0.25, phone: 0.15 },
  subj: ['Tax wrong on payslip', 'Emergency tax?', 'Why has so much tax been taken', 'Tax code', 'E|Wrong tax code used', 'net pay too low'],
  employee: [
    'My September payslip has taken way too much tax, it looks like the old tax code.',
    'HMRC sent me a new tax code in August but my payslip still uses the old one.',
    'Im being taxed double what i normally am this month',
    'My net pay is £{amt} less than usual and the tax is the difference.',
  ],
  employer: ['Several staff have the wrong tax codes on their September payslips even though the P6 notices came through.'],
  phone: ['EE called re: tax on Sept payslip - old code used. Adv\'d known issue, corrected next pay run.'],
  extra: ['', '', 'W|My code should be 1257L.'],
  ask: ['W|Will I get it back?', 'Please correct it.', ''],
  lang: [['Podatek', 'Dzień dobry, w tym miesiącu zabrano mi za dużo podatku. Kod podatkowy jest zły.']],
};

C.noise = {
  windows: [['2026-02-02', 295, 28]],
  kinds: { employer: 0.6, employee: 0.3, phone: 0.1 },
  // noise subjects belong to their body: [subject, body]
  employer: [
    ['Adding a new starter', 'How do I add a new starter who begins on Monday?'],
    ['Change of bank details', 'One of our staff has changed bank, where do I update the account number before payday?'],
    ['Can\'t log in', 'I can\'t log in, the 2FA code never arrives.'],
    ['Leaver', 'How do I process a leaver mid-month?'],
    ['Change pay date', 'We want to move payday from the 28th to the last Friday. How?'],
    ['Invoice query', 'Our Tillbrook invoice this month looks higher than usual, can you explain?'],
    ['Invoice paid twice?', 'Our card was charged twice for the Tillbrook subscription this month. Has payroll been affected?'],
    ['How do I add a bonus?', 'How do I add a one-off bonus to this month\'s pay run?'],
    ['Cancel subscription', 'Please cancel our subscription at the end of the month, we are closing the business.'],
    ['Cycle to work', 'Do you support salary sacrifice for the cycle to work scheme?'],
    ['Weekly and monthly', 'Can we pay weekly and monthly staff in the same account?'],
    ['Bank holiday payday', 'Payday falls on the bank holiday this month, will staff be paid the day before?'],
  ],
  employee: [
    ['P60', 'Where can I download my P60?'],
    ['Pension opt out', 'How do I opt out of the workplace pension?'],
    ['New phone', 'I changed my phone and can\'t get into the app.'],
    ['Old payslips', 'Can I see payslips from my old employer in the app?'],
    ['Bank details', 'How do I change my bank details? My employer said to ask you.'],
    ['Notifications', 'How do I turn off the marketing notifications in the app? I still want the pay ones.'],
  ],
  phone: [['Phone call', 'Cust called re: adding new starter, walked through setup.'], ['Phone call', 'EE called, locked out of app. Reset sent.'], ['Inbound call', 'Cust called re: P11D deadline, adv\'d not supported, referred to accountant.']],
  extra: ['', '', '', 'Thanks in advance.'],
  ask: [''],
  lang: [],
};

// ---------- body builders ----------
const MONTHS = { '02': 'February', '03': 'March', '04': 'April', '05': 'May', '06': 'June', '07': 'July', '08': 'August', '09': 'September', '10': 'October', '11': 'November' };
function vars(d, payday) { return { n: ri(2, 14), k: ri(4, 8), amt: String(ri(8, 240) * 10).replace(/\B(?=(\d{3})+(?!\d))/g, ','), month: MONTHS[payday.slice(5, 7)] }; }

function pickKind(kinds) { let r = rnd(), acc = 0; for (const [k, p] of Object.entries(kinds)) { acc += p; if (r < acc) return k; } return Object.keys(kinds)[0]; }

const noiseTurn = {};
function buildTicket(cl, d, payday) {
  const c = C[cl];
  let kind = pickKind(c.kinds);
  const v = vars(d, payday);
  let subject, body, source, format = 'text', poster, user;
  const lang = c.lang.length && kind === 'employee' && chance(0.22) ? pick(c.lang) : null;
  user = person(kind === 'phone' ? (chance(0.5) ? 'employer' : 'employee') : kind);
  if (kind === 'phone') {
    source = 'Phone';
    subject = chance(0.5) ? pick(['Phone call', 'Call from customer', 'Inbound call', 'Phone enquiry']) : fill(pickFor(c.subj || ['Phone call'], 'any'), v);
    const ph = pick(c.phone);
    if (Array.isArray(ph)) { subject = ph[0]; body = ph[1]; } else body = fill(ph, v);
    poster = pick(AGENTS);
  } else if (lang) {
    source = chance(0.6) ? 'API' : 'Email';
    subject = lang[0];
    body = lang[1] + (source === 'API' ? APPFOOT() : '');
    poster = user.name;
  } else {
    // noise walks its templates in turn so every kind of noise shows up at least once
    const raw = cl === 'noise' ? c[kind][(noiseTurn[kind] = (noiseTurn[kind] ?? -1) + 1) % c[kind].length] : pick(c[kind]);
    const pair = Array.isArray(raw);
    const core = customerise(fill(pair ? raw[1] : raw, v));
    const extra = fill(pickFor(c.extra, kind), v), ask = pickFor(c.ask, kind);
    subject = chance(0.25) ? pick(GENERIC_SUBJ) : customerise(fill(pair ? raw[0] : pickFor(c.subj, kind), v));
    if (kind === 'employee' && chance(0.55)) {
      source = 'API';
      body = [core, extra, ask].filter(Boolean).join(' ') + APPFOOT();
    } else if (chance(0.3)) {
      source = 'Web';
      body = `Name: ${user.name}\nCompany: ${kind === 'employer' ? user.org : '-'}\nEmployer ID: ${kind === 'employer' ? 'TB-' + ri(10000, 99999) : ''}\nPhone: 07${ri(100, 999)} ${ri(100000, 999999)}\nHow can we help?: ${[core, extra, ask].filter(Boolean).join(' ')}`;
    } else {
      source = 'Email';
      const greet = pick(['Hi', 'Hello', 'Hi there', 'Good morning', 'Dear Tillbrook', 'Hiya', '']);
      const sig = `${pick(SIGN)}\n${user.first}${kind === 'employer' ? `\n${pick(['Office Manager', 'Director', 'Payroll', 'Owner', 'Practice Manager'])}\n${user.org}` : ''}`;
      const paras = [greet ? greet + ',' : '', [core, extra].filter(Boolean).join(' '), ask, sig].filter(Boolean);
      if (chance(0.3)) { format = 'html'; body = paras.map(p => `<div>${esc(p).replace(/\n/g, '<br>')}</div>`).join('<div><br></div>'); }
      else body = paras.join('\n\n');
      if (chance(0.2)) subject = 'Re: ' + pick(['Your pay run has been paid', 'Payroll approved for this week', 'Your Tillbrook invoice', 'Welcome to Tillbrook']);
    }
    poster = user.name;
  }
  return { subject, body, source, format, poster, user, kind };
}

const REPLY = [
  'Hi {first},\n\nThanks for getting in touch. I\'m looking into this for you now and will update you as soon as I have more information.\n\nKind regards\n{agent}\nTillbrook Support',
  'Hello {first},\n\nThank you for your message. We are aware of an issue affecting some payments and notifications today and our payments team is working on it. We will come back to you on this ticket.\n\nBest wishes\n{agent}',
  'Hi {first},\n\nSorry for the trouble. I\'ve passed this to the right team and will let you know what they say.\n\n{agent}\nTillbrook Support',
];
const FOLLOWUP = ['Any update on this please?', 'Still waiting to hear back.', 'Thanks - so what happens now?', 'Hello?? This is urgent.', 'Ok thanks.'];

function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }
const cdata = s => `<![CDATA[${String(s).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

// ---------- build ----------
const list = [];
for (const cl of Object.keys(C)) for (const [start, days, n] of C[cl].windows) for (let i = 0; i < n; i++) { const d = when(start, days); list.push({ cl, d, t: buildTicket(cl, d, start) }); }
list.sort((a, b) => a.d - b.d);
const used = new Set();
let tid = 4102, eid = 18840;
const out = [];
out.push('<?xml version="1.0" encoding="UTF-8"?>');
out.push('<osticket-export version="1.18.1" plugin="ticket-export 0.9.3" helpdesk="Tillbrook Support" url="https://support.tillbrook.co.uk/" generated="2026-11-27 06:00:04" timezone="UTC">');
out.push(`  <query><![CDATA[created BETWEEN '2026-02-01' AND '2026-11-26' AND dept IN ('Payroll Support','Employee App Support')]]></query>`);
out.push(`  <tickets count="${list.length}">`);
const truth = [];
for (const { cl, d, t } of list) {
  let num; do { num = String(ri(100000, 999999)); } while (used.has(num)); used.add(num);
  truth.push(`${num}\t${cl}`);
  const closed = chance(0.85);
  const dept = t.source === 'API' ? 'Employee App Support' : 'Payroll Support';
  const topic = t.source === 'API' ? pick(['Employee App', 'Other', 'Payments / Payday']) : pick(TOPICS);
  const agent = pick(AGENTS);
  out.push(`    <ticket id="${tid++}" number="${num}">`);
  out.push(`      <created>${fmt(d)}</created>`);
  out.push(`      <updated>${fmt(new Date(d.getTime() + ri(1, 96) * 3600e3))}</updated>`);
  out.push(`      <status>${closed ? 'Closed' : pick(['Open', 'Resolved', 'Awaiting customer'])}</status>`);
  out.push(`      <priority>${pick(['Normal', 'Normal', 'Normal', 'High', 'Low', 'Emergency'])}</priority>`);
  out.push(`      <source>${t.source}</source>`);
  out.push(`      <dept>${dept}</dept>`);
  out.push(`      <topic>${esc(topic)}</topic>`);
  out.push(`      <staff>${agent}</staff>`);
  out.push(`      <user id="${ri(2000, 60000)}"><name>${esc(t.user.name)}</name><email>${esc(t.user.email)}</email>${t.kind === 'employer' || (t.kind === 'phone' && chance(0.5)) ? `<organization>${esc(t.user.org)}</organization>` : '<organization/>'}</user>`);
  out.push(`      <subject>${cdata(t.subject)}</subject>`);
  out.push('      <thread>');
  out.push(`        <entry id="${eid++}" type="M" created="${fmt(d)}" poster="${esc(t.poster)}"${t.source === 'Phone' ? ' staff="1"' : ''}>`);
  out.push(`          <title>${cdata(t.subject)}</title>`);
  out.push(`          <body format="${t.format}">${cdata(t.body)}</body>`);
  out.push('        </entry>');
  if (t.source !== 'Phone' && chance(0.7)) {
    const rd = new Date(d.getTime() + ri(10, 600) * 60e3);
    const reply = fill(cl === 'noise' ? pick([REPLY[0], REPLY[2]]) : pick(REPLY), { first: t.user.first, agent });
    out.push(`        <entry id="${eid++}" type="R" created="${fmt(rd)}" poster="${agent}" staff="1">`);
    out.push(`          <body format="text">${cdata(reply)}</body>`);
    out.push('        </entry>');
    if (chance(0.3)) {
      const fd = new Date(rd.getTime() + ri(30, 2000) * 60e3);
      const quoted = reply.split('\n').map(l => '> ' + l).join('\n');
      out.push(`        <entry id="${eid++}" type="M" created="${fmt(fd)}" poster="${esc(t.poster)}">`);
      out.push(`          <body format="text">${cdata(`${pick(FOLLOWUP)}\n\nOn ${longDate(rd)}, Tillbrook Support <support@tillbrook.co.uk> wrote:\n${quoted}`)}</body>`);
      out.push('        </entry>');
    }
  }
  if (closed && chance(0.4)) {
    out.push(`        <entry id="${eid++}" type="N" created="${fmt(new Date(d.getTime() + ri(2, 72) * 3600e3))}" poster="${agent}" staff="1">`);
    out.push(`          <body format="text">${cdata(pick(['Closing - resolved.', 'Sent standard macro, closing.', 'No reply from customer in 5 days, closing.', 'Resolved on call.', 'Linked to parent ticket.']))}</body>`);
    out.push('        </entry>');
  }
  out.push('      </thread>');
  out.push(`      <form name="Ticket Details"><field name="employer_ref">${t.kind === 'employer' ? 'TB-' + ri(10000, 99999) : ''}</field><field name="device">${t.source === 'API' ? 'pocket' : ''}</field></form>`);
  out.push('    </ticket>');
}
out.push('  </tickets>');
out.push('</osticket-export>');

if (process.argv.includes('--truth')) {
  console.log(truth.join('\n'));
  const sizes = {}; for (const x of list) sizes[x.cl] = (sizes[x.cl] || 0) + 1;
  console.error(Object.entries(sizes).map(([k, v]) => `${k}\t${v}`).join('\n') + `\ntotal\t${list.length}`);
} else {
  const here = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(here, 'osticket-export-2026-11-27.xml'), out.join('\n') + '\n');
  console.error(`wrote ${list.length} tickets`);
}
