/**
 * The `junit` format: JUnit XML, the test report CI systems (GitLab `reports: junit:`, Jenkins,
 * Azure Pipelines, CircleCI) display. One `<testsuite>` per loaded rule; each open finding is a
 * `<testcase>` named `file:line:column` that fails (`<failure>`) when it is at or above the gate
 * and is `<skipped>` below it; a rule with no finding has one passing case, so a clean scan still
 * shows every check that ran. Files that could not be (fully) scanned form a last suite of
 * skipped cases.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { isOpenFinding } from '../engine/finding-state.js';
import type { Finding } from '../engine/types.js';
import { failsGate } from '../cli/exit-codes.js';
import type { Reporter, ReportContext } from './types.js';

type Node = Record<string, unknown>;

function findingCase(f: Finding, ctx: ReportContext): Node {
  const where = `${f.file}:${f.line}:${f.column}`;
  const text = [`${where} ${f.risk.toUpperCase()} ${f.ruleId} ${f.slug}`, f.message, `code: ${f.code}`, ...f.related.map((r) => `related: ${r.file ?? f.file}:${r.line}:${r.column} ${r.message}`)].join('\n');
  const verdict = failsGate(f, ctx.failOn)
    ? { failure: { '@_message': f.message, '@_type': `${f.ruleId} ${f.risk}`, '#text': text } }
    : { skipped: { '@_message': `${f.risk} risk, below the gate (--fail-on ${ctx.failOn}): ${f.message}` } };
  return { '@_name': where, '@_classname': f.file, '@_file': f.file, '@_line': f.line, ...verdict };
}

export const junitReporter: Reporter = (result, ctx) => {
  const open = result.findings.filter(isOpenFinding);
  const suites: Node[] = ctx.rules.map((rule) => {
    const mine = open.filter((f) => f.ruleId === rule.id);
    const cases = mine.length > 0 ? mine.map((f) => findingCase(f, ctx)) : [{ '@_name': `no ${rule.id} finding`, '@_classname': rule.id }];
    const failures = mine.filter((f) => failsGate(f, ctx.failOn)).length;
    return {
      '@_name': `${rule.id} ${rule.slug}`,
      '@_tests': cases.length,
      '@_failures': failures,
      '@_errors': 0,
      '@_skipped': mine.length - failures,
      testcase: cases,
    };
  });
  if (result.warnings.length > 0) {
    suites.push({
      '@_name': 'files not fully scanned',
      '@_tests': result.warnings.length,
      '@_failures': 0,
      '@_errors': 0,
      '@_skipped': result.warnings.length,
      testcase: result.warnings.map((w) => ({
        '@_name': `${w.file}${w.line !== undefined ? `:${w.line}` : ''} (${w.kind})`,
        '@_classname': w.file,
        skipped: { '@_message': w.message },
      })),
    });
  }
  const total = (key: string) => suites.reduce((n, s) => n + Number(s[`@_${key}`]), 0);
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: { '@_name': 'faultline', '@_tests': total('tests'), '@_failures': total('failures'), '@_errors': 0, '@_skipped': total('skipped'), testsuite: suites },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, processEntities: true });
  return String(builder.build(doc));
};
