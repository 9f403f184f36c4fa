import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FailuresFileError } from '../../src/errors.js';
import { parseFailuresText, quote, readFailuresFile, renderOccurrences, writeOccurrences, type Occurrence } from '../../src/failures-yaml/index.js';
import { FIXTURES, tempDir, tempFile } from './helpers.js';

const charge = (file: string, line: number, code = 'gateway.charge(payment)'): Occurrence => ({ file, line, code, risk: 'HIGH - will duplicate on retry' });

/** Lines of `after` that are not in `before`, and the reverse: a cheap line diff for assertions. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}

describe('renderOccurrences / writeOccurrences on the seed-shaped file', () => {
  const seed = readFileSync(join(FIXTURES, 'seed-failures.yaml'), 'utf8');

  it('leaves the text byte-identical when no list is given', () => {
    const file = parseFailuresText(seed, 'seed.yaml');
    expect(renderOccurrences(file, new Map())).toBe(seed);
  });

  it('leaves the text byte-identical when the lists already hold the occurrences', () => {
    const file = parseFailuresText(seed, 'seed.yaml');
    const same = charge('src/jobs/payment_reminder.py', 45, 'gateway.charge(payment)  # No idempotency key');
    expect(renderOccurrences(file, new Map([['AP-001', [same]]]))).toBe(seed);
  });

  it('replaces stale entries, adds missing keys, and changes nothing else', () => {
    const path = tempFile('seed-failures.yaml');
    const file = readFailuresFile(path);
    const result = writeOccurrences(path, file, {
      'AP-001': [charge('src/billing/retry.py', 12), charge('src/jobs/payment_reminder.py', 51)],
      'AP-002': [{ file: 'web/notify.ts', line: 8, code: "await sendSms(user, 'Payment failed');", risk: 'MEDIUM - will notify the user on every attempt' }],
      'AP-003': [],
    });
    expect(result.changed).toBe(true);
    const after = readFileSync(path, 'utf8');
    expect(after).toBe(result.text);
    const diff = changedLines(seed, after);
    // The stale occurrence is gone, and only occurrence lines were added.
    expect(diff.removed).toEqual(['        line: 45', '        code: "gateway.charge(payment)  # No idempotency key"']);
    expect(diff.added.every((l) => /^\s+(- file|line|code|risk|occurrences_in_codebase)[: ]/.test(l))).toBe(true);
    // Every original line is still there, in order: comments, blank lines, quoting, block scalars.
    const kept = seed.split('\n').filter((l) => !diff.removed.includes(l));
    const afterLines = after.split('\n');
    let at = 0;
    for (const line of kept) {
      at = afterLines.indexOf(line, at);
      expect(at, `line kept in order: ${line}`).toBeGreaterThanOrEqual(0);
      at++;
    }
    const data = parse(after) as { anti_patterns: { id: string; occurrences_in_codebase?: unknown }[] };
    expect(data.anti_patterns.map((e) => e.occurrences_in_codebase)).toEqual([
      [charge('src/billing/retry.py', 12), charge('src/jobs/payment_reminder.py', 51)],
      [{ file: 'web/notify.ts', line: 8, code: "await sendSms(user, 'Payment failed');", risk: 'MEDIUM - will notify the user on every attempt' }],
      [],
    ]);
    expect(after).toContain('        - "Rate limiting per user"\n    occurrences_in_codebase:\n      - file: "web/notify.ts"\n');
    expect(after).toContain('          mark_ambiguous()  # Don\'t assume failure\n    occurrences_in_codebase: []\n\nderived_constraints:');
  });

  it('is byte-identical on a second run with the same findings, and does not rewrite the file', () => {
    const path = tempFile('seed-failures.yaml');
    const occurrences = { 'AP-001': [charge('src/a.py', 3)], 'AP-002': [], 'AP-003': [charge('src/b.py', 9)] };
    writeOccurrences(path, readFailuresFile(path), occurrences);
    const first = readFileSync(path, 'utf8');
    const mtime = statSync(path).mtimeMs;
    const again = writeOccurrences(path, readFailuresFile(path), occurrences);
    expect(again.changed).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(first);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('goes from findings to none and back without drift', () => {
    const path = tempFile('seed-failures.yaml');
    const some = { 'AP-001': [charge('src/a.py', 3)], 'AP-002': [charge('src/n.py', 4)], 'AP-003': [] };
    const none = { 'AP-001': [], 'AP-002': [], 'AP-003': [] };
    writeOccurrences(path, readFailuresFile(path), some);
    const withSome = readFileSync(path, 'utf8');
    writeOccurrences(path, readFailuresFile(path), none);
    const withNone = readFileSync(path, 'utf8');
    expect(withNone).toContain('    occurrences_in_codebase: []\n\n    prevention:');
    writeOccurrences(path, readFailuresFile(path), some);
    expect(readFileSync(path, 'utf8')).toBe(withSome);
  });

  it('leaves entries whose id is not given untouched', () => {
    const file = parseFailuresText(seed, 'seed.yaml');
    const out = renderOccurrences(file, { 'AP-003': [] });
    expect(out).toContain('code: "gateway.charge(payment)  # No idempotency key"');
    expect(changedLines(seed, out).removed).toEqual([]);
  });

  it('keeps CRLF line endings', () => {
    const crlf = seed.replace(/\n/g, '\r\n');
    const out = renderOccurrences(parseFailuresText(crlf, 'crlf.yaml'), { 'AP-001': [charge('a.py', 1), charge('b.py', 2)], 'AP-002': [charge('c.py', 3)], 'AP-003': [] });
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    const again = renderOccurrences(parseFailuresText(out, 'crlf.yaml'), { 'AP-001': [charge('a.py', 1), charge('b.py', 2)], 'AP-002': [charge('c.py', 3)], 'AP-003': [] });
    expect(again).toBe(out);
  });
});

describe('renderOccurrences on unusual styles', () => {
  const text = readFileSync(join(FIXTURES, 'styles-failures.yaml'), 'utf8');
  const expected = readFileSync(join(FIXTURES, 'styles-failures.expected.yaml'), 'utf8');
  const o = (file: string, line: number): Occurrence => ({ file, line, code: 'call() # "x" \\ é', risk: 'HIGH - will duplicate on retry' });
  const occurrences = new Map(['AP-001', 'AP-002', 'AP-003', 'AP-004', 'AP-005', 'AP-006'].map((id, i) => [id, i % 2 === 0 ? [o('src/a.py', 3), o('src/b.py', 7)] : [o('src/c.ts', 1)]]));

  it('splices lists into compact sequences, flow maps, flow lists, null values and after |+ scalars', () => {
    expect(renderOccurrences(parseFailuresText(text, 'styles.yaml'), occurrences)).toBe(expected);
  });

  it('is stable on a second run', () => {
    expect(renderOccurrences(parseFailuresText(expected, 'styles.yaml'), occurrences)).toBe(expected);
  });

  it('keeps every other value, including the |+ scalar and the folded one', () => {
    const before = parse(text) as { anti_patterns: Record<string, unknown>[] };
    const after = parse(expected) as { anti_patterns: Record<string, unknown>[] };
    const strip = (d: { anti_patterns: Record<string, unknown>[] }) => d.anti_patterns.map(({ occurrences_in_codebase: _, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    expect(after.anti_patterns[3]?.trailer).toBe('kept trailing blank line\n\n');
  });

  it('writes an empty list as [] next to the key, keeping the key-line comment', () => {
    const emptied = renderOccurrences(parseFailuresText(expected, 'styles.yaml'), new Map([...occurrences.keys()].map((id) => [id, []])));
    expect(emptied).toContain("  occurrences_in_codebase: []   # reviewed 2024-05\n  # kept: a comment after the list\n");
    expect(emptied).toContain('- {id: AP-002, name: Notification Per Retry, occurrences_in_codebase: []}');
    expect(emptied).toContain('  occurrences_in_codebase: []   # none yet\n  notes: >-');
  });
});

describe('quote', () => {
  it('round-trips awkward strings through YAML', () => {
    for (const s of ['plain', 'a "quoted" \\ path', 'tab\there', 'line\nbreak', '# not a comment', ': colon', 'é ü 漢字 🙂', '\u0007bell', '\u0085nel', '\u2028sep', "it's", '{ flow: [x] }', '']) {
      expect(parse(`v: ${quote(s)}`)).toEqual({ v: s });
    }
  });
});

describe('writeOccurrences safety', () => {
  it('keeps the file mode and leaves no temporary file behind', () => {
    const path = tempFile('seed-failures.yaml');
    chmodSync(path, 0o640);
    writeOccurrences(path, readFailuresFile(path), { 'AP-001': [charge('a.py', 1)] });
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(path, '..'))).toEqual(['seed-failures.yaml']);
  });

  it('writes through a symlink and keeps the link', () => {
    const path = tempFile('seed-failures.yaml');
    const link = join(tempDir(), 'link.yaml');
    symlinkSync(path, link);
    writeOccurrences(link, readFailuresFile(link), { 'AP-001': [charge('a.py', 1)] });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('file: "a.py"');
  });

  it('refuses a path that cannot be written (its parent is a regular file); the file is untouched', () => {
    const path = tempFile('seed-failures.yaml');
    const file = readFailuresFile(path);
    const blocker = join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, 'x');
    const target = join(blocker, 'failures.yaml');
    expect(() => writeOccurrences(target, file, { 'AP-001': [charge('a.py', 1)] })).toThrow(FailuresFileError);
    expect(() => writeOccurrences(target, file, { 'AP-001': [charge('a.py', 1)] })).toThrow(/Cannot write .*ENOTDIR.*not changed/);
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(join(FIXTURES, 'seed-failures.yaml'), 'utf8'));
    expect(readFileSync(blocker, 'utf8')).toBe('x');
  });

  it('refuses to overwrite a file that changed since it was read', () => {
    const path = tempFile('seed-failures.yaml');
    const file = readFailuresFile(path);
    writeFileSync(path, file.text + '# edited meanwhile\n');
    expect(() => writeOccurrences(path, file, { 'AP-001': [] })).toThrow(/changed since it was read/);
    expect(readFileSync(path, 'utf8')).toBe(file.text + '# edited meanwhile\n');
  });

  it('refuses an explicit ? key it cannot rewrite in place', () => {
    const text = 'anti_patterns:\n  - id: AP-001\n    ? occurrences_in_codebase\n    : []\n';
    expect(() => renderOccurrences(parseFailuresText(text, 'q.yaml'), { 'AP-001': [charge('a.py', 1)] })).toThrow(/explicit `\? ` key/);
  });
});
