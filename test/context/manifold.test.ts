import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifoldError, parseManifold } from '../../src/context/index.js';
import { EXAMPLE_DIR } from './helpers.js';
import { mentions } from '../../src/context/analysis/relevance.js';
import { TermIndex } from '../../src/context/text/term-index.js';

describe('parseManifold', () => {
  it('reads the example manifold with normalised terms', () => {
    const m = parseManifold(readFileSync(path.join(EXAMPLE_DIR, 'manifold.yaml'), 'utf8'), 'manifold.yaml');
    expect(m.name).toBe('payment-retry-v2');
    expect(m.constraints.map((c) => c.id)).toEqual(['B1', 'B2', 'T1', 'T2', 'U1', 'U3']);
    expect(m.errorTypes.find((t) => t.name === 'data_loss')?.phrases).toEqual(['data loss']);
    expect(m.entities.find((t) => t.name === 'notification')?.phrases).toContain('sms');
    expect(m.failureModes.map((f) => f.id)).toEqual(['F1', 'F2']);
  });

  it('names the file, path and line of a missing statement', () => {
    const text = 'manifold: x\nentities: [payment]\nconstraints:\n  - id: B1\n    statement: ok\n  - id: B2\n    type: goal\n';
    expect(() => parseManifold(text, 'm.yaml')).toThrowError(/^m\.yaml constraints\[1\]\.statement \(line 6\): is required$/);
  });

  it('refuses duplicate constraint ids', () => {
    const text = 'manifold: x\nentities: [payment]\nconstraints:\n  - {id: B1, statement: a}\n  - {id: B1, statement: b}\n';
    expect(() => parseManifold(text, 'm.yaml')).toThrowError(/constraints\[1\]\.id \(line 5\): duplicates the id of constraints\[0\]/);
  });

  it('refuses a manifold without a name or without any terms', () => {
    expect(() => parseManifold('entities: [payment]\n', 'm.yaml')).toThrowError(/m\.yaml manifold .*is required/);
    expect(() => parseManifold('manifold: x\n', 'm.yaml')).toThrowError(/entities.*list at least one of entities, systems or error_types/);
  });

  it('reports YAML syntax errors with a line and a help line', () => {
    try {
      parseManifold('manifold: x\nentities: [payment\n', 'm.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ManifoldError);
      expect((error as ManifoldError).message).toMatch(/^m\.yaml line \d+: not valid YAML/);
      expect((error as ManifoldError).help).toBeTruthy();
      expect((error as ManifoldError).code).toBe('manifold');
    }
  });
});

describe('terms written in the team\'s shorthand', () => {
  const text = [
    'manifold: order-sync',
    'description: pushes orders to the Harbor warehouse system.',
    'entities:',
    '  - order              # a.k.a. purchase, basket; identified by its number',
    '  - order line         # one product of an order',
    'systems:',
    '  - order-sync (sync worker, retry job)',
    'providers:',
    '  - name: Harbor',
    '    role: warehouse management system (WMS); REST API',
    'error_types:',
    '  - lost order at the warehouse management system (stock never reserved)',
    '  - oversell / customer refunded',
    '  - refused push (4xx, e.g. unknown product code)',
    '',
  ].join('\n');
  const m = parseManifold(text, 'm.yaml');
  const phrases = (terms: typeof m.systems, name: string) => terms.find((t) => t.name.startsWith(name))?.phrases;

  it('reads a bracketed note after a term as the parts it names, without "e.g."', () => {
    expect(phrases(m.systems, 'order-sync')).toEqual(['order sync', 'sync worker', 'retry job']);
    expect(phrases(m.errorTypes, 'refused push')).toEqual(['refused push', '4xx', 'unknown product code']);
  });

  it('reads each side of a slash as a phrase of the term', () => {
    expect(phrases(m.errorTypes, 'oversell')).toEqual(['oversell', 'customer refunded']);
  });

  it('reads the other names a comment gives a term after "a.k.a.", not a comment that describes it', () => {
    expect(phrases(m.entities, 'order')).toEqual(['order', 'purchase', 'basket']);
    expect(m.entities.find((t) => t.name === 'order line')?.phrases).toEqual(['order line']);
  });

  it('names an entity also by the opening words of a comment that says what it is', () => {
    const d = parseManifold(
      [
        'manifold: order-sync',
        'entities:',
        '  - order push     # one outbound message to Harbor for one order revision',
        '  - order line     # one product of an order',
        '  - order revision # each modification bumps the revision',
        '  - shipment       # a.k.a. parcel',
        'systems:',
        '  - harbor-client  # the routing provider',
        '',
      ].join('\n'),
      'm.yaml',
    );
    expect(phrases(d.entities, 'order push')).toEqual(['order push', 'outbound message']);
    // one word ("product") says too little; an alias comment gives aliases only
    expect(phrases(d.entities, 'order line')).toEqual(['order line']);
    expect(phrases(d.entities, 'shipment')).toEqual(['shipment', 'parcel']);
    // only entities are described so: a system's comment names nothing
    expect(phrases(d.systems, 'harbor-client')).toEqual(['harbor client']);
  });

  it('counts providers as systems, named also by the abbreviation their note defines', () => {
    expect(phrases(m.systems, 'Harbor')).toEqual(['Harbor', 'WMS', 'warehouse management system']);
  });

  it('looks for every phrase also with the abbreviations the manifold defines', () => {
    expect(phrases(m.errorTypes, 'lost order')).toContain('lost order at the WMS');
  });
});

describe("an entity's own id named in its comment (round 25)", () => {
  const m = parseManifold(
    `manifold: session-billing
entities:
  - charging_session    # one session on one connector; session_id is ours (ses_...)
  - order_attempt       # every call to the provider; attempt_id, client_reference, idempotency_key, outcome
`,
    'm.yaml',
  );

  it('is a field of the entity; the other fields a comment lists are not', () => {
    expect(m.entities.find((e) => e.name === 'charging_session')?.fields).toEqual(['session id']);
    expect(m.entities.find((e) => e.name === 'order_attempt')?.fields).toEqual(['attempt id']);
  });

  it('names the entity in an incident that keys records on it', () => {
    const session = m.entities.find((e) => e.name === 'charging_session');
    if (!session) throw new Error('no entity');
    expect(mentions(new TermIndex(['Re-sent the receipts once with their original dedupe id receipt-{session_id}.']), session)).toBe(true);
    const attempt = m.entities.find((e) => e.name === 'order_attempt');
    if (!attempt) throw new Error('no entity');
    expect(mentions(new TermIndex(['The tills retried the burns without an idempotency key.']), attempt)).toBe(false);
  });
});
