import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ScanError } from './errors.js';

/**
 * The one place faultline writes a user's file (failures YAML, manifold, baseline, `--output`,
 * `context --out`, compiled rules, the scan cache). A write either completes, is read back and
 * matches, and is renamed over the target, or the target is left byte for byte as it was and a
 * {@link FileWriteError} says why. A full disk (`ENOSPC`), a file-size limit (`EFBIG`; Node
 * ignores `SIGXFSZ`, so the write returns the error instead of killing the process) and a short
 * write are all errors, never a truncated file reported as written.
 */

/** A file could not be written; the file named in the message is unchanged. Exit code 2. */
export class FileWriteError extends ScanError {
  /** The system error code (`ENOSPC`, `EFBIG`, `EACCES`…), or a faultline one (`ESHORT`, `ECHANGED`, `EREADONLY`). */
  readonly reason: string;

  constructor(message: string, options: { help: string; file: string; reason: string; cause?: unknown }) {
    super('write', message, options);
    this.reason = options.reason;
  }
}

/** Options of {@link writeFileSafely}. */
export interface WriteOptions {
  /** How the file is named in messages (default: `path` as given). */
  label?: string;
  /**
   * Compare-and-swap: the text the file held when it was read (`null`: it did not exist). Just
   * before the rename the file is read again; when it differs the write is refused, so a change
   * made by someone else in the meantime is never overwritten.
   */
  expected?: string | null;
  /** One line telling the user what to do when the write fails (a default names the common fixes). */
  help?: string;
  /**
   * Whether to fsync before the rename (default true). Only the scan cache turns it off: its files
   * carry their own checksum, so a torn one is a miss, and a scan should not wait for the disk.
   */
  durable?: boolean;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file-size limit (ulimit -f) or the file system',
  ESHORT: 'the write stopped short (the disk may be full)',
  EVERIFY: 'the written bytes did not read back the same',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EREADONLY: 'the file is read-only',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is not a folder',
  EISDIR: 'it is a folder',
  ENOTFILE: 'it is not a regular file',
  ECHANGED: 'it changed since it was read',
  EIO: 'input/output error',
};

/** The reason in words, with the code: `no space left on the device (ENOSPC)`. */
export function describeWriteFailure(code: string): string {
  const words = REASONS[code];
  return words === undefined ? code : `${words} (${code})`;
}

/**
 * Writes `text` to `path` through a temporary file in the same folder that takes the original's
 * mode (and owner, when running as root), is fsynced, checked by size and content, and then
 * renamed over the target. A symlink is followed: the file it points to is replaced.
 *
 * Refused before anything is written: a target that is not a regular file, or one that is
 * read-only (no write permission for this user, or no write bit at all, as root too), because a
 * rename would replace it where the user asked it to be left alone.
 *
 * @throws FileWriteError; the target is then unchanged and no temporary file is left behind
 */
export function writeFileSafely(path: string, text: string | Uint8Array, options: WriteOptions = {}): void {
  const label = options.label ?? path;
  const fail = (reason: string, cause?: unknown): FileWriteError =>
    new FileWriteError(`Cannot write ${label}: ${describeWriteFailure(reason)}; the file was not changed`, {
      file: label,
      reason,
      cause,
      help: options.help ?? helpFor(reason),
    });
  const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

  const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  let target = path;
  let existing: { mode: number; uid: number; gid: number } | undefined;
  try {
    target = realpathSync(path);
    const stat = statSync(target);
    if (stat.isDirectory()) throw fail('EISDIR');
    if (!stat.isFile()) throw fail('ENOTFILE');
    existing = { mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid };
  } catch (error) {
    if (error instanceof FileWriteError) throw error;
    if (codeOf(error) !== 'ENOENT') throw fail(codeOf(error), error);
  }
  if (existing !== undefined) refuseReadOnly(target, existing.mode, fail);

  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const fd = openSync(temp, 'wx', existing?.mode ?? 0o644);
    created = true;
    try {
      writeAll(fd, data);
      if (options.durable !== false) fsyncSync(fd);
      if (fstatSync(fd).size !== data.length) throw Object.assign(new Error('size after write differs'), { code: 'ESHORT' });
    } finally {
      closeSync(fd);
    }
    if (!readFileSync(temp).equals(data)) throw Object.assign(new Error('content read back differs'), { code: 'EVERIFY' });
    if (existing !== undefined) {
      chmodSync(temp, existing.mode); // the umask applied at creation
      if (process.getuid?.() === 0) chownSync(temp, existing.uid, existing.gid);
    }
    if (options.expected !== undefined && readCurrent(target) !== options.expected) throw Object.assign(new Error('changed since read'), { code: 'ECHANGED' });
    renameSync(temp, target);
    created = false;
  } catch (error) {
    if (created) removeQuietly(temp);
    throw error instanceof FileWriteError ? error : fail(codeOf(error), error);
  }
  if (options.durable !== false) syncFolder(dirname(target));
}

/** Writes every byte or throws: `writeSync` may write fewer bytes than asked (a full disk, a size limit). */
function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) {
    const written = writeSync(fd, data, offset, data.length - offset);
    if (written <= 0) throw Object.assign(new Error('write returned 0 bytes'), { code: 'ESHORT' });
    offset += written;
  }
}

/** The rename needs only the folder's permission, so the file's own is checked here. */
function refuseReadOnly(target: string, mode: number, fail: (reason: string, cause?: unknown) => FileWriteError): void {
  if ((mode & 0o222) === 0) throw fail('EREADONLY');
  try {
    accessSync(target, constants.W_OK);
  } catch (error) {
    throw fail('EREADONLY', error);
  }
}

function readCurrent(target: string): string | null {
  try {
    return readFileSync(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Makes the rename durable where the platform allows it; a folder that cannot be fsynced is not an error. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported on every platform or file system; the rename itself has happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    // Already gone is fine; anything else is worth seeing, but the write error matters more.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') process.emitWarning(`faultline: could not remove temporary file ${path}: ${String(error)}`);
  }
}

function helpFor(reason: string): string {
  switch (reason) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'ESHORT':
      return 'Free some space on that disk and run the command again.';
    case 'EFBIG':
      return 'Raise the file-size limit (ulimit -f) or write to another file system.';
    case 'EREADONLY':
      return 'The file is read-only: make it writable (chmod u+w) if it should be rewritten.';
    case 'ECHANGED':
      return 'Another process changed the file meanwhile; run the command again so it works from the current file.';
    default:
      return 'Check that the file and its folder exist and are writable (the file is replaced by a temporary file renamed over it).';
  }
}

/**
 * Takes `<file>.lock` (created exclusively, holding this process's id) so that two runs that
 * read, change and write back the same file cannot both work from the same old text and lose one
 * run's update. A lock left by a process that no longer runs (killed mid-write) is taken over.
 *
 * @returns a function that releases the lock (call it in a `finally`)
 * @throws FileWriteError (`ELOCKED`) when another live process holds the lock
 */
export function lockFile(path: string, label: string = path): () => void {
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // A file that does not exist yet is locked under the name it will have.
  }
  const lock = `${target}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx', 0o644);
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return () => removeQuietly(lock);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      if (code !== 'EEXIST') {
        throw new FileWriteError(`Cannot write ${label}: cannot create its lock file ${lock}: ${describeWriteFailure(code)}; the file was not changed`, {
          file: label,
          reason: code,
          cause: error,
          help: helpFor(code),
        });
      }
      const holder = lockHolder(lock);
      if (attempt === 0 && holder !== undefined && !isRunning(holder)) {
        removeQuietly(lock);
        continue;
      }
      throw new FileWriteError(
        `Cannot write ${label}: another run is writing it (lock file ${lock}${holder !== undefined ? `, process ${holder}` : ''}); the file was not changed`,
        { file: label, reason: 'ELOCKED', help: `Run the command again when the other run has finished; if no faultline is running, delete ${lock}.` },
      );
    }
  }
}

function lockHolder(lock: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lock, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
