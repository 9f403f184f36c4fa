import { dxlPostmortemMarkdown } from './dxl-postmortem.js';
import { mdxPostmortemMarkdown } from './mdx-postmortem.js';
import { emailPostmortemMarkdown, plainTextPostmortemMarkdown, webArchivePostmortemMarkdown } from './email-postmortem.js';
import { asciidocPostmortemMarkdown } from './asciidoc-postmortem.js';
import { htmlPostmortemMarkdown } from './html-postmortem.js';
import { rstPostmortemMarkdown } from './rst-postmortem.js';
import { orgPostmortemMarkdown } from './org-postmortem.js';
import { isMediaWikiExport, mediawikiExportMarkdown, mediawikiPostmortemMarkdown } from './mediawiki-postmortem.js';
import { latexPostmortemMarkdown } from './latex-postmortem.js';
import { typstPostmortemMarkdown } from './typst-postmortem.js';
import { roamGraphMarkdown } from './roam-postmortem.js';
import { discourseTopicMarkdown } from './discourse-postmortem.js';
import { textilePostmortemMarkdown } from './textile-postmortem.js';
import { jsonPostmortemMarkdown, richTextDocumentsMarkdown, yamlPostmortemMarkdown } from './json-postmortem.js';
import { googleDocMarkdown } from './google-docs-postmortem.js';
import { googleSlidesMarkdown } from './google-slides-postmortem.js';
import { slackExportPostmortemMarkdown } from './slack-export-postmortem.js';
import { rtfPostmortemMarkdown } from './rtf-postmortem.js';
import { dokuwikiPostmortemMarkdown, isDokuWikiPage } from './dokuwiki-postmortem.js';
import { isOpenDocumentText, odtPostmortemMarkdown } from './odt-postmortem.js';
import { isXWikiDoc, xwikiPostmortemMarkdown } from './xwiki-postmortem.js';
import { isPdfText, pdfTextPostmortemMarkdown } from './pdf-text-postmortem.js';
import { obsidianMarkdown } from './obsidian-markdown.js';
import { notebookPostmortemMarkdown } from './notebook-postmortem.js';
import { enexNotesMarkdown } from './enex-postmortem.js';
import { notionPageMarkdown } from './notion-api-postmortem.js';
import { sharePointPageMarkdown } from './sharepoint-page-postmortem.js';
import { youtrackDocumentsMarkdown } from './youtrack-postmortem.js';
import { isWord2003Xml, isWordFlatOpc, word2003PostmortemMarkdown, wordFlatOpcPostmortemMarkdown } from './word2003-postmortem.js';

/** The extensions a postmortem may have, as the error for another one lists them. */
export const POSTMORTEM_EXTENSIONS = ['.md', '.markdown', '.eml', '.mht', '.mhtml', '.txt', '.html', '.htm', '.adoc', '.asciidoc', '.asc', '.rst', '.org', '.wiki', '.mediawiki', '.xml', '.tex', '.ltx', '.textile', '.json', '.rtf', '.fodt', '.ipynb', '.enex', '.mdx', '.dxl', '.yaml', '.yml', '.typ'] as const;

/** A message's header block: `Name: value` lines (a folded line starts with a space) up to a blank line. */
const HEADER_BLOCK = /^(?:[A-Za-z][A-Za-z0-9-]*:[^\n]*\n(?:[ \t][^\n]*\n)*)+\r?\n/;

/**
 * A postmortem file as the Markdown the postmortem reader takes, by its extension: Markdown as it
 * is (Obsidian's callouts as sections, wikilinks as their text), an email (`.eml`, or a `.txt` that starts with a message's `From:`/`Subject:` headers, as a
 * mail client saves one), plain text, an exported HTML page or a Confluence page in its storage
 * format (`.xml`), AsciiDoc, reStructuredText, Org mode, MediaWiki markup, Textile, LaTeX, or a postmortem tool's JSON export. Undefined for another
 * extension.
 */
export async function postmortemMarkdown(text: string, ext: string): Promise<string | undefined> {
  switch (ext) {
    case '.dxl':
      // a Lotus Notes / Domino note exported as DXL
      return dxlPostmortemMarkdown(text);
    case '.mdx':
      // Docusaurus' Markdown with JSX: its components' facts and action items as Markdown
      return obsidianMarkdown(mdxPostmortemMarkdown(text));
    case '.md':
    case '.markdown':
      // Obsidian's callouts and wikilinks as plain Markdown
      return obsidianMarkdown(text);
    case '.eml':
      return emailPostmortemMarkdown(text);
    case '.mht':
    case '.mhtml':
      // Word's "Single File Web Page": the page's HTML in a MIME message
      return webArchivePostmortemMarkdown(text);
    case '.txt':
      // DokuWiki keeps its page sources as .txt; `pdftotext -layout` writes a PDF's pages as one
      if (isSavedEmail(text)) return emailPostmortemMarkdown(text);
      if (isPdfText(text)) return pdfTextPostmortemMarkdown(text);
      return isDokuWikiPage(text) ? dokuwikiPostmortemMarkdown(text) : plainTextPostmortemMarkdown(text);
    case '.html':
    case '.htm':
      return htmlPostmortemMarkdown(text);
    case '.adoc':
    case '.asciidoc':
    case '.asc':
      return asciidocPostmortemMarkdown(text);
    case '.rst':
      return rstPostmortemMarkdown(text);
    case '.org':
      return orgPostmortemMarkdown(text);
    case '.wiki':
    case '.mediawiki':
      return mediawikiPostmortemMarkdown(text);
    case '.tex':
    case '.ltx':
      return latexPostmortemMarkdown(text);
    case '.json':
      // a wiki's rich-text document (Outline's ProseMirror JSON): the first; see postmortemDocuments
      // a Google Doc as the Docs API returns it (`body.content[]` of paragraphs and tables)
      // a Notion page as the Notion API returns it (page properties and blocks)
      // a SharePoint modern page as its REST API returns it (the canvas in `CanvasContent1`)
      // a Google Slides deck as the Slides API returns it (slides, tables, speaker notes)
      // a Slack export's day file of an incident channel (the pinned write-up)
      // a Roam Research graph's JSON export: its first postmortem page; see postmortemDocuments
      // a Discourse topic as `/t/{id}.json` returns it (the first post's cooked HTML)
      // a YouTrack issue or article as its REST API returns it (the first; see postmortemDocuments)
      return (
        youtrackDocumentsMarkdown(text)?.[0] ??
        richTextDocumentsMarkdown(text)?.[0] ??
        roamGraphMarkdown(text)?.[0] ??
        discourseTopicMarkdown(text) ??
        notionPageMarkdown(text) ??
        sharePointPageMarkdown(text) ??
        googleDocMarkdown(text) ??
        googleSlidesMarkdown(text) ??
        slackExportPostmortemMarkdown(text) ??
        jsonPostmortemMarkdown(text)
      );
    case '.yaml':
    case '.yml':
      // a postmortem kept as code in YAML (title, summary, root_cause, lessons, action_items)
      return yamlPostmortemMarkdown(text);
    case '.textile':
      return textilePostmortemMarkdown(text);
    case '.typ':
      // Typst source (a docs pipeline builds it to PDF/HTML)
      return typstPostmortemMarkdown(text);
    case '.rtf':
      return rtfPostmortemMarkdown(text);
    case '.fodt':
      return isOpenDocumentText(text) ? odtPostmortemMarkdown(text) : undefined;
    case '.ipynb':
      return notebookPostmortemMarkdown(text);
    case '.enex':
      // an Evernote export: the first note; see postmortemDocuments
      return enexNotesMarkdown(text)?.[0];
    case '.xml':
      // Confluence's storage format is XHTML with its own `ac:` elements; an OpenDocument text's
      // content.xml is a page too; other XML is no postmortem
      if (isOpenDocumentText(text)) return odtPostmortemMarkdown(text);
      // Word's own XML ("Save as XML Document", WordprocessingML 2003)
      if (isWord2003Xml(text)) return word2003PostmortemMarkdown(text);
      // Word's "Word XML Document" (flat OPC: the .docx's parts in one `pkg:package`)
      if (isWordFlatOpc(text)) return wordFlatOpcPostmortemMarkdown(text);
      // a MediaWiki export (Special:Export): the first page's latest revision; see postmortemDocuments
      if (isMediaWikiExport(text)) return mediawikiExportMarkdown(text)?.[0];
      // an XWiki page as a XAR export holds it
      if (isXWikiDoc(text)) return xwikiPostmortemMarkdown(text);
      return isMarkupPage(text) ? htmlPostmortemMarkdown(text) : undefined;
    default:
      return undefined;
  }
}

/**
 * The postmortems a file holds as Markdown: one for most files (`postmortemMarkdown`), one per
 * document for a wiki's JSON export of rich-text documents (Outline's collection export may hold
 * several). Undefined when the file holds none.
 */
export async function postmortemDocuments(text: string, ext: string): Promise<string[] | undefined> {
  if (ext === '.json') {
    // a YouTrack search may return several issues
    const documents = youtrackDocumentsMarkdown(text) ?? richTextDocumentsMarkdown(text) ?? roamGraphMarkdown(text);
    if (documents !== undefined) return documents;
  }
  // a MediaWiki export may hold several pages
  if (ext === '.xml' && isMediaWikiExport(text)) return mediawikiExportMarkdown(text);
  // an Evernote export holds several notes
  if (ext === '.enex') return enexNotesMarkdown(text);
  const markdown = await postmortemMarkdown(text, ext);
  return markdown === undefined ? undefined : [markdown];
}

function isSavedEmail(text: string): boolean {
  const header = HEADER_BLOCK.exec(text.replace(/\r\n?/g, '\n'))?.[0] ?? '';
  return /^(?:from|subject):/im.test(header);
}

/** XML that is a page: Confluence storage elements or the headings and paragraphs of XHTML. */
function isMarkupPage(text: string): boolean {
  return /<ac:[a-z-]+[\s>]|<(?:h[1-6]|p)[\s>]/i.test(text);
}
