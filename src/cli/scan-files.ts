import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { compareFindings, scanSource } from '../engine/scan-source.js';
import { languageForPath } from '../engine/languages.js';
import { linkFindings, type LinkInput } from '../engine/link.js';
import { resolveTypedCalls, type TypedRequest } from './typed-calls.js';
import { applySuppressions, findSuppressions, type Suppression } from '../engine/suppressions.js';
import type { Rule } from '../engine/rule.js';
import type { Finding, Risk, ScanResult, ScanWarning } from '../engine/types.js';
import type { Vocabulary } from '../matchers/index.js';

export interface ScanFilesOptions {
  cwd: string;
  rules: readonly Rule[];
  vocab: Vocabulary;
  maxFileSize: number;
  /** Risk for findings in test files, or `keep`. */
  testFileRisk: Risk | 'keep';
  testFilePatterns: readonly string[];
  /** Honour `faultline-ignore` comments (off with --no-suppressions). */
  suppressions: boolean;
  /** Resolve method calls on typed objects with the TypeScript checker (off with --no-types). */
  types: boolean;
  /** Where a tsconfig.json may be (scan root, git root). */
  typeRoots: readonly string[];
}

/** Test files: scanned, but their findings are usually not what gates a merge. */
export const DEFAULT_TEST_PATTERNS: readonly string[] = ['test_*.py', '*_test.py', '*.test.*', '*.spec.*', 'conftest.py'];
const TEST_DIRS = /(^|\/)(__tests__|tests?)\//;

/** A scan plus the source text of every file that has findings (for code frames and write-back). */
export interface FilesScan {
  result: ScanResult;
  sources: Map<string, string>;
}

/**
 * Reads and scans each file once. A file that cannot be read, looks binary, is over the size
 * limit or has syntax errors becomes a warning; the scan goes on.
 */
export async function scanFiles(files: readonly string[], options: ScanFilesOptions): Promise<FilesScan> {
  const findings: Finding[] = [];
  const warnings: ScanWarning[] = [];
  const sources = new Map<string, string>();
  const testPatterns = options.testFilePatterns.map(globToRegExp);
  const links: LinkInput[] = [];
  const suppressionsByFile = new Map<string, Suppression[]>();
  let scanned = 0;
  for (const [i, abs] of files.entries()) {
    // Trees are freed only when the event loop gets a turn; a tight loop over thousands of files
    // holds them all. Yielding every few files keeps memory flat at no measurable cost.
    if (i % 16 === 15) await new Promise((r) => setImmediate(r));
    const file = relative(options.cwd, abs).split(sep).join('/') || abs;
    const language = languageForPath(abs);
    if (language === undefined) continue;
    let buffer: Buffer;
    try {
      buffer = await readFile(abs);
    } catch (error) {
      warnings.push({ file, kind: 'read', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      continue;
    }
    if (buffer.length > options.maxFileSize) {
      warnings.push({ file, kind: 'too-large', message: `skipped: ${buffer.length} bytes is over the ${options.maxFileSize}-byte limit (max_file_size)` });
      continue;
    }
    if (buffer.subarray(0, 8192).includes(0)) {
      warnings.push({ file, kind: 'binary', message: 'skipped: looks binary (NUL byte)' });
      continue;
    }
    const text = buffer.toString('utf8');
    scanned++;
    let scan;
    try {
      scan = scanSource(text, file, language, options.rules, options.vocab);
    } catch (error) {
      warnings.push({ file, kind: 'parse', message: `cannot parse: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    warnings.push(...scan.warnings);
    if (scan.findings.length > 0 || scan.pending.length > 0) sources.set(file, text);
    links.push({ file, language: language.id, summary: scan.summary, pending: scan.pending });
    if (options.suppressions && text.includes('faultline-ignore')) suppressionsByFile.set(file, findSuppressions(text, language.lineComment));
    findings.push(...scan.findings);
  }
  // Cross-file verdicts need every file's summary: settled once all files are scanned.
  const typed = options.types
    ? resolveTypedCalls(typedRequests(links), { cwd: options.cwd, roots: options.typeRoots, budgetMs: TYPES_BUDGET_MS })
    : undefined;
  if (typed) warnings.push(...typed.warnings);
  findings.push(...linkFindings(links, typed ? { resolveTyped: typed.resolver } : {}));
  if (suppressionsByFile.size > 0) {
    const byFile = new Map<string, Finding[]>();
    for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    findings.length = 0;
    for (const [file, fs] of byFile) if (!suppressionsByFile.has(file)) findings.push(...fs);
    for (const [file, list] of suppressionsByFile) {
      const applied = applySuppressions(byFile.get(file) ?? [], list, file);
      findings.push(...applied.findings);
      warnings.push(...applied.warnings);
    }
  }
  for (const [i, f] of findings.entries()) {
    if (options.testFileRisk !== 'keep' && isTestFile(f.file, testPatterns)) findings[i] = lowerRisk(f, options.testFileRisk);
  }
  findings.sort(compareFindings);
  const withFindings = new Set(findings.map((f) => f.file));
  for (const file of sources.keys()) if (!withFindings.has(file)) sources.delete(file);
  return { result: { findings, warnings, filesScanned: scanned }, sources };
}

/** Type-aware analysis gives up after this long; the syntax-level verdicts stand for the rest. */
const TYPES_BUDGET_MS = 30_000;

function typedRequests(links: readonly LinkInput[]): TypedRequest[] {
  return links.flatMap((l) =>
    l.pending.filter((p) => p.requires.some((r) => r.kind === 'helper' && r.typed)).map((p) => ({ file: p.file, line: p.line, column: p.column })),
  );
}

function isTestFile(file: string, patterns: RegExp[]): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return TEST_DIRS.test(file) || patterns.some((p) => p.test(base));
}

/** A file-name glob (`test_*.py`, `*.test.*`) as a regular expression over the base name. */
function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
}

const ORDER: Record<Risk, number> = { high: 0, medium: 1, low: 2 };

function lowerRisk(f: Finding, risk: Risk): Finding {
  return ORDER[f.risk] < ORDER[risk] ? { ...f, risk } : f;
}
