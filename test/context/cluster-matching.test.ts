/**
 * The accuracy scorer's cluster matching (scripts/context-accuracy/score-history.ts): one-to-one,
 * optimal over all expected clusters at once, by shared tickets where the history has a ticket
 * truth; and the generator's truth tied to the ids the pipeline gives tickets.
 */
import { describe, expect, it } from 'vitest';
import { matchClusters } from '../../scripts/context-accuracy/score-history.js';
import { truthByReportedIds } from '../../scripts/context-accuracy/ticket-truth.js';

const pattern = (name: string, count: number, terms: string[] = []) => ({ pattern: name, ticket_count: count, key_terms: terms });

describe('cluster matching of the accuracy scorer', () => {
  it('gives each cluster the pattern holding its tickets, not the one whose count happens to fit', () => {
    // "Re: collect" (20) holds 14 missed-but-paid tickets; "Stop texting me" (18) the notice storm.
    const patterns = [pattern('Re: We could not collect your instalment', 20, ['collect', 'message']), pattern('Stop texting me', 18, ['message', 'stop'])];
    const ids = [[...Array(14).keys()].map((i) => `m${i}`).concat(['n1', 'n2', 'x1', 'x2', 'x3', 'x4']), [...Array(18).keys()].map((i) => `s${i}`)];
    const truth = new Map<string, string>([...ids[0]!, ...ids[1]!].map((id) => [id, id.startsWith('m') ? 'missed_but_paid' : id.startsWith('s') || id.startsWith('n') ? 'notice_storm' : 'noise']));
    const clusters = [
      { name: 'notice storm', terms: ['message'], count: 22, truth: 'notice_storm' },
      { name: 'missed but paid', terms: ['overdue'], count: 18, truth: 'missed_but_paid' },
    ];
    const { checks, purity } = matchClusters(patterns, clusters, { patternIds: ids, truth });
    expect(checks.map((c) => [c.ok, c.detail])).toEqual([
      [false, '"Stop texting me": 18 (18 of them in the cluster)'],
      [true, '"Re: We could not collect your instalment": 20 (14 of them in the cluster)'],
    ]);
    expect(purity).toEqual({ inCluster: 32, reported: 38 });
  });

  it('maximises the tickets shared over all clusters, never first come, first served', () => {
    // greedy would give A (first) the big mixed pattern it shares 13 with, leaving B 3 tickets
    const patterns = [pattern('mixed', 39), pattern('doubles', 10), pattern('small', 4)];
    const ids = [
      [...Array(13).fill('a'), ...Array(9).fill('b'), ...Array(17).fill('z')].map((k, i) => `${k}${i}`),
      [...Array(8).fill('a'), ...Array(2).fill('b')].map((k, i) => `${k}x${i}`),
      [...Array(3).fill('b'), 'z'].map((k, i) => `${k}y${i}`),
    ];
    const truth = new Map(ids.flat().map((id) => [id, id[0]!]));
    const clusters = [
      { name: 'A', terms: [], count: 34, truth: 'a' },
      { name: 'B', terms: [], count: 18, truth: 'b' },
    ];
    const { checks } = matchClusters(patterns, clusters, { patternIds: ids, truth });
    expect(checks.map((c) => c.detail)).toEqual(['"doubles": 10 (8 of them in the cluster)', '"mixed": 39 (9 of them in the cluster)']);
    expect(checks.every((c) => !c.ok)).toBe(true);
  });

  it('without a ticket truth, assigns by count over all clusters at once among patterns naming their terms', () => {
    // one at a time, X takes "twice 30" (as close to 32 as 34 is, and first) and leaves Y "twice 34"
    // (27 + 15 % is 31); both pass only as X = 34, Y = 30
    const patterns = [pattern('twice 30', 30, ['twice']), pattern('twice 34', 34, ['twice'])];
    const clusters = [
      { name: 'X', terms: ['twice'], count: 32 },
      { name: 'Y', terms: ['twice'], count: 27 },
    ];
    const { checks, purity } = matchClusters(patterns, clusters);
    expect(checks.map((c) => [c.ok, c.detail])).toEqual([
      [true, '"twice 34": 34'],
      [true, '"twice 30": 30'],
    ]);
    expect(purity).toBeUndefined();
  });

  it('ties a ticket truth keyed by another id of the record (Zammad number, osTicket number attribute) to the reported ids', () => {
    const truth = new Map([
      ['2026031710001', 'double_refund'],
      ['505110', 'double_pay'],
      ['77', 'noise'],
    ]);
    const zammad = JSON.stringify({ tickets: [{ id: 40313, number: '2026031710001', title: 'x', articles: [{ id: 9, ticket_id: 40313 }] }] });
    const osticket = '<tickets><ticket id="4102" number="505110"><subject>x</subject></ticket></tickets>';
    const mapped = truthByReportedIds(truth, ['40313', '4102', '77'], [zammad, osticket]);
    expect([...mapped].sort()).toEqual([
      ['40313', 'double_refund'],
      ['4102', 'double_pay'],
      ['77', 'noise'],
    ]);
  });
});
