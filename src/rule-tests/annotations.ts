/**
 * Fixture annotations (README "Testing rules"): `# expect: AP-001`, `// ok: AP-001`, and the
 * `todo-` forms for known gaps. Read from raw text, never from the syntax tree. An annotation sits on its own
 * line and applies to the next line that is not an annotation.
 */
export type AnnotationKind = 'expect' | 'ok' | 'todo-expect' | 'todo-ok';

export interface Annotation {
  kind: AnnotationKind;
  ruleId: string;
  /** Line of the annotation comment (1-based). */
  at: number;
  /** Line it applies to (1-based). */
  line: number;
}

export interface AnnotationProblem {
  line: number;
  message: string;
}

const STRICT = /^\s*(#|\/\/)\s*(expect|ok|todo-expect|todo-ok):\s*([A-Z][A-Z0-9]*-\d{3,})\s*$/;
// Anything a human would read as an annotation attempt: caught so a typo cannot silently disable a check.
const LOOSE = /^\s*(#|\/\/)\s*(todo[-_ ]?)?(expects?|ok)\b\s*[:\s]\s*[A-Z]{1,4}-?\d/i;

/** Parses annotations; malformed look-alikes are returned as problems. */
export function parseAnnotations(text: string, lineComment: string): { annotations: Annotation[]; problems: AnnotationProblem[] } {
  const lines = text.split('\n');
  const annotations: Annotation[] = [];
  const problems: AnnotationProblem[] = [];
  const pending: { kind: AnnotationKind; ruleId: string; at: number }[] = [];
  lines.forEach((raw, i) => {
    const n = i + 1;
    const m = STRICT.exec(raw);
    if (m) {
      if (m[1] !== lineComment) problems.push({ line: n, message: `annotation uses "${m[1]}" but this language's line comment is "${lineComment}"` });
      pending.push({ kind: m[2] as AnnotationKind, ruleId: m[3] as string, at: n });
      return;
    }
    if (LOOSE.test(raw)) {
      problems.push({ line: n, message: `looks like an annotation but does not parse: "${raw.trim()}" (write "${lineComment} expect: AP-001")` });
      return;
    }
    if (pending.length > 0) {
      if (raw.trim() === '') {
        problems.push({ line: n, message: 'an annotation must be followed directly by the line it applies to' });
      }
      for (const p of pending) annotations.push({ ...p, line: n });
      pending.length = 0;
    }
  });
  for (const p of pending) problems.push({ line: p.at, message: 'annotation at the end of the file applies to no line' });
  return { annotations, problems };
}
