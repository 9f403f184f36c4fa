import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { ContextConfigError } from '../errors.js';
import { parseContextConfig, type ContextConfig } from './context-config.js';

/** The three kinds of failure history. */
export type SourceKind = 'incidents' | 'postmortems' | 'tickets';

/** Every source kind, in report order. */
export const SOURCE_KINDS: readonly SourceKind[] = ['incidents', 'postmortems', 'tickets'];

/** Where to look for failure history. */
export interface ContextSourceOptions {
  /** Folder flags are relative to, and where faultline.config.yaml is looked for. */
  cwd: string;
  /** An explicit config file (`--config`); else `<cwd>/faultline.config.yaml` when it exists. */
  configFile?: string;
  /** Globs from flags (relative to `cwd`); they replace the config's globs for that kind. */
  overrides?: Partial<Record<SourceKind, readonly string[]>>;
  /** Kinds to load (`--sources`); default all. */
  kinds?: readonly SourceKind[];
}

/** Resolved sources: absolute file paths, sorted, plus the config settings that go with them. */
export interface ContextSources {
  /** Absolute path of the config file read, if any. */
  configFile: string | undefined;
  files: Record<SourceKind, string[]>;
  /** Extra anti-pattern catalogue files from `context.rules`. */
  ruleFiles: string[];
  config: ContextConfig;
}

/**
 * Resolve which incident, postmortem and ticket files to read. Globs in the config's `context:`
 * section are relative to the config file; globs given as overrides are relative to `cwd`. A kind
 * that is neither configured nor overridden is skipped; a configured glob that matches no file is
 * an error (it is almost always a typo).
 *
 * @throws ContextConfigError when the config is unreadable or malformed, or a glob matches nothing
 */
export async function loadContextSources(options: ContextSourceOptions): Promise<ContextSources> {
  const explicit = options.configFile !== undefined;
  const configFile = path.resolve(options.cwd, options.configFile ?? 'faultline.config.yaml');
  let config: ContextConfig = {};
  let configPath: string | undefined;
  if (existsSync(configFile)) {
    configPath = configFile;
    config = parseContextConfig(readFileSync(configFile, 'utf8'), display(configFile, options.cwd));
  } else if (explicit) {
    throw new ContextConfigError(`${display(configFile, options.cwd)}: config file not found`, {
      help: 'Check the --config path',
      file: display(configFile, options.cwd),
    });
  }
  const configDir = configPath ? path.dirname(configPath) : options.cwd;
  const kinds = new Set(options.kinds ?? SOURCE_KINDS);
  const files: Record<SourceKind, string[]> = { incidents: [], postmortems: [], tickets: [] };
  for (const kind of SOURCE_KINDS) {
    if (!kinds.has(kind)) continue;
    const override = options.overrides?.[kind];
    const globs = override ?? config[kind];
    if (!globs || globs.length === 0) continue;
    const base = override ? options.cwd : configDir;
    const origin = override ? `--${kind}` : `${display(configPath ?? configFile, options.cwd)} context.${kind}`;
    files[kind] = await expand(globs, base, origin, options.cwd);
  }
  const ruleFiles = config.rules ? await expand(config.rules, configDir, 'context.rules', options.cwd) : [];
  return { configFile: configPath, files, ruleFiles, config };
}

async function expand(globs: readonly string[], base: string, origin: string, cwd: string): Promise<string[]> {
  const out = new Set<string>();
  for (const glob of globs) {
    const matches = await fg(toPosix(glob), { cwd: base, absolute: true, onlyFiles: true, dot: false });
    if (matches.length === 0) {
      throw new ContextConfigError(`${origin}: "${glob}" matches no files (looked in ${display(base, cwd) || '.'})`, {
        help: 'Fix the path or glob; globs in the config file are relative to the config file',
      });
    }
    for (const m of matches) out.add(path.normalize(m));
  }
  return [...out].sort();
}

/** A path as shown to the user: relative to `cwd`, with forward slashes. */
export function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return toPosix(rel.startsWith('..') || path.isAbsolute(rel) ? file : rel);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
