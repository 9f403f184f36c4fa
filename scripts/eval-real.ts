/**
 * `npm run eval:real [-- --batch batch-1] [--repo owner/name ...] [--findings FILE] [--save-findings FILE] [--no-write]`:
 * measures faultline on real public code (eval/real/, see eval/real/README.md).
 *
 * Scans each labelled repository of eval/real/corpus/ through the real CLI, in-process, one
 * repository at a time (each is its own project), and scores the findings against the labels:
 * precision and recall per rule and language, every miss and false positive with its reason, and
 * the unjudged findings in labelled files. `--repo` (repeatable) keeps only those repositories'
 * labels, for a quick check of a few cases before a whole batch. `--findings` scores a saved findings file instead of
 * scanning (to compare another version of the tool); `--save-findings` keeps this run's.
 *
 * Exit code: 0 when it measured (whatever the numbers); 2 when the labels are malformed or the
 * corpus is missing (it then says how to build it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';
import { CORPUS_DIR, LABELS_DIR, STAMP } from './real/build-corpus.js';
import { LabelError, corpusFolder, readRealLabels, reposOf, type RealLabel, type RuleId } from './real/labels.js';
import { precision, precisionFloor, recall, scoreReal, type Counts, type RealFinding, type RealScore } from './real/score.js';

interface Options {
  batch?: string;
  repos: string[];
  findings?: string;
  saveFindings?: string;
  write: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { write: true, repos: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new LabelError(`${a} needs a value`);
      return v;
    };
    if (a === '--batch') opts.batch = value();
    else if (a === '--repo') opts.repos.push(value());
    else if (a === '--findings') opts.findings = value();
    else if (a === '--save-findings') opts.saveFindings = value();
    else if (a === '--no-write') opts.write = false;
    else throw new LabelError(`unknown option ${a}`);
  }
  return opts;
}

function captureIo(cwd: string) {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd, isTTY: false, env: process.env },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

interface JsonReport {
  findings: { ruleId: string; file: string; line: number; message: string; code: string; suppression?: unknown; related?: { file?: string; line: number; message: string }[] }[];
  summary: { filesScanned: number };
  errors?: { file: string; kind: string }[];
}

const posix = (p: string) => p.split('\\').join('/').replace(/^\.\//, '');

/**
 * A file's time budget is wall-clock time, so on a busy machine a large file can run out of it and
 * lose its findings: the eval gives each file far more than a user's default, so that a figure does
 * not depend on the machine's load, and reports every file that still ran out.
 */
const EVAL_FILE_TIMEOUT_SECONDS = '600';

export async function scanRepo(dir: string, repo: string): Promise<{ findings: RealFinding[]; files: number; seconds: number; timedOut: string[] }> {
  const cap = captureIo(dir);
  const started = performance.now();
  const code = await main(['scan', '.', '--format', 'json', '--fail-on', 'none', '--quiet', '--file-timeout', EVAL_FILE_TIMEOUT_SECONDS], cap.io);
  const seconds = (performance.now() - started) / 1000;
  if (code === 2) throw new Error(`faultline could not scan ${repo}: ${cap.stderr().trim()}`);
  const report = JSON.parse(cap.stdout()) as JsonReport;
  const findings = report.findings
    .filter((f) => f.suppression === undefined)
    .map((f) => ({
      repo,
      ruleId: f.ruleId,
      path: posix(f.file),
      line: f.line,
      message: f.message,
      code: f.code,
      related: (f.related ?? []).map((r) => ({ ...(r.file !== undefined ? { path: posix(r.file) } : {}), line: r.line, message: r.message })),
    }));
  const timedOut = (report.errors ?? []).filter((e) => e.kind === 'timeout').map((e) => `${repo}/${posix(e.file)}`);
  return { findings, files: report.summary.filesScanned, seconds, timedOut };
}

const pct = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(2));

function row(name: string, c: Counts): string {
  return `| ${name} | ${c.tp} | ${c.fn} | ${c.fp} | ${c.tn} | ${c.unjudged} | **${pct(recall(c))}** | **${pct(precision(c))}** | ${pct(precisionFloor(c))} |`;
}

function render(score: RealScore, labels: readonly RealLabel[], title: string, notes: string[]): string {
  const out: string[] = [`# ${title}`, ''];
  const repos = new Set(labels.map((l) => l.repo)).size;
  const expected = labels.filter((l) => l.expect === 'finding').length;
  out.push(`${labels.length} labels (${expected} expected findings, ${labels.length - expected} look-alikes) in ${repos} repositories.`, '');
  out.push(...notes, '');
  out.push('| scope | TP | FN | FP | TN | unjudged | recall | precision | precision floor |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  out.push(row('all', score.total));
  for (const rule of ['AP-001', 'AP-002', 'AP-003'] as RuleId[]) {
    const c = score.byRule.get(rule);
    if (c) out.push(row(rule, c));
  }
  for (const [lang, c] of [...score.byLanguage].sort()) out.push(row(lang, c));
  out.push('');
  out.push('Precision counts the look-alike labels a finding hit; the floor also counts every unjudged finding (in a labelled file, on no label) as wrong.', '');
  out.push('| rule × language | TP | FN | FP | TN | unjudged | recall | precision | precision floor |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [k, c] of [...score.byRuleLanguage].sort()) out.push(row(k, c));
  out.push('');
  const where = (l: RealLabel) => `${l.repo} \`${l.path}:${l.line}\``;
  out.push(`## Misses (${score.misses.length})`, '');
  for (const l of score.misses) out.push(`- ${l.rule} ${where(l)} (${l.idiom}): ${l.why.replace(/\s+/g, ' ')}`);
  out.push('', `## False positives (${score.falsePositives.length})`, '');
  for (const { label: l } of score.falsePositives) out.push(`- ${l.rule} ${where(l)} (${l.idiom}): ${l.why.replace(/\s+/g, ' ')}`);
  out.push('', `## Unjudged findings in labelled files (${score.unjudged.length})`, '');
  for (const f of score.unjudged) out.push(`- ${f.ruleId} ${f.repo} \`${f.path}:${f.line}\`${f.message ? `: ${f.message}` : ''}`);
  const elsewhere = [...score.elsewhere].filter(([, n]) => n > 0);
  if (elsewhere.length > 0) {
    out.push('', '## Findings in files with no label (not scored)', '');
    for (const [repo, n] of elsewhere) out.push(`- ${repo}: ${n}`);
  }
  return `${out.join('\n')}\n`;
}

export async function runEvalReal(root: string, argv: readonly string[], write: (t: string) => void, writeErr: (t: string) => void): Promise<number> {
  let opts: Options;
  let labels: RealLabel[];
  try {
    opts = parseArgs(argv);
    labels = readRealLabels(root, LABELS_DIR, opts.batch);
    reposOf(labels);
    if (opts.repos.length > 0) {
      const wanted = new Set(opts.repos.map((r) => r.toLowerCase()));
      const known = new Set(labels.map((l) => l.repo.toLowerCase()));
      const unknown = opts.repos.filter((r) => !known.has(r.toLowerCase()));
      if (unknown.length > 0) throw new LabelError(`no labels for ${unknown.join(', ')}${opts.batch ? ` in ${opts.batch}` : ''}`);
      labels = labels.filter((l) => wanted.has(l.repo.toLowerCase()));
    }
  } catch (err) {
    writeErr(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (labels.length === 0) {
    writeErr(`error: no labels under ${LABELS_DIR}${opts.batch ? `/${opts.batch}` : ''}\n`);
    return 2;
  }
  const notes: string[] = [];
  let findings: RealFinding[] = [];
  if (opts.findings !== undefined) {
    const kept = new Set(labels.map((l) => l.repo));
    findings = (JSON.parse(readFileSync(resolve(opts.findings), 'utf8')) as RealFinding[]).filter((f) => kept.has(f.repo));
    notes.push(`Findings read from \`${opts.findings}\` (not scanned by this run).`);
  } else {
    const refs = reposOf(labels);
    const missing = refs.filter((r) => {
      const stamp = join(root, CORPUS_DIR, corpusFolder(r.repo), STAMP);
      return !existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== r.commit;
    });
    if (missing.length === refs.length) {
      writeErr(
        `error: the real-code corpus is not built (${CORPUS_DIR}/ has none of the ${refs.length} labelled repositories).\n` +
          '  help: run `npm run eval:real:build` (set FAULTLINE_MIRROR to a folder of owner+name git snapshots, or let it fetch each commit from GitHub).\n',
      );
      return 2;
    }
    if (missing.length > 0) {
      notes.push(`Not measured (corpus missing; run \`npm run eval:real:build\`): ${missing.map((m) => m.repo).join(', ')}.`);
      const gone = new Set(missing.map((m) => m.repo));
      labels = labels.filter((l) => !gone.has(l.repo));
    }
    let seconds = 0;
    let files = 0;
    const timedOut: string[] = [];
    for (const ref of refs.filter((r) => !missing.includes(r))) {
      const r = await scanRepo(join(root, CORPUS_DIR, corpusFolder(ref.repo)), ref.repo);
      findings.push(...r.findings);
      seconds += r.seconds;
      files += r.files;
      timedOut.push(...r.timedOut);
      writeErr(`scanned ${ref.repo}: ${r.files} files, ${r.findings.length} findings, ${r.seconds.toFixed(1)} s\n`);
    }
    notes.push(`Scanned ${files} files in ${refs.length - missing.length} repositories in ${seconds.toFixed(1)} s.`);
    if (timedOut.length > 0) notes.push(`Not matched, over the ${EVAL_FILE_TIMEOUT_SECONDS} s file time limit (their findings are missing): ${timedOut.join(', ')}.`);
    if (opts.saveFindings !== undefined) writeFileSync(resolve(opts.saveFindings), `${JSON.stringify(findings, null, 1)}\n`);
  }
  const score = scoreReal(labels, findings);
  const title = `Real-code evaluation${opts.batch ? `: ${opts.batch}` : ''}${opts.repos.length > 0 ? ` (${opts.repos.join(', ')} only)` : ''}`;
  const text = render(score, labels, title, notes);
  write(text);
  if (opts.write && opts.repos.length === 0) {
    const out = join(root, 'eval', 'real', `RESULTS${opts.batch ? `-${opts.batch}` : ''}.md`);
    writeFileSync(out, text);
    write(`\nwrote ${out.slice(root.length + 1)}\n`);
  }
  return 0;
}

const here = fileURLToPath(import.meta.url);
if (process.argv[1] !== undefined && resolve(process.argv[1]) === here) {
  const root = resolve(dirname(here), '..');
  runEvalReal(root, process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
