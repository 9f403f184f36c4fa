import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageForPath } from '../../src/engine/languages.js';
import { settleAlone } from '../../src/engine/link.js';
import { scanSource } from '../../src/engine/scan-source.js';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';
import { builtinRules, vocab } from '../support/scan.js';

const repo = join(import.meta.dirname, '..', '..');

describe('faultline explain', () => {
  it("prints a built-in rule's rationale, examples and fix from its rule file", async () => {
    const rule = builtinRules.find((r) => r.id === 'AP-001')!;
    const r = await runCli(['explain', 'AP-001'], repo);
    expect(r.code).toBe(0);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain(rule.rationale.replace(/\s+/g, ' ').trim());
    expect(flat).toContain(rule.help.replace(/\s+/g, ' ').trim());
    for (const example of rule.examples ?? []) {
      for (const line of `${example.bad}${example.good}`.split('\n').filter((l) => l.trim() !== '')) expect(r.stdout).toContain(`    ${line}`);
    }
    expect(rule.examples?.length).toBeGreaterThan(0);
    expect(r.stdout.split('\n').filter((l) => l.length > 80)).toEqual([]);
  });

  it('finds a rule by slug, and explains a project rule loaded with --rules', async () => {
    expect((await runCli(['explain', 'notify-in-retry-loop'], repo)).stdout).toMatch(/^AP-002 notify-in-retry-loop: Notification Per Retry/);
    const dir = project({
      'rules/AP-100-refund-without-lookup.yaml':
        'id: AP-100\nslug: refund-without-lookup\ntitle: Refund Without Lookup\nrisk: high\nconsequence: will refund twice\nmessage: "{callee} refunds again"\nhelp: Look the refund up first.\nrationale: Refunds went out twice in INC-2025-007.\nlanguages: [python]\nsignature:\n  - call: mutating\n  - inside: retry\n',
    });
    const r = await runCli(['explain', 'ap-100', '--rules', 'rules'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Refunds went out twice in INC-2025-007.');
    expect(r.stdout).toContain('Look the refund up first.');
  });

  it('an unknown rule: exit 2 listing the loaded ones', async () => {
    const r = await runCli(['explain', 'AP-999'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown rule "AP-999"');
    expect(r.stderr).toContain('AP-001 (retry-without-idempotency)');
  });
});

describe("built-in rules' examples", () => {
  for (const rule of builtinRules) {
    it(`${rule.id}: every bad example fires it, no good example does`, () => {
      expect(rule.examples?.length, `${rule.id} has examples`).toBeGreaterThan(0);
      for (const example of rule.examples ?? []) {
        const file = example.language === 'python' ? 'example.py' : example.language === 'typescript' ? 'example.ts' : 'example.js';
        const language = languageForPath(file)!;
        const fired = (code: string) => settleAlone(scanSource(code, file, language, builtinRules, vocab), file, language.id).some((f) => f.ruleId === rule.id);
        expect(fired(example.bad), `${rule.id} ${example.language} bad`).toBe(true);
        expect(fired(example.good), `${rule.id} ${example.language} good`).toBe(false);
      }
    });
  }
});
