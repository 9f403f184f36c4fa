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
 * Comments are found in the raw text, like fixture annotations, never in the syntax tree: a
 * `faultline-ignore` inside a string literal that follows whitespace is also read as a comment.
 * Block comments (`/* … *\/`) are not read.
 */
import type { Finding, ScanWarning } from './types.js';

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

/**
 * Reads every `faultline-ignore` comment in a file.
 * @param text the file's source text
 * @param lineComment the language's line comment marker (`#` for Python, `//` for TS/JS)
 * @returns suppressions in line order, malformed ones included with `problem` set. Never throws.
 */
export function findSuppressions(text: string, lineComment: '#' | '//'): Suppression[] {
  const pattern = commentPattern(lineComment);
  const lines = text.split('\n');
  const found: { index: number; match: RegExpExecArray }[] = [];
  lines.forEach((raw, index) => {
    const match = pattern.exec(raw.replace(/\r$/, ''));
    if (match) found.push({ index, match });
  });
  const commentLines = new Set(found.map((f) => f.index));
  return found.map(({ index, match }) => {
    const ownLine = (lines[index] ?? '').slice(0, match.index).trim() === '';
    const covers = [index + 1];
    if (ownLine) {
      let next = index + 1;
      while (commentLines.has(next)) next++;
      if (next < lines.length) covers.push(next + 1);
    }
    return { line: index + 1, covers, ...parseDirective(match[2] ?? '') };
  });
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
