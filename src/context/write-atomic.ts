import writeFileAtomic from 'write-file-atomic';

/**
 * Write `text` to `file` atomically (temp file in the same folder, then rename). An existing
 * file's mode and ownership are kept.
 */
export async function writeTextAtomic(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text, { encoding: 'utf8' });
}
