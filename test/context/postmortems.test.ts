import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIncidentsDocument, parsePostmortem } from '../../src/context/index.js';
import { announcedRule, deriveConstraints, incidentLessons, isProcessAction, postmortemLessons } from '../../src/context/analysis/derived-constraints.js';
import { EXAMPLE_DIR } from './helpers.js';

const example = (name: string): string => readFileSync(path.join(EXAMPLE_DIR, 'postmortems', name), 'utf8');

describe('parsePostmortem', () => {
  it('reads "Why …? Because …" items, task lists, systemic issues and lessons', () => {
    const pm = parsePostmortem(example('pm-2024-089-duplicate-payments.md'), 'pm.md');
    expect(pm.id).toBe('PM-2024-089');
    expect(pm.incidentId).toBe('INC-2024-089');
    expect(pm.fiveWhys).toHaveLength(5);
    expect(pm.fiveWhys[0]).toEqual({ why: 'Why did duplicate payments occur?', because: 'Retry logic retried successful payments' });
    expect(pm.actionItems).toEqual({
      completed: ['Add basic duplicate detection', 'Add alerting for duplicate attempts'],
      incomplete: ['Implement proper idempotency keys', 'Add chaos testing for gateway failures'],
    });
    expect(pm.systemicIssues).toEqual(['Specs don\'t require failure mode analysis', 'No chaos/failure testing in CI', 'Retry patterns not standardized']);
    expect(pm.lessons[0]).toBe('Idempotency is non-negotiable for payment retry');
  });

  it('reads a five-whys table, a linked incident and an ID field', () => {
    const pm = parsePostmortem(example('pm-2024-112-notification-spam.md'), 'pm.md');
    expect(pm.id).toBe('PM-2024-112');
    expect(pm.incidentId).toBe('INC-2024-112');
    expect(pm.fiveWhys[1]).toEqual({ why: 'The retry worker sent an SMS on every attempt', because: 'Notification was called inside the retry loop' });
    expect(pm.actionItems.incomplete).toHaveLength(2);
  });

  it('reads a plain list as a causal chain and nested task items', () => {
    const pm = parsePostmortem(example('pm-2024-156-stuck-processing.md'), 'pm.md');
    expect(pm.id).toBe('PM-2024-156');
    expect(pm.fiveWhys).toHaveLength(4);
    expect(pm.fiveWhys[3]).toEqual({ why: 'A 504 was treated as a definite failure', because: 'Gateway responses are handled as success or failure, with no ambiguous state' });
    expect(pm.actionItems.completed).toEqual(['Reconcile ambiguous charges nightly']);
    expect(pm.actionItems.incomplete).toContain('Show "confirming with your bank" to customers while ambiguous');
  });

  it('is not fooled by Markdown that only looks like a field or a task', () => {
    const md = '# Title\n\nIncident: INC-9\n\n```\n- [ ] not a task\nIncident: INC-0\n```\n\n## Action items\n\n- [x] real\n';
    const pm = parsePostmortem(md, 'pm-x.md');
    expect(pm.incidentId).toBe('INC-9');
    expect(pm.id).toBe('pm-x');
    expect(pm.actionItems).toEqual({ completed: ['real'], incomplete: [] });
  });

  it('refuses a postmortem without an incident reference', () => {
    expect(() => parsePostmortem('# PM-1: Outage\n\n## Five whys\n\n- a\n- b\n', 'postmortems/pm-1.md')).toThrowError(
      'postmortems/pm-1.md: no incident reference',
    );
  });

  it('names the item that lacks a "because" in a Why/Because list', () => {
    const md = 'Incident: INC-1\n\n## Five Whys\n\n1. Why X? Because Y.\n2. Why Y?\n3. Why Z? Because W.\n';
    expect(() => parsePostmortem(md, 'pm.md')).toThrowError('pm.md line 6 (Five Whys item 2): has no "because"');
  });

  it('names a five-whys table without a Because column', () => {
    const md = 'Incident: INC-1\n\n## 5 Whys\n\n| Why | Owner |\n|---|---|\n| a | b |\n';
    expect(() => parsePostmortem(md, 'pm.md')).toThrowError(/^pm\.md line 5 \(five whys table\): needs a "Why" and a "Because" column/);
  });
});

describe('postmortems and incidents that state their lessons in other shapes', () => {
  it('takes the incident from the title over a reference further down, and reads an action table without a Status column', () => {
    const pm = parsePostmortem(
      `# Postmortem: Duplicate claims after timeouts (INC-318)

**Date:** 2026-06-18

## Action Items

| Action Item | Type | Bug |
|---|---|---|
| Record a timeout as UNKNOWN, never as rejected | prevent | PHARM-1 **DONE** |
| Chaos test: latency injection | mitigate | PHARM-2 (open) |

## Supporting information

- Incident: INC-297 (April, same failure)
`,
      'pm.md',
    );
    expect(pm.incidentId).toBe('INC-318');
    expect(pm.actionItems).toEqual({ completed: ['Record a timeout as UNKNOWN, never as rejected'], incomplete: ['Chaos test: latency injection'] });
  });

  it("derives constraints from an incident's follow-ups, keeping a measurable alert and dropping a disclaimer", () => {
    const [incident] = parseIncidentsDocument(
      `incident_id: INC-1
date: 2026-08-27
severity: P2
title: Refills waited
description: |
  The status job was not re-enabled after maintenance.

  Note: scheduled refills were not affected.

  Follow-ups: alert when any claim has been unknown for more than 2 hours; add a dashboard; maintenance flags get an expiry.
`,
      'i.yaml',
    );
    if (!incident) throw new Error('no incident');
    expect(incidentLessons(incident).map((l) => l.statement)).toEqual([
      'Alert when any claim has been unknown for more than 2 hours',
      'Maintenance flags get an expiry',
    ]);
    expect(isProcessAction('Add a dashboard')).toBe(true);
    expect(isProcessAction('Alert on refills with more than one claim in flight')).toBe(false);
    const analyzed = { incident, relevance: {} as never, constraintsAffected: [], antiPatterns: [], stems: new Set<string>() };
    const derived = deriveConstraints([analyzed], [], []).fromIncidents.flatMap((g) => g.constraints.map((c) => c.statement));
    expect(derived).toEqual([
      'The status job must be re-enabled after maintenance',
      'Alert when any claim has been unknown for more than 2 hours',
      'Maintenance flags get an expiry',
    ]);
  });
});

describe('a lesson that names its rule', () => {
  const pm = (lessons: string): ReturnType<typeof parsePostmortem> =>
    parsePostmortem(['# Receipt storm (OPS-77)', '', 'Incident: OPS-77', '', '## Lessons', '', lessons, ''].join('\n'), 'ops-77.md');

  it('takes what follows "the rule … is" as the rule, though the sentence also says what something is', () => {
    const lessons = postmortemLessons(
      pm(
        'The mistake was a side effect inside something that repeats. Orders need a record of what we already sent, and the rule we settled on is one "payment failed" email per order per decline reason, no matter how many times the charge is retried.',
      ),
    ).filter((l) => l.rationale.endsWith('lesson'));
    expect(lessons.map((l) => l.statement)).toEqual([
      '"Payment failed" email once per order per decline reason, no matter how many times the charge is retried',
    ]);
  });

  it('reads "policy:" and drops "that"; a noun not followed by a rule names none', () => {
    expect(announcedRule('Our policy from today: every refund is written to the ledger before the card is credited.')).toBe(
      'every refund is written to the ledger before the card is credited',
    );
    expect(announcedRule('The new rule is that a webhook replay never re-sends the receipt.')).toBe('a webhook replay never re-sends the receipt');
    expect(announcedRule('The dedup rule did not fire because the key changed.')).toBeUndefined();
    expect(announcedRule('The rule is fine.')).toBeUndefined();
    expect(announcedRule('The retry loop is fine on its own.')).toBeUndefined();
  });
});

describe('a lesson with an indirect question (ev-session-billing, round 18)', () => {
  const pm = (lessons: string): ReturnType<typeof parsePostmortem> =>
    parsePostmortem(['# Double payouts (OPS-78)', '', 'Incident: OPS-78', '', '## Lessons', '', lessons, ''].join('\n'), 'ops-78.md');
  const rules = (lessons: string): string[] =>
    postmortemLessons(pm(lessons))
      .filter((l) => l.rationale.endsWith('lesson'))
      .map((l) => l.statement);

  it('reads "what the bank did" inside a rule as no event of the incident', () => {
    expect(rules('1. A payout that timed out stays PENDING until a status query tells us what the bank did; only then may anything pay it again.')).toEqual([
      'A payout that timed out stays PENDING until a status query tells us what the bank did; only then may anything pay it again',
    ]);
  });

  it('still reads a sentence that tells what happened as no rule', () => {
    expect(rules('1. The bank did not answer for an hour and the job paid everyone again.')).toEqual([]);
  });
});
