/** Where a quoted earlier message starts: "On Fri, … wrote:", "-----Original Message-----", "From: …" after a rule. */
export const QUOTE_START: readonly RegExp[] = [/^On .{4,200}\bwrote:\s*$/, /^-{2,}\s*Original Message\s*-{2,}\s*$/i, /^_{5,}\s*$/, /^-{2,}\s*Forwarded message\s*-{2,}\s*$/i];

/**
 * A message's text without its signature: what follows the `-- ` line (RFC 3676's signature
 * separator; a mail client that trims lines writes it as `--`), the sender's name, company and
 * legal footer.
 */
export function withoutSignature(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const separator = lines.findIndex((l) => l === '-- ' || l === '--');
  return separator < 0 ? text : lines.slice(0, separator).join('\n').trimEnd();
}
