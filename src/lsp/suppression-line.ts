/** The line that suppresses `ruleId` on `line` (0-based) of `text`: a comment above it, at its indentation. */
export function suppressionLine(text: string, line: number, ruleId: string, lineComment: '#' | '//', reason = '<why this is safe>'): string {
  const target = text.split('\n')[line] ?? '';
  const indent = /^\s*/.exec(target)?.[0] ?? '';
  return `${indent}${lineComment} faultline-ignore ${ruleId}: ${reason}\n`;
}
