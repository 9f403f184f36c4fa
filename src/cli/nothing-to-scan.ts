import { relative } from 'node:path';
import { SOURCE_EXTENSIONS } from '../engine/languages.js';
import type { PathDiscovery } from '../scan/discover.js';

/**
 * Why the given paths hold no file to scan, in one sentence: the files a `.gitignore` ignores (and
 * where that file is), those the include/exclude globs leave out, a named file faultline has no
 * language for, or no supported file at all.
 */
export function nothingToScanMessage(paths: readonly PathDiscovery[], cwd: string): string {
  const reasons: string[] = [];
  const gitignored = new Map<string, number>();
  const excluded = new Map<string, number>();
  for (const p of paths) {
    for (const [file, n] of p.gitignored) gitignored.set(file, (gitignored.get(file) ?? 0) + n);
    for (const [origin, n] of p.excluded) excluded.set(origin, (excluded.get(origin) ?? 0) + n);
  }
  for (const [file, n] of gitignored) {
    reasons.push(`${n} supported file${n === 1 ? ' is' : 's are'} ignored by the .gitignore at ${relative(cwd, file) || file} (--no-ignore scans them)`);
  }
  for (const [origin, n] of excluded) {
    const how = origin.startsWith('not matching') ? origin : `excluded by ${origin}`;
    reasons.push(`${n} supported file${n === 1 ? ' is' : 's are'} ${how}`);
  }
  const unsupported = paths.filter((p) => p.unsupported).map((p) => `${p.path} is not a file faultline scans`);
  if (reasons.length === 0 && unsupported.length < paths.length) reasons.push(`no supported file (${SOURCE_EXTENSIONS.join(' ')}) is there`);
  return `No file to scan in ${paths.map((p) => p.path).join(', ')}: ${[...reasons, ...unsupported].join('; ')}`;
}
