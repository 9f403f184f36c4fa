/**
 * `npm run eval`: measures faultline against the labelled corpus in eval/.
 *
 * Runs the real CLI in-process (`faultline scan eval --format json --fail-on none`), reads the
 * labels from the corpus files' raw text, and reports TP / FP / FN, precision and recall per rule
 * and language, then every false positive and false negative with its source line, grouped by
 * idiom. The same Markdown goes to stdout and to eval/RESULTS.md.
 *
 * Labels (see eval/README.md): a comment on its own line, directly above the labelled line, in the
 * language's line-comment syntax:
 *
 *     # label: AP-001 celery-autoretry      a finding of AP-001 must start on the next line
 *     // label-ok: AP-002 notify-after-loop  a look-alike: AP-002 must not fire on the next line
 *
 * The trailing idiom tag (lowercase, dashes) is optional. Labels stack. A finding on a line without
 * a `label:` for its rule is a false positive; a `label:` without a finding is a false negative.
 *
 * Exit code: 0 whatever the numbers (a measurement, not a gate); 2 when a label is malformed or
 * names an unknown rule, or when the scan itself cannot run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';

export type Language = 'python' | 'typescript' | 'javascript';
export const LANGUAGES: readonly Language[] = ['python', 'typescript', 'javascript'];

export type LabelKind = 'label' | 'label-ok';

export interface Label {
  kind: LabelKind;
  ruleId: string;
  /** Optional idiom tag (`celery-autoretry`); `untagged` when absent. */
  idiom: string;
  file: string;
  /** Line of the label comment (1-based). */
  at: number;
  /** Line the label applies to (1-based). */
  line: number;
}

export interface LabelProblem {
  file: string;
  line: number;
  message: string;
}

/** The subset of a JSON-report finding the evaluation uses. */
export interface EvalFinding {
  ruleId: string;
  file: string;
  line: number;
  /** Related locations of the finding (`file` absent = the finding's file). */
  related?: readonly { file?: string; line: number }[];
}

const EXTENSIONS: Record<string, Language> = {
  '.py': 'python',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescript',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
};

/** The language of a corpus file by extension (faultline's own mapping), or undefined. */
export function languageOf(file: string): Language | undefined {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[file.slice(dot).toLowerCase()];
}

export function lineCommentOf(language: Language): string {
  return language === 'python' ? '#' : '//';
}

const RULE_ID = /^[A-Z][A-Z0-9]*-\d{3,}$/;
const IDIOM = /^[a-z0-9][a-z0-9-]*$/;
// A label comment on its own line: marker, kind, rule, optional idiom tag.
const STRICT = /^\s*(#|\/\/)\s*(label|label-ok):\s*(\S+)(?:\s+(\S+))?\s*$/;
// Anything a human would read as a label attempt on its own line (typos, missing colon, `label ok`).
const LOOSE = /^\s*(#|\/\/)\s*labels?(?:[\s_-]*ok)?\s*(?::|=|\s+[A-Za-z]{1,4}-?\d)/i;
// A label written at the end of a code line.
const TRAILING = /\S.*?(#|\/\/)\s*label(?:-ok)?\s*:/i;

/**
 * Parses the labels of one file's raw text. `file` is only used for reporting; the language decides
 * the comment marker. Malformed labels are returned as problems, never silently dropped.
 */
export function parseLabels(text: string, file: string, language: Language): { labels: Label[]; problems: LabelProblem[] } {
  const comment = lineCommentOf(language);
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop(); // the final newline ends the last line
  const labels: Label[] = [];
  const problems: LabelProblem[] = [];
  let pending: Omit<Label, 'line'>[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, message });

  const flush = (target: number) => {
    const seen = new Map<string, LabelKind>();
    for (const p of pending) {
      const prior = seen.get(p.ruleId);
      if (prior === p.kind) problem(p.at, `duplicate "${p.kind}: ${p.ruleId}" for line ${target}`);
      else if (prior !== undefined) problem(p.at, `line ${target} is labelled both "label" and "label-ok" for ${p.ruleId}`);
      else {
        seen.set(p.ruleId, p.kind);
        labels.push({ ...p, line: target });
      }
    }
    pending = [];
  };

  lines.forEach((raw, i) => {
    const n = i + 1;
    const m = STRICT.exec(raw);
    if (m) {
      const [, marker, kind, ruleId = '', idiom] = m;
      if (marker !== comment) {
        problem(n, `label uses "${marker}" but this language's line comment is "${comment}"`);
        return;
      }
      if (!RULE_ID.test(ruleId)) {
        problem(n, `"${ruleId}" is not a rule id (write "${comment} ${kind}: AP-001")`);
        return;
      }
      if (idiom !== undefined && !IDIOM.test(idiom)) {
        problem(n, `idiom tag "${idiom}" must be lowercase letters, digits and dashes`);
        return;
      }
      pending.push({ kind: kind as LabelKind, ruleId, idiom: idiom ?? 'untagged', file, at: n });
      return;
    }
    if (LOOSE.test(raw)) {
      problem(n, `looks like a label but does not parse: "${raw.trim()}" (write "${comment} label: AP-001" or "${comment} label-ok: AP-001", optionally followed by an idiom tag)`);
      return;
    }
    if (TRAILING.test(raw) && !raw.trimStart().startsWith(comment)) {
      problem(n, 'a label must be on its own line, directly above the labelled line');
    }
    if (pending.length === 0) return;
    const trimmed = raw.trim();
    if (trimmed === '') {
      problem(pending[0]?.at ?? n, 'a label must be directly above the labelled line (found a blank line)');
      pending = [];
      return;
    }
    if (trimmed.startsWith(comment)) {
      problem(pending[0]?.at ?? n, 'a label must be directly above a code line (found another comment; put explanations above the label)');
      pending = [];
      return;
    }
    flush(n);
  });
  for (const p of pending) problem(p.at, 'label at the end of the file applies to no line');
  return { labels, problems };
}

export interface Counts {
  positives: number;
  lookalikes: number;
  tp: number;
  fp: number;
  fn: number;
  /** Look-alikes (`label-ok`) that stayed quiet. */
  tn: number;
}

export interface Miss {
  ruleId: string;
  file: string;
  line: number;
  language: Language;
  /** Idiom of the label; for a false positive without a label-ok, `unlabelled`. */
  idiom: string;
  /** For false positives: whether the line carries a `label-ok` for the rule. */
  lookalike?: boolean;
}

/** A false positive whose related location is a missed `label:` of its rule: likely one defect reported elsewhere. */
export interface Relocation {
  finding: Miss;
  label: Miss;
}

export interface Score {
  /** Keyed by `${ruleId}\t${language}`. */
  cells: Map<string, Counts>;
  falsePositives: Miss[];
  falseNegatives: Miss[];
  /** Per idiom and rule: `${ruleId}\t${idiom}`. */
  idioms: Map<string, Counts>;
  /** False positives pointing (by a related location) at a false negative; both still count. */
  relocations: Relocation[];
}

const emptyCounts = (): Counts => ({ positives: 0, lookalikes: 0, tp: 0, fp: 0, fn: 0, tn: 0 });

function bump(map: Map<string, Counts>, key: string): Counts {
  let c = map.get(key);
  if (!c) map.set(key, (c = emptyCounts()));
  return c;
}

const locKey = (ruleId: string, file: string, line: number) => `${ruleId}\t${file}\t${line}`;

/**
 * Scores findings against labels. Findings are deduplicated by rule, file and line (two findings of
 * one rule starting on one line are one verdict). Files are compared as given: pass both with the
 * same relative, forward-slash paths.
 */
export function score(labels: readonly Label[], findings: readonly EvalFinding[]): Score {
  const cells = new Map<string, Counts>();
  const idioms = new Map<string, Counts>();
  const found = new Set<string>();
  for (const f of findings) found.add(locKey(f.ruleId, f.file, f.line));
  const positive = new Map<string, Label>();
  const lookalike = new Map<string, Label>();
  for (const l of labels) (l.kind === 'label' ? positive : lookalike).set(locKey(l.ruleId, l.file, l.line), l);

  const falseNegatives: Miss[] = [];
  const falsePositives: Miss[] = [];
  for (const l of labels) {
    const language = languageOf(l.file);
    if (!language) continue;
    const cell = bump(cells, `${l.ruleId}\t${language}`);
    const idiom = bump(idioms, `${l.ruleId}\t${l.idiom}`);
    const hit = found.has(locKey(l.ruleId, l.file, l.line));
    if (l.kind === 'label') {
      cell.positives++;
      idiom.positives++;
      if (hit) {
        cell.tp++;
        idiom.tp++;
      } else {
        cell.fn++;
        idiom.fn++;
        falseNegatives.push({ ruleId: l.ruleId, file: l.file, line: l.line, language, idiom: l.idiom });
      }
    } else {
      cell.lookalikes++;
      idiom.lookalikes++;
      if (!hit) {
        cell.tn++;
        idiom.tn++;
      }
    }
  }
  for (const key of [...found].sort()) {
    if (positive.has(key)) continue;
    const [ruleId = '', file = '', line = '0'] = key.split('\t');
    const language = languageOf(file);
    if (!language) continue;
    const ok = lookalike.get(key);
    bump(cells, `${ruleId}\t${language}`).fp++;
    if (ok) bump(idioms, `${ruleId}\t${ok.idiom}`).fp++;
    falsePositives.push({ ruleId, file, line: Number(line), language, idiom: ok ? ok.idiom : 'unlabelled', lookalike: ok !== undefined });
  }
  const order = (a: Miss, b: Miss) => a.ruleId.localeCompare(b.ruleId) || a.file.localeCompare(b.file) || a.line - b.line;
  falseNegatives.sort(order);
  falsePositives.sort(order);

  const missed = new Map(falseNegatives.map((m) => [locKey(m.ruleId, m.file, m.line), m]));
  const relocations: Relocation[] = [];
  const seen = new Set<string>();
  for (const fp of falsePositives) {
    for (const f of findings) {
      if (f.ruleId !== fp.ruleId || f.file !== fp.file || f.line !== fp.line) continue;
      for (const r of f.related ?? []) {
        const key = locKey(f.ruleId, r.file ?? f.file, r.line);
        const label = missed.get(key);
        if (label && !seen.has(`${key}\t${fp.file}\t${fp.line}`)) {
          seen.add(`${key}\t${fp.file}\t${fp.line}`);
          relocations.push({ finding: fp, label });
        }
      }
    }
  }
  return { cells, falsePositives, falseNegatives, idioms, relocations };
}

/** TP / (TP + FP); undefined when nothing was reported. */
export function precision(c: Pick<Counts, 'tp' | 'fp'>): number | undefined {
  return c.tp + c.fp === 0 ? undefined : c.tp / (c.tp + c.fp);
}

/** TP / (TP + FN); undefined when nothing was expected. */
export function recall(c: Pick<Counts, 'tp' | 'fn'>): number | undefined {
  return c.tp + c.fn === 0 ? undefined : c.tp / (c.tp + c.fn);
}

const ratio = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(2));

function sum(counts: Iterable<Counts>): Counts {
  const total = emptyCounts();
  for (const c of counts) {
    total.positives += c.positives;
    total.lookalikes += c.lookalikes;
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    total.tn += c.tn;
  }
  return total;
}

export interface ReportInput {
  score: Score;
  rules: readonly string[];
  /** Source text by file, for the quoted lines. */
  sources: ReadonlyMap<string, string>;
  filesScanned: number;
  labelledFiles: number;
  toolVersion: string;
  scanErrors: readonly { file: string; kind: string; line?: number; message: string }[];
}

/** The Markdown report written to stdout and eval/RESULTS.md. */
export function renderReport(input: ReportInput): string {
  const { score: s, rules } = input;
  const out: string[] = [];
  const row = (cells: (string | number)[]) => out.push(`| ${cells.join(' | ')} |`);
  const labelCount = sum(s.cells.values());
  out.push('# faultline evaluation', '');
  out.push(
    `faultline ${input.toolVersion} on \`eval/\`: ${input.filesScanned} files scanned, ${labelCount.positives + labelCount.lookalikes} labels ` +
      `(${labelCount.positives} expected findings, ${labelCount.lookalikes} look-alikes) in ${input.labelledFiles} files. ` +
      'Generated by `npm run eval`; see eval/README.md for the label format.',
    '',
  );
  out.push('## Precision and recall', '');
  row(['Rule', 'Language', 'Expected', 'Look-alikes', 'TP', 'FP', 'FN', 'Precision', 'Recall']);
  row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
  for (const rule of rules) {
    const perLanguage = LANGUAGES.map((lang) => [lang, s.cells.get(`${rule}\t${lang}`) ?? emptyCounts()] as const);
    for (const [lang, c] of perLanguage) {
      row([rule, lang, c.positives, c.lookalikes, c.tp, c.fp, c.fn, ratio(precision(c)), ratio(recall(c))]);
    }
    const t = sum(perLanguage.map(([, c]) => c));
    row([`**${rule}**`, '**all**', t.positives, t.lookalikes, t.tp, t.fp, t.fn, `**${ratio(precision(t))}**`, `**${ratio(recall(t))}**`]);
  }
  const all = sum(rules.flatMap((r) => LANGUAGES.map((l) => s.cells.get(`${r}\t${l}`) ?? emptyCounts())));
  row(['**all rules**', '**all**', all.positives, all.lookalikes, all.tp, all.fp, all.fn, `**${ratio(precision(all))}**`, `**${ratio(recall(all))}**`]);
  out.push('');
  out.push('Expected = `label:` lines; Look-alikes = `label-ok:` lines; FP counts every finding on a line without a `label:` for its rule.', '');

  out.push('## By idiom', '');
  row(['Rule', 'Idiom', 'Expected', 'Found', 'Missed', 'Look-alikes', 'Fired on look-alike']);
  row(['---', '---', '---:', '---:', '---:', '---:', '---:']);
  const idiomKeys = [...s.idioms.keys()].sort();
  for (const key of idiomKeys) {
    const [rule = '', idiom = ''] = key.split('\t');
    const c = s.idioms.get(key) ?? emptyCounts();
    row([rule, idiom, c.positives, c.tp, c.fn, c.lookalikes, c.fp]);
  }
  const unlabelledFp = s.falsePositives.filter((f) => !f.lookalike).length;
  out.push('', `Findings on unlabelled lines (not in this table): ${unlabelledFp}.`, '');

  const quote = (m: Miss) => {
    const text = input.sources.get(m.file)?.split(/\r?\n/)[m.line - 1]?.trim() ?? '';
    return `- ${m.file}:${m.line} ${m.ruleId} — \`${text.replace(/`/g, "'")}\``;
  };
  const grouped = (title: string, misses: readonly Miss[]) => {
    out.push(`## ${title} (${misses.length})`, '');
    if (misses.length === 0) {
      out.push('None.', '');
      return;
    }
    const groups = new Map<string, Miss[]>();
    for (const m of misses) {
      const key = `${m.ruleId} ${m.idiom}`;
      const g = groups.get(key);
      if (g) g.push(m);
      else groups.set(key, [m]);
    }
    for (const [key, ms] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      out.push(`### ${key} (${ms.length})`, '');
      for (const m of ms) out.push(quote(m));
      out.push('');
    }
  };
  if (s.relocations.length > 0) {
    out.push(`## Reported at another location (${s.relocations.length})`, '');
    out.push(
      'Each of these false positives has a related location on a missed `label:` of its rule: probably the same defect, ' +
        'reported at a different line than the label expects. Scoring stays strict (each pair is one FP and one FN); ' +
        'either move the report or, if the new place is the better one, the label.',
      '',
    );
    for (const { finding, label } of s.relocations) out.push(`- ${label.file}:${label.line} ${label.ruleId} [${label.idiom}] reported at ${finding.file}:${finding.line}`);
    out.push('');
  }
  grouped('False negatives', s.falseNegatives);
  grouped('False positives', s.falsePositives);

  if (input.scanErrors.length > 0) {
    out.push(`## Scan warnings (${input.scanErrors.length})`, '', 'Files the scanner could not fully read or parse; their labels may be missed.', '');
    for (const e of input.scanErrors) out.push(`- ${e.file}${e.line ? `:${e.line}` : ''} (${e.kind}) ${e.message}`);
    out.push('');
  }
  return out.join('\n');
}

function captureIo(cwd: string): { io: CliIo; stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, isTTY: false, env: {} },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

/** Rule ids loaded by the CLI (`faultline rules`), in its order. */
export async function knownRules(cwd: string): Promise<string[]> {
  const cap = captureIo(cwd);
  const code = await main(['rules'], cap.io);
  if (code !== 0) throw new Error(`faultline rules exited ${code}: ${cap.stderr()}`);
  return cap
    .stdout()
    .split('\n')
    .map((l) => l.split(/\s+/)[0] ?? '')
    .filter((id) => RULE_ID.test(id));
}

const toPosix = (p: string) => p.split(sep).join('/');

/** Reads every source file under `dir` (relative to `root`) and parses its labels. */
export function readCorpus(root: string, dir = 'eval'): { labels: Label[]; problems: LabelProblem[]; sources: Map<string, string> } {
  const files = fg
    .sync(`${dir}/**/*.{py,ts,mts,cts,tsx,js,mjs,cjs,jsx}`, { cwd: root, ignore: ['eval/real/**', '**/node_modules/**', '**/dist/**', '**/build/**', '**/.venv/**', '**/venv/**'], dot: false })
    .sort();
  const labels: Label[] = [];
  const problems: LabelProblem[] = [];
  const sources = new Map<string, string>();
  for (const file of files) {
    const language = languageOf(file);
    if (!language) continue;
    const text = readFileSync(join(root, file), 'utf8');
    sources.set(file, text);
    const parsed = parseLabels(text, file, language);
    labels.push(...parsed.labels);
    problems.push(...parsed.problems);
  }
  return { labels, problems, sources };
}

interface JsonReport {
  tool: { version: string };
  summary: { filesScanned: number };
  findings: (EvalFinding & { suppression?: unknown; related?: { file?: string; line: number }[] })[];
  errors: { file: string; kind: string; line?: number; message: string }[];
}

/** The whole evaluation; returns the exit code. */
export async function runEval(root: string, write: (text: string) => void, writeErr: (text: string) => void): Promise<number> {
  const rules = await knownRules(root);
  const corpus = readCorpus(root);
  const problems = [...corpus.problems];
  for (const l of corpus.labels) {
    if (!rules.includes(l.ruleId)) problems.push({ file: l.file, line: l.at, message: `unknown rule ${l.ruleId} (loaded: ${rules.join(', ')})` });
  }
  if (problems.length > 0) {
    for (const p of problems) writeErr(`${p.file}:${p.line}: ${p.message}\n`);
    writeErr(`error: ${problems.length} label problem${problems.length === 1 ? '' : 's'} (malformed or unknown rule); nothing measured.\n`);
    return 2;
  }

  const cap = captureIo(root);
  const code = await main(['scan', 'eval', '--format', 'json', '--fail-on', 'none'], cap.io);
  if (code === 2) {
    writeErr(cap.stderr());
    writeErr('error: the scan did not run; nothing measured.\n');
    return 2;
  }
  const report = JSON.parse(cap.stdout()) as JsonReport;
  const findings = report.findings.filter((f) => f.suppression === undefined).map((f) => ({
      ruleId: f.ruleId,
      file: toPosix(f.file),
      line: f.line,
      related: (f.related ?? []).map((r) => ({ ...(r.file !== undefined ? { file: toPosix(r.file) } : {}), line: r.line })),
    }));
  const result = score(corpus.labels, findings);
  const text = renderReport({
    score: result,
    rules,
    sources: corpus.sources,
    filesScanned: report.summary.filesScanned,
    labelledFiles: new Set(corpus.labels.map((l) => l.file)).size,
    toolVersion: report.tool.version,
    scanErrors: report.errors,
  });
  writeFileSync(join(root, 'eval', 'RESULTS.md'), text);
  write(text);
  write(`\nwrote ${toPosix(relative(process.cwd(), join(root, 'eval', 'RESULTS.md'))) || 'eval/RESULTS.md'}\n`);
  return 0;
}

const here = fileURLToPath(import.meta.url);
if (process.argv[1] !== undefined && resolve(process.argv[1]) === here) {
  const root = resolve(dirname(here), '..');
  runEval(
    root,
    (t) => process.stdout.write(t),
    (t) => process.stderr.write(t),
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
