/**
 * A chat ticket whose subject only names its channel ("Chat transcript - Cathal", channel Chat) is
 * titled by its first sentence: the first sentence the customer wrote, not the transcript's header
 * (points-redemption's Zoho Desk export: "Chat transcript / Visitor: … / Started: … · Page: https://…"),
 * which every transcript of the desk opens with and which made eleven chats of eight causes one cluster.
 */
import { describe, expect, it } from 'vitest';
import { parseTicketsDocument } from '../../src/context/index.js';

const transcript = (customer: string): string =>
  [
    '<div><b>Chat transcript</b></div><div>Visitor: Claire Gallagher (claire.gallagher@yahoo.ie)</div>',
    '<div>Started: 03 Apr 2026 05:32 PM · Page: https://tally.ie/app/rewards</div><div><br></div>',
    "<div>[17:32] Tally Assistant: Hi 👋 I'm Tally's assistant. What can I help you with today?</div>",
    `<div>[17:33] Claire: ${customer}</div>`,
    "<div>[17:36] Tally Assistant: Thanks! I'm passing you to someone from Member Care now.</div>",
    '<div>[17:37] Mark Doyle joined the chat</div>',
    '<div>[17:37] Mark Doyle: Hi Claire, thanks for waiting. Let me have a look at your account for you.</div>',
  ].join('');

describe('the title of a chat transcript without a subject of its own', () => {
  const [chat, mail] = parseTicketsDocument(
    JSON.stringify([
      { id: 'C1', title: 'Chat transcript - Claire', channel: 'Chat', body: transcript('the reward i got yesterday shows twice in my history.'), created_at: '2026-04-03' },
      { id: 'M1', title: '', body: 'Chat transcript of yesterday attached. Points gone twice.', created_at: '2026-04-03' },
    ]),
    't.json',
  );

  it("is the customer's first sentence, not the transcript's header or the bot's greeting", () => {
    expect(chat?.title).toBe('the reward i got yesterday shows twice in my history.');
  });

  it('is the first sentence of a body that is no transcript, as before', () => {
    expect(mail?.title).toBe('Chat transcript of yesterday attached.');
  });
});
