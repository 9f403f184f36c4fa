import { describe, expect, it } from 'vitest';
import { findSuppressions } from '../../src/engine/suppressions.js';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

/** A retried charge in TypeScript (AP-001 on the `gateway.charge` line, which `line` replaces). */
const loop = (line: string) => `export async function pay(p: unknown) {\n  for (let attempt = 0; attempt < 3; attempt++) {\n    try {\n${line}\n      return;\n    } catch (e) {\n      continue;\n    }\n  }\n}\n`;
const CHARGE = '      await gateway.charge(p);';

async function json(argv: string[], dir: string) {
  const r = await runCli(['scan', '.', '--format', 'json', ...argv], dir);
  return { code: r.code, report: JSON.parse(r.stdout) as { findings: { ruleId: string; suppression?: { justification: string } }[]; errors: { file: string; kind: string; line?: number; message: string }[] } };
}

describe('block-comment suppressions (TS/JS)', () => {
  it('/* faultline-ignore AP-001: reason */ above the line, at its end, and over several lines', async () => {
    for (const text of [
      loop(`      /* faultline-ignore AP-001: the gateway dedupes on p.id */\n${CHARGE}`),
      loop(`${CHARGE} /* faultline-ignore AP-001: the gateway dedupes on p.id */`),
      loop(`      /*\n       * faultline-ignore AP-001: the gateway\n       * dedupes on p.id\n       */\n${CHARGE}`),
      loop(`      /* faultline-ignore AP-001:\n         the gateway dedupes on p.id */\n${CHARGE}`),
    ]) {
      const dir = project({ 'a.ts': text });
      const { code, report } = await json([], dir);
      expect(code, text).toBe(0);
      expect(report.findings.map((f) => f.suppression?.justification), text).toEqual([expect.stringMatching(/^the gateway dedupes on p\.id$/)]);
    }
  });

  it('a block comment before code on the same line covers that line only', () => {
    expect(findSuppressions('/* faultline-ignore AP-001: ok */ f();\ng();\n', '//').map((s) => s.covers)).toEqual([[1]]);
    expect(findSuppressions('<div>{/* faultline-ignore AP-002: ok */}</div>\n', '//').map((s) => s.covers)).toEqual([[1]]);
    expect(findSuppressions('  {/* faultline-ignore AP-002: ok */}\n  <Send />\n', '//').map((s) => s.covers)).toEqual([[1, 2]]);
    // Not read in Python, where /* is no comment.
    expect(findSuppressions('x = 1 /* faultline-ignore AP-001: no */\n', '#')).toEqual([]);
  });
});

describe('--report-unused-suppressions', () => {
  it('reports comments that suppressed nothing, and the ids that matched nothing, and fails the run', async () => {
    const dir = project({
      'a.ts': loop(`      // faultline-ignore AP-001, AP-002: reviewed in #12\n${CHARGE}`),
      'b.ts': '// faultline-ignore AP-003: left over\nexport const x = 1;\n/* faultline-ignore: generated */\nexport const y = 2;\n',
    });
    const quiet = await json([], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.report.errors).toEqual([]);
    const { code, report } = await json(['--report-unused-suppressions'], dir);
    expect(code).toBe(1);
    expect(report.errors.map((e) => `${e.file}:${e.line} ${e.kind}`)).toEqual(['a.ts:4 unused-suppression', 'b.ts:1 unused-suppression', 'b.ts:3 unused-suppression']);
    expect(report.errors[0]?.message).toBe('faultline-ignore AP-002 suppressed nothing here; remove that id (or the comment)');
    expect(report.errors[2]?.message).toBe('this faultline-ignore comment suppressed nothing; remove it');
    expect((await json(['--report-unused-suppressions', '--fail-on', 'none'], dir)).code).toBe(0);
  });

  it('an unknown id keeps its own warning and is not reported again as unused', async () => {
    const dir = project({ 'c.ts': '// faultline-ignore AP-999: typo\nexport const z = 1;\n' });
    const { report } = await json(['--report-unused-suppressions'], dir);
    expect(report.errors.map((e) => `${e.file}:${e.line} ${e.kind}`)).toEqual(['c.ts:1 suppression']);
  });

  it('a suppression that is used is not reported, in the text report either', async () => {
    const dir = project({ 'a.ts': loop(`      // faultline-ignore AP-001: reviewed in #12\n${CHARGE}`) });
    const r = await runCli(['scan', '.', '--report-unused-suppressions'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('warning');
    expect(r.stdout).toContain('1 suppressed');
  });
});
