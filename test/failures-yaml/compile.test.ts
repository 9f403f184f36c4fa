import { describe, expect, it } from 'vitest';
import { FailuresFileError, RuleSchemaError, UnknownMatcherError } from '../../src/errors.js';
import { compileFailures, matchPhrase, parseFailuresText, PHRASES, readFailuresFile, type FailuresFile } from '../../src/failures-yaml/index.js';
import { builtins, FIXTURES } from './helpers.js';

function compileText(text: string, proveExamples = true) {
  return compileFailures(parseFailuresText(text, 'failures.yaml'), { ...builtins(), proveExamples });
}

function compileError(text: string): FailuresFileError {
  try {
    compileText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FailuresFileError);
    return error as FailuresFileError;
  }
  throw new Error('expected compilation to fail');
}

describe('compileFailures: built-ins', () => {
  const file: FailuresFile = readFailuresFile(`${FIXTURES}/seed-failures.yaml`);

  it('maps the seed entries onto the built-ins by id, under the file\'s ids, names and prevention', () => {
    const { rules, report } = compileFailures(file, builtins());
    expect(report.map((r) => [r.id, r.from])).toEqual([
      ['AP-001', 'builtin:AP-001'],
      ['AP-002', 'builtin:AP-002'],
      ['AP-003', 'builtin:AP-003'],
    ]);
    const ap001 = rules[0]!;
    expect(ap001.title).toBe('Retry Without Idempotency');
    expect(ap001.source).toBe(`${FIXTURES}/seed-failures.yaml#AP-001`);
    expect(report[0]?.steps).toEqual(['call: mutating', 'inside: retry', 'not: idempotency-key', 'not: prior-success-check', 'not: { call: notification }', 'not: scheduled-run']);
    expect(ap001.prevention?.must_include).toEqual(['Idempotency key in all mutating operations', 'Check for existing success before retry']);
    // AP-003 is named "Swallowed Ambiguous Response" in the file; its slug follows the name.
    expect(rules[2]?.slug).toBe('swallowed-ambiguous-response');
    expect(rules[2]?.steps.map((s) => s.kind)).toEqual(['records', 'inside', 'scope-mentions']);
  });

  it('proves the seed AP-003 examples: the bad one fires, the good one does not', () => {
    const { report } = compileFailures(file, builtins());
    expect(report[2]?.examples).toEqual([
      { kind: 'bad', line: 91, language: 'python', findings: 2 },
      { kind: 'good', line: 101, language: 'python', findings: 0 },
    ]);
  });

  it('links incidents the file lists through the rule signals', () => {
    const { rules, report } = compileFailures(file, builtins());
    expect(report.map((r) => r.incidents)).toEqual([['INC-2024-089'], ['INC-2024-112'], ['INC-2024-089']]);
    expect(rules[0]?.metadata?.incidents).toEqual(['INC-2024-089']);
  });

  it('maps by name or slug when the id differs, ignoring case and punctuation', () => {
    const { report, rules } = compileText('anti_patterns:\n  - id: PAY-007\n    name: "retry without IDEMPOTENCY!"\n  - id: PAY-008\n    name: x\n    slug: notify-in-retry-loop\n');
    expect(report.map((r) => r.from)).toEqual(['builtin:AP-001', 'builtin:AP-002']);
    expect(rules.map((r) => r.id)).toEqual(['PAY-007', 'PAY-008']);
  });

  it('does not use a built-in whose id matches but whose name shares no word', () => {
    const { report } = compileText('anti_patterns:\n  - id: AP-001\n    name: Unbounded Queue Growth\n    pattern_signature:\n      - No idempotency key\n');
    expect(report[0]?.from).toBe('phrases');
    expect(report[0]?.notes[0]).toMatch(/shares no word/);
  });

  it('takes explicit incidents from the entry', () => {
    const { rules } = compileText('anti_patterns:\n  - id: AP-001\n    incidents: [INC-1, INC-2]\n');
    expect(rules[0]?.metadata?.incidents).toEqual(['INC-1', 'INC-2']);
  });
});

describe('compileFailures: phrases', () => {
  it('compiles a team file from close wordings and proves each rule against its examples', () => {
    const { rules, report } = compileFailures(readFailuresFile(`${FIXTURES}/phrases-failures.yaml`), builtins());
    expect(report.map((r) => [r.id, r.from, r.steps])).toEqual([
      ['CK-101', 'phrases', ['call: mutating', 'inside: retry', 'not: idempotency-key', 'not: prior-success-check']],
      ['CK-102', 'phrases', ['call: notification', 'inside: retry', 'not: { idempotency-key: dedup }', 'not: once-guard', 'not: exits-after']],
      ['CK-103', 'phrases', ['records: failure', 'inside: ambiguous-outcome', 'not: { scope-mentions: ambiguous }']],
    ]);
    expect(report.map((r) => r.examples.map((e) => `${e.kind}:${e.language}:${e.findings > 0 ? 'fires' : 'quiet'}`))).toEqual([
      ['bad:python:fires', 'good:python:quiet'],
      ['bad:typescript:fires', 'good:typescript:quiet'],
      ['bad:javascript:fires'],
    ]);
    expect(report[0]?.phrases.map((p) => [p.line, p.matched])).toEqual([
      [10, ['retry-on-failure']],
      [11, ['no-idempotency-key']],
      [12, ['no-prior-success-check']],
    ]);
    expect(rules[0]).toMatchObject({ slug: 'blind-charge-retry', title: 'Blind Charge Retry', risk: 'high', consequence: 'Charging again on every failure, with nothing to stop a double charge' });
    expect(rules[0]?.message).toBe('{callee} matches CK-101 Blind Charge Retry in {context}: Charging again on every failure, with nothing to stop a double charge');
  });

  it('compiles the seed phrases (under ids and names no built-in has) to the built-in signatures', () => {
    const { report } = compileText(`anti_patterns:
  - id: X-001
    name: One
    pattern_signature: ["Retry on any failure", "No idempotency key", "No pre-check for success"]
  - id: X-002
    name: Two
    pattern_signature: ["Notification in retry loop", "No notification deduplication"]
  - id: X-003
    name: Three
    pattern_signature: ["Binary success/failure logic", "No handling for timeout/ambiguous"]
`);
    expect(report.map((r) => r.steps)).toEqual([
      ['call: mutating', 'inside: retry', 'not: idempotency-key', 'not: prior-success-check'],
      ['call: notification', 'inside: retry', 'not: { idempotency-key: dedup }', 'not: once-guard', 'not: exits-after'],
      ['records: failure', 'inside: ambiguous-outcome', 'not: { scope-mentions: ambiguous }'],
    ]);
  });

  it('refuses an unknown phrase, naming the anti-pattern, the phrase and its line', () => {
    const e = compileError('anti_patterns:\n  - id: X-001\n    name: Queue\n    pattern_signature:\n      - "No idempotency key"\n      - "Unbounded queue growth"\n');
    expect(e.message).toBe('Cannot compile failures.yaml:6: anti-pattern X-001 (Queue): the pattern_signature phrase "Unbounded queue growth" maps to no matcher');
    expect(e.line).toBe(6);
    expect(e.help).toContain('"No idempotency key"');
  });

  it('refuses a phrase that negates what it would match (a prevention, not a signature)', () => {
    const e = compileError('anti_patterns:\n  - id: X-001\n    name: Q\n    pattern_signature:\n      - No notification in retry loop\n');
    expect(e.message).toMatch(/"No notification in retry loop" maps to no matcher/);
  });

  it('refuses phrases with no anchor, and phrases with two', () => {
    expect(compileError('anti_patterns:\n  - id: X-001\n    name: Q\n    pattern_signature: ["No handling for timeout/ambiguous"]\n').message).toMatch(/say what to exclude but not what to look for/);
    const two = compileError('anti_patterns:\n  - id: X-001\n    name: Q\n    pattern_signature:\n      - No idempotency key\n      - Notification in retry loop\n');
    expect(two.message).toMatch(/two different things to look for: `call: mutating` \(from "No idempotency key"\) and `call: notification` \(from "Notification in retry loop"\)/);
    expect(two.line).toBe(6);
  });

  it('refuses an entry with nothing to compile', () => {
    expect(compileError('anti_patterns:\n  - id: X-001\n    name: Nothing\n').message).toMatch(/has no `signature:`, matches no built-in .* no `pattern_signature` phrases/);
  });

  it('takes risk and consequence from an existing occurrence when the entry has none', () => {
    const { rules } = compileText('anti_patterns:\n  - id: X-001\n    name: Q\n    pattern_signature: [No idempotency key]\n    occurrences_in_codebase:\n      - { file: a.py, line: 1, code: x, risk: "MEDIUM - charges twice" }\n');
    expect(rules[0]).toMatchObject({ risk: 'medium', consequence: 'charges twice' });
  });
});

describe('phrase vocabulary', () => {
  it('matches every documented wording to its row', () => {
    for (const entry of PHRASES) {
      for (const phrase of [entry.canonical, ...entry.examples]) {
        expect(matchPhrase(phrase).map((m) => m.name), phrase).toContain(entry.name);
      }
    }
  });

  it.each([
    ['NO IDEMPOTENCY-KEY', ['no-idempotency-key']],
    ['no  idempotency keys.', ['no-idempotency-key']],
    ['Without idempotency', ['no-idempotency-key']],
    ['Missing pre-check for prior success', ['no-prior-success-check']],
    ['No idempotency key in retry loop', ['retry-on-failure', 'no-idempotency-key']],
    ['Retry on any failure', ['retry-on-failure']],
    ['Binary success / failure logic', ['binary-outcome']],
    ['No handling for timeouts or ambiguous responses', ['no-ambiguous-handling']],
  ])('%s', (phrase, names) => {
    expect(matchPhrase(phrase).map((m) => m.name)).toEqual(names);
  });

  it.each(['Missing retry limit', 'Unbounded queue growth', 'Idempotency key not used', 'Timeout = failure'])('maps nothing for %s', (phrase) => {
    expect(matchPhrase(phrase)).toEqual([]);
  });
});

describe('compileFailures: explicit signature', () => {
  it('compiles a signature block in the rule format, anchor first, with defaults from name and description', () => {
    const { rules, report } = compileText(`anti_patterns:
  - id: AP-010
    name: Refund In Retry
    description: Refunds retried without a key. Costs money twice.
    languages: [python]
    risk: MEDIUM
    signature:
      - inside: retry
      - call: mutating
      - not: idempotency-key
    example_bad_code: |
      @retry
      def undo(order):
          stripe.Refund.create(charge=order.charge_id)
`);
    expect(report[0]).toMatchObject({ from: 'explicit', steps: ['call: mutating', 'inside: retry', 'not: idempotency-key'] });
    expect(rules[0]).toMatchObject({ risk: 'medium', languages: ['python'], consequence: 'Refunds retried without a key', rationale: 'Refunds retried without a key. Costs money twice.' });
  });

  it('reports a bad matcher at its line in the failures file', () => {
    let error: unknown;
    try {
      compileText('anti_patterns:\n  - id: AP-010\n    name: R\n    signature:\n      - call: mutating\n      - inside: retry\n      - not: made-up\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FailuresFileError);
    expect((error as FailuresFileError).line).toBe(7);
    expect((error as FailuresFileError).message).toMatch(/^Cannot compile failures.yaml:7: anti-pattern AP-010 \(R\): signature entry 3 names the matcher "made-up", which does not exist$/);
    expect((error as FailuresFileError).cause).toBeInstanceOf(UnknownMatcherError);
  });

  it('reports a bad field at its line', () => {
    const e = compileError('anti_patterns:\n  - id: AP-010\n    name: R\n    risk: severe\n    signature: [{ call: mutating }]\n');
    expect(e.message).toMatch(/failures.yaml:4: .*`risk` must be high, medium or low \(got "severe"\)/);
  });

  it('reports an id that cannot be a rule id', () => {
    const e = compileError('anti_patterns:\n  - id: retry-1\n    name: R\n    signature: [{ call: mutating }]\n');
    expect(e.message).toMatch(/failures.yaml:2: .*`id`: an id is letters, a dash and a zero-padded number/);
  });

  it('refuses a signature with no anchor through compileRule', () => {
    const e = compileError('anti_patterns:\n  - id: AP-010\n    name: R\n    signature: [{ inside: retry }]\n');
    expect(e.message).toMatch(/failures.yaml:4: anti-pattern AP-010 \(R\): the first signature entry must find candidates/);
    expect(e.cause).toBeInstanceOf(RuleSchemaError);
  });
});

describe('compileFailures: example proof', () => {
  const entry = (bad: string, good: string) => `anti_patterns:
  - id: AP-003
    name: Swallowed Ambiguous Response
    example_bad_code: |
${bad.replace(/^/gm, '      ')}
    example_good_code: |
${good.replace(/^/gm, '      ')}
`;
  const fires = 'try:\n    gateway.charge(payment)\nexcept Timeout:\n    mark_failure()';
  const quiet = 'try:\n    gateway.charge(payment)\nexcept Timeout:\n    mark_pending()';

  it('fails when the good example fires, showing the example and the finding', () => {
    const e = compileError(entry(fires, fires));
    expect(e.line).toBe(9);
    expect(e.message).toContain('its example_good_code (Python) fires the compiled rule 1 time, but a good example must not');
    expect(e.message).toContain('line 4: mark_failure()');
    expect(e.message).toContain('    4 |     mark_failure()');
  });

  it('fails when the bad example does not fire, saying which step found nothing', () => {
    const e = compileError(entry(quiet, quiet));
    expect(e.line).toBe(4);
    expect(e.message).toContain('its example_bad_code (Python) does not fire the compiled rule: nothing was found');
    expect(e.message).toContain('why: `records: failure` found none');
    expect(e.message).toContain('    1 | try:');
  });

  it('explains which step dropped the last candidate', () => {
    const e = compileError(entry('try:\n    gateway.charge(payment)\nexcept Timeout:\n    mark_failure()\n    reconcile_later(payment)', quiet));
    expect(e.message).toContain('why: `records: failure` found 1 (line 4); `inside: ambiguous-outcome` kept 1 (line 4); `not: { scope-mentions: ambiguous }` kept none');
  });

  it('passes when the bad example fires and the good one does not; can be switched off', () => {
    expect(compileText(entry(fires, quiet)).report[0]?.examples.map((e) => e.findings)).toEqual([1, 0]);
    expect(compileText(entry(quiet, fires), false).report[0]?.examples).toEqual([]);
  });

  it('refuses an example in a language the rule does not target', () => {
    const e = compileError(`anti_patterns:
  - id: AP-001
    name: Retry Without Idempotency
    languages: [python]
    example_bad_code: |
      await pRetry(() => stripe.charges.create({ amount }), { retries: 3 });
`);
    expect(e.message).toMatch(/looks like JavaScript, but the rule only targets python/);
  });

  it('honours example_language', () => {
    const { report } = compileText(`anti_patterns:
  - id: AP-001
    name: Retry Without Idempotency
    example_language: ts
    example_bad_code: |
      await pRetry(() => stripe.charges.create({ amount }), { retries: 3 });
`);
    expect(report[0]?.examples[0]).toMatchObject({ language: 'typescript' });
    expect(report[0]?.examples[0]?.findings).toBeGreaterThan(0);
  });
});
