#!/usr/bin/env node
// Generates the example support tickets deterministically (fixed-seed PRNG): a Zendesk-style CSV
// export and a JSON file of chat escalations. Re-running rewrites the same bytes.
//   node examples/context/generate-tickets.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** mulberry32: tiny, fast, good enough for sample data. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20241231);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const day = (from, to) => {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return new Date(a + Math.floor(rand() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
};
const fill = (s) =>
  s
    .replaceAll('{INV}', `INV-${int(10000, 99999)}`)
    .replaceAll('{n}', String(int(3, 14)))
    .replaceAll('{d}', String(int(2, 6)));

const patterns = [
  {
    count: 92,
    from: '2024-01-05',
    to: '2024-12-28',
    tags: 'billing;payments',
    titles: [
      'Charged but invoice shows failed',
      'Payment shows failed but I was charged',
      'Invoice says unpaid but my payment went through',
      'Payment status says failed, bank says paid',
      'Wrong payment status on invoice {INV}',
    ],
    bodies: [
      'My bank shows the payment for invoice {INV} went through but the invoice page says the payment failed. Which one is right?',
      'The payment status on {INV} says failed, yet the money left my account yesterday. Please check the status with your gateway.',
      'Invoice {INV} still shows the payment as failed although my card was charged. The status is wrong.',
    ],
  },
  {
    count: 61,
    from: '2024-02-01',
    to: '2024-12-20',
    tags: 'billing;refund',
    titles: ['Charged twice for invoice {INV}', 'Double charge on my card', 'Duplicate payment for the same invoice', 'I was charged twice this month'],
    bodies: [
      'The automatic retry charged my card twice for invoice {INV}. Please refund the duplicate payment.',
      'I see two identical payments for invoice {INV} on my statement. Looks like the payment was retried and charged twice.',
      'Duplicate charge: invoice {INV} was paid twice after your system retried the payment.',
    ],
  },
  {
    count: 47,
    from: '2024-04-20',
    to: '2024-11-30',
    tags: 'notifications',
    titles: ['Received {n} SMS for the same payment', 'Too many payment reminder emails', 'Stop the SMS spam about my invoice', 'Same payment SMS every hour'],
    bodies: [
      'I get an SMS every time the payment is retried. I received {n} messages about invoice {INV} today.',
      'Your system sends a payment reminder email on each retry attempt. That is {n} emails for one invoice.',
      'Please stop: {n} SMS notifications about the same failed payment for invoice {INV}.',
    ],
  },
  {
    count: 38,
    from: '2024-08-01',
    to: '2024-12-29',
    tags: 'payments',
    titles: ['Payment stuck in processing', 'Invoice payment pending for {d} days', 'Payment processing forever', 'Payment still pending after {d} days'],
    bodies: [
      'My payment for invoice {INV} has been stuck in processing for {d} days. Can you check with the gateway?',
      'Invoice {INV}: the payment is still pending after {d} days and I cannot pay again.',
      'The payment page shows processing for invoice {INV} since last week.',
    ],
  },
];

const noise = [
  ['How do I change my password', 'I forgot my password and the reset link expired.'],
  ['Add a team member', 'How can I invite a colleague to our workspace?'],
  ['Download invoice as PDF', 'Where can I download invoice {INV} as a PDF for our accountant?'],
  ['Update billing address', 'We moved offices; how do I update the address printed on our invoices?'],
  ['Change plan to annual', 'We want to switch to the annual plan next month.'],
  ['Cancel subscription', 'Please cancel our subscription at the end of the term.'],
  ['API rate limit question', 'What is the rate limit of the reporting API?'],
  ['Dark mode request', 'Would love a dark mode for the dashboard.'],
  ['Export data to CSV', 'Is there a way to export all customers to CSV?'],
  ['VAT number on invoice', 'Please add our VAT number to invoice {INV}.'],
  ['Login with Google not working', 'The Google sign-in button shows an error.'],
];

const tickets = [];
for (const p of patterns) {
  for (let i = 0; i < p.count; i += 1) {
    tickets.push({ title: fill(pick(p.titles)), body: fill(pick(p.bodies)), created_at: day(p.from, p.to), tags: p.tags });
  }
}
for (let i = 0; i < 190; i += 1) {
  const [title, body] = pick(noise);
  tickets.push({ title, body: fill(body), created_at: day('2023-10-01', '2024-12-30'), tags: 'general' });
}
// Interleave deterministically, then number in creation order like a real tracker.
for (let i = tickets.length - 1; i > 0; i -= 1) {
  const j = Math.floor(rand() * (i + 1));
  [tickets[i], tickets[j]] = [tickets[j], tickets[i]];
}
tickets.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
tickets.forEach((t, i) => {
  t.id = `TKT-${4000 + i * 7}`;
});

const csvCell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const chat = tickets.filter((_, i) => i % 6 === 5);
const csvRows = tickets.filter((_, i) => i % 6 !== 5);
const csv = [
  'Ticket ID,Subject,Description,Created At,Tags',
  ...csvRows.map((t) => [t.id, t.title, t.body, t.created_at, t.tags].map(csvCell).join(',')),
].join('\n');
writeFileSync(join(here, 'tickets', 'zendesk-export.csv'), `${csv}\n`);
const json = chat.map((t) => ({ id: t.id, title: t.title, body: t.body, created_at: `${t.created_at}T09:30:00Z`, tags: t.tags.split(';') }));
writeFileSync(join(here, 'tickets', 'chat-escalations.json'), `${JSON.stringify(json, null, 2)}\n`);
console.log(`wrote ${csvRows.length} CSV tickets and ${chat.length} JSON tickets`);
