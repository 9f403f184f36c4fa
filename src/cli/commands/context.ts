/**
 * `faultline context` and `faultline merge`: argv → options, run, print, exit code. The main CLI
 * calls `registerContextCommands(program, io)`; every action sets `process.exitCode` (2 on input
 * errors) and never calls `process.exit`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { ConsoleStyle, SourceKind } from '../../context/index.js';
import { assertWritable } from '../output-file.js';

// The context pipeline (Markdown, CSV and diff parsers) is loaded only when one of its commands runs,
// not on every `faultline scan`.
type ContextModule = typeof import('../../context/index.js');
const loadContext = (): Promise<ContextModule> => import('../../context/index.js');

/** Output streams; the main CLI owns the real ones. */
export interface ContextCommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Raw option values of `faultline context` as commander hands them over. */
interface ContextFlags {
  sources: string;
  timeframe?: string;
  now?: string;
  out?: string;
  config?: string;
  incidents?: string[];
  postmortems?: string[];
  tickets?: string[];
}

/**
 * Add the `context` and `merge` subcommands to `program`.
 *
 * @param program - the root commander program (actions are async: call `parseAsync`)
 * @param io - where to print; the failures YAML goes to stdout when `--out` is not given, and the
 *   console summary then goes to stderr (to stdout when `--out` is given)
 */
export function registerContextCommands(program: Command, io: ContextCommandIo): void {
  const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

  program
    .command('context')
    .description('Build a failures YAML for a manifold from incidents, postmortems and support tickets')
    .argument('<manifold>', 'the manifold YAML (feature area) to load failure history against')
    .option('--sources <list>', 'comma-separated: incidents,postmortems,tickets, or all', 'all')
    .option('--timeframe <months>', 'months of history to analyse (default: context.timeframe, else 12)')
    .option('--now <date>', 'fix "today" (YYYY-MM-DD) for reproducible runs')
    .option('--out <file>', 'write the failures YAML to FILE (default: stdout); keeps its anti_patterns; exit 2 when it cannot be written')
    .option('--config <file>', 'config file with a context: section (default: ./faultline.config.yaml)')
    .option('--incidents <glob>', 'incident files (YAML, JSON, CSV); repeatable; overrides the config', collect)
    .option('--postmortems <glob>', 'postmortem Markdown files; repeatable; overrides the config', collect)
    .option('--tickets <glob>', 'ticket files (CSV, JSON); repeatable; overrides the config', collect)
    .action(async (manifold: string, flags: ContextFlags) => {
      if (flags.out !== undefined) assertWritable(flags.out, process.cwd());
      await report(io, async (ctx) => {
        const now = parseNow(ctx, flags.now);
        const catalogue = await ctx.loadBuiltInCatalogue(path.dirname(fileURLToPath(import.meta.url)));
        const overrides: Partial<Record<SourceKind, string[]>> = {};
        for (const kind of ctx.SOURCE_KINDS) {
          const globs = flags[kind];
          if (globs) overrides[kind] = globs;
        }
        const timeframe = parseTimeframe(ctx, flags.timeframe);
        const result = await ctx.runContext({
          manifoldFile: manifold,
          cwd: process.cwd(),
          kinds: parseSources(ctx, flags.sources),
          overrides,
          now,
          catalogue,
          ...(flags.config !== undefined ? { configFile: flags.config } : {}),
          ...(timeframe !== undefined ? { timeframeMonths: timeframe } : {}),
          ...(flags.out !== undefined ? { outFile: flags.out } : {}),
        });
        const toStdout = result.outFile !== undefined;
        const summary = ctx.renderConsoleSummary(result.context, {
          manifoldFile: result.manifoldFile,
          outFile: result.outFile,
          style: styleFor(ctx, toStdout ? process.stdout : process.stderr),
        });
        if (toStdout) io.stdout(summary);
        else {
          io.stdout(result.yaml);
          io.stderr(summary);
        }
      });
    });

  program
    .command('merge')
    .description('Merge a failures YAML (derived constraints, failure modes, exclusions) into the manifold; holds MANIFOLD.lock meanwhile, so a concurrent merge is refused (exit 2)')
    .argument('<manifold>', 'the manifold YAML to update')
    .requiredOption('--from <file>', 'the failures YAML written by faultline context')
    .option('--dry-run', 'print the change as a unified diff and write nothing', false)
    .action(async (manifold: string, flags: { from: string; dryRun: boolean }) => {
      await report(io, async (ctx) => {
        const result = await ctx.runMerge({ manifoldFile: manifold, failuresFile: flags.from, cwd: process.cwd(), dryRun: flags.dryRun });
        const { constraints, failureModes, exclusions } = result.added;
        const list = (label: string, ids: string[]): string => `${ids.length} ${label}${ids.length > 0 ? ` (${ids.join(', ')})` : ''}`;
        const what = `${list('constraints', constraints)}, ${list('failure modes', failureModes)}, ${list('exclusions', exclusions)}`;
        if (!result.changed) {
          io.stdout(`No changes: ${result.manifoldFile} already contains everything from ${result.failuresFile}.\n`);
        } else if (flags.dryRun) {
          io.stdout(result.diff);
          io.stdout(`\nDry run: would add ${what} to ${result.manifoldFile}. Nothing was written.\n`);
        } else {
          io.stdout(`Merged ${result.failuresFile} into ${result.manifoldFile}: added ${what}.\n`);
        }
      });
    });
}

/** Run `action`; print input errors with their help line and set exit code 2. */
async function report(io: ContextCommandIo, action: (ctx: ContextModule) => Promise<void>): Promise<void> {
  const ctx = await loadContext();
  try {
    await action(ctx);
  } catch (error) {
    if (!ctx.isReportableError(error)) throw error;
    io.stderr(`error: ${error.message}\n  help: ${error.help}\n`);
    process.exitCode = 2;
  }
}

function parseNow(ctx: ContextModule, value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = ctx.parseDate(value);
  if (!date) {
    throw new ctx.ContextUsageError(`--now "${value}" is not a valid date`, { help: 'Use YYYY-MM-DD, e.g. --now 2024-12-31' });
  }
  return date;
}

function parseTimeframe(ctx: ContextModule, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const months = Number(value);
  if (!Number.isInteger(months) || months < 1 || months > 600) {
    throw new ctx.ContextUsageError(`--timeframe "${value}" is not a whole number of months between 1 and 600`, { help: 'e.g. --timeframe 12' });
  }
  return months;
}

function parseSources(ctx: ContextModule, value: string): SourceKind[] {
  const parts = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  if (parts.length === 0 || parts.includes('all')) return [...ctx.SOURCE_KINDS];
  const kinds: SourceKind[] = [];
  for (const part of parts) {
    const kind = ctx.SOURCE_KINDS.find((k) => k === part);
    if (!kind) {
      throw new ctx.ContextUsageError(`--sources "${part}" is not a source`, { help: 'Use a comma-separated list of incidents, postmortems, tickets, or all' });
    }
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/** Colour only on a terminal with NO_COLOR unset. */
function styleFor(ctx: ContextModule, stream: NodeJS.WriteStream): ConsoleStyle {
  if ('NO_COLOR' in process.env || !stream.isTTY) return ctx.PLAIN_STYLE;
  const c = pc.createColors(true);
  return { bold: c.bold, red: c.red, yellow: c.yellow, dim: c.dim };
}
