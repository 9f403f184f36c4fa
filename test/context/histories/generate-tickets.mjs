#!/usr/bin/env node
// Writes the support tickets of the accuracy histories deterministically (fixed-seed PRNG), so the
// EXPECTED counts are known by construction. Re-running rewrites the same bytes.
//   node test/context/histories/generate-tickets.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

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

/** Tickets of one history: each pattern's count, drawn from its titles × bodies, dated in its range. */
function generate(seed, prefix, patterns) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const day = (from, to) => {
    const a = Date.parse(from);
    const b = Date.parse(to);
    return new Date(a + Math.floor(rand() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
  };
  const fill = (s) => s.replaceAll('{ID}', String(int(10000, 99999))).replaceAll('{n}', String(int(3, 19))).replaceAll('{m}', String(int(25, 90)));
  const out = [];
  for (const p of patterns) {
    for (let i = 0; i < p.count; i += 1) {
      const k = p.unique ? i % p.titles.length : -1;
      out.push({
        title: fill(k >= 0 ? p.titles[k] : pick(p.titles)),
        body: fill(k >= 0 ? p.bodies[k % p.bodies.length] : pick(p.bodies)),
        created: day(p.from, p.to),
        tags: p.tags,
      });
    }
  }
  out.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  return out.map((t, i) => ({ id: `${prefix}-${1000 + i}`, ...t }));
}

const csvCell = (s) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
function writeCsv(file, header, rows) {
  writeFileSync(file, `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
}

// --- courier-dispatch: Freshdesk CSV ------------------------------------------------------------
const courier = generate(150201, 'FD', [
  {
    count: 34, from: '2024-08-01', to: '2025-06-28', tags: 'orders',
    titles: ['Order stuck in "searching for courier"', 'Still no driver for my order', 'Waiting over an hour for a courier', 'Nobody picked up my groceries', 'Order #{ID} not assigned to anyone'],
    bodies: [
      'My order #{ID} has said searching for courier for {m} minutes. Is anyone coming?',
      'The app still shows no courier assigned to order #{ID}, my frozen food is melting.',
      'Paid {m} minutes ago and the order is still waiting for a courier. Please assign someone.',
      'Order #{ID} is stuck, no driver has been assigned and the store says it is packed and waiting for pickup.',
    ],
  },
  {
    count: 24, from: '2024-09-01', to: '2025-06-20', tags: 'orders;couriers',
    titles: ['Two couriers came for one order', 'Second driver showed up', 'Two drivers for the same order', 'Why did two couriers arrive?'],
    bodies: [
      'Two different couriers rang my bell for order #{ID} within five minutes of each other.',
      'A second driver arrived for the same order #{ID} after I already had my groceries.',
      'Order #{ID} was delivered by one courier and then another courier came with nothing to deliver.',
    ],
  },
  {
    count: 18, from: '2025-03-25', to: '2025-06-25', tags: 'courier-app',
    titles: ['Too many notifications in courier app', 'Phone buzzing nonstop with offers', 'Got {n} pushes for one order', 'Notification spam from the courier app'],
    bodies: [
      'As a courier I got {n} push notifications for the same order offer in two minutes.',
      'The courier app keeps pushing the same offer again and again, {n} notifications for one order.',
      'I had to mute the courier app, it sent the same order offer notification {n} times.',
    ],
  },
  {
    count: 22, from: '2024-07-10', to: '2025-06-26', tags: 'refunds',
    titles: ['Missing items in my bag', 'Refund for missing bananas', 'Item missing from delivery', 'Not all items delivered'],
    bodies: [
      'My delivery was missing {n} items, please refund them.',
      'The receipt lists items that were not in the bag. I would like a refund for the missing items.',
      'Two items missing from my delivery, please refund the missing items to my card.',
    ],
  },
  {
    count: 20, from: '2024-07-05', to: '2025-06-29', tags: 'general', unique: true,
    titles: ['Change my delivery address', 'Dark mode please', 'Cannot reset password', 'Invoice for my company', 'Delete my account', 'Add oat milk to the catalogue', 'Promo code not accepted', 'How do I tip?', 'App crashes on Android 9', 'Change language to Spanish'],
    bodies: ['I moved; how do I change my saved address?', 'Please add a dark theme to the app.', 'The reset email never arrives.', 'We need a VAT invoice for our office orders.', 'Please delete my account and data.', 'Would love oat milk in the catalogue.', 'Code SPRING10 says invalid.', 'Where is the tip button?', 'The app closes when I open the basket.', 'Can the app be in Spanish?'],
  },
]);
writeCsv(join(here, 'courier-dispatch/tickets/freshdesk-export.csv'), ['Ticket Id', 'Subject', 'Description', 'Created Time', 'Tags'], courier.map((t) => [t.id, t.title, t.body, t.created, t.tags]));

// --- campaign-sender: Help Scout JSON ------------------------------------------------------------
const campaign = generate(150202, 'HS', [
  {
    count: 40, from: '2025-01-14', to: '2025-06-25', tags: ['email'],
    titles: ['Got the same email twice', 'Duplicate newsletter', 'Why two copies of your sale email?', 'Received your campaign twice'],
    bodies: [
      'I received the same promotional email twice this morning.',
      'Your newsletter arrived twice in my inbox, identical copies.',
      'Got two identical copies of the sale email, please fix your mailing.',
    ],
  },
  {
    count: 26, from: '2025-02-01', to: '2025-06-28', tags: ['privacy'],
    titles: ['I unsubscribed but still get emails', 'Unsubscribe does not work', 'Still receiving marketing after opting out', 'Stop emailing me'],
    bodies: [
      'I clicked unsubscribe weeks ago and you still send me marketing emails.',
      'I opted out of your newsletter but keep receiving campaigns. This is against GDPR.',
      'The unsubscribe link does nothing, I still get your offers.',
    ],
  },
  {
    count: 25, from: '2025-01-03', to: '2025-06-29', tags: ['orders'],
    titles: ['Where is my parcel?', 'Delivery late', 'Order not arrived', 'Tracking not updating'],
    bodies: [
      'My parcel has not arrived and tracking has not updated for {n} days.',
      'Order {ID} was due last week and still has not been delivered.',
      'The tracking page for my parcel has shown in transit for {n} days.',
    ],
  },
  {
    count: 20, from: '2025-01-02', to: '2025-06-29', tags: ['general'], unique: true,
    titles: ['Change password', 'Gift card balance', 'Size guide wrong', 'Cancel order', 'Invoice copy', 'Student discount', 'Wishlist gone', 'App login loop', 'Return label', 'Change email address'],
    bodies: ['How do I change my password?', 'How much is left on my gift card?', 'The size guide says M but it fits like S.', 'Please cancel order before it ships.', 'I need a copy of my invoice.', 'Do you have a student discount?', 'My wishlist is empty now.', 'The app keeps sending me back to login.', 'Where do I print the return label?', 'I want to change my account email.'],
  },
]);
writeFileSync(
  join(here, 'campaign-sender/tickets/helpscout.json'),
  `${JSON.stringify({ tickets: campaign.map((t) => ({ id: t.id, title: t.title, body: t.body, created_at: `${t.created}T10:00:00Z`, tags: t.tags })) }, null, 2)}\n`,
);

// --- claims-webhooks: Zendesk CSV ----------------------------------------------------------------
const claims = generate(150203, 'ZD', [
  {
    count: 30, from: '2024-09-01', to: '2025-06-28', tags: '',
    titles: ['Claim shows older status at our garage', 'Status went back from approved to under review', 'Wrong claim status in our system', 'Claim {ID} status out of date'],
    bodies: [
      'Our garage system shows claim {ID} as under review although your portal says approved.',
      'The claim status flipped back from approved to under review in our workshop software.',
      'We received the approved status and then the older under review status for claim {ID}.',
    ],
  },
  {
    count: 28, from: '2025-03-20', to: '2025-06-28', tags: '',
    titles: ['Same claim booked twice at our clinic', 'Duplicate booking for claim {ID}', 'We got the claim twice', 'Double appointment created'],
    bodies: [
      'Claim {ID} arrived twice and our clinic booked two appointments for the patient.',
      'Our booking system created a duplicate appointment for the same claim.',
      'The same claim came in twice from your callback, we now have two bookings.',
    ],
  },
  {
    count: 24, from: '2024-07-05', to: '2025-06-25', tags: '',
    titles: ['When will my claim be paid?', 'Claim payout timing', 'No payout yet for my claim', 'Payout delayed'],
    bodies: [
      'My claim was approved {n} days ago, when will the payout reach my account?',
      'I am still waiting for the payout on my approved claim.',
      'How long does the payout take after approval? It has been {n} days.',
    ],
  },
  {
    count: 20, from: '2024-07-02', to: '2025-06-29', tags: '', unique: true,
    titles: ['Update bank details', 'Add a driver to my policy', 'Policy documents', 'Change of address', 'Renewal price', 'Cancel policy', 'Green card request', 'Excess amount', 'Login problems', 'Windscreen cover'],
    bodies: ['How do I change my bank account?', 'I want to add my son as a driver.', 'Please resend my policy documents.', 'We moved house.', 'Why did my renewal go up?', 'Please cancel my policy at renewal.', 'I need a green card for a trip.', 'What is my excess?', 'I cannot log in to the portal.', 'Is windscreen damage covered?'],
  },
]);
writeCsv(join(here, 'claims-webhooks/tickets/zendesk.csv'), ['Id', 'Subject', 'Description', 'Created at'], claims.map((t) => [t.id, t.title, t.body, t.created]));
