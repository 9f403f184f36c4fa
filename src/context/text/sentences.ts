import { unwrapLines } from './unwrap-lines.js';

/**
 * Split prose into sentences on `.`, `!`, `?` or line breaks that end a sentence (hard-wrapped
 * lines are joined first); trims; drops empties.
 */
export function splitSentences(text: string): string[] {
  return unwrapLines(text)
    .split(/(?<=[.!?])\s+|\r?\n/)
    .map((s) => s.trim().replace(/[.]+$/, ''))
    .filter((s) => s.length > 0);
}
