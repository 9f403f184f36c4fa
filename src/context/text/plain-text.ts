import { convert } from 'html-to-text';

/** An opening or closing HTML tag, or an entity: the text was written as HTML. */
const HTML = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z]+|#\d+);/i;

/**
 * A message body as plain text: HTML (a helpdesk's `<p>…</p>` bodies) converted to its text, with
 * links and images reduced to their words; other text unchanged.
 */
export function plainText(text: string): string {
  if (!HTML.test(text)) return text;
  return convert(text, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
    ],
  })
    .replace(/\u00a0/g, ' ')
    .trim();
}
