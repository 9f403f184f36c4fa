#!/usr/bin/env node
// Generates tickets/liveagent-tickets-export-2026-12-05.json (LiveAgent tickets with their message
// groups inlined, as Care Ops' `la-export` writes them from the LiveAgent API v3) and tickets/truth.json
// (ticket id -> cluster). Plain Node, no dependencies, seeded: byte-identical output on every run.
//   node generate-tickets.mjs            (writes both files next to this script; sizes on stderr)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

// ---- seeded PRNG: sfc32 seeded from cyrb128 of a fixed string ----
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
let [sa, sb, sc, sd] = cyrb128('maplecroft/liveagent/2026-12-05/history-16');
function rnd() {
  sa >>>= 0; sb >>>= 0; sc >>>= 0; sd >>>= 0;
  let t = (sa + sb) | 0; sa = sb ^ (sb >>> 9); sb = (sc + (sc << 3)) | 0; sc = (sc << 21) | (sc >>> 11);
  sd = (sd + 1) | 0; t = (t + sd) | 0; sc = (sc + t) | 0; return (t >>> 0) / 4294967296;
}
for (let i = 0; i < 15; i++) rnd();
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
const UP = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; const UPD = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const code = () => Array.from({ length: 3 }, () => pick(UP.split(''))).join('') + '-' + Array.from({ length: 3 }, () => pick(UP.split(''))).join('') + '-' + Array.from({ length: 4 }, () => pick(UPD.split(''))).join('');
function weighted(pairs) { const tot = pairs.reduce((a, [, w]) => a + w, 0); let r = rnd() * tot; for (const [k, w] of pairs) { if ((r -= w) < 0) return k; } return pairs[0][0]; }

// ---- time (LiveAgent stores the account's local time, America/Toronto, without an offset) ----
const pad = (n) => String(n).padStart(2, '0');
function addDays(d, n) { const t = new Date(d + 'T12:00:00Z'); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); }
// local minutes since epoch-ish: we keep local wall time as a Date in UTC fields
function local(d, h, m, s = 0) { const [y, mo, dd] = d.split('-').map(Number); return Date.UTC(y, mo - 1, dd, h, m, s); }
function fmt(ms) { const t = new Date(ms); return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`; }
const MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON_FR = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
const MONTH_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const DOW_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']; const DOW_FR = ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'];
function hm12(t) { const h = t.getUTCHours(); return `${(h + 11) % 12 + 1}:${pad(t.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'}`; }

// ---- people, pets, places ----
const FIRST_EN = ['Sarah', 'Jason', 'Megan', 'Kevin', 'Ashley', 'Ryan', 'Lauren', 'Tyler', 'Brittany', 'Derek', 'Kayla', 'Brandon', 'Heather', 'Colin', 'Amanda', 'Justin', 'Nicole', 'Graham', 'Tara', 'Scott', 'Jenna', 'Marcus'];
const LAST_EN = ['MacDonald', 'Campbell', 'Thompson', 'Wilson', 'Anderson', 'Fraser', 'Sinclair', 'Reid', 'Murray', 'Stewart', 'Robertson', 'Morrison', 'Clarke', 'Hughes', 'Bennett', 'Walsh'];
const FIRST_FR = ['Geneviève', 'Mathieu', 'Isabelle', 'Frédéric', 'Nathalie', 'Sébastien', 'Marie-Ève', 'Jean-François', 'Catherine', 'Julie', 'Maxime', 'Valérie', 'Patrick', 'Annie', 'Guillaume', 'Mélanie'];
const LAST_FR = ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gélinas', 'Pelletier', 'Bélanger', 'Lévesque', 'Caron', 'Poirier'];
const FIRST_OT = { es: ['Alejandra', 'Carlos', 'Mariana', 'Diego'], zh: ['Wei', 'Jing', 'Hui', 'Xin'], pt: ['Ana Paula', 'Ricardo', 'Fernanda'], pa: ['Harpreet', 'Gurpreet', 'Manjit'] };
const LAST_OT = { es: ['García', 'Rodríguez', 'Hernández'], zh: ['Chen', 'Li', 'Wang', 'Zhang'], pt: ['Santos', 'Oliveira', 'Ferreira'], pa: ['Singh', 'Kaur', 'Gill', 'Dhillon'] };
const FIRST_MIX = ['Priyanka', 'Arjun', 'Minh', 'Ji-woo', 'Fatima', 'Omar', 'Daniel', 'Grace', 'Ahmed', 'Lina'];
const LAST_MIX = ['Patel', 'Nguyen', 'Kim', 'Ali', 'Haddad', 'Wong', 'Osei', 'Da Silva', 'Khan', 'Park'];
const PETS = ['Bella', 'Luna', 'Moose', 'Poutine', 'Biscuit', 'Milo', 'Charlie', 'Nala', 'Oreo', 'Maple', 'Ziggy', 'Pepper', 'Loki', 'Rosie', 'Caramel', 'Ti-Gus', 'Chipie', 'Minou', 'Bijou', 'Coco', 'Rocky', 'Daisy', 'Simba', 'Gizmo', 'Tofu', 'Winston', 'Frida', 'Bruno'];
const SPECIES_EN = ['dog', 'dog', 'cat', 'cat', 'dog', 'rabbit']; const SPECIES_FR = ['chien', 'chienne', 'chat', 'chatte', 'chien', 'lapin'];
const CLINICS_ON = ['Riverdale', 'Kanata', 'Leslieville', 'Guelph Downtown', 'Westboro', 'Hamilton Mountain', 'Oakville North', 'Kingston Portsmouth', 'Barrhaven', 'Mississauga Erin Mills'];
const CLINICS_QC = ['Plateau-Mont-Royal', 'Laval-Ouest', 'Sainte-Foy', 'Verdun', 'Gatineau-Hull', 'Sherbrooke Nord', 'Longueuil', 'Rosemont'];
const PLANS = [['Puppy & Kitten Start', 42.5], ['Adult Wellness (dog)', 39], ['Adult Wellness (cat)', 34], ['Senior Wellness', 58], ['Adult Wellness (dog) + Dental', 51], ['Adult Wellness (cat) + Dental', 46], ['Senior Wellness + Dental', 70]];
const PLANS_FR = { 'Puppy & Kitten Start': 'Départ chiot et chaton', 'Adult Wellness (dog)': 'Bien-être adulte (chien)', 'Adult Wellness (cat)': 'Bien-être adulte (chat)', 'Senior Wellness': 'Bien-être aîné', 'Adult Wellness (dog) + Dental': 'Bien-être adulte (chien) + dentaire', 'Adult Wellness (cat) + Dental': 'Bien-être adulte (chat) + dentaire', 'Senior Wellness + Dental': 'Bien-être aîné + dentaire' };
const money = (x) => x.toFixed(2); const moneyFr = (x) => x.toFixed(2).replace('.', ',');

const AGENTS = [
  { id: 'a3c91e07', name: 'Émilie Tremblay', email: 'emilie.tremblay@maplecroftvets.ca', fr: true },
  { id: 'b7d20f4c', name: 'Marcus Boateng', email: 'marcus.boateng@maplecroftvets.ca', fr: false },
  { id: 'c15e8a90', name: 'Jess Lindqvist', email: 'jess.lindqvist@maplecroftvets.ca', fr: false },
  { id: 'd84f2b36', name: 'Karine Dubé', email: 'karine.dube@maplecroftvets.ca', fr: true },
  { id: 'e2a6c7d1', name: 'Owen Park', email: 'owen.park@maplecroftvets.ca', fr: false },
  { id: 'f09b3e58', name: 'Nadia Rahimi', email: 'nadia.rahimi@maplecroftvets.ca', fr: true },
];
const BOT = { id: 'b0t00001', name: 'Maple (chatbot)' };
const SYSTEM = { id: 'system', name: 'System' };
const DEPARTMENTS = [
  { department_id: 'k4p8w2q1', name: 'Wellness Plans & Billing' },
  { department_id: 'm7r2t9x5', name: 'Clinics & Appointments' },
  { department_id: 'n3v6y8z0', name: 'Online Store & Autoship' },
  { department_id: 'p1s5u7w3', name: 'General / Général' },
];
const TAGS = [
  ['t8f1', 'billing', '#2E86DE'], ['t8f2', 'plan', '#10AC84'], ['t8f3', 'refund', '#EE5253'], ['t8f4', 'fr', '#8395A7'], ['t8f5', 'phone', '#576574'],
  ['t8f6', 'urgent', '#FF9F43'], ['t8f7', 'escalated', '#5F27CD'], ['t8f8', 'follow-up', '#C8D6E5'], ['t8f9', 'clinic', '#01A3A4'], ['t8fa', 'autoship', '#F368E0'],
  ['t8fb', 'vip', '#FECA57'], ['t8fc', 'bereavement', '#222F3E'], ['t8fd', 'insurance', '#48DBFB'], ['t8fe', 'app', '#1DD1A1'],
].map(([id, name, color]) => ({ id, name, color }));
const TAG = Object.fromEntries(TAGS.map((t) => [t.name, t.id]));
const REASONS = ['Plan - payment', 'Plan - refund', 'Plan - receipt', 'Plan - general', 'Clinic visit / invoice', 'Appointment', 'Autoship', 'Care Finance', 'Boarding & grooming', 'Account / login', 'Other'];

// ---- text mutations ----
function typo(s) { // one transposed-letter typo in a word of 5+ letters
  const words = s.split(' '); const idx = words.map((w, i) => [w, i]).filter(([w]) => /^[a-zàâçéèêëîïôûùüÿœ]{5,}$/i.test(w)); if (!idx.length) return s;
  const [w, i] = pick(idx); const p = int(1, w.length - 3); words[i] = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2); return words.join(' ');
}
function fill(t, v) { return t.replace(/\{(\w+)\}/g, (_, k) => (v[k] ?? `{${k}}`)); }

// ---- clusters ----
// en / fr / other-language customer texts; note: agent shorthand for phone calls; chat: short lines for chat/social
const C = {};
C.charged_twice = {
  about: true, dept: 0, reason: 'Plan - payment', tags: ['billing', 'plan', 'refund'],
  en: [
    'Hi, I was charged twice for {pet}\'s wellness plan this month. Two payments of ${amt} on {date}. Please refund one.',
    'You took my plan payment 2 times!! ${amt} and then ${amt} again a few minutes later. Card ending {last4}.',
    'Hello, my bank statement shows:\n\n{stmt}\n\nSame day, same amount. I only have one pet on the plan. Can you fix this?',
    'Double charge for the monthly plan for {pet} ({plan}). I\'m on a tight budget and ${amt2} came out instead of ${amt}. When will I get it back?',
    'why did you charge me twice this month for the plan',
    'Hi there, it looks like {pet}\'s {month} payment went through twice on my Visa. Is this an error on your side? Thanks',
    'I got one receipt from you but my card shows the plan payment two times. Which one is real?',
    'Got charged ${amt} x2 for the wellness plan and my bank hit me with an overdraft fee because of it. Please refund the extra payment and the fee.',
    'Two identical charges from Maplecroft today, ${amt} each. We only have {pet} on a plan. Please look into it.',
  ],
  fr: [
    'Bonjour, j\'ai été prélevée deux fois pour le forfait bien-être de {pet} ce mois-ci ({amtfr} $ x 2). Pouvez-vous me rembourser?',
    'Vous m\'avez chargé 2 fois le paiement mensuel du forfait!! {amtfr} $ et encore {amtfr} $ quelques minutes après.',
    'Allo, sur mon relevé:\n\n{stmtfr}\n\nMême journée, même montant. Un seul animal dans le forfait. Merci de corriger.',
    'Double prélèvement pour le forfait de {pet}, {amt2fr} $ au lieu de {amtfr} $. Quand est-ce que je vais être remboursé?',
    'pourquoi vous m\'avez prélevé deux fois ce mois ci pour le forfait',
  ],
  es: ['Hola, me cobraron dos veces el plan de bienestar de {pet} este mes ({amt} $ dos veces). ¿Me pueden devolver uno?'],
  zh: ['你好，{pet}的健康计划这个月扣了两次款，每次 ${amt}。请退还一笔。谢谢'],
  pt: ['Olá, fui cobrada duas vezes pelo plano do {pet} este mês (${amt} duas vezes). Podem reembolsar uma?'],
  chat: ['charged twice for the plan', 'i see 2 payments of {amt} for {pet}', 'double charge this morning??'],
  note: [
    'Clt called: chgd 2x for {pet} plan {mon} instal, 2 x ${amt} on stmt. Confirmed dup in Crestpay dash. Refund raised on 2nd chg, adv\'d 3-5 bd.',
    'Cust says plan pmt taken twice + overdraft fee from bank. Refunded dup; offered $20 credit for the fee (ok\'d by Chloé).',
    'Appelante: prélevée 2x forfait {pet} ({amtfr} $ x2). Doublon confirmé, remb. demandé, 3-5 jours ouvr.',
    'Clt saw 2 chgs same day for plan. Known issue today (macro). Dup refund already queued, gave ref.',
  ],
};
C.notice_repeat = {
  about: true, dept: 0, reason: 'Plan - payment', tags: ['billing', 'plan'],
  en: [
    'I\'ve received the same text {k} times today saying you couldn\'t collect my plan payment. Does this mean you are going to try to charge my card {k} times?',
    'Stop sending me "We couldn\'t collect your plan payment" texts!!! {k} so far this morning. I know, I\'ll update my card.',
    'Got {k} emails and {k} SMS saying the payment was missed for {pet}\'s plan. Will I be charged for each of these?',
    'why do i keep getting payment missed messages. already {k}',
    'Hello, I got your message that the payment for {pet}\'s wellness plan didn\'t go through. Then I got it again. And again. My account was short this morning (payday is tomorrow). Please don\'t charge me several times when the money comes in.',
    'Is there a problem with your system? Same "payment missed" email {k} times in a few hours.',
  ],
  fr: [
    'J\'ai reçu {k} fois le même texto « Nous n\'avons pas pu percevoir le paiement de votre forfait ». Allez-vous essayer de prélever {k} fois?',
    'Arrêtez de m\'envoyer des courriels de paiement manqué svp, c\'est le {kth_fr} ce matin.',
    'Bonjour, c\'est normal de recevoir le même message {k} fois? Est-ce que je vais être facturé {k} fois?',
  ],
  es: ['Recibí {k} mensajes diciendo que no pudieron cobrar el pago del plan. ¿Me van a cobrar {k} veces?'],
  chat: ['why am i getting the same text over and over', '{k} texts payment missed??', 'you sent me {k} messages about my plan payment'],
  note: [
    'Clt rec\'d payment-missed SMS {k}x today, worried about {k} chgs. Checked: declines only, no chg. Adv\'d max 1 chg once card ok.',
    'Cliente a reçu {k} textos paiement manqué. Expliqué: aucun prélèvement en double, un seul paiement.',
    'Caller annoyed re {k} missed-pmt msgs. Macro + apologised. Card updated on call.',
  ],
};
C.payment_due_but_paid = {
  about: true, dept: 0, reason: 'Plan - payment', tags: ['billing', 'plan', 'clinic'],
  en: [
    'I took {pet} to {clinic} today and the front desk said my plan payment is due and asked me to pay ${amt}. I did, but my bank shows you already took ${amt} this morning. So now I have paid twice.',
    'Got a text saying you couldn\'t collect my plan payment, so I used the Pay now link. Now I see 2 payments for August. My card was fine!',
    'Your clinic told me the plan was unpaid. It was paid. I paid again at the counter because I didn\'t want to argue in front of everyone. Please refund.',
    'Payment missed?? The money left my account at 6am. What is going on',
    'The receptionist at {clinic} said {pet}\'s plan shows "Payment due". I have the bank statement showing the ${amt}. Why does your system say I didn\'t pay?',
    'You sent me a payment missed notice but the payment came out of my account. I paid again with the link to be safe, now it\'s out twice.',
  ],
  fr: [
    'À la clinique {clinic} on m\'a dit que le paiement du forfait était dû et j\'ai payé {amtfr} $ au comptoir, mais le prélèvement avait déjà été fait le matin. J\'ai donc payé deux fois.',
    'J\'ai reçu un texto que le paiement n\'avait pas pu être perçu, j\'ai payé avec le lien « Payer maintenant »... et là je vois deux paiements. Ma carte était correcte!',
    'Paiement manqué? L\'argent est sorti de mon compte ce matin.',
  ],
  pa: ['ਸਤ ਸ੍ਰੀ ਅਕਾਲ, ਕਲੀਨਿਕ ਨੇ ਕਿਹਾ ਪਲਾਨ ਦਾ ਭੁਗਤਾਨ ਬਾਕੀ ਹੈ ਪਰ ਮੇਰੇ ਬੈਂਕ ਵਿੱਚੋਂ ${amt} ਸਵੇਰੇ ਕੱਟੇ ਗਏ ਸਨ। ਮੈਂ ਦੁਬਾਰਾ ਭੁਗਤਾਨ ਕੀਤਾ।'],
  chat: ['clinic says payment due but it came out of my account', 'i paid at the counter and the plan payment also went thru', 'message says payment missed but bank says paid'],
  note: [
    'Clt: clinic said plan pmt due (holiday Mon), paid ${amt} at counter, but auto pmt went thru 6am. Paid 2x. Refund of counter pmt requested via clinic.',
    'Caller used Pay now after missed-pmt SMS; orig chg had succeeded. Refunded the Pay now pmt, 3-5 bd.',
    'Client: forfait « paiement dû » à la clinique {clinic}, a repayé au comptoir. Prélèvement du matin OK. Remb. comptoir.',
  ],
};
C.closeout_refund_late = {
  about: true, dept: 0, reason: 'Plan - refund', tags: ['plan', 'refund', 'bereavement'],
  en: [
    'We had to put our {species} {pet} to sleep on {date}. The clinic cancelled the wellness plan and said the unused months would be refunded to my card within 5 business days. Nothing yet. This is hard enough already.',
    'Hi, I cancelled {pet}\'s plan last week (we moved to Alberta). I was told I\'d get ${ref} back. Where is it?',
    'Refund for cancelled plan not received. Cancelled on {date} at {clinic}.',
    'Our {species} passed away and I cancelled the plan. Your email said a refund of ${ref} is coming but my card shows nothing.',
    'Still waiting on the money back from {pet}\'s plan after we cancelled. It\'s been over a week.',
  ],
  fr: [
    'Notre {species_fr} {pet} est décédé la semaine dernière. La clinique a annulé le forfait et m\'a dit que le remboursement des mois non utilisés serait fait sous 5 jours ouvrables. Je n\'ai toujours rien reçu.',
    'Bonjour, j\'attends le remboursement de mon forfait annulé le {date}. Montant promis: {reffr} $.',
  ],
  chat: ['refund for cancelled plan?', 'my dog passed and the plan refund never came'],
  note: [
    'Clt\'s {species} PTS {date}, plan cancelled at clinic, promised refund ${ref}, not rec\'d. Checked: closeout pending. Very upset, handled gently. Adv\'d 2-3 days.',
    'Caller re refund after plan cancel (moved out of prov). Settle-up not done yet, escalated to Heron.',
    'Cliente: forfait annulé (décès du chat), remb. pas reçu. Transféré à l\'équipe Heron.',
  ],
};
C.receipt_missing = {
  about: true, dept: 0, reason: 'Plan - receipt', tags: ['plan', 'insurance'],
  en: [
    'I didn\'t get the receipt for {pet}\'s plan payment this month. I need it for my pet insurance claim. Can you resend?',
    'Hi, where is my monthly receipt? Payment came out on {date} but no email.',
    'Please send the receipt for the October plan payment. Thanks',
    'no receipt email this month, checked spam',
  ],
  fr: [
    'Je n\'ai pas reçu le reçu pour le paiement du forfait d\'octobre. J\'en ai besoin pour mes assurances. Pouvez-vous le renvoyer?',
    'Bonjour, pas de reçu ce mois-ci (j\'ai vérifié mes courriels indésirables). Le numéro de TVQ de la clinique doit y être.',
  ],
  chat: ['can you resend my plan receipt', 'no receipt for october'],
  note: ['Clt needs Oct plan receipt for ins claim, not rec\'d. Resent from back-office.', 'Client veut le reçu d\'oct. pour assurance. Renvoyé.'],
};
// ---- out of scope ----
C.counter_double = {
  about: false, dept: 1, reason: 'Clinic visit / invoice', tags: ['billing', 'clinic', 'refund'],
  en: [
    'I paid for {pet}\'s visit at {clinic} today and I was charged twice. The machine said failed so they made me tap again.',
    'Charged twice at the front desk for the vaccine visit (${visit} x2). I\'m not on a plan, just a regular visit.',
    'The card terminal at your {clinic} clinic charged me two times for one bill.',
    'Double charge at checkout today. Receptionist said the first one didn\'t go through. It did.',
  ],
  fr: ['J\'ai payé la visite de {pet} au comptoir et j\'ai été facturé deux fois. Le terminal disait « échec » alors ils m\'ont fait repayer.'],
  chat: ['charged twice at the clinic', 'the terminal took my money twice'],
  note: ['Clt chgd 2x at counter (TapTill) {clinic}. Not plan. Fwd to clinic mgr for refund.', 'Client facturé 2x au comptoir, terminal. Transféré à la clinique.'],
};
C.reminder_spam = {
  about: false, dept: 1, reason: 'Appointment', tags: ['clinic'],
  en: ['I got the reminder text for {pet}\'s appointment tomorrow FIVE times. I get it lol', 'Why did I receive {k} reminders for the same appointment?', 'Please stop texting me about tomorrow\'s appointment, I\'ve had {k} already.'],
  fr: ['J\'ai reçu {k} fois le rappel de rendez-vous pour {pet} demain.'],
  chat: ['{k} reminder texts for 1 appointment', 'too many reminders'],
  note: ['Clt got appt reminder {k}x. Known Remindr issue, apologised.'],
};
C.autoship_double = {
  about: false, dept: 2, reason: 'Autoship', tags: ['autoship', 'billing', 'refund'],
  en: ['My autoship order (prescription food, 2 bags) was charged twice.', 'Charged twice for the flea and tick autoship this month. Only one box arrived.', 'Double charge on my food delivery order #{order}.', 'Two payments for one autoship delivery for {pet}.'],
  fr: ['Ma commande Autoship de nourriture a été facturée deux fois (commande {order}).'],
  chat: ['autoship charged twice', 'food order double charged'],
  note: ['Clt autoship order {order} chgd 2x. Fwd to e-com.'],
};
C.lab_results = {
  about: false, dept: 1, reason: 'Clinic visit / invoice', tags: ['clinic', 'app'],
  en: ['Bloodwork results for {pet} still pending since this morning, the vet said they\'d call.', 'The app shows {pet}\'s lab results twice?', 'Results stuck on pending, any update?'],
  fr: ['Les résultats d\'analyses de {pet} sont encore « en attente » dans l\'app.'],
  chat: ['lab results still pending', 'results shown twice in app'],
  note: ['Clt asking about pending lab results. LabLink delay, clinic will call.'],
};
C.status_unknown_fullprice = {
  about: false, dept: 1, reason: 'Clinic visit / invoice', tags: ['clinic', 'plan', 'refund'],
  en: [
    'I have a wellness plan for {pet} but the clinic charged me full price for the exam today because the system said "plan status unknown". My payments are up to date!',
    'Went to {clinic} this morning, they couldn\'t see my plan and I paid ${visit} for the exam. They said it would be refunded. Has it?',
    'Why was I charged for a visit that my plan covers? Front desk said the computer couldn\'t check the plan.',
  ],
  fr: ['J\'ai un forfait bien-être mais la clinique m\'a fait payer le plein prix aujourd\'hui, le système n\'affichait pas l\'état de mon forfait.'],
  chat: ['clinic couldnt see my plan and charged full price'],
  note: ['Clt charged full price, VetSuite showed plan status unknown. Clinic refunding visit.'],
};
C.financing_double = {
  about: false, dept: 3, reason: 'Care Finance', tags: ['billing', 'refund'],
  en: [
    'Lendly took my Care Finance instalment twice this month for {pet}\'s surgery.',
    'Two instalments of ${fin} came out for the financing of {pet}\'s dental surgery. Is this Maplecroft or Lendly?',
    'charged twice for my payment plan for the surgery',
  ],
  fr: ['Lendly a prélevé deux fois le versement du financement pour la chirurgie de {pet}.'],
  chat: ['financing payment taken twice'],
  note: ['Clt Care Finance instal debited 2x by Lendly. Gave Lendly contact, they reverse.'],
};
C.boarding_extra = {
  about: false, dept: 1, reason: 'Boarding & grooming', tags: ['clinic', 'billing'],
  en: ['We picked up {pet} from boarding on Sunday and were charged for an extra night.', 'Boarding bill has 4 nights, she stayed 3.'],
  fr: ['On a été facturé une nuit de pension de trop pour {pet}.'],
  chat: ['extra night on boarding bill'],
  note: ['Clt boarding bill +1 night (DST). Clinic refunding.'],
};
C.noise = {
  about: false, dept: 3, reason: null, tags: [],
  en: [
    'Charged twice?? Oh no wait, one of them is my autoship order. Never mind, sorry!', 'Exam not covered?? I was charged $95 at the visit today. (Plan starts next month apparently.)',
    'Please cancel my plan, we\'re moving to BC next month.', 'There\'s a pending $1.00 charge from Maplecroft on my card, what is it?',
    'Can I get a statement of all plan payments for 2026 for my taxes?', 'Can I change the date my plan payment comes out? Payday is the 15th.',
    'I need to update my credit card for the plan, the old one expired.', 'How do I add my second cat to a plan?', 'Does the Adult Wellness plan cover dental cleaning?',
    'Is the wellness plan transferable if I rehome my dog?', 'Why is the Senior plan $58 when Adult is $39?',
    'Hello?', 'test', 'Do you have appointments Saturday at {clinic}?', 'Can I pause the plan while we travel for 3 months?',
    'Is there a discount for multiple pets?', 'My vet recommended the plan. What\'s included for a kitten?', 'Your app won\'t let me log in.',
    'Does Maplecroft bill my pet insurance directly?', 'I want to complain about the wait time at {clinic} today.',
  ],
  fr: ['Comment ajouter mon deuxième chien au forfait?', 'Est-ce que le forfait couvre le vaccin contre la rage?', 'Je veux changer ma carte de crédit pour le forfait.', 'Bonjour, avez-vous des rendez-vous le samedi à {clinic}?', 'Est-ce que je peux changer la date de prélèvement?'],
  es: ['¿El plan cubre la limpieza dental?'],
  zh: ['请问健康计划包括疫苗吗？'],
  chat: ['hi', 'how much is the senior plan', 'can i change my card', 'where is my order', 'what does the plan cover'],
  note: ['Clt asked about adding 2nd pet to plan. Explained.', 'Q re plan coverage for dental. Answered.', 'Wrong number, wanted pet store.', 'Client veut changer sa date de prélèvement. Expliqué que non.'],
};

// ---- bursts: [cluster, incident, first local date, count, first hour] ----
const BURSTS = [
  ['charged_twice', '17735', '2026-04-01', 22, 7],
  ['charged_twice', '19503', '2026-10-01', 16, 7],
  ['notice_repeat', '18120', '2026-05-12', 22, 7],
  ['payment_due_but_paid', '18944', '2026-08-03', 18, 8],
  ['closeout_refund_late', '18590', '2026-07-08', 14, 8],
  ['receipt_missing', '19871', '2026-10-27', 11, 8],
  ['counter_double', '17951', '2026-04-21', 12, 16],
  ['reminder_spam', '18233', '2026-05-27', 8, 9],
  ['autoship_double', '18461', '2026-06-22', 10, 11],
  ['lab_results', '18702', '2026-07-15', 5, 10],
  ['status_unknown_fullprice', '19140', '2026-08-25', 7, 9],
  ['financing_double', '19322', '2026-09-15', 8, 8],
  ['boarding_extra', '20016', '2026-11-02', 5, 9],
  ['noise', null, null, 34, 8],
];
const MACRO_CLUSTERS = new Set(['charged_twice', 'notice_repeat', 'payment_due_but_paid', 'counter_double', 'autoship_double', 'financing_double']);
const MACRO_EN = 'We\'re aware of an issue affecting some plan payments and messages today. Our team is on it, and any amount taken in error will be refunded automatically within 3-5 business days. You don\'t need to do anything else.';
const MACRO_FR = 'Nous sommes au courant d\'un problème qui touche aujourd\'hui certains paiements de forfaits et messages. Notre équipe s\'en occupe, et tout montant prélevé par erreur sera remboursé automatiquement d\'ici 3 à 5 jours ouvrables. Vous n\'avez rien d\'autre à faire.';
const REPLIES = {
  charged_twice: ['I\'m sorry about the double payment. I can see two charges for {pet}\'s {month} instalment; the second one has been refunded and should be back on your card within 3-5 business days.', 'Je suis désolée pour le double prélèvement. Le deuxième paiement a été remboursé; comptez 3 à 5 jours ouvrables.'],
  notice_repeat: ['Sorry for all those messages! You will be charged at most once for this month\'s instalment. Once your card goes through, you won\'t hear from us about it again.', 'Désolée pour tous ces messages! Vous ne serez prélevé qu\'une seule fois pour ce mois-ci.'],
  payment_due_but_paid: ['You\'re right, your instalment was collected that morning. Your plan is active again and the second payment (at the clinic / through Pay now) has been refunded. Sorry for the trouble.', 'Vous avez raison, le versement avait bien été prélevé. Le forfait est actif et le deuxième paiement a été remboursé.'],
  closeout_refund_late: ['I\'m so sorry for your loss, and for the delay. The refund for {pet}\'s plan has now been issued and should reach your card within 3-5 business days.', 'Toutes nos condoléances, et désolée pour le délai. Le remboursement du forfait a été émis; comptez 3 à 5 jours ouvrables.'],
  receipt_missing: ['I\'ve re-sent the receipt for this month\'s plan payment to your email address. Let us know if it doesn\'t arrive.', 'Je vous ai renvoyé le reçu du paiement de ce mois-ci par courriel.'],
  counter_double: ['I\'m sorry about this. Counter payments are handled by the clinic; I\'ve passed your details to the {clinic} practice manager, who will refund the duplicate.', 'Désolée! J\'ai transmis votre dossier à la gestionnaire de la clinique, qui remboursera le doublon.'],
  reminder_spam: ['Sorry about the repeated reminders, that was a problem with our texting provider and it has been fixed. Your appointment is unchanged.', 'Désolée pour les rappels en double. Votre rendez-vous reste inchangé.'],
  autoship_double: ['Sorry about that! The duplicate autoship charge has been refunded; allow 3-5 business days.', 'Désolée! Le doublon de la commande Autoship a été remboursé.'],
  lab_results: ['Our lab partner had a delay this morning; the clinic will call you as soon as the results are in. The duplicate entry in the app will be cleaned up.', 'Notre laboratoire partenaire a eu un retard; la clinique vous appellera.'],
  status_unknown_fullprice: ['Sorry! Our clinic system couldn\'t check plans this morning. Your plan is active and the visit has been refunded to your card.', 'Désolée! Le système de la clinique ne pouvait pas vérifier les forfaits ce matin. La visite a été remboursée.'],
  financing_double: ['Care Finance payments are collected by our partner Lendly. They have confirmed the duplicate and will reverse it within 2-3 business days.', 'Les paiements Care Finance sont perçus par Lendly, qui annulera le doublon.'],
  boarding_extra: ['You\'re right, the clock change added a night by mistake. The extra night has been refunded.', 'Vous avez raison, une nuit de trop a été facturée. Elle a été remboursée.'],
  noise: ['Thanks for reaching out! {answer}', 'Merci de nous avoir écrit! {answer}'],
};
const NOISE_ANSWERS_FR = ['Voici le lien avec les détails : maplecroftvets.ca/fr/forfaits', 'Vous pouvez le faire dans l\'app, sous Mes animaux > Forfait.', 'C\'est fait, j\'ai mis votre dossier à jour.', 'La clinique va communiquer avec vous directement.', 'Je vous ai envoyé l\'information par courriel.'];
const NOISE_ANSWERS = ['Here is the link with the details: maplecroftvets.ca/plans', 'You can do this in the app under My pets > Plan.', 'I\'ve updated that for you.', 'The clinic will contact you directly.', 'I\'ve sent you the information by email.'];

// ---- email decorations ----
const GREET_EN = ['Hi,', 'Hello,', 'Hi there,', 'Hello Maplecroft team,', 'Good morning,', '', '']; const GREET_FR = ['Bonjour,', 'Allo,', 'Bonjour à vous,', ''];
const SIGNOFF_EN = ['Thanks,\n{first}', 'Thank you\n{first} {last}', 'Regards,\n{first} {last}', '{first}', 'Thx', '']; const SIGNOFF_FR = ['Merci,\n{first}', 'Merci beaucoup\n{first} {last}', 'Bonne journée,\n{first}', ''];
const DEVICE_EN = ['Sent from my iPhone', 'Sent from my Galaxy', 'Get Outlook for iOS', 'Sent from Yahoo Mail on Android']; const DEVICE_FR = ['Envoyé de mon iPhone', 'Envoyé de mon appareil Samsung', 'Obtenir Outlook pour Android'];
const CORP_SIG = ['{first} {last} | Senior Analyst | Northwind Logistics Inc.\nT 416-555-0199 | M 647-555-0134\nCONFIDENTIALITY: This e-mail and any attachments are confidential and intended only for the addressee.', '{first} {last}\nConseillère, Caisse Desjardins du Plateau\n514 555-0170 poste 2231\nAVIS DE CONFIDENTIALITÉ : Ce courriel est confidentiel.', '{first} {last}, CPA\nFraser & Reid LLP | 100 King St W, Toronto'];
const PLACEHOLDER_SUBJECTS = ['(no subject)', 'Question', 'Help', 'plan', '?', 'Re: Your Maplecroft plan payment receipt', 'Fwd: Maplecroft Wellness Plan', 'Demande', 'Sans objet', 'Urgent', 'Re: We couldn\'t collect your plan payment', 'Hello', 'Re: Maplecroft'];
const SUBJECTS = {
  charged_twice: ['Charged twice', 'Double charge for plan', 'Duplicate payment', 'Deux prélèvements', 'Refund please - charged 2x'],
  notice_repeat: ['Stop the texts', 'Payment missed messages', 'Why so many messages?', 'Messages répétés'],
  payment_due_but_paid: ['Paid twice', 'Plan says unpaid but it is paid', 'Payment missed??', 'Payé deux fois'],
  closeout_refund_late: ['Refund for cancelled plan', 'Refund not received', 'Remboursement forfait annulé', 'Plan cancellation refund'],
  receipt_missing: ['Receipt', 'Missing receipt', 'Reçu', 'Receipt for insurance'],
  counter_double: ['Charged twice at the clinic', 'Double charge at checkout'], reminder_spam: ['Reminders', 'Too many texts'], autoship_double: ['Autoship double charge', 'Order charged twice'],
  lab_results: ['Lab results'], status_unknown_fullprice: ['Charged full price', 'Plan not recognised at clinic'], financing_double: ['Care Finance payment', 'Financing charged twice'], boarding_extra: ['Boarding invoice'],
  noise: ['Plan question', 'Adding a pet', 'Credit card update', 'Question forfait', 'Appointment', 'Login', 'Complaint'],
};

const FR_SUBJ = new Set(['Deux prélèvements', 'Messages répétés', 'Payé deux fois', 'Remboursement forfait annulé', 'Reçu', 'Question forfait']);

function subjectFor(cl, fr) { const same = SUBJECTS[cl].filter((x) => FR_SUBJ.has(x) === fr); return pick(same.length ? same : SUBJECTS[cl]); }

// ---- build ----
const tickets = []; const truth = {}; const counts = {}; const langs = {}; const chans = {}; let macroCount = 0;
const usedIds = new Set(); let noiseCursor = 0;
function newId() { let id; do { id = hex(8); } while (usedIds.has(id)); usedIds.add(id); return id; }
const OFFSETS = [[0, 45], [1, 28], [2, 14], [3, 7], [4, 3], [5, 2], [6, 1]];

function langFor(cl) {
  const def = C[cl]; const others = ['es', 'zh', 'pt', 'pa'].filter((l) => def[l]);
  const r = rnd();
  if (others.length && r < 0.07) return pick(others);
  return r < 0.33 ? 'fr' : 'en';
}
function person(lang) {
  if (lang === 'fr') return [pick(FIRST_FR), pick(LAST_FR)];
  if (FIRST_OT[lang]) return [pick(FIRST_OT[lang]), pick(LAST_OT[lang])];
  return chance(0.3) ? [pick(FIRST_MIX), pick(LAST_MIX)] : [pick(FIRST_EN), pick(LAST_EN)];
}
function emailOf(first, last) {
  const norm = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  const dom = pick(['gmail.com', 'gmail.com', 'hotmail.com', 'outlook.com', 'videotron.ca', 'rogers.com', 'sympatico.ca', 'yahoo.ca', 'icloud.com', 'bell.net']);
  return pick([`${norm(first)}.${norm(last)}`, `${norm(first)}${norm(last)}${int(1, 99)}`, `${norm(first)[0]}${norm(last)}`]) + '@' + dom;
}
function stmtLines(amt, fr, dateStr) {
  const [y, m, d] = dateStr.split('-');
  if (fr) return [`${d}/${m}  MAPLECROFT VET PLAN MONTREAL QC     ${moneyFr(amt)}`, `${d}/${m}  MAPLECROFT VET PLAN MONTREAL QC     ${moneyFr(amt)}`].join('\n');
  return [`${MON_EN[+m - 1]} ${+d}  MAPLECROFT VET PLAN   TORONTO ON   $${money(amt)}`, `${MON_EN[+m - 1]} ${+d}  MAPLECROFT VET PLAN   TORONTO ON   $${money(amt)}`].join('\n');
}
const KTH_FR = { 2: 'deuxième', 3: 'troisième', 4: 'quatrième' };

function makeTicket(cl, incident, day, hourFrom) {
  const def = C[cl]; const lang = langFor(cl); const fr = lang === 'fr';
  const [first, last] = person(lang);
  const channel = weighted([['E', 40], ['C', 26], ['P', 18], ['M', 7], ['F', 5], ['W', 4]]);
  const clinic = fr ? pick(CLINICS_QC) : (lang === 'en' && chance(0.15) ? pick(CLINICS_QC) : pick(CLINICS_ON));
  const [plan, amt] = pick(PLANS); const pet = pick(PETS); const spI = int(0, SPECIES_EN.length - 1);
  const k = int(3, 4); const ref = (int(60, 320) + int(0, 99) / 100);
  const h = Math.max(hourFrom, int(6, 22)); const created = local(day, Math.min(h, 23), int(0, 59), int(0, 59));
  const cd = new Date(created); const month = MONTH_EN[cd.getUTCMonth()];
  const v = {
    pet, amt: money(amt), amt2: money(amt * 2), amtfr: moneyFr(amt), amt2fr: moneyFr(amt * 2), plan: fr ? PLANS_FR[plan] : plan, clinic,
    date: fr ? `${cd.getUTCDate()} ${MONTH_FR[cd.getUTCMonth()]}` : `${MON_EN[cd.getUTCMonth()]} ${cd.getUTCDate()}`, month, mon: MON_EN[cd.getUTCMonth()],
    last4: String(int(1000, 9999)), stmt: stmtLines(amt, false, day), stmtfr: stmtLines(amt, true, day), k: String(k), kth_fr: KTH_FR[k] || 'quatrième',
    species: SPECIES_EN[spI], species_fr: SPECIES_FR[spI], ref: money(ref), reffr: moneyFr(ref), visit: money(int(85, 240) + pick([0, 0.4, 0.95, 0.5])), fin: money(int(90, 260) + int(0, 99) / 100),
    order: `AS-${int(200000, 299999)}`,
  };
  if (cl === 'closeout_refund_late') { const dd = new Date(created - int(5, 10) * 86400e3); v.date = fr ? `${dd.getUTCDate()} ${MONTH_FR[dd.getUTCMonth()]}` : `${MON_EN[dd.getUTCMonth()]} ${dd.getUTCDate()}`; }
  let text;
  if ((channel === 'C' || channel === 'F' || channel === 'W') && lang === 'en') text = chance(0.55) ? fill(pick(def.chat), v) : fill(pick(def.en), v);
  else if (cl === 'noise' && (def[lang] || def.en) === def.en && channel !== 'P') text = fill(def.en[noiseCursor++ % def.en.length], v); // every noise confuser appears at least once
  else text = fill(pick(def[lang] || def.en), v);
  if (chance(0.15)) text = typo(text);
  if (chance(0.1)) text = text.toLowerCase();

  const id = newId(); const contactId = hex(8);
  const agent = fr ? pick(AGENTS.filter((a) => a.fr)) : pick(AGENTS);
  const groups = []; let t = created; let gseq = 0;
  const gid = () => `${id}${String(++gseq).padStart(2, '0')}`;
  const msg = (type, body, who, when, format = 'T', visibility = 'P') => ({ id: hex(8), userid: who.id, type, datecreated: fmt(when), format, message: body, visibility });
  const owner = { id: contactId, name: `${first} ${last}` };
  const email = emailOf(first, last);
  let subject;
  const useMacro = MACRO_CLUSTERS.has(cl) && incident && (created - local(day, 0, 0)) < 2 * 86400e3 && chance(0.4);
  if (useMacro) macroCount++;

  if (channel === 'E' || channel === 'M') {
    subject = channel === 'M' ? `Contact form: ${pick(['Billing', 'Plans', 'Other', 'Facturation', 'Forfaits'])}` : (chance(0.3) ? pick(PLACEHOLDER_SUBJECTS) : subjectFor(cl, fr));
    let body;
    if (channel === 'M') body = `Name: ${first} ${last}\nEmail: ${email}\nPet name: ${pet}\nClinic: ${clinic}\nTopic: ${fr ? 'Facturation' : 'Billing'}\nMessage:\n${text}`;
    else {
      const greet = /^(hi|hello|bonjour|allo|hola|olá|你好|ਸਤ)/i.test(text) ? '' : (fr ? pick(GREET_FR) : pick(GREET_EN)); const so = fill(fr ? pick(SIGNOFF_FR) : pick(SIGNOFF_EN), { first, last });
      body = [greet, text, so].filter(Boolean).join('\n\n');
      if (chance(0.3)) body += '\n\n' + (fr ? pick(DEVICE_FR) : pick(DEVICE_EN));
      else if (chance(0.08)) body += '\n\n--\n' + fill(pick(CORP_SIG), { first, last });
    }
    groups.push({ id: gid(), parent_id: '', userid: owner.id, user_full_name: owner.name, type: 'T', status: 'P', datecreated: fmt(t), datefinished: fmt(t),
      messages: channel === 'M' ? [msg('M', body, owner, t)] : [msg('H', `From: ${first} ${last} <${email}>\nTo: ${fr ? 'soins@maplecroftvets.ca' : 'care@maplecroftvets.ca'}`, owner, t), msg('M', body, owner, t)] });
  } else if (channel === 'C') {
    subject = `Chat with ${first}`;
    const lines = [];
    lines.push([BOT, fr ? 'Bonjour! Je suis Maple 🐾, l\'assistante virtuelle de Maplecroft. Comment puis-je vous aider? (Rendez-vous, forfaits et paiements, commandes, autre chose)' : 'Hi! I\'m Maple 🐾, Maplecroft\'s virtual assistant. What can I help you with? (Appointments, plans & payments, orders, something else)']);
    lines.push([owner, fr ? pick(['Forfaits et paiements', 'Autre chose']) : pick(['Plans & payments', 'Something else', 'Plans & payments'])]);
    lines.push([BOT, fr ? 'Je vous mets en contact avec un membre de l\'équipe Soins...' : 'Connecting you with a Care team member...']);
    const parts = text.split(/(?<=[.!?])\s+/).filter(Boolean);
    if (parts.length > 2 && chance(0.6)) { lines.push([owner, parts.slice(0, 1).join(' ')]); lines.push([owner, parts.slice(1).join(' ')]); } else lines.push([owner, text]);
    if (chance(0.4)) lines.push([owner, pick(['?', 'hello?', 'allo?', 'anyone there'])]);
    const ms = lines.map(([who, body], i) => msg('M', body, who, t + i * int(8, 50) * 1000));
    t += lines.length * 40e3;
    groups.push({ id: gid(), parent_id: '', userid: owner.id, user_full_name: owner.name, type: 'C', status: 'R', datecreated: fmt(created), datefinished: fmt(t), messages: ms });
  } else if (channel === 'P') {
    subject = `Call from +1 ${fr ? pick(['514', '438', '450', '819', '418']) : pick(['416', '647', '613', '905', '519'])}-555-01${pad(int(0, 99))}`;
    const dur = `${int(2, 14)}:${pad(int(0, 59))}`;
    groups.push({ id: gid(), parent_id: '', userid: owner.id, user_full_name: owner.name, type: 'P', status: 'R', datecreated: fmt(t), datefinished: fmt(t + 400e3),
      messages: [msg('M', `Incoming call ${subject.replace('Call from ', '')} → ${fr ? 'Care FR' : 'Care EN'} queue, answered by ${agent.name}, duration ${dur}`, SYSTEM, t)] });
    t += 420e3;
    groups.push({ id: gid(), parent_id: '', userid: agent.id, user_full_name: agent.name, type: 'I', status: 'R', datecreated: fmt(t), datefinished: fmt(t),
      messages: [msg('N', fill(pick(def.note), v), agent, t, 'T', 'I')] });
  } else { // F / W
    subject = channel === 'F' ? `Facebook message from ${first}` : `WhatsApp +1 ${pick(['416', '514', '613', '647'])}-555-01${pad(int(0, 99))}`;
    const short = chance(0.5) ? text.toLowerCase() : text;
    const ms = [msg('M', short, owner, t)];
    if (chance(0.4)) ms.push(msg('M', pick(['??', 'hello', 'please answer', 'merci', 'thx']), owner, t + int(60, 900) * 1000));
    groups.push({ id: gid(), parent_id: '', userid: owner.id, user_full_name: owner.name, type: channel, status: 'R', datecreated: fmt(t), datefinished: fmt(t), messages: ms });
  }

  // agent reply (chat replies live in the chat group; calls get no written reply)
  t += int(3, 240) * 60e3;
  const replyFr = fr; const rp = REPLIES[cl];
  let reply = fill(replyFr ? rp[1] : rp[0], { ...v, answer: replyFr ? pick(NOISE_ANSWERS_FR) : pick(NOISE_ANSWERS), month });
  if (cl === 'closeout_refund_late' && !/passed|sleep|décéd|died|PTS/i.test(text)) reply = replyFr ? 'Désolée pour le délai. Le remboursement du forfait a été émis; comptez 3 à 5 jours ouvrables.' : `Sorry for the delay. The refund for ${pet}'s plan has now been issued and should reach your card within 3-5 business days.`;
  if (useMacro) reply = (replyFr ? MACRO_FR : MACRO_EN) + (chance(0.5) ? '\n\n' + reply : '');
  const agentSig = `\n\n${agent.name.split(' ')[0]}\n${fr ? 'Équipe Soins Maplecroft' : 'Maplecroft Care Team'}`;
  if (channel === 'C') {
    groups[groups.length - 1].messages.push(msg('M', reply, agent, t));
  } else if (channel !== 'P') {
    groups.push({ id: gid(), parent_id: '', userid: agent.id, user_full_name: agent.name, type: 'R', status: 'R', datecreated: fmt(t), datefinished: fmt(t),
      messages: [msg('M', (channel === 'E' || channel === 'M' ? (fr ? `Bonjour ${first},\n\n` : `Hi ${first},\n\n`) : '') + reply + (channel === 'E' || channel === 'M' ? agentSig : ''), agent, t)] });
  } else if (useMacro) {
    groups.push({ id: gid(), parent_id: '', userid: agent.id, user_full_name: agent.name, type: 'I', status: 'R', datecreated: fmt(t), datefinished: fmt(t), messages: [msg('N', 'Read macro: ' + (fr ? 'incident paiements FR' : 'payments incident EN'), agent, t, 'T', 'I')] });
  }
  // follow-up quoting our reply (email only)
  if (channel === 'E' && chance(0.14)) {
    const rt = new Date(t); t += int(2, 30) * 3600e3;
    const q = fr
      ? `Le ${DOW_FR[rt.getUTCDay()]} ${rt.getUTCDate()} ${MON_FR[rt.getUTCMonth()]} ${rt.getUTCFullYear()}, à ${rt.getUTCHours()} h ${pad(rt.getUTCMinutes())}, Équipe Soins Maplecroft <soins@maplecroftvets.ca> a écrit :\n> ` + reply.split('\n').join('\n> ')
      : `On ${DOW_EN[rt.getUTCDay()]}, ${MON_EN[rt.getUTCMonth()]} ${rt.getUTCDate()}, ${rt.getUTCFullYear()} at ${hm12(rt)} Maplecroft Care Team <care@maplecroftvets.ca> wrote:\n> ` + reply.split('\n').join('\n> ');
    const fu = fr ? pick(['Merci, mais je ne vois toujours rien sur ma carte.', 'Parfait, merci!', 'Ok merci. Ça fait 5 jours et toujours rien.']) : pick(['Thanks, but I still don\'t see it on my card.', 'Ok thank you!', 'It\'s been 5 business days and nothing yet.', 'Great, thanks for the quick answer.']);
    groups.push({ id: gid(), parent_id: '', userid: owner.id, user_full_name: owner.name, type: 'T', status: 'P', datecreated: fmt(t), datefinished: fmt(t),
      messages: [msg('H', `From: ${first} ${last} <${email}>\nTo: ${fr ? 'soins@maplecroftvets.ca' : 'care@maplecroftvets.ca'}`, owner, t), msg('M', fu, owner, t), msg('Q', q, owner, t)] });
    t += int(1, 20) * 3600e3;
    groups.push({ id: gid(), parent_id: '', userid: agent.id, user_full_name: agent.name, type: 'R', status: 'R', datecreated: fmt(t), datefinished: fmt(t),
      messages: [msg('M', (fr ? 'Merci de votre retour. ' : 'Thanks for letting us know. ') + (fr ? 'Je fais le suivi.' : 'I\'ll follow up on this.') + agentSig, agent, t)] });
  }
  t += int(5, 600) * 60e3;
  groups.push({ id: gid(), parent_id: '', userid: agent.id, user_full_name: agent.name, type: 'S', status: 'R', datecreated: fmt(t), datefinished: fmt(t), messages: [msg('S', 'Ticket resolved', SYSTEM, t)] });

  const dept = chance(0.78) ? DEPARTMENTS[def.dept] : pick(DEPARTMENTS);
  const tagIds = [];
  for (const tg of def.tags) if (chance(0.5)) tagIds.push(TAG[tg]);
  if (fr && chance(0.6)) tagIds.push(TAG.fr); if (channel === 'P' && chance(0.7)) tagIds.push(TAG.phone); if (chance(0.06)) tagIds.push(TAG.urgent); if (chance(0.04)) tagIds.push(TAG.vip);
  const reason = def.reason && chance(0.6) ? def.reason : pick(REASONS);
  const ticket = {
    id, code: code(), parent_id: '', owner_contactid: contactId, owner_email: channel === 'P' || channel === 'F' || channel === 'W' ? (chance(0.5) ? email : '') : email, owner_name: `${first} ${last}`,
    departmentid: dept.department_id, agentid: agent.id, status: 'R', tags: [...new Set(tagIds)].sort(), channel_type: channel, subject,
    date_created: fmt(created), date_changed: fmt(t), date_resolved: fmt(t), last_activity: fmt(t), last_activity_public: fmt(t - 60e3), public_access_urlcode: hex(12), date_due: null, date_deleted: null,
    custom_fields: [{ code: 'contact_reason', value: reason }, { code: 'pet_name', value: chance(0.7) ? pet : '' }, { code: 'clinic', value: chance(0.5) ? clinic : '' }],
    messages: groups,
  };
  tickets.push(ticket);
  truth[id] = { cluster: cl, about_component: def.about, incident, channel, lang, created: fmt(created) };
  counts[cl] = (counts[cl] || 0) + 1; langs[lang] = (langs[lang] || 0) + 1; chans[channel] = (chans[channel] || 0) + 1;
}

for (const [cl, incident, start, n, hourFrom] of BURSTS) {
  for (let i = 0; i < n; i++) {
    if (!start) { // noise: spread 1 Mar - 4 Dec
      const day = addDays('2026-03-01', int(0, 278)); makeTicket(cl, null, day, 7); continue;
    }
    const off = weighted(OFFSETS); const day = addDays(start, off);
    makeTicket(cl, incident, day, off === 0 ? hourFrom : 7);
  }
}
tickets.sort((a, b) => (a.date_created < b.date_created ? 1 : a.date_created > b.date_created ? -1 : 0)); // newest first, as the API lists them

const exportDoc = {
  export: {
    tool: 'la-export 2.1 (Care Ops)', account: 'maplecroft.ladesk.com', api: '/api/v3', generated: '2026-12-05 09:14:37', timezone: 'America/Toronto',
    filter: { status: ['R'], date_created: { from: '2026-03-01 00:00:00', to: '2026-12-04 23:59:59' }, departments: DEPARTMENTS.map((d) => d.name), sample: '12% of resolved tickets (la-export --sample 0.12 --seed 1203)' },
    count: tickets.length,
  },
  departments: DEPARTMENTS,
  agents: [...AGENTS.map(({ id, name, email }) => ({ id, name, email, role: 'A' })), { id: BOT.id, name: BOT.name, email: '', role: 'B' }],
  tags: TAGS,
  tickets,
};
const sortedTruth = {}; for (const t of tickets) sortedTruth[t.id] = truth[t.id];
const truthDoc = {
  generated_by: 'generate-tickets.mjs', export: 'liveagent-tickets-export-2026-12-05.json', total: tickets.length,
  counts, languages: langs, channels: chans, macro_tickets: macroCount, tickets: sortedTruth,
};
const exp = JSON.stringify(exportDoc, null, 1) + '\n'; const tr = JSON.stringify(truthDoc, null, 1) + '\n';
writeFileSync(join(HERE, 'liveagent-tickets-export-2026-12-05.json'), exp);
writeFileSync(join(HERE, 'truth.json'), tr);
console.error(`tickets: ${tickets.length}  export: ${exp.length} chars  truth: ${tr.length} chars`);
console.error(JSON.stringify({ counts, langs, chans, macroCount }));
