import { isPlain } from '../record-fields.js';
import { plainText } from '../text/plain-text.js';
import { withoutSignature } from '../text/quoted-reply.js';

type Plain = Record<string, unknown>;

/** Intercom's author types of the people a conversation is with (a user, a lead, a contact). */
const CONTACT_AUTHORS = new Set(['user', 'lead', 'contact']);

/**
 * An Intercom conversations export (`GET /conversations/{id}` for each conversation a search found,
 * as a dump writes them: `{ admins, teams, conversations: [...] }`, or a list of them) with each
 * conversation's text read as a person reads it. A conversation opens with its `source` (the first
 * message: an email, a chat's first line, a WhatsApp message, or for a phone call the call
 * integration's "Inbound call from …" line, posted by a teammate) and goes on in
 * `conversation_parts.conversation_parts` (comments, internal notes, assignments, closes). Its text
 * (`body`) is what the contact wrote when they came: the source and the comments whose author is the
 * contact (a user or a lead) before a teammate first answered (a chat's text the contact adds while
 * the bot hands over), in order, each without the quoted earlier message an email reply carries or its signature; the
 * bot's (Fin's) and the teammates' messages are not, nor the exchange after the first answer ("ok
 * thanks", "any update?"). A conversation where the contact wrote nothing
 * (a phone call) reads as the teammates' internal notes about it, else as the source. Every other
 * field is kept. Any other data is returned unchanged.
 */
export function intercomConversationTickets(data: unknown): unknown {
  if (Array.isArray(data)) return data.some(isIntercomConversation) ? data.map(withConversationText) : data;
  if (!isPlain(data)) return data;
  const key = Object.keys(data).find((k) => Array.isArray(data[k]) && (data[k] as unknown[]).length > 0 && (data[k] as unknown[]).every(isIntercomConversation));
  return key === undefined ? data : { ...data, [key]: (data[key] as unknown[]).map(withConversationText) };
}

function isIntercomConversation(record: unknown): boolean {
  return isPlain(record) && isPlain(record.source) && isPlain(record.source.author) && (record.type === 'conversation' || isPlain(record.conversation_parts));
}

function withConversationText(record: unknown): unknown {
  if (!isIntercomConversation(record)) return record;
  const conversation = record as Plain;
  const source = conversation.source as Plain;
  const parts = isPlain(conversation.conversation_parts) && Array.isArray(conversation.conversation_parts.conversation_parts) ? conversation.conversation_parts.conversation_parts.filter(isPlain) : [];
  const authorType = (m: Plain): string => (isPlain(m.author) && typeof m.author.type === 'string' ? m.author.type.toLowerCase() : '');
  const text = (m: Plain): string => (typeof m.body === 'string' ? withoutSignature(plainText(m.body)).trim() : '');
  // what the contact wrote before a teammate first answered: the rest is the exchange that followed
  // ("ok thanks", "any update?"), not the problem they came with
  const answered = parts.findIndex((p) => p.part_type === 'comment' && authorType(p) === 'admin');
  const opening = answered < 0 ? parts : parts.slice(0, answered);
  const fromContact = [source, ...opening.filter((p) => p.part_type !== 'note')].filter((m) => CONTACT_AUTHORS.has(authorType(m))).map(text);
  const notes = parts.filter((p) => p.part_type === 'note' && authorType(p) !== 'bot').map(text);
  const body = [fromContact, notes, [text(source)]].map((list) => list.filter((t) => t.length > 0)).find((list) => list.length > 0) ?? [];
  return { ...conversation, body: body.join('\n\n') };
}
