import { ticketConcepts } from '../text/ticket-concepts.js';
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
 * expresses (`ticketConcepts`), as terms of their own.
 */
export function ticketClusteringInput(ticket: Ticket, vocabulary: ContextVocabulary = contextVocabulary(), placeholders: ReadonlySet<string> = new Set()): TicketClusteringInput {
  const title = isPlaceholderSubject(ticket.title, vocabulary) || placeholders.has(subjectKey(ticket.title)) ? '' : ticket.title;
  const own = ticketOwnWords(ticket.body, vocabulary);
  return { text: canonicalSynonyms(`${title}\n${title}\n${own}`, vocabulary), concepts: ticketConcepts(`${title}\n${own}`, vocabulary) };
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
