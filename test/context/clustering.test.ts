import { describe, expect, it } from 'vitest';
import { clusterTickets, DEFAULT_CLUSTERING, type Ticket } from '../../src/context/index.js';

const ticket = (id: string, title: string, body = '', createdAt = '2024-05-01'): Ticket => ({ id, title, body, createdAt, tags: [], source: 't.csv' });

const KNOWN: Ticket[] = [
  ticket('T-01', 'Charged twice for my invoice', 'The retry charged my card twice'),
  ticket('T-02', 'Double charge on card', 'I was charged twice for one invoice'),
  ticket('T-03', 'Charged twice this month', 'Two identical charges, charged twice'),
  ticket('T-04', 'Received 12 SMS for one payment', 'SMS every time you retry'),
  ticket('T-05', 'Too many SMS messages', 'I get an SMS on every retry'),
  ticket('T-06', 'Stop the SMS spam', 'SMS spam about my payment'),
  ticket('T-07', 'How do I reset my password', 'Password reset link expired'),
  ticket('T-08', 'Dark mode please', 'Would love dark mode'),
];

describe('clusterTickets', () => {
  it('groups tickets about the same problem and drops one-offs', () => {
    const clusters = clusterTickets(KNOWN);
    expect(clusters.map((c) => c.tickets.map((t) => t.id).sort())).toEqual([
      ['T-01', 'T-02', 'T-03'],
      ['T-04', 'T-05', 'T-06'],
    ]);
    // synonyms are written as their group's first word (rules/context/vocabulary.yaml): twice → duplicate, sms → notification
    expect(clusters[0]?.keyTerms).toContain('duplicate');
    expect(clusters[1]?.keyTerms[0]).toBe('notification');
  });

  it('does not depend on input order', () => {
    const a = clusterTickets(KNOWN);
    const b = clusterTickets([...KNOWN].reverse());
    expect(b).toEqual(a);
  });

  it('respects minClusterSize and similarity', () => {
    expect(clusterTickets(KNOWN, { minClusterSize: 4 })).toEqual([]);
    expect(clusterTickets(KNOWN, { similarity: 0.99 })).toEqual([]);
  });

  // How long this takes is measured by `npm run bench` (context clustering), not asserted here.
  it('clusters thousands of tickets into their topics', () => {
    const topics = [
      ['charged twice', 'double charge refund duplicate'],
      ['payment stuck processing', 'pending for days gateway'],
      ['sms spam', 'too many notifications retry'],
      ['status wrong', 'shows failed but paid bank'],
      ['password reset', 'login link expired'],
    ];
    const many: Ticket[] = [];
    for (let i = 0; i < 5000; i += 1) {
      const [title, body] = topics[i % topics.length] as [string, string];
      many.push(ticket(`T-${String(i).padStart(5, '0')}`, `${title} ${i % 7}`, `${body} invoice ${i % 13}`, `2024-0${1 + (i % 9)}-1${i % 10}`));
    }
    const clusters = clusterTickets(many);
    expect(clusters).toHaveLength(5);
    expect(clusters.every((c) => c.tickets.length === 1000)).toBe(true);
  });

  it('puts each of thousands of loosely related tickets in one cluster at most', () => {
    const words = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango'.split(' ');
    const many: Ticket[] = [];
    for (let i = 0; i < 4000; i += 1) {
      const pick = (k: number) => `${words[(i * 7 + k * 13) % words.length]}${(i * 31 + k) % 997}`;
      many.push(ticket(`U-${String(i).padStart(5, '0')}`, `${pick(1)} ${pick(2)} ${pick(3)}`, `${pick(4)} ${pick(5)} ${pick(6)} ${pick(7)}`));
    }
    const clusters = clusterTickets(many);
    const ids = clusters.flatMap((c) => c.tickets.map((t) => t.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(clusters.every((c) => c.tickets.length >= DEFAULT_CLUSTERING.minClusterSize)).toBe(true);
  });
});
