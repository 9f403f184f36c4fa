/** Where a quoted earlier message starts: "On Fri, … wrote:", "-----Original Message-----", "From: …" after a rule. */
export const QUOTE_START: readonly RegExp[] = [/^On .{4,200}\bwrote:\s*$/, /^-{2,}\s*Original Message\s*-{2,}\s*$/i, /^_{5,}\s*$/, /^-{2,}\s*Forwarded message\s*-{2,}\s*$/i];
