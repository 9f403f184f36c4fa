import { FailuresFileError, ScanError } from '../errors.js';
import { RuleSchema, type Rule, type RuleSpec, type SignatureStep } from '../engine/rule.js';
import { RULE_LANGUAGES, type Risk, type RuleLanguage } from '../engine/types.js';
import { getMatcher, type Vocabulary } from '../matchers/index.js';
import { escapeRegExp } from '../matchers/names.js';
import { compileRule } from '../rules-loader/compile-rule.js';
import { explainMiss, prepareSnippet, ruleLanguageNamed, scanSnippet, showSnippet } from './examples.js';
import { matchPhrase, PHRASES, type SignatureEntry } from './phrases.js';
import type { AntiPatternEntry, CompiledFrom, CompileReport, ExampleReport, FailuresFile, Located, PhraseReport } from './types.js';

/** What compiling needs besides the file: the built-in rules to map onto, and the vocabulary. */
export interface CompileOptions {
  /** Built-in rules (`loadRules({ builtin: true, ... })`); an entry may map onto one by id or name. */
  builtinRules: readonly Rule[];
  vocab: Vocabulary;
  /** Prove each rule against the entry's examples (default true). */
  proveExamples?: boolean;
}

/** The rules a failures file compiles to (one per anti-pattern, in file order) and how each was made. */
export interface CompiledFailures {
  rules: Rule[];
  report: CompileReport[];
}

const DOC_HINT = 'See docs/failures-yaml.md for the compile order and the phrase vocabulary.';

/**
 * Compiles every `anti_patterns` entry into a rule. Per entry, the first that applies:
 *
 * 1. an explicit `signature:` (or `match:`) block in the rule format, with `languages`, `risk`,
 *    `consequence`, `message`, `help`, `rationale` optional (defaults come from name and description);
 * 2. a built-in rule with the same id (unless the names share no word) or the same name/slug: its
 *    signature under the file's id, name and prevention text;
 * 3. the `pattern_signature` phrases, each mapped through the phrase vocabulary (`phrases.ts`).
 *
 * The rule is then proven against the entry's `example_bad_code` (must fire) and
 * `example_good_code` (must not fire) when present.
 *
 * @throws FailuresFileError naming the file, the line and the anti-pattern: a phrase that maps to
 *   nothing, phrases that give no or two anchors, a bad field or signature entry (the
 *   `compileRule` error is its `cause`), an example that disproves the rule.
 */
export function compileFailures(file: FailuresFile, options: CompileOptions): CompiledFailures {
  const rules: Rule[] = [];
  const report: CompileReport[] = [];
  for (const entry of file.antiPatterns) {
    const { rule, entryReport } = compileEntry(file, entry, options);
    if (options.proveExamples !== false) entryReport.examples = proveExamples(file, entry, rule, options.vocab);
    rules.push(rule);
    report.push(entryReport);
  }
  return { rules, report };
}

function compileEntry(file: FailuresFile, entry: AntiPatternEntry, options: CompileOptions): { rule: Rule; entryReport: CompileReport } {
  const notes: string[] = [];
  const data = entry.data;
  const base = (from: CompiledFrom, rule: Rule, phrases: PhraseReport[] = []): { rule: Rule; entryReport: CompileReport } => ({
    rule,
    entryReport: {
      id: entry.id,
      name: entry.name,
      line: entry.line,
      from,
      steps: rule.steps.map(formatStep),
      phrases,
      examples: [],
      incidents: rule.metadata?.incidents ?? [],
      notes,
    },
  });

  if (data.signature !== undefined || data.match !== undefined) {
    const signature = Array.isArray(data.signature) ? (data.signature as unknown[]) : data.signature;
    const order = Array.isArray(signature) ? anchorFirst(signature as SignatureEntry[]) : [];
    const ordered = Array.isArray(signature) ? order.map((i) => signature[i]) : signature;
    const spec = buildSpec(file, entry, undefined, {
      signature: ordered,
      match: data.match,
      signals: data.signals,
      compiledFrom: 'explicit',
      anchor: Array.isArray(ordered) ? anchorKind(ordered as SignatureEntry[]) : undefined,
      inside: Array.isArray(ordered) && (ordered as unknown[]).some((e) => e !== null && typeof e === 'object' && 'inside' in e),
    });
    const rule = compile(file, entry, spec, options.vocab, (path) => (path[0] === 'signature' && typeof path[1] === 'number' ? entry.lineOf(['signature', order[path[1]] ?? path[1]]) : entry.lineOf(path)));
    return base('explicit', rule);
  }

  const builtin = findBuiltin(entry, options.builtinRules, notes);
  if (builtin !== undefined) {
    const spec = buildSpec(file, entry, builtin, { signature: builtin.signature, match: builtin.match, signals: builtin.signals, compiledFrom: `builtin:${builtin.id}` });
    const rule = compile(file, entry, spec, options.vocab, () => entry.line);
    return base(`builtin:${builtin.id}`, rule);
  }

  if (entry.phrases.length === 0) {
    throw compileError(
      file,
      entry,
      entry.line,
      `has no \`signature:\`, matches no built-in rule by id or name, and has no \`pattern_signature\` phrases to compile`,
      `Add \`pattern_signature\` phrases (${PHRASES.map((p) => `"${p.canonical}"`).join(', ')}), or a \`signature:\` block in the rule format. ${DOC_HINT}`,
    );
  }
  const { signature, phraseLines, phrases } = compilePhrases(file, entry);
  const spec = buildSpec(file, entry, undefined, { signature, signals: data.signals, compiledFrom: 'phrases', anchor: anchorKind(signature), inside: signature.some((e) => 'inside' in e) });
  const rule = compile(file, entry, spec, options.vocab, (path) => (path[0] === 'signature' && typeof path[1] === 'number' ? (phraseLines[path[1]] ?? entry.line) : entry.line));
  return base('phrases', rule, phrases);
}

/** Maps each phrase through the vocabulary; returns the merged signature, anchor first. */
function compilePhrases(file: FailuresFile, entry: AntiPatternEntry): { signature: SignatureEntry[]; phraseLines: number[]; phrases: PhraseReport[] } {
  const raw = entry.data.pattern_signature;
  if (!Array.isArray(raw)) {
    throw compileError(file, entry, entry.lineOf(['pattern_signature']), '`pattern_signature` must be a list of phrases', `Write one phrase per line: \`- "No idempotency key"\`. ${DOC_HINT}`);
  }
  raw.forEach((value, i) => {
    if (typeof value !== 'string') throw compileError(file, entry, entry.lineOf(['pattern_signature', i]), `pattern_signature entry ${i + 1} must be a phrase (a string)`, DOC_HINT);
  });
  const collected: { entry: SignatureEntry; line: number; phrase: string }[] = [];
  const phrases: PhraseReport[] = [];
  for (const phrase of entry.phrases) {
    const matched = matchPhrase(phrase.text);
    if (matched.length === 0) {
      throw compileError(
        file,
        entry,
        phrase.line,
        `the pattern_signature phrase "${phrase.text}" maps to no matcher`,
        `Reword it like one of the known phrases (${PHRASES.map((p) => `"${p.canonical}"`).join(', ')}), or give the entry a \`signature:\` block in the rule format. ${DOC_HINT}`,
      );
    }
    const steps = matched.flatMap((m) => m.signature).filter((step, i, all) => all.findIndex((o) => formatEntry(o) === formatEntry(step)) === i);
    phrases.push({ phrase: phrase.text, line: phrase.line, matched: matched.map((m) => m.name), steps: steps.map(formatEntry) });
    for (const step of steps) {
      if (!collected.some((c) => formatEntry(c.entry) === formatEntry(step))) collected.push({ entry: step, line: phrase.line, phrase: phrase.text });
    }
  }
  const anchors = collected.filter((c) => isAnchor(c.entry));
  if (anchors.length === 0) {
    throw compileError(
      file,
      entry,
      entry.lineOf(['pattern_signature']),
      `its pattern_signature phrases say what to exclude but not what to look for (no phrase names a mutating call, a notification or a recorded failure; got ${collected.map((c) => `\`${formatEntry(c.entry)}\``).join(', ')})`,
      `Add a phrase such as "No idempotency key", "Notification in retry loop" or "Binary success/failure logic", or write a \`signature:\` block. ${DOC_HINT}`,
    );
  }
  if (anchors.length > 1) {
    const [a, b] = anchors;
    throw compileError(
      file,
      entry,
      b?.line ?? entry.line,
      `its pattern_signature phrases name two different things to look for: \`${formatEntry(a!.entry)}\` (from "${a!.phrase}") and \`${formatEntry(b!.entry)}\` (from "${b!.phrase}"); a rule looks for one`,
      `Split it into two anti-patterns, or write a \`signature:\` block. ${DOC_HINT}`,
    );
  }
  const rank = (e: SignatureEntry): number => (isAnchor(e) ? 0 : 'inside' in e ? 1 : 'not' in e ? 3 : 2);
  const sorted = collected.map((c, i) => ({ ...c, i })).sort((x, y) => rank(x.entry) - rank(y.entry) || x.i - y.i);
  return { signature: sorted.map((c) => c.entry), phraseLines: sorted.map((c) => c.line), phrases };
}

/** A positive entry whose matcher finds candidates (`call:`, `records:`). */
function isAnchor(entry: SignatureEntry): boolean {
  const key = Object.keys(entry)[0];
  return key !== undefined && key !== 'not' && getMatcher(key)?.find !== undefined;
}

function anchorKind(signature: SignatureEntry[]): string | undefined {
  const first = signature.find(isAnchor);
  return first === undefined ? undefined : Object.keys(first)[0];
}

/** Indices of a signature with its first anchor moved to the front (the engine starts from it). */
function anchorFirst(signature: SignatureEntry[]): number[] {
  const indices = signature.map((_, i) => i);
  const anchor = signature.findIndex((e) => e !== null && typeof e === 'object' && isAnchor(e));
  if (anchor <= 0) return indices;
  return [anchor, ...indices.filter((i) => i !== anchor)];
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'per', 'with', 'without', 'for', 'to', 'and', 'or', 'no', 'not', 'is', 'are']);

function normalizeName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function contentWords(s: string): Set<string> {
  return new Set(normalizeName(s).split(' ').filter((w) => w !== '' && !STOP_WORDS.has(w)).map((w) => w.replace(/(ies|s)$/, (m) => (m === 'ies' ? 'y' : ''))));
}

/**
 * The built-in an entry maps onto: same id (unless the entry's name shares no word with the
 * built-in's title or slug: then the id is a coincidence, not the same anti-pattern), else the same
 * name or slug once case and punctuation are ignored (`Retry Without Idempotency` =
 * `retry-without-idempotency`).
 */
function findBuiltin(entry: AntiPatternEntry, builtins: readonly Rule[], notes: string[]): Rule | undefined {
  const live = builtins.filter((r) => r.deprecated === undefined);
  const byId = live.find((r) => r.id === entry.id);
  if (byId !== undefined) {
    if (entry.name === undefined) return byId;
    const theirs = contentWords(`${byId.title} ${byId.slug}`);
    if ([...contentWords(entry.name)].some((w) => theirs.has(w))) return byId;
    notes.push(`id ${entry.id} is also the built-in "${byId.title}", but the name "${entry.name}" shares no word with it, so the built-in was not used`);
  }
  const names = [entry.name, typeof entry.data.slug === 'string' ? entry.data.slug : undefined].filter((n): n is string => n !== undefined).map(normalizeName);
  return live.find((r) => names.includes(normalizeName(r.slug)) || names.includes(normalizeName(r.title)));
}

interface SpecParts {
  signature: unknown;
  match?: unknown;
  signals?: unknown;
  compiledFrom: CompiledFrom;
  /** The anchor kind and whether an `inside:` step sets `{context}`, for the default message. */
  anchor?: string | undefined;
  inside?: boolean;
}

/** The rule spec for an entry: the entry's own fields first, then the built-in's, then defaults. */
function buildSpec(file: FailuresFile, entry: AntiPatternEntry, builtin: Rule | undefined, parts: SpecParts): RuleSpec {
  const data = entry.data;
  const title = entry.name ?? builtin?.title ?? entry.id;
  const existing = existingRisk(data);
  const risk = data.risk !== undefined ? parseRisk(file, entry, data.risk) : (builtin?.risk ?? existing?.risk ?? 'high');
  const prevention = preventionOf(data.prevention) ?? builtin?.prevention;
  const description = entry.description;
  const candidate: Record<string, unknown> = {
    id: entry.id,
    slug: typeof data.slug === 'string' ? data.slug : entry.name !== undefined ? slugify(entry.name, entry.id) : (builtin?.slug ?? slugify(entry.id, entry.id)),
    title,
    risk,
    consequence: stringField(data.consequence) ?? builtin?.consequence ?? existing?.consequence ?? (description !== undefined ? sentence(description) : `matches ${title}`),
    message: stringField(data.message) ?? builtin?.message ?? defaultMessage(entry, title, parts.anchor, parts.inside === true),
    help: stringField(data.help) ?? builtin?.help ?? defaultHelp(prevention, title),
    rationale: stringField(data.rationale) ?? builtin?.rationale ?? description ?? title,
    languages: languagesOf(data.languages) ?? builtin?.languages ?? [...RULE_LANGUAGES],
    ...(parts.signature !== undefined ? { signature: parts.signature } : {}),
    ...(parts.match !== undefined ? { match: parts.match } : {}),
    ...(prevention !== undefined ? { prevention } : {}),
    ...(parts.signals !== undefined ? { signals: parts.signals } : {}),
  };
  const signals = Array.isArray(parts.signals) ? (parts.signals as unknown[]) : undefined;
  const incidents = linkIncidents(file, entry, signals);
  const extra = data.metadata !== null && typeof data.metadata === 'object' && !Array.isArray(data.metadata) ? (data.metadata as Record<string, unknown>) : {};
  candidate.metadata = {
    ...(builtin?.metadata ?? {}),
    ...extra,
    incidents,
    compiled_from: parts.compiledFrom,
  };
  if (incidents.length === 0) delete (candidate.metadata as Record<string, unknown>).incidents;
  const parsed = RuleSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    const key = path[0];
    const line = typeof key === 'string' && key in data ? entry.lineOf(path) : entry.line;
    throw compileError(file, entry, line, `${path.length === 0 ? 'the entry' : `\`${path.join('.')}\``}: ${issue?.message ?? 'invalid'}`, `Fix that field; it follows the rule format (see "Writing rules" in the README). ${DOC_HINT}`);
  }
  return parsed.data;
}

function compile(file: FailuresFile, entry: AntiPatternEntry, spec: RuleSpec, vocab: Vocabulary, lineOf: (path: (string | number)[]) => number): Rule {
  let rule: Rule;
  try {
    rule = compileRule(spec, file.path, vocab, lineOf);
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    // compileRule speaks of "loading" a rule file; say which anti-pattern and line of this file it was.
    const line = error.line ?? entry.line;
    const what = error.message.replace(/^Cannot load [^:]*(:\d+)?: (rule \S+?:? )?/, '');
    throw new FailuresFileError(`Cannot compile ${file.path}:${line}: anti-pattern ${entry.id}${entry.name === undefined ? '' : ` (${entry.name})`}: ${what}`, {
      file: file.path,
      line,
      help: error.help,
      cause: error,
    });
  }
  return { ...rule, source: `${file.path}#${entry.id}` };
}

function parseRisk(file: FailuresFile, entry: AntiPatternEntry, value: unknown): Risk {
  const m = typeof value === 'string' ? /^\s*(high|medium|low|critical)\b/i.exec(value) : null;
  if (m === null) {
    throw compileError(file, entry, entry.lineOf(['risk']), `\`risk\` must be high, medium or low (got ${JSON.stringify(value)})`, 'Write `risk: high`, `risk: medium` or `risk: low`.');
  }
  const word = (m[1] ?? '').toLowerCase();
  return word === 'critical' ? 'high' : (word as Risk);
}

/** Risk and consequence from an existing `occurrences_in_codebase` entry (`HIGH - will duplicate on retry`). */
function existingRisk(data: Record<string, unknown>): { risk: Risk; consequence: string | undefined } | undefined {
  const list = data.occurrences_in_codebase;
  if (!Array.isArray(list)) return undefined;
  for (const item of list) {
    const risk = item !== null && typeof item === 'object' ? (item as Record<string, unknown>).risk : undefined;
    const m = typeof risk === 'string' ? /^\s*(high|medium|low)\s*(?:[-–—:]\s*(.+))?$/i.exec(risk) : null;
    if (m !== null) return { risk: (m[1] ?? 'high').toLowerCase() as Risk, consequence: m[2]?.trim() || undefined };
  }
  return undefined;
}

function preventionOf(value: unknown): { must_include: string[]; must_exclude: string[] } | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const list = (x: unknown): string[] => (typeof x === 'string' ? [x] : Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  return { must_include: list(v.must_include), must_exclude: list(v.must_exclude) };
}

function languagesOf(value: unknown): RuleLanguage[] | undefined {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (list === undefined) return undefined;
  // Unknown names are kept so the schema reports them with the allowed values.
  return list.map((l) => (typeof l === 'string' ? (ruleLanguageNamed(l) ?? l) : l)) as RuleLanguage[];
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function sentence(text: string): string {
  const first = text.trim().split(/(?<=[.!?])\s/)[0] ?? text;
  return first.replace(/[.!?]+$/, '').replace(/\s+/g, ' ');
}

/** `Retry Without Idempotency` → `retry-without-idempotency`. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? fallback.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'anti-pattern' : slug;
}

/** `{callee} matches AP-004 Title in {context}: <first sentence of the description>`. */
function defaultMessage(entry: AntiPatternEntry, title: string, anchor: string | undefined, inside: boolean): string {
  const subject = anchor === 'call' ? '{callee}' : anchor === 'records' ? '{record}' : 'This code';
  const where = inside ? ' in {context}' : '';
  const what = entry.description !== undefined ? `: ${sentence(entry.description)}` : '';
  return `${subject} matches ${entry.id} ${title}${where}${what}`;
}

function defaultHelp(prevention: { must_include: string[]; must_exclude: string[] } | undefined, title: string): string {
  const parts: string[] = [];
  if (prevention !== undefined && prevention.must_include.length > 0) parts.push(`Include: ${prevention.must_include.join('; ')}.`);
  if (prevention !== undefined && prevention.must_exclude.length > 0) parts.push(`Avoid: ${prevention.must_exclude.join('; ')}.`);
  return parts.length > 0 ? parts.join(' ') : `Rework the code so it no longer matches "${title}".`;
}

/**
 * Incidents linked to an entry: its own `incidents` (or `incident`) list when given; otherwise the
 * file's incidents that mention its id, or whose text holds a term of every signal group of the
 * rule (the built-in's `signals`, or the entry's own).
 */
function linkIncidents(file: FailuresFile, entry: AntiPatternEntry, signals: unknown[] | undefined): string[] {
  const own = entry.data.incidents ?? entry.data.incident;
  if (own !== undefined && own !== null) {
    const list = Array.isArray(own) ? own : [own];
    return list.flatMap((x) => {
      if (typeof x === 'string') return [x];
      if (x !== null && typeof x === 'object') {
        const id = (x as Record<string, unknown>).incident_id ?? (x as Record<string, unknown>).id;
        return typeof id === 'string' ? [id] : [];
      }
      return [];
    });
  }
  const groups = (signals ?? []).filter(Array.isArray).map((g) => (g as unknown[]).filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase()));
  const idPattern = new RegExp(`(^|[^a-z0-9])${escapeRegExp(entry.id.toLowerCase())}([^a-z0-9]|$)`);
  return file.incidents
    .filter((incident) => idPattern.test(incident.text) || (groups.length > 0 && groups.every((g) => g.some((term) => mentions(incident.text, term)))))
    .map((incident) => incident.id);
}

function mentions(text: string, term: string): boolean {
  return new RegExp(`(^|[^a-z0-9])${escapeRegExp(term)}([^a-z0-9]|$)`).test(text);
}

/** Proves a rule against the entry's examples: every bad one must fire, no good one may. */
function proveExamples(file: FailuresFile, entry: AntiPatternEntry, rule: Rule, vocab: Vocabulary): ExampleReport[] {
  const forced = typeof entry.data.example_language === 'string' ? ruleLanguageNamed(entry.data.example_language) : undefined;
  if (typeof entry.data.example_language === 'string' && forced === undefined) {
    throw compileError(file, entry, entry.lineOf(['example_language']), `\`example_language\` must be python, typescript or javascript (got "${entry.data.example_language}")`, DOC_HINT);
  }
  const out: ExampleReport[] = [];
  const check = (kind: 'bad' | 'good', example: Located): void => {
    const key = kind === 'bad' ? 'example_bad_code' : 'example_good_code';
    const snippet = prepareSnippet(example.text, forced);
    if (!rule.languages.includes(snippet.language)) {
      throw compileError(
        file,
        entry,
        example.line,
        `its ${key} looks like ${languageLabel(snippet.language)}, but the rule only targets ${rule.languages.join(', ')}`,
        'Set `example_language:` on the entry if the guess is wrong, or add the language to `languages:`.',
      );
    }
    const label = `${file.path}#${entry.id}.${key}`;
    const findings = scanSnippet(snippet, rule, vocab, label);
    const signature = rule.steps.map(formatStep).join(', ');
    const parseNote = snippet.parses ? '' : `\n  note: the example does not parse as ${languageLabel(snippet.language)}, so parts of it may not be matched`;
    if (kind === 'bad' && findings.length === 0) {
      throw compileError(
        file,
        entry,
        example.line,
        `its example_bad_code (${languageLabel(snippet.language)}) does not fire the compiled rule: nothing was found\n` +
          `  signature: ${signature}\n  why: ${explainMiss(snippet, rule, vocab, label, formatStep)}${parseNote}\n  example_bad_code:\n${showSnippet(example.text)}`,
        'The bad example must produce at least one finding: fix the example, or the entry (its phrases, or a `signature:` block) so that it describes the example. ' + DOC_HINT,
      );
    }
    if (kind === 'good' && findings.length > 0) {
      const found = findings.map((f) => `    line ${f.line}: ${f.code}  (${f.message})`).join('\n');
      throw compileError(
        file,
        entry,
        example.line,
        `its example_good_code (${languageLabel(snippet.language)}) fires the compiled rule ${findings.length} time${findings.length === 1 ? '' : 's'}, but a good example must not\n` +
          `  signature: ${signature}\n  found:\n${found}${parseNote}\n  example_good_code:\n${showSnippet(example.text)}`,
        'Fix the example, or narrow the rule (phrases such as "No pre-check for success" add exclusions; a `signature:` block gives full control). ' + DOC_HINT,
      );
    }
    out.push({ kind, line: example.line, language: snippet.language, findings: findings.length });
  };
  entry.badExamples.forEach((e) => check('bad', e));
  entry.goodExamples.forEach((e) => check('good', e));
  return out;
}

function languageLabel(language: RuleLanguage): string {
  return language === 'python' ? 'Python' : language === 'typescript' ? 'TypeScript' : 'JavaScript';
}

/** A signature step in rule-file form: `call: mutating`, `not: idempotency-key`, `not: { call: notification }`. */
export function formatStep(step: SignatureStep): string {
  const inner = step.param === undefined ? step.kind : `${step.kind}: ${step.param}`;
  if (!step.negate) return inner;
  return step.param === undefined ? `not: ${step.kind}` : `not: { ${inner} }`;
}

function formatEntry(entry: SignatureEntry): string {
  const [key, value] = Object.entries(entry)[0] ?? ['', null];
  if (key === 'not' && value !== null && typeof value === 'object') {
    const [k, v] = Object.entries(value)[0] ?? ['', null];
    return formatStep({ kind: k, param: v ?? undefined, negate: true });
  }
  return formatStep({ kind: key === 'not' ? String(value) : key, param: key === 'not' || value === null || typeof value !== 'string' ? undefined : value, negate: key === 'not' });
}

function compileError(file: FailuresFile, entry: AntiPatternEntry, line: number, what: string, help: string): FailuresFileError {
  const name = entry.name === undefined ? '' : ` (${entry.name})`;
  return new FailuresFileError(`Cannot compile ${file.path}:${line}: anti-pattern ${entry.id}${name}: ${what}`, { file: file.path, line, help });
}
