/**
 * Word-level text processing shared by relevance scoring, signal matching, constraint linking and
 * ticket clustering. Everything here works on plain text (already extracted from YAML, CSV or a
 * Markdown AST), never on raw Markdown.
 */

/**
 * Words too common to say anything about a failure. Modal verbs are included so that
 * "must include an idempotency key" and "idempotency key required" compare on their content.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again all also am an and any are as at be been before being below between both but by ' +
    'can could did do does doing done down during each either else ever every few for from further get gets got ' +
    'had has have having he her here hers him his how i if in into is it its itself just let me more most my ' +
    'need needs no nor not now of off on once only or other our ours out over own same shall she should so some ' +
    'such than that the their theirs them then there these they this those through to too under until up upon ' +
    'us very via was we were what when where which while who whom why will with within without would you your ' +
    'yours must may might always never required require requires ensure ensures because please hi hello thanks ' +
    'thank regards dear team still yet one two ago today yesterday during since made make makes making'
  ).split(' '),
);

/** Lower-cased words and numbers of `text`, in order (`"504s"` stays one token). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** True when `word` carries no content on its own (articles, pronouns, modal verbs…). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * A light, deterministic suffix stemmer: enough to make `retries`, `retried` and `retrying` meet
 * `retry`, and `duplicate`, `duplicates` and `duplicated` meet each other. It strips one of
 * `ies/ied` (to `y`), `ing`, `ed`, `es`, `s`, then a final `e`, keeping at least three letters.
 * Words of three letters or fewer and numbers are returned unchanged.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /^\p{N}+$/u.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') || w.endsWith('ied')) {
    w = `${w.slice(0, -3)}y`;
  } else if (w.endsWith('ing') && w.length - 3 >= 3) {
    w = undouble(w.slice(0, -3));
  } else if (w.endsWith('ed') && w.length - 2 >= 3) {
    w = undouble(w.slice(0, -2));
  } else if (w.endsWith('es') && w.length - 2 >= 3 && !w.endsWith('ses')) {
    w = w.slice(0, -2);
  } else if (w.endsWith('ses') && w.length - 2 >= 4) {
    w = w.slice(0, -2);
  } else if (w.endsWith('s') && !/(ss|us|is)$/.test(w) && w.length - 1 >= 3) {
    w = w.slice(0, -1);
  }
  if (w.endsWith('e') && w.length - 1 >= 3) w = w.slice(0, -1);
  return w;
}

/** `stopp` → `stop`, `plann` → `plan`; keeps `ll`/`ss`/`zz` (`fill`, `pass`). */
function undouble(w: string): string {
  const last = w.at(-1);
  if (w.length >= 4 && last !== undefined && last === w.at(-2) && !'lsz'.includes(last)) return w.slice(0, -1);
  return w;
}

/** Stems of every token of `text`, stopwords included (phrase matching needs them in place). */
export function stemAll(text: string): string[] {
  return tokenize(text).map(stem);
}

/** Stems of the content words of `text`: stopwords and one-letter tokens dropped. */
export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.length > 1 && !isStopword(t))
    .map(stem);
}
