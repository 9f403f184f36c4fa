// Output files are checked before the work that fills them: a report that cannot be written must
// end in exit 2 ("error"), not in a stack trace after a long scan (exit 1 reads as "findings").
import { closeSync, openSync, statSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputError } from '../errors.js';
import { writeFileSafely } from '../write-file-safely.js';

const HELP = 'Check that the folder exists and is writable, or choose another path.';

/**
 * Proves `path` can be written by opening it (an existing file, without truncating it) or creating
 * and removing it (a new file), so the answer holds even for root and read-only file systems.
 * @param path the output path as the user gave it (used in the message)
 * @param cwd the folder a relative path is resolved against
 * @throws OutputError `cannot write PATH: reason`
 */
export function assertWritable(path: string, cwd: string): void {
  const target = resolve(cwd, path);
  let exists = false;
  try {
    if (statSync(target).isDirectory()) throw cannotWrite(path, 'it is a folder');
    exists = true;
  } catch (error) {
    if (error instanceof OutputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw cannotWrite(path, reason(error, target), error);
  }
  try {
    closeSync(openSync(target, exists ? 'r+' : 'wx'));
    if (!exists) unlinkSync(target);
  } catch (error) {
    throw cannotWrite(path, reason(error, target), error);
  }
}

/**
 * Writes a report whole or not at all ({@link writeFileSafely}): a full disk or a size limit met
 * after the check above is still an error (exit 2) that leaves the old file as it was.
 * @throws FileWriteError `Cannot write PATH: reason; the file was not changed`
 */
export function writeOutput(path: string, cwd: string, text: string): void {
  writeFileSafely(resolve(cwd, path), text, { label: path });
}

function reason(error: unknown, target: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `no such folder ${missingFolder(dirname(target))}`;
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    default:
      return code ?? String(error);
  }
}

/** The first folder of the path that does not exist, the one the user has to create. */
function missingFolder(dir: string): string {
  let missing = dir;
  for (let up = dirname(dir); up !== missing; up = dirname(up)) {
    try {
      statSync(up);
      break;
    } catch {
      missing = up;
    }
  }
  return missing;
}

function cannotWrite(path: string, why: string, cause?: unknown): OutputError {
  return new OutputError(`cannot write ${path}: ${why}`, { file: path, help: HELP, ...(cause !== undefined ? { cause } : {}) });
}
