import { buildPrefilter, type Prefilter } from '../engine/prefilter.js';
import { languageForPath } from '../engine/languages.js';
import type { Rule } from '../engine/rule.js';
import { scanSource } from '../engine/scan-source.js';
import type { Finding, ScanWarning } from '../engine/types.js';
import type { Vocabulary } from '../matchers/index.js';

/** One file to scan: its text, its label (repo-relative path) and the path that picks its language. */
export interface TextTask {
  file: string;
  path: string;
  text: string;
}

/** What scanning one file's text produced, and whether it had to be parsed. */
export interface TextOutcome {
  findings: Finding[];
  warnings: ScanWarning[];
  parsed: boolean;
}

/** Everything a scanner needs once per thread: plain data, so it crosses to workers. */
export interface ScannerSetup {
  rules: Rule[];
  vocab: Vocabulary;
  prefilter: boolean;
}

/** A per-thread scanner: compiles the prefilter once and scans texts with it. */
export function createTextScanner(setup: ScannerSetup): (task: TextTask) => TextOutcome {
  const prefilter: Prefilter | null = setup.prefilter ? buildPrefilter(setup.rules, setup.vocab) : null;
  return (task) => {
    const language = languageForPath(task.path);
    if (language === undefined) return { findings: [], warnings: [], parsed: false };
    if (prefilter !== null && !prefilter.mayMatch(task.text, language)) return { findings: [], warnings: [], parsed: false };
    try {
      const scan = scanSource(task.text, task.file, language, setup.rules, setup.vocab);
      return { findings: scan.findings, warnings: scan.warnings, parsed: true };
    } catch (error) {
      return {
        findings: [],
        warnings: [{ file: task.file, kind: 'parse', message: `cannot parse: ${error instanceof Error ? error.message : String(error)}` }],
        parsed: true,
      };
    }
  };
}
