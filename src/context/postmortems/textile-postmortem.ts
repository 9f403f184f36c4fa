import textile from 'textile-js';
import { htmlPostmortemMarkdown } from './html-postmortem.js';

/** A Redmine macro on a line of its own (`{{>toc}}`, `{{toc}}`): page furniture, not text. */
const MACRO_LINE = /^[ \t]*\{\{[^{}\n]*\}\}[ \t]*$/gm;

/**
 * A postmortem written in Textile (a Redmine or Textpattern wiki page) as the Markdown the
 * postmortem reader takes, through the HTML that Textile renders: `h2.` headings, `|_. Incident |`
 * property tables as `Incident: …` lines, tables with a State column as action items, lists, and
 * `%{color:green}Done%` spans as their text. A single newline inside a paragraph or a list item is a
 * hard wrap of the author's, so it joins the lines instead of breaking them.
 */
export function textilePostmortemMarkdown(text: string): string {
  return htmlPostmortemMarkdown(textile(text.replace(/\r\n?/g, '\n').replace(MACRO_LINE, ''), { breaks: false }));
}
