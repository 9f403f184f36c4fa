import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { BaselineError } from '../errors.js';
import { FileWriteError, writeFileSafely } from '../write-file-safely.js';
import { BaselineSchema, BASELINE_VERSION, type Baseline } from './baseline.js';

const REGENERATE = 'Regenerate it with `faultline scan <paths> --write-baseline FILE`, or fix the file by hand.';

/**
 * Parses and validates baseline JSON. Paths are returned as stored.
 * @param text the file's content
 * @param file the file's name, for error messages
 * @throws BaselineError naming the file and what is wrong (not JSON, wrong version, bad entry)
 */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new BaselineError(`Cannot read baseline ${file}: not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`, { file, cause, help: REGENERATE });
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > BASELINE_VERSION) {
    throw new BaselineError(`Cannot read baseline ${file}: it is format version ${version}, this faultline reads version ${BASELINE_VERSION}`, {
      file,
      help: 'Upgrade faultline to the version that wrote the baseline (see its "tool" field).',
    });
  }
  const parsed = BaselineSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    throw new BaselineError(`Cannot read baseline ${file}: ${path === '' ? 'top level' : path}: ${issue?.message ?? 'invalid'}`, {
      file,
      cause: parsed.error,
      help: `A baseline is { "version": ${BASELINE_VERSION}, "tool": {...}, "findings": [{ "ruleId", "file", "fingerprint", "line", "code" }] }. ${REGENERATE}`,
    });
  }
  return parsed.data;
}

/** The baseline as written to disk: two-space JSON, entries in file/line order, a final newline. */
export function formatBaseline(baseline: Baseline): string {
  const { version, tool, findings } = baseline;
  const clean = {
    version,
    tool: { name: tool.name, version: tool.version },
    findings: findings.map(({ ruleId, file, fingerprint, line, code }) => ({ ruleId, file, fingerprint, line, code })),
  };
  return `${JSON.stringify(clean, null, 2)}\n`;
}

function toSlash(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Re-expresses relative paths from one folder to another, with forward slashes. */
function rebase(baseline: Baseline, from: string, to: string): Baseline {
  if (resolve(from) === resolve(to)) return baseline;
  return { ...baseline, findings: baseline.findings.map((e) => ({ ...e, file: isAbsolute(e.file) ? e.file : toSlash(relative(to, resolve(from, e.file))) })) };
}

/**
 * Reads a baseline file. The file stores paths relative to its own folder; they are returned
 * relative to `cwd`, like the scan's finding paths, so a baseline works from any directory.
 * @param path the baseline file
 * @param cwd the absolute directory finding paths are relative to
 * @throws BaselineError when the file is missing, unreadable, not JSON or not a baseline
 */
export function readBaseline(path: string, cwd: string): Baseline {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new BaselineError(`Cannot read baseline ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(cause))}`, {
      file: path,
      cause,
      help: 'Create one first with `faultline scan <paths> --write-baseline FILE`, or check the path given to --baseline.',
    });
  }
  return rebase(parseBaseline(text, path), dirname(resolve(cwd, path)), cwd);
}

/**
 * Writes a baseline file (completely and verified, or not at all: {@link writeFileSafely}), storing
 * paths relative to the file's own folder.
 * @param path the baseline file
 * @param baseline paths relative to `cwd`
 * @param cwd the absolute directory the baseline's paths are relative to
 * @throws BaselineError when the file cannot be written (see {@link writeFileSafely}); it is then unchanged
 */
export function writeBaseline(path: string, baseline: Baseline, cwd: string): void {
  const target = resolve(cwd, path);
  try {
    writeFileSafely(target, formatBaseline(rebase(baseline, cwd, dirname(target))), { label: path });
  } catch (error) {
    if (!(error instanceof FileWriteError)) throw error;
    throw new BaselineError(error.message, { file: path, cause: error, help: error.help });
  }
}
