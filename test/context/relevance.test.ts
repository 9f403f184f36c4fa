import { describe, expect, it } from 'vitest';
import { parseIncidentsDocument, parseManifold, scoreIncidentRelevance, HIGH_RELEVANCE_THRESHOLD } from '../../src/context/index.js';
import { TermIndex } from '../../src/context/text/term-index.js';
import { stem } from '../../src/context/text/tokenize.js';

const manifold = parseManifold(
  `manifold: m
entities: [payment, retry, gateway]
systems: [payment-service, notification-service]
error_types: [{ name: duplicate, aliases: [twice] }, timeout, data_loss]
`,
  'm.yaml',
);
const window = { start: new Date('2024-01-01T00:00:00Z'), now: new Date('2025-01-01T00:00:00Z') };
const incident = (fields: string) => {
  const [i] = parseIncidentsDocument(`incident_id: X\nseverity: P2\n${fields}`, 'i.yaml');
  if (!i) throw new Error('no incident');
  return i;
};

describe('stemming and phrase matching', () => {
  it('brings inflections together', () => {
    expect(new Set(['retry', 'retries', 'retried', 'retrying'].map(stem))).toEqual(new Set(['retry']));
    expect(new Set(['duplicate', 'duplicates', 'duplicated'].map(stem)).size).toBe(1);
    expect(stem('status')).toBe('status');
    expect(stem('statuses')).toBe('status');
  });

  it('matches phrases on word boundaries, not across segments', () => {
    const index = new TermIndex(['The request timed out', 'each', 'time']);
    expect(index.has('timed out')).toBe(true);
    expect(index.has('time out')).toBe(true);
    expect(index.has('each time')).toBe(false);
    expect(new TermIndex(['payment-service is down']).has('payment service')).toBe(true);
    expect(new TermIndex(['retrying']).has('timeout')).toBe(false);
  });
});

describe('scoreIncidentRelevance', () => {
  it('scores every dimension and shows the matched terms', () => {
    const r = scoreIncidentRelevance(
      incident('date: 2025-01-01\ntitle: Duplicate payments during gateway timeout\nroot_cause: Retry logic ran twice\nsystems: [payment-service]\n'),
      manifold,
      window,
    );
    expect(r.matched).toEqual({ entities: ['payment', 'retry', 'gateway'], systems: ['payment-service'], errorTypes: ['duplicate', 'timeout'] });
    // 0.35·3/3 + 0.25·1 (a system named) + 0.25·1/3 (timeout is a generic failure word: not counted) + 0.15·1 = 0.8333
    expect(r.score).toBe(0.83);
    expect(r.reasons).toEqual([
      'systems: payment-service (0.25 of 0.25)',
      'entities: payment, retry, gateway (0.35 of 0.35)',
      'error types: duplicate, timeout (generic, not counted) (0.08 of 0.25)',
      'recency: 2025-01-01 (0.15 of 0.15)',
    ]);
    expect(r.recency).toBe(1);
    expect(r.high).toBe(true);
  });

  it('lowers the score with age inside the timeframe', () => {
    const text = 'title: Duplicate payments during gateway timeout\nroot_cause: Retry logic ran twice\nsystems: [payment-service]\n';
    const old = scoreIncidentRelevance(incident(`date: 2024-01-01\n${text}`), manifold, window);
    expect(old.recency).toBe(0);
    expect(old.score).toBe(0.68);
    const mid = scoreIncidentRelevance(incident(`date: 2024-07-02\n${text}`), manifold, window);
    expect(mid.recency).toBe(0.5);
  });

  it('gives a weakly related incident a low score', () => {
    const r = scoreIncidentRelevance(incident('date: 2024-12-01\ntitle: Search index lag\nroot_cause: Consumer lag'), manifold, window);
    expect(r.matched).toEqual({ entities: [], systems: [], errorTypes: [] });
    expect(r.score).toBeLessThan(0.2);
    expect(r.high).toBe(false);
  });

  it('matches error types through aliases and underscores', () => {
    const r = scoreIncidentRelevance(incident('date: 2024-12-01\ntitle: Data loss after the payment was charged twice'), manifold, window);
    expect(r.matched.errorTypes).toEqual(['duplicate', 'data_loss']);
  });

  it('uses 0.6 as the default threshold and accepts another', () => {
    expect(HIGH_RELEVANCE_THRESHOLD).toBe(0.6);
    const i = incident('date: 2024-12-01\ntitle: Payment retry gateway issue');
    const r = scoreIncidentRelevance(i, manifold, window);
    expect(r.high).toBe(r.score >= 0.6);
    expect(scoreIncidentRelevance(i, manifold, window, 0.1).high).toBe(true);
  });
});
