import { buildPrefilter, type Prefilter } from '../engine/prefilter.js';
import { languageForPath } from '../engine/languages.js';
import type { Rule } from '../engine/rule.js';
import { scanSource, summaryVocabularies, type DeferredFinding, type PendingFinding } from '../engine/scan-source.js';
import type { Finding, ScanWarning } from '../engine/types.js';
import type { FileSummary, Vocabulary } from '../matchers/index.js';

/** One file to scan: its text, its label (repo-relative path) and the path that picks its language. */
export interface TextTask {
  file: string;
  path: string;
  text: string;
  /** The file imports a module of the project: it may hold cross-file candidates, so it is never skipped. */
  importsProject: boolean;
  /** How long matching may take on this file (ms); rules left when it runs out are reported, not run. */
  budgetMs?: number;
  /** The file's summary when a scan of this same text already made it (see `ScanSourceOptions.summary`). */
  summary?: FileSummary;
}

/** What scanning one file's text produced, and whether it had to be parsed. */
export interface TextOutcome {
  findings: Finding[];
  pending: PendingFinding[];
  deferred: DeferredFinding[];
  /** Null when the file was not parsed (the prefilter proved it matters to no rule and no other file). */
  summary: FileSummary | null;
  warnings: ScanWarning[];
  parsed: boolean;
}

/** Everything a scanner needs once per thread: plain data, so it crosses to workers. */
export interface ScannerSetup {
  rules: Rule[];
  vocab: Vocabulary;
  prefilter: boolean;
  /** Base names of the scanned files and folders (what a Python import of the project names). */
  projectModules?: string[];
  /** Leave the tests of cross-file candidates to the link step (see `ScanSourceOptions.deferTests`). */
  deferTests?: boolean;
}

/** A per-thread scanner: compiles the prefilter once and scans texts with it. */
export function createTextScanner(setup: ScannerSetup): (task: TextTask) => TextOutcome {
  const prefilter: Prefilter | null = setup.prefilter ? buildPrefilter(setup.rules, setup.vocab) : null;
  const projectModules = setup.projectModules ? new Set(setup.projectModules) : undefined;
  // From the whole rule set: a file scanned for its summary only runs no rules itself.
  const vocabularies = summaryVocabularies(setup.rules);
  const skipped: TextOutcome = { findings: [], pending: [], deferred: [], summary: null, warnings: [], parsed: false };
  return (task) => {
    const language = languageForPath(task.path);
    if (language === undefined) return skipped;
    let rules = setup.rules;
    if (prefilter !== null && !task.importsProject && !prefilter.mayMatch(task.text, language)) {
      // No rule can match here, but another file may still need what this one defines.
      if (!prefilter.mayContribute(task.text, language)) return skipped;
      rules = [];
    }
    try {
      const deadline = task.budgetMs === undefined ? undefined : Date.now() + task.budgetMs;
      const scan = scanSource(task.text, task.file, language, rules, setup.vocab, {
        ...(projectModules ? { projectModules } : {}),
        ...(deadline !== undefined ? { deadline } : {}),
        summaryVocabularies: vocabularies,
        deferTests: setup.deferTests === true,
        ...(task.summary !== undefined ? { summary: task.summary } : {}),
      });
      return { findings: scan.findings, pending: scan.pending, deferred: scan.deferred, summary: scan.summary, warnings: rules.length > 0 ? scan.warnings : [], parsed: true };
    } catch (error) {
      return {
        ...skipped,
        warnings: [{ file: task.file, kind: 'parse', message: `cannot parse: ${error instanceof Error ? error.message : String(error)}` }],
        parsed: true,
      };
    }
  };
}
