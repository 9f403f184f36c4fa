import { z } from 'zod';
import { parseDate } from '../text/dates.js';

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

/**
 * One support ticket: `id`, `title`, optional `body`, `created_at` (date or ISO date-time) and
 * optional `tags` (a list, or one string split on `;`, `,` or `|`). Unknown keys are ignored.
 */
export const TicketSchema = z
  .looseObject({
    id: text.pipe(z.string().min(1, 'is required')),
    title: text.pipe(z.string().min(1, 'is required')),
    body: text.default(''),
    created_at: text.refine((d) => parseDate(d) !== undefined, { message: 'is not a valid date (use YYYY-MM-DD or ISO 8601)' }),
    tags: z
      .union([z.array(text), text])
      .transform((v) => (Array.isArray(v) ? v : v.split(/[;,|]/)).map((t) => t.trim()).filter((t) => t.length > 0))
      .default([]),
  })
  .transform((t) => ({ id: t.id, title: t.title, body: t.body, createdAt: t.created_at, tags: t.tags }));

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
export const TICKET_CSV_FIELDS = ['id', 'title', 'body', 'created_at', 'tags'] as const;
