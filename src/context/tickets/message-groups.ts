import { isPlain } from '../record-fields.js';

type Plain = Record<string, unknown>;

/**
 * A help desk's ticket export whose tickets carry their conversation as message groups (LiveAgent's
 * API v3 as an export writes it: `{ tags: [{ id, name }], tickets: [{ id, subject, owner_contactid,
 * tags: [ids], messages: [{ type, userid, messages: [{ type, userid, message }] }] }] }`) as plain
 * ticket records:
 * - the ticket's text is what its owner wrote: the body messages (type `M`) by the ticket's owner
 *   (`owner_contactid`), not an email's headers (`H`), the quoted reply under it (`Q`), a bot's or an
 *   agent's message, or a system line; a ticket whose owner wrote nothing (a phone call) reads as
 *   the agents' notes about it (type `N`);
 * - tag ids as the tag names the export lists (`tags: [{ id, name }]`).
 * Every other field is kept. Any other data is returned unchanged.
 */
export function messageGroupTickets(data: unknown): unknown {
  if (!isPlain(data) || !Array.isArray(data.tickets) || data.tickets.length === 0 || !data.tickets.every(hasMessageGroups)) return data;
  const tagNames = new Map<string, string>();
  for (const tag of Array.isArray(data.tags) ? data.tags.filter(isPlain) : []) {
    if (tag.id !== undefined && typeof tag.name === 'string') tagNames.set(String(tag.id), tag.name);
  }
  const tickets = (data.tickets as Plain[]).map((ticket) => {
    const { messages: groups, ...rest } = ticket;
    const owner = ticket.owner_contactid ?? ticket.ownerid ?? ticket.contactid;
    const inner = (groups as Plain[]).flatMap((g) => (Array.isArray(g.messages) ? g.messages.filter(isPlain) : []));
    const text = (m: Plain): string => (typeof m.message === 'string' ? m.message.trim() : '');
    const own = inner.filter((m) => m.type === 'M' && owner !== undefined && m.userid === owner).map(text);
    const notes = inner.filter((m) => m.type === 'N').map(text);
    const body = [own, notes].map((list) => list.filter((t) => t.length > 0)).find((list) => list.length > 0) ?? [];
    const tags = Array.isArray(ticket.tags) ? ticket.tags.map((t) => tagNames.get(String(t)) ?? t) : ticket.tags;
    return { ...rest, ...(tags === undefined ? {} : { tags }), body: body.join('\n\n') };
  });
  return { ...data, tickets };
}

function hasMessageGroups(ticket: unknown): boolean {
  return (
    isPlain(ticket) &&
    Array.isArray(ticket.messages) &&
    ticket.messages.length > 0 &&
    ticket.messages.every((g) => isPlain(g) && typeof g.type === 'string' && Array.isArray(g.messages))
  );
}
