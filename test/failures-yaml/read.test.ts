import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FailuresFileError } from '../../src/errors.js';
import { readFailuresFile } from '../../src/failures-yaml/index.js';
import { FIXTURES, tempFile } from './helpers.js';

/** Reads `text` from a temp file, expects a FailuresFileError, and checks the file was not touched. */
function refused(text: string): FailuresFileError {
  const path = tempFile(text, { text: true });
  let error: unknown;
  try {
    readFailuresFile(path);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FailuresFileError);
  expect(readFileSync(path, 'utf8')).toBe(text);
  const e = error as FailuresFileError;
  expect(e.file).toBe(path);
  expect(e.message).toContain(`${path}:${e.line}`);
  expect(e.help).not.toBe('');
  return e;
}

describe('readFailuresFile', () => {
  it('reads the seed-shaped file: entries with lines, phrases, examples and incidents', () => {
    const file = readFailuresFile(`${FIXTURES}/seed-failures.yaml`);
    expect(file.antiPatterns.map((e) => [e.id, e.name, e.line])).toEqual([
      ['AP-001', 'Retry Without Idempotency', 48],
      ['AP-002', 'Notification Per Retry', 70],
      ['AP-003', 'Swallowed Ambiguous Response', 83],
    ]);
    expect(file.antiPatterns[0]?.phrases).toEqual([
      { text: 'Retry on any failure', line: 53 },
      { text: 'No idempotency key', line: 54 },
      { text: 'No pre-check for success', line: 55 },
    ]);
    expect(file.antiPatterns[2]?.badExamples[0]?.line).toBe(91);
    expect(file.antiPatterns[2]?.goodExamples[0]?.text).toContain('mark_ambiguous()');
    expect(file.incidents.map((i) => [i.id, i.title])).toEqual([
      ['INC-2024-089', 'Duplicate payments during gateway timeout'],
      ['INC-2024-112', 'Notification delays'],
    ]);
  });

  it('refuses a YAML syntax error, naming the line', () => {
    const e = refused('anti_patterns:\n  - id: AP-001\n    name: "unterminated\n  - id: AP-002\n');
    expect(e.message).toMatch(/invalid YAML/);
    expect(e.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses a duplicate key as a syntax error', () => {
    const e = refused('anti_patterns:\n  - id: AP-001\n    name: a\n    name: b\n');
    expect(e.message).toMatch(/invalid YAML/);
    expect(e.line).toBe(4);
  });

  it('refuses a file without anti_patterns', () => {
    const e = refused('# comment only header\nmeta:\n  manifold: x\n');
    expect(e.message).toMatch(/`anti_patterns` is missing/);
  });

  it('refuses an empty file', () => {
    expect(refused('').message).toMatch(/empty/);
  });

  it('refuses anti_patterns that is not a list', () => {
    const e = refused('meta: {}\nanti_patterns:\n  id: AP-001\n');
    expect(e.message).toMatch(/`anti_patterns` must be a list/);
    expect(e.line).toBe(3);
  });

  it('refuses an empty anti_patterns (the seed template left as is)', () => {
    const e = refused('meta: {}\nanti_patterns:\n  # ... identified anti-patterns with prevention\n\nderived_constraints: {}\n');
    expect(e.message).toMatch(/`anti_patterns` is empty/);
  });

  it('accepts anti_patterns: []', () => {
    expect(readFailuresFile(tempFile('anti_patterns: []\n', { text: true })).antiPatterns).toEqual([]);
  });

  it('refuses an entry without id, naming the entry and its line', () => {
    const e = refused('anti_patterns:\n  - id: AP-001\n    name: a\n\n  - name: Missing Id\n    description: x\n');
    expect(e.message).toMatch(/anti_patterns entry 2 has no `id`/);
    expect(e.line).toBe(5);
  });

  it('refuses an entry that is not a mapping', () => {
    const e = refused('anti_patterns:\n  - AP-001\n');
    expect(e.message).toMatch(/entry 1 must be a mapping/);
    expect(e.line).toBe(2);
  });

  it('refuses a non-string id', () => {
    const e = refused('anti_patterns:\n  - id: 7\n');
    expect(e.message).toMatch(/`id` must be a string/);
    expect(e.line).toBe(2);
  });

  it('refuses duplicate ids, naming both lines', () => {
    const e = refused('anti_patterns:\n  - id: AP-001\n    name: a\n  - id: "AP-001"\n    name: b\n');
    expect(e.message).toMatch(/duplicate anti-pattern id AP-001 \(first used at line 2\)/);
    expect(e.line).toBe(4);
  });

  it('reports an unreadable path', () => {
    expect(() => readFailuresFile(`${FIXTURES}/does-not-exist.yaml`)).toThrow(/Cannot read failures file .*ENOENT/);
  });
});
