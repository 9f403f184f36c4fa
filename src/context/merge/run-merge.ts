import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { MergeError } from '../errors.js';
import { display } from '../sources/load-context-sources.js';
import { lockFile, writeFileSafely } from '../../write-file-safely.js';
import { mergeFailuresIntoManifold, type MergeResult } from './merge-failures.js';

/** Options of `faultline merge`. */
export interface RunMergeOptions {
  manifoldFile: string;
  /** `--from`: the failures YAML. */
  failuresFile: string;
  cwd: string;
  /** `--dry-run`: compute and describe the change, write nothing. */
  dryRun: boolean;
}

/** What `runMerge` did. */
export interface RunMergeResult extends MergeResult {
  manifoldFile: string;
  failuresFile: string;
  /** Unified diff of the manifold (empty when unchanged). */
  diff: string;
  /** True when the manifold file was rewritten. */
  written: boolean;
}

/**
 * `faultline merge`: merge a failures YAML into the manifold file and write it back (same mode;
 * completely and verified or not at all; under a lock file so concurrent merges cannot lose one), or with `dryRun` only return the diff. Writes nothing when there is nothing to add.
 *
 * @throws ManifoldError / MergeError for unreadable or malformed inputs
 */
export async function runMerge(options: RunMergeOptions): Promise<RunMergeResult> {
  const manifoldPath = path.resolve(options.cwd, options.manifoldFile);
  const failuresPath = path.resolve(options.cwd, options.failuresFile);
  const manifoldName = display(manifoldPath, options.cwd);
  const failuresName = display(failuresPath, options.cwd);
  // Two merges into one manifold must not both start from the same text: the lock makes the
  // second one refuse, and the compare-and-swap catches an editor that saved meanwhile.
  const unlock = options.dryRun ? () => undefined : lockFile(manifoldPath, manifoldName);
  try {
    const manifoldText = await read(manifoldPath, manifoldName);
    const failuresText = await read(failuresPath, failuresName);
    const result = mergeFailuresIntoManifold(manifoldText, manifoldName, failuresText, failuresName);
    const diff = result.changed ? createTwoFilesPatch(manifoldName, manifoldName, manifoldText, result.text, 'before merge', 'after merge') : '';
    const written = result.changed && !options.dryRun;
    if (written) writeFileSafely(manifoldPath, result.text, { label: manifoldName, expected: manifoldText });
    return { ...result, manifoldFile: manifoldName, failuresFile: failuresName, diff, written };
  } finally {
    unlock();
  }
}

async function read(file: string, name: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new MergeError(`${name}: cannot be read: ${(error as Error).message}`, { help: 'Check the path', file: name, cause: error });
  }
}
