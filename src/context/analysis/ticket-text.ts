import { ticketConcepts } from '../text/ticket-concepts.js';
import { isStopword } from '../text/tokenize.js';
import { ticketOwnWords } from '../text/ticket-own-words.js';
import type { Ticket } from '../tickets/ticket-schema.js';
import { canonicalSynonyms, contextVocabulary, type ContextVocabulary } from '../vocabulary/context-vocabulary.js';

/** What a ticket is clustered on: its text and the ideas it expresses. */
export interface TicketClusteringInput {
  text: string;
  concepts: string[];
}

/**
 * What a ticket is clustered on: its subject twice (a subject names the problem; a placeholder
 * such as "(no subject)" names nothing) and what the customer wrote (`ticketOwnWords`: no quoted
 * reply, greeting or signature), with synonyms written as one word; and the ideas that text
 * expresses (`ticketConcepts`), as terms of their own, leaving out the notices it quotes
 * (`withoutQuotedNotices`).
 */
export function ticketClusteringInput(ticket: Ticket, vocabulary: ContextVocabulary = contextVocabulary(), placeholders: ReadonlySet<string> = new Set()): TicketClusteringInput {
  const title = isPlaceholderSubject(ticket.title, vocabulary) || isNumberedSubject(ticket.title) || placeholders.has(subjectKey(ticket.title)) || placeholders.has(subjectTemplate(ticket.title) ?? '') ? '' : ticket.title;
  const own = ticketOwnWords(ticket.body, vocabulary);
  return { text: canonicalSynonyms(`${title}\n${title}\n${own}`, vocabulary), concepts: ticketConcepts(withoutQuotedNotices(`${title}\n${own}`), vocabulary) };
}

/** A message of three words or more in double quotes, on one line ("“Your payment didn't go through”"). */
const QUOTED_NOTICE = /["“„«][^"“”„«»\n]*?[^\s"“”„«»][^\S\n]+[^\s"“”„«»]+[^\S\n]+[^\s"“”„«»][^"“”„«»\n]*?["”»]/gu;

/**
 * `text` without the messages it quotes (`QUOTED_NOTICE`). A customer quotes what the company
 * sent ("the same \"Your payment didn't go through\" message over and over", "got \"payment
 * failed\" but the bank shows it paid"): the quote's words are the company's, so the ideas they
 * name (a payment, a failure) are not the customer's complaint. Read with them, a ticket about
 * repeated texts says `charge` like one about a double charge, and the two causes meet in one
 * cluster. The quote's words stay in the ticket's text: they still tell which notice it was.
 */
export function withoutQuotedNotices(text: string): string {
  return text.replace(QUOTED_NOTICE, ' ');
}

/** "(no subject)", "Untitled": a subject line that is only a mail client's placeholder. */
export function isPlaceholderSubject(title: string, vocabulary: ContextVocabulary = contextVocabulary()): boolean {
  const words = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return vocabulary.ticket_boilerplate.placeholder_subjects.includes(words);
}

/** A subject as compared between tickets: lower case, numbers (order ids) blanked. */
export function subjectKey(title: string): string {
  return title.trim().toLowerCase().replace(/\d+/g, '#');
}

/**
 * The fixed part of a subject a help desk makes from a label and a value ("Web form: Booking",
 * "Web form: Contact us", "Facebook: Lukas Nilsen", "Call - Tom Davies", "Chat with Nia"): the
 * label before a colon or a dash, up to three words, or before a name alone.
 * A group of subjects by it is judged like one subject shared by many tickets
 * (`placeholderSubjects`). Undefined for a subject of another shape ("Re:" is a reply's, not a label).
 */
export function subjectTemplate(title: string): string | undefined {
  const labelled = /^\s*([\p{L}][\p{L} &]{0,30}?)\s*(?::|\s[-–—])\s*\S/u.exec(title)?.[1]?.toLowerCase();
  // "Chat with Nia", "Call from Tom Davies": a channel's label and who was on it, a name and nothing more
  const withName = /^\s*(\p{L}+(?:\s\p{L}+)?\s(?:with|from))\s+\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?\s*$/u.exec(title)?.[1]?.toLowerCase();
  const label = labelled ?? withName;
  if (label === undefined || label.split(/\s+/).length > 3 || /^(?:re|fw|fwd|aw|sv|vs)$/.test(label)) return undefined;
  return `${label}: …`;
}

/**
 * A subject a system wrote around a number ("Call inbound 2026-04-06", "SMS from +47 412 55 019",
 * "Order #12345", "Inbound call from +44 7133024025"): four digits or more and at most two words
 * besides, function words not counted, none of them the problem.
 */
export function isNumberedSubject(title: string): boolean {
  // a date, a phone number or an id: four digits or more ("Question 3" is a customer's)
  if ((title.match(/\d/g) ?? []).length < 4) return false;
  const words = (title.toLowerCase().replace(/\d+/g, ' ').match(/\p{L}+/gu) ?? []).filter((w) => !isStopword(w));
  return words.length <= 2;
}

/** A word this long or longer may be a misspelling of a more frequent one. */
export const MIN_TYPO_WORD_LENGTH = 6;
/** A dropped or added letter is a slip in words this long or longer. */
export const MIN_TYPO_DROP_LENGTH = 8;
/** The word it is read as is used this many times more often in the corpus (and this many times at least). */
export const TYPO_FREQUENCY_RATIO = 3;

/**
 * Misspellings in a corpus of tickets, each mapped to the word it stands for: a word of
 * `MIN_TYPO_WORD_LENGTH` letters or more one slip (`oneSlip`: two neighbours swapped, a letter
 * dropped or added in a long word) away from a word the tickets use `TYPO_FREQUENCY_RATIO` times as often
 * ("reservaton", "confirmaton", "cahnge" beside "reservation", "confirmation", "change"). People
 * type tickets in a hurry; the slip should not set a ticket apart from the others that say the same.
 * Ties: the more frequent word, then the first in alphabetical order. Lower case.
 */
export function corpusMisspellings(texts: readonly string[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byLength = new Map<number, string[]>();
  for (const w of counts.keys()) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
  const out = new Map<string, string>();
  for (const [w, n] of counts) {
    if (w.length < MIN_TYPO_WORD_LENGTH) continue;
    let best: string | undefined;
    for (const len of [w.length - 1, w.length, w.length + 1]) {
      for (const c of byLength.get(len) ?? []) {
        const m = counts.get(c) ?? 0;
        if (m < n * TYPO_FREQUENCY_RATIO || m < TYPO_FREQUENCY_RATIO || !oneSlip(w, c)) continue;
        const b = best === undefined ? 0 : (counts.get(best) ?? 0);
        if (best === undefined || m > b || (m === b && c < best)) best = c;
      }
    }
    if (best !== undefined) out.set(w, best);
  }
  return out;
}

/**
 * True when `a` and `b` differ by two swapped neighbours or, both of `MIN_TYPO_DROP_LENGTH` letters
 * or more, one letter dropped or added. A changed letter is no slip: it makes other words too
 * ("charge" / "change", "booking" / "looking").
 */
export function oneSlip(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i += 1) if (a[i] !== b[i]) diff.push(i);
    const [i, j] = diff as [number, number];
    return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1 || short.length < MIN_TYPO_DROP_LENGTH) return false;
  // an ending is a word's form, not a slip ("emails", "changed")
  if (long.startsWith(short)) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  return short.slice(i) === long.slice(i + 1);
}

/** `text` with each misspelt word written as the word it stands for. */
export function respell(text: string, misspellings: ReadonlyMap<string, string>): string {
  if (misspellings.size === 0) return text;
  return text.replace(/\p{L}+/gu, (w) => misspellings.get(w.toLowerCase()) ?? w);
}

