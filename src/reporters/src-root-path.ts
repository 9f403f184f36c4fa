import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ReportContext } from './types.js';

/**
 * A finding path (relative to `ctx.cwd`) re-expressed relative to `ctx.srcRoot` with forward
 * slashes, as SARIF `%SRCROOT%` URIs and GitHub annotations want it. Returns undefined when the
 * file lies outside the source root.
 */
export function srcRootPath(file: string, ctx: Pick<ReportContext, 'cwd' | 'srcRoot'>): string | undefined {
  const rel = relative(ctx.srcRoot, resolve(ctx.cwd, file));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}
