import { describe, expect, it } from 'vitest';
import { clusterTickets, DEFAULT_CLUSTERING, parseIncidentsDocument, parseManifold, type Ticket } from '../../src/context/index.js';
import { analyzeIncidents } from '../../src/context/analysis/incident-analysis.js';
import { analyzeTickets } from '../../src/context/analysis/ticket-patterns.js';
import { burstStart, burstWindows, coBursting, namesItsOwnThing, waves, wavesBeganTogether } from '../../src/context/analysis/ticket-clustering.js';
import { buildTfIdf } from '../../src/context/analysis/tfidf.js';
import { canonicalSynonyms, ticketStopwords } from '../../src/context/vocabulary/context-vocabulary.js';

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

describe('clusterTickets: one cause worded many ways arrives in one burst', () => {
  const wordings = (dates: readonly string[]): Ticket[] => [
    ticket('A-1', 'Copay charged twice', 'My bank shows my card was charged twice for my copay', dates[0]),
    ticket('A-2', 'Copay charged twice', 'Card charged twice for the copay, please refund', dates[1]),
    ticket('A-3', 'Copay charged twice on my card', 'You charged my card twice for a copay, my bank shows it', dates[2]),
    ticket('B-1', 'Copay money taken again', 'You took the money for my copay again, please refund', dates[3]),
    ticket('B-2', 'Copay money taken again', 'The bank shows you took the copay money again', dates[4]),
    ticket('B-3', 'Took my copay money again', 'Money taken from my bank again for one copay, please refund', dates[5]),
    ticket('N-1', 'Password reset', 'The reset link expired', '2024-01-15'),
    ticket('N-2', 'Dark mode', 'Would love dark mode', '2024-03-15'),
    ticket('N-3', 'Gift card', 'How much is left on my gift card', '2024-11-15'),
  ];

  it('merges clusters that share a word and burst in the same days', () => {
    const burst = clusterTickets(wordings(['2024-08-03', '2024-08-03', '2024-08-04', '2024-08-04', '2024-08-05', '2024-08-06']));
    expect(burst.map((c) => c.tickets.map((t) => t.id).sort())).toEqual([['A-1', 'A-2', 'A-3', 'B-1', 'B-2', 'B-3']]);
  });

  it('leaves them apart when the same tickets are spread over the year', () => {
    // a refill and a copay question share "copay" and "bank" but no idea: only a shared burst joins them
    const apart = (dates: readonly string[]): Ticket[] => [
      ticket('A-1', 'Copay charged twice', 'My bank shows my card was charged twice for my copay', dates[0]),
      ticket('A-2', 'Copay charged twice', 'Card charged twice for the copay, please refund', dates[1]),
      ticket('A-3', 'Copay charged twice on my card', 'You charged my card twice for a copay, my bank shows it', dates[2]),
      ticket('B-1', 'Copay amount on my bank', 'Which copay amount will my bank see for my card', dates[3]),
      ticket('B-2', 'Copay amount on my bank', 'My bank asks which copay amount to expect on my card', dates[4]),
      ticket('B-3', 'Which copay amount', 'What copay amount does my bank see on the card', dates[5]),
    ];
    const spread = clusterTickets(apart(['2024-02-03', '2024-04-03', '2024-06-04', '2024-07-04', '2024-09-05', '2024-12-06']));
    expect(spread.map((c) => c.tickets.map((t) => t.id).sort())).toEqual([
      ['A-1', 'A-2', 'A-3'],
      ['B-1', 'B-2', 'B-3'],
    ]);
  });

  it('joins the wordings of one cause by the ideas they share, whenever they were written', () => {
    // "took the money again" and "charged twice" share no word but `twice` and `charge`
    const spread = clusterTickets(wordings(['2024-02-03', '2024-04-03', '2024-06-04', '2024-07-04', '2024-09-05', '2024-12-06']));
    expect(spread.map((c) => c.tickets.map((t) => t.id).sort())).toEqual([['A-1', 'A-2', 'A-3', 'B-1', 'B-2', 'B-3']]);
  });

  it('finds the bursts of two waves of one cause, and clusters that came in the same ones', () => {
    expect(burstWindows([40, 100, 101, 102, 160, 161, 162, 250])).toEqual([100, 160]);
    expect(burstWindows([100, 130, 160, 190, 220, 250])).toBeUndefined();
    expect(coBursting([100, 101, 160, 161], [102, 103, 162])).toBe(true);
    expect(coBursting([100, 101, 102], [160, 161, 162])).toBe(false);
    // a cluster spread evenly over the year has no burst, so it co-bursts with nothing
    expect(coBursting([100, 130, 160, 190, 220, 250], [100, 130, 160, 190, 220, 250])).toBe(false);
  });

  it('finds the burst of a list of days', () => {
    expect(burstStart([100, 101, 103, 250, 300])).toBe(100);
    expect(burstStart([100, 150, 200, 250])).toBeUndefined();
  });
});

describe('ticket relevance: a burst that follows an incident', () => {
  const manifold = parseManifold('manifold: refill-claims\nentities: [refill, claim]\nsystems: [refill-claims-worker]\nerror_types: [duplicate claim]\n', 'm.yaml');
  const window = { start: new Date('2024-01-01T00:00:00Z'), now: new Date('2024-12-31T00:00:00Z') };
  // customers never say "refill" or "claim": they were charged
  const tickets = ['2024-08-03', '2024-08-03', '2024-08-04', '2024-08-05'].map((d, i) =>
    ticket(`C-${i}`, 'Charged twice', `My bank shows the copay charged twice, not right, please refund ${['today', 'now', 'asap', 'soon'][i]}`, d),
  );
  const incidentOn = (date: string) =>
    analyzeIncidents(
      parseIncidentsDocument(
        `incident_id: INC-1\ndate: ${date}\nseverity: P2\ntitle: Members debited twice for copays\nroot_cause: The refill-claims-worker captured each refill claim copay again.\nsystems: [refill-claims-worker]\n`,
        'i.yaml',
      ),
      manifold,
      window,
      0.6,
      [],
    ).analyzed;

  it('counts a cluster that bursts when a relevant incident happened and shares a word with it', () => {
    const patterns = analyzeTickets(tickets, manifold, window, [], {}, incidentOn('2024-08-03')).patterns;
    expect(patterns.map((p) => p.tickets.length)).toEqual([4]);
  });

  it('does not count the same cluster without such an incident', () => {
    expect(analyzeTickets(tickets, manifold, window, [], {}, incidentOn('2024-03-01')).patterns).toEqual([]);
  });
});

describe('clusterTickets: stragglers', () => {
  const base = [
    ticket('S-1', 'Copay charged twice', 'My bank shows my copay charged twice', '2024-08-03'),
    ticket('S-2', 'Copay charged twice', 'Card charged twice for the copay', '2024-08-03'),
    ticket('S-3', 'Copay charged twice', 'The copay was charged twice on my card', '2024-08-04'),
    ticket('N-1', 'Password reset', 'The reset link expired', '2024-01-15'),
    ticket('N-2', 'Dark mode', 'Would love dark mode', '2024-03-15'),
  ];
  // it shares the word "copay" and the idea `charge` (a refund); outside the burst that is too little
  const straggler = (date: string) => ticket('S-4', 'Refund please', 'Please refund my copay, I need it back', date);

  it('joins the cluster it is most like at the lower burst similarity when written in its burst', () => {
    expect(clusterTickets([...base, straggler('2024-08-05')])[0]?.tickets.map((t) => t.id).sort()).toEqual(['S-1', 'S-2', 'S-3', 'S-4']);
    expect(clusterTickets([...base, straggler('2024-11-05')])[0]?.tickets.map((t) => t.id).sort()).toEqual(['S-1', 'S-2', 'S-3']);
  });
});

describe('clusterTickets: a small group inside one wave of a cause that came twice', () => {
  it('co-bursts with the two-wave cluster it came inside, and not with a one-wave one', () => {
    const twoWaves = [100, 100, 101, 160, 160, 161, 161, 162, 162, 163];
    expect(coBursting(twoWaves, [100, 101, 101])).toBe(true);
    expect(waves(twoWaves)).toEqual([160, 100]);
    // outside both waves
    expect(coBursting(twoWaves, [130, 131, 132])).toBe(false);
    // as large as half the cluster or more: both must show the waves
    expect(coBursting([100, 101, 160, 161, 162, 163], [100, 101, 102, 103])).toBe(false);
    // two tickets are no wave
    expect(coBursting(twoWaves, [100, 250])).toBe(false);
    // a one-wave cluster: the usual rule
    expect(coBursting([100, 100, 101, 101, 102, 103, 200], [160, 161, 162])).toBe(false);
  });
});

describe('clusterTickets: the burst merge leaves out what nearly every ticket says', () => {
  it('keeps two complaints of one burst apart when they share only a common idea', () => {
    const day = (d: number): string => new Date(Date.UTC(2024, 5, d)).toISOString().slice(0, 10);
    const tickets = [
      ...[1, 2, 3, 4].map((d, i) => ticket(`F-${i}`, 'Late fee', `Late fee on my account, payment was taken ${['monday', 'tuesday', 'friday', 'today'][i]}`, day(d))),
      ...[1, 2, 3, 4].map((d, i) => ticket(`R-${i}`, 'No receipt', `No receipt came for the payment ${['monday', 'tuesday', 'friday', 'today'][i]}`, day(d))),
      ...[10, 40, 70, 100, 130, 160, 190].map((d, i) => ticket(`O-${i}`, `Payment question ${i}`, `How do I pay ${['by phone', 'in cash', 'by check', 'at the office', 'by card', 'online', 'by mail'][i]}`, day(d))),
    ];
    const clusters = clusterTickets(tickets).map((c) => c.tickets.map((t) => t.id).sort());
    expect(clusters).toContainEqual(['F-0', 'F-1', 'F-2', 'F-3']);
    expect(clusters).toContainEqual(['R-0', 'R-1', 'R-2', 'R-3']);
    // compared on every term, `charge` and "payment" alone make them one complaint
    const withCommon = clusterTickets(tickets, { burstCommonShare: 1 }).map((c) => c.tickets.map((t) => t.id).sort());
    expect(withCommon).toContainEqual(['F-0', 'F-1', 'F-2', 'F-3', 'R-0', 'R-1', 'R-2', 'R-3']);
  });
});

describe('clusterTickets: two wordings of one cause that began on the same day', () => {
  const day = (d: number): string => new Date(Date.UTC(2024, 3, d)).toISOString().slice(0, 10);
  const tickets = (lateStart: number): Ticket[] => [
    ...[0, 0, 1, 1, 2, 3].map((d, i) => ticket(`L-${i}`, 'Late fee on autopay', `I have a late fee on my account balance but autopay took it on the due date ${['monday', 'tuesday', 'friday', 'today', 'again', 'anyway'][i]}`, day(16 + d))),
    ...[0, 0, 1, 2, 2, 3].map((d, i) => ticket(`C-${i}`, 'Scheduled payment not credited', `My scheduled payment has not been credited to my account ${['yet', 'so far', 'since friday', 'this week', 'at all', 'still'][i]}`, day(lateStart + d))),
    ...[2, 20, 40, 55, 70, 85, 100, 115, 130, 145, 160, 175].map((d, i) =>
      ticket(
        `O-${i}`,
        `Question ${i}`,
        `How do I ${['read my meter', 'move house', 'add a name', 'go paperless', 'report a leak', 'trim a tree', 'change my email', 'get a rebate', 'start service', 'stop service', 'find my meter', 'call an electrician'][i]}`,
        day(d),
      ),
    ),
  ];
  const both = ['C-0', 'C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'L-0', 'L-1', 'L-2', 'L-3', 'L-4', 'L-5'];

  it('merges them though they share little (below the burst similarity)', () => {
    expect(clusterTickets(tickets(16)).map((c) => c.tickets.map((t) => t.id).sort())).toContainEqual(both);
    // the same pair is below `burstSimilarity`: only the same start joins them
    expect(clusterTickets(tickets(16), { sameStartSimilarity: DEFAULT_CLUSTERING.burstSimilarity }).map((c) => c.tickets.map((t) => t.id).sort())).not.toContainEqual(both);
  });

  it('leaves them apart when one began days after the other', () => {
    const clusters = clusterTickets(tickets(21)).map((c) => c.tickets.map((t) => t.id).sort());
    expect(clusters).toContainEqual(['L-0', 'L-1', 'L-2', 'L-3', 'L-4', 'L-5']);
    expect(clusters).toContainEqual(['C-0', 'C-1', 'C-2', 'C-3', 'C-4', 'C-5']);
  });

  it('compares the busiest waves only', () => {
    expect(wavesBeganTogether([100, 100, 101, 102], [102, 103, 103])).toBe(true);
    expect(wavesBeganTogether([100, 100, 101, 102], [104, 105, 105])).toBe(false);
    // a second, smaller wave of one that starts with the other's does not make them begin together
    expect(wavesBeganTogether([100, 100, 101, 102, 160, 161, 161], [160, 161, 162])).toBe(false);
    expect(wavesBeganTogether([100], [100])).toBe(false);
  });
});

describe('clusterTickets: key terms', () => {
  it('leave out a term most tickets outside the cluster carry too', () => {
    const day = (d: number): string => new Date(Date.UTC(2024, 5, d)).toISOString().slice(0, 10);
    const tickets = [
      ...[1, 2, 3, 4].map((d, i) => ticket(`F-${i}`, 'Late fee', `Late fee on my account, payment was taken ${['monday', 'tuesday', 'friday', 'today'][i]}`, day(d))),
      ...[1, 2, 3, 4].map((d, i) => ticket(`R-${i}`, 'No receipt', `No receipt came for the payment ${['monday', 'tuesday', 'friday', 'today'][i]}`, day(d))),
      ...[10, 40, 70, 100, 130, 160, 190].map((d, i) => ticket(`O-${i}`, `Payment question ${i}`, `How do I pay ${['by phone', 'in cash', 'by check', 'at the office', 'by card', 'online', 'by mail'][i]}`, day(d))),
    ];
    const receipt = clusterTickets(tickets).find((c) => c.tickets.some((t) => t.id === 'R-0'));
    expect(receipt?.keyTerms).toContain('receipt');
    // every ticket outside it speaks of a payment (the word and the idea `charge`)
    expect(receipt?.keyTerms).not.toContain('payment');
    expect(receipt?.keyTerms).not.toContain('charge');
  });
});

describe('ticket relevance: a burst that follows an incident about something else, named in the manifold\'s words', () => {
  const manifold = parseManifold('manifold: bill-autopay\nentities: [payment, bill]\nsystems: [bill-autopay]\nerror_types: [duplicate payment]\n', 'm.yaml');
  const window = { start: new Date('2024-01-01T00:00:00Z'), now: new Date('2024-12-31T00:00:00Z') };
  // the tickets name the manifold's entities, so they count as about the component on their own
  const tickets = [
    ...['2024-08-03', '2024-08-03', '2024-08-04', '2024-08-05'].map((d, i) =>
      ticket(`P-${i}`, 'Duplicate payment for my bill', `My bill payment went through 2 times, please refund ${['today', 'now', 'asap', 'soon'][i]}`, d),
    ),
    ...['2024-02-10', '2024-04-10', '2024-06-10', '2024-10-10'].map((d, i) => ticket(`O-${i}`, `Question ${i}`, `How do I ${['move house', 'add a name', 'report a leak', 'trim a tree'][i]}`, d)),
  ];
  const incidentOn = (date: string) =>
    analyzeIncidents(
      parseIncidentsDocument(
        `incident_id: INC-2\ndate: ${date}\nseverity: P3\ntitle: Web checkout took some bill payments twice\nroot_cause: The web checkout page retried a payment after a timeout. Bill-autopay was not affected.\nsystems: [web-checkout]\n`,
        'i.yaml',
      ),
      manifold,
      window,
      0.6,
      [],
    ).analyzed;

  it('is not reported when it shares only the manifold\'s words with an out-of-scope incident of its first day', () => {
    const incidents = incidentOn('2024-08-03');
    expect(incidents[0]?.relevance.high).toBe(false);
    expect(analyzeTickets(tickets, manifold, window, [], {}, incidents).patterns).toEqual([]);
  });

  it('is reported without that incident', () => {
    expect(analyzeTickets(tickets, manifold, window, [], {}, incidentOn('2024-03-01')).patterns.map((p) => p.tickets.length)).toEqual([4]);
  });

  it('is reported when the incident it followed names the component but was judged out of scope for want of other words', () => {
    // the component by its own system, nothing of its entities or error types; "refunds" is a word of
    // the tickets' own, so their burst followed it
    const incidents = analyzeIncidents(
      parseIncidentsDocument('incident_id: INC-3\ndate: 2024-08-03\nseverity: P3\ntitle: Bill-autopay worker backlog\nroot_cause: The bill-autopay worker queue grew after a deploy and refunds were late.\nsystems: [bill-autopay]\n', 'i.yaml'),
      manifold,
      window,
      0.6,
      [],
    ).analyzed;
    expect(incidents[0]?.relevance.high).toBe(false);
    expect(incidents[0]?.relevance.matched.systems).toContain('bill-autopay');
    expect(analyzeTickets(tickets, manifold, window, [], {}, incidents).patterns.map((p) => p.tickets.length)).toEqual([4]);
  });
});

describe('clusterTickets: a group written at another time that names a thing of its own', () => {
  it('is split off even when most of its words are the burst\'s', () => {
    const vectors = buildTfIdf(['autopay charged twice', 'autopay charged twice again', 'portal payment charged twice', 'portal payment twice', 'portal one-time payment charged twice']).vectors;
    expect(namesItsOwnThing([2, 3, 4], [0, 1], vectors)).toBe(true);
    // two tickets are no group of its own
    expect(namesItsOwnThing([2, 3], [0, 1], vectors)).toBe(false);
    // nothing the core does not say
    expect(namesItsOwnThing([1], [0], vectors)).toBe(false);
  });

  it('splits a late group that names a thing of its own from a burst cluster', () => {
    const day = (d: number): string => new Date(Date.UTC(2024, 0, d)).toISOString().slice(0, 10);
    const tickets = [
      ...[5, 5, 6, 6, 7, 7, 8, 9].map((d, i) => ticket(`A-${i}`, 'Autopay charged me twice', `My autopay went through twice this month, please refund one ${['today', 'now', 'asap', 'soon', 'quickly', 'please', 'thanks', 'again'][i]}`, day(d))),
      ...[22, 22, 23, 23].map((d, i) => ticket(`P-${i}`, 'Charged twice', `My one-time payment through the portal went through twice ${['today', 'now', 'asap', 'soon'][i]}`, day(d))),
      ...[40, 70, 100, 130, 160, 190].map((d, i) => ticket(`O-${i}`, `Question ${i}`, `How do I ${['move house', 'add a name', 'go paperless', 'report a leak', 'trim a tree', 'read my meter'][i]}`, day(d))),
    ];
    const clusters = clusterTickets(tickets).map((c) => c.tickets.map((t) => t.id).sort());
    expect(clusters).toContainEqual(['A-0', 'A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-7']);
    expect(clusters).toContainEqual(['P-0', 'P-1', 'P-2', 'P-3']);
    // and, once split off, joins the cluster of its own days that says the same thing
    const portal = [22, 22, 23, 24].map((d, i) => ticket(`E-${i}`, 'Portal error', `The portal gave me an error, I retried and got two charges ${['today', 'now', 'asap', 'soon'][i]}`, day(d)));
    const joined = clusterTickets([...tickets, ...portal]).map((c) => c.tickets.map((t) => t.id).sort());
    expect(joined).toContainEqual(['A-0', 'A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-7']);
    expect(joined).toContainEqual(['E-0', 'E-1', 'E-2', 'E-3', 'P-0', 'P-1', 'P-2', 'P-3']);
  });
});

describe('buildTfIdf: function words of other languages', () => {
  it('leaves out the ticket stopwords of the vocabulary (Spanish, Portuguese, French)', () => {
    const model = buildTfIdf(['no recibí el recibo de mi pago', 'não havia quarto para nós', 'je ne reçois pas le reçu']);
    expect(model.words).toEqual(expect.arrayContaining(['recibí', 'recibo', 'pago', 'havia', 'quarto', 'reçois', 'reçu']));
    for (const w of ['el', 'de', 'mi', 'não', 'para', 'nós', 'je', 'ne', 'pas', 'le']) expect(model.words).not.toContain(w);
    expect(ticketStopwords().has('de')).toBe(true);
    // given none, every word is a term
    expect(buildTfIdf(['el recibo de mi pago'], [], 1, new Set()).words).toContain('el');
  });
});

describe('synonyms: everyday billing words in other languages', () => {
  it('write Spanish, Portuguese and French words as the English word they stand for', () => {
    expect(canonicalSynonyms('No recibí el recibo de mi pago')).toContain('receipt');
    expect(canonicalSynonyms('um recargo por pago tardío en mi cuenta')).toMatch(/fee por pago late en mi account/);
    expect(canonicalSynonyms('frais de retard sur mon compte')).toContain('account');
  });

  it('let a Spanish late-fee ticket join the English ones of its burst', () => {
    const day = (d: number): string => new Date(Date.UTC(2024, 3, d)).toISOString().slice(0, 10);
    const tickets = [
      ...[16, 16, 17, 17, 18].map((d, i) => ticket(`L-${i}`, 'Late fee on my account', `A late fee on my account though autopay paid the bill ${['monday', 'tuesday', 'friday', 'today', 'again'][i]}`, day(d))),
      ...[17, 18, 18].map((d, i) => ticket(`S-${i}`, 'Recargo por pago tardío', `Me cobraron un recargo por pago tardío en mi cuenta ${['hoy', 'ayer', 'otra vez'][i]}`, day(d))),
      ...[40, 70, 100, 130, 160, 190].map((d, i) => ticket(`O-${i}`, `Question ${i}`, `How do I ${['move house', 'add a name', 'go paperless', 'report a leak', 'trim a tree', 'read my meter'][i]}`, day(d))),
    ];
    const late = clusterTickets(tickets).find((c) => c.tickets.some((t) => t.id === 'L-0'));
    expect(late?.tickets.map((t) => t.id).sort()).toEqual(['L-0', 'L-1', 'L-2', 'L-3', 'L-4', 'S-0', 'S-1', 'S-2']);
  });
});

describe('coBursting: a group split off another cluster, written in the tail of a burst', () => {
  it('co-bursts with the burst when `amid`, and not otherwise', () => {
    const notice = [100, 101, 101, 102, 102, 103, 103, 107, 107, 108, 109, 111];
    const tail = [109, 111, 111, 113];
    expect(coBursting(notice, tail)).toBe(false);
    expect(coBursting(notice, tail, DEFAULT_CLUSTERING.burstShare, true)).toBe(true);
    // written weeks later: not amid it
    expect(coBursting(notice, [130, 131, 131, 133], DEFAULT_CLUSTERING.burstShare, true)).toBe(false);
    // as large as half the burst or more: both must show it
    expect(coBursting(notice, [109, 111, 111, 113, 113, 114, 115], DEFAULT_CLUSTERING.burstShare, true)).toBe(false);
  });
});

describe('clusterTickets: a reply to the company\'s message sent again at another failure', () => {
  it('does not join two causes months apart by the shared reply subject', () => {
    // the company's "We couldn't collect your payment" went out again and again in June (a notice
    // storm) and once more in September, when the payment had gone through: replies to it carry
    // its subject in both months
    const subject = "Re: We couldn't collect your payment";
    const storm = [
      'Stop sending me these texts, the fifth text today',
      'Why do I keep getting texts every hour, stop the texts',
      'Another text. Please make the texts stop',
      'Six texts this morning, stop the texts',
    ].map((b, i) => ticket(`S-${i}`, i < 2 ? subject : 'Stop the texts', b, `2026-06-0${i + 1}`));
    const paid = [
      'My payment is gone from my bank account although you say it failed',
      'The payment left my bank account but you say it failed, so I paid again',
      'You say my payment failed but my bank account shows it gone',
      'My bank account shows the payment gone, your email says it failed',
    ].map((b, i) => ticket(`P-${i}`, i < 2 ? subject : 'Failed but the payment is gone', b, `2026-09-0${i + 1}`));
    // similarities strict enough that only the shared subject could join the replies of the two months
    const clusters = clusterTickets([...storm, ...paid], { minClusterSize: 1, similarity: 0.6, mergeSimilarity: 0.9, burstSimilarity: 0.9, sameStartSimilarity: 0.9 });
    const of = (id: string): number => clusters.findIndex((c) => c.tickets.some((t) => t.id === id));
    expect(of('S-0')).toBe(of('S-1'));
    expect(of('P-0')).toBe(of('P-1'));
    expect(of('S-0')).not.toBe(of('P-0'));
  });
});

describe('ticket relevance: complaints in other languages, and a cluster that names only a provider (freight-label-booking, round 25)', () => {
  const manifold = parseManifold(
    'manifold: parcel-pickups\nentities: [pickup, parcel]\nsystems: [recogedor]\nproviders:\n  - { name: Correvia, use: parcel pickups }\nerror_types: [pickup_duplicate]\n',
    'm.yaml',
  );
  const window = { start: new Date('2024-01-01T00:00:00Z'), now: new Date('2024-12-31T00:00:00Z') };
  const spread = ['2024-02-10', '2024-04-12', '2024-06-14', '2024-08-16', '2024-10-18'];

  it('counts "nicht" / "fallida" / "warum" as a complaint as it counts "not" and "failed"', () => {
    // beside questions of other kinds, so "pickup" tells this cluster apart
    const questions = spread.map((d, i) => ticket(`Q-${i}`, `Question ${i}`, `How do I ${['change my password', 'add a user', 'download an invoice', 'set a logo', 'close the account'][i]}`, d));
    const tickets = [...spread.map((d, i) => ticket(`D-${i}`, 'Pickup nicht gekommen', `Pickup für Paket ${i} heute nicht gekommen, warum?`, d)), ...questions];
    expect(analyzeTickets(tickets, manifold, window, [], {}, []).patterns.map((p) => p.tickets.length)).toEqual([5]);
  });

  it("does not take a cluster for the component's because its key words spell a provider's name", () => {
    const questions = spread.map((d, i) => ticket(`Q-${i}`, `Question ${i}`, `How do I ${['change my password', 'add a user', 'download an invoice', 'set a logo', 'close the account'][i]}`, d));
    // three of five name the carrier: too few to mention the manifold on average, but its name is a key word
    const tickets = spread.map((d, i) => ticket(`T-${i}`, `${i < 3 ? 'Correvia surcharge' : 'Weight surcharge'}`, `Weight surcharge charged twice on invoice ${i}, wrong`, d));
    const patterns = analyzeTickets([...tickets, ...questions], manifold, window, [], {}, []).patterns;
    expect(patterns).toEqual([]);
    // the same complaint naming the component's own thing is its own
    const own = spread.map((d, i) => ticket(`P-${i}`, 'Pickup charged twice', `${i < 3 ? 'Correvia ' : ''}pickup charged twice for parcel ${i}, wrong`, d));
    expect(analyzeTickets([...own, ...questions], manifold, window, [], {}, []).patterns.map((p) => p.tickets.length)).toEqual([5]);
  });
});

describe('the time-blind merge and what a desk says on every ticket (round 27)', () => {
  // ev-session-billing, standing-orders: the double charges and the repeated payment-failed texts
  // share `twice` and the desk's everyday `payment` / `charge`, little else
  const day = (i: number): string => new Date(Date.UTC(2024, 0, 5) + i * 11 * 86_400_000).toISOString().slice(0, 10);
  const doubles = [
    'You charged my card twice for the same payment',
    'Money taken twice this month, please refund the double payment',
    'Two identical payments taken from my account',
    'I was billed twice for one payment',
    'Duplicate payment on my card statement',
    'The payment went out twice from my card',
  ].map((b, i) => ticket(`D-${i}`, '', b, day(2 * i)));
  const texts = [
    'I keep getting the payment failed text again and again',
    'Your payment failed email came again, third time today',
    'The payment failed message over and over, stop',
    'Got the same payment failed text 5 times',
    'The payment failed notification keeps coming again',
    'Same payment failed text again this morning',
  ].map((b, i) => ticket(`T-${i}`, '', b, day(2 * i + 1)));
  // spread over the year (no burst) and a leader pass strict enough to leave the merge to decide
  const options = { minClusterSize: 1, similarity: 0.45, burstSimilarity: 0.9, sameStartSimilarity: 0.9 };
  const mixed = (clusters: { tickets: Ticket[] }[]): boolean => clusters.some((c) => c.tickets.some((t) => t.id.startsWith('D')) && c.tickets.some((t) => t.id.startsWith('T')));

  it('does not join two clusters alike only through the terms most tickets carry and one shared idea', () => {
    const clusters = clusterTickets([...doubles, ...texts], options);
    expect(mixed(clusters)).toBe(false);
    expect(clusters.find((c) => c.tickets.some((t) => t.id === 'T-0'))?.tickets.length).toBe(texts.length);
  });

  it('joins them on the full centroids alone (mergeDistinctSimilarity 0)', () => {
    expect(mixed(clusterTickets([...doubles, ...texts], { ...options, mergeDistinctSimilarity: 0 }))).toBe(true);
  });
});

describe('clusterTickets: a group written at another time in the burst\'s own words', () => {
  const day = (d: number): string => new Date(Date.UTC(2024, 0, d)).toISOString().slice(0, 10);
  const extra = ['today', 'now', 'asap', 'soon', 'quickly', 'please', 'thanks', 'again'];
  const tickets = [
    ...[5, 5, 6, 6, 7, 7, 8, 9].map((d, i) => ticket(`A-${i}`, 'Charged twice for one order', `Two payments for one order on my card, refund one ${extra[i]}`, day(d))),
    // months later, the same fault at another event: its name is a word of the group's own
    ...[60, 60, 61, 62].map((d, i) => ticket(`B-${i}`, 'Charged twice for one order', `Aurelia tickets: two payments for one order on my card, refund one ${extra[i]}`, day(d))),
    ...[40, 70, 100, 130, 160, 190].map((d, i) => ticket(`O-${i}`, `Question ${i}`, `How do I ${['move house', 'add a name', 'go paperless', 'report a leak', 'trim a tree', 'read my meter'][i]}`, day(d))),
  ];

  it('stays with the burst although it names the occasion (an event) the burst does not', () => {
    const clusters = clusterTickets(tickets).map((c) => c.tickets.map((t) => t.id).sort());
    expect(clusters).toContainEqual(['A-0', 'A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-7', 'B-0', 'B-1', 'B-2', 'B-3']);
  });

  it('is split off when its words need to be more alike than they are (sameWordsSimilarity)', () => {
    const clusters = clusterTickets(tickets, { sameWordsSimilarity: 1 }).map((c) => c.tickets.map((t) => t.id).sort());
    expect(clusters).toContainEqual(['B-0', 'B-1', 'B-2', 'B-3']);
  });
});
