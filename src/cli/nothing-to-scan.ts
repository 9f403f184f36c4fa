import { relative } from 'node:path';
import { SOURCE_EXTENSIONS } from '../engine/languages.js';
import type { Discovery } from './discover.js';

/**
 * Why a scan of `paths` found no file to scan, in one sentence: the files a `.gitignore` ignores
 * (and where that file is), those the include/exclude globs leave out, named files faultline has
 * no language for, or no supported file at all.
 */
export function nothingToScanMessage(discovery: Discovery, paths: readonly string[], cwd: string): string {
  const reasons: string[] = [];
  for (const [file, n] of discovery.gitignored) {
    reasons.push(`${n} supported file${n === 1 ? ' is' : 's are'} ignored by the .gitignore at ${relative(cwd, file) || file} (--no-ignore scans them)`);
  }
  for (const [origin, n] of discovery.excluded) {
    const how = origin.startsWith('not matching') ? origin : `excluded by ${origin}`;
    reasons.push(`${n} supported file${n === 1 ? ' is' : 's are'} ${how}`);
  }
  for (const p of discovery.unsupported) reasons.push(`${p} is not a file faultline scans`);
  if (reasons.length === 0 || discovery.unsupported.length === reasons.length) {
    reasons.push(`no supported file (${SOURCE_EXTENSIONS.join(' ')}) is there`);
  }
  return `No file to scan in ${paths.join(', ')}: ${reasons.join('; ')}`;
}
