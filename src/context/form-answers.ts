/** A Markdown heading line: `### Severity`. */
const HEADING = /^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/;

/** What an issue form writes for a field left empty. */
const NO_ANSWER = /^_?no response_?$/i;

/**
 * The answers of an issue form that a record's free text holds. GitHub (and GitLab's templates)
 * render each field of a form as a heading with the answer below it (`### Severity\n\nSEV1`), so
 * the severity, the start and the services of an incident filed through a form live in its body:
 * label → answer, the answer a list of its items when it is a Markdown list. Text with fewer than
 * two headings is no form and gives nothing.
 */
export function formAnswers(text: string): Map<string, string | string[]> {
  const answers = new Map<string, string | string[]>();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const headings = lines.flatMap((line, i) => {
    const m = HEADING.exec(line);
    return m ? [{ label: m[1] ?? '', at: i }] : [];
  });
  if (headings.length < 2) return answers;
  headings.forEach(({ label, at }, k) => {
    const body = lines.slice(at + 1, headings[k + 1]?.at ?? lines.length);
    const answer = body.join('\n').trim();
    if (answer.length === 0 || NO_ANSWER.test(answer) || answers.has(label)) return;
    const items = body.filter((l) => l.trim().length > 0);
    const list = items.every((l) => /^\s*(?:[-*+]|\d+[.)])\s+/.test(l));
    answers.set(label, list ? items.map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim()) : answer);
  });
  return answers;
}
