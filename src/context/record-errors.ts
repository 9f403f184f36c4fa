import type { z } from 'zod';
import { ContextInputError } from './errors.js';
import { describeIssue, formatPath } from '../yaml-source.js';

/**
 * Turn the first zod issue of a record into a `ContextInputError` whose message names the file,
 * the record and the field: `incidents/2024.csv row 14: date "2024-13-01" is not a valid date`.
 *
 * @param file - display path of the file
 * @param record - how to name the record (`row 14`, `line 40, incident INC-2024-089`)
 * @param raw - the record as read, to quote the offending value
 * @param error - the zod error
 * @param help - the fix to suggest
 */
export function recordSchemaError(
  file: string,
  record: string,
  raw: unknown,
  error: z.ZodError,
  help: string,
  line?: number,
): ContextInputError {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const value = valueAt(raw, path);
  const field = path.length > 0 ? formatPath(path) : 'record';
  const quoted = typeof value === 'string' || typeof value === 'number' ? ` "${String(value)}"` : '';
  const what = value === undefined && path.length > 0 ? 'is required' : issue ? describeIssue(issue) : 'is invalid';
  return new ContextInputError(`${file} ${record}: ${field}${quoted} ${what}`, { help, file, line, cause: error });
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = raw;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
