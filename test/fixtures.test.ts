import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageForPath } from '../src/engine/languages.js';
import { settleAlone } from '../src/engine/link.js';
import { scanSource } from '../src/engine/scan-source.js';
import type { RuleLanguage } from '../src/engine/types.js';
import { loadBuiltinVocabulary, loadRules } from '../src/rules-loader/load-rules.js';
import { parseAnnotations } from './support/annotations.js';

/**
 * The fixture harness. Every bad fixture line annotated `expect:` must get a finding of its
 * folder's rule starting on it, every finding must be expected, and every `ok:` line must stay
 * quiet; `todo-` annotations are known gaps that fail once the rule starts behaving. The
 * structure checks (STYLE.md 1–6) make it impossible for a fixture to silently stop being checked.
 */
const root = join(import.meta.dirname, '..', 'fixtures');
const vocab = loadBuiltinVocabulary();
const rules = loadRules({ builtin: true, extra: [], vocab });
const ruleIds = new Set(rules.map((r) => r.id));

interface Fixture {
  path: string;
  kind: 'bad' | 'good';
  ruleId: string;
  language: RuleLanguage;
}

function listFixtures(): { fixtures: Fixture[]; strays: string[] } {
  const fixtures: Fixture[] = [];
  const strays: string[] = [];
  for (const kind of ['bad', 'good'] as const) {
    const dir = join(root, kind);
    for (const ruleId of readdirSync(dir)) {
      const ruleDir = join(dir, ruleId);
      if (!statSync(ruleDir).isDirectory()) {
        strays.push(relative(root, ruleDir));
        continue;
      }
      for (const name of readdirSync(ruleDir)) {
        const path = join(ruleDir, name);
        const language = languageForPath(path);
        if (language === undefined) strays.push(relative(root, path));
        else fixtures.push({ path, kind, ruleId, language: language.id });
      }
    }
  }
  return { fixtures, strays };
}

const { fixtures, strays } = listFixtures();

describe('fixture layout', () => {
  it('holds only source files in folders named by rule id (1)', () => {
    expect(strays).toEqual([]);
    const unknown = [...new Set(fixtures.map((f) => f.ruleId))].filter((id) => !ruleIds.has(id));
    expect(unknown, 'fixture folders naming rules the registry does not know').toEqual([]);
  });

  it('has a bad and a good fixture for every rule/language pair (1, 6)', () => {
    const missing: string[] = [];
    for (const rule of rules) {
      for (const language of rule.languages) {
        for (const kind of ['bad', 'good'] as const) {
          if (!fixtures.some((f) => f.ruleId === rule.id && f.language === language && f.kind === kind)) missing.push(`${kind}/${rule.id} ${language}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('rejects fixtures for a language the rule does not declare (1)', () => {
    const wrong = fixtures.filter((f) => !rules.find((r) => r.id === f.ruleId)?.languages.includes(f.language));
    expect(wrong.map((f) => relative(root, f.path))).toEqual([]);
  });
});

for (const fixture of fixtures) {
  const name = relative(root, fixture.path);
  const language = languageForPath(fixture.path);
  const rule = rules.find((r) => r.id === fixture.ruleId);
  if (language === undefined || rule === undefined) continue;
  const text = readFileSync(fixture.path, 'utf8');
  const { annotations, problems } = parseAnnotations(text, language.lineComment);

  describe(name, () => {
    // As the CLI scanning this one file would: its own module is the project's only one.
    const raw = scanSource(text, name, language, [rule], vocab, { projectModules: new Set([basename(fixture.path).replace(/\.[^.]+$/, '')]) });
    const scan = { warnings: raw.warnings, findings: settleAlone(raw, name, language.id) };
    const found = new Set(scan.findings.map((f) => f.line));

    it('parses cleanly and has well-formed annotations for its folder’s rule (2, 4, 5)', () => {
      expect(scan.warnings, 'fixtures must parse without syntax errors').toEqual([]);
      expect(problems).toEqual([]);
      expect(annotations.filter((a) => a.ruleId !== fixture.ruleId).map((a) => `line ${a.at}: ${a.ruleId}`)).toEqual([]);
      if (fixture.kind === 'bad') expect(annotations.some((a) => a.kind === 'expect'), 'a bad fixture needs an expect:').toBe(true);
      else {
        expect(annotations.some((a) => a.kind === 'ok'), 'a good fixture needs an ok:').toBe(true);
        expect(annotations.some((a) => a.kind === 'expect'), 'a good fixture has no expect:').toBe(false);
      }
    });

    it('reports exactly the expected lines (3)', () => {
      const expected = new Set(annotations.filter((a) => a.kind === 'expect').map((a) => a.line));
      const todoExpected = new Set(annotations.filter((a) => a.kind === 'todo-ok').map((a) => a.line));
      const missing = [...expected].filter((l) => !found.has(l)).map((l) => `line ${l}: expected ${fixture.ruleId}, got nothing`);
      const noisy = scan.findings
        .filter((f) => !expected.has(f.line) && !todoExpected.has(f.line))
        .map((f) => `line ${f.line}: unexpected ${f.ruleId}: ${f.message}`);
      expect([...missing, ...noisy]).toEqual([]);
    });

    for (const a of annotations.filter((x) => x.kind === 'ok')) {
      it(`stays quiet on line ${a.line} (ok)`, () => expect(found.has(a.line)).toBe(false));
    }
    for (const a of annotations.filter((x) => x.kind === 'todo-expect')) {
      // A known miss: stays a todo while the rule misses it, fails once it fires so it gets promoted.
      if (found.has(a.line)) it(`line ${a.line} now fires: promote todo-expect to expect`, () => expect.fail('promote the annotation'));
      else it.todo(`line ${a.line}: known miss (todo-expect)`);
    }
    for (const a of annotations.filter((x) => x.kind === 'todo-ok')) {
      if (!found.has(a.line)) it(`line ${a.line} is now quiet: promote todo-ok to ok`, () => expect.fail('promote the annotation'));
      else it.todo(`line ${a.line}: known false positive (todo-ok)`);
    }
  });
}
