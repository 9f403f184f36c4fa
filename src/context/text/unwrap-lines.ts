/**
 * Undo hard wrapping: a line break inside a sentence (the line before it does not end with
 * `.`, `!`, `?`, `:` or `;`) becomes a space, so a root cause wrapped at 72 columns in a YAML `|`
 * block or a Jira cell reads as the sentences its author wrote. A break after a sentence end, and
 * a blank line, stay.
 */
export function unwrapLines(text: string): string {
  return text.replace(/([^\s.!?:;])[ \t]*\r?\n[ \t]*(?=[^\s\-*•])/gu, '$1 ');
}
