import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { Document, isMap, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import { FailuresFileError, ScanError } from '../../errors.js';
import type { Rule } from '../../engine/rule.js';
import { compileFailures, readFailuresFile, type CompileReport } from '../../failures-yaml/index.js';
import { loadRules } from '../../rules-loader/load-rules.js';
import { loadSetup } from '../../config/load-setup.js';
import { writeFileSafely } from '../../write-file-safely.js';

/** Where the command writes; the CLI passes the real streams, tests collect strings. */
export interface CompileIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

/** Rule-file keys in the order `rules/*.yaml` writes them. */
const KEY_ORDER = ['id', 'slug', 'title', 'risk', 'consequence', 'message', 'help', 'rationale', 'languages', 'signature', 'match', 'prevention', 'signals', 'metadata', 'deprecated'] as const;

/**
 * Registers `faultline compile FILE.yaml [--out DIR] [--config FILE]`: compiles the file's `anti_patterns` into
 * rules and prints them as a YAML stream (each rule preceded by comment lines saying how it was
 * compiled), or with `--out` writes one `<id>-<slug>.yaml` rule file per anti-pattern into DIR
 * and prints the report. On an error it prints `error: <message>` and `  help: <help>` and sets
 * `process.exitCode = 2`.
 */
export function registerCompileCommand(program: Command, io: CompileIo): void {
  program
    .command('compile')
    .description('compile the anti_patterns of a failures YAML file into rules, proving each against its examples')
    .argument('<file>', 'the failures YAML file (e.g. payment-retry-v2-failures.yaml)')
    .option('--out <dir>', 'write one rule file per anti-pattern into this folder instead of printing them')
    .option('--config <file>', 'config file whose vocabulary the examples are proven with (default: the nearest faultline.config.yaml at or above FILE)')
    .action((file: string, options: { out?: string; config?: string }) => {
      try {
        runCompile(file, options, io);
      } catch (error) {
        if (!(error instanceof ScanError)) throw error;
        io.stderr(`error: ${error.message}\n  help: ${error.help}\n`);
        process.exitCode = 2;
      }
    });
}

function runCompile(path: string, options: { out?: string; config?: string }, io: CompileIo): void {
  const out = options.out;
  const file = readFailuresFile(path);
  // The project's vocabulary (its own mutating calls, retry helpers...) applies, as it does in a scan.
  const { vocab } = loadSetup({ paths: [dirname(resolve(path))], cwd: process.cwd(), config: options.config, rules: [], builtin: false });
  const builtinRules = loadRules({ builtin: true, extra: [], vocab });
  const { rules, report } = compileFailures(file, { builtinRules, vocab });
  if (out === undefined) {
    const docs = rules.map((rule, i) => `${describe(report[i]!, path)}\n${ruleYaml(rule)}`);
    io.stdout(docs.length === 0 ? `# ${path}: no anti_patterns\n` : docs.join('---\n'));
    return;
  }
  try {
    mkdirSync(out, { recursive: true });
  } catch (cause) {
    throw new FailuresFileError(`Cannot write rules to ${out}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, {
      file: out,
      cause,
      help: 'Give --out a folder that can be created or written.',
    });
  }
  for (const [i, rule] of rules.entries()) {
    const target = join(out, `${rule.id}-${rule.slug}.yaml`);
    writeFileSafely(target, ruleYaml(rule));
    io.stdout(`${describe(report[i]!, path)}\n# wrote ${target}\n`);
  }
}

/** Comment lines: how the anti-pattern compiled, its steps, incidents and examples. */
function describe(r: CompileReport, path: string): string {
  const how = r.from === 'explicit' ? 'its signature: block' : r.from === 'phrases' ? 'its pattern_signature phrases' : `built-in ${r.from.slice('builtin:'.length)}`;
  const lines = [`# ${r.id}${r.name === undefined ? '' : ` ${r.name}`} (${path}:${r.line}): compiled from ${how}`, `#   signature: ${r.steps.join(', ')}`];
  for (const p of r.phrases) lines.push(`#   "${p.phrase}" (line ${p.line}) -> ${p.steps.join(', ')}`);
  if (r.incidents.length > 0) lines.push(`#   incidents: ${r.incidents.join(', ')}`);
  for (const e of r.examples) lines.push(`#   example_${e.kind}_code (line ${e.line}, ${e.language}): ${e.findings} finding${e.findings === 1 ? '' : 's'}${e.kind === 'bad' ? ', fires as it must' : ', quiet as it must'}`);
  for (const n of r.notes) lines.push(`#   note: ${n}`);
  return lines.join('\n');
}

/** A rule in the rule-file format (what `rules/*.yaml` holds), loadable with `--rules`. */
export function ruleYaml(rule: Rule): string {
  const spec: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (rule[key] !== undefined) spec[key] = rule[key];
  const doc = new Document(spec);
  const root = doc.contents;
  if (isMap(root)) {
    const languages = root.get('languages', true);
    if (isSeq(languages)) languages.flow = true;
    const signals = root.get('signals', true);
    if (isSeq(signals)) for (const group of signals.items) if (isSeq(group)) group.flow = true;
    const metadata = root.get('metadata', true);
    if (isMap(metadata)) for (const pair of metadata.items) if (isSeq(pair.value)) pair.value.flow = true;
    const signature = root.get('signature', true);
    if (isSeq(signature)) for (const entry of (signature as YAMLSeq).items) if (entry instanceof YAMLMap) for (const pair of entry.items) if (pair.value instanceof YAMLMap) pair.value.flow = true;
  }
  return doc.toString({ lineWidth: 0 });
}
