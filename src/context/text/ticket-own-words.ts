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
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
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
