// The language server's view of a workspace: every file's facts from one scan (cache and workers
// as in `faultline scan`), kept in memory so an edited buffer is linked against them in
// milliseconds instead of scanning the project again: an edit settles only the findings that can
// land in the edited file (`linkInputsFor`).
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Setup } from '../config/load-setup.js';
import { languageForPath } from '../engine/languages.js';
import { linkFindings, type LinkInput, type WorkspacePackage } from '../engine/link.js';
import type { PendingFinding } from '../engine/scan-source.js';
import { findSuppressions } from '../engine/suppressions.js';
import type { Finding, ScanWarning } from '../engine/types.js';
import { discoverFiles } from './discover.js';
import { scanScope } from './project-scan.js';
import { scanRunOptions, type RunChoices } from './run-options.js';
import { DEFAULT_TEST_PATTERNS, scanOutcomes } from './scan-files.js';
import { linkInputsFor, relocates } from './edit-link.js';
import type { ScanFilesOptions } from './scan-options.js';
import { createTextScanner, type TextOutcome, type TextTask } from './scan-text.js';
import { packageScope, settleFileFindings, sortedUnique } from './settle-scan.js';

/** One file's open findings and the warnings about it. */
export interface FileAnalysis {
  findings: Finding[];
  warnings: ScanWarning[];
}

/** Link inputs by file, the workspace's packages and module names, and a full rescan of one file. */
interface Facts {
  links: Map<string, LinkInput>;
  packages: WorkspacePackage[];
  modules: ReadonlySet<string>;
  rescan: (file: string) => PendingFinding[] | null;
}

export interface Workspace {
  /** How many files the workspace scan took (0: no scan; files are analysed with the open buffers only). */
  readonly files: number;
  /**
   * Analyses `text` as the file at `path` with the facts of every other file, as `faultline scan`
   * would report that file if it were saved; records its facts for the other files' analyses.
   * Undefined for a file faultline does not scan.
   */
  analyse(path: string, text: string): FileAnalysis | undefined;
  /** Reads `path` from disk again (a buffer closed without saving leaves the saved text in force). */
  reload(path: string): void;
}

/** What a workspace is built from: its folder, the loaded setup and how to run the scan. */
export interface WorkspaceOptions {
  root: string;
  setup: Setup;
  run: RunChoices;
  env: Readonly<Record<string, string | undefined>>;
  warn(message: string): void;
}

/**
 * Scans the workspace's files (those `faultline scan ROOT` would take) and keeps their facts.
 * Method calls resolved by the TypeScript checker in `faultline scan` are not resolved here.
 */
export async function scanWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const { root, setup } = options;
  const { files } = discoverFiles([root], root, scanScope(setup.config, { include: [], exclude: [], ignore: true, names: { include: '', exclude: '' } }, root));
  const scanOptions = fileScanOptions(root, setup);
  const run = scanRunOptions(options.run, { cwd: root, env: options.env, warn: options.warn }, { ...setup, maxFileSize: scanOptions.maxFileSize });
  const scanned = await scanOutcomes(files, { ...scanOptions, ...run });
  run.finish();
  const links = new Map<string, LinkInput>();
  for (const o of scanned.outcomes) {
    if (o.summary !== null) links.set(o.file, { file: o.file, language: o.language, summary: o.summary, pending: o.pending, deferred: o.deferred, scope: packageScope(root, o.file) });
  }
  return workspaceOf(root, setup, { links, packages: scanned.packages, modules: scanned.modules, rescan: (file) => scanned.rescan(file, undefined) }, files.length);
}

/** A workspace without a scan: each file is analysed with only the facts of files analysed before it. */
export function emptyWorkspace(root: string, setup: Setup): Workspace {
  return workspaceOf(root, setup, { links: new Map(), packages: [], modules: new Set(), rescan: () => null }, 0);
}

function fileScanOptions(root: string, setup: Setup): ScanFilesOptions {
  const { config } = setup;
  return {
    cwd: root,
    rules: setup.rules,
    vocab: setup.vocab,
    maxFileSize: config.max_file_size,
    testFileRisk: config.test_files.risk,
    testFilePatterns: config.test_files.patterns ?? DEFAULT_TEST_PATTERNS,
    suppressions: true,
    knownRuleIds: [...new Set([...setup.knownRuleIds, ...setup.rules.map((r) => r.id)])],
    types: false,
    typeRoots: [root],
  };
}

function workspaceOf(root: string, setup: Setup, facts: Facts, files: number): Workspace {
  const options = fileScanOptions(root, setup);
  let scanner: ((task: TextTask) => TextOutcome) | undefined;
  const labelOf = (path: string) => relative(root, resolve(path)).split(sep).join('/');

  // A file with deferred candidates that may hold is scanned in full once; its full result then
  // stands. The link sees only another file's relocating findings (`linkInputsFor`): it gets those.
  const fullScanOf = (input: LinkInput, editing: string): PendingFinding[] | null => {
    if (input.file === editing) return null;
    const pending = facts.rescan(input.file);
    if (pending === null) return null;
    facts.links.set(input.file, { ...input, pending, deferred: [] });
    return pending.filter(relocates);
  };

  const analyse = (path: string, text: string): FileAnalysis | undefined => {
    const language = languageForPath(path);
    if (language === undefined) return undefined;
    const file = labelOf(path);
    // Every test run at once (no deferral): the buffer is linked as soon as it is scanned.
    scanner ??= createTextScanner({ rules: [...setup.rules], vocab: setup.vocab, prefilter: false, projectModules: [...facts.modules], deferTests: false });
    const own = scanner({ file, path, text, importsProject: true });
    if (own.summary === null) facts.links.delete(file);
    else facts.links.set(file, { file, language: language.id, summary: own.summary, pending: own.pending, scope: packageScope(root, file) });
    const linked = linkFindings(linkInputsFor(file, facts.links), { packages: facts.packages, rescan: (input) => fullScanOf(input, file) });
    const suppressions = text.includes('faultline-ignore') ? findSuppressions(text, language.lineComment) : [];
    const settled = settleFileFindings([...own.findings, ...linked.filter((f) => f.file === file)], { file, suppressions }, options);
    return { findings: sortedUnique(settled.findings.filter((f) => f.suppression === undefined)), warnings: [...own.warnings, ...settled.warnings] };
  };

  return {
    files,
    analyse,
    reload(path) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        facts.links.delete(labelOf(path));
        return;
      }
      analyse(path, text);
    },
  };
}
