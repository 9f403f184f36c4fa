#!/usr/bin/env node
// Builds jsm-member-help-export.csv: a Jira Service Management "Export Excel CSV (all fields)"
// of the Member Help desk (project MH), filtered to Payments queue tickets, Jan-Nov 2026.
// Deterministic: mulberry32 seeded from an FNV-1a hash of SEED; no dependencies.
//   node generate-tickets.mjs            -> writes jsm-member-help-export.csv next to this file
//   node generate-tickets.mjs --truth    -> prints "<Issue key>\t<cluster>" for every ticket (sizes on stderr)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const SEED = 'harbour-fenn/member-help/2026-11-27';
function fnv1a(s) { let h = 0x811c9dc5; for (const c of s) { h ^= c.codePointAt(0); h = Math.imul(h, 0x01000193) >>> 0; } return h; }
function mulberry32(a) { return () => { a |= 0; a = (a + 0x6D2B79F5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const rnd = mulberry32(fnv1a(SEED));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

// ---------- people and slots ----------
const FIRST = ['Sian', 'Gareth', 'Aleksandra', 'Tom', 'Priya', 'Kwame', 'Rhian', 'Dawn', 'Callum', 'Marta', 'Imran', 'Bethan', 'Steve', 'Ioana', 'Joanne', 'Dylan', 'Agnieszka', 'Paul', 'Nia', 'Farah', 'Lee', 'Cerys', 'Mohammed', 'Karen', 'Ffion', 'Tiago', 'Ruth', 'Owain', 'Shona', 'Jakub'];
const LAST = ['Jones', 'Evans', 'Nowak', 'Hughes', 'Patel', 'Mensah', 'Price', 'Morgan', 'Reid', 'Kowalska', 'Hussain', 'Lloyd', 'Baker', 'Popescu', 'Williams', 'Thomas', 'Wisniewska', 'Davies', 'Rees', 'Begum', 'Carter', 'Powell', 'Ali', 'Griffiths', 'Pugh', 'Ferreira', 'Lewis', 'Roberts', 'Campbell', 'Zielinski'];
const AGENTS = ['Kerry Daniels', 'Mark Bowen', 'Hannah Pryce', 'Anil Chauhan', 'Lowri Jenkins', 'Scott Mair'];
const PAYEES = ['my landlord', 'Greenway Lettings', 'Harlow & Co Lettings', 'my daughter', 'my son at uni', 'my Nationwide savings', 'Bridgend Rugby Club', 'my mum', 'Castle Property Mgmt', 'the letting agent', 'my Monzo pot', 'my childminder', 'Mr Okafor (landlord)', 'my ISA at Coventry'];
const AMTS = ['450.00', '725.00', '50', '1,100.00', '95.00', '600', '380.00', '25.00', '875.50', '200', '650.00', '1,250.00'];
const DEAR = ['Hi', 'Hello', 'Dear Sir/Madam', 'Hiya', 'Good morning', 'To whom it may concern,', 'Hi there', ''];
const SIGN = ['Thanks', 'Regards', 'Kind regards', 'Cheers', 'thx', 'Many thanks', 'Diolch', ''];

function typo(s) { // one transposed pair inside a longer word
  const words = s.split(' ');
  const idx = words.map((w, i) => [w, i]).filter(([w]) => /^[a-z]{6,}$/.test(w));
  if (!idx.length) return s;
  const [w, i] = pick(idx); const k = int(1, w.length - 3);
  words[i] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
  return words.join(' ');
}
const fill = (t, v) => t.replace(/\{(\w+)\}/g, (_, k) => v[k] ?? '');

// ---------- clusters ----------
// each: bursts [isoStartDate, spreadDays, count], subjects, customer texts (cust), agent phone notes (phone), foreign (lang)
const C = {
  paid_twice: {
    bursts: [['2026-02-02', 5, 24], ['2026-09-01', 4, 12]],
    subjects: ['Standing order paid twice', 'rent gone out twice!!', 'Double payment', 'SO taken 2x', 'Money taken twice for one standing order', 'Duplicate standing order payment', 'why have I paid {payee} twice', 'Two payments to {payee}'],
    cust: [
      'My standing order to {payee} for £{amt} has gone out twice this morning. There are two identical payments on my account. I only have one standing order set up. Please can you put the second one back.',
      'rent has come out twice today, two lots of £{amt} to {payee}. that has left me overdrawn and I have bills coming out tomorrow',
      'I have checked the app and the regular payment to {payee} is showing two times with the same reference. Is this your error? I have not set up a second one.',
      'Just had a text from my landlord saying thanks but I have paid the rent twice?? I definitely only have one SO with you. £{amt} x 2',
      'You have paid my standing order twice. I need the money back today please, I cannot afford to wait for {payee} to send it back.',
      'Two debits for my monthly transfer to {payee}. Same amount, same day, a few hours apart. What has happened?',
      'Hello, is there a problem with standing orders today? Mine to {payee} is on my statement twice and my friend at work says hers too',
      'Please refund the duplicate of my standing order. It was taken at 6am and again later on. Account ending {acct}.',
      'my so to {payee} went twice, can you sort it',
      'I noticed my account is £{amt} lower than it should be. Looking at it the payment to {payee} was made two times. Only one should have gone.',
    ],
    phone: [
      'Mbr called re SO to {payee} £{amt} - gone out 2x today. Chkd acct, 2 debits same ref. Adv\'d known issue, refund w/in 24h. Mbr unhappy, wants overdraft fees back. Logged for payments team.',
      'Cust rang, rent SO debited twice. Confirmed dup on acct ...{acct}. Adv\'d we are recalling 2nd pmt from payee bank, member credited from suspense. Vulnerable flag - mbr anxious re rent.',
      'Call: SO paid double. Mbr says landlord got it twice. Told her we\'ll refund her, landlord does not need to send back. Callback reqd if not credited by 5pm.',
      'Mbr in branch (Llandaff) re duplicate SO pmt to {payee}. Branch raised on behalf. Same amt x2 on 01/09.',
    ],
    lang: [
      'Dzień dobry, moje zlecenie stałe na czynsz zostało pobrane dwa razy, 2 x £{amt}. Proszę o zwrot. Pozdrawiam',
      'Bore da, mae fy archeb sefydlog i {payee} wedi mynd allan ddwywaith heddiw. Allwch chi roi\'r arian yn ôl os gwelwch yn dda?',
      'Bună ziua, plata recurentă pentru chirie a fost luată de două ori. Vă rog să returnați banii.',
    ],
  },
  notify_repeat: {
    bursts: [['2026-03-02', 4, 22]],
    subjects: ['Stop texting me', 'Same message 3 times', 'payment couldnt be made x3??', 'Notifications', 'Standing order failed message again and again', 'Why do I keep getting this', 'Spam from your app'],
    cust: [
      'I have had 3 texts today saying my standing order to {payee} couldn\'t be made. I know, I was short until payday. Why send it three times?',
      'Keep getting push notifications saying the payment couldn\'t be made. Got one at 6, one at 10 and one at 2. Same payment.',
      'I topped up my account at lunch and then got ANOTHER message saying the standing order couldn\'t be made, and then it went out anyway. Which is it?',
      'does this mean you are going to try to take the rent 3 times? I only want it paid once',
      'Your app has sent me the same "We couldn\'t make your standing order payment" message over and over today. Very stressful when money is tight.',
      'Got 2 sms and 2 push about my regular payment failing. Please just tell me once.',
      'I have a text saying the payment to {payee} could not be made, then a second identical one. Has it been tried twice? Will I be charged twice for failed payments?',
    ],
    phone: [
      'Mbr called re repeated "SO couldn\'t be made" texts - 3 today for same pmt. Insuff funds at 6am, paid in at 12. Adv\'d final attempt 2pm. Mbr asked us to stop msgs. Fed back.',
      'Cust rang upset, multiple failed pmt notifications for rent SO. Adv\'d known issue with repeated messages, only one pmt will be made. Complaint logged.',
    ],
    lang: [
      'Dostaję ciągle tego samego SMS-a, że zlecenie stałe nie mogło zostać zrealizowane. Trzy razy dzisiaj! Proszę przestać.',
      'Dw i wedi cael yr un neges dair gwaith heddiw yn dweud nad oedd y taliad yn bosibl.',
    ],
  },
  failed_but_paid: {
    bursts: [['2026-06-15', 5, 17]],
    subjects: ['Told payment failed but it went', 'Standing order failed?? but landlord has it', 'Overdrawn', 'Payment failed message wrong', 'Kinnear Bank payment', 'Query', 'money gone after failed message'],
    cust: [
      'On Monday the app told me my standing order to {payee} could not be made. So I paid them myself from the app. Now the standing order has gone out as well so you have my money twice, well {payee} does.',
      'I got a message saying my regular payment failed so I spent the money. Now it has come out anyway and I am overdrawn. This is not fair.',
      'Your notification said the payment couldn\'t be made but my landlord (banks with Kinnear) says he got it. Has it been paid or not? My balance says it has now.',
      'the standing order failed according to you but its on my statement as paid this afternoon. confused',
      'Failed payment message on 15th, then £{amt} taken 3 hours later. I then also sent it manually. Please refund one.',
      'Why would you tell me it failed and then take it? I have been charged an overdraft fee because of this.',
      'I was told my transfer to {payee} didn\'t go through and that I should make the payment another way. I did. Now both have gone.',
    ],
    phone: [
      'Mbr called - rcvd so_failed push for SO to {payee} (Lothian Mutual) but pmt settled later same day. Mbr then paid manually = payee has 2x. Adv\'d mbr to ask payee for return, goodwill £25. Overdraft fee reversed.',
      'Cust: told SO failed, money taken anyway, now o/d. Reversed fee, explained delay at receiving bank. Not happy.',
      'Call re "failed" SO that actually paid. Mbr wants to know which to trust, app or statement. Adv\'d statement.',
    ],
    lang: [
      'Aplikacja napisała, że przelew stały się nie udał, a pieniądze i tak zeszły z konta. Teraz mam debet.',
      'Olá, recebi uma mensagem a dizer que a ordem permanente falhou mas o dinheiro saiu da conta na mesma.',
    ],
  },
  paid_late: {
    bursts: [['2026-04-07', 6, 20]],
    subjects: ['Rent paid late', 'Standing order didnt go out on time', 'Late payment fee from credit card', 'Why was my payment a day late?', 'Easter payments', 'Complaint - late fee', 'Landlord letter'],
    cust: [
      'My standing order for rent is due on the 6th and with Easter it should have gone on Tuesday. It didn\'t go until Wednesday and my letting agent has charged me a £{late} late fee. I expect you to cover this.',
      'My credit card payment, which I pay by standing order from your account, arrived a day late and Barclaycard have charged me £12 and it will show on my credit file.',
      'Nothing went out on Tuesday. My regular payments all went on Wednesday. What happened?',
      'landlord has sent me a letter saying rent was late. It has always gone on time for 3 years. It went out 8th April.',
      'Payment to {payee} was not made on the due date. I had the money in the account. Please explain and refund the late fee of £{late}.',
      'Is there a problem with standing orders? Mine hasn\'t been paid today and it is the 7th.',
      'The £{amt} to {payee} should have gone on the 3rd (or the next working day). It arrived on the 8th. Not acceptable.',
    ],
    phone: [
      'Mbr called re SO to {payee} paid 08/04 not 07/04. Landlord late fee £{late}. Adv\'d to send letter/receipt, will refund via complaints. Ref logged.',
      'Cust rang - all SOs went a day late after Easter. Credit card late fee. Adv\'d goodwill process, pls email evidence.',
      'Call: rent SO late, mbr says agent threatened notice. Escalated to complaints, vulnerable.',
    ],
    lang: [
      'Moje zlecenie stałe poszło dzień później i właściciel naliczył opłatę za spóźnienie.',
      'Aeth fy nhaliad rhent allan ddiwrnod yn hwyr ac mae\'r landlord wedi codi ffi.',
    ],
  },
  no_confirmation: {
    bursts: [['2026-07-27', 4, 11]],
    subjects: ['No confirmation', 'Didn\'t get my payment notification', 'Has my standing order been paid?', 'Proof of payment', 'notification missing'],
    cust: [
      'I usually get a notification when my standing order to {payee} is paid. Nothing this month. Has it been paid?',
      'I need proof my rent was paid for my letting agent. I didn\'t get the usual "your standing order has been paid" message.',
      'no push this time for the monthly payment. is it still happening?',
      'I have confirmations switched on in the app but haven\'t had one for the payment on 27th. Can you confirm it went?',
      'Didn\'t receive the payment confirmation for my regular payment. I rely on these.',
    ],
    phone: [
      'Mbr called - no SO confirmation push for 27/07 pmt to {payee}. Chkd, pmt settled. Adv\'d notif issue, will be resent.',
      'Cust wants written confirmation SO paid - no push rcvd. Sent screenshot of txn via secure msg.',
    ],
    lang: ['Nie dostałem potwierdzenia, że zlecenie stałe zostało wykonane. Czy pieniądze poszły?'],
  },
  app_double: { // out of scope: one-off Pay & Transfer, #322
    bursts: [['2026-02-09', 4, 14]],
    subjects: ['Paid twice in app', 'Payment went twice', 'app said error but money gone x2', 'Pay & Transfer problem', 'Sent money twice'],
    cust: [
      'I tried to send £{amt} to my sister, the app said something went wrong try again, so I did and now it has gone twice.',
      'This is not a standing order, it\'s a one-off payment I made at lunchtime. App errored, I pressed send again, two payments gone.',
      'Paid my builder from the app, got an error, paid again, now he has it twice and isn\'t answering. Help.',
      'app crashed when paying {payee}, pressed send again and you took it twice',
      'I\'m not on standing orders for this, I paid online yesterday and it went twice after the error message.',
    ],
    phone: [
      'Mbr called re one-off pmt via app sent 2x after error msg. Not SO. Adv\'d recall request raised, 5-10 working days.',
      'Cust paid twice via Pay & Transfer during app issue 09/02. Raised recall.',
    ],
    lang: ['Zrobiłem przelew w aplikacji, wyskoczył błąd, kliknąłem jeszcze raz i poszło dwa razy.'],
  },
  dd_twice: { // out of scope: Direct Debits, #341
    bursts: [['2026-03-19', 4, 12]],
    subjects: ['Direct debit taken twice', 'council tax twice', 'Double DD', 'Two payments to British Gas', 'Overdrawn - duplicate payment'],
    cust: [
      'My council tax direct debit has come out twice today. Please refund.',
      'Two direct debits to British Gas for the same amount on the same day. Is this you or them?',
      'I think my standing order or direct debit, not sure which, to EE has been taken twice. Same amount twice today.',
      'DD for my phone contract came out twice and put me overdrawn.',
      'Both my direct debits were taken twice on 19th March. Please sort.',
    ],
    phone: [
      'Mbr called re DD x2 (Octopus Energy) 19/03. Known issue - dup Bacs posting, reversal today. Adv\'d.',
      'Cust rang, council tax DD twice. Adv\'d being reversed, overdraft fees will be refunded.',
    ],
    lang: ['Polecenie zapłaty za prąd zostało pobrane dwa razy.'],
  },
  noise: {
    bursts: [['2026-01-05', 320, 30]],
    subjects: ['Question', 'Help', 'Enquiry'],
    // noise texts carry their own subject: "subject||text"
    cust: [
      'Set up standing order||How do I set up a standing order to my son\'s account in the app? I can\'t find the option.',
      'Change my standing order||I want to change the amount of my standing order to {payee} from £{amt}. The app says it couldn\'t check the account, try again later.',
      'Cancel standing order||Please cancel my standing order to {payee}, I have moved out.',
      'Interest rate||What is the current rate on the 1 year fixed saver?',
      'Card not arrived||My new debit card hasn\'t arrived after 10 days.',
      'Change of address||I have moved house, how do I update my address?',
      'ISA transfer||Can I transfer my ISA from another provider to you?',
      'Statement||I got two emails saying my statement is ready, is that right?',
      'Statements for mortgage||Can I get a paper statement for the last 6 months for my mortgage application?',
      'Mortgage payment||My mortgage payment seems to have gone out twice this month, I pay it from my current account with you.',
      'Standing order timing||How long does a standing order take to reach the other bank?',
      'Penarth branch||Is the branch in Penarth still open on Saturdays?',
    ],
    phone: [
      'Branch appt||Mbr called to set up SO in branch, adv\'d app or branch appt. Booked.',
      'ISA rates||Cust asked re ISA rates. Adv\'d website.',
      'Lost card||Call re lost card. Cancelled, new card ordered.',
    ],
    lang: ['Zlecenie stałe||Chciałbym ustawić nowe zlecenie stałe, jak to zrobić?', 'Cyfrif cynilo||Ydych chi\'n cynnig cyfrif cynilo i blant?'],
  },
};
const GENERIC = ['Help', 'Question', 'Query', 'Urgent', '(no subject)', 'Re: Your Harbour & Fenn account', 'Complaint', 'Account query', 'Fwd: payment', 'Member Help enquiry'];
const REQTYPES = { email: 'Emailed request', portal: ['Ask a question', 'Report a problem with a payment', 'Make a complaint'], phone: 'Logged by colleague (phone)', chat: 'Chat handover' };
const LABELSETS = ['payments', 'SO', 'complaint', 'refund', 'vulnerable', 'app', 'goodwill', 'FOS-risk', 'callback', 'DD', 'general'];

// ---------- build ----------
const tickets = [];
for (const [cluster, def] of Object.entries(C)) {
  for (const [start, spread, n] of def.bursts) {
    for (let i = 0; i < n; i++) {
      // bursts are front-loaded: most tickets in the first two days
      const dayOff = Math.floor(Math.pow(rnd(), cluster === 'noise' ? 1 : 2.2) * spread);
      const t = new Date(start + 'T00:00:00Z');
      t.setUTCDate(t.getUTCDate() + dayOff);
      t.setUTCHours(int(7, 21), int(0, 59));
      tickets.push({ cluster, t, def });
    }
  }
}
tickets.sort((a, b) => a.t - b.t || (a.cluster < b.cluster ? -1 : 1));

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function jdate(d) { // 02/Feb/26 9:41 AM
  let h = d.getUTCHours(); const ap = h >= 12 ? 'PM' : 'AM'; h = h % 12 || 12;
  return `${String(d.getUTCDate()).padStart(2, '0')}/${MON[d.getUTCMonth()]}/${String(d.getUTCFullYear()).slice(2)} ${h}:${String(d.getUTCMinutes()).padStart(2, '0')} ${ap}`;
}
const addMin = (d, m) => new Date(d.getTime() + m * 60000);
const acctId = () => '557058:' + Array.from({ length: 8 }, () => int(0, 15).toString(16)).join('') + '-' + Array.from({ length: 4 }, () => int(0, 15).toString(16)).join('');

let key = 4106, id = 21877;
const rows = [];
for (const tk of tickets) {
  key += int(1, 4); id += int(1, 9);
  const { def, cluster } = tk;
  const v = { payee: pick(PAYEES), amt: pick(AMTS), acct: String(int(1000, 9999)), late: pick(['30', '50', '25', '60']) };
  const first = pick(FIRST), last = pick(LAST);
  const r = rnd();
  const channel = r < 0.24 ? 'phone' : r < 0.62 ? 'email' : r < 0.88 ? 'portal' : 'chat';
  let text;
  if (channel === 'phone') text = fill(pick(def.phone), v);
  else {
    text = chance(0.1) ? pick(def.lang) : fill(pick(def.cust), v);
    text = fill(text, v);
    if (chance(0.15)) text = typo(text);
    if (chance(0.1)) text = text.toLowerCase();
  }
  let own = null;
  if (text.includes('||')) { [own, text] = text.split('||'); }
  let subject = chance(0.25) ? pick(GENERIC) : own ?? fill(pick(def.subjects), v);
  if (channel === 'phone') subject = chance(0.5) ? `Phone: ${subject}` : `Call - ${first} ${last}`;
  if (channel === 'chat') subject = 'Chat with ' + first;
  let desc;
  const agent = pick(AGENTS);
  if (channel === 'email') {
    const hi = pick(DEAR), bye = pick(SIGN);
    desc = `${hi ? hi + '\n\n' : ''}${text}\n\n${bye ? bye + '\n' : ''}${first} ${chance(0.5) ? last : ''}`.trimEnd();
    if (chance(0.35)) desc += `\n\nSent from my iPhone`;
    if (chance(0.4)) {
      const prev = addMin(tk.t, -int(30, 2000));
      desc += `\n\nOn ${prev.getUTCDate()} ${MON[prev.getUTCMonth()]} 2026, at ${String(prev.getUTCHours()).padStart(2, '0')}:${String(prev.getUTCMinutes()).padStart(2, '0')}, Harbour & Fenn Member Help <memberhelp@harbourfenn.co.uk> wrote:\n> Thank you for getting in touch. We've received your message and one of the team will reply within 2 working days.\n> Please don't reply to this email with card numbers or passwords.\n> Your reference is MH-${key - int(1, 60)}.`;
    }
  } else if (channel === 'portal') {
    desc = `*Membership number:* ${int(10000000, 99999999)}\n*Account ending:* ${v.acct}\n*Best contact number:* 07${int(100, 999)} ${int(100000, 999999)}\n*Tell us what happened:*\n${text}`;
  } else if (channel === 'phone') {
    desc = `{panel:title=Call note}\n${text}\n{panel}\nID&V passed: ${pick(['Y', 'Y', 'Y', 'partial'])}`;
  } else {
    desc = `{noformat}\n[${jdate(tk.t)}] Harbour (virtual assistant): Hi, I'm Harbour. What can I help you with today?\n[${jdate(tk.t)}] ${first}: ${text}\n[${jdate(tk.t)}] Harbour (virtual assistant): I can help with payments. Is this about: Standing orders | Direct Debits | Card payments | Something else?\n[${jdate(addMin(tk.t, 1))}] ${first}: ${pick(['talk to a person', 'agent', 'none of those', 'human please', 'Standing orders'])}\n[${jdate(addMin(tk.t, 1))}] Harbour (virtual assistant): I'm passing you to a colleague. Average wait is ${int(2, 14)} minutes.\n[${jdate(addMin(tk.t, int(3, 15)))}] ${agent.split(' ')[0]}: Hi ${first}, thanks for waiting, I'm looking into this for you now.\n{noformat}`;
  }
  if (chance(0.08)) desc = `{quote}${pick(['Please see below', 'Forwarding from branch', 'Member emailed branch directly'])}{quote}\n` + desc;
  const reqType = channel === 'portal' ? pick(REQTYPES.portal) : REQTYPES[channel];
  const created = tk.t, updated = addMin(created, int(60, 6000));
  const status = chance(0.85) ? 'Resolved' : pick(['Waiting for customer', 'In progress', 'Closed']);
  const resolution = status === 'Resolved' || status === 'Closed' ? pick(['Done', 'Done', 'Done', 'Duplicate', "Won't Do"]) : '';
  const l1 = pick(LABELSETS), l2 = chance(0.4) ? pick(LABELSETS) : '';
  const c1 = `${jdate(addMin(created, int(20, 900)))};${acctId()};${pick([
    `Hi ${first}, thanks for getting in touch. I've had a look at your account and passed this to our payments team.`,
    `Hi ${first}, sorry about this. We're aware of an issue and are putting things right. We'll be in touch.`,
    `Thanks ${first}. Could you confirm the last 4 digits of the account and the date of the payment please?`,
    `Hello ${first}, I've checked and can see what has happened. I've raised this with the right team.`,
  ])}`;
  const c2 = chance(0.5) ? `${jdate(updated)};${acctId()};${pick(['Resolved - see internal note.', `Thanks ${first}, this has now been sorted. Let us know if there's anything else.`, 'Closing as no response from member.', 'Refund / adjustment confirmed by payments ops.'])}` : '';
  const sat = status === 'Resolved' && chance(0.3) ? String(int(1, 5)) : '';
  rows.push({ cluster, cells: [subject, `MH-${key}`, String(id), channel === 'portal' && reqType === 'Make a complaint' ? 'Complaint' : '[System] Service request', status, 'MH', 'Member Help', 'service_desk', pick(['Medium', 'Medium', 'High', 'Low']), resolution, agent, channel === 'phone' ? agent : `${first} ${last}`, jdate(created), jdate(updated), resolution ? jdate(updated) : '', 'Payments', l1, l2, desc, reqType, sat, c1, c2] });
}
const HEADER = ['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Project key', 'Project name', 'Project type', 'Priority', 'Resolution', 'Assignee', 'Reporter', 'Created', 'Updated', 'Resolved', 'Component/s', 'Labels', 'Labels', 'Description', 'Custom field (Customer Request Type)', 'Custom field (Satisfaction rating)', 'Comment', 'Comment'];
const q = (s) => (/[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);
// newest first, as the Jira issue navigator sorted it
const out = [HEADER.map(q).join(',')].concat(rows.slice().reverse().map((r) => r.cells.map(q).join(','))).join('\r\n') + '\r\n';

if (process.argv.includes('--truth')) {
  const counts = {};
  for (const r of rows) { console.log(`${r.cells[1]}\t${r.cluster}`); counts[r.cluster] = (counts[r.cluster] || 0) + 1; }
  console.error(JSON.stringify(counts), 'total', rows.length);
} else {
  const here = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(here, 'jsm-member-help-export.csv'), '\ufeff' + out);
  console.log(`wrote ${rows.length} issues`);
}
