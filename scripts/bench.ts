/**
 * `npm run bench`: faultline against the parse-only floor and ast-grep on a corpus any machine can
 * build without network beyond npm: the Python standard library of the machine's `python3` and
 * the TypeScript sources and CommonJS build of `rxjs` (a pinned devDependency). Not a test: it
 * prints a Markdown table of medians over interleaved runs (BENCH_RUNS, default 3).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fg from 'fast-glob';
import { measureLanguageServer, type LanguageServerSample } from './bench-lsp.js';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CORES = availableParallelism();
/** Edits per language-server session: each is one `didChange` of the whole file. */
const LSP_EDITS = 10;
const EXTS = '{py,ts,tsx,mts,cts,js,mjs,cjs,jsx}';

function buildCorpus(): string {
  const dir = join(tmpdir(), 'faultline-bench-corpus');
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  const stdlib = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
  for (const f of fg.sync('**/*.py', { cwd: stdlib, ignore: ['site-packages/**'] })) {
    mkdirSync(join(dir, 'python', f, '..'), { recursive: true });
    cpSync(join(stdlib, f), join(dir, 'python', f));
  }
  const rxjs = join(ROOT, 'node_modules', 'rxjs');
  // Named so faultline's default excludes (dist/, build/) do not skip them.
  cpSync(join(rxjs, 'src'), join(dir, 'rxjs-src'), { recursive: true });
  cpSync(join(rxjs, 'dist', 'cjs'), join(dir, 'rxjs-cjs'), { recursive: true });
  writeFileSync(join(dir, '.complete'), '');
  return dir;
}

interface Sample {
  wall: number;
  rss: number;
}

/** Runs a command under /usr/bin/time: wall seconds and peak RSS in MiB. */
function measure(cmd: string, args: string[]): Sample {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const kb = Number(/RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { wall, rss: kb / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  console.error('building faultline (dist/) ...');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const corpus = buildCorpus();
  const files = fg.sync(`**/*.${EXTS}`, { cwd: corpus, absolute: true }).sort();
  const lines = files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length, 0);

  // Which files the prefilter keeps, for the floor of the files faultline does parse.
  const { buildPrefilter } = (await import(join(ROOT, 'dist/src/engine/prefilter.js'))) as typeof import('../src/engine/prefilter.js');
  const { loadBuiltinVocabulary, loadRules } = (await import(join(ROOT, 'dist/src/rules-loader/load-rules.js'))) as typeof import('../src/rules-loader/load-rules.js');
  const { languageForPath } = (await import(join(ROOT, 'dist/src/engine/languages.js'))) as typeof import('../src/engine/languages.js');
  const vocab = loadBuiltinVocabulary();
  const prefilter = buildPrefilter(loadRules({ builtin: true, extra: [], vocab }), vocab);
  const kept = files.filter((f) => prefilter.mayMatch(readFileSync(f, 'utf8'), languageForPath(f)!));
  const keptLines = kept.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length, 0);

  const work = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
  const allList = join(work, 'all.txt');
  const keptList = join(work, 'kept.txt');
  writeFileSync(allList, files.join('\n'));
  writeFileSync(keptList, kept.join('\n'));
  const sg = join(work, 'sg');
  mkdirSync(join(sg, 'rules'), { recursive: true });
  writeFileSync(join(sg, 'sgconfig.yml'), 'ruleDirs: [rules]\n');
  for (const language of ['python', 'typescript', 'javascript']) {
    writeFileSync(join(sg, 'rules', `${language}.yml`), `id: trivial-${language}\nlanguage: ${language}\nseverity: info\nrule:\n  pattern: charge($$$ARGS)\n`);
  }
  const astGrep = join(ROOT, 'node_modules', '.bin', 'ast-grep');
  const approxArgs = ['scan', '-c', join(ROOT, 'scripts', 'ast-grep-approx', 'sgconfig.yml'), '--json=compact', corpus];
  const faultline = join(ROOT, 'dist', 'bin', 'faultline.js');
  const scan = (...extra: string[]) => [faultline, 'scan', corpus, '--format', 'json', '--fail-on', 'none', '--quiet', ...extra];
  const warmCache = join(work, 'cache-warm');
  const editCache = join(work, 'cache-edit');
  // A Python edit leaves the type checker's cached answers valid; a TypeScript edit does not.
  const editFiles = {
    python: files.find((f) => f.endsWith('/python/json/decoder.py')) ?? files[0]!,
    typescript: files.find((f) => f.endsWith('/rxjs-src/internal/operators/map.ts')) ?? files[0]!,
  };
  const editRun = (language: keyof typeof editFiles, comment: string) => (round: number) => {
    const file = editFiles[language];
    const original = readFileSync(file, 'utf8');
    // Untimed: the cache holds the tree as it is, so exactly one file differs in the timed run.
    measure('node', scan('--cache-dir', editCache));
    appendFileSync(file, `\n${comment} bench edit ${round}\n`);
    try {
      return measure('node', scan('--cache-dir', editCache));
    } finally {
      writeFileSync(file, original);
    }
  };

  // The language server, on a warm cache (as after a `faultline scan`): one editing session a round.
  const lspCacheHome = join(work, 'lsp-cache-home');
  const lspFile = files.find((f) => f.endsWith('/python/subprocess.py')) ?? files[0]!;
  const lspLines = readFileSync(lspFile, 'utf8').split('\n').length;
  const lspRounds = new Map<number, Promise<LanguageServerSample>>();
  const lspRound = (round: number) => lspRounds.get(round) ?? lspRounds.set(round, measureLanguageServer(faultline, corpus, lspCacheHome, lspFile, LSP_EDITS)).get(round)!;

  const variants: { name: string; run: (round: number) => Sample | Promise<Sample>; lines: number; files: number }[] = [
    { name: `faultline cold (--jobs ${CORES})`, lines, files: files.length, run: () => measure('node', scan('--cache-dir', mkdtempSync(join(work, 'cold-')))) },
    { name: 'faultline warm (cached)', lines, files: files.length, run: () => measure('node', scan('--cache-dir', warmCache)) },
    { name: 'faultline after a one-file edit (Python)', lines, files: files.length, run: editRun('python', '#') },
    { name: 'faultline after a one-file edit (TypeScript)', lines, files: files.length, run: editRun('typescript', '//') },
    { name: 'faultline lsp: workspace scan at start, warm cache (RSS: server peak)', lines, files: files.length, run: async (round) => { const s = await lspRound(round); return { wall: s.workspaceScan, rss: s.peakMiB }; } },
    { name: `faultline lsp: didChange → diagnostics, median of ${LSP_EDITS} edits, 150 ms pause included (RSS: held after the edits)`, lines: lspLines, files: 1, run: async (round) => { const s = await lspRound(round); return { wall: median(s.changes), rss: s.rssMiB }; } },
    { name: 'faultline cold --jobs 1', lines, files: files.length, run: () => measure('node', scan('--jobs', '1', '--no-cache')) },
    { name: 'faultline cold --no-prefilter', lines, files: files.length, run: () => measure('node', scan('--no-prefilter', '--no-cache')) },
    { name: `parse-only floor, all files (${CORES} threads)`, lines, files: files.length, run: () => measure('node', [join(ROOT, 'scripts/bench-parse.mjs'), allList, String(CORES)]) },
    { name: `parse-only floor, files the prefilter keeps`, lines: keptLines, files: kept.length, run: () => measure('node', [join(ROOT, 'scripts/bench-parse.mjs'), keptList, String(CORES)]) },
    { name: `ast-grep scan, AP-001–003 approximated (9 same-file rules)`, lines, files: files.length, run: () => measure(astGrep, approxArgs) },
    { name: `ast-grep ${execFileSync(astGrep, ['--version'], { encoding: 'utf8' }).trim().split(' ')[1]} scan, 1 trivial rule/language`, lines, files: files.length, run: () => measure(astGrep, ['scan', '-c', join(sg, 'sgconfig.yml'), '--json=compact', corpus]) },
  ];

  // Prime the warm and edit caches (not timed).
  measure('node', scan('--cache-dir', warmCache));
  measure('node', scan('--cache-dir', editCache));
  measure('node', scan('--cache-dir', join(lspCacheHome, 'faultline')));
  const samples = variants.map(() => [] as Sample[]);
  for (let round = 0; round < RUNS; round++) {
    console.error(`round ${round + 1}/${RUNS} ...`);
    for (const [i, v] of variants.entries()) samples[i]!.push(await v.run(round));
  }
  // What each reports on the corpus (untimed): the approximate rules have no cross-file analysis or key checks.
  const approxMatches = (JSON.parse(spawnSync(astGrep, approxArgs, { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout) as unknown[]).length;
  const findings = (JSON.parse(spawnSync('node', scan('--cache-dir', warmCache), { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout) as { findings: unknown[] }).findings.length;
  rmSync(work, { recursive: true, force: true });

  const walls = samples.map((s) => median(s.map((x) => x.wall)));
  const cold = walls[0]!;
  const sgWall = walls.at(-1)!;
  const rows = variants.map((v, i) => {
    const wall = walls[i]!;
    const rss = median(samples[i]!.map((x) => x.rss));
    return `| ${v.name} | ${v.files} | ${v.lines.toLocaleString('en-US')} | ${wall.toFixed(2)} s | ${Math.round(v.lines / wall).toLocaleString('en-US')} | ${Math.round(rss)} MiB | ${(wall / cold).toFixed(2)}× | ${(wall / sgWall).toFixed(2)}× |`;
  });
  console.log(`Corpus: ${execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim()} standard library + rxjs ${JSON.parse(readFileSync(join(ROOT, 'node_modules/rxjs/package.json'), 'utf8')).version} (src/ and dist/cjs/); ${CORES} cores; median of ${RUNS} interleaved runs; Node ${process.version}.`);
  console.log(`Prefilter: ${files.length - kept.length} of ${files.length} files proved unable to match (not parsed).\n`);
  console.log('| run | files | lines | wall | lines/s | peak RSS | vs cold | vs ast-grep |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(r);
  console.log(`\nOn this corpus faultline reports ${findings} findings; the approximate ast-grep rules report ${approxMatches} matches.`);
}

await main();
