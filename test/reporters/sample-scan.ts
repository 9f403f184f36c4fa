/**
 * One real scan shared by the SARIF and github reporter tests (and the suppression, fingerprint
 * and baseline tests): the built-in rules run over inline Python that triggers AP-001, AP-002 and
 * AP-003.
 */
import { languageForPath } from '../../src/engine/languages.js';
import type { Rule } from '../../src/engine/rule.js';
import { settleAlone } from '../../src/engine/link.js';
import { scanSource } from '../../src/engine/scan-source.js';
import type { ScanResult } from '../../src/engine/types.js';
import type { Vocabulary } from '../../src/matchers/index.js';
import type { ReportContext } from '../../src/reporters/types.js';
import { builtinRules, vocab } from '../support/scan.js';

/** A retry loop that charges without an idempotency key, texts the user per attempt and marks a timeout as failed. */
export const PAY_PY = `from requests.exceptions import Timeout


def pay(payment, user):
    for attempt in range(3):
        try:
            result = gateway.charge(payment)
            break
        except Timeout:
            send_sms(user, "Your payment failed")
            mark_failure()
`;

/** A file with a syntax error (and nothing to find). */
export const BROKEN_PY = `def broken(:
    return 1
`;

/** The built-in rules and vocabulary. */
export function builtin(): { rules: Rule[]; vocab: Vocabulary } {
  return { rules: builtinRules, vocab };
}

/** Scans several files (path → text) with the built-in rules, as the CLI would. */
export function scanFiles(files: Record<string, string>): ScanResult {
  const { rules, vocab } = builtin();
  const result: ScanResult = { findings: [], warnings: [], filesScanned: 0 };
  for (const [file, text] of Object.entries(files)) {
    const language = languageForPath(file);
    if (language === undefined) throw new Error(`no language for ${file}`);
    const scan = scanSource(text, file, language, rules, vocab);
    result.findings.push(...settleAlone(scan, file, language.id));
    result.warnings.push(...scan.warnings);
    result.filesScanned++;
  }
  return result;
}

/** A report context for a scan run in /repo/services with the repository root /repo. */
export function context(sources: Record<string, string>, overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    color: false,
    cwd: '/repo/services',
    srcRoot: '/repo',
    rules: builtin().rules,
    version: '0.1.0',
    commandLine: 'faultline scan . --format sarif',
    failOn: 'high',
    sources: new Map(Object.entries(sources)),
    ...overrides,
  };
}
