#!/usr/bin/env node
// Northstride Member Care conversations, as Support Ops' `gladly-pull` writes them: one JSON object per
// line (JSON Lines), each { conversation, customer, items[] } built from the Gladly REST API objects.
// Deterministic: sfc32 seeded with cyrb128 of a fixed string, no Date.now(), no dependencies.
//   node generate-tickets.mjs   -> gladly-conversations-2026-12-11.jsonl + truth.json (sizes on stderr)
// The truth (which cluster each conversation belongs to) goes to truth.json only, never into the export.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SEED_TEXT = 'northstride/member-care/gladly-pull/2026-12-11';

function cyrb128(str) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0, k; i < str.length; i++) {
    k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}
function sfc32(a, b, c, d) {
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
const rand = sfc32(...cyrb128(SEED_TEXT));
for (let i = 0; i < 20; i++) rand();
const pick = (a) => a[Math.floor(rand() * a.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p) => rand() < p;
// deal templates like cards: every template of a pile is used once before any is used again
const decks = new Map();
function deal(key, list, first = []) {
  let d = decks.get(key);
  if (!d) {
    // the first deal puts the templates named in `first` (by a piece of their text) on top of the pile
    d = list.slice();
    for (let i = d.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [d[i], d[j]] = [d[j], d[i]]; }
    const top = d.filter((x) => first.some((f) => String(x).includes(f)));
    d = d.filter((x) => !top.includes(x)).concat(top.reverse());
    decks.set(key, d);
  } else if (!d.length) {
    d = list.slice();
    for (let i = d.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [d[i], d[j]] = [d[j], d[i]]; }
    decks.set(key, d);
  }
  return d.pop();
}
// confusers that must be in the export at least once (see README, "Deliberately hard")
const FIRST = {
  charged_twice: ['My bank app shows this', 'overdrew my account'],
  notice_storm: ['Does this mean you are going to try', 'Will I be charged for each of these attempts'],
  blocked_but_paid: ['So now you have my money twice', 'Now I\'ve paid for the same 2 weeks twice'],
  door_locked: ['Is it because of my payment'],
  billed_after_freeze: ['it still says "Pending"'],
  noise: ['Oh no wait', 'two weeks ago', 'Looks dodgy', 'company name on it'],
};
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const gid = () => Array.from({ length: 22 }, () => B64[Math.floor(rand() * 64)]).join('');

// ---------------------------------------------------------------- reference data
const INBOX = { billing: 'fT3kq0VbR6mWcZ1xYp2LhA', general: 'Qm8sJd2rT0vNw4bXk9cGeg', clubs: 'Hc1pZ7yLq3nVt5sRm0aKdw' };
const TOPICS = ['b7XoR2k9TQe3mPz1Lw0vYg', 'Nd4sQ8u1VxJ2cK6rHf9pAw', 'pL0wE5tG7yZ3aB1nM4kRsQ', 'Ue2rT9oP1aS4dF6gH8jKlw',
  'Zx5cV7bN9mQ1wE3rT5yUiA', 'Ki8uJ6hG4fD2sA0pL9oMnQ', 'Wq1aZ2sX3dC4fV5gB6hN7w'];
const AGENTS = [
  { id: 'aG7hQ2xWm4TzR9kLp0sVnA', name: 'Priya' }, { id: 'bT5rE8yUi1OpA3sDf6gHjQ', name: 'Marc-André' },
  { id: 'cN2mB4vC6xZ8aQ1wE3rTyA', name: 'Jordan' }, { id: 'dK9lJ7hG5fD3sA1pO0iUyQ', name: 'Émilie' },
  { id: 'eW3qA5zS7xD9cF1vG2bHnw', name: 'Tyler' }, { id: 'fR6tY8uI0oP2aS4dF6gHjA', name: 'Grace' },
  { id: 'gM1nB3vC5xZ7lK9jH2gFdQ', name: 'Sophie' },
];
const BOT = { id: 'sTr1deB0tAuT0mAt10n00A', name: 'Stride' };
const CLUBS = [
  ['Yonge & Eglinton', 'ON'], ['Liberty Village', 'ON'], ['Scarborough Town Centre', 'ON'], ['Square One', 'ON'],
  ['Bramalea', 'ON'], ['Ottawa Bank St', 'ON'], ['Hamilton Centre', 'ON'], ['London Masonville', 'ON'],
  ['Montréal Plateau', 'QC'], ['Laval Centropolis', 'QC'], ['Québec Sainte-Foy', 'QC'], ['Longueuil', 'QC'],
  ['Gatineau', 'QC'], ['Calgary Beltline', 'AB'], ['Edmonton Whyte Ave', 'AB'], ['Vancouver Commercial Dr', 'BC'],
  ['Surrey Central', 'BC'], ['Burnaby Metrotown', 'BC'], ['Richmond Lansdowne', 'BC'],
];
const QC_CLUBS = CLUBS.filter((c) => c[1] === 'QC');
const AMOUNTS = { ON: ['28.24', '33.89', '22.59', '45.19'], QC: ['28.73', '34.48', '22.98'], AB: ['26.24', '31.49'], BC: ['27.99', '33.59'] };
const AREA = { ON: ['416', '647', '437', '905', '613', '519'], QC: ['514', '438', '450', '418', '819'], AB: ['403', '587', '780'], BC: ['604', '778', '236'] };
const FIRST_EN = ['Jennifer', 'Mike', 'Ashley', 'Daniel', 'Sarah', 'Kevin', 'Jessica', 'Ryan', 'Amanda', 'Chris', 'Megan', 'Tyler',
  'Priyanka', 'Harpreet', 'Gurpreet', 'Arjun', 'Wei', 'Jason', 'Kelly', 'Olivia', 'Noah', 'Fatima', 'Omar', 'Aisha', 'Liam',
  'Emma', 'Dylan', 'Brittany', 'Jamal', 'Tanisha', 'Raj', 'Min-jun', 'Hannah', 'Connor', 'Maria', 'Carlos', 'Nadia', 'Stephanie'];
const LAST_EN = ['Smith', 'Brown', 'Tremblay', 'Martin', 'Roy', 'Wilson', 'MacDonald', 'Taylor', 'Campbell', 'Anderson', 'Singh',
  'Sandhu', 'Gill', 'Patel', 'Sharma', 'Li', 'Wang', 'Chen', 'Nguyen', 'Khan', 'Ahmed', 'Ali', 'Thompson', "O'Neill", 'Kowalski',
  'Santos', 'Rodriguez', 'Park', 'Kim', 'Lee', 'Murphy', 'Clarke', 'Grant', 'Fraser'];
const FIRST_FR = ['Mathieu', 'Julie', 'Sébastien', 'Geneviève', 'Marc-Antoine', 'Isabelle', 'François', 'Catherine', 'Alexandre',
  'Mélanie', 'Jean-Philippe', 'Audrey', 'Maxime', 'Valérie', 'Simon', 'Émilie', 'Kevin', 'Josée'];
const LAST_FR = ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné', 'Ouellet',
  'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard'];
const FIRST_ZH = ['Wei', 'Xiaoling', 'Jun', 'Mei', 'Hao', 'Yan'];
const LAST_ZH = ['Zhang', 'Liu', 'Chen', 'Wang', 'Huang', 'Zhao'];
const FIRST_ES = ['Alejandro', 'Camila', 'Diego', 'Valentina', 'Luis'];
const LAST_ES = ['García', 'Hernández', 'López', 'Martínez', 'Ramírez'];
const DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.ca', 'icloud.com', 'rogers.com',
  'sympatico.ca', 'shaw.ca', 'videotron.ca', 'live.ca', 'bell.net'];

// ---------------------------------------------------------------- dates (America/Toronto)
const DAY = 86_400_000;
const dstStart = Date.UTC(2026, 2, 8, 7), dstEnd = Date.UTC(2026, 10, 1, 6);
const etOffsetH = (utcMs) => (utcMs >= dstStart && utcMs < dstEnd ? 4 : 5);
function etToUtc(dateStr, h, m, s = 0) {
  const [Y, M, D] = dateStr.split('-').map(Number);
  const guess = Date.UTC(Y, M - 1, D, h, m, s);
  return guess + etOffsetH(guess + 5 * 3600_000) * 3600_000;
}
const iso = (ms) => new Date(ms).toISOString();
function addDays(dateStr, n) { return new Date(Date.parse(dateStr + 'T12:00:00Z') + n * DAY).toISOString().slice(0, 10); }
function daysBetween(a, b) { return Math.round((Date.parse(b) - Date.parse(a)) / DAY); }
function burstDay(from, to) { const span = daysBetween(from, to); return addDays(from, Math.floor(rand() * rand() * (span + 1))); }
function spreadDay(from, to) { return addDays(from, Math.floor(rand() * (daysBetween(from, to) + 1))); }
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const DOW = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const JOURS = ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'];
const parts = (d) => { const [Y, M, D] = d.split('-').map(Number); return { Y, M, D, dow: new Date(Date.UTC(Y, M - 1, D)).getUTCDay() }; };
const longDate = (d) => { const p = parts(d); return `${MONTHS_LONG[p.M - 1]} ${p.D}`; };
const shortDate = (d) => { const p = parts(d); return `${MONTHS_EN[p.M - 1]} ${String(p.D).padStart(2, '0')}`; };
const frDate = (d) => { const p = parts(d); return `${p.D} ${MOIS[p.M - 1]}`; };

// ---------------------------------------------------------------- text helpers
function typo(text) {
  const words = text.split(' ');
  const idx = words.map((w, i) => [w, i]).filter(([w]) => /^[a-z]{5,}$/.test(w));
  if (!idx.length) return text;
  const [w, i] = pick(idx);
  const j = int(1, w.length - 3);
  words[i] = w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2);
  return words.join(' ');
}
function humanize(text, { lower = 0, typoP = 0.15 } = {}) {
  let t = text;
  if (chance(typoP)) t = typo(t);
  if (chance(lower)) t = t.toLowerCase();
  return t;
}
const fill = (s, v) => s.replace(/\{(\w+)\}/g, (_, k) => (v[k] !== undefined ? v[k] : `{${k}}`));
const stmt = (v, n = 2) => Array.from({ length: n }, () => `${shortDate(v.day)}  NORTHSTRIDE FIT*DUES 855-555-0142 ${v.prov}   -$${v.amt}`).join('\n');

// ---------------------------------------------------------------- cluster templates
// Each template: { ch: channels allowed, lang, text } ; text may use {amt} {club} {date} {k} {last4} {first} {stmt} {twice}
const T = {};
T.charged_twice = {
  en: [
    'Hi, I was charged twice for my membership this morning. ${amt} came out two times on {date}. Can you please refund one of them?',
    'Why did you take my bi-weekly payment 2 times?? I see two charges of ${amt} from Northstride on my credit card. I only have one membership.',
    'Hello,\n\nMy bank app shows this:\n\n{stmt}\n\nThat is the same payment twice. Please fix this asap.',
    'double charged for dues today. 2 x ${amt}. not impressed',
    'I got one receipt but two charges. The receipt says ${amt} paid but my Visa ending {last4} has ${amt} on it twice.',
    'Good morning, I think there has been an error, I have been billed twice for the same two weeks. My husband is also a member at {club} and his only came out once.',
    'You guys charged me double, ${twice} instead of ${amt}. I am on a tight budget and this overdrew my account, now my bank charged me an overdraft fee too!!',
    'Was charged 2x today, is this a known issue? A few people in the {club} Facebook group are saying the same thing.',
    'Hi there, two identical payments of ${amt} went out for my membership on {date}. Which one is the real one and when do I get the other back?',
    'my credit card shows northstride twice today for the same amount. pls refund',
    'I just checked my account and Northstride has taken my membership fee twice, ${amt} at 4am and ${amt} again this afternoon.',
    'Two payments for one membership?? {date}, ${amt} and ${amt}. I need one back before my rent comes out.',
    'Hey, I think your system glitched. I\'m on the bi-weekly plan and got billed 2 times on {date}. Same card, same amount.',
    'URGENT - charged twice. I don\'t have the money for this. ${twice} gone instead of ${amt}.',
  ],
  chat: [['hi', 'i got charged 2 times for my membership', 'same amount ${amt}', 'today'],
    ['hello', 'there are 2 payments from northstride on my card this morning', 'only 1 membership', 'can you refund one'],
    ['Charged twice??', '{stmt}', 'this is my bank app'],
    ['good afternoon', 'my membership payment went through 2 times', 'can you check please', 'visa ending {last4}'],
    ['why is there 2 payments of ${amt}', 'i only got 1 receipt']],
  sms: ['hi i got charged twice for my gym membership today can u fix', 'Northstride took ${amt} twice from my card this morning. Please refund one.',
    'double charge on my card from northstride ${amt} x2 ??', 'Hi its {first}, my membership came out twice today'],
  phone: [
    'Mbr called - chgd 2x for Fri dues (${amt} x2) on card ending {last4}. Confirmed 2 pymts in Portage dash, same inv. Adv\'d refund 3-5 bd. Mbr ok.',
    'Caller upset, dbl charge dues ${amt}. Refund queued per macro. Wanted to cancel, retained w/ 1 guest pass.',
    'Mbr at {club}, bank shows 2 x ${amt} Fri. Same invoice, 2nd pymt refunded. Mbr asked if it will happen again - said we are fixing.',
  ],
  fr: [
    'Bonjour, j\'ai été prélevé deux fois pour mon abonnement ce matin ({amtfr} $ x 2). Pouvez-vous me rembourser un des deux paiements? Merci',
    'Double prélèvement sur ma carte de crédit aujourd\'hui, 2 fois {amtfr} $. C\'est quoi le problème?',
    'Bonjour,\n\nJ\'ai deux paiements identiques de {amtfr} $ pour la même période. Je n\'ai qu\'un seul abonnement à {club}.\n\nMerci de corriger.',
  ],
  frPhone: ['Mbre appelle - prélevé 2x {amtfr} $ ven. Vérifié Portage, 2 pymts même facture. Rembourst 3-5 j.o.'],
  es: ['Hola, me cobraron dos veces la membresía hoy, ${amt} dos veces en mi tarjeta. ¿Me pueden devolver uno? Gracias'],
  zh: ['你好，今天我的会员费被扣了两次，每次 ${amt}。我只有一个会员。请帮我退款，谢谢。'],
  subjects: ['Charged twice', 'Double charge', 'Duplicate payment', 'Charged 2x for membership', 'Refund please', 'Billing error'],
  subjectsFr: ['Prélevé deux fois', 'Double paiement', 'Remboursement'],
};
T.notice_storm = {
  en: [
    'I have received {k} texts and {k} emails today saying "We couldn\'t process your membership payment". I know my bank (Laurentide) is having problems. But why keep sending them? Does this mean you are going to try to take the money {k} times?',
    'Will I be charged for each of these attempts? I got the same payment failed message at 4am, 1pm and 7pm.',
    'Please stop texting me. I have now got the payment failed message {k} times for the same payment.',
    'Why am I getting the same notification over and over? "We couldn\'t process your membership payment of ${amt}". Yes I know. {k} times now.',
    'Hi, I keep getting emails that my payment didn\'t go through. Got {k} so far. My credit union card is down today apparently. Are you going to charge me {k} times when it comes back??',
    'Good evening. This is text number {k} telling me my payment could not be processed. I got the first one at 4 in the morning. Enough.',
    'Your system keeps messaging me that my membership payment failed, by text, email AND app notification. {k} rounds of it. Will I be charged for each of these attempts?',
  ],
  chat: [['why do i keep getting payment failed notifications', '{k} of them now', 'is my card going to be charged {k} times'],
    ['hi', 'got another "we couldn\'t process your payment" text', 'thats the 3rd one today', 'please stop'],
    ['I keep getting payment failed messages', 'my bank is Laurentide and they are down', 'but why {k} times', 'am i going to owe {k} payments']],
  sms: ['STOP sending me payment failed texts, that makes {k} now', 'got the same payment msg {k} times today?? am i being charged {k} times'],
  phone: ['Mbr called re {k}x "couldn\'t process pymt" SMS + emails today. Card Laurentide CU (outage). Expl sweep retries, only chgd once when it goes thru. Mbr worried abt being charged {k}x - reassured.',
    'Caller got {k} payment failed msgs since Fri, asked if she owes {k} payments. Expl 1 payment only. Laurentide CU outage. Offered to update card, declined.'],
  fr: [
    'Bonjour, j\'ai reçu {k} fois le même texto « Nous n\'avons pas pu traiter le paiement de votre abonnement ». Ma caisse Laurentide est en panne depuis ce matin. Allez-vous essayer de prélever {k} fois?',
    'Arrêtez de m\'envoyer des messages svp, c\'est la {k}e fois aujourd\'hui pour le même paiement.',
    'Bonsoir, encore un courriel de paiement refusé, le {k}e depuis ce matin. Est-ce que je vais être facturé pour chaque tentative?',
    'Pourquoi je reçois la même notification de paiement échoué à 4h du matin, à 13h et à 19h? Ma carte est chez Laurentide, je sais qu\'ils ont un problème.',
  ],
  frPhone: ['Mbre appelle: {k} textos « paiement non traité » + courriels. Carte Caisse Laurentide (panne). Expliqué: 1 seul prélèvement quand ça passe. Rassurée.'],
  frChat: [['bonjour', 'je reçois encore le message que mon paiement n\'a pas passé', 'c\'est le {k}e', 'allez-vous me charger {k} fois?']],
  es: ['Hola, recibí {k} mensajes de que no pudieron procesar mi pago. ¿Me van a cobrar {k} veces?'],
  zh: [],
  quote: '> Northstride: We couldn\'t process your membership payment of ${amt}. We\'ll try again. Update your card in the app: nstride.ca/pay',
  subjects: ['Payment failed messages', 'Stop the texts', 'Why so many messages?', '(no subject)', 'Notifications'],
  subjectsFr: ['Paiement', 'Trop de messages', 'Paiement refusé?'],
};
T.blocked_but_paid = {
  en: [
    'I couldn\'t get into the gym this morning, the turnstile went red and said "See front desk". The girl at the desk said my account was in arrears and I had to pay ${amt} to get in. But the payment came out of my account on Friday! So now you have my money twice.',
    'I got a text saying you couldn\'t process my payment, but my bank shows the payment went through on {date}. The app says I owe a balance and my tag doesn\'t work, so I paid the balance in the app to get in. Now I\'ve paid for the same 2 weeks twice.',
    'My account says IN ARREARS but I was charged ${amt} on Friday. Please explain and refund the second payment I made at the desk.',
    'Hi, the app shows a red banner "Payment failed - pay your balance" but my credit card statement clearly shows Northstride ${amt} on {date}. I paid again because I needed to train. Please refund one.',
    'Locked out at {club} on Saturday because of a "failed payment" that did not fail. Very embarrassing in front of my friend. I paid at the front desk. Now I have paid for the same period twice.',
    'The front desk says I owe ${amt} and my account is on hold. My bank statement:\n\n{stmt1}\n\nSo I already paid. I paid again at the desk anyway because I had a class. Refund the second one please.',
    'Why did I get a "We couldn\'t process your membership payment" text on Friday when the money was taken the same morning? My tag was blocked all weekend.',
  ],
  chat: [['my tag is blocked', 'it says see front desk', 'but i paid, it came out friday'],
    ['hi', 'app says my payment failed and i owe ${amt}', 'but its on my visa already', 'do i pay again??'],
    ['turnstile says see front desk', 'desk says im in arrears', 'i paid on friday though', 'now i paid twice']],
  sms: ['why is my account on hold? the payment came out friday. i had to pay again at the desk'],
  phone: ['Mbr locked out at {club} Fri AM, told arrears. Pymt ${amt} shows settled in Portage 04:1x Fri. Mbr paid bal at desk same day -> paid 2x. Refund desk pymt, 3-5 bd.',
    'Caller: access hold, "payment failed" text, but card chgd Fri. Paid bal in app Sat. Refund 2nd pymt, hold lifted already.'],
  fr: [
    'Mon accès a été bloqué au tourniquet vendredi, on m\'a dit que mon paiement avait échoué, mais il a bien été prélevé le {frdate}. J\'ai payé à l\'accueil. Donc j\'ai payé deux fois.',
    'Bonjour, l\'application indique un solde impayé alors que mon paiement de {amtfr} $ est passé. J\'ai repayé pour pouvoir entrer. Remboursez-moi le deuxième paiement svp.',
  ],
  frPhone: ['Mbre bloquée au tourniquet ({club}), dit en retard de paiement, mais pymt {amtfr} $ passé ven. A repayé à l\'accueil. Rembourst 2e pymt.'],
  es: [], zh: ['我的会员卡进不去门，说我欠费，但是钱周五已经扣了。我又在前台付了一次，现在付了两次。'],
  subjects: ['Locked out but I paid', 'Account on hold??', 'Paid twice', 'Arrears error', 'Access blocked', 'URGENT', 'Help'],
  subjectsFr: ['Accès bloqué', 'Payé deux fois'],
};
T.pad_pending = {
  en: [
    'My membership payment has been showing "Payment pending" in the app since Tuesday. The money left my bank account on Tuesday. Is something wrong?',
    'I pay by pre-authorized debit. The app says pending for 3 days now and the club manager told me I am behind on payments. My bank statement shows NORTHSTRIDE PAD ${amt} on July 14.',
    'Still no receipt for my July payment and it still says pending. I need the receipt for my work wellness account.',
    'Is my debit stuck? It\'s been "pending" since the 14th and the money is gone from my chequing account.',
    'Hello, my husband and I both pay by bank debit. Both payments have been pending for days. Our bank says they were paid on Tuesday. Please check.',
    'The club manager at {club} told me I have an outstanding balance but the app just says "Payment pending" and my bank shows the debit on the 14th. Which is it?',
    'My pre-authorized payment of ${amt} still says processing/pending in the app. It has never taken this long before. Do I need to do something?',
  ],
  chat: [['hi', 'my payment says pending since tuesday', 'money already left my account', 'is that normal?']],
  sms: ['payment pending in app for 3 days, bank says paid. whats going on'],
  phone: ['Mbr on PAD, app shows Pending since 14 Jul, bank shows debit cleared. Couldn\'t see outcome in our tools. Posted in #osprey-dues. Adv\'d no action needed.',
    'Caller - PAD ${amt} pending 3 days, no receipt, club says owing. Told known issue w/ bank debits this week, will update auto.'],
  fr: ['Mon paiement préautorisé est « en attente » depuis mardi dans l\'application. L\'argent est sorti de mon compte. Pourquoi?',
    'Bonjour, toujours pas de reçu pour mon paiement de juillet, il est indiqué « en attente » depuis 3 jours.'],
  frPhone: [], es: [], zh: [],
  subjects: ['Payment pending', 'Pending for days', 'No receipt', 'Debit still pending', 'Question about my payment'],
};
T.desk_double = {
  en: ['I bought a day pass at the front desk at {club} last night and got charged twice. The machine said timed out so the staff member tried again.',
    'PT 10-pack charged 2x at the desk ($699 twice!!). Please refund one ASAP.',
    'Hi, my friend bought a guest pass with my card at {club}, it went through twice ($15 x 2). Not my membership, that\'s fine, just the guest pass.',
    'The card machine at the front desk charged me twice for a protein shake and a day pass. Staff said it "timed out".'],
  chat: [['hi', 'charged twice at the front desk yesterday', 'for a day pass', 'tap didnt work first time']],
  sms: [], phone: ['Caller chgd 2x at front desk {club} for guest pass $15 x2 on 20 Feb, terminal timeout. deskpay issue (Club Tech). Refund via CT.'],
  fr: ['Bonjour, j\'ai payé un laissez-passer d\'un jour à l\'accueil de {club} et j\'ai été facturé deux fois. Le terminal a dit « délai expiré ».'],
  frPhone: [], es: [], zh: [],
  subjects: ['Charged twice at front desk', 'Day pass double charge', 'PT pack charged twice', 'Refund'],
};
T.waitlist_texts = {
  en: ['Got 6 texts telling me I\'m off the waitlist for Spin 6:30pm. I get it lol',
    'Please stop sending me the same class text. "You\'re in! Spin 6:30 PM at {club}" x5',
    'Why did I get the same waitlist message 4 times? Am I booked 4 times?'],
  chat: [['got the same class text like 5 times', 'youre in spin 6:30', 'ok but stop pls']],
  sms: ['STOP the class texts pls, got 6', 'am i booked for spin 4 times? got 4 texts'],
  phone: [], fr: ['J\'ai reçu 5 fois le même texto pour le cours de vélo de 18h30. Merci d\'arrêter.'], frPhone: [], es: [], zh: [],
  subjects: ['Class texts', 'Too many messages', 'Waitlist'],
};
T.door_locked = {
  en: ['My keytag didn\'t work this morning at {club}, I was stuck at the turnstile for 10 minutes and scanned it 3 times. Everyone in line had the same problem.',
    'App barcode not scanning at the door this morning. Is it because of my payment? My payment went through last week.',
    'Turnstile kept saying denied at 6am. Staff buzzed everyone in eventually. Is my account ok?',
    'The door scanner at {club} rejected my tag twice this morning. Had to wait for the staff to open.'],
  chat: [['my tag doesnt work at the door', 'at {club}', 'scanned like 3 times', 'everyone has the same issue'],
    ['my app barcode wont scan at the door', 'is it because of my payment?', 'it went through last week']],
  sms: ['door wont scan my tag at {club} this morning??'],
  phone: ['Caller at {club} 06:40, tag refused at turnstile, whole line same. Club Tech aware (doorman). Adv\'d staff will let in.'],
  fr: ['Mon porte-clé ne fonctionne pas au tourniquet ce matin à {club}. Tout le monde avait le même problème.'],
  frPhone: [], es: [], zh: [],
  subjects: ['Can\'t get in', 'Keytag not working', 'Door', 'Help'],
};
T.billed_after_freeze = {
  en: ['I froze my membership on November 16 (medical leave) and I was still charged ${amt} today. Please refund.',
    'I cancelled on the app last week, it still says "Pending" and you charged me ${amt}. Why?',
    'My freeze request is stuck on pending since Wednesday and I got billed this morning.',
    'Hi, I requested a cancellation on the 17th, the app shows the request as pending and now I see another payment. I want my money back.'],
  chat: [['i froze my membership', 'still got charged today', 'the freeze says pending']],
  sms: ['cancelled last week but still charged today'],
  phone: ['Mbr froze 16 Nov (app), still ACTIVE, billed Fri ${amt}. Membership-svc issue (Chickadee). Refund + freeze applied manually.'],
  fr: ['J\'ai gelé mon abonnement le 16 novembre et j\'ai quand même été prélevé de {amtfr} $ aujourd\'hui. La demande est toujours « en attente ».'],
  frPhone: [], es: [], zh: [],
  subjects: ['Charged after cancelling', 'Freeze not applied', 'Billed after freeze', 'Cancellation'],
};
T.nsf_fee_twice = {
  en: ['There are two $20 NSF fees on my account for the same returned payment.',
    'Why was I charged twice for the NSF fee? Yes my payment bounced once, but you added the fee two times.',
    'My app shows 2 NSF fees of $20. That\'s $40 for one bounced debit??'],
  chat: [['why do i have 2 nsf fees', '$20 each', 'only 1 payment bounced']],
  sms: [], phone: ['Mbr sees 2x $20 NSF fee in app, one return. Fee-rules dup (Finance Eng) - told reversal coming.'],
  fr: ['J\'ai deux frais de 20 $ pour paiement refusé (NSF) dans mon compte pour le même paiement.'], frPhone: [], es: [], zh: [],
  subjects: ['NSF fee', 'Two fees', 'Fees'],
};
T.corporate_invoice = {
  en: ['Hello,\n\nWe keep receiving "Invoice payment failed" emails for our Northstride for Business invoice (7 so far today). Our corporate card shows the payment went through, twice in fact. Please advise.\n\nRegards,\n{first} {last}\nHR & Benefits | {company}',
    'Hi team, our monthly corporate invoice payment failed according to your emails (we got 5) but our AP team sees two charges. Can someone from the account team call me?\n\n{first} {last}\nPeople Operations, {company}'],
  chat: [], sms: [], phone: [], fr: [], frPhone: [], es: [], zh: [],
  subjects: ['Invoice payment failed', 'Northstride for Business invoice', 'Corporate account - payment emails'],
};
T.referral_credit = {
  en: ['My friend joined with my referral code 2 weeks ago and it still says pending.', 'I have two "two weeks free" referral credits for one friend, is that a mistake? Not complaining lol'],
  chat: [['referral still pending', 'friend joined on the 20th']], sms: [], phone: [], fr: [], frPhone: [], es: [], zh: [],
  subjects: ['Referral', 'Refer a friend'],
};
T.noise = {
  en: [
    'How do I freeze my membership for 2 months? I am travelling.', 'What is the cancellation policy? Do I need to give 30 days notice?',
    'Can I change my billing day from Friday to the 1st of the month?', 'I got a new credit card, how do I update it in the app?',
    'Can I bring a guest on weekends?', 'I need my 2025 tax receipt for my dues.', 'I got a letter about the price increase, when does it start?',
    'Left my headphones in locker 112 at {club} yesterday, did anyone find them?', 'Is there parking at {club}?',
    'What are the hours on Victoria Day?', 'Is this text from you? "Northstride: your membership is suspended, click nstride-billing.co to reactivate". Looks dodgy.',
    'Please delete all my personal data, I left the gym last year.',
    'Charged twice?? Oh no wait, one of them is my PT pack. Sorry, ignore me!',
    'Why was I charged ${amt} today when I paid ${amt} two weeks ago? Oh, is it every 2 weeks? I thought it was monthly.',
    'I want to move my home club to {club}.', 'Do you have a student discount?', 'How do I add my daughter to my membership?',
    'The showers at {club} have been cold for a week.', 'Music in the weights area is way too loud in the mornings.',
    'I lost my keytag, how much is a new one?', 'Can I get a receipt with my company name on it for my wellness spending account?',
    'Is the pool at {club} open yet?', 'My PT cancelled twice this week, can I get a different trainer?',
    'I was charged the annual maintenance fee today, what is that for? Nobody told me about it when I joined.',
    'Can you send me a statement of all my payments for 2025? My accountant needs it.',
    'The squat racks at {club} are always full between 5 and 7. Can you add more?',
    'I want to upgrade to the Black plan so I can use all clubs. Will my billing date change?',
    'My son turned 16, can he get his own membership under my account?',
    'Someone stole my phone. Please make sure nobody can use my app barcode to get in.',
    'Is it possible to pay the whole year upfront instead of every two weeks?',
    'I paid for a 10 session PT pack and only had 6 sessions, the trainer left. What happens to the other 4?',
    'The app says my next payment is Dec 4 but I thought I was billed on Fridays?',
    'I\'m pregnant and my doctor said no gym for a few months, can I freeze without the fee?',
    'Hello I moved to Halifax, there is no Northstride there. How do I cancel?',
    'Can I get a copy of the contract I signed when I joined in 2022?',
  ],
  chat: [['how do i freeze', 'going away for 6 weeks'], ['hi', 'do you have towel service at {club}'], ['can i pause my membership'],
    ['my app keeps logging me out'], ['hey', 'can i bring my brother tomorrow', 'he is visiting'], ['is there a fee to cancel'],
    ['where do i see my payment history in the app'], ['hi', 'the app shows the wrong home club', 'should be {club}'],
    ['Charged twice?? Oh no wait', 'one of them is my PT pack', 'sorry ignore me!']],
  sms: ['what time does {club} open on sunday', 'is the gym open on canada day', 'how do i get a new keytag', 'can i freeze by text?',
    'is this number for northstride? got a weird text about my account'],
  phone: ['Caller wanted to cancel (moving to Halifax). Expl 30-day notice, sent form.', 'Mbr asked about price increase letter, expl new rate from next period.',
    'Caller asked for 2025 tax receipt, sent from memberledger.', 'Mbr wants to change billing day to payday. Expl bi-weekly Fri only, offered monthly plan.',
    'Caller asking if text msg w/ link is legit - phishing, told to delete. Not from us.', 'Mbr complained abt dirty change room at {club}, passed to club mgr.'],
  fr: ['Comment geler mon abonnement pour l\'été?', 'Est-ce que je peux changer ma date de paiement?', 'Avez-vous un rabais pour étudiants?',
    'J\'ai oublié mon sac dans le vestiaire à {club}.', 'Je voudrais annuler mon abonnement, je déménage à Toronto. Quelle est la procédure?',
    'Est-ce que je peux amener un ami samedi?', 'Pouvez-vous m\'envoyer mon reçu pour les impôts 2025?', 'La piscine à {club} est fermée depuis deux semaines. Quand est-ce qu\'elle rouvre?'],
  frPhone: [], es: ['¿Cómo puedo cancelar mi membresía?', 'Hola, ¿puedo cambiar mi club a {club}?'],
  zh: ['请问怎么冻结会员？我要回国两个月。', '你好，我想取消会员，请问需要提前多久通知？', '请问可以带朋友来吗？'],
  subjects: ['Question', 'Help', '(no subject)', 'Membership', 'Northstride', 'Hi', '?', 'Info', 'URGENT', 'Re: Your Northstride payment receipt'],
  subjectsFr: ['Question', '(aucun objet)', 'Abonnement', 'Northstride', 'Aide', 'Info'],
};

// ---------------------------------------------------------------- agent macros and replies
const MACRO = {
  refund: (v) => `Hi ${v.first},\n\nThanks for reaching out. I can see the duplicate payment of $${v.amt} and I've refunded it to your card ending ${v.last4}. Please allow 3-5 business days for it to show on your statement.\n\nSorry about this!\n\n${v.agent}\nNorthstride Member Care`,
  refundFr: (v) => `Bonjour ${v.first},\n\nMerci de nous avoir écrit. Je vois le paiement en double de ${v.amtfr} $ et je l'ai remboursé sur votre carte se terminant par ${v.last4}. Comptez de 3 à 5 jours ouvrables.\n\nDésolés pour cet inconvénient!\n\n${v.agent}\nService aux membres Northstride`,
  incident: (v) => `Hi ${v.first},\n\nWe're aware of an issue that affected some payments and messages today and our team is working on it. You don't need to do anything right now; we'll follow up by email once it's sorted.\n\n${v.agent}\nNorthstride Member Care`,
  incidentFr: (v) => `Bonjour ${v.first},\n\nNous sommes au courant d'un problème qui a touché certains paiements et messages aujourd'hui. Vous n'avez rien à faire pour le moment; nous vous écrirons dès que ce sera réglé.\n\n${v.agent}\nService aux membres Northstride`,
  once: (v) => `Hi ${v.first},\n\nSorry for all the messages! You will only be charged once for this payment, when it goes through. The extra notifications were sent in error.\n\n${v.agent}\nNorthstride Member Care`,
  generic: (v) => `Hi ${v.first},\n\nThanks for getting in touch! I've passed this on to the right team and we'll get back to you within 2 business days.\n\n${v.agent}\nNorthstride Member Care`,
  genericFr: (v) => `Bonjour ${v.first},\n\nMerci de votre message! Je l'ai transmis à l'équipe concernée; nous vous reviendrons d'ici 2 jours ouvrables.\n\n${v.agent}\nService aux membres Northstride`,
  info: (v) => `Hi ${v.first},\n\nGood question! You can do this yourself in the app under Account > Membership. If anything doesn't work, just reply here.\n\n${v.agent}\nNorthstride Member Care`,
};
const CLUSTER_MACROS = {
  charged_twice: ['refund', 'refund', 'incident'], notice_storm: ['once', 'incident', 'once'], blocked_but_paid: ['refund', 'incident', 'refund'],
  pad_pending: ['incident', 'generic'], desk_double: ['refund', 'generic'], waitlist_texts: ['generic', 'incident'],
  door_locked: ['incident', 'generic'], billed_after_freeze: ['refund', 'generic'], nsf_fee_twice: ['generic', 'refund'],
  corporate_invoice: ['generic'], referral_credit: ['generic', 'info'], noise: ['info', 'generic'],
};
const FOOTERS_EN = ['\n\nSent from my iPhone', '\n\nSent from my Galaxy', '\n\nGet Outlook for Android', '', '', '', '\n\nThanks', '\n\nThank you,\n{first}', '\n\n{first} {last}'];
const FOOTERS_FR = ['\n\nEnvoyé de mon iPhone', '\n\nMerci\n{first}', '', '\n\n{first} {last}', '\n\nEnvoyé de mon appareil Samsung'];
const COMPANIES = ['Kestrel Logistics Inc.', 'Maple Ridge Dental Group', 'Harbourline Insurance', 'Northcote Engineering Ltd.', 'Bluewater Credit Services'];

// ---------------------------------------------------------------- plan
const PLAN = [
  ['charged_twice', 20, ['2026-03-06', '2026-03-12'], { fr: 0.12, es: 0.06, zh: 0.04 }],
  ['charged_twice', 14, ['2026-10-09', '2026-10-15'], { fr: 0.12, es: 0.03, zh: 0.03 }],
  ['notice_storm', 22, ['2026-04-17', '2026-04-22'], { fr: 0.45, es: 0.03 }],
  ['blocked_but_paid', 18, ['2026-08-07', '2026-08-12'], { fr: 0.12, zh: 0.04 }],
  ['pad_pending', 14, ['2026-07-15', '2026-07-20'], { fr: 0.12 }],
  ['desk_double', 12, ['2026-02-20', '2026-02-26'], { fr: 0.08 }],
  ['waitlist_texts', 9, ['2026-03-24', '2026-03-26'], { fr: 0.1 }],
  ['door_locked', 10, ['2026-05-12', '2026-05-13'], { fr: 0.1 }],
  ['billed_after_freeze', 10, ['2026-11-20', '2026-11-25'], { fr: 0.1 }],
  ['nsf_fee_twice', 7, ['2026-08-31', '2026-09-03'], { fr: 0.1 }],
  ['corporate_invoice', 5, ['2026-09-18', '2026-09-21'], {}],
  ['referral_credit', 4, ['2026-06-23', '2026-06-29'], {}],
  ['noise', 36, ['2026-02-01', '2026-12-10'], { fr: 0.14, es: 0.06, zh: 0.03 }],
];
const INCIDENT_OF = {
  charged_twice: 'NSI-143 (6 Mar), NSI-164 (9 Oct)', notice_storm: 'NSI-147', blocked_but_paid: 'NSI-158', pad_pending: 'NSI-156',
  desk_double: 'NSI-141', waitlist_texts: 'NSI-145', door_locked: 'NSI-149', billed_after_freeze: 'NSI-169', nsf_fee_twice: 'NSI-160',
  corporate_invoice: 'NSI-162', referral_credit: 'NSI-154', noise: null,
};
const IN_SCOPE = new Set(['charged_twice', 'notice_storm', 'blocked_but_paid', 'pad_pending']);

// ---------------------------------------------------------------- build
function chooseLang(w) {
  const r = rand();
  let acc = 0;
  for (const l of ['fr', 'es', 'zh']) { acc += w[l] || 0; if (r < acc) return l; }
  return 'en';
}
function person(lang, prov) {
  let first, last;
  if (lang === 'fr') { first = pick(FIRST_FR); last = pick(LAST_FR); }
  else if (lang === 'zh') { first = pick(FIRST_ZH); last = pick(LAST_ZH); }
  else if (lang === 'es') { first = pick(FIRST_ES); last = pick(LAST_ES); }
  else { first = pick(FIRST_EN); last = pick(LAST_EN); }
  const norm = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  const email = pick([`${norm(first)}.${norm(last)}`, `${norm(first)}${norm(last)}${int(1, 99)}`, `${norm(first)[0]}${norm(last)}`,
    `${norm(first)}_${int(70, 99)}`]) + '@' + pick(DOMAINS);
  const phone = `+1${pick(AREA[prov])}${int(200, 999)}${String(int(0, 9999)).padStart(4, '0')}`;
  return { first, last, email, phone };
}

const conversations = [];
const truth = {};
const counts = {};
const usedTimes = new Set();
let nsQuoted = 0; // notice_storm emails in English: forward, quote, nothing, forward, ...

for (const [cluster, n, [from, to], langW] of PLAN) {
  const tpl = T[cluster];
  for (let i = 0; i < n; i++) {
    const day = cluster === 'noise' ? spreadDay(from, to) : burstDay(from, to);
    let lang = chooseLang(langW);
    // channel by what the cluster has templates for
    const chOpts = [];
    if (lang === 'en') {
      chOpts.push(...Array(8).fill('EMAIL'));
      if (tpl.chat.length) chOpts.push(...Array(6).fill('CHAT'));
      if (tpl.phone.length) chOpts.push(...Array(4).fill('PHONE'));
      if (tpl.sms.length) chOpts.push(...Array(3).fill('SMS'));
    } else if (lang === 'fr') {
      chOpts.push(...Array(6).fill('EMAIL'));
      if (tpl.frPhone.length) chOpts.push(...Array(3).fill('PHONE'));
      if (tpl.frChat && tpl.frChat.length) chOpts.push(...Array(3).fill('CHAT'));
    } else chOpts.push('EMAIL');
    if ((lang === 'es' && !tpl.es.length) || (lang === 'zh' && !tpl.zh.length) || (lang === 'fr' && !tpl.fr.length)) lang = 'en';
    const channel = lang === 'en' ? pick(chOpts.length ? chOpts : ['EMAIL']) : pick(chOpts.length ? chOpts : ['EMAIL']);
    const ch = channel;
    const club = cluster === 'notice_storm' && chance(0.8) ? pick(QC_CLUBS) : lang === 'fr' ? pick(QC_CLUBS) : pick(CLUBS);
    const prov = club[1];
    const amt = pick(AMOUNTS[prov]);
    const who = person(lang, prov);
    const agent = pick(AGENTS);
    const chargeDay = ['charged_twice', 'blocked_but_paid'].includes(cluster) ? from : day;
    const v = {
      amt, twice: (2 * Number(amt)).toFixed(2), club: club[0], prov, date: longDate(chargeDay), frdate: frDate(chargeDay), day: chargeDay,
      amtfr: amt.replace('.', ','), k: String(int(3, 4)), last4: String(int(1000, 9999)), first: who.first, last: who.last, company: pick(COMPANIES), agent: agent.name,
    };
    v.stmt = stmt(v);
    v.stmt1 = stmt(v, 1);

    // start time (ET): bursts start after the event
    // earliest hour on the first day of a burst: tickets come after the incident started
    const EARLIEST = { '2026-03-06': 13, '2026-02-20': 18, '2026-03-24': 18, '2026-08-31': 9, '2026-09-18': 9, '2026-04-17': 13, '2026-08-07': 6 };
    let h = int(day === from && EARLIEST[day] ? EARLIEST[day] : 7, 21), m = int(0, 59);
    if (cluster === 'door_locked' && day === '2026-05-12') h = int(6, 9);
    if (ch === 'PHONE') h = Math.max(8, Math.min(h, 20));
    if (cluster === 'notice_storm') v.k = String(day === '2026-04-17' ? (h < 19 ? 2 : 3) : day < '2026-04-20' ? 3 : pick([3, 4, 4]));
    let t0 = etToUtc(day, h, m, int(0, 59));
    while (usedTimes.has(t0)) t0 += 1000;
    usedTimes.add(t0);
    t0 += int(0, 999);

    const convId = gid();
    const custId = gid();
    const items = [];
    let t = t0;
    const item = (initiator, content, dt = int(20, 400) * 1000) => {
      t += dt;
      items.push({ id: gid(), conversationId: convId, customerId: custId, timestamp: iso(t), initiator, content });
    };
    const CUST = { type: 'CUSTOMER', id: custId };
    const AG = { type: 'AGENT', id: agent.id };
    t -= 30_000;

    const src = lang === 'fr' ? tpl.fr : lang === 'es' ? tpl.es : lang === 'zh' ? tpl.zh : tpl.en;
    const subject = lang === 'fr' ? (tpl.subjectsFr && chance(0.6) ? pick(tpl.subjectsFr) : pick(T.noise.subjectsFr))
      : chance(0.35) ? pick(T.noise.subjects) : pick(tpl.subjects.length ? tpl.subjects : T.noise.subjects);
    let macroKey = pick(CLUSTER_MACROS[cluster]);
    if (lang === 'fr') macroKey = { refund: 'refundFr', incident: 'incidentFr' }[macroKey] || 'genericFr';
    let replyText = null;

    if (ch === 'EMAIL') {
      let body = humanize(fill(deal(`${cluster}/${lang}/email`, src, FIRST[cluster] || []), v), { lower: 0.05 });
      if (cluster !== 'corporate_invoice' && !/^(hi|hello|hey|good|bonjour|bonsoir|allo|hola|to whom|你好)/i.test(body)) {
        const open = lang === 'fr' ? pick(['Bonjour,\n\n', 'Allo,\n\n', '', '', 'Bonjour ', 'Bonsoir,\n\n'])
          : lang === 'en' ? pick(['Hi,\n\n', 'Hello,\n\n', 'Good morning,\n\n', 'Hey Northstride,\n\n', 'To whom it may concern,\n\n', '', '', '', 'Hi there\n\n']) : '';
        body = open + body;
      }
      if (lang === 'en' && cluster !== 'corporate_invoice' && chance(0.35)) {
        const neutral = [' Thanks in advance.', ` My member number is mbr_${int(100000, 999999)}.`, ' Thx', ' Please call me back.'];
        const upset = [' I want this fixed today.', ' This is the second time I have had to write to you this year.', ' Can someone please look into this.',
          ' I have been a member for 6 years and this is ridiculous.'];
        body += pick(cluster === 'noise' || cluster === 'referral_credit' ? neutral : neutral.concat(upset, upset));
      }
      if (cluster === 'notice_storm' && lang === 'en' && (nsQuoted++ % 3) !== 2) {
        body += nsQuoted % 2 === 1
          ? `\n\n---------- Forwarded message ---------\nFrom: Northstride Fitness <no-reply@northstride.ca>\nDate: ${DOW[parts(day).dow]}, ${MONTHS_EN[parts(day).M - 1]} ${parts(day).D}, 2026 at ${pick(['4:02 AM', '1:03 PM', '7:04 PM'])}\nSubject: We couldn't process your membership payment\nTo: <${who.email}>\n\nHi ${who.first}, we couldn't process your membership payment of $${amt}. We'll try again. You can update your payment method in the Northstride app.`
          : `\n\n${fill(T.notice_storm.quote, v)}`;
      }
      if (cluster === 'blocked_but_paid' && lang === 'en' && chance(0.3)) body += `\n\n${fill(T.notice_storm.quote, v)}`;
      body += fill(pick(lang === 'fr' ? FOOTERS_FR : FOOTERS_EN), v);
      const subj = cluster === 'notice_storm' && body.includes('Forwarded message') ? 'Fwd: We couldn\'t process your membership payment' : subject;
      item(CUST, { type: 'EMAIL', subject: subj, content: body, from: who.email, to: ['care@northstride.ca'] }, 0);
    } else if (ch === 'CHAT') {
      const sess = gid();
      const fr = lang === 'fr';
      item({ type: 'AUTOMATION', id: BOT.id }, { type: 'CHAT_MESSAGE', sessionId: sess, content: fr
        ? 'Bonjour! Je suis Stride 👋 Je peux vous aider avec la facturation, votre abonnement, les cours ou l\'accès au club. Que puis-je faire pour vous?'
        : 'Hi! I\'m Stride 👋 I can help with billing, your membership, classes or club access. What can I help with?' }, 0);
      item(CUST, { type: 'CHAT_MESSAGE', sessionId: sess, content: pick(fr ? ['Facturation', 'Abonnement', 'Autre chose'] : ['Billing & payments', 'My membership', 'Club access', 'Something else']) }, int(3, 20) * 1000);
      const lines = deal(`${cluster}/${lang}/chat`, fr ? tpl.frChat : tpl.chat);
      const lower = chance(0.4);
      for (const l of lines) item(CUST, { type: 'CHAT_MESSAGE', sessionId: sess, content: l === '{stmt}' ? fill(l, v) : humanize(fill(l, v), { lower: lower ? 1 : 0, typoP: 0.1 }) }, int(5, 40) * 1000);
      item({ type: 'AUTOMATION', id: BOT.id }, { type: 'CHAT_MESSAGE', sessionId: sess, content: fr ? 'Merci! Je vous mets en contact avec un membre de l\'équipe…' : 'Thanks! Connecting you with a teammate…' }, 2000);
      if (chance(0.75)) {
        replyText = MACRO[macroKey](v);
        item(AG, { type: 'CHAT_MESSAGE', sessionId: sess, content: replyText }, int(60, 900) * 1000);
      }
    } else if (ch === 'SMS') {
      const lines = [deal(`${cluster}/sms`, tpl.sms)];
      for (const l of lines) item(CUST, { type: 'SMS', content: humanize(fill(l, v), { lower: 0.5, typoP: 0.12 }), from: who.phone, to: '+18555550142' }, 0);
      if (chance(0.7)) item(AG, { type: 'SMS', content: `Hi ${who.first}, this is ${agent.name} from Northstride Member Care. ${pick(['Thanks, we\'re looking into it and will get back to you today.', 'Thanks for letting us know, I\'ve checked your account and sent you an email with the details.', 'Got it, we\'re on it!'])}`, from: '+18555550142', to: who.phone }, int(300, 3600) * 1000);
    } else if (ch === 'PHONE') {
      const start = t + 30_000;
      const ans = start + int(30, 900) * 1000;
      const end = ans + int(120, 900) * 1000;
      item(CUST, { type: 'PHONE_CALL', from: who.phone, to: '+18555550142', startedAt: iso(start), answeredAt: iso(ans), completedAt: iso(end) }, 30_000);
      t = end;
      const note = fill(deal(`${cluster}/${lang}/phone`, lang === 'fr' ? tpl.frPhone : tpl.phone), v);
      item(AG, { type: 'CONVERSATION_NOTE', body: note }, int(20, 120) * 1000);
    }

    if (ch === 'EMAIL' && chance(0.7)) {
      replyText = MACRO[macroKey](v);
      item(AG, { type: 'EMAIL', subject: `Re: ${subject}`, content: replyText, from: 'care@northstride.ca', to: [who.email] }, int(1800, 40000) * 1000);
      if (chance(0.2)) {
        const p = new Date(t - etOffsetH(t) * 3600_000);
        const hh = p.getUTCHours(), mm = String(p.getUTCMinutes()).padStart(2, '0');
        const when = lang === 'fr'
          ? `Le ${JOURS[p.getUTCDay()]} ${p.getUTCDate()} ${MOIS[p.getUTCMonth()]} 2026 à ${hh}:${mm}, Northstride Member Care <care@northstride.ca> a écrit :`
          : `On ${DOW[p.getUTCDay()]}, ${MONTHS_EN[p.getUTCMonth()]} ${p.getUTCDate()}, 2026 at ${hh % 12 || 12}:${mm} ${hh < 12 ? 'AM' : 'PM'} Northstride Member Care <care@northstride.ca> wrote:`;
        const back = lang === 'fr' ? pick(['Merci!', 'Parfait, merci beaucoup.'].concat(cluster === 'noise' ? [] : ['Ok merci. Mais est-ce que ça va se reproduire?']))
          : pick(['Thanks!', 'Ok thank you.', 'Great, thanks for the quick answer'].concat(['charged_twice', 'blocked_but_paid', 'desk_double', 'billed_after_freeze'].includes(cluster)
            ? ['Thanks, but will this happen again next time?', 'Still waiting on the refund, it\'s been 5 days.', 'ok but I was charged twice, not once. please check again'] : []));
        item(CUST, { type: 'EMAIL', subject: `Re: Re: ${subject}`, content: `${back}\n\n${when}\n${replyText.split('\n').map((l) => '> ' + l).join('\n')}`, from: who.email, to: ['care@northstride.ca'] }, int(3600, 90000) * 1000);
      }
    }
    if (chance(0.25)) item(AG, { type: 'TOPIC_CHANGE', addedTopicIds: [pick(TOPICS)], removedTopicIds: [] }, int(10, 120) * 1000);
    if (ch !== 'PHONE' && chance(0.15)) item(AG, { type: 'CONVERSATION_NOTE', body: pick(['checked in Portage dash', 'escalated to #osprey-dues', 'see macro', 'refund done', 'mbr also called', 'FR speaker, replied in FR', 'dup of earlier convo?', 'cc Club Tech']) }, int(30, 600) * 1000);
    item(AG, { type: 'CONVERSATION_STATUS_CHANGE', status: 'CLOSED' }, int(60, 3600) * 1000);

    const topicIds = chance(0.7) ? [pick(TOPICS)] : [];
    const inbox = cluster === 'corporate_invoice' ? INBOX.general : cluster === 'door_locked' ? pick([INBOX.clubs, INBOX.general]) : pick([INBOX.billing, INBOX.billing, INBOX.general]);
    const conversation = {
      id: convId, customerId: custId, status: 'CLOSED', createdAt: items[0].timestamp, closedAt: items[items.length - 1].timestamp,
      topicIds, assignee: { agentId: agent.id, inboxId: inbox },
      customAttributes: { homeClub: cluster === 'corporate_invoice' ? null : club[0], locale: lang === 'fr' ? 'fr-CA' : lang === 'en' ? 'en-CA' : lang },
    };
    const customer = {
      id: custId, name: `${who.first} ${who.last}`, emails: [{ original: who.email }],
      phones: [{ original: who.phone, type: 'MOBILE' }],
      externalCustomerId: cluster === 'corporate_invoice' ? null : `mbr_${String(int(100000, 999999))}`,
      createdAt: iso(t0 - int(30, 1500) * DAY - int(0, 86399) * 1000),
    };
    conversations.push({ conversation, customer, items });
    truth[convId] = cluster;
    counts[cluster] = (counts[cluster] || 0) + 1;
  }
}

conversations.sort((a, b) => a.conversation.createdAt.localeCompare(b.conversation.createdAt));
const out = conversations.map((c) => JSON.stringify(c)).join('\n') + '\n';
writeFileSync(join(here, 'gladly-conversations-2026-12-11.jsonl'), out);
const clusters = {};
for (const [k, n] of Object.entries(counts)) clusters[k] = { count: n, about_component: IN_SCOPE.has(k), incident: INCIDENT_OF[k] };
writeFileSync(join(here, 'truth.json'), JSON.stringify({
  export: 'gladly-conversations-2026-12-11.jsonl', seed: SEED_TEXT, total: conversations.length, clusters,
  conversations: Object.fromEntries(conversations.map((c) => [c.conversation.id, truth[c.conversation.id]])),
}, null, 2) + '\n');
process.stderr.write(`${conversations.length} conversations, ${out.length} chars; ${JSON.stringify(counts)}\n`);
