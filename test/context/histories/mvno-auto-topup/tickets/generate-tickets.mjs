#!/usr/bin/env node
// Builds front-conversations-export.csv: a Front "Export conversations" CSV (one row per
// conversation, first inbound message in "First message"), as the Larkspur care team pulls it
// every quarter for the payments squad. No dependencies; splitmix32 seeded from an FNV-1a hash
// of a fixed string, so the output is byte-identical on every run.
//   node generate-tickets.mjs            writes the CSV next to this script
//   node generate-tickets.mjs --truth    prints "<Conversation ID>\t<cluster>" (sizes on stderr)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function fnv1a(s) { let h = 0x811c9dc5; for (const c of s) { h ^= c.codePointAt(0); h = Math.imul(h, 0x01000193) >>> 0; } return h; }
function splitmix32(a) { return () => { a |= 0; a = (a + 0x9e3779b9) | 0; let t = a ^ (a >>> 16); t = Math.imul(t, 0x21f0aaad); t ^= t >>> 15; t = Math.imul(t, 0x735a2d97); t ^= t >>> 15; return (t >>> 0) / 4294967296; }; }
const rnd = splitmix32(fnv1a('larkspur-front-export-2026Q2Q3Q4'));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

// ---- people ----
const first = ['Sarah','Jamal','Kerry','Tomasz','Aisha','Gareth','Ioana','Dean','Priti','Mohammed','Chloe','Liam','Agnieszka','Darren','Fatima','Joao','Bethany','Callum','Nadia','Kwame','Shauna','Rui','Stacey','Wiktor','Jade','Imran','Lucy','Andrei','Tariq','Megan','Shannon','Ahmed','Karen','Leon','Zofia','Ricky'];
const last = ['Hughes','Begum','Nowak','Evans','Popescu','Khan','Walsh','Silva','Taylor','Ahmed','Kowalski','Jones','Rahman','Murphy','Okoro','Price','Costa','Wright','Hussain','Lewandowska','Reid','Patel','Ionescu','Doyle'];
const agents = ['Bex Coulter','Marcus Lyle','Sana Qureshi','Jordan Tait','Unassigned'];
const amt = () => pick(['£10','£10','£15','£20','£20','£5','£30']);
const msisdn = () => '07' + String(int(100000000, 999999999));

// ---- wording per cluster ----
// Each entry: [subject, body]. Subjects are often useless, as they are in real life.
const G = ['Help', 'Query', 'Complaint', 'Re: Your Larkspur top-up', '(no subject)', 'urgent', 'Account issue', 'Fwd: Larkspur Mobile', 'Please help'];
const C = {
  double_charge: [
    ['Auto top up issue', 'Larkspur have debited me {a} twice for the top up on the 1st. One top up, two payments.'],
    ['', 'Duplicate charge on auto top up. Please advise.'],
    ['Two payments', 'Looked at my account and there are 2 withdrawals from Larkspur for the same amount on the same day. I\'m on the monthly automatic top-up.'],
    ['Payment', 'Your auto top-up hit my card twice. Who do I speak to for a refund?'],
    ['Dwa razy', 'auto doladowanie {a} zeszlo mi dwa razy z konta'],
    ['Charged twice', 'My auto top up has taken {a} twice from my card this morning. I only have it set to top up once a month. Please refund the second one.'],
    ['Double payment', 'Hi, I have two payments of {a} to LARKSPUR MOBILE on my banking app both dated {d}. I have auto top-up on the 1st. Why have you taken it twice??'],
    ['', 'you took my monthly top up 2 times. {a} + {a}. i need that money back today'],
    ['Auto top-up', 'Good morning, I noticed my bank statement shows the automatic top up went out twice for the same day. Can someone look into it and refund the duplicate please.'],
    ['Refund', 'Two lots of {a} gone out for the auto topup. Only one should of gone. My credit shows double too but I did not ask for that, I want my money back not airtime'],
    ['Dwie płatności', 'Dzień dobry, automatyczne doładowanie pobrało {a} dwa razy z mojej karty. Proszę o zwrot jednej płatności.'],
    ['Plată dublă', 'Bună ziua, mi s-a luat de două ori {a} pentru reîncărcarea automată. Vă rog să returnați banii.'],
    ['', 'Why has Larkspur taken three payments of {a} off my card overnight? I have auto top up for once a month. Three!'],
    ['Duplicate transaction', 'Dear Sir/Madam, my recurring top-up was debited twice on {d}. Reference on my statement: LARKSPUR*TOPUP. Kindly reverse the duplicate transaction.'],
    ['', 'hi my mum’s phone auto top-up came out twice, she is a pensioner and cant afford this. number is {m}'],
    ['Cobro doble', 'Hola, me han cobrado dos veces la recarga automática de {a}. Por favor devuélvanme el dinero.'],
    ['Overcharged', 'I have been overcharged. The monthly top up took {a} then another {a} 10 mins later. Explain?'],
  ],
  text_storm: [
    ['Your texts', 'I am getting the same "couldn\'t top up" message again and again, the emails too. Is my account hacked?'],
    ['', 'pls stop the texts i have had 6 today'],
    ['STOP', 'STOP sending me texts. 6 messages last night saying you couldnt top up my phone. I know, my card is new, stop waking me up'],
    ['Texts all night', 'I received the "We couldn\'t top up your phone" text at 10pm, 11pm, midnight, 2am and 4am. Is this a joke? Also the same emails.'],
    ['', 'why do i keep getting messages saying top up failed?? like 5 of them'],
    ['Spam', 'Getting spammed by Larkspur. Same text over and over: couldn\'t top up your phone, check your card. Please turn it off.'],
    ['Question', 'I got six texts saying the auto top-up couldn\'t go through. Does this mean you are going to try to charge me 6 times? I don\'t want six charges.'],
    ['Wiadomości', 'Dostałem sześć SMS-ów w nocy, że nie udało się doładować telefonu. Proszę przestać.'],
    ['Emails', 'My inbox has 6 identical emails from you "We couldn\'t top up your phone". And the texts. Fix your system.'],
    ['', 'Phone buzzed all night with your failed top up msgs. My card expired, fine, but one text is enough'],
    ['Re: We couldn\'t top up your phone', 'Yes I got it the first time. And the second. And the third.\n\n> We couldn\'t top up your phone. Please check your card details in the app.'],
    ['Too many messages', 'Hello, how many times do you need to tell me the top up failed? I counted 6 SMS since 10pm. I already topped up myself with Top up now.'],
  ],
  charged_no_credit: [
    ['Phone cut off', 'Zero balance and barred but I paid. The payment shows as completed in my banking app.'],
    ['Top up', 'Top up says unsuccessful, bank says successful. Credit still £0.'],
    ['', 'paid for credit this morning and still nothing on my phone, whats going on'],
    ['No credit', 'I paid {a} for my top up, the money has gone from my bank but I have no credit on my phone. I can\'t make calls.'],
    ['Top up failed but money taken', 'Got a text saying your top up failed but {a} is out of my account. Where is my money?'],
    ['', 'money gone, no credit. phone barred. sort it out'],
    ['Balance', 'The app says my auto top-up failed, but my bank shows LARKSPUR {a} taken on the same evening. So which is it?'],
    ['Help', 'I have been charged but my balance is still £0.00 and I cannot use data. Number {m}.'],
    ['Payment taken', 'You told me the top up didn\'t work so I topped up again myself. Now you have my money twice and I only have one top up on my phone.'],
    ['Fwd: Larkspur Mobile', 'See below, says failed. Bank says paid. I need the credit today I\'m working away.\n\n---------- Forwarded message ---------\nFrom: Larkspur Mobile <no-reply@larkspur.co.uk>\nSubject: We couldn\'t top up your phone'],
    ['Saldo', 'Olá, fui cobrado {a} mas não tenho saldo no telemóvel. Podem verificar?'],
    ['', 'My phone got cut off this morning even though {a} left my account yesterday for the auto top up. No credit showing'],
    ['Missing credit', 'Card charged, no airtime. Been like this for hours.'],
    ['Brak środków', 'Pieniądze zostały pobrane z konta, ale nie mam środków na telefonie. Telefon zablokowany.'],
    ['complaint', 'you say payment failed. my bank says it went through. dont tell me it failed when its in your account'],
  ],
  no_confirmation: [
    ['Did it go through', 'Auto top up day was yesterday but I haven\'t had any message from you at all. Did it go through?'],
    ['Receipt', 'Hi, I need a receipt for my auto top-up for my expenses at work. I usually get an email but nothing came this time.'],
    ['No text', 'Didn\'t get the usual text to say my top up went through. Has it worked?'],
    ['', 'no confirmation for the top up this month, is it done??'],
    ['Proof of payment', 'Can you send me proof of payment for the {a} top up on {d}? No email received.'],
    ['Confirmation', 'Normally I get "Your top-up of {a} is done" but not this time. Credit is there but I want to be sure I was not charged wrong.'],
    ['Re: Your Larkspur top-up', 'Where is the email receipt? I can\'t find it in spam either.'],
  ],
  oneoff_double: [
    ['Refund please', 'App crashed while I was paying for a top up so I did it again. Charged for both.'],
    ['Charged twice', 'I tried to top up {a} in the app, it said something went wrong so I pressed Top up now again. Now I\'ve been charged twice. I\'m not on auto top up.'],
    ['', 'topped up on the website, page froze on the bank bit, did it again, 2 payments. refund pls'],
    ['Double top up', 'Hi, my top-up on the app took {a} two times. I only pressed it twice because the first one errored.'],
    ['Top up now', 'The Top up now button charged me twice today. I do not use automatic top ups, I pay when I need to.'],
    ['Bank verification', 'My bank verification screen timed out, I went back and paid again. Both went through.'],
    ['', 'Paid {a} twice for a one-off top up. Credit only once.'],
  ],
  bundle_double: [
    ['Bundle charged twice', 'My bundle auto-renewed and the money came out of my credit twice.'],
    ['Bundle', 'My {b} bundle renewed twice, it took the money from my credit two times and now I have nothing left.'],
    ['Auto renew charged twice', 'The auto renew on my bundle took {a} from my balance twice on {d}. I only have one bundle.'],
    ['', 'bundle took my credit twice, now phone barred. i have auto top up too and that kicked in. not happy'],
    ['Credit gone', 'All my credit has gone, looks like the bundle renewal happened twice.'],
    ['Pakiet', 'Pakiet odnowił się dwa razy i zabrał mi cały kredyt.'],
    ['Bundle renewal', 'Why was the price of my 30 day bundle deducted twice from my airtime?'],
  ],
  noise: [
    ['Auto top-up', 'How do I set up auto top up so I don\'t run out?'],
    ['Change card', 'I got a new bank card, how do I change the card for my auto top-up?'],
    ['Cancel', 'Please cancel my auto top up, I am moving to contract.'],
    ['PAC code', 'Can I have my PAC code please, I am leaving.'],
    ['PUK', 'phone says PUK locked, need the code. number {m}'],
    ['eSIM', 'The eSIM QR code is not working, it says it was already used.'],
    ['No signal', 'No signal at home since yesterday, postcode BS5.'],
    ['Roaming', 'Does my bundle work in Spain? Going next week.'],
    ['App', 'The app won\'t log me in, keeps spinning.'],
    ['', 'how do i check my balance'],
    ['Number transfer', 'I want to keep my number from my old network, how long does it take?'],
    ['Voucher', 'Bought a top up voucher in the shop, it\'s not gone on my phone yet.'],
    ['Lost phone', 'Lost my phone, can you block the SIM?'],
    ['Data', 'My data is very slow in the evenings.'],
    ['Auto top-up amount', 'Can I change my auto top up from £10 to £20?'],
    ['Voicemail', 'How do I turn voicemail off?'],
  ],
};
// Extra sentences, appended now and then so that two customers rarely write the same message.
const X = {
  double_charge: ['I am overdrawn now because of this.', 'I have screenshots of my banking app.', 'On my statement it says LARKSPUR*AUTOTOPUP both times.', 'My balance on the phone is fine, it\'s the bank I\'m worried about.', 'Not impressed.', 'Same happened to my husband\'s line.'],
  text_storm: ['It was 3am!', 'My card is fine by the way, my bank blocked it for a fraud check.', 'I have turned notifications off on the app but the texts still come.', 'Just tell me once.'],
  charged_no_credit: ['I need my phone for work.', 'My son can\'t contact me.', 'I have the bank screenshot.', 'I was told on chat it would be sorted in 24 hours, it\'s not.', 'Either give me the credit or the money back.'],
  no_confirmation: ['My employer needs it by Friday.', 'The app history just says Processing.', 'Credit looks ok.'],
  oneoff_double: ['I\'m on pay as you go, I top up when I need.', 'My bank is Monzo if that helps.', 'Credit only went on once.'],
  bundle_double: ['I didn\'t ask for two bundles.', 'Now my auto top-up has kicked in as well because the credit ran out.', 'Please put my credit back.'],
  noise: ['Thanks.', 'Cheers', 'Many thanks in advance.'],
};
// [cluster, count, bursts: [start (UTC), spanDays, share]]
const PLAN = [
  ['oneoff_double', 14, [['2026-04-22T11:30', 4, 1]]],
  ['double_charge', 36, [['2026-05-01T07:00', 6, 24], ['2026-09-01T07:30', 5, 12]]],
  ['text_storm', 24, [['2026-05-19T00:20', 4, 1]]],
  ['charged_no_credit', 26, [['2026-06-15T07:20', 3, 11], ['2026-07-21T18:10', 5, 15]]],
  ['no_confirmation', 12, [['2026-08-17T10:00', 4, 1]]],
  ['bundle_double', 14, [['2026-09-16T06:30', 4, 1]]],
  ['noise', 34, [['2026-04-01T08:00', 235, 1]]],
];
const CHANNELS = [['Email', 'support@larkspur.co.uk', 0.38], ['Contact form', 'Web contact form', 0.17], ['SMS', 'Texts (81400)', 0.12], ['WhatsApp', 'WhatsApp Business', 0.1], ['X DM', '@LarkspurHelp', 0.08], ['Call note', 'Aircall - Care line', 0.15]];
const TAGS = ['billing', 'topup', 'complaint', 'refund-req', 'escalated', 'payments', 'vulnerable', 'social'];

function channel() { let r = rnd(), acc = 0; for (const c of CHANNELS) { acc += c[2]; if (r < acc) return c; } return CHANNELS[0]; }
function typo(s) { // swap two adjacent letters in one longer word
  const words = s.split(' '); const idx = words.map((w, i) => [w, i]).filter(([w]) => /^[a-z]{5,}$/i.test(w));
  if (!idx.length) return s; const [w, i] = pick(idx); const k = int(1, w.length - 3);
  words[i] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2); return words.join(' ');
}
function shorthand(cluster, a) {
  const n = {
    double_charge: [`Cust called re: auto TU taken 2x on card, ${a} each. Checked - 2 CHARGED attempts same period. Adv'd refund 3-5 working days.`, `Cx says ATU came out twice. Confirmed dup. Refund raised.`, `caller upset, monthly topup charged 2x. passed to payments q.`],
    text_storm: [`Cust rang re: multiple "couldn't top up" txts overnight (6). Card expired. Updated card, apologised for msgs.`, `cx compl re spam SMS failed TU. asked if she will be charged 6x - adv'd no.`],
    charged_no_credit: [`Cx says ${a} debited, no credit on line, line barred. Checked - pmt captured, credit pending. Escalated.`, `cust told TU failed by txt but bank shows pmt. adv'd will be credited / refunded.`, `caller no credit after pmt, barred. raised w/ payments.`],
    no_confirmation: [`Cust req receipt for ATU, no email rcvd. Sent copy from history.`, `cx didnt get confirm txt, credit is on acct. reassured.`],
    oneoff_double: [`Cx charged 2x on app top up now (not ATU). 3DS screen timed out. Refund req.`, `cust paid twice on web TU, first errored. passed to checkout team.`],
    bundle_double: [`Cx bundle renewed 2x from balance, line barred. Passed to bundles.`, `caller says auto renew took bundle twice. credit adj raised.`],
    noise: [`Cust wanted PAC. Given.`, `cx asked how to set up ATU, walked through app.`, `caller no signal, logged w/ network.`, `cust wants to change ATU card - done via app w/ cx.`],
  }[cluster];
  return pick(n);
}
function fmt(d) { const p = (x) => String(x).padStart(2, '0'); return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`; }
function q(s) { s = String(s); return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }

const rows = [];
const sizes = {};
for (const [cluster, count, bursts] of PLAN) {
  sizes[cluster] = count;
  const totalShare = bursts.reduce((s, b) => s + b[2], 0);
  let made = 0;
  bursts.forEach(([start, span, share], bi) => {
    const n = bi === bursts.length - 1 ? count - made : Math.round(count * share / totalShare);
    made += n;
    for (let i = 0; i < n; i++) {
      // most of a burst lands in the first day or two after the incident, a tail follows
      const minutes = span > 20 ? int(0, span * 1440) : Math.floor(Math.min(span, -Math.log(1 - rnd() * 0.95) * span / 2.5) * 1440);
      const t = new Date(Date.parse(start + ':00Z') + minutes * 60000);
      rows.push({ cluster, t });
    }
  });
}
rows.sort((x, y) => x.t - y.t);
let seq = 0x1a40f2;
const out = [['Conversation ID', 'Subject', 'Status', 'Inbox', 'Assignee', 'Tags', 'Contact name', 'Contact handle', 'Channel', 'Created at', 'Last message at', 'Message count', 'First message']];
const truth = [];
for (const r of rows) {
  seq += int(3, 400);
  const id = 'cnv_' + seq.toString(36);
  const [chName, inbox] = channel();
  const name = pick(first) + ' ' + pick(last);
  const a = amt();
  const d = `${r.t.getUTCDate()}/${r.t.getUTCMonth() + 1}`;
  let [subj, body] = pick(C[r.cluster]);
  body = body.replaceAll('{a}', a).replaceAll('{d}', d).replaceAll('{m}', msisdn()).replaceAll('{b}', pick(['£10 30-day', 'Big Data', '£15 Unlimited Mins']));
  if (chance(0.45)) body += ' ' + pick(X[r.cluster]);
  if (chName === 'Call note') { body = shorthand(r.cluster, a); subj = 'Call with ' + name.split(' ')[0]; }
  else {
    if (chance(0.15)) body = typo(body);
    if (chance(0.1)) body = body.toLowerCase();
    if (chName === 'Email') {
      body = pick(['Hi,\n\n', 'Hello\n\n', 'Dear Larkspur,\n\n', '', 'Hiya\n']) + body + pick(['\n\nThanks\n' + name.split(' ')[0], '\n\nRegards,\n' + name, '\n\nSent from my iPhone', '\n\n' + name.split(' ')[0]]);
      if (chance(0.2)) body += `\n\nOn ${fmt(new Date(r.t - 86400000 * int(1, 20)))}, Larkspur Mobile <help@larkspur.co.uk> wrote:\n> Thanks for getting in touch. Your reference is LM-${int(100000, 999999)}.\n> We aim to reply within 2 working days.`;
    } else if (chName === 'Contact form') {
      body = `Name: ${name}\nMobile number: ${msisdn()}\nTopic: ${pick(['Billing and payments', 'Top-ups', 'Something else', 'My account'])}\nMessage:\n${body}`;
      subj = 'Contact form';
    } else { if (chName !== 'X DM' || chance(0.5)) subj = ''; }
    if (!subj || chance(0.2)) subj = subj || pick(G);
  }
  const tags = [...new Set(Array.from({ length: int(0, 2) }, () => pick(TAGS)))].join(', ');
  const handle = chName === 'Email' ? name.toLowerCase().replace(' ', '.') + int(1, 99) + '@' + pick(['gmail.com', 'hotmail.co.uk', 'outlook.com', 'yahoo.co.uk', 'icloud.com'])
    : chName === 'X DM' ? '@' + name.split(' ')[0].toLowerCase() + int(10, 9999) : chName === 'Contact form' ? '' : '+44' + msisdn().slice(1);
  const lastMsg = new Date(r.t.getTime() + int(20, 60 * 72) * 60000);
  out.push([id, subj, pick(['Archived', 'Archived', 'Archived', 'Open', 'Snoozed']), inbox, pick(agents), tags, name, handle, chName, fmt(r.t), fmt(lastMsg), int(1, 9), body]);
  truth.push(id + '\t' + r.cluster);
}
if (process.argv.includes('--truth')) {
  process.stdout.write(truth.join('\n') + '\n');
  for (const [k, v] of Object.entries(sizes)) process.stderr.write(`${k}\t${v}\n`);
} else {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'front-conversations-export.csv');
  writeFileSync(file, '\ufeff' + out.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n');
  process.stderr.write(`wrote ${rows.length} conversations to ${file}\n`);
}
