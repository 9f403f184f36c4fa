/** The sizes `--max-file-size` and the config's `max_file_size` take, said the same way in both places' errors. */
export const BYTE_SIZE_FORMS = 'a number of bytes, optionally with K or M (1048576, 512K, 2M)';

/**
 * Parses `2097152`, `512K`, `512 KiB`, `2M`, `2mb` into bytes.
 * @returns the size, or undefined when the text is not a size
 */
export function parseByteSize(value: string): number | undefined {
  const m = /^(\d+)\s*(k|kb|kib|m|mb|mib)?$/i.exec(value.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  return Number(m[1]) * (unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1);
}
