/**
 * In-source suppressions: `faultline-ignore` comments.
 *
 * ```
 * # faultline-ignore AP-001: the gateway dedupes on order id      (one rule)
 * // faultline-ignore AP-001, AP-002: reviewed in PR 1234          (several rules)
 * # faultline-ignore: generated code                              (every rule)
 * ```
 *
 * A comment covers findings that start on its own line; a comment alone on its line also covers
 * the next line that is not itself a `faultline-ignore` comment, so several can be stacked above
 * one statement. A suppression without a reason still applies but yields a warning; a comment
 * whose id list cannot be read applies to nothing and yields a warning.
 *
 * In TypeScript/JavaScript a block comment works too (`/* faultline-ignore AP-001: reason *\/`,
 * also `{/* … *\/}` in JSX): it covers its own line, or, when it stands alone (over one or
 * several lines), its lines and the next line after it.
 *
 * Comments are found in the raw text, like fixture annotations, never in the syntax tree: a
 * `faultline-ignore` inside a string literal that follows whitespace is also read as a comment.
 */
import type { Finding, ScanWarning, UnusedSuppression } from './types.js';

/** One `faultline-ignore` comment. */
export interface Suppression {
  /** 1-based line of the comment. */
  line: number;
  /** 1-based lines whose findings it covers: its own, and the next code line when it stands alone. */
  covers: number[];
  /** Rule ids it names, upper-cased; empty means every rule. */
  ruleIds: string[];
  /** The reason after the colon, trimmed; null when there is none. */
  justification: string | null;
  /** Set when the comment could not be read; such a suppression covers nothing. */
  problem?: string;
}

const MARKER = 'faultline-ignore';
const RULE_ID = /^[A-Za-z][A-Za-z0-9]*-\d+$/;

function commentPattern(lineComment: '#' | '//'): RegExp {
  const marker = lineComment === '#' ? '#' : '\\/\\/';
  // The marker starts the line or follows whitespace, so `http://x` or `a#b` never open a comment;
  // `faultline-ignore-next-line` and friends are not this directive.
  return new RegExp(`(^|\\s)${marker}\\s*${MARKER}(?![\\w-])(.*)$`);
}

// `/* faultline-ignore …`, after the start of the line, whitespace or JSX's `{`.
const BLOCK_PATTERN = new RegExp(`(^|[\\s{(;,])\\/\\*+\\s*${MARKER}(?![\\w-])(.*)$`);

/** One comment as found: its first and last line (0-based), whether it stands alone, and its directive text. */
interface FoundComment {
  index: number;
  end: number;
  alone: boolean;
  directive: string;
}

/**
 * Reads every `faultline-ignore` comment in a file.
 * @param text the file's source text
 * @param lineComment the language's line comment marker (`#` for Python, `//` for TS/JS; the
 * latter also reads block comments)
 * @returns suppressions in line order, malformed ones included with `problem` set. Never throws.
 */
export function findSuppressions(text: string, lineComment: '#' | '//'): Suppression[] {
  const pattern = commentPattern(lineComment);
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const found: FoundComment[] = [];
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] as string;
    const match = pattern.exec(raw);
    if (match) {
      found.push({ index, end: index, alone: raw.slice(0, match.index).trim() === '', directive: match[2] ?? '' });
      continue;
    }
    if (lineComment !== '//') continue;
    const opened = BLOCK_PATTERN.exec(raw);
    const block = opened
      ? { textLine: index, text: opened[2] ?? '', before: raw.slice(0, opened.index + (opened[1] ?? '').length).trim() }
      : docBlockStart(lines, index);
    if (block) {
      const comment = blockComment(lines, index, block);
      found.push(comment);
      index = comment.end;
    }
  }
  const commentLines = new Set(found.flatMap((f) => range(f.index, f.end)));
  return found.map(({ index, end, alone, directive }) => {
    const covers = range(index, end).map((i) => i + 1);
    if (alone) {
      let next = end + 1;
      while (commentLines.has(next)) next++;
      if (next < lines.length) covers.push(next + 1);
    }
    return { line: index + 1, covers, ...parseDirective(directive) };
  });
}

/** Where a block comment's directive starts: its line, the text after the marker, and the code before the comment. */
interface BlockStart {
  textLine: number;
  text: string;
  before: string;
}

/**
 * A doc-style block whose first line is a bare opener and whose next line starts with the marker
 * (`/*` then ` * faultline-ignore AP-001: …`).
 */
function docBlockStart(lines: readonly string[], index: number): BlockStart | null {
  if (!/^\s*\/\*+\s*$/.test(lines[index] as string)) return null;
  const next = new RegExp(`^\\s*\\*?\\s*${MARKER}(?![\\w-])(.*)$`).exec(lines[index + 1] ?? '');
  return next === null ? null : { textLine: index + 1, text: next[1] ?? '', before: '' };
}

/** A `/* faultline-ignore … *\/` comment opened on line `index`, possibly over several lines. */
function blockComment(lines: readonly string[], index: number, start: BlockStart): FoundComment {
  let rest = start.text;
  let end = start.textLine;
  const parts: string[] = [];
  // A block left open on its line continues on the next ones (their leading `*` is decoration).
  while (!rest.includes('*/') && end + 1 < lines.length) {
    parts.push(rest);
    end++;
    rest = (lines[end] as string).replace(/^\s*\*(?!\/)/, '');
  }
  const close = rest.indexOf('*/');
  parts.push(close < 0 ? rest : rest.slice(0, close));
  const after = close < 0 ? '' : rest.slice(close + 2).trim();
  return { index, end, alone: /^\{?$/.test(start.before) && /^\}?$/.test(after), directive: parts.map((p) => p.trim()).filter((p) => p !== '').join(' ') };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

function parseDirective(rest: string): Pick<Suppression, 'ruleIds' | 'justification' | 'problem'> {
  const colon = rest.indexOf(':');
  const idsText = (colon < 0 ? rest : rest.slice(0, colon)).trim();
  const reason = colon < 0 ? '' : rest.slice(colon + 1).trim();
  const justification = reason === '' ? null : reason;
  const ids = idsText === '' ? [] : idsText.split(/[\s,]+/).filter((s) => s !== '');
  const bad = ids.find((id) => !RULE_ID.test(id));
  if (bad !== undefined) {
    return {
      ruleIds: [],
      justification,
      problem: `"${bad}" is not a rule id; write the ids, then a colon and the reason`,
    };
  }
  return { ruleIds: ids.map((id) => id.toUpperCase()), justification };
}

/**
 * Marks the findings that a file's suppressions cover (`finding.suppression = { justification,
 * line }`) and collects the warnings the suppressions deserve: no reason given, or a comment that
 * could not be read. Findings of other files are returned unchanged.
 * @param findings findings of the scan (usually of the one file)
 * @param suppressions what {@link findSuppressions} read from `file`
 * @param file the path the findings use for that file; labels the warnings
 * @param knownRuleIds when given, a comment naming an id outside it gets a warning (a misspelt id
 *   suppresses nothing); the ids it names that are known still apply
 * @returns new finding objects (the input is not mutated) in the same order, and the warnings
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  file: string,
  knownRuleIds?: readonly string[],
): { findings: Finding[]; warnings: ScanWarning[] } {
  const warnings: ScanWarning[] = [];
  const known = new Set((knownRuleIds ?? []).map((id) => id.toUpperCase()));
  const knownList = [...known].sort().join(', ');
  for (const s of suppressions) {
    for (const id of knownRuleIds === undefined ? [] : s.ruleIds.filter((i) => !known.has(i))) {
      warnings.push({ file, kind: 'suppression', line: s.line, message: `faultline-ignore names the unknown rule id "${id}" (known: ${knownList}); it suppresses nothing for it` });
    }
    const example = `faultline-ignore ${s.ruleIds.length > 0 ? s.ruleIds.join(', ') : 'AP-001'}: <why this is safe>`;
    if (s.problem !== undefined) {
      warnings.push({ file, kind: 'suppression', line: s.line, message: `cannot read this faultline-ignore comment: ${s.problem} ("${example}"); it suppresses nothing` });
    } else if (s.justification === null) {
      const what = s.ruleIds.length > 0 ? s.ruleIds.join(', ') : 'every rule';
      warnings.push({ file, kind: 'suppression', line: s.line, message: `faultline-ignore without a reason (suppresses ${what}); add one after a colon: "${example}"` });
    }
  }
  const usable = suppressions.filter((s) => s.problem === undefined);
  const out = findings.map((finding) => {
    if (finding.file !== file || finding.suppression !== undefined) return finding;
    const match = usable.find(
      (s) => s.covers.includes(finding.line) && (s.ruleIds.length === 0 || s.ruleIds.includes(finding.ruleId.toUpperCase())),
    );
    return match ? { ...finding, suppression: { justification: match.justification, line: match.line } } : finding;
  });
  return { findings: out, warnings };
}

/**
 * The readable suppressions of `file` that suppressed no finding, or that name ids no finding they
 * cover has: what ESLint's `--report-unused-disable-directives` and Ruff's RUF100 report.
 * @param findings the file's findings after {@link applySuppressions}
 * @param knownRuleIds when given, ids outside it are left to the unknown-id warning
 */
export function unusedSuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  file: string,
  knownRuleIds?: readonly string[],
): UnusedSuppression[] {
  // Unknown ids already have their own warning (see applySuppressions): not reported twice.
  const known = knownRuleIds === undefined ? undefined : new Set(knownRuleIds.map((id) => id.toUpperCase()));
  const used = new Map<number, Set<string>>();
  for (const f of findings) {
    if (f.file !== file || f.suppression === undefined) continue;
    const ids = used.get(f.suppression.line) ?? new Set<string>();
    ids.add(f.ruleId.toUpperCase());
    used.set(f.suppression.line, ids);
  }
  const out: UnusedSuppression[] = [];
  for (const s of suppressions) {
    if (s.problem !== undefined) continue;
    const ids = used.get(s.line);
    if (s.ruleIds.length === 0) {
      if (ids === undefined) out.push({ file, line: s.line, ruleIds: [] });
      continue;
    }
    const idle = s.ruleIds.filter((id) => !ids?.has(id) && (known === undefined || known.has(id)));
    if (idle.length > 0) out.push({ file, line: s.line, ruleIds: idle });
  }
  return out;
}
