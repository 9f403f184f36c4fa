import { z } from 'zod';
import { parseDate, readTimestamp } from '../text/dates.js';
import { plainText } from '../text/plain-text.js';
import { customerTurns } from '../text/ticket-own-words.js';

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

/**
 * One support ticket: `id`, `title` (else the body's first sentence), optional `body` (HTML read as
 * its text), `created_at` (date, ISO date-time or Unix seconds/milliseconds) and optional `tags` (a
 * list, or one string split on `;`, `,` or `|`). Unknown keys are ignored.
 */
export const TicketSchema = z
  .looseObject({
    id: text.pipe(z.string().min(1, 'is required')),
    title: text.default(''),
    body: text.default('').transform(plainText),
    created_at: text.transform(readTimestamp).refine((d) => parseDate(d) !== undefined, { message: 'is not a valid date (use YYYY-MM-DD, ISO 8601 or Unix seconds)' }),
    tags: z
      .union([z.array(text), text])
      .transform((v) => (Array.isArray(v) ? v : v.split(/[;,|]/)).map((t) => t.trim()).filter((t) => t.length > 0))
      .default([]),
    /** The channel the ticket came in by (`facebook`, `instagram-direct-message`, `email`). */
    channel: text.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.title.length === 0 && t.body.length === 0) ctx.addIssue({ code: 'custom', path: ['title'], message: 'is required (a ticket needs a title or a body)' });
  })
  // A chat conversation has no subject: its first sentence stands for one, as for a subject that
  // only names the channel the help desk got the ticket by ("Facebook comment", "Instagram DM").
  // Of a chat transcript, the first sentence the customer wrote (`customerTurns`), not the
  // transcript's header ("Chat transcript / Visitor: … / Started: … · Page: https://…") or the
  // bot's greeting: those open every transcript of the channel and would make them one cluster.
  .transform((t) => {
    const title = namesChannel(t.title, t.channel) ? '' : t.title;
    return { id: t.id, title: title || firstSentence(customerTurns(t.body.split('\n')).join('\n')) || firstSentence(t.body), body: t.body, createdAt: t.created_at, tags: t.tags };
  });

/**
 * True when a subject is the help desk's name for the ticket's channel: it opens with the channel's
 * first word ("Facebook comment" of `facebook`, "Instagram DM" of `instagram-direct-message`) and
 * says at most two words besides.
 */
function namesChannel(title: string, channel: string | undefined): boolean {
  const name = channel?.toLowerCase().match(/\p{L}+/u)?.[0];
  if (!name || name.length < 3) return false;
  const words = title.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words[0] === name && words.length <= 3 && !['email', 'mail'].includes(name);
}

function firstSentence(text: string): string {
  // a short word with a period at the very start is an abbreviation ("Pac. llama: …", an agent's
  // shorthand for the patient; "Sr. Vidal …"), not a sentence of its own
  const sentence = /^\s*(?:\p{L}{1,4}\.\s+)?[\s\S]*?[.!?](?=\s|$)/u.exec(text)?.[0] ?? text;
  return sentence.length > 120 ? `${sentence.slice(0, 117).trimEnd()}…` : sentence.trim();
}

/** A support ticket as read from a source file. */
export interface Ticket {
  id: string;
  title: string;
  body: string;
  /** As written; validated. */
  createdAt: string;
  tags: string[];
  /** Display path of the file it came from. */
  source: string;
}

/** The ticket fields a CSV column can be mapped to. */
export const TICKET_CSV_FIELDS = ['id', 'title', 'body', 'created_at', 'tags', 'channel'] as const;
