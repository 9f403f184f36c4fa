import { convert } from 'html-to-text';

/** An opening or closing HTML tag, or an entity: the text was written as HTML. */
const HTML = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z]+|#\d+);/i;

/**
 * A message body as plain text: HTML (a helpdesk's `<p>…</p>` bodies) converted to its text, with
 * links and images reduced to their words, and the quoted earlier message a mail client adds to a
 * reply left out (Gmail's `gmail_quote` with its "El jue, … escribió:" line, Apple Mail's
 * `<blockquote type="cite">`, Thunderbird's `moz-cite-prefix`); other text unchanged.
 */
export function plainText(text: string): string {
  if (!HTML.test(text)) return text;
  return convert(text, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: '.gmail_quote', format: 'skip' },
      { selector: '.gmail_attr', format: 'skip' },
      { selector: '.moz-cite-prefix', format: 'skip' },
      { selector: 'blockquote[type="cite"]', format: 'skip' },
    ],
  })
    .replace(/\u00a0/g, ' ')
    .trim();
}
