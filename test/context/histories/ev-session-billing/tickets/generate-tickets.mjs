#!/usr/bin/env node
// Generates tickets/crisp-conversations-export-2026-11-30.json: a 10% sample of Voltera Support's
// resolved Crisp conversations for 2026 (what Support Ops' crisp-dump --sample 0.1 writes: the conversation object from
// GET /v1/website/{id}/conversations/{page} with its messages from .../conversation/{session}/messages
// inlined), and tickets/truth.json: which conversation belongs to which cause. The truth is never
// written into the export.
// Deterministic: xoshiro128** seeded from a MurmurHash3 of a fixed string, no dependencies,
// byte-identical output on every run.
//   node generate-tickets.mjs          -> writes both files next to this script, sizes to stderr
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------- PRNG ----------
function murmur3(str, seed = 0) {
  let h = seed >>> 0;
  for (let i = 0; i < str.length; i++) {
    let k = str.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51); k = (k << 15) | (k >>> 17); k = Math.imul(k, 0x1b873593);
    h ^= k; h = (h << 13) | (h >>> 19); h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= str.length; h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
  return h >>> 0;
}
function xoshiro128ss(a, b, c, d) {
  return function () {
    const t = b << 9; let r = Math.imul(b, 5); r = Math.imul((r << 7) | (r >>> 25), 9);
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = (d << 11) | (d >>> 21);
    return (r >>> 0) / 4294967296;
  };
}
const SEED = 'voltera-support-crisp-2026';
const rnd = xoshiro128ss(murmur3(SEED, 1), murmur3(SEED, 2), murmur3(SEED, 3), murmur3(SEED, 4));
for (let i = 0; i < 20; i++) rnd();
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = a => a[Math.floor(rnd() * a.length)];
const chance = p => rnd() < p;
const fill = (s, v) => s.replace(/\{(\w+)\}/g, (_, k) => (k in v ? v[k] : `{${k}}`));
const hex = n => Array.from({ length: n }, () => '0123456789abcdef'[ri(0, 15)]).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;

// ---------- people / places ----------
const FIRST_NL = ['Jeroen', 'Lisa', 'Maarten', 'Eva', 'Thijs', 'Fleur', 'Bas', 'Iris', 'Koen', 'Marloes', 'Sem', 'Joris', 'Esther', 'Niels', 'Roos', 'Wim', 'Hanneke', 'Stijn', 'Mohamed', 'Fatima', 'Kevin', 'Linda', 'Arjen', 'Yara', 'Dennis'];
const FIRST_BE = ['Wout', 'Lien', 'Pieterjan', 'Elke', 'Tom', 'Griet', 'Jens', 'Nathalie', 'Karim', 'Ann', 'Thomas', 'Sofie'];
const FIRST_FR = ['Julien', 'Camille', 'Nicolas', 'Amélie', 'François', 'Céline', 'Olivier', 'Manon'];
const FIRST_DE = ['Markus', 'Katrin', 'Stefan', 'Jana', 'Florian'];
const FIRST_EN = ['Mark', 'Sarah', 'James', 'Priya', 'Daniel', 'Emma', 'Ahmed', 'Olga', 'Marco', 'Ana'];
const LAST_NL = ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Kok', 'Yilmaz', 'El Idrissi', 'Verhoeven'];
const LAST_BE = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Dubois', 'Lambert', 'Dupont'];
const LAST_OTHER = ['Schneider', 'Fischer', 'Weber', 'Smith', 'Taylor', 'Novak', 'Rossi', 'Kowalski', 'Silva', 'Ivanova'];
const DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl', 'telenet.be', 'skynet.be', 'live.nl', 'icloud.com', 'proton.me', 'gmx.de', 'home.nl'];
const COMPANIES = ['Van Dam Installatietechniek B.V.', 'Brouwer Logistiek', 'De Groene Schakel', 'Peeters & Co bv', 'Heijmans Adviesgroep', 'Kustlicht Makelaars', 'Fietsfabriek Noord', 'Lumen Architecten', 'TechnoServ Benelux', 'Zorggroep Het Baken'];
const HUBS = ['Utrecht Papendorp', 'Amersfoort De Hoef', 'Zwolle A28', 'Eindhoven Ekkersweijer', 'Gent Zuid', 'Antwerpen Kiel', 'Breda Hazeldonk', 'Arnhem Velperbroek', 'Leeuwarden Zuid', 'Hasselt Genk-Oost', 'Rotterdam Kralingen', 'Den Haag Ypenburg', 'Nijmegen Dukenburg', 'Groningen Hoogkerk', 'Mechelen Noord', 'Apeldoorn Beekbergen', 'Leuven Haasrode', 'Almere Stad'];
const OPERATORS = [['Femke Bakker', 'femke'], ['Youssef El Amrani', 'youssef'], ['Lotte Peeters', 'lotte'], ['Bram Janssens', 'bram'], ['Sanne de Vries', 'sanne'], ['Jonas Maes', 'jonas']].map(([n, s]) => ({ name: n, first: n.split(' ')[0], id: uuid(), slug: s }));
const WEBSITE_ID = '5c7e1a2b-94d3-4f08-b6e1-2a9f0c33d871';
const BOT = { name: 'Volty', id: 'bot-volty' };

function person(lang) {
  let first, last;
  if (lang === 'nl') { if (chance(0.7)) { first = pick(FIRST_NL); last = pick(LAST_NL); } else { first = pick(FIRST_BE); last = pick(LAST_BE); } }
  else if (lang === 'fr') { first = pick(FIRST_FR); last = pick(LAST_BE.slice(9).concat(['Lefèvre', 'Martin', 'Renard'])); }
  else if (lang === 'de') { first = pick(FIRST_DE); last = pick(LAST_OTHER.slice(0, 3)); }
  else {
    const r = rnd();
    if (r < 0.45) { first = pick(FIRST_NL); last = pick(LAST_NL); }
    else if (r < 0.7) { first = pick(FIRST_BE); last = pick(LAST_BE); }
    else { first = pick(FIRST_EN); last = pick(LAST_OTHER); }
  }
  const base = (first + (chance(0.6) ? '.' + last.replace(/ /g, '') : last.slice(0, 1)) + (chance(0.4) ? ri(1, 99) : '')).toLowerCase()
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return { first, last, name: `${first} ${last}`, email: `${base}@${pick(DOMAINS)}`, phone: chance(0.5) ? `+31 6 ${ri(1000, 9999)} ${ri(1000, 9999)}` : `+32 4${ri(70, 99)} ${ri(10, 99)} ${ri(10, 99)} ${ri(10, 99)}` };
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
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MON_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_NL = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];
function burst(start, days) {
  // start is the incident's start (UTC); front-loaded, nobody writes in the small hours
  const a = Date.parse(start + ':00Z');
  const d = new Date(a + Math.floor(Math.pow(rnd(), 1.9) * days * 86400000));
  if (d.getUTCHours() < 5) d.setUTCHours(d.getUTCHours() + ri(5, 8));
  d.setUTCMinutes(ri(0, 59), ri(0, 59), ri(0, 999));
  if (d.getTime() < a) d.setTime(a + ri(10, 50) * 60000 + ri(0, 59999));
  return d;
}
function spread(start, end) {
  const a = Date.parse(start + 'T00:00:00Z'), b = Date.parse(end + 'T00:00:00Z');
  const d = new Date(a + Math.floor(rnd() * (b - a)));
  d.setUTCHours(ri(6, 21), ri(0, 59), ri(0, 59), ri(0, 999));
  return d;
}
const shortDate = d => `${d.getUTCDate()} ${MON[d.getUTCMonth()]}`;

// ---------- channels ----------
// chat = in-app / website widget (Volty bot first), email, whatsapp, messenger, instagram, phone (Aircall + agent note)
const ORIGIN = { chat: 'chat', email: 'email', whatsapp: 'urn:crisp.im:whatsapp:0', messenger: 'urn:crisp.im:messenger:0', instagram: 'urn:crisp.im:instagram:0', phone: 'urn:aircall:0' };
const GENERIC_SUBJ = { en: ['Help', 'Question', 'Problem with payment', '(no subject)', 'Complaint', 'URGENT', 'Voltera', 'Re: Your Voltera charging receipt', 'Fwd: Voltera', 'Account', 'support'],
  nl: ['Vraag', 'Klacht', 'Probleem', '(geen onderwerp)', 'Re: Je laadbon van Voltera', 'Voltera', 'Betaling'], fr: ['Question', 'Réclamation', 'Problème', 'Voltera'], de: ['Frage', 'Problem', 'Beschwerde'] };
const SIGN = { en: ['Thanks', 'Kind regards', 'Regards', 'Cheers', 'Thank you', 'Best', 'thx'], nl: ['Groet', 'Met vriendelijke groet', 'Mvg', 'Groetjes', 'Dank je'], fr: ['Cordialement', 'Merci', 'Bien à vous'], de: ['Viele Grüße', 'Mit freundlichen Grüßen', 'Danke'] };
const GREET = { en: ['Hi,', 'Hello,', 'Hi there,', 'Dear Voltera,', 'Good morning,', 'Hello Voltera team,', ''], nl: ['Hallo,', 'Beste,', 'Goedemiddag,', 'Hoi,', 'Beste Voltera,', ''], fr: ['Bonjour,', 'Madame, Monsieur,'], de: ['Hallo,', 'Guten Tag,', 'Sehr geehrte Damen und Herren,'] };
const DEVICE_FOOT = { en: ['Sent from my iPhone', 'Sent from my Galaxy', 'Get Outlook for Android'], nl: ['Verstuurd vanaf mijn iPhone', 'Verzonden vanaf mijn Galaxy', 'Verzonden met de mobiele Mail-app'], fr: ['Envoyé de mon iPhone'], de: ['Von meinem iPhone gesendet'] };

const MACRO = {
  en: [
    'Hi {first}, thanks for getting in touch and sorry for the trouble. I have checked your account and passed this on to our payments team. You will hear from us within 2 working days.',
    'Hi {first}, thanks for your message. We are aware of a temporary issue affecting some payments and notifications today and our team is working on it. There is nothing you need to do; we will update you as soon as we know more.',
    'Hi {first}, thanks for reaching out! Could you send us the date and location of the session, or a screenshot from the app, so we can look into it?',
    'Hi {first}, thank you, I have sorted this out for you. Let us know if there is anything else!',
  ],
  nl: [
    'Hoi {first}, bedankt voor je bericht en sorry voor het ongemak. Ik heb je account bekeken en het doorgezet naar ons betalingsteam. Je hoort binnen 2 werkdagen van ons.',
    'Hoi {first}, bedankt voor je bericht. We zijn op de hoogte van een tijdelijke storing die vandaag sommige betalingen en meldingen raakt, en ons team werkt eraan. Je hoeft niets te doen; we laten het je weten zodra we meer weten.',
    'Hoi {first}, dank je! Kun je ons de datum en locatie van de laadsessie sturen, of een screenshot uit de app? Dan zoeken we het uit.',
  ],
  fr: [
    'Bonjour {first}, merci pour votre message et désolés pour le désagrément. J\'ai transmis votre demande à notre équipe paiements, vous aurez une réponse sous 2 jours ouvrables.',
    'Bonjour {first}, merci pour votre message. Nous avons connaissance d\'un problème temporaire qui touche certains paiements et notifications aujourd\'hui. Vous n\'avez rien à faire, nous revenons vers vous dès que possible.',
  ],
};
MACRO.de = MACRO.en;
const NOISE_REPLY = { en: 'Hi {first}, thanks for your question! You can find more about this in our help centre (help.voltera.eu) - and if that does not answer it, just reply here.', nl: 'Hoi {first}, goede vraag! In ons helpcentrum (help.voltera.eu) staat hier meer over. Kom je er niet uit, reageer dan gewoon op dit bericht.', fr: 'Bonjour {first}, merci pour votre question ! Vous trouverez plus d\'informations dans notre centre d\'aide (help.voltera.eu).' };
NOISE_REPLY.de = NOISE_REPLY.en;

// ---------- clusters ----------
// lines per language; a line can start with "chat|" or "mail|" to restrict it to that channel family
const C = {};
C.charged_twice = {
  windows: [['2026-01-16T17:50', 10, 22], ['2026-10-05T17:40', 9, 14]],
  ch: { chat: 0.34, email: 0.3, whatsapp: 0.08, messenger: 0.04, instagram: 0.02, phone: 0.22 },
  subj: ['Charged twice', 'Double charge for one session', 'Two payments for one charge', 'Dubbele afschrijving', 'Charged 2x??', 'Refund double payment', 'Twee keer betaald', 'Why 2 payments?', 'Double debit {hub}'],
  en: [
    'I was charged twice for my charging session at {hub} on {day}, €{amt} both times.',
    'My bank shows two payments to VOLTERA CHARGE for one session. I only charged once!',
    'there are 2 identical debits of €{amt} from Voltera on my card, i only charged once',
    'Double charge! The session at {hub} shows once in the app but my credit card statement has it twice.',
    'You took the money for my charge two times. Please refund one of them.',
    'The app says I paid €{amt} for the session, my bank says I paid €{amt2}.',
    'Why is my charge from {day} on my statement 2x?',
    'I have been billed double for the fast charge at {hub}.',
    'I see two transactions of {amt} euro for the same session, a minute apart.',
    'Hi, I got charged again for the same session. Same amount, same day, same charger.',
    'Looking at my Revolut: Voltera €{amt}, and then Voltera €{amt} again. One session.',
    'mail|Please see below, two identical transactions:\n\nVOLTERA CHARGE BV  UTRECHT  -{amt}\nVOLTERA CHARGE BV  UTRECHT  -{amt}',
    'chat|charged twice',
    'chat|hi, double payment for my charge on {day}??',
    'Your system took my payment 2 times for the session at {hub}. I want one back.',
    'Two charges from Voltera this evening but I only plugged in once at {hub}.',
    'I think I was overcharged, €{amt2} went out for a session that cost €{amt}.',
  ],
  nl: [
    'Ik ben twee keer afgeschreven voor één laadsessie bij {hub}. Graag terugbetalen.',
    'Dubbele afschrijving van €{amt} voor de sessie van {day}, in de app staat het maar één keer.',
    'Er staat 2x hetzelfde bedrag van Voltera op mijn creditcard, ik heb maar één keer geladen.',
  ],
  fr: ['Bonjour, j\'ai été débité deux fois pour la même session de recharge à {hub}. Merci de rembourser.', 'Deux prélèvements de {amt} € pour une seule recharge.'],
  de: ['Hallo, mir wurde die Ladung bei {hub} doppelt abgebucht, zweimal {amt} €.'],
  extra: ['Screenshot attached.', 'I have the receipt for one payment only.', 'Money is tight this month so I would like it back quickly.', 'This is the second time something like this happens.', '', '', '', ''],
  ask: ['When do I get my money back?', 'Please refund the second payment.', 'Can you fix this?', 'Can you confirm it will be refunded?', ''],
  phone: [
    'Caller chgd 2x for session at {hub} on {day}, €{amt} x2 on card. Confirmed dup capture in Ortolan dash. Refund raised, 3-5 wd.',
    'Driver rang, 2 debits same amt (€{amt}) one session. Adv\'d known issue, refund auto. Sent macro by email.',
    'Cust v annoyed - double charged, thinks we do it on purpose. Checked: 2 captures. Refund raised, apologised.',
    'Beller: 2x afgeschreven {hub}. Dubbele capture bevestigd, refund aangemaakt.',
    'Fleet mgr? no - private driver. 2 pmts for 1 charge {day}. Refund + adv\'d bank may show both for a few days.',
  ],
};
C.charged_twice.must = ['Looking at my Revolut: Voltera €{amt}, and then Voltera €{amt} again. One session.', 'I think I was overcharged, €{amt2} went out for a session that cost €{amt}.', 'I have been billed double for the fast charge at {hub}.', { core: 'Please see below, two identical transactions:\n\nVOLTERA CHARGE BV  UTRECHT  -{amt}\nVOLTERA CHARGE BV  UTRECHT  -{amt}', extra: '', ask: 'Only one session that day.' }];
C.failed_notice_spam = {
  windows: [['2026-03-06T10:40', 6, 22]],
  ch: { chat: 0.38, email: 0.32, whatsapp: 0.08, messenger: 0.04, instagram: 0.04, phone: 0.14 },
  subj: ['Stop the emails', 'Payment failed??', 'Same email 8 times', 'Re: Payment for your charging session failed', 'Spam', 'Notifications', 'Betaling mislukt?', 'Why do I keep getting this'],
  en: [
    'I keep getting "Payment for your charging session failed". {k} times now since this morning.',
    'your app sent me {k} emails and {k} pushes saying the payment failed. is it failed or not??',
    'Stop spamming me with payment failed notifications. I get it.',
    'Every half an hour another notification that my payment didn\'t go through for the same session.',
    'I got {k} emails about the same session at {hub}, all saying payment failed.',
    'My phone keeps buzzing: payment failed, payment failed, payment failed.',
    'Same message over and over again about my charge from this morning.',
    'Why do you send me the same failed payment email every 30 minutes?',
    'chat|hi why do I keep getting payment failed',
    'Notification after notification that my charge could not be paid. My card is fine.',
    'I have received the email "Payment for your charging session failed" again. And again.',
  ],
  nl: ['Ik krijg steeds dezelfde melding dat mijn betaling mislukt is, al {k} keer vandaag.', 'Al {k} mails dat de betaling van mijn laadsessie mislukt is. Hou op alsjeblieft.'],
  fr: ['Je reçois sans arrêt le même e-mail « paiement échoué » pour la même recharge, déjà {k} fois.'],
  de: [],
  extra: ['Does this mean you are going to try to charge my card {k} times?', 'My card works everywhere else.', 'Screenshot of my notifications attached.', 'Will I be charged for each of these?', '', '', ''],
  ask: ['Please make it stop.', 'What do I need to do?', 'Is my card blocked?', 'Can I still charge?', ''],
  phone: [
    'Driver re: repeated payment failed push+email ({k}x) for 1 session. Adv\'d known issue, no multiple charges, msgs stopped.',
    'Caller asked if she will be charged {k} times bc of {k} emails. Explained 1 session, 1 payment. Reassured.',
    'Beller boos: {k}x mail betaling mislukt. Uitgelegd storing, geen dubbele afschrijving.',
  ],
};
C.blocked_but_paid = {
  windows: [['2026-07-17T15:40', 8, 18]],
  ch: { chat: 0.32, email: 0.28, whatsapp: 0.1, messenger: 0.02, instagram: 0, phone: 0.28 },
  subj: ['Blocked from charging', 'Open balance but I paid', 'Payment failed but money is gone', 'Can\'t start charging', 'Re: Payment for your charging session failed', 'Openstaand bedrag?', 'Paid twice now'],
  en: [
    'The app says I have an open balance of €{amt} and I can\'t start charging, but the money was already taken from my card.',
    'I got an email saying the payment for my session failed, but my bank shows it was paid. Now the app blocks me.',
    'I paid the open balance to be able to charge and now I have paid for the same session twice.',
    'Stood at the charger at {hub} with 8% battery and the app wouldn\'t let me start because of an "unpaid session". It was paid!',
    'Why does it say payment failed? My statement shows €{amt} to Voltera on {day}.',
    'chat|app says outstanding payment, pay first. but it IS paid',
    'You told me my payment failed so I paid again in the app. So now you have my money twice.',
    'Blocked from charging for a payment that went through. Had to use another network to get home.',
    'chat|I can\'t start a session, it says I need to pay €{amt} first. I already paid that on {day}!',
    'Your email says my payment failed on {day} but my bank app shows €{amt} to Voltera Charge. Which is it?',
    'Account blocked for unpaid session. The session was paid, I have the bank statement.',
  ],
  nl: ['De app zegt dat ik een openstaand bedrag heb en ik kan niet laden, maar het is al afgeschreven.', 'Ik kreeg een mail dat de betaling mislukt was, dus ik heb het openstaande bedrag betaald. Nu 2x betaald.'],
  fr: ['L\'application dit que j\'ai un solde impayé et je ne peux pas recharger, mais le montant a déjà été débité.'],
  de: [],
  extra: ['I was late for work because of this.', 'My bank statement is attached.', 'Very stressful with a nearly empty battery.', '', '', ''],
  ask: ['Please unblock my account.', 'I want the second payment back.', 'How can I charge again?', 'Can you check?', ''],
  phone: [
    'Caller blocked at {hub}, open balance €{amt} for {day} session, card stmt shows paid. Checked Ortolan: captured. Cleared block, adv\'d known issue.',
    'Driver paid open bal in app to lift block, now paid 2x for same session. Refund of 2nd pmt raised.',
    'Stranded @ {hub}, 6% batt, app: unpaid session. Ortolan shows captured. Block lifted manually, driver charging now.',
    'Beller geblokkeerd, openstaand €{amt}, is wel betaald volgens bank. Blokkade opgeheven.',
    'Cx says payment failed mail but money gone. Confirmed captured. Adv\'d DO NOT pay open balance, we clear it.',
  ],
};
C.blocked_but_paid.must = ['You told me my payment failed so I paid again in the app. So now you have my money twice.', 'I paid the open balance to be able to charge and now I have paid for the same session twice.'];
C.failed_notice_spam.must = [{ core: 'I got {k} emails about the same session at {hub}, all saying payment failed.', extra: 'Does this mean you are going to try to charge my card {k} times?' }, { core: 'My phone keeps buzzing: payment failed, payment failed, payment failed.', extra: 'Will I be charged for each of these?' }];
C.hold_not_released = {
  windows: [['2026-04-19T07:30', 10, 20]],
  ch: { chat: 0.3, email: 0.36, whatsapp: 0.08, messenger: 0.04, instagram: 0.02, phone: 0.2 },
  subj: ['€80 still pending', 'Reservation not released', 'Blocked amount on my card', 'Pending payment', 'Pre-authorisation', 'Bedrag gereserveerd', 'Montant bloqué', 'When is my money released?'],
  en: [
    'There is still €80 pending on my card from a charge last Saturday. The session was only €{amt}.',
    'Why are you blocking €50 on my card for a week?',
    'Reservation of 80 euro not released, session ended days ago.',
    'My bank shows a pending payment to Voltera of €80 on top of the real charge.',
    'pre-authorisation still not released after 6 days, its my debit card and I need that money',
    'Is the €80 going to be charged? It has been pending since the weekend.',
    'The app shows €{amt} for my session but my account has €80 reserved by Voltera.',
    'You still hold 50 EUR on my card from {hub}. Please release it.',
    'chat|why is there still 80 euro pending',
    'I charged for €{amt} on Saturday and you are still keeping €80 blocked. Why?',
    'My available balance is €80 lower because of Voltera. Session was days ago.',
  ],
  nl: ['Er staat nog steeds €80 gereserveerd op mijn rekening sinds zaterdag, de sessie kostte maar €{amt}.', 'Wanneer wordt de reservering van 80 euro vrijgegeven?'],
  fr: ['Il y a toujours 80 € bloqués sur ma carte depuis samedi.'],
  de: ['Auf meiner Karte sind seit Samstag immer noch 80 € vorgemerkt.'],
  extra: ['It is my debit card so this is real money I can\'t use.', 'My bank says it is up to you.', 'I charged at {hub}.', '', '', ''],
  ask: ['When will it be released?', 'Please release it.', 'Can you remove the hold?', ''],
  phone: [
    'Driver re: €80 auth still pending 6 days after HPC session at {hub}. Adv\'d known issue, will drop off, can take up to 5 days depending on bank.',
    'Caller low balance, debit card, €80 reserved since Sat. Voided manually in Ortolan. Adv\'d bank 1-3 days.',
    'Beller: €80 reservering staat nog. Uitgelegd, wordt vrijgegeven.',
  ],
};
C.no_receipt = {
  windows: [['2026-08-29T07:00', 6, 12]],
  ch: { chat: 0.3, email: 0.5, whatsapp: 0.05, messenger: 0, instagram: 0, phone: 0.15 },
  subj: ['No receipt', 'Receipt missing', 'VAT receipt please', 'Geen laadbon ontvangen', 'Invoice for charging session', 'Where is my receipt?'],
  en: [
    'I didn\'t get a receipt for my charging session on {day}. I need it for my expenses.',
    'Where is my VAT receipt? Usually I get an email after every charge.',
    'No confirmation email since the weekend, can you resend the receipts for {hub}?',
    'My employer needs a receipt with VAT for the charge on {day}. The email never came.',
    'haven\'t had the receipt email for 2 sessions this weekend',
  ],
  nl: ['Ik heb geen bon ontvangen van mijn laadsessie van {day}, kan ik die nog krijgen? Nodig voor de zaak.'],
  fr: [],
  de: [],
  extra: ['I checked my spam folder.', 'The push came but no email.', '', ''],
  ask: ['Can you resend it?', 'Can you email it again please?', ''],
  phone: ['Driver needs receipts for {day} sessions for expense claim, none received. Adv\'d resend Monday.', 'Caller: geen bon per mail sinds za. Uitgelegd storing, wordt opnieuw verstuurd.'],
};
C.terminal_double = {
  windows: [['2026-02-09T06:20', 7, 14]],
  ch: { chat: 0.1, email: 0.5, whatsapp: 0.1, messenger: 0.05, instagram: 0, phone: 0.25 },
  subj: ['Charged twice at the charger', 'Double payment contactless', 'Card payment at charging station', 'Twee keer betaald bij laadpaal', 'Charged twice'],
  en: [
    'I paid with my card at the charger (tap) and was charged twice.',
    'Paid contactless at the terminal on the charger at {hub}, two payments on my statement.',
    'I don\'t have your app, I just tapped my card at the pillar. Two charges of €{amt}.',
    'The terminal said "declined - try again", I tried again and now I see 2 debits.',
    'Charged twice for one charge at {hub}, paid by Apple Pay on the machine.',
  ],
  nl: ['Ik heb contactloos betaald aan de laadpaal en het is twee keer afgeschreven.'],
  fr: ['J\'ai payé sans contact à la borne, deux débits sur mon compte.'],
  de: ['Ich habe an der Säule mit Karte bezahlt und es wurde zweimal abgebucht.'],
  extra: ['I am not a Voltera customer, just passing through.', 'Rental car, I don\'t have an account.', '', ''],
  ask: ['Please refund.', 'Who do I contact?', ''],
  phone: ['Caller paid by card on terminal at {hub}, 2x on stmt. Not app user. Passed to terminal-pay queue.', 'Ad-hoc driver, tapped twice after decline msg, 2 debits. Forwarded to terminal team.'],
};
C.charger_wont_start = {
  windows: [['2026-06-26T14:55', 5, 15]],
  ch: { chat: 0.4, email: 0.15, whatsapp: 0.1, messenger: 0.05, instagram: 0.05, phone: 0.25 },
  subj: ['Charger not working', 'Can\'t start charging', 'Laadpaal start niet', 'Charger not responding'],
  en: [
    'The charger at {hub} won\'t start. App says "Charger not responding". Tried 3 times.',
    'stuck on "Preparing" for 10 minutes, then nothing',
    'Couldn\'t charge at {hub} tonight, every charger said connecting and then failed.',
    'Started the session twice in the app, nothing happened, had to drive to another station.',
    'None of the chargers at {hub} work. Is there an outage?',
  ],
  nl: ['De laadpaal start niet, blijft hangen op voorbereiden. Al twee keer geprobeerd.'],
  fr: [],
  de: ['Die Ladesäule in {hub} startet nicht, App sagt Ladepunkt reagiert nicht.'],
  extra: ['Battery at 9%.', 'Other people there had the same problem.', '', ''],
  ask: ['What do I do now?', 'Can you start it remotely?', ''],
  phone: ['Driver stranded at {hub}, 12% batt, remote start timing out. Tried connector 2. Adv\'d CPMS outage, RFID card may work, directed to {hub2}.', 'Caller: chargers at {hub} all failing to start. Known Ampwire issue, adv\'d.'],
};
C.plus_dunning = {
  windows: [['2026-05-12T04:30', 4, 6]],
  ch: { chat: 0.3, email: 0.6, phone: 0.1 },
  subj: ['Voltera Plus payment', 'Membership payment failed?', 'Re: Your Voltera Plus payment failed'],
  en: ['I got 4 emails that my Voltera Plus payment failed but the membership fee was taken.', 'Why does it say my Voltera Plus renewal failed? The €9.99 is on my statement.', 'Several emails this morning about my membership payment failing. Is my subscription cancelled?'],
  nl: ['Al 5 mails dat de betaling van Voltera Plus mislukt is, maar het is gewoon afgeschreven.'],
  fr: [], de: [],
  extra: ['', ''], ask: ['Do I still have the discount?', ''],
  phone: ['Caller re: Voltera Plus renewal failed mails (x3), fee taken. Adv\'d ignore, membership active.'],
};
C.idle_fee_dst = {
  windows: [['2026-10-25T08:00', 6, 6]],
  ch: { chat: 0.4, email: 0.5, phone: 0.1 },
  subj: ['Idle fee wrong', 'Blocking fee too high', 'Overstay fee'],
  en: ['I was charged an idle fee of €{amt} for leaving the car overnight Saturday to Sunday, that is more than the tariff says.', 'The idle fee on my session from Saturday night is double what it should be.', 'Idle fee charged twice for the same hour? Clock change night.'],
  nl: ['De parkeerboete/idle fee van zaterdagnacht klopt niet, veel te hoog.'],
  fr: [], de: [],
  extra: ['', ''], ask: ['Please correct it.', ''],
  phone: ['Caller disputes idle fee for Sat-Sun night session, looks doubled. Passed to tariff team.'],
};

C.hold_not_released.must = ['Is the €80 going to be charged? It has been pending since the weekend.'];

// noise: one-offs spread across the year; each item [lang, text] with optional channel hint
const NOISE = [
  ['en', 'How do I order a Voltera charge card? The app sends me to a page that doesn\'t load.'],
  ['en', 'My charge card has not arrived yet, ordered 3 weeks ago.'],
  ['nl', 'Hoe kan ik mijn laadpas blokkeren? Ik ben hem kwijt.'],
  ['en', 'Why is the price at {hub} €0.69 per kWh? That is a lot more than at home.'],
  ['en', 'Can I get a receipt with my company name on it? My employer needs that.'],
  ['nl', 'Kan ik mijn bedrijfsnaam en btw-nummer op de laadbonnen krijgen?'],
  ['en', 'I cannot log in to the app, it keeps saying my code is wrong.'],
  ['en', 'Please delete my account and all my data (GDPR).'],
  ['en', 'Charger 3 at {hub} has a broken cable, the connector is cracked.'],
  ['nl', 'Er staat al de hele dag een benzineauto op de laadplek bij {hub}.'],
  ['en', 'Is there a toilet at {hub}?'],
  ['en', 'Charging was very slow at {hub}, only 45 kW on a 300 kW charger.'],
  ['en', 'How do I cancel Voltera Plus?'],
  ['fr', 'Est-ce que je peux utiliser ma carte Voltera sur d\'autres réseaux en France ?'],
  ['en', 'Can I use my Voltera card in Germany?'],
  ['en', 'Why do you block €80 on my card when I start charging? That is a lot for a 20 minute charge.'],
  ['en', 'Is it normal that I see a pending amount after charging? Just checking.'],
  ['en', 'My card expired, how do I add the new one in the app?'],
  ['nl', 'Kan ik het openstaande bedrag ook met iDEAL betalen?'],
  ['en', 'Compliment for the staff at the {hub} hub, very helpful when my car would not unlock the cable.'],
  ['en', 'The cable is stuck in my car after charging, what do I do?'],
  ['en', 'Charged twice?? Oh no wait, one of them is the Voltera Plus membership. Sorry, ignore.'],
  ['en', 'I need all my receipts for last year for my tax return, can you send a list?'],
  ['en', 'Can my company pay for my charging directly? We have a fleet account with you.'],
  ['nl', 'Onze zakelijke factuur van deze maand klopt niet, er staan sessies op van een collega.'],
  ['en', 'I got a parking fine at {hub} while charging, is that allowed?'],
  ['de', 'Gibt es in {hub} ein Café oder etwas zu essen?'],
  ['en', 'The app shows a session from yesterday as still running but I unplugged hours ago.'],
  ['en', 'How do I change my email address?'],
  ['en', 'Do you have chargers planned near Maastricht?'],
  ['en', 'Charging with a rental car from Sixt, does your app work with that?'],
  ['nl', 'Waarom kost laden bij {hub} meer dan vorige maand?'],
];
const NOISE_PHONE = ['Caller asked about tariffs at {hub}, explained HPC price.', 'Lost charge card, blocked + new one ordered.', 'Caller cable stuck after session, talked through unlock via app.', 'Question re Voltera Plus benefits, explained.'];

// ---------- build ----------
const convs = [];
const truth = {};
let fingerprintBase = 1000000000000;

function amounts() { const a = (ri(900, 6500) / 100); return { amt: a.toFixed(2), amt2: (a * 2).toFixed(2) }; }
function langFor(c) {
  const r = rnd();
  const has = l => (c[l] || []).length;
  if (r < 0.14 && has('nl')) return 'nl';
  if (r < 0.19 && has('fr')) return 'fr';
  if (r < 0.22 && has('de')) return 'de';
  return 'en';
}
function channel(weights) {
  let r = rnd(), acc = 0;
  for (const [k, w] of Object.entries(weights)) { acc += w; if (r < acc) return k; }
  return 'chat';
}
const okFor = (line, ch) => !/^(chat|mail)\|/.test(line) || (line.startsWith('chat|') ? ch !== 'email' : ch === 'email');
const strip = line => line.replace(/^(chat|mail)\|/, '');

function msg(session, type, from, origin, content, ts, user, extra = {}) {
  fingerprintBase += ri(1000, 900000);
  const m = { session_id: session, website_id: WEBSITE_ID, type, from, origin, content, mentions: [], read: origin === 'email' ? 'email' : 'chat', delivered: '', stamped: true, timestamp: ts, fingerprint: fingerprintBase, user };
  return Object.assign(m, extra);
}
function opUser(op) { return { type: 'website', user_id: op.id, nickname: op.name, avatar: `https://image.crisp.chat/avatar/operator/${op.id}/240/` }; }

function makeConversation(cluster, c, date, lang, isNoise, noiseText, forced) {
  let ch = isNoise ? pick(['chat', 'chat', 'email', 'email', 'whatsapp', 'messenger', 'phone']) : channel(c.ch);
  if (forced && ch === 'phone') ch = 'email';
  const who = person(lang);
  const sid = `session_${uuid()}`;
  const v = Object.assign({ hub: pick(HUBS), hub2: pick(HUBS), k: ri(4, 9), day: pick(['Friday', 'Saturday', 'Sunday', 'Monday', 'yesterday', 'last night', shortDate(date)]) }, amounts());
  const op = pick(OPERATORS);
  const userObj = { type: 'participant', user_id: `people_${uuid()}`, nickname: who.name };
  const messages = [];
  let t = date.getTime();
  const step = (a, b) => (t += ri(a, b) * 1000);
  let subject = '';
  let customerText = '';

  // core text
  let core, extra = '', ask = '';
  if (isNoise) {
    core = fill(noiseText, v);
  } else if (forced) {
    const f = typeof forced === 'string' ? { core: forced } : forced;
    core = fill(f.core, v);
    extra = fill(f.extra ?? pick(c.extra), v);
    ask = fill(f.ask ?? pick(c.ask), v);
  } else if (lang !== 'en' && (c[lang] || []).length) {
    core = fill(pick(c[lang]), v);
  } else {
    core = fill(strip(pick(c.en.filter(l => okFor(l, ch)))), v);
    extra = fill(pick(c.extra), v);
    ask = fill(pick(c.ask), v);
  }

  if (ch === 'phone') {
    const note = isNoise ? fill(pick(NOISE_PHONE), v) : fill(pick(c.phone), v);
    const dur = `${ri(1, 14)} min ${ri(0, 59)} s`;
    messages.push(msg(sid, 'text', 'operator', ORIGIN.phone, `📞 Inbound call from ${who.phone} · ${dur} · answered by ${op.name}`, t, { type: 'website', user_id: 'plugin-aircall', nickname: 'Aircall' }, { automated: true }));
    step(60, 900);
    messages.push(msg(sid, 'note', 'operator', 'chat', note, t, opUser(op)));
    subject = chance(0.5) ? `Call ${who.first} ${who.last}` : '';
    customerText = note;
  } else if (ch === 'chat') {
    messages.push(msg(sid, 'text', 'operator', 'chat', 'Hi! I\'m Volty 🤖 Ask me anything about charging, payments or your account. If I can\'t help, I\'ll bring in one of my human colleagues.', t, { type: 'website', user_id: BOT.id, nickname: BOT.name }, { automated: true }));
    step(2, 5);
    const choices = [['session', 'A charging session'], ['payment', 'A payment or receipt'], ['card', 'Charge card'], ['account', 'My account or the app'], ['other', 'Something else']];
    const sel = pick(['session', 'payment', 'payment', 'account', 'other']);
    messages.push(msg(sid, 'picker', 'operator', 'chat', { id: 'volty-topic', text: 'What is it about?', choices: choices.map(([value, label]) => ({ value, label, selected: value === sel })) }, t, { type: 'website', user_id: BOT.id, nickname: BOT.name }, { automated: true }));
    step(5, 40);
    const parts = [core, extra, ask].filter(Boolean).map(x => (forced ? x : customerise(x)));
    if (chance(0.25) && parts.length === 1) { const s = parts[0].split(/(?<=[.!?])\s+/); if (s.length > 1) parts.splice(0, 1, ...s); }
    for (const p of parts) { messages.push(msg(sid, 'text', 'user', 'chat', p, t, userObj)); step(4, 50); }
    if (chance(0.15)) { messages.push(msg(sid, 'file', 'user', 'chat', { name: `Screenshot_${date.getUTCFullYear()}${p2(date.getUTCMonth() + 1)}${p2(date.getUTCDate())}-${ri(100000, 235959)}.png`, url: `https://storage.crisp.chat/users/upload/session/${hex(16)}/screenshot_${hex(8)}.png`, type: 'image/png' }, t, userObj)); step(4, 30); }
    messages.push(msg(sid, 'text', 'operator', 'chat', 'Thanks! I\'m passing you to a colleague, they\'ll be with you shortly.', t, { type: 'website', user_id: BOT.id, nickname: BOT.name }, { automated: true }));
    customerText = parts.join('\n');
    if (chance(0.15)) subject = pick(['Payment question', 'Charging', 'Chat with ' + who.first, 'Refund']);
  } else if (ch === 'email') {
    const L = lang;
    const greet = pick(GREET[L]);
    const body = [core, extra, ask].filter(Boolean).map(x => (forced ? x : customerise(x))).join(chance(0.5) ? ' ' : '\n\n');
    let sig = `${pick(SIGN[L])},\n${chance(0.7) ? who.first : who.name}`;
    if (chance(0.18)) sig += `\n\n${who.name}\n${pick(['Fleet coordinator', 'Office manager', 'Account manager', 'Projectleider', 'Consultant', 'Sales'])} | ${pick(COMPANIES)}\n${who.phone}`;
    else if (chance(0.3)) sig += `\n\n${pick(DEVICE_FOOT[L])}`;
    const text = (greet ? greet + '\n\n' : '') + body + '\n\n' + sig;
    if (isNoise) subject = chance(0.5) ? pick(GENERIC_SUBJ[L]) : core.split(/[.?!]/)[0].slice(0, 60);
    else subject = chance(0.45) ? pick(GENERIC_SUBJ[L]) : fill(pick(c.subj), v);
    messages.push(msg(sid, 'text', 'user', 'email', text, t, userObj, { preview: [] }));
    customerText = text;
  } else {
    // whatsapp / messenger / instagram: short, informal
    const parts = [core, forced ? extra : '', chance(0.5) ? ask : ''].filter(Boolean).map(x => (forced ? x : customerise(chance(0.3) ? x.toLowerCase() : x)));
    for (const p of parts) { messages.push(msg(sid, 'text', 'user', ORIGIN[ch], p, t, userObj)); step(5, 120); }
    customerText = parts.join('\n');
  }

  // operator reply (about 70%), sometimes the customer answers again quoting it (email)
  let lastText = customerText;
  if (ch !== 'phone' && chance(0.72)) {
    step(600, 60 * 60 * 20);
    const ml = MACRO[lang] ? lang : 'en';
    const reply = isNoise ? fill(NOISE_REPLY[ml], { first: who.first }) : fill(pick(MACRO[ml]), { first: who.first });
    const replyText = ch === 'email' ? `${reply}\n\n${op.first}\nVoltera Support` : reply;
    messages.push(msg(sid, 'text', 'operator', ORIGIN[ch], replyText, t, opUser(op)));
    lastText = replyText;
    if (ch === 'email' && chance(0.22)) {
      const rd = new Date(t);
      step(1800, 60 * 60 * 30);
      const hdr = lang === 'nl'
        ? `Op ${DAY_NL[rd.getUTCDay()]} ${rd.getUTCDate()} ${MON_NL[rd.getUTCMonth()]} ${rd.getUTCFullYear()} om ${p2(rd.getUTCHours())}:${p2(rd.getUTCMinutes())} schreef Voltera Support <support@voltera.eu>:`
        : `On ${DAY[rd.getUTCDay()]}, ${rd.getUTCDate()} ${MON[rd.getUTCMonth()]} ${rd.getUTCFullYear()} at ${p2(rd.getUTCHours())}:${p2(rd.getUTCMinutes())}, Voltera Support <support@voltera.eu> wrote:`;
      const follow = lang === 'nl' ? pick(['Bedankt, maar wanneer krijg ik het geld terug?', 'Nog steeds niets gehoord.', 'Oké, dank je.']) : pick(['Thanks, but when do I get it back?', 'Still nothing. Any news?', 'OK thank you.', 'This is not an answer to my question.']);
      const quoted = replyText.split('\n').map(l => '> ' + l).join('\n');
      const ftxt = `${follow}\n\n${hdr}\n${quoted}`;
      messages.push(msg(sid, 'text', 'user', 'email', ftxt, t, userObj));
      lastText = ftxt;
    }
  }
  step(60, 60 * 60 * 48);
  messages.push(msg(sid, 'event', 'operator', ORIGIN[ch] === 'email' ? 'email' : 'chat', { namespace: 'state:resolved', text: 'Conversation resolved' }, t, opUser(op)));

  const segLang = lang === 'en' ? [] : [lang];
  const segs = [...new Set([...(chance(0.6) ? [pick(['payments', 'app', 'charger', 'refund', 'account', 'billing', 'general'])] : []), ...(chance(0.2) ? [pick(['urgent', 'follow-up', 'escalated', 'vip'])] : []), ...segLang, ...(ch === 'phone' ? ['phone'] : [])])];
  const platform = pick(['ios', 'android', 'web']);
  const conv = {
    session_id: sid,
    website_id: WEBSITE_ID,
    inbox_id: null,
    people_id: userObj.user_id.replace('people_', ''),
    state: 'resolved',
    status: 2,
    is_verified: ch === 'chat' && chance(0.7),
    is_blocked: false,
    availability: 'offline',
    last_message: typeof lastText === 'string' ? lastText.slice(0, 200) : '',
    preview_message: { type: 'text', from: messages.filter(m => m.type === 'text').slice(-1)[0].from, excerpt: (typeof lastText === 'string' ? lastText : '').replace(/\s+/g, ' ').slice(0, 80), fingerprint: messages.filter(m => m.type === 'text').slice(-1)[0].fingerprint },
    topic: '',
    participants: [],
    mentions: [],
    compose: {},
    unread: { operator: 0, visitor: 0 },
    assigned: { user_id: op.id },
    meta: {
      nickname: who.name,
      email: ch === 'phone' && chance(0.5) ? '' : who.email,
      phone: ch === 'phone' || ch === 'whatsapp' ? who.phone : '',
      address: '',
      subject,
      ip: ch === 'chat' ? `${ri(31, 217)}.${ri(0, 255)}.${ri(0, 255)}.${ri(1, 254)}` : '',
      data: ch === 'chat' ? { driver_id: `drv_${hex(10)}`, app_version: pick(['4.16.2', '4.17.0', '4.18.1', '4.19.0', '4.20.3']), platform, locale: lang } : {},
      avatar: '',
      device: ch === 'chat' ? { capabilities: ['chat', 'browsing'], geolocation: { country: pick(['NL', 'NL', 'NL', 'BE', 'BE', 'DE']), city: '' }, system: { os: { name: platform === 'ios' ? 'iOS' : platform === 'android' ? 'Android' : 'Mac OS', version: '' }, engine: { name: platform === 'web' ? 'Blink' : 'WebKit' }, browser: { name: platform === 'web' ? 'Chrome' : 'Crisp SDK' }, useragent: '' }, timezone: -60, locales: [lang] } : {},
      segments: segs,
    },
    created_at: date.getTime(),
    updated_at: t,
    waiting_since: 0,
    messages,
  };
  return conv;
}

const sizes = {};
for (const [name, c] of Object.entries(C)) {
  let idx = 0;
  for (const [start, days, n] of c.windows) {
    for (let i = 0; i < n; i++) {
      const d = burst(start, days);
      // a few lines every history reader should meet at least once (the cross-cluster confusers)
      const forced = (c.must || [])[idx++];
      const lang = forced ? 'en' : langFor(c);
      const conv = makeConversation(name, c, d, lang, false, null, forced);
      convs.push(conv); truth[conv.session_id] = name; sizes[name] = (sizes[name] || 0) + 1;
    }
  }
}
for (const [lang, text] of NOISE) {
  const d = spread('2026-01-03', '2026-11-28');
  const conv = makeConversation('noise', null, d, lang, true, text);
  convs.push(conv); truth[conv.session_id] = 'noise'; sizes.noise = (sizes.noise || 0) + 1;
}
convs.sort((a, b) => b.created_at - a.created_at);

const here = dirname(fileURLToPath(import.meta.url));
const exportDoc = {
  exported_at: '2026-11-30T05:00:14.118Z',
  source: 'crisp-dump 1.6.0 (GET /v1/website/{website_id}/conversations/{page} + /conversation/{session_id}/messages)',
  website_id: WEBSITE_ID,
  website_name: 'Voltera Support',
  filter: { created_from: '2026-01-01T00:00:00.000Z', created_to: '2026-11-30T00:00:00.000Z', state: 'resolved', sample: 0.1 },
  count: convs.length,
  conversations: convs,
};
writeFileSync(join(here, 'crisp-conversations-export-2026-11-30.json'), JSON.stringify(exportDoc, null, 2) + '\n');
const inScope = ['charged_twice', 'failed_notice_spam', 'blocked_but_paid', 'hold_not_released', 'no_receipt'];
const truthDoc = {
  generator: 'generate-tickets.mjs', seed: SEED, export: 'crisp-conversations-export-2026-11-30.json', total: convs.length,
  counts: sizes,
  about_component: Object.fromEntries(Object.keys(sizes).map(k => [k, inScope.includes(k)])),
  conversations: Object.fromEntries(convs.map(c => [c.session_id, truth[c.session_id]])),
};
writeFileSync(join(here, 'truth.json'), JSON.stringify(truthDoc, null, 2) + '\n');
process.stderr.write(Object.entries(sizes).map(([k, v]) => `${k}\t${v}`).join('\n') + `\ntotal\t${convs.length}\n`);
