#!/usr/bin/env node
// Kiteline Support: writes the Kayako Classic ticket dump (departments 3 Parents - Payments, 4 Parents -
// General, 7 Schools & bursars; created 1 Mar - 4 Dec 2026) and, separately, the truth (ticket id -> cluster).
// Deterministic: SplitMix32 seeded with FNV-1a of a fixed string, no dependencies; re-running rewrites the
// same bytes.   node generate-tickets.mjs   (writes next to this file; sizes on stderr)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SEED = 'kiteline-support-kayako-2026';
const EXPORT = 'kayako-tickets-parents-2026-12-04.xml';

function fnv1a(s) { let h = 0x811c9dc5; for (const c of Buffer.from(s, 'utf8')) { h ^= c; h = Math.imul(h, 0x01000193) >>> 0; } return h; }
function splitmix32(a) {
  return () => { a = (a + 0x9e3779b9) | 0; let t = a ^ (a >>> 16); t = Math.imul(t, 0x21f0aaad); t ^= t >>> 15; t = Math.imul(t, 0x735a2d97); t ^= t >>> 15; return (t >>> 0) / 4294967296; };
}
const rand = splitmix32(fnv1a(SEED));
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;
const weighted = (pairs) => { const tot = pairs.reduce((s, [, w]) => s + w, 0); let x = rand() * tot; for (const [v, w] of pairs) { if ((x -= w) < 0) return v; } return pairs[pairs.length - 1][0]; };
const fill = (tpl, v) => tpl.replace(/\{(\w+)\}/g, (m, k) => (k in v ? String(v[k]) : m));

// ---------------------------------------------------------------- people, schools, money
const FIRST = ['Sarah', 'Jessica', 'Emma', 'Michelle', 'Rebecca', 'Kate', 'Lauren', 'Nicole', 'Amanda', 'Bec', 'Mel', 'Priya',
  'Anjali', 'Fatima', 'Leila', 'Maria', 'Giulia', 'Sofia', 'Eleni', 'Despina', 'Mai', 'Thuy', 'Linh', 'Hannah', 'Chloe', 'Aisha',
  'Daniel', 'Matt', 'James', 'Ben', 'Luke', 'Tom', 'Josh', 'Andrew', 'Ravi', 'Arjun', 'Ahmed', 'Omar', 'Marco', 'Luca', 'Nick',
  'George', 'Minh', 'Quang', 'Wei', 'Jun', 'Hiro', 'Sam', 'Chris', 'Kiri', 'Tane'];
const LAST = ['Mitchell', 'Nguyen', 'Smith', 'Wilson', 'Taylor', 'Brown', 'Kelly', 'Murphy', "O'Brien", 'Ryan', 'Walsh', 'Papadopoulos',
  'Georgiou', 'Rossi', 'Esposito', 'Romano', 'Patel', 'Sharma', 'Singh', 'Khan', 'Haddad', 'Khoury', 'Tran', 'Le', 'Pham', 'Chen',
  'Wang', 'Li', 'Zhang', 'Liu', 'Kim', 'Park', 'Anderson', 'Thompson', 'White', 'Martin', 'Campbell', 'Stewart', 'Te Huia', 'Costa'];
const ZH_NAMES = [['Wang', 'Fang'], ['Li', 'Na'], ['Zhang', 'Wei'], ['Liu', 'Yang'], ['Chen', 'Jing'], ['Zhao', 'Lei'], ['Huang', 'Min'], ['Zhou', 'Xin'], ['Wu', 'Hui']];
const VI_NAMES = [['Nguyen', 'Thi Lan'], ['Tran', 'Van Minh'], ['Le', 'Thi Hoa'], ['Pham', 'Quoc Bao'], ['Vo', 'Thi Thu']];
const EL_NAMES = [['Papadopoulos', 'Eleni'], ['Georgiou', 'Nikos']];
const KIDS = ['Olivia', 'Charlotte', 'Isla', 'Amelia', 'Mia', 'Ava', 'Grace', 'Zoe', 'Ruby', 'Harper', 'Jack', 'Oliver', 'Noah',
  'Leo', 'William', 'Henry', 'Thomas', 'Lucas', 'Ethan', 'Hugo', 'Aarav', 'Yusuf', 'Kai', 'Minh Anh', 'Zara'];
const SCHOOLS = [
  ["St Aidan's College", 'STAIDANS COLL'], ['Brightwater Grammar', 'BRIGHTWATER GRAM'], ['Yarrabend Christian School', 'YARRABEND CHRIS'],
  ["Mount Corella Girls' Grammar", 'MT CORELLA GGS'], ['Ferncliff Montessori', 'FERNCLIFF MONT'], ['Lakeside Lutheran College', 'LAKESIDE LUTH'],
  ['Carrington Park Grammar', 'CARRINGTON PK'], ["St Columba's Primary", 'STCOLUMBAS PS'], ['Ashgrove Steiner School', 'ASHGROVE STNR'],
  ['Holy Trinity College', 'HOLYTRINITY CO'], ['Kurrajong Anglican School', 'KURRAJONG ANG'], ['Marlowe Hill College', 'MARLOWE HILL']];
const BANKS = ['CommBank', 'NAB', 'Westpac', 'ANZ', 'ING', 'Bendigo Bank', 'Macquarie', 'Up', 'Bank Australia', 'Coastline Bank'];
const DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'bigpond.com', 'optusnet.com.au', 'yahoo.com.au', 'live.com.au'];
const AGENTS = [[12, 'Bianca Russo'], [14, 'Daniel Okafor'], [17, 'Jess Fairweather'], [19, 'Connor Hughes'], [21, 'Ngoc Anh Pham'], [23, 'Wei Zhang'], [25, 'Eleni Papadakis']];
const AMOUNTS = ['842.50', '1,275.00', '396.00', '618.40', '1,045.00', '455.75', '2,310.00', '730.00', '512.60', '988.00', '1,512.50', '364.20'];
const dbl = (a) => { const n = Math.round(Number(a.replace(/,/g, '')) * 200) / 100; return n.toLocaleString('en-AU', { minimumFractionDigits: 2, maximumFractionDigits: 2 }); };

// ---------------------------------------------------------------- time (Melbourne)
const DAY = 86400000;
const isAEDT = (d) => d < Date.UTC(2026, 3, 4, 16) || d >= Date.UTC(2026, 9, 3, 16); // AEDT until 5 Apr 03:00, from 4 Oct 02:00
function localToEpoch(ymd, h, m, s) {
  const [y, mo, d] = ymd.split('-').map(Number);
  let t = Date.UTC(y, mo - 1, d, h, m, s);
  t -= (isAEDT(t - 11 * 3600000) ? 11 : 10) * 3600000;
  return Math.floor(t / 1000);
}
function addDays(ymd, n) { return new Date(Date.parse(ymd + 'T00:00:00Z') + n * DAY).toISOString().slice(0, 10); }
function burstDay(start, span, scale) { let k; do { k = Math.floor(-Math.log(1 - rand()) * scale); } while (k >= span); return addDays(start, k); }
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WD = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
function fmtLocal(epoch) {
  const off = isAEDT(epoch * 1000) ? 11 : 10;
  const d = new Date(epoch * 1000 + off * 3600000);
  return { wd: WD[d.getUTCDay()], d: d.getUTCDate(), mon: MONTHS[d.getUTCMonth()], y: d.getUTCFullYear(), hh: d.getUTCHours(), mm: d.getUTCMinutes(), ss: d.getUTCSeconds(), tz: off === 11 ? 'AEDT' : 'AEST' };
}
const two = (n) => String(n).padStart(2, '0');
const ampm = (h, m) => `${h % 12 === 0 ? 12 : h % 12}:${two(m)} ${h < 12 ? 'am' : 'pm'}`;

// ---------------------------------------------------------------- text quirks
function typo(text) {
  const words = [...text.matchAll(/[A-Za-z]{5,}/g)];
  if (!words.length) return text;
  const w = pick(words); const i = int(1, w[0].length - 3);
  const sw = w[0].slice(0, i) + w[0][i + 1] + w[0][i] + w[0].slice(i + 2);
  return text.slice(0, w.index) + sw + text.slice(w.index + w[0].length);
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cdata = (s) => { if (s.includes(']]>')) throw new Error('CDATA'); return `<![CDATA[${s}]]>`; };

// ---------------------------------------------------------------- our own emails, quoted by parents
const RECEIPT = (v) => `Instalment received\nThanks ${v.first}, we've received your instalment of $${v.amount} for ${v.school} (instalment ${v.n} of 10). Your tax invoice is attached.\nKiteline, on behalf of ${v.school}`;
const MISSED = (v) => `We couldn't collect your instalment\nHi ${v.first}, we tried to collect your instalment of $${v.amount} for ${v.school} today but your bank declined the payment. We'll try again automatically. If you'd like to pay now, open the Kiteline Parent app and tap Pay now.\nKiteline, on behalf of ${v.school}`;
const MISSED_SMS = (v) => `Kiteline: We couldn't collect your ${v.schoolShort} fees instalment of $${v.amount} today. We'll try again. Reply STOP to opt out.`;
const REMINDER = (v) => `Fee reminder - ${v.school}\nDear Parent/Guardian, our records show that your account has an overdue amount of $${v.amount}. Please arrange payment as soon as possible or contact the Business Office.`;

// ---------------------------------------------------------------- clusters
// Each cluster: count, days(), english bodies (email/web/app), chat lines, phone notes, subjects, foreign bodies, agent reply.
const GENERIC_MACRO = 'Thanks for getting in touch, and sorry for the trouble. We\'re aware of an issue that affected some payments and messages today and our team is working on it. We\'ll update you as soon as we know more.';
const REFUND_MACRO = 'I can confirm the duplicate payment of ${amount} has been refunded to your card today. Refunds usually take 3-5 business days to show, depending on your bank. Sorry again for the trouble.';

const C = {};
C.charged_twice = {
  about: true, incident: 'FWI-117, FWI-134', count: 34,
  day: (i) => (i < 20 ? burstDay('2026-04-01', 9, 1.3) : burstDay('2026-10-15', 9, 1.2)),
  due: (ymd) => (ymd < '2026-06-01' ? pick(['1 April', '1/4', 'the 1st', 'Wednesday', '1st April']) : pick(['15 October', '15/10', 'the 15th', 'Thursday', '15th Oct'])),
  subjects: ['Charged twice', 'Double charge!!', 'Charged twice for school fees', 'Duplicate payment', 'Debited twice', 'URGENT - double debit',
    'Instalment taken twice', 'Two payments taken', 'Overcharged', 'Refund please'],
  bodies: [
    "Hi,\n\nI've just checked my bank account and the school fees instalment for {child} came out twice this morning - ${amount} and then another ${amount} about half an hour later. Both say KITELINE*{schoolShort}. Can you please refund one of them ASAP, that's most of my pay.\n\nThanks,\n{first}",
    'Hello Kiteline team,\n\nMy {bank} account shows two identical debits for {school} fees on {due}:\n\n{stmt}\n{stmt}\n\nI am on the monthly plan, so it should only be one. Please advise.\n\nRegards\n{full}',
    "You have taken ${amount2x} from my card for a ${amount} instalment!!! I'm now overdrawn and my rent payment bounced. Who is going to pay the dishonour fee?",
    "I think there's been a mistake with this month's instalment, I was charged double. ${amount} x 2. Plan number {plan}. Could you check please",
    "Good morning, just wondering why my card was debited twice for {child}'s fees. Is it a pending thing that will drop off or do I need to do something?",
    'Double charge for school fees - {school}. The app says instalment {n} of 10 paid, once, but the bank says twice. Which one is right?',
    'My husband and I both got a notification from our bank about a ${amount} payment to Kiteline, twice within 30 min. We only have one child at {school}. Please explain.',
    'Hi there, ${amount} went out of my account twice today, Kiteline / {school}. Can you reverse the second one. Cheers {first}',
    'Hello, I was charged 2 times for the same school fee instalment on {due}. Total ${amount2x} instead of ${amount}. Please refund the extra.',
    'Why did {amount} come out of my account twice??? I have 3 kids at {school} and I budget to the dollar. Please fix today.',
  ],
  octBodies: [
    "Same thing as April again?? Charged twice for the 15 Oct instalment. Seriously not happy, I'm going to talk to the school about this.",
    'The fees for {child} were taken twice this morning (15/10). I only got one receipt email from you, but my bank shows two lots of ${amount}.',
  ],
  quoted: [
    ['Hi, I only got this one receipt but the money came out 2 times, see my statement. Please fix.', 'receipt'],
  ],
  chat: [['hi ive been charged twice for school fees today', 'yes 2 payments of ${amount} both to kiteline', 'its {bank}, card ending {last4}'],
    ['Hello I have two payments for the same instalment', '{school}, monthly plan', 'ok thank you. how long for the refund?']],
  phone: ["Parent called - chgd 2x for {due} instal (${amount} x2), {school}. 2 txns in W/P dash. Adv'd refund 3-5 bd. Ref email sent.",
    "Dad called, v upset, overdrawn after dup instalment ${amount}. Confirmed dup, refund raised, adv'd to send bank's dishonour fee for reimb.",
    'Mum rang re double debit {school} ${amount}. Checked - 2 charges same instalment. Refund done. Apologised.',
    "Caller: 2x ${amount} on {bank} stmt for {child}'s fees. Dup confirmed. Refund + apology. Adv'd 3-5 bd."],
  foreign: {
    zh: ['你好，我今天的学费分期付款被扣了两次，每次 ${amount}。孩子在 {school} 上学。请尽快退款。谢谢', '您好，我的银行卡今天被 Kiteline 扣款两次（${amount} 澳元 x2），请帮忙处理。{full}', '学费被重复扣款了，两笔 ${amount}，请退回一笔。'],
    vi: ['Chào Kiteline, tôi bị trừ tiền học phí hai lần hôm nay, mỗi lần ${amount}. Xin hoàn lại một khoản. Cảm ơn.'],
  },
  langs: { zh: 3, vi: 1 },
  reply: (v) => (chance(0.5) ? GENERIC_MACRO : fill(REFUND_MACRO, v)),
  tag: (ymd) => (ymd < '2026-06-01' ? 'fwi-117' : 'dup-oct'),
};
C.notice_storm = {
  about: true, incident: 'FWI-120', count: 22,
  day: () => burstDay('2026-06-01', 4, 0.8),
  subjects: ['Stop texting me', 'Too many messages', 'Payment failed??', 'SMS spam from Kiteline', "We couldn't collect your instalment", 'Re: We couldn\'t collect your instalment', 'Is this a scam?', 'Messages every 30 min'],
  bodies: [
    "I have received {k} text messages this morning saying you couldn't collect my instalment. Stop texting me! Does this mean you are going to try to take the money {k} times?",
    "Why do I keep getting 'We couldn't collect your instalment' emails every half an hour? I've had {k} now. My card is fine as far as I know.",
    'Hi, just got the {k}th SMS from Kiteline about my fees. Will I be charged for each of these attempts? Coastline Bank says their system is down.',
    "Please stop the messages. Every 30 minutes since 6am: '{sms}' I get it!!",
    'Is this a scam? I have had {k} texts and {k} emails this morning saying my school fee payment failed. Nothing from the school.',
    "Good morning. I've had {k} emails and the same number of texts telling me the instalment for {school} could not be collected. Can you please check whether my card will be charged several times?\n\nKind regards\n{full}",
    'My phone has been buzzing all morning with your payment failed messages ({k} so far). I bank with Coastline, is it them or you?',
  ],
  quoted: [['I got this email again. This is the {k}th time today.', 'missed'], ['Another one. Please make it stop.', 'missed']],
  chat: [["hi i keep getting texts saying my payment failed", "like {k} of them since 6", "will i get charged {k} times??"],
    ['Why are you sending me so many messages', 'coastline bank visa', 'ok so just ignore them?']],
  phone: ["Parent called re multiple 'couldn't collect' SMS ({k} so far). Coastline Bank card. Explained bank outage + we'll retry, no extra charges. Adv'd ignore msgs.",
    'Caller v annoyed, {k} texts + {k} emails re failed instal. Worried chgd {k}x. Reassured - only charged once when it goes thru.',
    "Mum rang, thought msgs were phishing ({k} SMS). Confirmed genuine, sent in error, Coastline outage. Adv'd no action."],
  foreign: {
    zh: ['我今天收到了{k}条短信说学费扣款失败，是不是会扣我{k}次钱？请停止发送。', '为什么一直收到付款失败的邮件和短信？已经{k}次了。'],
    vi: ['Tôi nhận được {k} tin nhắn nói không thu được học phí. Có phải tôi sẽ bị trừ tiền {k} lần không?'],
    el: ['Καλημέρα, έχω λάβει {k} μηνύματα ότι η πληρωμή των διδάκτρων απέτυχε. Θα χρεωθώ {k} φορές;'],
  },
  langs: { zh: 2, vi: 1, el: 1 },
  reply: () => (chance(0.5) ? GENERIC_MACRO : "Those messages were sent in error, one after each automatic retry, and we're sorry for the noise. You have not been charged more than once, and you won't be: we will collect the instalment once your bank is back to normal."),
  tag: () => 'sms-storm',
};
C.missed_but_paid = {
  about: true, incident: 'FWI-129', count: 18,
  day: () => burstDay('2026-09-01', 5, 1.0),
  subjects: ['Overdue?? but I paid', 'Paid twice now', "Says I missed my instalment but money's gone", 'Arrears notice wrong', 'Pay now charged me again', "Re: We couldn't collect your instalment", 'Refund'],
  bodies: [
    "I got an email saying you couldn't collect my instalment and that my account is overdue, but the money came out of my account this morning (${amount}). So I pressed Pay now like the app said and now it's gone out twice. Please refund.",
    'The app shows my fees as overdue with a red banner but my bank shows the payment on 1 Sept. Which is it? The school has also emailed me about arrears.',
    'Hi, I paid via Pay now because your message said the instalment was missed. Now I see the original payment went through too. So now you have my money twice.',
    "Your email says 'We couldn't collect your instalment' but I can see the ${amount} debit on my card. Is it going to be reversed?",
    'Now I have paid for the same instalment twice, once automatically and once when I pressed Pay now. Not impressed.',
    "The school rang me to say I'm behind on {child}'s fees. I'm not, the payment left my account on the 1st. Can you tell them?",
  ],
  quoted: [['This says you could not collect it but the money is gone from my account. ??', 'missed']],
  chat: [['app says overdue but i paid', 'the money came out this morning', 'i pressed pay now too so now its twice']],
  phone: ["Parent called - told missed instal but ${amount} debited 1/9. Paid again via Pay now -> 2x. Checked: orig went thru, Pay now dup to refund. Adv'd 3-5 bd.",
    'Dad rang, school bursar chasing arrears, but instal came out 1/9. Known issue, status fixed, adv\'d school will get corrected report.'],
  foreign: { zh: ['邮件说我的分期付款没有扣成功，但是钱已经扣了。我又点了 Pay now，现在扣了两次。'], vi: ['Ứng dụng báo tôi trễ hạn học phí nhưng tiền đã bị trừ ngày 1/9. Tôi đã bấm Pay now nên giờ bị trừ hai lần.'] },
  langs: { zh: 1, vi: 1 },
  reply: (v) => (chance(0.4) ? GENERIC_MACRO : "Your instalment on 1 September was collected after all; a fault on our side showed it as missed. The second payment (Pay now) has been refunded and should show in 3-5 business days. We've also sent the school a corrected arrears report."),
  tag: () => pick(['overdue', 'refund', 'arrears']),
};
C.debit_processing = {
  about: true, incident: 'FWI-128', count: 14,
  day: () => burstDay('2026-08-15', 4, 1.2),
  subjects: ['Payment still processing', 'Direct debit stuck', 'Processing for days?', 'No tax invoice', 'Arrears reminder but I paid', '(no subject)'],
  bodies: [
    'My direct debit from Wednesday still says Processing in the app. The money has left my account already. Is there a problem?',
    "Hi, the school sent me an arrears reminder this morning but my direct debit was taken on the 12th. App still says 'Processing'. Please confirm it's paid.",
    "I haven't received the tax invoice email for this fortnight's payment and the app has shown Processing since Thursday.",
    'why is my payment still processing?? its monday. bank says it cleared friday',
    'Direct debit stuck - shows Processing for 5 days. Normally it is 2. BSB account ending {last4}.',
    'Hello, is there an issue with direct debits? Mine for {school} came out of {bank} on Thursday and still shows as processing.',
  ],
  chat: [['my direct debit says processing since last week', 'money is gone from my account', 'ok thanks']],
  phone: ["Parent called re DD stuck 'Processing' since 12/8, $ out of acct. Adv'd known issue, will update today.",
    "Caller - no tax invoice for DD + school says unpaid. DD cleared at bank. Known issue, adv'd resolved today."],
  foreign: { zh: ['我的直接扣款从周三起一直显示“处理中”，钱已经扣了。学校说我没付。'] },
  langs: { zh: 1 },
  reply: () => (chance(0.5) ? GENERIC_MACRO : 'Your direct debit has now been confirmed as paid and your tax invoice has been emailed to you. A delay on our side held back the confirmation from the bank over the weekend. Nothing else is needed from you.'),
  tag: () => pick(['dd', 'direct-debit', 'processing']),
};
C.balance_overdue = {
  about: true, incident: 'FWI-133', count: 10,
  day: () => burstDay('2026-10-01', 3, 0.9),
  subjects: ['Balance wrong', 'School says overdue', 'Reminder from school??', 'Balance not updated', 'Fees'],
  bodies: [
    "I got a reminder from {school} saying I'm overdue but my instalment came out on 1 October and I have your receipt. The balance in the app still shows it unpaid.",
    'The balance in the app has not changed since the payment. It still says ${balance} owing.',
    "Received a fee reminder from the school bursar today. I have your receipt from yesterday. Why does the school think I haven't paid?",
    'The app says I owe ${amount} but I paid on the 1st (receipt attached). Please update.',
  ],
  quoted: [['Got this from the school today?? I paid on the 1st.', 'reminder']],
  phone: ["Parent called - school reminder re arrears, but instal paid 1/10 (receipt sent). Balance not updated. Adv'd known issue, balances fixing today."],
  foreign: {},
  langs: {},
  reply: () => (chance(0.5) ? GENERIC_MACRO : "Your payment was received on 1 October and your balance is now correct. The school's report was showing an out-of-date balance; we've let them know. Sorry for the worry."),
  tag: () => pick(['balance', 'school-reminder']),
};
// ------------------------------------------------- out of scope look-alikes
C.extras_double = {
  about: false, incident: 'FWI-119', count: 14,
  day: () => burstDay('2026-05-04', 4, 0.9),
  subjects: ['Camp payment charged twice', 'Charged twice for camp', 'Excursion payment', 'Double charge', 'Year 9 camp'],
  bodies: [
    'I paid for the Year 9 camp last night and I have been charged twice, ${camp} x2. The app spinner kept going so I pressed Pay again.',
    'Camp payment (Outdoor Ed Year 9, {school}) went through 3 times!! Please refund 2 of them.',
    'Charged twice for the excursion payment. Not the fees, the camp one. ${camp} each.',
    'Hi, double charge on the camp payment for {child}. The school says to contact you.',
    "I've been charged twice, ${camp} and ${camp}, for the Year 9 camp. Refund please.",
  ],
  chat: [['charged twice for camp', 'year 9 camp, ${camp}', 'thanks']],
  phone: ['Parent called - Yr 9 camp pd 2x (${camp}). Extras, not instalment. Refund via Extras team.', "Mum rang re camp $ taken twice. Extras dup (known). Refund req'd."],
  foreign: { zh: ['昨晚给孩子交九年级营地费，被扣了两次，每次 ${camp}。'], vi: ['Tôi bị trừ tiền trại hè lớp 9 hai lần.'] },
  langs: { zh: 1, vi: 1 },
  reply: (v) => (chance(0.4) ? GENERIC_MACRO : fill(REFUND_MACRO, { amount: v.camp })),
  tag: () => pick(['extras', 'camp', 'refund']),
};
C.late_fee_twice = {
  about: false, incident: 'FWI-136', count: 10,
  day: () => burstDay('2026-11-02', 4, 1.0),
  subjects: ['Two late fees', 'Late fee charged twice', 'Late fee', 'Why 2 late fees?'],
  bodies: [
    'Why have I been charged two late fees of ${fee}? I was only late once (and barely).',
    'There are 2 late fee lines on my account this morning, same date, same amount.',
    'Late fee charged twice on my account. I thought the late fee was ${fee} not ${fee2}.',
    'Hello, my account shows a late fee twice for October. Can you remove one?',
  ],
  phone: ["Parent called - 2x late fee (${fee}) on acct. Fees-engine dup (known). Adv'd reversal in 24h."],
  foreign: { el: ['Μου χρεώθηκαν δύο φορές τα πρόστιμα καθυστέρησης για τον Οκτώβριο.'] },
  langs: { el: 1 },
  reply: () => 'The second late fee was added in error and has been removed from your account. No money was taken for it.',
  tag: () => pick(['late-fee', 'fees']),
};
C.login_codes = {
  about: false, incident: 'FWI-123', count: 8,
  day: () => burstDay('2026-06-16', 2, 0.5),
  subjects: ["Can't log in", 'Login code not working', 'Too many codes', 'App login'],
  bodies: [
    'I keep getting login codes by SMS, 5 of them, and none of them work. Cannot log in to pay.',
    "Got 4 texts with a code, typed the first one, 'invalid code'.",
    'The verification code never works, I have received about six texts in 10 minutes.',
  ],
  chat: [['cant log in, code says invalid', 'ive had like 6 texts', 'ok will try later']],
  phone: ["Parent called - can't log in, multiple OTP SMS, all invalid. Known (identity). Adv'd wait 30 min."],
  foreign: {},
  langs: {},
  reply: () => 'Please wait a few minutes and request one new code; only the most recent code works. The delay with text messages this evening has been fixed.',
  tag: () => pick(['login', 'app']),
};
C.bank_setup_stuck = {
  about: false, incident: 'FWI-115', count: 8,
  day: () => burstDay('2026-03-18', 3, 0.8),
  subjects: ['Stuck on verifying', "Can't set up direct debit", 'Bank details', 'Direct debit setup'],
  bodies: [
    "Trying to set up direct debit from my bank account and it's stuck on 'Verifying...' for ages. Tried twice.",
    "App won't let me add my BSB and account, just spins on Verifying.",
    'I submitted my bank details 3 times, does that mean there are 3 direct debits now?',
  ],
  chat: [['stuck on verifying when adding bank account', 'tried twice', 'ok']],
  phone: ["Parent called - DD setup stuck 'Verifying', tried 3x. Onboarding issue (known). Adv'd retry tmrw, dups removed."],
  foreign: {},
  langs: {},
  reply: () => "Please try again now. Any duplicate requests have been removed, and you won't be charged more than once for an instalment.",
  tag: () => pick(['onboarding', 'dd-setup']),
};
C.school_invoice_emails = {
  about: false, incident: 'FWI-131', count: 5, dept: 7,
  day: () => burstDay('2026-09-21', 2, 0.5),
  subjects: ['Payment failed emails', 'Kiteline invoice - payment failed emails', 'Invoice INV-2026-09', 'Charged twice for platform fee'],
  bodies: [
    "Good morning,\n\nOur finance office has received {k} emails today saying 'Your Kiteline invoice payment failed'. The card is fine. Could you look into it?\n\nRegards,\n{full}\nBusiness Manager, {school}",
    'Hi, we have been charged twice for the September platform fee invoice and have also received several payment failed notices. Please advise.\n\n{full} | Bursar | {school}',
  ],
  foreign: {}, langs: {},
  reply: () => 'Thanks for letting us know. The September invoice was paid on the first attempt; the failure emails were sent in error and the duplicate charge has been refunded. Your account manager will follow up.',
  tag: () => 'school-billing',
};
C.noise = {
  about: false, incident: null, count: 35,
  day: () => addDays('2026-03-01', int(0, 277)),
  subjects: ['Question', 'Help', 'Fees', 'Instalment date', 'Change card', 'Receipt', 'Sibling discount', '(no subject)', 'Kiteline', 'Query', 'Account'],
  bodies: [
    'Can I change my instalment date from the 1st to the 15th? I get paid mid month.',
    "Why was I charged ${amount} when the fee statement from the school says a slightly different amount? Just want to understand.",
    'How do I get a receipt for tax purposes? My accountant is asking.',
    "The sibling discount for my second child hasn't been applied. Both at {school}.",
    'I need to change the card on file, the old one expired. The app keeps saying error.',
    'Charged twice?? Oh no wait, one of them is the school camp. Sorry, ignore me!',
    'Can I pay the whole year upfront instead of instalments? Is there a discount?',
    'We are leaving {school} at the end of term. How do I cancel the remaining instalments?',
    'I got an email from kiteline-payments.net asking me to confirm my card. Is that you? Looks dodgy.',
    'Please update my email address, I no longer use this one.',
    'The app crashes on my Android phone when I open Payments.',
    'Under the privacy act I would like a copy of the information you hold about me.',
    'Is it possible to split the fees between me and my ex-husband, two different cards?',
    "The school told me to contact you about the uniform shop order, it hasn't arrived.",
    'Do you offer a hardship arrangement? I lost my job and the next instalment is due on the 15th.',
    'Why is there a $1.10 card fee on my instalment? Can I avoid it with direct debit?',
    "My son's name is spelled wrong on the tax invoice.",
    'Can the grandparents pay some of the fees from their account?',
  ],
  chat: [['hi how do i change my payment date', 'thanks'], ['can i pay with amex?', 'ok']],
  phone: ["Parent called re changing instal date to 15th. Explained plan change via school. Done.",
    "Caller asked about hardship. Referred to school bursar, sent form.", "Grandparent called to pay fees, explained Pay now link from parent."],
  foreign: { zh: ['请问可以把分期付款日期改到每月15号吗？'], vi: ['Làm sao để đổi thẻ thanh toán trong ứng dụng?'] },
  langs: { zh: 1, vi: 1 },
  reply: () => pick(['Thanks for your message. ', 'Good question! ']) + pick(['You can change this in the Kiteline Parent app under Fee plan > Payment details.', 'Your school can make that change for you; we have passed your request on.', "We've updated that for you.", 'Please see our help article: help.kiteline.com.au/fee-plans.']),
  tag: () => pick(['general', 'app', 'fee-plan', 'privacy', '']),
};

// ---------------------------------------------------------------- channels
const SIGS = ['Sent from my iPhone', 'Sent from my Galaxy', 'Get Outlook for iOS', '', '', '', 'Sent from Mail for Windows', '发自我的iPhone'];
function channelFor(name) {
  if (name === 'school_invoice_emails') return 'email';
  if (name === 'debit_processing' || name === 'balance_overdue') return weighted([['email', 50], ['web', 20], ['phone', 20], ['app', 10]]);
  return weighted([['email', 44], ['web', 18], ['phone', 18], ['app', 10], ['chat', 10]]);
}
function emailHtml(text, client, v) {
  const paras = text.split('\n');
  if (client === 'gmail') return `<div dir="ltr">${paras.map((p) => (p ? `<div>${esc(p)}</div>` : '<div><br></div>')).join('')}</div>`;
  return `<div class="elementToProof" style="font-family: Aptos, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">${paras.map((p) => esc(p)).join('<br>')}</div>`;
}
function quoteBlock(kind, v, when, html) {
  const src = kind === 'receipt' ? RECEIPT(v) : kind === 'missed' ? MISSED(v) : REMINDER(v);
  const from = kind === 'reminder' ? `${v.school} Business Office <fees@${v.schoolShort.toLowerCase().replace(/[^a-z]/g, '')}.vic.edu.au>` : 'Kiteline <no-reply@kiteline.com.au>';
  if (kind === 'reminder') {
    const fw = `---------- Forwarded message ---------\nFrom: ${from}\nDate: ${when.wd}, ${when.d} ${when.mon} ${when.y} at ${ampm(when.hh, when.mm)}\nSubject: Fee reminder - ${v.school}\nTo: <${v.email}>\n\n${src.split('\n').slice(1).join('\n')}`;
    return html ? `<div class="gmail_quote">${fw.split('\n').map(esc).join('<br>')}</div>` : fw;
  }
  const attr = `On ${when.wd}, ${when.d} ${when.mon} ${when.y} at ${ampm(when.hh, when.mm)}, ${from} wrote:`;
  if (html) return `<div class="gmail_quote"><div dir="ltr" class="gmail_attr">${esc(attr)}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${src.split('\n').map(esc).join('<br>')}</blockquote></div>`;
  return `${attr}\n${src.split('\n').map((l) => '> ' + l).join('\n')}`;
}

// ---------------------------------------------------------------- build
const tickets = [];
for (const [name, c] of Object.entries(C)) {
  const langs = [];
  for (const [l, n] of Object.entries(c.langs)) for (let j = 0; j < n; j++) langs.push(l);
  while (langs.length < c.count) langs.push('en');
  for (let j = langs.length - 1; j > 0; j--) { const k = Math.floor(rand() * (j + 1)); [langs[j], langs[k]] = [langs[k], langs[j]]; }
  for (let i = 0; i < c.count; i++) {
    const ymd = c.day(i);
    const lang = langs[i];
    let ch = lang === 'en' ? channelFor(name) : 'email';
    if ((ch === 'chat' && !c.chat) || (ch === 'phone' && !c.phone)) ch = 'email';
    tickets.push({ cluster: name, ymd, lang, ch, i });
  }
}
// parents' local hour: mornings after a run, evenings otherwise
for (const t of tickets) {
  const h = t.ch === 'phone' ? int(8, 17) : weighted([[6, 3], [7, 8], [8, 10], [9, 9], [10, 7], [11, 6], [12, 6], [13, 5], [14, 5], [15, 5], [16, 4], [17, 4], [18, 4], [19, 5], [20, 6], [21, 5], [22, 3], [23, 1]]);
  const minH = t.ymd === '2026-04-01' || t.ymd === '2026-10-15' || t.ymd === '2026-06-01' || t.ymd === '2026-09-01' ? 7 : 0;
  t.epoch = localToEpoch(t.ymd, Math.max(h, minH), int(0, 59), int(0, 59));
}
tickets.sort((a, b) => a.epoch - b.epoch);
let nextId = 40211;
const usedUsers = new Set();
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const out = [];
const truth = {};
const counts = {};
const langCount = {};
const chCount = {};
let placeholder = 0;

for (const t of tickets) {
  const c = C[t.cluster];
  t.id = nextId; nextId += int(1, 7);
  let first, last;
  if (t.lang === 'zh') [last, first] = pick(ZH_NAMES);
  else if (t.lang === 'vi') [last, first] = pick(VI_NAMES);
  else if (t.lang === 'el') [last, first] = pick(EL_NAMES);
  else { first = pick(FIRST); last = pick(LAST); }
  const full = t.lang === 'vi' ? `${last} ${first}` : `${first} ${last}`;
  const [school, schoolShort] = pick(SCHOOLS);
  const amount = pick(AMOUNTS);
  const when = fmtLocal(t.epoch);
  const v = {
    first, full, school, schoolShort, amount, amount2x: dbl(amount), child: pick(KIDS), bank: t.cluster === 'notice_storm' ? 'Coastline Bank' : pick(BANKS),
    k: int(3, 7), n: int(2, 9), last4: String(int(1000, 9999)), plan: 'PLN-' + int(10000, 99999),
    camp: pick(['385.00', '420.00', '612.00', '298.50']), fee: pick(['25.00', '50.00']), balance: dbl(pick(AMOUNTS)),
    due: c.due ? c.due(t.ymd) : `${when.d} ${when.mon}`,
  };
  v.fee2 = v.fee === '25.00' ? '50.00' : '100.00';
  v.stmt = `${when.d} ${when.mon.toUpperCase()}  KITELINE*${schoolShort} MELBOURNE AU   -$${amount}`;
  v.sms = MISSED_SMS(v);
  let userid; do { userid = int(10000, 39999); } while (usedUsers.has(userid)); usedUsers.add(userid);
  const email = t.cluster === 'school_invoice_emails'
    ? `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}@${schoolShort.toLowerCase().replace(/[^a-z]/g, '')}.vic.edu.au`
    : `${first.toLowerCase().replace(/[^a-z]/g, '')}${pick(['.', '_', ''])}${last.toLowerCase().replace(/[^a-z]/g, '')}${chance(0.5) ? int(70, 99) : ''}@${pick(DOMAINS)}`;
  v.email = email;
  const agent = t.lang === 'zh' ? AGENTS[5] : t.lang === 'vi' ? AGENTS[4] : t.lang === 'el' ? AGENTS[6] : pick(AGENTS.slice(0, 4));

  // ------ the first post
  let body, subject, creationmode, creator = 2, ishtml = 0, postStaff = 0;
  const typoIt = (s) => (chance(0.15) ? typo(s) : s);
  if (t.lang !== 'en') {
    body = fill(pick(c.foreign[t.lang]), v) + (chance(0.5) ? '\n\n' + (t.lang === 'zh' ? '发自我的iPhone' : t.lang === 'vi' ? 'Gửi từ iPhone của tôi' : 'Στάλθηκε από το iPhone μου') : '');
    creationmode = 3;
    subject = t.lang === 'zh' ? pick(['学费', '扣款问题', 'Kiteline', '(no subject)', '退款']) : t.lang === 'vi' ? pick(['Học phí', 'Kiteline', '(no subject)']) : pick(['Δίδακτρα', 'Kiteline']);
  } else if (t.ch === 'phone') {
    body = fill(pick(c.phone || C.noise.phone), v);
    subject = pick([`Phone call - ${full}`, `Call from 04${int(10, 99)} ${int(100, 999)} ${int(100, 999)}`, `Phone: ${first} re ${pick(['fees', 'payment', 'account', 'instalment'])}`]);
    creator = 1; postStaff = agent[0];
  } else if (t.ch === 'chat' && c.chat) {
    const lines = pick(c.chat).map((l) => fill(l, v));
    const lc = chance(0.6);
    let tt = t.epoch - int(15, 70);
    const stamp = () => { tt += int(15, 70); const w = fmtLocal(tt); return `[${two(w.hh)}:${two(w.mm)}:${two(w.ss)}]`; };
    const tr = [`Chat started: ${when.wd} ${when.d} ${when.mon} ${when.y} ${two(when.hh)}:${two(when.mm)} ${when.tz}`,
      `${stamp()} Kiteline: Hi! You're chatting with Kiteline Support. Is this about payments, your fee plan or the app?`];
    tr.push(`${stamp()} ${first}: ${typoIt(lc ? lines[0].toLowerCase() : lines[0])}`);
    tr.push(`${stamp()} ${agent[1]} (Kiteline): Hi ${first}, thanks for waiting. Let me have a look at that for you.`);
    for (const l of lines.slice(1)) tr.push(`${stamp()} ${first}: ${lc ? l.toLowerCase() : l}`);
    tr.push(`${stamp()} ${agent[1]} (Kiteline): Thanks ${first}, I've made a note and we'll email you shortly.`);
    tr.push('Chat ended by visitor');
    body = tr.join('\n');
    subject = `Chat with ${first}`;
    creationmode = 4;
  } else if (t.ch === 'app') {
    let msg = fill(pick(c.bodies), v); if (chance(0.25)) msg = msg.toLowerCase(); msg = typoIt(msg);
    body = `Topic: ${pick(['Payments', 'Payments', 'My fee plan', 'Something else', 'My account'])}\nChild: ${v.child} (Year ${int(1, 12)}) - ${school}\nMessage:\n${msg}\n---\nKiteline Parent ${pick(['5.11.0', '5.12.1', '5.13.0', '5.14.2'])} (${pick(['iOS 19.1', 'iOS 18.6', 'Android 15', 'Android 16'])}) · fam_${Math.floor(rand() * 2 ** 31).toString(36)}`;
    subject = `[App] ${pick(['Payments', 'Help', 'Question', 'Fees'])}`;
    creationmode = 4;
  } else {
    let bodies = [...c.bodies];
    if (c.octBodies && t.ymd > '2026-06-01') bodies = bodies.concat(c.octBodies, c.octBodies);
    let q = null;
    if (c.quoted && t.ch === 'email' && chance(0.3)) { const [txt, kind] = pick(c.quoted); body = fill(txt, v); q = kind; }
    else body = fill(pick(bodies), v);
    body = typoIt(body);
    if (t.ch === 'web') {
      body = `Name: ${full}\nEmail: ${email}\nSchool: ${school}\nTopic: ${pick(['Payments', 'Fee plan', 'Technical problem', 'Other', 'Refunds'])}\nMessage: ${body}`;
      subject = chance(0.4) ? 'Contact form - kiteline.com.au' : pick(c.subjects);
      creationmode = 1;
    } else {
      creationmode = 3;
      const sig = pick(SIGS);
      const client = pick(['gmail', 'outlook', 'plain', 'plain']);
      const runDay = { charged_twice: t.ymd < '2026-06-01' ? '2026-04-01' : '2026-10-15', notice_storm: '2026-06-01', missed_but_paid: '2026-09-01' }[t.cluster];
      const qwhen = q && q !== 'reminder' && runDay
        ? fmtLocal(localToEpoch(runDay, 6, q === 'missed' && t.cluster === 'notice_storm' ? 2 + 30 * int(0, 5) : int(5, 55), int(0, 59)) + (q === 'missed' && t.cluster === 'notice_storm' ? int(0, 5) * 1800 : 0))
        : fmtLocal(t.epoch - int(600, 7200));
      if (client !== 'plain') {
        ishtml = 1;
        body = emailHtml(body + (sig ? `\n\n${sig}` : ''), client, v) + (q ? quoteBlock(q, v, qwhen, true) : '');
      } else {
        body = body + (sig ? `\n\n${sig}` : '') + (q ? '\n\n' + quoteBlock(q, v, qwhen, false) : '');
      }
      subject = q === 'receipt' ? 'Re: Instalment received' : q === 'missed' ? "Re: We couldn't collect your instalment" : q === 'reminder' ? `Fwd: Fee reminder - ${school}` : pick(c.subjects);
    }
  }
  if (t.ch === 'phone' && t.lang === 'en') creationmode = 2;
  if (creationmode === undefined) creationmode = 3;
  if (chance(0.12) && creationmode === 3) subject = pick(['(no subject)', 'Help', 'Query', 'URGENT', 'Kiteline', 'Fees', 'Question']);
  if (/^\(no subject\)$|^Help$|^Query$|^URGENT$|^Kiteline$|^Fees$|^Question$|^Contact form|^学费$|^Học phí$|^Δίδακτρα$|^Refund$|^Account$/.test(subject)) placeholder++;

  // ------ posts
  const posts = [];
  let pt = t.epoch;
  const mkPost = (isStaff, contents, html) => {
    const pid = 900000 + t.id * 3 + posts.length;
    posts.push({ id: pid, dateline: pt, staff: isStaff, contents, html });
  };
  mkPost(creator === 1, body, ishtml);
  const hasReply = t.ch === 'phone' ? chance(0.3) : chance(0.72);
  if (hasReply) {
    pt += int(900, 20000);
    { const w = fmtLocal(pt); if (w.hh < 8 || w.hh >= 20) pt += ((w.hh >= 20 ? 24 - w.hh + 8 : 8 - w.hh) * 3600) + int(0, 5400); }
    const greet = t.lang === 'zh' ? `您好 ${first}，\n\n` : t.lang === 'vi' ? `Chào ${first},\n\n` : t.lang === 'el' ? `Γεια σας ${first},\n\n` : `Hi ${first},\n\n`;
    const FOREIGN_REPLY = { zh: '感谢您的来信。我们已经查看了您的账户，相关问题已经处理好了。如有任何疑问，请随时联系我们。', vi: 'Cảm ơn bạn đã liên hệ. Chúng tôi đã kiểm tra tài khoản của bạn và đã xử lý vấn đề. Nếu cần thêm hỗ trợ, xin vui lòng liên hệ lại.', el: 'Ευχαριστούμε για το μήνυμά σας. Ελέγξαμε τον λογαριασμό σας και το θέμα έχει διευθετηθεί.' };
    mkPost(true, `${greet}${t.lang === 'en' ? c.reply(v) : FOREIGN_REPLY[t.lang]}\n\nKind regards,\n${agent[1].split(' ')[0]}\nKiteline Support · help@kiteline.com.au · 1300 548 354`, 0);
    if (chance(0.22) && t.ch !== 'phone' && t.lang === 'en') {
      pt += int(3600, 200000);
      const w = fmtLocal(posts[1].dateline);
      const fu = pick(['Thanks, got it.', 'Still not back in my account after 5 days??', 'Thank you for the quick reply.', 'ok', 'Can you confirm in writing that I will not be charged again?']);
      mkPost(false, `${fu}\n\nOn ${w.wd}, ${w.d} ${w.mon} ${w.y} at ${ampm(w.hh, w.mm)}, Kiteline Support <help@kiteline.com.au> wrote:\n> ${posts[1].contents.split('\n').join('\n> ')}`, 0);
    }
  }
  // ------ notes
  const notes = [];
  if (chance(0.22)) {
    const nt = pick({
      charged_twice: ['Dup confirmed in W/P dash, refund raised', 'Refund done, dishonour fee reimb requested', 'Escalated to Currawong'],
      notice_storm: ['Coastline card, msgs only', 'Told parent to ignore'],
      missed_but_paid: ['Pay now dup refunded', 'School notified'],
      debit_processing: ['DD cleared, status will update'],
      balance_overdue: ['Balance fixed after replay'],
    }[t.cluster] || ['Handled', 'FYI only', 'Passed to school']);
    notes.push({ id: 70000 + t.id, staff: agent, text: nt, at: pt + 60 });
  }
  // ------ tags
  let tags = [c.tag(t.ymd), pick(['', '', 'payments', 'urgent', 'vic', 'nsw', 'qld', 'follow-up'])].filter(Boolean);
  if (c.tag(t.ymd) === 'fwi-117' && !chance(0.35)) tags = tags.filter((x) => x !== 'fwi-117').concat(['refund']);
  if (c.tag(t.ymd) === 'dup-oct' && !chance(0.35)) tags = tags.filter((x) => x !== 'dup-oct').concat(['refund']);
  if (c.tag(t.ymd) === 'sms-storm' && !chance(0.3)) tags = tags.filter((x) => x !== 'sms-storm').concat(['sms']);
  if (t.lang !== 'en') tags.push(t.lang === 'zh' ? 'mandarin' : t.lang === 'vi' ? 'vietnamese' : 'greek');
  tags = [...new Set(tags)];

  const dept = c.dept || (['charged_twice', 'notice_storm', 'missed_but_paid', 'debit_processing', 'balance_overdue', 'extras_double', 'late_fee_twice'].includes(t.cluster) ? (chance(0.85) ? 3 : 4) : (chance(0.3) ? 3 : 4));
  const display = `${LETTERS[int(0, 23)]}${LETTERS[int(0, 23)]}${LETTERS[int(0, 23)]}-${int(100, 999)}-${int(10000, 99999)}`;
  const lastPost = posts[posts.length - 1];
  const lastStaff = [...posts].reverse().find((p) => p.staff);
  const lastUser = [...posts].reverse().find((p) => !p.staff);
  const status = t.epoch > Date.UTC(2026, 10, 27) / 1000 ? pick([1, 2, 3]) : weighted([[3, 85], [4, 10], [2, 5]]);
  const ip = t.ch === 'phone' ? '' : `${pick([1, 49, 101, 110, 120, 122, 124, 139, 144, 180, 203])}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;

  const X = [];
  X.push(`\t<ticket id="${t.id}" flagtype="${chance(0.08) ? pick([1, 4]) : 0}">`);
  const el = (k, v2, cd = false) => X.push(`\t\t<${k}>${cd ? cdata(String(v2)) : v2}</${k}>`);
  el('displayid', display);
  el('departmentid', dept);
  el('statusid', status);
  el('priorityid', weighted([[1, 70], [2, 20], [3, 6], [5, 4]]));
  el('typeid', t.cluster === 'school_invoice_emails' ? 2 : 1);
  el('userid', userid);
  el('userorganization', t.cluster === 'school_invoice_emails' ? school : '', true);
  el('userorganizationid', t.cluster === 'school_invoice_emails' ? 300 + SCHOOLS.findIndex((s) => s[0] === school) : 0);
  el('ownerstaffid', agent[0]);
  el('ownerstaffname', agent[1], true);
  el('fullname', full, true);
  el('email', email, true);
  el('lastreplier', lastPost.staff ? agent[1] : full, true);
  el('subject', subject, true);
  el('creationtime', t.epoch);
  el('lastactivity', lastPost.dateline + (status === 3 ? int(600, 90000) : 0));
  el('laststaffreply', lastStaff ? lastStaff.dateline : 0);
  el('lastuserreply', lastUser ? lastUser.dateline : 0);
  el('slaplanid', dept === 7 ? 2 : 1);
  el('nextreplydue', 0);
  el('resolutiondue', 0);
  el('replies', posts.length - 1);
  el('ipaddress', ip);
  el('creator', creator);
  el('creationmode', creationmode);
  el('creationtype', 1);
  el('isescalated', t.cluster === 'school_invoice_emails' ? 1 : 0);
  el('escalationruleid', 0);
  el('templategroupid', 1);
  el('templategroupname', 'Default', true);
  el('tags', tags.join(' '), true);
  X.push('\t\t<watchers />');
  X.push('\t\t<workflows />');
  if (notes.length) {
    X.push('\t\t<notes>');
    for (const n of notes) X.push(`\t\t\t<note type="ticket" id="${n.id}" ticketid="${t.id}" notecolor="${int(1, 5)}" creatorstaffid="${n.staff[0]}" forstaffid="0" creatorstaffname="${n.staff[1]}" creationdate="${n.at}">${cdata(n.text)}</note>`);
    X.push('\t\t</notes>');
  } else X.push('\t\t<notes />');
  X.push('\t\t<posts>');
  for (const p of posts) {
    X.push('\t\t\t<post>');
    const pe = (k, v2, cd = false) => X.push(`\t\t\t\t<${k}>${cd ? cdata(String(v2)) : v2}</${k}>`);
    pe('id', p.id); pe('ticketpostid', p.id); pe('ticketid', t.id); pe('dateline', p.dateline);
    pe('userid', p.staff ? 0 : userid);
    pe('fullname', p.staff ? agent[1] : full, true);
    pe('email', p.staff ? 'help@kiteline.com.au' : email, true);
    pe('emailto', p.staff ? email : '', true);
    pe('ipaddress', p.staff ? '' : ip);
    pe('hasattachments', !p.staff && t.cluster === 'charged_twice' && chance(0.15) ? 1 : 0);
    pe('creator', p.staff ? 1 : 2);
    pe('isthirdparty', 0);
    pe('ishtml', p.html);
    pe('isemailed', creationmode === 3 || p.staff ? 1 : 0);
    pe('staffid', p.staff ? agent[0] : 0);
    pe('contents', p.contents, true);
    X.push('\t\t\t</post>');
  }
  X.push('\t\t</posts>');
  X.push('\t</ticket>');
  out.push(X.join('\n'));
  truth[t.id] = t.cluster;
  counts[t.cluster] = (counts[t.cluster] || 0) + 1;
  langCount[t.lang] = (langCount[t.lang] || 0) + 1;
  chCount[t.ch] = (chCount[t.ch] || 0) + 1;
}

const header = '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<!-- kayako-dump 2.3 (support-ops) helpdesk.kiteline.com.au: Tickets/Ticket/ListAll/3,4,7/-1/-1/-1 with TicketPost and TicketNote per ticket; creationtime 2026-03-01 .. 2026-12-04 (Australia/Melbourne); run 2026-12-04 09:12 -->\n' +
  '<tickets>\n';
writeFileSync(join(here, EXPORT), header + out.join('\n') + '\n</tickets>\n');
const about = Object.fromEntries(Object.entries(C).map(([k, c]) => [k, c.about]));
const incidents = Object.fromEntries(Object.entries(C).map(([k, c]) => [k, c.incident]));
writeFileSync(join(here, 'truth.json'), JSON.stringify({ generator: 'generate-tickets.mjs', seed: SEED, export: EXPORT, total: tickets.length, counts, about_component: about, incident: incidents, tickets: truth }, null, 2) + '\n');
process.stderr.write(`tickets ${tickets.length}\n${JSON.stringify(counts)}\nlang ${JSON.stringify(langCount)}\nchannels ${JSON.stringify(chCount)}\nplaceholder subjects ${placeholder}\n`);
