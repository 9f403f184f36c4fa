import { ManifoldError } from '../errors.js';
import { atLine, firstIssue, formatPath, parseYamlSource, syntaxErrorText } from '../../yaml-source.js';
import { constraintGroups, ManifoldSchema, type Manifold, type ManifoldTerm, type ManifoldTermInput } from './manifold-schema.js';

/**
 * Parse and validate a manifold YAML.
 *
 * @param text - the file's contents
 * @param file - display path used in error messages
 * @returns the manifold with its terms normalised for matching
 * @throws ManifoldError when the text is not YAML or does not fit the schema; the message names
 *   the file, the path inside it and its line (`manifold.yaml constraints[1].statement (line 14): is required`)
 */
export function parseManifold(text: string, file: string): Manifold {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) {
    throw new ManifoldError(syntaxErrorText(file, parsed), {
      help: 'Fix the YAML syntax of the manifold file',
      file,
      line: parsed.line,
    });
  }
  const { data } = parsed.source;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ManifoldError(`${file}: a manifold must be a YAML mapping with a "manifold:" name`, {
      help: 'Start the file with `manifold: <feature-name>` followed by entities, systems, error_types, constraints and failure_modes',
      file,
    });
  }
  const result = ManifoldSchema.safeParse(data);
  if (!result.success) {
    const { path, line, text } = firstIssue(parsed.source, result.error, 'invalid manifold');
    const where = path.length > 0 ? ` ${formatPath(path)}` : '';
    throw new ManifoldError(`${file}${where}${atLine(line)}: ${text}`, {
      help: 'See docs/context.md "Manifold" for the expected shape',
      file,
      line,
      cause: result.error,
    });
  }
  const m = result.data;
  return {
    name: m.manifold,
    entities: m.entities.map(toTerm),
    systems: m.systems.map(toTerm),
    errorTypes: m.error_types.map(toTerm),
    constraints: constraintGroups(m.constraints).flatMap((g) => g.items),
    failureModes: m.failure_modes,
    data: m,
  };
}

/** `data_loss` → phrases `["data loss"]`; `{name, aliases}` → name and aliases. */
function toTerm(input: ManifoldTermInput): ManifoldTerm {
  const name = typeof input === 'string' ? input : input.name;
  const aliases = typeof input === 'string' ? [] : input.aliases;
  const phrases = [name, ...aliases].map((p) => p.replace(/[_-]+/g, ' ').trim());
  return { name, phrases: [...new Set(phrases)] };
}
