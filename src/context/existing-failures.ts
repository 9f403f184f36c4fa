import { ContextInputError } from './errors.js';
import { parseYamlSource, syntaxErrorText } from '../yaml-source.js';

/**
 * The `anti_patterns` entries of an existing failures YAML, to carry over to a new report.
 *
 * @returns the entries (objects only), or an empty list when the file has none
 * @throws ContextInputError when the file is not YAML or `anti_patterns` is not a list, so a
 *   broken, hand-edited file is never silently overwritten
 */
export function readExistingAntiPatterns(text: string, file: string): Record<string, unknown>[] {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) {
    throw new ContextInputError(syntaxErrorText(file, parsed, 'existing failures YAML cannot be parsed'), {
      help: 'Fix the file, or delete it to start over (its anti_patterns would be lost)',
      file,
      line: parsed.line,
    });
  }
  const data = parsed.source.data;
  const list = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).anti_patterns : undefined;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    throw new ContextInputError(`${file} anti_patterns (line ${parsed.source.lineOf(['anti_patterns']) ?? '?'}): expected a list`, {
      help: 'anti_patterns must be a list of entries with an id',
      file,
    });
  }
  return list.map((entry: unknown, i) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new ContextInputError(`${file} anti_patterns[${i}] (line ${parsed.source.lineOf(['anti_patterns', i]) ?? '?'}): expected a mapping`, {
        help: 'Each anti-pattern is a mapping with at least an id',
        file,
      });
    }
    return entry as Record<string, unknown>;
  });
}
