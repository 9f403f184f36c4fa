import { contextVocabulary, type ContextVocabulary } from '../vocabulary/context-vocabulary.js';
import { QUOTE_START } from './quoted-reply.js';

/** A signature block is at most this many lines after its sign-off. */
const MAX_SIGNATURE_LINES = 4;

/**
 * What the customer wrote in a ticket's body, as a person reading it for its cause would take it:
 * the quoted earlier message of a reply ("On Mon, Guest Care <care@…> wrote: > Thank you for
 * contacting…"), the signature (from a sign-off line or a `--` rule near the end: the name,
 * company and phone under it) and a greeting line of its own ("Hello team,", "To whom it may
 * concern,") left out. Those words are shared by tickets about anything, so they would join
 * unrelated tickets and name clusters after a mail footer. Greetings and sign-offs are vocabulary
 * (`ticket_boilerplate` in rules/context/vocabulary.yaml).
 */
export function ticketOwnWords(body: string, vocabulary: ContextVocabulary = contextVocabulary()): string {
  const lines: string[] = [];
  const framed = customerTurns(withoutFormHeader(withoutIntroLine(withoutWikiMacros(body.replace(/\r\n?/g, '\n')).split('\n'))), vocabulary);
  for (const line of framed) {
    if (QUOTE_START.some((re) => re.test(line.trim()))) break;
    if (/^\s*>/.test(line)) continue;
    lines.push(line);
  }
  const { greetings, sign_offs: signOffs } = vocabulary.ticket_boilerplate;
  const words = (line: string): string => line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  // a boilerplate phrase alone on its line, or followed by a name or two ("Thank you, Noah", "Hi Dosewell team")
  const opens = (line: string, phrases: readonly string[]): boolean => {
    const w = words(line);
    return phrases.some((p) => (w === p || w.startsWith(`${p} `)) && w.split(' ').length <= p.split(' ').length + 2);
  };
  const content = lines.map((l) => l.trim());
  let signature = -1;
  for (let i = 0; i < content.length; i += 1) {
    const line = content[i] ?? '';
    const after = content.slice(i + 1).filter((l) => l.length > 0).length;
    if (after <= MAX_SIGNATURE_LINES && (/^-{2,3}$/.test(line) || opens(line, signOffs))) {
      signature = i;
      break;
    }
  }
  if (signature >= 0) content.splice(signature);
  const first = content.findIndex((l) => l.length > 0);
  if (first >= 0 && opens(content[first] ?? '', greetings)) content.splice(first, 1);
  return content.join('\n').trim();
}

/**
 * A web form's field line: a short label (up to four words) and its value on the same line. The
 * label may be a question ("What is this about?: Payments & refunds"); see `QUESTION_PICK_WORDS`.
 */
const FORM_FIELD = /^\s*([\p{Lu}][\p{L}\p{N} #/&.'()-]{0,40}?\??)\s*:[ \t]*(.*)$/u;
/**
 * A question label's answer of at most this many words is an option picked from a list ("Payments
 * & refunds", "Something else"); a longer one is the customer's message ("How can we help?: I was
 * paid twice this week"), which ends the header.
 */
const QUESTION_PICK_WORDS = 4;
/** A form's header has at least this many field lines. */
const MIN_FORM_FIELDS = 3;
/** A field value longer than this many words is something the customer wrote, not a form entry. */
const MAX_FIELD_VALUE_WORDS = 12;

/**
 * A web form's header left out: the field lines a contact form puts above the message
 * ("Account number: 3004-…", "Service address: …", "Name: …", "Topic: Billing", "Message:"), at
 * least `MIN_FORM_FIELDS` of them at the top (blank lines between allowed). Their labels are
 * shared by every ticket that came through the form and their values (names, addresses,
 * account numbers, a category) say nothing of the problem; a long value is kept (the form's
 * message written on its label's line), and so is the last field's when nothing follows the
 * header, as is everything after the header.
 */
export function withoutFormHeader(lines: readonly string[]): string[] {
  const fields: number[] = [];
  let i = 0;
  for (; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const m = FORM_FIELD.exec(line);
    if (!m || (m[1] ?? '').trim().split(/\s+/).length > 4 || /^\s*\[?\d/.test(line)) break;
    if ((m[1] ?? '').endsWith('?') && (m[2] ?? '').trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length > QUESTION_PICK_WORDS) break;
    fields.push(i);
  }
  if (fields.length < MIN_FORM_FIELDS) return [...lines];
  const value = (f: number): string => (FORM_FIELD.exec(lines[f] ?? '')?.[2] ?? '').trim();
  // With nothing under the header, its last field holds the message ("Tell us what happened: …").
  const last = i >= lines.length ? fields.at(-1) : undefined;
  const kept = fields.filter((f) => f === last || value(f).split(/\s+/).length > MAX_FIELD_VALUE_WORDS).map(value);
  return [...kept, ...lines.slice(i)];
}

/**
 * A first line that only introduces the message ("Facebook message from Linda J.:", "Customer
 * wrote:"): short, ending in a colon, with the message under it. Left out, since every ticket of
 * that channel opens with it.
 */
export function withoutIntroLine(lines: readonly string[]): string[] {
  const first = lines.findIndex((l) => l.trim() !== '');
  const line = (lines[first] ?? '').trim();
  if (first < 0 || !line.endsWith(':') || line.split(/\s+/).length > 8 || FORM_FIELD.test(lines[first + 1] ?? '')) return [...lines];
  if (!lines.slice(first + 1).some((l) => l.trim() !== '')) return [...lines];
  return lines.slice(first + 1);
}

/**
 * The block markers of Jira's and Confluence's wiki markup (`{panel:title=Call note}` … `{panel}`,
 * `{noformat}`, `{quote}`, `{code:java}`, `{color:red}`): a help desk wraps a phone note or a chat
 * transcript in them, so they are in every such ticket and say nothing of its cause.
 */
const WIKI_MACRO = /\{(?:panel|noformat|quote|code|color|expand|info|note|warning|tip)(?::[^{}\n]*)?\}/gi;

/** A label in wiki bold, as a help desk's form writes its fields in Jira: `*Account ending:* 5882`. */
const BOLD_LABEL = /^(\s*)\*([^*\n]{1,40}?:)\*/;

/**
 * A checklist line of an agent's note: a short label and a yes/no answer ("ID&V passed: Y",
 * "Vulnerable: No"). Every note of the desk carries it, and it says nothing of the cause.
 */
const CHECK_LINE = /^\s*[\p{L}][\p{L}\p{N}&/ ()'-]{0,30}:\s*(?:y|n|yes|no|true|false|✓|✔|✗|x)\s*$/iu;

/**
 * `text` without its wiki markup's block markers (`WIKI_MACRO`; a line left empty by them goes
 * too), with field labels out of wiki bold, and without checklist lines (`CHECK_LINE`).
 */
export function withoutWikiMacros(text: string): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (CHECK_LINE.test(line)) return [];
      const kept = line.replace(WIKI_MACRO, '').replace(BOLD_LABEL, '$1$2');
      return kept === line || kept.trim().length > 0 ? [kept] : [];
    })
    .join('\n');
}

/**
 * A chat transcript's turn: "[14:33] Speaker: text", the time optional in brackets or not, and a
 * date before it in the brackets ("[19/Oct/26 8:37 PM] Farah: …", "[2026-10-19 20:37] …").
 */
const TURN = /^\s*\[?\s*(?:\d{1,4}[/.-](?:\d{1,2}|\p{L}{3,9})[/.-]\d{2,4},?\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*\]?\s+([^:\n]{1,40}?)\s*:\s?(.*)$/iu;
/** A turn written with its speaker in brackets and no time: "[Skarva bot] Hi! I'm Skarvi." */
const BRACKETED_TURN = /^\s*\[([^\]\d\n][^\]\n]{0,39})\]\s+(.*)$/u;

/**
 * The customer's lines of a chat transcript (two or more timed turns, "[20:41] Chatbot: Hi! How
 * can we help today?", "[20:41] Linda: my autopay went through twice", or turns of bracketed
 * speakers, "[Skarva bot] Hi!", "[Bjørn] my refund came twice"): the company's turns and
 * the lines above the first turn (a "Chat transcript" header) left out. A speaker speaks for the
 * company when its label holds a word of `transcript_company_speakers` (a bot, an agent) or a
 * bracketed note ("Jess (CVU)"), or is the name such a note gives the company ("Kiteline" beside
 * "Daniel Okafor (Kiteline)"); when none does, the one who spoke first greeted for the company.
 * The first other speaker is the customer; anyone after is a colleague who joined.
 * A text that is no transcript comes back unchanged.
 */
export function customerTurns(lines: readonly string[], vocabulary: ContextVocabulary = contextVocabulary()): string[] {
  const turns = lines.map((l) => TURN.exec(l) ?? BRACKETED_TURN.exec(l));
  const speakers = turns.flatMap((m) => (m ? [(m[1] ?? '').trim()] : []));
  if (speakers.length < 2) return [...lines];
  const companyWords = vocabulary.ticket_boilerplate.transcript_company_speakers.map((w) => w.toLowerCase());
  const words = (s: string): string => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  // an agent's bracketed note names the company ("Daniel Okafor (Kiteline)"): a speaker called by
  // that name alone is the company's own bot or greeting ("Kiteline: Hi! You're chatting with …")
  const notes = new Set(speakers.flatMap((s) => [...s.matchAll(/[([]([^)\]]{1,30})[)\]]/gu)].map((m) => words(m[1] ?? ''))));
  const isCompany = (speaker: string): boolean => /[([]/.test(speaker) || notes.has(words(speaker)) || companyWords.some((w) => words(speaker).includes(` ${w} `));
  const company = new Set(speakers.filter(isCompany));
  if (company.size === 0) company.add(speakers[0] as string);
  if (speakers.every((s) => company.has(s))) return [...lines];
  // A chat has one customer, the first to answer the company; a colleague who joins later
  // ("Mark: thanks for waiting, I'm looking into this") speaks for the company too.
  const customer = speakers.find((s) => !company.has(s));
  for (const s of speakers) if (s !== customer) company.add(s);
  const out: string[] = [];
  let speaking: string | undefined;
  lines.forEach((line, i) => {
    const m = turns[i];
    if (m) {
      speaking = (m[1] ?? '').trim();
      if (!company.has(speaking)) out.push(m[2] ?? '');
    } else if (speaking !== undefined && !company.has(speaking)) out.push(line);
  });
  return out;
}
