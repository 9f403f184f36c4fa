import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { InputPathError, ScanError, UsageError } from '../errors.js';
import type { Risk, ScanResult, ScanWarning } from '../engine/types.js';
import { packageVersion } from '../package-root.js';
import { FORMATS, getReporter } from '../reporters/index.js';
import { discoverFiles } from '../scan/discover.js';
import { scanProject, scanScope } from '../scan/project-scan.js';
import { createProgress } from '../scan/progress.js';
import { nothingToScanMessage } from './nothing-to-scan.js';
import { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, failsGate } from './exit-codes.js';
import { applyBaseline, createBaseline, pruneBaseline, writeBaseline } from '../baseline/index.js';
import { processIo, type CliIo } from './io.js';
import { loadSetup } from '../config/load-setup.js';
import { useColor } from './color.js';
import { findingsSummary } from '../reporters/summary.js';
import { registerCompileCommand } from './commands/compile.js';
import { registerExplainCommand } from './commands/explain.js';
import { collect, withRuleSetOptions, type RuleSetFlags } from './rule-set-options.js';
import { EXIT_CODES_HELP, MORE_HELP, SUPPRESSIONS_HELP } from './help-text.js';
import { registerContextCommands } from './commands/context.js';
import { registerTestCommand } from './commands/test.js';
import { loadRules } from '../rules-loader/load-rules.js';
import {
  antiPatternSummary,
  compileFailures,
  occurrencesFor,
  readFailuresFile,
  withUnscannedOccurrences,
  writeOccurrences,
} from '../failures-yaml/index.js';
import { BYTE_SIZE_FORMS, parseByteSize } from '../config/byte-size.js';
import { assertWritable, writeOutput } from './output-file.js';
import type { Occurrence } from '../failures-yaml/types.js';
import { parseCacheDir, parseFileTimeout, parseJobs, type PerfFlags } from './perf-options.js';
import { ruleInfo } from '../api/rules.js';

interface ScanOptions {
  format: string;
  output?: string;
  failOn?: Risk | 'none';
  rules: string[];
  builtin: boolean;
  config?: string;
  include: string[];
  exclude: string[];
  ignore: boolean;
  maxFileSize?: number;
  suppressions: boolean;
  reportUnusedSuppressions?: boolean;
  baseline?: string;
  writeBaseline?: string;
  types: boolean;
  color?: boolean;
  failures?: string;
  write?: boolean;
  changedSince?: string;
}

type ScanFlags = ScanOptions & PerfFlags;


/**
 * Runs the faultline CLI with `argv` (without the node and script entries) and returns the exit
 * code: 0 clean, 1 findings at or above the gate, 2 usage, config, rule or input error.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const program = new Command('faultline')
    .description('Turn production failures into code checks: find where a past incident is waiting to happen again.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run faultline --help for usage)')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n\n${SUPPRESSIONS_HELP}\n\n${MORE_HELP}`);

  program
    .command('scan')
    .description('scan files and folders for the anti-patterns of the loaded rules')
    .argument('[paths...]', 'files or folders to scan (default: .)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS as string[]).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout (checked before scanning: exit 2 when it cannot be written)')
    .addOption(new Option('--fail-on <risk>', 'exit 1 when a finding is at or above this risk (default: high)').choices(['high', 'medium', 'low', 'none']))
    .option('--rules <path>', 'extra rule file or folder (repeatable; a folder without rule files is an error)', collect, [])
    .option('--no-builtin', 'do not load the built-in rules')
    .option('--config <file>', 'config file (default: the nearest faultline.config.yaml at or above the scanned paths)')
    .option('--include <glob>', "only scan files matching this glob, relative to the current folder (repeatable; replaces the config's include)", collect, [])
    .option('--exclude <glob>', "skip files matching this glob, relative to the current folder (repeatable; added to the config's exclude)", collect, [])
    .option('--no-ignore', 'also scan files that .gitignore files exclude')
    .option('--max-file-size <bytes>', 'skip files larger than this (default 1 MiB)', (v) => parseSize(v))
    .option('--no-suppressions', 'report findings that faultline-ignore comments suppress')
    .option('--report-unused-suppressions', 'report faultline-ignore comments that suppressed nothing (they fail the run like findings, unless --fail-on none)')
    .option('--no-types', 'do not resolve TypeScript method calls through the type checker')
    .option('--failures <file>', "scan with the rules compiled from a failures YAML's anti_patterns")
    .option('--write', "with --failures: write the findings back into its occurrences_in_codebase (entries of files outside the scan are kept; whole or not at all; a read-only file is refused)")
    .option('--changed-since <ref>', 'analyse everything but report and gate only findings on lines changed since this git ref')
    .option('--baseline <file>', 'report and gate only on findings that are not in this baseline')
    .option('--write-baseline <file>', 'record the current findings (with --baseline: drop the fixed ones of the files scanned, keep the rest)')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)', parseJobs)
    .option('--no-cache', 'do not read or write the scan cache')
    .option('--cache-dir <dir>', 'scan cache folder (default: $XDG_CACHE_HOME/faultline or ~/.cache/faultline); one that cannot be created is a warning and the scan runs without cache', parseCacheDir)
    .option('--no-prefilter', 'parse every file, even those whose text cannot match any rule')
    .option('--file-timeout <seconds>', 'longest one file may take to match (default 20); a file over it is reported as not matched, with no findings', parseFileTimeout)
    .option('--color', 'colour the text report even when not on a terminal (overrides NO_COLOR)')
    .option('--no-color', 'never colour the text report (overrides FORCE_COLOR)')
    .option('-q, --quiet', 'no progress line, and no summary line on stderr after --output or --write-baseline')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n\n${SUPPRESSIONS_HELP}`)
    .action(async (paths: string[], opts: ScanFlags) => {
      exitCode = await runScan(paths, opts, io, argv);
    });

  withRuleSetOptions(program.command('rules').description('list the loaded rules'))
    .addOption(new Option('-f, --format <format>', 'text (a table) or json (every field, for tools)').choices(['text', 'json']).default('text'))
    .action((opts: RuleSetFlags & { format: 'text' | 'json' }) => {
      const { rules } = loadSetup({ paths: ['.'], cwd: io.cwd, config: opts.config, rules: opts.rules, builtin: opts.builtin });
      if (opts.format === 'json') {
        io.stdout(JSON.stringify(rules.map(ruleInfo), null, 2) + '\n');
        return;
      }
      const rows = rules.map((r) => [r.id, r.slug, r.risk, r.languages.join(', '), r.deprecated ? `deprecated: ${r.deprecated}` : r.title]);
      const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => (row[i] ?? '').length), 4));
      for (const row of rows) io.stdout(row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ') + '\n');
    });

  registerExplainCommand(program, io);
  registerCompileCommand(program, io);
  registerContextCommands(program, io);
  registerTestCommand(program, io);
  program
    .command('lsp')
    .description('run the language server over stdio (diagnostics, faultline-ignore quick fixes, rule explanations)')
    .option('--stdio', 'talk over stdin/stdout (the default; accepted for editors that pass it)')
    .action(async () => {
      // Loaded on demand: the scan path never pays for the protocol library.
      const { startLanguageServer } = await import('../lsp/server.js');
      startLanguageServer();
    });

  // Subcommands registered from other modules report input errors through process.exitCode.
  const outerExitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync([...argv], { from: 'user' });
    const fromCommand = typeof process.exitCode === 'number' ? process.exitCode : 0;
    return Math.max(exitCode, fromCommand);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT_CLEAN : EXIT_ERROR;
    }
    if (error instanceof ScanError) {
      io.stderr(`error: ${error.message}\n  help: ${error.help}\n`);
      return EXIT_ERROR;
    }
    throw error;
  } finally {
    process.exitCode = outerExitCode;
  }
}

/** `--report-unused-suppressions`: each comment that suppressed nothing, as a warning on its line. */
function unusedSuppressionWarnings(result: ScanResult): ScanWarning[] {
  return (result.unusedSuppressions ?? []).map((u) => ({
    file: u.file,
    line: u.line,
    kind: 'unused-suppression',
    message:
      u.ruleIds.length === 0
        ? 'this faultline-ignore comment suppressed nothing; remove it'
        : `faultline-ignore ${u.ruleIds.join(', ')} suppressed nothing here; remove ${u.ruleIds.length === 1 ? 'that id' : 'those ids'} (or the comment)`,
  }));
}

/** A changed-lines scan sees part of the findings: writing them would drop every other entry. */
function refuseWritesOfPartialScan(opts: ScanFlags): void {
  const write = opts.writeBaseline !== undefined ? '--write-baseline' : opts.write ? '--write' : undefined;
  if (write !== undefined) {
    throw new UsageError(`--changed-since cannot be combined with ${write}: it reports only findings on changed lines, so the file would lose every other entry`, {
      help: 'Write the baseline or the occurrences from a full scan (without --changed-since).',
    });
  }
}

function parseSize(value: string): number {
  const bytes = parseByteSize(value);
  if (bytes === undefined) throw new UsageError(`--max-file-size takes ${BYTE_SIZE_FORMS} (got "${value}")`, { help: 'Example: --max-file-size 2M' });
  return bytes;
}

async function runScan(paths: string[], opts: ScanFlags, io: CliIo, argv: readonly string[]): Promise<number> {
  if (opts.write && opts.failures === undefined) {
    throw new UsageError('--write needs --failures FILE: it writes findings back into that file', { help: 'Example: faultline scan . --failures team-failures.yaml --write' });
  }
  if (opts.output !== undefined) assertWritable(opts.output, io.cwd);
  // Paths named on the command line must hold something to scan; the default `.` may be empty.
  const named = paths.length > 0;
  if (!named) paths = ['.'];
  if (opts.changedSince !== undefined) refuseWritesOfPartialScan(opts);
  const setup = loadSetup({ paths, cwd: io.cwd, config: opts.config, rules: opts.rules, builtin: opts.builtin });
  // With a failures YAML, its anti-patterns are the rule set (under the file's ids and names).
  const failures = opts.failures === undefined ? undefined : readFailuresFile(resolve(io.cwd, opts.failures));
  if (failures !== undefined) {
    const builtinRules = loadRules({ builtin: true, extra: [], vocab: setup.vocab });
    const extra = loadRules({ builtin: false, extra: opts.rules.map((r) => resolve(io.cwd, r)), vocab: setup.vocab });
    setup.rules = [...compileFailures(failures, { builtinRules, vocab: setup.vocab }).rules, ...extra];
  }
  const { config } = setup;
  const reporter = getReporter(opts.format);
  const discovery = discoverFiles(paths, io.cwd, scanScope(config, { ...opts, names: { include: '--include', exclude: '--exclude' } }, io.cwd));
  const files = discovery.files;
  if (files.length === 0) {
    const message = nothingToScanMessage(discovery.paths, io.cwd);
    if (named) throw new InputPathError(message, { help: 'Name folders or files that hold .py, .ts or .js sources, or loosen --include / --exclude.' });
    io.stderr(`warning: ${message}\n`);
  } else {
    // One named path that holds nothing, beside others that do: most likely a typo or a stale exclude.
    for (const empty of discovery.paths.filter((p) => p.found === 0)) io.stderr(`warning: ${nothingToScanMessage([empty], io.cwd)}\n`);
  }
  if (opts.quiet !== true) {
    const vendored = discovery.paths.flatMap((p) => [...p.vendored].map(([folder, n]) => ({ folder: p.path === '.' ? folder : `${p.path.replace(/\/+$/, '')}/${folder}`, n })));
    if (vendored.length > 0) {
      const total = vendored.reduce((sum, v) => sum + v.n, 0);
      const shown = vendored.slice(0, 5).map((v) => v.folder).join(', ') + (vendored.length > 5 ? `, and ${vendored.length - 5} more` : '');
      io.stderr(`note: skipped ${total} file${total === 1 ? '' : 's'} in ${vendored.length} vendored librar${vendored.length === 1 ? 'y' : 'ies'} (a folder whose ${config.vendored.manifests.join(' or ')} names a main file, or a copy under ${config.vendored.asset_folders.slice(0, 3).map((f) => `${f}/`).join(', ')}… with its licence file or banner): ${shown}; \`vendored: { manifests: [], asset_folders: [] }\` in the config scans them\n`);
    }
  }
  const showProgress = opts.quiet !== true && io.isTTY && process.stderr.isTTY === true;
  const { result: scanned, sources, repoRoot, covered, baseline } = await scanProject(files, setup, {
    cwd: io.cwd,
    env: io.env,
    run: opts,
    maxFileSize: opts.maxFileSize,
    suppressions: opts.suppressions,
    types: opts.types,
    changedSince: opts.changedSince,
    baseline: opts.baseline,
    warn: (message) => io.stderr(`warning: ${message}\n`),
    ...(showProgress ? { progress: createProgress(io.stderr) } : {}),
  });
  let result = scanned;
  const inScope = (file: string): boolean => covered(file, io.cwd);
  // What the gate reads: the report itself, except that recording a baseline accepts what it records.
  let gated = result;
  if (opts.writeBaseline !== undefined) {
    const written = baseline !== undefined ? pruneBaseline(baseline, result, packageVersion(), inScope) : createBaseline(result, packageVersion());
    writeBaseline(opts.writeBaseline, written, io.cwd);
    // The report still shows what was recorded (it is what the user adopts); only the gate passes it.
    if (baseline === undefined) {
      gated = applyBaseline(result, written);
      if (opts.quiet !== true) io.stderr(`recorded ${written.findings.length} finding${written.findings.length === 1 ? '' : 's'} in ${opts.writeBaseline}\n`);
    }
  }
  const failOn = opts.failOn ?? config.fail_on ?? 'high';
  const unused = opts.reportUnusedSuppressions === true ? unusedSuppressionWarnings(result) : [];
  if (unused.length > 0) result = { ...result, warnings: [...result.warnings, ...unused] };
  let preamble: string | undefined;
  let occurrences: Record<string, Occurrence[]> | undefined;
  if (failures !== undefined) {
    const byId = occurrencesFor(result.findings, { root: repoRoot, cwd: io.cwd, rules: setup.rules });
    occurrences = Object.fromEntries(byId);
    preamble = antiPatternSummary(failures, setup.rules, byId);
    if (opts.write) {
      // A partial scan rewrites only the occurrences of the files it covered.
      const merged = withUnscannedOccurrences(failures, byId, { root: repoRoot, covered: (abs) => covered(abs, repoRoot) });
      const { changed } = writeOccurrences(failures.path, failures, merged, opts.failures);
      io.stderr(`${changed ? 'wrote' : 'unchanged:'} occurrences_in_codebase in ${opts.failures}\n`);
    }
  }
  const report = reporter(result, {
    ...(preamble !== undefined ? { preamble } : {}),
    ...(occurrences !== undefined && opts.failures !== undefined ? { failures: { file: opts.failures, occurrences, written: opts.write === true } } : {}),
    color: useColor({ flag: opts.color, env: io.env, isTTY: io.isTTY, toFile: opts.output !== undefined }),
    cwd: io.cwd,
    srcRoot: repoRoot,
    rules: setup.rules,
    version: packageVersion(),
    commandLine: ['faultline', ...argv].join(' '),
    failOn,
    sources,
  });
  if (opts.output !== undefined) {
    writeOutput(opts.output, io.cwd, report);
    if (opts.quiet !== true) io.stderr(`${findingsSummary(result.findings)}; ${opts.format} report written to ${opts.output}\n`);
  } else io.stdout(report);
  // An unused suppression is a problem to fix in the code, as ESLint and Ruff report it.
  const failsOnUnused = unused.length > 0 && failOn !== 'none';
  return failsOnUnused || gated.findings.some((f) => failsGate(f, failOn)) ? EXIT_FINDINGS : EXIT_CLEAN;
}
