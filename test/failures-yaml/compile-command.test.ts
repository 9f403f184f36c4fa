import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerCompileCommand } from '../../src/cli/commands/compile.js';
import { loadRuleFile } from '../../src/rules-loader/load-rules.js';
import { builtins, FIXTURES, tempDir, tempFile } from './helpers.js';

async function run(...args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  let out = '';
  let err = '';
  const program = new Command('faultline').exitOverride();
  registerCompileCommand(program, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  process.exitCode = undefined;
  await program.parseAsync(['compile', ...args], { from: 'user' });
  const code = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return { out, err, code };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('faultline compile', () => {
  it('prints the rules as YAML with how each compiled', async () => {
    const { out, err, code } = await run(join(FIXTURES, 'seed-failures.yaml'));
    expect(code).toBeUndefined();
    expect(err).toBe('');
    expect(out).toContain(`# AP-003 Swallowed Ambiguous Response (${join(FIXTURES, 'seed-failures.yaml')}:83): compiled from built-in AP-003`);
    expect(out).toContain('#   example_bad_code (line 91, python): 2 findings, fires as it must');
    expect(out).toContain('#   example_good_code (line 101, python): 0 findings, quiet as it must');
    expect(out.split('\n---\n')).toHaveLength(3);
    expect(out).toContain('\nid: AP-002\nslug: notification-per-retry\ntitle: Notification Per Retry\n');
  });

  it('shows the phrase mapping', async () => {
    const { out } = await run(join(FIXTURES, 'phrases-failures.yaml'));
    expect(out).toContain('#   "Missing idempotency key" (line 11) -> call: mutating, not: idempotency-key');
  });

  it('writes loadable rule files with --out', async () => {
    const dir = join(tempDir(), 'rules');
    const { out, code } = await run(join(FIXTURES, 'phrases-failures.yaml'), '--out', dir);
    expect(code).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(['CK-101-blind-charge-retry.yaml', 'CK-102-receipt-spam.yaml', 'CK-103-timeout-means-declined.yaml']);
    expect(out).toContain(`# wrote ${join(dir, 'CK-101-blind-charge-retry.yaml')}`);
    const rule = loadRuleFile(join(dir, 'CK-102-receipt-spam.yaml'), builtins().vocab);
    expect(rule.steps.map((s) => `${s.negate ? '!' : ''}${s.kind}`)).toEqual(['call', 'inside', '!idempotency-key', '!once-guard', '!exits-after']);
    expect(readFileSync(join(dir, 'CK-102-receipt-spam.yaml'), 'utf8')).toContain('  - not: { idempotency-key: dedup }\n');
  });

  it('prints error and help and sets exit code 2 on a malformed file, leaving it untouched', async () => {
    const text = 'anti_patterns:\n  - name: no id\n';
    const path = tempFile(text, { text: true });
    const { out, err, code } = await run(path);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`error: Cannot read ${path}:2: anti_patterns entry 1 has no \`id\`\n  help: Give every anti-pattern an id such as \`id: AP-004\`; ids are never reused.\n`);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('reports an unknown phrase with exit code 2', async () => {
    const path = tempFile('anti_patterns:\n  - id: X-001\n    name: Q\n    pattern_signature:\n      - Unbounded queue growth\n', { text: true });
    const { err, code } = await run(path);
    expect(code).toBe(2);
    expect(err).toMatch(/^error: Cannot compile .*:5: anti-pattern X-001 \(Q\): the pattern_signature phrase "Unbounded queue growth" maps to no matcher\n  help: /);
  });

  it('proves examples with the project vocabulary from faultline.config.yaml beside the file', async () => {
    const dir = tempDir();
    const path = join(dir, 'failures.yaml');
    // `apply_invoice` is no built-in mutating verb: only the project's vocabulary makes it one.
    writeFileSync(path, 'anti_patterns:\n  - id: AP-001\n    name: Retry Without Idempotency\n    example_bad_code: |\n      for attempt in range(3):\n          try:\n              ledger.apply_invoice(invoice)\n              break\n          except LedgerError:\n              continue\n');
    expect((await run(path)).code).toBe(2);
    writeFileSync(join(dir, 'faultline.config.yaml'), 'vocabulary:\n  calls:\n    mutating:\n      names: [ledger.apply_invoice]\n');
    const ok = await run(path);
    expect(ok.err).toBe('');
    expect(ok.out).toContain('example_bad_code (line 4, python): 1 finding, fires as it must');
  });

  it('reports an --out folder that cannot be created', async () => {
    const blocker = join(tempDir(), 'file');
    writeFileSync(blocker, 'x');
    const { err, code } = await run(join(FIXTURES, 'seed-failures.yaml'), '--out', join(blocker, 'rules'));
    expect(code).toBe(2);
    expect(err).toMatch(/^error: Cannot write rules to .*: (ENOTDIR|EEXIST)/);
  });
});
