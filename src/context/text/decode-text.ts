/**
 * The text of a file as its author's tool wrote it. Exports are UTF-8 nowadays, but Word's "Save as
 * Web Page", older mail clients and Excel on Windows still write windows-1252, which read as UTF-8
 * turns every smart quote into U+FFFD. So: a byte order mark decides; else bytes that are valid
 * UTF-8 are UTF-8; else the charset the file declares (`<meta … charset=windows-1252>`, an XML
 * `encoding="…"`, a MIME `charset=`); else windows-1252, the encoding such files almost always have.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const declared = declaredCharset(bytes);
    return declared === undefined || WINDOWS_1252_LABELS.has(declared.toLowerCase()) ? windows1252(bytes) : new TextDecoder(declared).decode(bytes);
  }
}

/** The labels WHATWG reads as windows-1252 (latin1 among them: browsers read it so too). */
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp819']);

/** What bytes 0x80–0x9F are in windows-1252 (smart quotes, dashes, €); the rest is latin1. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Node's TextDecoder reads "windows-1252" as latin1 (0x92 stays a C1 control), so it is decoded here. */
function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

/** The charset a file declares near its top, when the runtime knows it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = /\b(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)/i.exec(head)?.[1];
  if (label === undefined || /^utf-?8$/i.test(label)) return undefined;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return undefined;
  }
}

/**
 * Text that was decoded as windows-1252 by Node's TextDecoder (which reads it as latin1, as a MIME
 * library's charset decoding does), made right: a C1 control (U+0080–U+009F, which no text holds)
 * becomes the windows-1252 character its byte is (`’`, `–`, `€`).
 */
export function c1AsWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}
