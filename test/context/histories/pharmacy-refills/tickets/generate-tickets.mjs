// Deterministic generator for tickets/intercom-conversations-export.json
// Dosewell support inbox, Intercom "List conversations" export (one page), 1 Jun – 29 Nov 2026.
// Usage: node generate-tickets.mjs            -> writes the export, prints the true cluster sizes
// The cluster a conversation belongs to is NOT written into the export.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const SEED = 20261130;
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(SEED);
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

// ---------- people ----------
const FIRST = ['Maria', 'James', 'Linda', 'Robert', 'Patricia', 'Daniel', 'Keisha', 'Wei', 'Fatima', 'Carlos', 'Donna', 'Hiro', 'Beth', 'Olu', 'Sandra', 'Greg', 'Ana', 'Tyrone', 'Megan', 'Raj', 'Colleen', 'Luis', 'Dorothy', 'Sam', 'Yolanda', 'Kevin', 'Irina', 'Paul', 'Shanice', 'Frank', 'Mei', 'Hannah', 'Earl', 'Rosa', 'Trevor', 'Gloria'];
const LAST = ['Lopez', 'Nguyen', 'Smith', 'Okafor', 'Brennan', 'Kowalski', 'Patel', 'Jackson', 'Haddad', 'Moreno', 'Fischer', 'Tanaka', 'Green', 'Adeyemi', 'Walsh', 'Ortiz', 'Miller', 'Chen', 'Dubois', 'Reyes', 'Baker', 'Sokolov', 'Hughes', 'Kim', 'Alvarez', 'Price', 'Murphy', 'Ward'];
const ADMINS = [
  { type: 'admin', id: '5120311', name: 'Jess from Dosewell', email: 'jess.k@dosewell.com' },
  { type: 'admin', id: '5120344', name: 'Andre (Dosewell Care)', email: 'andre.m@dosewell.com' },
  { type: 'admin', id: '5120390', name: 'Nadia at Dosewell', email: 'nadia.s@dosewell.com' },
  { type: 'admin', id: '5120412', name: 'Kyle (Pharmacy Support)', email: 'kyle.b@dosewell.com' },
];
const MEDS = ['atorvastatin', 'lisinopril', 'metformin', 'levothyroxine', 'amlodipine', 'losartan', 'sertraline', 'omeprazole', 'rosuvastatin', 'escitalopram', 'Lipitor', 'Synthroid', 'Zoloft', 'Eliquis'];
const MYMEDS = ['my blood pressure pills', 'my thyroid med', 'my statin', 'my inhaler', 'my cholesterol meds', 'my sugar pills', 'my antidepressant'];
const AMOUNTS = ['$10.00', '$5', '$15.00', '$25', '$12.50', '$40', '$3.75', '$20.00', '$8'];

// ---------- typos and casual writing ----------
function typo(word) {
  if (word.length < 4 || !/^[a-z]+$/i.test(word)) return word;
  const i = int(1, word.length - 3);
  const r = rnd();
  if (r < 0.4) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap
  if (r < 0.7) return word.slice(0, i) + word.slice(i + 1); // drop
  return word.slice(0, i) + word[i] + word.slice(i); // double
}
function roughen(text, level) {
  let t = text;
  if (chance(level * 0.6)) t = t.toLowerCase();
  t = t.split(' ').map((w) => (chance(level * 0.12) ? typo(w) : w)).join(' ');
  if (chance(level * 0.3)) t = t.replace(/\byou\b/g, 'u').replace(/\bplease\b/gi, 'pls');
  if (chance(level * 0.3)) t = t.replace(/[.]\s*$/, '') + pick(['!!', '??', '...', '', ' ?!']);
  return t;
}
const html = (paras) => paras.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`).join('');

// ---------- cluster definitions ----------
// Each cluster: count, date spikes, and message builders with deliberately little shared vocabulary.
const M = () => pick(MEDS);
const A = () => pick(AMOUNTS);
const CLUSTERS = [
  {
    key: 'copay_twice', count: 34,
    spikes: [{ from: '2026-08-03T19:00:00Z', to: '2026-08-12T23:00:00Z', n: 24 }],
    subjects: ['Charged twice', 'Double charge', 'duplicate payment', 'Refund please', 'billing error', 'Two debits'],
    core: [
      () => `I was ${pick(['charged', 'billed', 'debited', 'hit'])} ${pick(['twice', 'two times', '2x', 'double'])} for ${pick(['my copay', 'the co-pay', 'one refill', M(), 'the same prescription'])}.`,
      () => `My ${pick(['bank app', 'credit card statement', 'Chase app', 'online banking', 'Amex'])} shows ${pick(['two identical debits', '2 transactions', 'the same amount twice', 'a second payment'])} of ${A()} from ${pick(['Dosewell', 'DOSEWELL RX', 'you'])}.`,
      () => `Why did you take my ${pick(['co-pay', 'copay', 'payment', 'money'])} ${pick(['3 times', 'three times', 'again', 'a second time'])} for ${pick(['one order', 'a single fill', 'the same meds', M()])}?`,
      () => `Looks like I got double ${pick(['billed', 'charged', 'dinged'])} for ${pick(MYMEDS)}.`,
      () => `There are ${pick(['2', 'two', 'three'])} pending ${pick(['transactions', 'charges', 'holds'])} from you guys for the same ${pick(['prescription', 'order', 'refill'])}, ${A()} each.`,
      () => `You took the money for ${pick(MYMEDS)} again, it already came out on ${pick(['Monday', 'Tuesday', 'the 3rd', 'Friday'])}.`,
      () => `Duplicate ${pick(['charge', 'payment', 'transaction'])} on my ${pick(['Visa', 'Mastercard', 'debit card', 'HSA card', 'FSA card'])} for the ${A()} ${pick(['copayment', 'copay', 'co pay'])}.`,
      () => `Paid my ${pick(['co-insurance', 'coinsurance', 'copay', 'share'])} ${pick(['2x', 'twice', 'two times'])} according to my ${pick(['statement', 'bank', 'card app'])}.`,
      () => `My card got ${pick(['hit', 'charged', 'swiped'])} ${pick(['three times', 'twice', '3x'])} for ${A()} and I only have one ${pick(['auto fill', 'auto-refill', 'prescription', 'order'])}.`,
      () => `Overcharged. The ${A()} ${pick(['payment', 'charge', 'amount'])} ${pick(['shows up', 'appears', 'posted'])} twice on my ${pick(['HSA card', 'account', 'statement', 'card'])}.`,
      () => `${pick(['Dosewell', 'Your pharmacy', 'You'])} ${pick(['debited', 'withdrew from', 'pulled money from'])} my checking account ${pick(['twice this week', 'two times', 'again'])} for the same thing.`,
      () => `I see ${A()} and then another ${A()} from DOSEWELL RX, which one is ${pick(['real', 'right', 'correct'])}?`,
      () => `${pick(['Same amount', 'The exact same sum', 'Identical amount'])} was withdrawn two times for ${pick([M(), pick(MYMEDS)])}, please refund one.`,
      () => `Got ${pick(['an alert', 'a text', 'a notification'])} from my bank about a second payment to your pharmacy.`,
      () => `Please refund the extra ${A()}, you ${pick(['collected', 'took', 'grabbed'])} it ${pick(['twice', 'two times'])}.`,
      () => `Why are there ${pick(['2', 'two', '3'])} ${pick(['copays', 'co-pays', 'payments'])} for ${pick(['one', 'a single', 'the same'])} ${pick(['bottle', 'month', 'refill', 'shipment'])}?`,
    ],
    extra: [
      () => `I only ordered once.`, () => `My account is now overdrawn because of this.`, () => `Please fix asap.`,
      () => `My husband's order too.`, () => `I have screenshots if you need them.`, () => `Can you reverse the extra one?`,
    ],
    tags: ['Billing', 'Payments', 'Refund request', 'Billing'],
    topic: ['Billing', 'Billing', 'Payments', 'Other'],
  },
  {
    key: 'action_needed_texts', count: 22, scatter: ['2026-06-01T12:00:00Z', '2026-07-08T22:00:00Z'],
    spikes: [{ from: '2026-07-09T04:00:00Z', to: '2026-07-11T02:00:00Z', n: 17 }],
    subjects: ['STOP', 'Too many messages', 'texts', 'Please stop', 'Notifications'],
    core: [
      () => `I keep getting ${pick(['texts', 'messages', 'SMS', 'alerts'])} saying ${pick(['action needed on my insurance', 'there is an insurance issue', 'I need to take action'])}.`,
      () => `Received like ${int(8, 15)} ${pick(['messages', 'texts', 'msgs'])} last night from you about the same thing.`,
      () => `Stop ${pick(['sending me SMS', 'texting me', 'messaging me'])} every ${pick(['30 minutes', 'half hour', '30 min'])}!`,
      () => `Your ${pick(['texts', 'messages', 'alerts'])} woke me up at ${pick(['3am', '2 am', '4:30 in the morning'])}, I got ${int(6, 14)} of them.`,
      () => `Why is my phone ${pick(['buzzing nonstop', 'going off all night', 'blowing up'])} with the prior authorization ${pick(['message', 'notice', 'thing'])}?`,
      () => `${int(10, 14)} ${pick(['msgs', 'texts', 'notifications'])} in one night saying there is a problem with my coverage. Seriously?`,
      () => `I have been ${pick(['spammed', 'bombarded', 'flooded'])} all night by your pharmacy.`,
      () => `Same ${pick(['alert', 'notice', 'warning'])} over and over about ${pick([M(), pick(MYMEDS)])}, it never ${pick(['stops', 'ends'])}.`,
      () => `Every half hour another ${pick(['notification', 'ping', 'message'])} that I need to contact my doctor.`,
      () => `Is something broken? I have a ${pick(['dozen', 'bunch of', 'ton of'])} identical messages from Dosewell.`,
      () => `Please make the ${pick(['reminders', 'notifications', 'texts'])} stop, it's ${pick(['harassment', 'ridiculous', 'too much'])} at this point.`,
      () => `How do I turn off the ${pick(['insurance', 'prior auth', 'action required'])} ${pick(['alerts', 'messages'])}? I got them all night long.`,
      () => `My ${pick(['mom', 'dad', 'grandmother'])} showed me her phone, ${int(9, 14)} messages from you overnight.`,
    ],
    extra: [
      () => `I replied STOP and now I don't get anything.`, () => `What do I actually need to do?`,
      () => `My elderly mom got them too and was scared.`, () => `I'm thinking about switching pharmacies.`,
    ],
    tags: ['SMS', 'Notifications', 'Complaint'],
    topic: ['Notifications', 'Notifications', 'Other', 'Insurance'],
  },
  {
    key: 'stuck_waiting_insurance', count: 27,
    spikes: [
      { from: '2026-08-27T11:00:00Z', to: '2026-08-29T20:00:00Z', n: 15 },
      { from: '2026-06-18T10:00:00Z', to: '2026-06-19T20:00:00Z', n: 5 },
    ],
    subjects: ['Order status', 'Refill pending', 'Where is my refill', 'Still processing', 'Help'],
    core: [
      () => `My refill has said "Waiting on insurance" for ${pick(['two days', '2 days', '3 days', 'since Monday'])} now.`,
      () => `Auto refill hasn't gone through and I'm almost out of ${pick([M(), pick(MYMEDS)])}.`,
      () => `The app has shown ${pick(['processing', 'pending', 'in progress'])} since ${pick(['Tuesday', 'Wednesday', 'the weekend', 'yesterday'])}, nothing is moving.`,
      () => `Order is still pending, it never went to ${pick(['shipping', 'the pharmacy', 'packing'])}.`,
      () => `Why is my ${M()} ${pick(['stuck', 'held up', 'not moving'])}? Usually it's done ${pick(['overnight', 'in a day', 'the same day'])}.`,
      () => `Status hasn't ${pick(['updated', 'changed', 'moved'])} since ${pick(['yesterday morning', 'Tuesday', 'two days ago'])}.`,
      () => `It's been ${pick(['48 hours', '2 days', 'over a day'])} and the prescription still says under review with my plan.`,
      () => `${pick(['Hung', 'Stuck', 'Frozen'])} at the insurance step again, can someone push it through?`,
      () => `Nothing has happened with ${pick(['my monthly meds', 'my order', 'my monthly prescription'])}, it just sits there.`,
      () => `I have ${pick(['1 pill', 'two pills', 'one day'])} left and my reorder is frozen.`,
      () => `When will my ${pick(['medication', 'meds', 'prescription'])} actually ${pick(['go out', 'ship', 'be sent'])}? It's been ${pick(['waiting', 'sitting'])} forever.`,
      () => `Is there a problem with my coverage? My ${pick(['refill', 'order'])} has been ${pick(['pending', 'on hold'])} for days.`,
    ],
    extra: [
      () => `My insurance hasn't changed.`, () => `This worked fine last month.`, () => `Should I go to a local pharmacy instead?`,
      () => `Please call me.`, () => `I leave for a trip on Friday.`,
    ],
    tags: ['Order status', 'Pharmacy', 'Insurance'],
    topic: ['Order status', 'Insurance', 'Pharmacy'],
  },
  {
    key: 'told_denied_but_covered', count: 16,
    spikes: [
      { from: '2026-10-14T18:30:00Z', to: '2026-10-17T22:00:00Z', n: 10, variants: [0, 1, 2, 3, 4, 5] },
      { from: '2026-06-20T12:00:00Z', to: '2026-07-15T22:00:00Z', n: 6, variants: [6, 7, 8] },
    ],
    subjects: ['Insurance denied?', 'Coverage', 'Wrong denial', 'refund cash price'],
    core: [
      () => `The app said my plan refused to cover ${pick([M(), pick(MYMEDS)])} but it has always been covered.`,
      () => `It told me ${pick(['coverage denied', 'not covered', 'plan declined'])} so I ${pick(['paid the cash price', 'paid cash', 'just paid it myself'])}, and now my ${pick(['insurer', 'insurance portal', 'EOB'])} shows ${pick(['the claim as paid', 'it was paid', 'they covered it'])}??`,
      () => `I called ${pick(['Crestline', 'my insurance', 'Blue Cross', 'my PBM'])} and they said it was approved. Your ${pick(['site', 'app'])} says declined.`,
      () => `Why does it say my insurance won't pay? Nothing changed with my ${pick(['benefits', 'plan', 'job'])}.`,
      () => `Got a message that my ${pick(['prescription', 'medicine', 'refill'])} is not covered. That's ${pick(['wrong', 'not true', 'a mistake'])}.`,
      () => `Paid ${pick(['full price', 'out of pocket', '$90 cash'])} because you said insurance said no, I want that money back.`,
      () => `Rejected as "refill too soon" but my last fill was ${pick(['30 days', 'a month', '5 weeks'])} ago.`,
      () => `My plan says I already got this month's supply. I ${pick(['did not', 'didn\'t', 'never did'])}!`,
      () => `Insurance is counting a ${pick(['fill', 'refill', 'bottle'])} I never received and now blocks the real one.`,
    ],
    extra: [
      () => `Please re-run it through my insurance.`, () => `This is the second time.`, () => `I can send my member ID.`,
    ],
    tags: ['Insurance', 'Billing', 'Pharmacy'],
    topic: ['Insurance', 'Insurance', 'Billing'],
  },
  {
    key: 'video_visit', count: 18,
    spikes: [{ from: '2026-06-05T15:50:00Z', to: '2026-06-06T23:00:00Z', n: 8 }],
    subjects: ['Appointment', 'Video visit', 'Telehealth not working', 'Missed my consult'],
    core: [
      () => `My video visit never connected, I sat in the waiting room for 25 minutes.`,
      () => `The doctor didn't show up for my telehealth appointment.`,
      () => `Camera screen just spins when I try to join the consult.`,
      () => `I was stuck in the lobby and then it said the visit ended.`,
      () => `Can't get into my online appointment, keeps timing out.`,
      () => `Clinician says she was waiting for me but I was in the room the whole time.`,
    ],
    extra: [() => `Do I still get charged for the visit?`, () => `Please rebook me.`, () => `Using Chrome on a laptop.`],
    tags: ['Telehealth', 'Bug'],
    topic: ['Telehealth', 'Other'],
  },
  {
    key: 'login_codes', count: 14,
    spikes: [{ from: '2026-08-15T11:10:00Z', to: '2026-08-16T20:00:00Z', n: 9 }],
    subjects: ['Cant log in', 'verification code', 'Login', 'code not working'],
    core: [
      () => `I got 5 login codes by text and none of them work.`,
      () => `Verification code says invalid every time.`,
      () => `I never receive the sign in code on my phone.`,
      () => `Locked out, the 6 digit code keeps expiring.`,
      () => `Keep getting new codes texted to me but the app rejects them.`,
    ],
    extra: [() => `I need to check my order.`, () => `Tried 3 times.`, () => `My number hasn't changed.`],
    tags: ['Account', 'Login'],
    topic: ['Account'],
  },
  {
    key: 'package_delivery', count: 19,
    spikes: [],
    subjects: ['Package', 'Delivery', 'Tracking', 'Late shipment', 'Where is my order'],
    core: [
      () => `Tracking says delivered but there is no package at my door.`,
      () => `My box is 4 days late, UPS tracking hasn't moved.`,
      () => `Carrier left my medication at the wrong address.`,
      () => `The parcel arrived crushed and the bottle was open.`,
      () => `Shipment has been "in transit" since last week.`,
      () => `The cold pack was warm when my insulin arrived.`,
      () => `USPS returned my package to sender, why?`,
    ],
    extra: [() => `I need it before the weekend.`, () => `Can you send a replacement?`, () => `Apartment 4B, buzzer is broken.`],
    tags: ['Shipping', 'Order status'],
    topic: ['Shipping', 'Order status'],
  },
];
// Noise: one-off conversations, each its own thing (some reuse cluster words on purpose).
const NOISE = [
  `How much will I be charged for a 90 day supply instead of 30?`,
  `Can I change the date my refill ships each month?`,
  `Please update my address, I moved to 1420 Elm St.`,
  `Do you carry the generic version of Synthroid?`,
  `I need an itemized receipt for my HSA for last year.`,
  `Is it safe to take ibuprofen with lisinopril?`,
  `Can my daughter manage my account for me?`,
  `Just wanted to say the pharmacist Dana was super helpful, thank you!`,
  `How do I transfer a prescription from CVS to you?`,
  `My new insurance card photo won't upload.`,
  `Do you ship to Puerto Rico?`,
  `Can I pause auto refill while I'm traveling for 2 months?`,
  `The pill bottles are hard to open, can I get non-childproof caps?`,
  `Will you text me when my doctor sends the new prescription?`,
  `Can I pay with two different cards?`,
  `Dark mode for the app would be nice.`,
  `My doctor changed my dose from 10mg to 20mg, what do I do?`,
  `Do you accept Medicare Part D plans?`,
  `How do I delete my account and data?`,
  `I got someone else's packing slip in my box.`,
  `Is there a discount if I pay cash without insurance?`,
];

// ---------- dates ----------
const WINDOW_FROM = Date.parse('2026-06-01T12:00:00Z');
const WINDOW_TO = Date.parse('2026-11-29T23:00:00Z');
const randTime = (from, to) => Math.floor((from + rnd() * (to - from)) / 1000);
// skew to daytime US hours
function daytime(ts) {
  const d = new Date(ts * 1000);
  const h = d.getUTCHours();
  if (h >= 4 && h < 12 && chance(0.7)) d.setUTCHours(h + 8);
  return Math.floor(d.getTime() / 1000);
}

// ---------- build ----------
let convSeq = 215400180000;
let partSeq = 31870000000;
let contactSeq = 0;
const convs = [];
const truth = {};

function person() {
  const f = pick(FIRST), l = pick(LAST);
  const email = `${f}.${l}${chance(0.5) ? int(1, 99) : ''}@${pick(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com', 'hotmail.com'])}`.toLowerCase();
  contactSeq += 1;
  return { type: 'user', id: (0x64f1a000 + contactSeq * 7919).toString(16) + 'c0ffee' + String(contactSeq).padStart(4, '0'), name: chance(0.85) ? `${f} ${l}` : f, email };
}

function makeConv({ created, body, subject, tags, topic, level }) {
  const author = person();
  const admin = pick(ADMINS);
  const emailChannel = chance(0.35);
  const id = String(convSeq += int(3, 900));
  const t1 = created + int(300, 60 * 60 * 20);
  const t2 = t1 + int(600, 60 * 60 * 30);
  const parts = [];
  const reply = pick([
    `Hi ${author.name.split(' ')[0]}, thanks for reaching out! I'm looking into this now.`,
    `Thanks for letting us know. I've passed this to our pharmacy team and we'll update you here.`,
    `Sorry about this! Could you confirm your date of birth so I can pull up your account?`,
    `Thank you for your patience, I've escalated this to the right team.`,
  ]);
  parts.push({ type: 'conversation_part', id: String(partSeq += int(1, 50)), part_type: 'comment', body: `<p>${reply}</p>`, created_at: t1, updated_at: t1, notified_at: t1, assigned_to: null, author: { id: admin.id, type: 'admin', name: admin.name, email: admin.email }, attachments: [], external_id: null, redacted: false });
  if (chance(0.3)) {
    const fu = pick([`ok thanks`, `Any update?`, `Still waiting on this.`, `Thank you!!`, `I sent the info by email.`]);
    parts.push({ type: 'conversation_part', id: String(partSeq += int(1, 50)), part_type: 'comment', body: `<p>${fu}</p>`, created_at: t1 + 3600, updated_at: t1 + 3600, notified_at: t1 + 3600, assigned_to: null, author: { id: author.id, type: 'user', name: author.name, email: author.email }, attachments: [], external_id: null, redacted: false });
  }
  parts.push({ type: 'conversation_part', id: String(partSeq += int(1, 50)), part_type: 'close', body: chance(0.5) ? `<p>Closing this for now, just reply if you need anything else.</p>` : null, created_at: t2, updated_at: t2, notified_at: t2, assigned_to: null, author: { id: admin.id, type: 'admin', name: admin.name, email: admin.email }, attachments: [], external_id: null, redacted: false });
  const tagObjs = tags.map((name) => ({ type: 'tag', id: String(7700000 + [...name].reduce((a, c) => a + c.charCodeAt(0) * 31, 0)), name, applied_at: t1, applied_by: { type: 'admin', id: admin.id } }));
  return {
    type: 'conversation',
    id,
    title: emailChannel ? subject : null,
    created_at: created,
    updated_at: t2,
    waiting_since: null,
    snoozed_until: null,
    open: false,
    state: 'closed',
    read: true,
    priority: 'not_priority',
    admin_assignee_id: Number(admin.id),
    team_assignee_id: 4410027,
    tags: { type: 'tag.list', tags: tagObjs },
    conversation_rating: chance(0.25) ? { rating: int(1, 5), remark: null, created_at: t2 + 120, contact: { type: 'contact', id: author.id }, teammate: { type: 'admin', id: admin.id } } : null,
    source: {
      type: emailChannel ? 'email' : 'conversation',
      id: String(1900000000 + int(0, 99999999)),
      delivered_as: 'customer_initiated',
      subject: emailChannel ? subject : '',
      body: body,
      author,
      attachments: [],
      url: emailChannel ? null : pick(['https://app.dosewell.com/orders', 'https://app.dosewell.com/account', null, null]),
      redacted: false,
    },
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: author.id, external_id: `pt_${int(100000, 999999)}` }] },
    teammates: { type: 'admin.list', admins: [{ type: 'admin', id: admin.id }] },
    custom_attributes: { Topic: topic, 'Channel detail': emailChannel ? 'Email' : pick(['iOS app', 'Android app', 'Web chat']), 'Escalated to pharmacy': chance(0.3) },
    first_contact_reply: { created_at: created, type: emailChannel ? 'email' : 'conversation', url: null },
    sla_applied: null,
    statistics: { type: 'conversation_statistics', time_to_assignment: 0, time_to_admin_reply: t1 - created, time_to_first_close: t2 - created, first_contact_reply_at: created, first_admin_reply_at: t1, first_close_at: t2, last_close_at: t2, count_reopens: 0, count_assignments: 1, count_conversation_parts: parts.length },
    conversation_parts: { type: 'conversation_part.list', conversation_parts: parts, total_count: parts.length },
  };
}

for (const c of CLUSTERS) {
  truth[c.key] = 0;
  const times = [];
  for (const s of c.spikes) for (let i = 0; i < s.n; i++) times.push({ ts: randTime(Date.parse(s.from), Date.parse(s.to)), variants: s.variants });
  const [sf, st] = c.scatter ? c.scatter.map(Date.parse) : [WINDOW_FROM, WINDOW_TO];
  while (times.length < c.count) times.push({ ts: daytime(randTime(sf, st)) });
  times.forEach(({ ts, variants }, i) => {
    const coreIdx = variants ? pick(variants) : (variants === undefined ? (i + int(0, c.core.length - 1)) % c.core.length : 0);
    const paras = [];
    const level = rnd();
    if (chance(0.4)) paras.push(pick(['Hi,', 'Hello', 'Hey there', 'Good morning,', 'Hi Dosewell team']));
    const main = [roughen(c.core[coreIdx](), level)];
    if (chance(0.6)) main.push(roughen(pick(c.extra)(), level));
    paras.push(main.join(' '));
    if (chance(0.3)) paras.push(pick(['Thanks', 'Thank you', '- sent from my iPhone', 'Regards,', 'thx']));
    convs.push(makeConv({ created: ts, body: html(paras), subject: pick(c.subjects), tags: chance(0.75) ? [pick(c.tags)] : [], topic: pick(c.topic), level }));
    truth[c.key] += 1;
  });
}
truth.noise = 0;
for (const n of NOISE) {
  const level = rnd() * 0.6;
  convs.push(makeConv({ created: daytime(randTime(WINDOW_FROM, WINDOW_TO)), body: html([roughen(n, level)]), subject: n.split(' ').slice(0, 4).join(' '), tags: chance(0.5) ? [pick(['General', 'Pharmacy', 'Account', 'Feedback'])] : [], topic: pick(['Other', 'Pharmacy', 'Account']), level }));
  truth.noise += 1;
}

convs.sort((a, b) => b.updated_at - a.updated_at); // Intercom lists by updated_at desc by default
// ids must still look sequential by creation: reassign in creation order
const byCreated = [...convs].sort((a, b) => a.created_at - b.created_at);
let idc = 215400180000;
for (const c of byCreated) c.id = String(idc += 1 + Math.floor(rnd() * 700));

const out = { type: 'conversation.list', pages: { type: 'pages', page: 1, per_page: 250, total_pages: 1 }, total_count: convs.length, conversations: convs };
const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, 'intercom-conversations-export.json'), JSON.stringify(out, null, 2) + '\n');
const first = new Date(byCreated[0].created_at * 1000).toISOString();
const last = new Date(byCreated[byCreated.length - 1].created_at * 1000).toISOString();
console.log(JSON.stringify({ total: convs.length, first, last, ...truth }, null, 1));
