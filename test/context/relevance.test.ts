import { describe, expect, it } from 'vitest';
import { parseIncidentsDocument, parseManifold, scoreIncidentRelevance, HIGH_RELEVANCE_THRESHOLD } from '../../src/context/index.js';
import { mentions, relevanceIndexes } from '../../src/context/analysis/relevance.js';
import { termSpecificity } from '../../src/context/analysis/term-specificity.js';
import { analyzeIncidents } from '../../src/context/analysis/incident-analysis.js';
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

  it('finds the words of a phrase said together in one sentence, not across two', () => {
    const index = new TermIndex(['Each duplicate took another room out of the allotment.', 'The guest called.', 'The confirmation was late.']);
    expect(index.has('room allotment', 1)).toBe(false);
    expect(index.hasTogether('room allotment')).toBe(true);
    expect(index.hasTogether('guest confirmation')).toBe(false);
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

  it('counts a term whose words an incident says together in one sentence, not a ticket-style split', () => {
    const m = parseManifold('manifold: m\nentities: [room allotment, payment]\n', 'm.yaml');
    const r = scoreIncidentRelevance(incident('date: 2025-01-01\ntitle: Each duplicate took another room out of the allotment\n'), m, window);
    expect(r.matched.entities).toEqual(['room allotment']);
    const apart = scoreIncidentRelevance(incident('date: 2025-01-01\ntitle: One room was free.\nroot_cause: The allotment was wrong.\n'), m, window);
    expect(apart.matched.entities).toEqual([]);
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

describe('relevance on terms specific to the component', () => {
  const pharmacy = parseManifold(
    `manifold: refill-claims
description: The worker bills refills; it also serves the app's "Refill now" button.
entities: [refill, patient, copay, refill text]
systems:
  - { name: refill-worker, role: 'the component ("Refill now" endpoint)' }
  - { name: Kestrel, kind: provider }
error_types: [duplicate claim, timeout]
`,
    'm.yaml',
  );
  const at = (fields: string) => incident(`date: 2025-01-01\n${fields}`);

  it('does not count terms of a sentence that rules the component out', () => {
    const r = scoreIncidentRelevance(
      at('title: Transfers stuck\nroot_cause: "The fax provider timed out. Not related to refills or the refill worker; patients only see transfers."\n'),
      pharmacy,
      window,
    );
    expect(r.matched.entities).toEqual([]);
    expect(r.matched.systems).toEqual([]);
    const opener = scoreIncidentRelevance(at('title: Rooms failed\nroot_cause: "No refills or copays were involved."\n'), pharmacy, window);
    expect(opener.matched.entities).toEqual([]);
  });

  it('does not count a failure the incident says did not happen', () => {
    const r = scoreIncidentRelevance(at('title: Refills waited\nroot_cause: "The refill worker paused. No duplicate claims were found."\n'), pharmacy, window);
    expect(r.matched.errorTypes).toEqual([]);
    expect(r.matched.systems).toEqual(['refill-worker']);
    const happened = scoreIncidentRelevance(at('title: Refills billed twice\nroot_cause: "The refill worker sent duplicate claims."\n'), pharmacy, window);
    expect(happened.matched.errorTypes).toEqual(['duplicate claim']);
  });

  it('reads hyphenated compounds and a word between the words of a term', () => {
    const r = scoreIncidentRelevance(at('title: Members debited for co-pays\nroot_cause: "Refill reminder texts and duplicate insurer claims."\n'), pharmacy, window);
    expect(r.matched.entities).toEqual(['refill', 'copay', 'refill text']);
    expect(r.matched.errorTypes).toEqual(['duplicate claim']);
    expect(new TermIndex(['auto-fill orders']).has('autofill order')).toBe(true);
    expect(new TermIndex(['refill, then texts']).has('refill text', 1)).toBe(true);
    expect(new TermIndex(['refill', 'texts']).has('refill text', 1)).toBe(false);
  });

  it('counts an interface the manifold quotes for the component as naming the component', () => {
    const r = scoreIncidentRelevance(at('title: Coverage refused\nroot_cause: "Members who tapped Refill now saw a denial."\nsystems: [Kestrel]\n'), pharmacy, window);
    expect(r.reasons[0]).toBe('systems: Kestrel, "Refill now" (an interface of the component) (0.25 of 0.25)');
    const provider = scoreIncidentRelevance(at('title: Coverage refused\nroot_cause: "Members saw a denial."\nsystems: [Kestrel]\n'), pharmacy, window);
    expect(provider.reasons[0]).toBe('systems: Kestrel (provider only) (0.13 of 0.25)');
  });

  it('weighs a term by how specific it is to the component across the history', () => {
    const history = Array.from({ length: 10 }, (_, k) =>
      at(`title: Incident ${k}\nroot_cause: "A patient waited${k < 2 ? ' for a copay' : ''}${k < 8 ? ' on a refill' : ''}."\n`),
    );
    const specificity = termSpecificity(
      history.map((i) => relevanceIndexes(i).scope),
      pharmacy.entities,
      mentions,
    );
    expect(specificity.get('patient')).toEqual({ incidents: 10, total: 10, weight: 0 }); // in every incident: a word of the company
    expect(specificity.get('copay')).toEqual({ incidents: 2, total: 10, weight: 1 });
    const refill = specificity.get('refill');
    expect(refill?.incidents).toBe(8); // 80 % of the incidents: counts little
    expect(refill?.weight).toBeCloseTo(Math.log(10 / 8) / Math.log(1 / 0.7), 5);
    const r = scoreIncidentRelevance(history[0] as never, pharmacy, window, 0.6, [], specificity);
    expect(r.matched.entities).toEqual(['refill', 'patient', 'copay']);
    // entities: (0.63 + 0 + 1) / 3 of 0.35; systems: 0.6 of that (entities stand in)
    expect(r.reasons[1]).toBe('entities: refill (company-wide: 8 of 10 incidents, counts 0.63), patient (company-wide: 10 of 10 incidents, counts 0.00), copay (0.19 of 0.35)');
    // A small history says too little about what is company-wide.
    expect(termSpecificity(history.slice(0, 5).map((i) => relevanceIndexes(i).scope), pharmacy.entities, mentions).get('patient')?.weight).toBe(1);
  });
});

describe("the component's own systems by owner, and an incident another team's service caused (telehealth-deposits, round 23)", () => {
  const owned = parseManifold(
    `manifold: booking-deposits
owner: lince
entities: [deposit, notice, refund]
systems:
  - { name: arras, owner: lince, does: deposit charge and notices }
  - { name: deposits-db, owner: lince }
  - { name: Agenda, owner: agenda-squad, note: not ours }
  - { name: Pregon, owner: platform }
error_types: [duplicate_deposit, notice_missing]
not_responsible_for:
  - "Slots, calendars and double-booked slots (Agenda, Agenda squad)"
`,
    'manifold.yaml',
  );
  const at = { start: new Date('2026-02-06T00:00:00Z'), now: new Date('2026-12-06T00:00:00Z') };
  const record = (fields: string) => {
    const [i] = parseIncidentsDocument(`incident_id: INC-1\nseverity: SEV2\ndate: 2026-10-25\n${fields}`, 'i.yaml');
    if (!i) throw new Error('no incident');
    return i;
  };

  it('counts a system the manifold lists under its own owner as the component, whatever its name', async () => {
    const { componentSystems } = await import('../../src/context/analysis/relevance.js');
    expect([...componentSystems(owned)].sort()).toEqual(['arras', 'deposits-db']);
    const r = scoreIncidentRelevance(record('title: Confirmation notices not sent\ndescription: Pregon rejected the notices arras sent.\nsystems: [arras]'), owned, at);
    expect(r.reasons[0]).toMatch(/^systems: arras, Pregon \(0\.25 of 0\.25\)/);
  });

  it('is not high relevance when every service the record says caused it is one the manifold disowns, however many of its words it shares', () => {
    const text = 'title: Slots shown twice, a duplicate deposit for some\ndescription: Slots were booked twice; the duplicate deposit of each was refunded, one notice each, no notice missing.\n';
    const theirs = scoreIncidentRelevance(record(`${text}systems: [Agenda]`), owned, at);
    expect(theirs.score).toBeGreaterThanOrEqual(0.6);
    expect(theirs.high).toBe(false);
    expect(theirs.reasons.at(-1)).toMatch(/^not high relevance: Agenda caused it/);
    // the same text with the component named among its services stays judged by its score
    const ours = scoreIncidentRelevance(record(`${text}systems: [Agenda, arras]`), owned, at);
    expect(ours.reasons.some((r) => r.startsWith('not high relevance'))).toBe(false);
  });
});

describe("an incident filed against another team's service that is about the component's own records (freight-label-booking, round 25)", () => {
  const manifold = parseManifold(
    `manifold: parcel-pickups
owner: ruta
entities: [pickup, parcel, credit]
systems:
  - { name: recogedor, owner: ruta, does: books pickups and credits cancelled ones }
  - { name: pickups-db, owner: ruta, tables: [pickup_attempts, parked_credits] }
  - { name: caja, owner: finance, note: the wallet ledger; not ours }
  - { name: Avisos, owner: platform, note: not ours }
error_types: [pickup_duplicate, credit_missing]
failure_modes:
  - id: FM1
    scenario: Avisos rejects or drops our pickup notices (template errors)
    mitigation: the rejected notice is recorded NOTICE_FAILED and re-sent once after the fix with its original dedupe key
not_responsible_for:
  - "The wallet itself and top-ups (caja, Finance)"
  - "Avisos itself (Platform)"
`,
    'manifold.yaml',
  );
  const at = { start: new Date('2026-02-06T00:00:00Z'), now: new Date('2026-12-06T00:00:00Z') };
  const record = (fields: string) => {
    const [i] = parseIncidentsDocument(`incident_id: INC-1\nseverity: SEV2\ndate: 2026-10-25\n${fields}`, 'i.yaml');
    if (!i) throw new Error('no incident');
    return i;
  };

  it("is the component's when it names the component's own table as code", () => {
    const r = scoreIncidentRelevance(
      record('title: Credits for cancelled pickups not posted\ndescription: caja answered 403, so every credit for a cancelled pickup was parked in parked_credits and replayed later; parcels were fine.\nsystems: [caja]'),
      manifold,
      at,
    );
    expect(r.high).toBe(true);
    // main's records (r25-x) and r25-y's claim both name it; either reason says why
    expect(r.reasons[0]).toMatch(/"?parked_credits"? \((data|records) of the component\)/);
  });

  it("is the component's when it shows a failure of that service the manifold lists as the component's", () => {
    const r = scoreIncidentRelevance(
      record('title: Pickup notices rejected\ndescription: Avisos rejected the pickup notice template with 422; each was recorded NOTICE_FAILED and re-sent once after the fix with its original dedupe key. Parcels and pickups were fine.\nsystems: [Avisos]'),
      manifold,
      at,
    );
    expect(r.high).toBe(true);
    expect(r.reasons[0]).toMatch(/shows FM1, a failure of Avisos the manifold lists as the component's/);
  });

  it("stays the other service's when it names neither (the words it shares are that service's)", () => {
    const r = scoreIncidentRelevance(
      record('title: Top-ups charged twice\ndescription: caja charged some top-ups twice; a credit for each pickup parcel was posted; parked credits are fine.\nsystems: [caja]'),
      manifold,
      at,
    );
    expect(r.high).toBe(false);
    expect(r.reasons[0]).toMatch(/^systems: impacted caja/);
  });
});

describe('a manifold names its terms by their glossary fields and recorded states (round 24)', () => {
  const dues = parseManifold(
    `manifold: dues-billing
glossary:
  dues invoice: one billing period of one membership (inv_...)
  charge attempt: one call to the processor for a dues invoice; attempt_id, payment_ref, idempotency_key, outcome
  deposit: the amount taken (dep-{invoice_id})
entities:
  - membership
  - dues_invoice
  - charge_attempt
  - deposit
systems: [cadence]
error_types:
  - charge_timeout     # no answer from the processor within 10 s: OUTCOME_UNKNOWN
  - decline_hard       # do_not_honor, expired_card: definite; IN_ARREARS after the notice
  - outcome_missing    # a PAD outcome webhook not applied; invoice stuck in PENDING
  - posting_failed     # the ledger refused the posting; parked, see the RUNBOOK page
`,
    'm.yaml',
  );
  const term = (list: 'entities' | 'errorTypes', name: string) => dues[list].find((t) => t.name === name)!;

  it('a glossary entry for a term defines that term: it is no name of the term its definition names first', () => {
    // "dues invoice: one billing period of one membership" made "dues invoice" a name of membership
    expect(term('entities', 'membership').phrases).toEqual(['membership']);
    expect(term('entities', 'dues_invoice').phrases).toEqual(['dues invoice']);
  });

  it('the snake_case fields a term\'s glossary entry lists name the term, as written', () => {
    expect(term('entities', 'charge_attempt').fields).toEqual(['attempt id', 'payment ref', 'idempotency key']);
    // a template's placeholder is a reference's shape, not a field
    expect(term('entities', 'deposit').fields).toBeUndefined();
    const attempt = term('entities', 'charge_attempt');
    expect(mentions(new TermIndex(['the 53 were sent again with the same payment_ref and Idempotency-Key']), attempt, true)).toBe(true);
    // not through the vocabulary's synonyms: a notice's dedupe id is no charge attempt's key
    expect(mentions(new TermIndex(['the missed emails were re-sent with their original dedupe_id']), attempt, true)).toBe(false);
  });

  it('an error type whose comment ends in the state it is recorded as is named by that state', () => {
    expect(term('errorTypes', 'charge_timeout').phrases).toContain('OUTCOME UNKNOWN');
    // a state named before other words is what follows the error, not what it is recorded as
    expect(term('errorTypes', 'decline_hard').phrases).not.toContain('IN ARREARS');
    // the state an error leaves a record "stuck in"; a capitalised word elsewhere is no state
    expect(term('errorTypes', 'outcome_missing').phrases).toContain('PENDING');
    expect(term('errorTypes', 'posting_failed').phrases).toEqual(['posting failed']);
    const r = scoreIncidentRelevance(
      incident(`title: "Processor 503s"\ndate: 2024-12-01\nroot_cause: cadence left the 1,204 charges OUTCOME_UNKNOWN and looked each one up by payment_ref.`),
      dues,
      window,
    );
    expect(r.matched.errorTypes).toContain('charge_timeout');
    expect(r.matched.entities).toContain('charge_attempt');
  });
});

describe("an incident that tells of the component's own records (round 25)", () => {
  const plans = parseManifold(
    `manifold: plan-billing
entities: [plan, instalment, notice]
systems:
  - name: loonie
    owner: heron
    does: the morning run, the notice step
  - name: billing-db
    owner: heron
    tables: [instalments, charge_attempts, notices_sent]
  - name: Postie
    owner: platform-messaging
    note: "not ours; dedupes on the dedupe_id we send, rf-{plan_id}"
error_types: [notice_missing]
not_responsible_for:
  - "Postie, Sendwell and Txtria (Platform Messaging)"
`,
    'm.yaml',
  );
  const filed = (text: string) => {
    const [i] = parseIncidentsDocument(`incident_id: X\nseverity: P2\ndate: 2024-12-01\ntitle: Plan receipts not sent\nroot_cause: "${text}"\nsystems: [Postie]\n`, 'i.yaml');
    if (!i) throw new Error('no incident');
    return i;
  };

  it('is not routed elsewhere when it names one of them, whichever service it was filed under', () => {
    const r = scoreIncidentRelevance(filed('Postie rejected the plan receipt for each instalment with 422; the notice step recorded each as FAILED in notices_sent.'), plans, window);
    expect(r.reasons[0]).toContain('notices_sent (records of the component)');
    expect(r.reasons[0]).toContain('(0.25 of 0.25)');
    expect(r.high).toBe(true);
  });

  it('is routed elsewhere when it names none (a name inside a key template is no record)', () => {
    const r = scoreIncidentRelevance(filed('Postie rejected the plan receipt for each instalment with 422 (dedupe id rf-{plan_id}).'), plans, window);
    expect(r.reasons[0]).toBe('systems: impacted Postie, which the manifold says own what the component is not responsible for (0.00 of 0.25)');
    expect(r.high).toBe(false);
  });
});

describe('relevance: a failure mode the manifold lists', () => {
  const manifoldWith = (source = '') =>
    parseManifold(
      `manifold: magpie
entities: [redemption, member, burn, voucher]
systems: [magpie, Abacus]
error_types: [duplicate_burn, refund_missing]
failure_modes:
  - id: FM4
    scenario: Abacus locked, slow or in maintenance
    mitigation: burns and refunds retry for 2 hours, then park; parked jobs page on-call
${source}`,
      'm.yaml',
    );
  // names neither error type nor a constraint: what happened is the failure mode, told in its own words
  const parked = parseIncidentsDocument(
    `incident_id: J1
date: 2024-10-01
severity: minor
title: Refund jobs parked after the ledger upgrade
description: Since the Abacus upgrade the magpie refund step could not get the member's row lock; refund jobs retried for 2 hours and then parked. The parked-jobs alert paged nobody.
`,
    'i.yaml',
  );

  it('counts as one error type for an incident that shows it, and says so', () => {
    const [a] = analyzeIncidents(parked, manifoldWith(), window, HIGH_RELEVANCE_THRESHOLD, []).analyzed;
    expect(a?.relevance.reasons).toContain('error types: shows FM4 (0.13 of 0.25)');
  });

  it('does not count a failure mode a merge wrote from the incidents themselves', () => {
    const merged = manifoldWith('    _source: failure_analysis\n');
    const [a] = analyzeIncidents(parked, merged, window, HIGH_RELEVANCE_THRESHOLD, []).analyzed;
    expect(a?.relevance.reasons).toContain('error types: none (0.00 of 0.25)');
  });

  it('does not count for an incident that only shares its provider', () => {
    const other = parseIncidentsDocument(
      `incident_id: J2
date: 2024-10-01
severity: minor
title: Expiry run slow
description: The Abacus expiry run was slow for members and magpie redemptions waited.
`,
      'i.yaml',
    );
    const [a] = analyzeIncidents(other, manifoldWith(), window, HIGH_RELEVANCE_THRESHOLD, []).analyzed;
    expect(a?.relevance.reasons.find((r) => r.startsWith('error types'))).not.toContain('FM4');
  });
});
