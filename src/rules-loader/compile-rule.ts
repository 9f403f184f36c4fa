import { RuleSchemaError, UnknownMatcherError } from '../errors.js';
import type { Rule, RuleSpec, SignatureStep } from '../engine/rule.js';
import { allMatchers, getMatcher, type Vocabulary } from '../matchers/index.js';
import { checkPlaceholders, checkQueries } from './check-rule-text.js';

/**
 * Turns a validated rule spec into a runnable rule: each signature entry becomes a step naming a
 * registered matcher, with its parameter checked against the vocabulary. The first step must be
 * an anchor (a matcher that finds candidates) unless the rule brings its own `match:` queries.
 *
 * @param lineOf maps a path inside the spec (`['signature', 2]`) to a line for error messages.
 * @throws UnknownMatcherError for a kind no matcher registers; RuleSchemaError for a bad parameter,
 *   a signature that cannot start, a `match:` query that does not compile or an unknown message
 *   placeholder.
 */
export function compileRule(spec: RuleSpec, source: string, vocab: Vocabulary, lineOf: (path: (string | number)[]) => number = () => 1): Rule {
  const steps: SignatureStep[] = (spec.signature ?? []).map((entry, index) => {
    const [key, value] = Object.entries(entry)[0] ?? ['', null];
    let step: SignatureStep;
    if (key === 'not') {
      if (value === null) throw schemaError(source, spec.id, lineOf(['signature', index]), '`not:` needs a matcher, e.g. `not: idempotency-key`');
      step = typeof value === 'string' ? { kind: value, param: undefined, negate: true } : stepOf(value, true);
    } else {
      step = { kind: key, param: typeof value === 'string' ? value : undefined, negate: false };
    }
    const matcher = getMatcher(step.kind);
    if (matcher === undefined) {
      throw new UnknownMatcherError(`Cannot load ${source}: rule ${spec.id} signature entry ${index + 1} names the matcher "${step.kind}", which does not exist`, {
        file: source,
        line: lineOf(['signature', index]),
        help: `Known matchers: ${allMatchers().map((m) => m.kind).join(', ')}.`,
      });
    }
    const problem = matcher.validate(step.param, vocab);
    if (problem !== null) throw schemaError(source, spec.id, lineOf(['signature', index]), `\`${step.kind}\` ${problem}`);
    return step;
  });
  const first = steps[0];
  if (first !== undefined && (first.negate || getMatcher(first.kind)?.find === undefined) && spec.match === undefined) {
    throw schemaError(source, spec.id, lineOf(['signature', 0]), `the first signature entry must find candidates (one of: ${allMatchers().filter((m) => m.find).map((m) => m.kind).join(', ')}), got \`${first.negate ? 'not: ' : ''}${first.kind}\``);
  }
  checkPlaceholders(spec, source, lineOf, checkQueries(spec, source, lineOf));
  return { ...spec, source, steps };
}

function stepOf(value: Record<string, string | null>, negate: boolean): SignatureStep {
  const [kind, param] = Object.entries(value)[0] ?? ['', null];
  return { kind, param: param ?? undefined, negate };
}

function schemaError(source: string, id: string, line: number, message: string): RuleSchemaError {
  return new RuleSchemaError(`Cannot load ${source}:${line}: rule ${id}: ${message}`, {
    file: source,
    line,
    help: 'See "Writing rules" in the README for the signature format and the matchers.',
  });
}
