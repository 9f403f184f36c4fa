import Parser from 'tree-sitter';
import { getContext } from '../matchers/contexts/index.js';
import { allCalls, calleePath } from '../matchers/file-index.js';
import { getMatcher } from '../matchers/index.js';
import { isCall } from '../matchers/syntax.js';
import type { Candidate, FileContext, Node, Requirement, Scope, Vocabulary } from '../matchers/index.js';
import { summarizeFile, type FileSummary } from '../matchers/summary.js';
import { skippedByCall } from '../matchers/local-helpers.js';
import { nameUnkeyedWritingCallers } from '../matchers/kinds/idempotency-key.js';
import { budgetCheck, BudgetExceeded, MAX_TREE_DEPTH, nestsDeeperThan } from './file-budget.js';
import { grammar, parse, type LanguageSpec } from './languages.js';
import { isFolderAlias, workspaceModuleKey } from './prefilter.js';
import type { Rule } from './rule.js';
import type { Finding, RelatedLocation, ScanWarning, Span } from './types.js';

/** A finding that holds only if other files say so (an imported wrapper retries, a helper writes). */
export interface PendingFinding extends Finding {
  requires: Requirement[];
}

/**
 * A cross-file candidate whose remaining tests were not run (see `ScanSourceOptions.deferTests`):
 * only what the link step needs to tell whether it may hold. Its requirements are a weaker form of
 * the full ones; one that may hold sends its file to a full scan, whose pending findings count.
 */
export interface DeferredFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  requires: Requirement[];
}

/** What scanning one file produced. */
export interface SourceScan {
  findings: Finding[];
  /** Findings waiting on other files; `linkFindings` settles them. */
  pending: PendingFinding[];
  /** Cross-file candidates left untested (with `deferTests`). */
  deferred: DeferredFinding[];
  /** What other files may need to know about this one. */
  summary: FileSummary;
  warnings: ScanWarning[];
}

/**
 * Parses `text` once and runs every rule for its language over that one tree. Never touches the
 * file system: `file` only labels findings. A syntax error becomes a warning and the partial tree
 * is still matched; a matcher that throws becomes a warning for that rule and file.
 */
export interface ScanSourceOptions {
  /**
   * Wall-clock time (ms since the epoch) after which matching stops. Checked between rules, between
   * candidates and in the summary's loop (a native call is never interrupted). A file that runs out
   * gets one answer whichever rule it ran out in: no findings, an empty summary and one `timeout`
   * warning, so a run on a loaded machine can differ from another only in whether the file timed
   * out, never in which of its findings survived.
   */
  deadline?: number;
  /**
   * Base names of the scanned project's files and folders: a Python import is the project's when
   * its first segment is one (relative imports always are). Without it every import may be.
   */
  projectModules?: ReadonlySet<string>;
  /** The call vocabularies the summary records reaches for (default: all; see `summaryVocabularies`). */
  summaryVocabularies?: readonly string[];
  /**
   * The file's summary, already made from this same text with the same vocabularies (a full rescan
   * of a file the first scan summarised): kept as it is instead of made again. A summary depends
   * only on the text and the vocabularies, never on which rules ran or how their tests were run.
   */
  summary?: FileSummary;
  /**
   * Once a candidate depends on other files, skip its remaining tests (all but `inside:`) and keep
   * it as a `DeferredFinding`. Most such candidates are dropped by the link step (the imported
   * function turns out not to retry, the helper not to write), so testing them here is mostly
   * wasted. Sound because a test only ever drops a candidate or adds to and narrows its
   * requirements: a deferred finding holds whenever the full one would. Whoever links deferred
   * findings must re-check the survivors (`LinkOptions.rescan`).
   */
  deferTests?: boolean;
}

/** The call vocabularies a rule set's `call` steps name: all that cross-file verdicts can ask about. */
export function summaryVocabularies(rules: readonly Rule[]): string[] {
  return [...new Set(rules.flatMap((r) => r.steps.filter((s) => s.kind === 'call').map((s) => s.param ?? '')))].sort();
}

export function scanSource(
  text: string,
  file: string,
  language: LanguageSpec,
  rules: readonly Rule[],
  vocab: Vocabulary,
  options: ScanSourceOptions = {},
): SourceScan {
  const tree = parse(text, language.grammar);
  const warnings: ScanWarning[] = [];
  const root = tree.rootNode;
  if (nestsDeeperThan(root, MAX_TREE_DEPTH)) {
    return notMatched(file, `not matched: its syntax tree nests deeper than ${MAX_TREE_DEPTH} levels, too deep to match in bounded time; no finding of this file is reported`);
  }
  if (root.hasError) warnings.push(syntaxWarning(file, root));
  const memo = new Map<string, unknown>();
  const ctx: FileContext = {
    root,
    family: language.family,
    language: language.id,
    source: text,
    vocab,
    isProjectModule: (specifier) => isProjectModule(specifier, language, options.projectModules),
    memo<T>(key: string, compute: () => T): T {
      // One lookup for the common case (a value kept); `has` only tells a kept `undefined` apart.
      const known = memo.get(key);
      if (known !== undefined || memo.has(key)) return known as T;
      const value = compute();
      memo.set(key, value);
      return value;
    },
    checkBudget: budgetCheck(options.deadline),
  };
  // Split only when a finding needs its line: most files produce none.
  let lines: string[] | undefined;
  const lineAt = (line: number) => ((lines ??= text.split('\n'))[line - 1] ?? '').trim();
  const findings: Finding[] = [];
  const pending: PendingFinding[] = [];
  const deferredOnes: DeferredFinding[] = [];
  // The link step asks only whether some deferred finding of the file may hold, by its requirements
  // alone: one per distinct list is enough (most repeat, one per call in a decorated body).
  const deferredKeys = new Set<string>();
  try {
    for (const rule of rules) {
      if (rule.deprecated !== undefined || !rule.languages.includes(language.id)) continue;
      ctx.checkBudget?.();
      try {
        for (const { candidate, deferred } of matchRule(ctx, rule, language, options.deferTests === true)) {
          const requires = candidate.requires ?? [];
          if (deferred) {
            const key = JSON.stringify(requires);
            if (deferredKeys.has(key)) continue;
            deferredKeys.add(key);
            const at = candidate.report.startPosition;
            deferredOnes.push({ ruleId: rule.id, file, line: at.row + 1, column: at.column + 1, requires });
            continue;
          }
          const finding = toFinding(rule, candidate, file, language, lineAt);
          if (requires.length > 0) pending.push({ ...finding, requires });
          else findings.push(finding);
        }
      } catch (error) {
        if (error instanceof BudgetExceeded) throw error;
        warnings.push({ file, kind: 'matcher', message: `rule ${rule.id} failed on this file: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    findings.sort(compareFindings);
    return { findings, pending, deferred: deferredOnes, summary: options.summary ?? summarizeFile(ctx, options.summaryVocabularies), warnings };
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    // Whichever rule the budget ran out in, the decision is the same: nothing of this file counts.
    return notMatched(file, 'not matched: over its time budget; no finding of this file is reported');
  }
}

/** The one answer for a file that could not be matched in bounded time: no findings, an empty summary, one `timeout` warning. */
function notMatched(file: string, message: string): SourceScan {
  const summary: FileSummary = { functions: {}, retriedClients: [], clientFactories: [], facts: [], queues: {}, imports: [], reExports: [] };
  return { findings: [], pending: [], deferred: [], summary, warnings: [{ file, kind: 'timeout', message }] };
}

function isProjectModule(specifier: string, language: LanguageSpec, modules: ReadonlySet<string> | undefined): boolean {
  if (specifier.startsWith('.')) return true;
  // Bare ECMAScript specifiers name packages (the workspace's own among them); `@/…`, `~/…` and
  // `#…` are a project's path aliases.
  // `#connectors/index.js`: a package.json `imports` subpath, always the package's own.
  if (language.family === 'ecma') return /^[@~]\/|^#/.test(specifier) || (modules !== undefined && (modules.has(workspaceModuleKey(specifier)) || isFolderAlias(specifier, modules)));
  return modules === undefined || modules.has(specifier.split('.')[0] ?? '');
}

/** Findings order: file, line, column, rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

function matchRule(ctx: FileContext, rule: Rule, language: LanguageSpec, defer: boolean): { candidate: Candidate; deferred: boolean }[] {
  const [anchor, ...tests] = rule.steps;
  // Scopes are per construct and cheap next to a whole-file candidate search: when the rule needs
  // one, look for candidates only inside scopes, and not at all in a file that has none.
  let within: Node[] = [ctx.root];
  const inside = tests.find((s) => s.kind === 'inside' && !s.negate);
  if (inside !== undefined) {
    const scopes = getContext(inside.param ?? '')?.scopes(ctx) ?? [];
    if (scopes.length === 0) return [];
    // A callback handed over by name stands for its body as a reference node; the call search does
    // not look at references, so they stay anchors of their own even inside a wider scope.
    const references = scopes.map((s) => s.body).filter((b) => REFERENCE_TYPES.has(b.type));
    // A client-wide policy holds only calls on its client: those calls are the places to look,
    // not the whole file its scope spans.
    const receivers = new Set(scopes.flatMap((s) => (s.receiver !== undefined ? [s.receiver] : [])));
    const bodies = outermost(scopes.filter((s) => s.receiver === undefined).map((s) => s.body).filter((b) => !REFERENCE_TYPES.has(b.type)));
    const onReceivers =
      receivers.size === 0
        ? []
        : allCalls(ctx).filter((c) => {
            const path = calleePath(ctx, c);
            return receivers.has(path) || receivers.has(path.slice(0, path.lastIndexOf('.')));
          }).filter((c) => !bodies.some((b) => b.startIndex <= c.startIndex && c.endIndex <= b.endIndex));
    within = [...bodies, ...references, ...onReceivers];
  }
  const candidates: Candidate[] = [];
  const query = rule.match?.[language.id]?.query;
  if (query !== undefined) candidates.push(...queryCandidates(ctx, rule, language, query, within));
  if (anchor !== undefined) {
    const matcher = getMatcher(anchor.kind);
    if (matcher?.find) candidates.push(...matcher.find(ctx, anchor.param, within));
  }
  const steps = query !== undefined && anchor !== undefined && getMatcher(anchor.kind)?.find === undefined ? rule.steps : tests;
  const out: { candidate: Candidate; deferred: boolean }[] = [];
  for (const candidate of candidates) {
    ctx.checkBudget?.();
    let deferred = false;
    const holds = steps.every((step) => {
      // `inside:` still runs: it is what finds the scope, and its condition, for the link step.
      if (defer && step.kind !== 'inside' && (candidate.requires?.length ?? 0) > 0) return (deferred = true);
      const matcher = getMatcher(step.kind);
      const holds = matcher?.test ? matcher.test(ctx, step.param, candidate) : false;
      // `not: { call: notification }` on a call of another file: which it is, the link step reads there.
      if (step.negate && !holds && step.kind === 'call' && step.param !== undefined) for (const r of candidate.requires ?? []) if (r.kind === 'helper' && r.mode === 'writes' && r.vocab !== step.param) r.except = step.param;
      return step.negate ? !holds : holds;
    });
    if (holds) out.push({ candidate, deferred });
  }
  // A candidate reached through a helper's body belongs to the helper's call when that call is a
  // candidate itself (reported, or dropped by a test, there).
  const nodes = new Set(candidates.map((c) => c.node.id));
  // One the helper makes only when handed a parameter its call leaves out (`if json: session.post(…)`) is not made by it.
  const kept = out.filter((o) => o.candidate.scope?.via === undefined || (!nodes.has(o.candidate.scope.via.call.id) && !skippedByCall(ctx, o.candidate.scope.via.call, o.candidate.node)));
  if (anchor?.kind === 'call') for (const o of kept) nameUnkeyedWritingCallers(ctx, o.candidate);
  if (rule.group === 'retried-call') for (const o of kept) atRetriedCall(ctx, o.candidate);
  return rule.group === 'scope' ? onePerScope(kept) : kept;
}

/**
 * A candidate reached through helpers of this file (`processReminder(reminder)` in a retried loop,
 * whose switch calls `processInvoiceDueReminder(…)`) is reported at the call the retry runs again,
 * the unit a reviewer fixes; each call on the way becomes a related location ("processReminder
 * calls processInvoiceDueReminder here"). Several reached through the same call become one
 * finding with all their sites (see `sortedUnique`).
 */
function atRetriedCall(ctx: FileContext, candidate: Candidate): void {
  const scope = candidate.scope;
  if (scope?.via === undefined || (candidate.requires ?? []).some((r) => r.kind === 'helper' && r.relocate === true)) return;
  const chain: Node[] = [];
  let outer: Scope = scope;
  for (; outer.via !== undefined; outer = outer.via.from) chain.unshift(outer.via.call);
  const top = chain[0]!;
  const own = candidate.captures.callee ?? calleePath(ctx, candidate.node);
  // Each step's message names the helper that makes the next call: outermost first, the candidate last.
  const steps = [...chain.slice(1), candidate.node];
  const related = steps.map((node, i) => ({ node, message: `${calleePath(ctx, chain[i]!)} calls ${i === steps.length - 1 ? own : calleePath(ctx, node)} here` }));
  const at = candidate.report.startPosition;
  // A method on a typed object is resolved by the type checker where it is called, not where it is reported.
  for (const r of candidate.requires ?? []) if (r.kind === 'helper' && r.typed === true && r.typedAt === undefined) r.typedAt = { line: at.row + 1, column: at.column + 1 };
  const retried = candidate.related.findIndex((r) => r.node.id === scope.construct.id);
  const by = { node: outer.construct, message: `${outer.context === 'retry' ? 'retried by' : 'handled by'} ${outer.label}` };
  if (retried >= 0) candidate.related.splice(retried, 1, by);
  candidate.related.unshift(...related);
  for (const key of ['retry', 'context']) if (candidate.captures[key] === scope.label) candidate.captures[key] = outer.label;
  candidate.captures.via = own;
  candidate.captures.callee = calleePath(ctx, top);
  candidate.report = top;
}

/**
 * Keeps the first candidate of each scope; the others become its related locations. Candidates
 * that wait on the link step share a scope only when they wait on the same requirements: then
 * they stand or fall together.
 */
function onePerScope(matches: { candidate: Candidate; deferred: boolean }[]): { candidate: Candidate; deferred: boolean }[] {
  const first = new Map<string, Candidate>();
  const sorted = [...matches].sort((a, b) => a.candidate.report.startIndex - b.candidate.report.startIndex);
  return sorted.filter(({ candidate, deferred }) => {
    const scope = candidate.scope;
    if (deferred || scope === undefined) return true;
    const requires = (candidate.requires?.length ?? 0) > 0 ? JSON.stringify(candidate.requires) : '';
    const key = `${scope.construct.id}:${scope.body.id}:${requires}`;
    const kept = first.get(key);
    if (kept === undefined) {
      first.set(key, candidate);
      return true;
    }
    const what = candidate.captures.record ?? candidate.captures.callee ?? candidate.report.text.split('\n', 1)[0] ?? '';
    kept.related.push({ node: candidate.report, message: `also here: ${what}` });
    return false;
  });
}

const REFERENCE_TYPES = new Set(['identifier', 'attribute', 'member_expression']);

/** Drops subtrees contained in another, so no node is searched twice. */
function outermost(nodes: Node[]): Node[] {
  const sorted = [...nodes].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  const out: Node[] = [];
  for (const n of sorted) {
    const last = out.at(-1);
    if (last === undefined || n.startIndex >= last.endIndex) out.push(n);
  }
  return out;
}

const compiledQueries = new WeakMap<Rule, Map<string, Parser.Query>>();

function queryCandidates(ctx: FileContext, rule: Rule, language: LanguageSpec, source: string, within: Node[]): Candidate[] {
  let byGrammar = compiledQueries.get(rule);
  if (byGrammar === undefined) compiledQueries.set(rule, (byGrammar = new Map()));
  let query = byGrammar.get(language.grammar);
  if (query === undefined) {
    query = new Parser.Query(grammar(language.grammar), source);
    byGrammar.set(language.grammar, query);
  }
  const out: Candidate[] = [];
  const seen = new Set<number>();
  for (const root of within) {
    for (const match of query.matches(root)) {
      ctx.checkBudget?.();
      const capture = match.captures.find((c) => c.name === 'match') ?? match.captures[0];
      if (capture === undefined || seen.has(capture.node.id)) continue;
      seen.add(capture.node.id);
      const captures: Record<string, string> = {};
      for (const c of match.captures) captures[c.name] = c.node.text.split('\n', 1)[0] ?? '';
      // A query that matches a call fills `{callee}` as the `call:` matcher would.
      if (captures.callee === undefined && isCall(capture.node, language.family)) captures.callee = calleePath(ctx, capture.node);
      out.push({ node: capture.node, report: capture.node, captures, related: [] });
    }
  }
  return out;
}

function spanOf(node: Node): Span {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}

function toFinding(rule: Rule, candidate: Candidate, file: string, language: LanguageSpec, lineAt: (line: number) => string): Finding {
  const span = spanOf(candidate.report);
  const captures = { ...candidate.captures };
  const message = rule.message.replace(/\{(\w+)\}/g, (whole, name: string) => (captures[name] !== undefined ? `\`${captures[name]}\`` : whole));
  const related: RelatedLocation[] = candidate.related.map((r) => ({ ...spanOf(r.node), message: r.message }));
  return {
    ruleId: rule.id,
    slug: rule.slug,
    title: rule.title,
    risk: rule.risk,
    file,
    language: language.id,
    ...span,
    message,
    code: lineAt(span.line),
    related,
    captures,
  };
}

function syntaxWarning(file: string, root: Node): ScanWarning {
  const bad = root.descendantsOfType('ERROR')[0] ?? findMissing(root);
  const line = bad ? bad.startPosition.row + 1 : 1;
  return { file, kind: 'syntax', line, message: `syntax error near line ${line}; the rest of the file was still scanned` };
}

function findMissing(node: Node): Node | undefined {
  if (node.isMissing) return node;
  for (const child of node.children) {
    if (!child.hasError) continue;
    const m = findMissing(child);
    if (m) return m;
  }
  return undefined;
}
