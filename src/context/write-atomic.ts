import writeFileAtomic from 'write-file-atomic';
import { OutputError } from '../errors.js';

/**
 * Write `text` to `file` atomically (temp file in the same folder, then rename). An existing
 * file's mode and ownership are kept.
 * @throws OutputError `cannot write FILE: CODE` when it cannot be written (the file is untouched)
 */
export async function writeTextAtomic(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text, { encoding: 'utf8' });
  } catch (cause) {
    throw new OutputError(`cannot write ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, {
      file,
      cause,
      help: 'Check that the folder exists and is writable, or choose another path.',
    });
  }
}
