import { escapeRegExp } from '../../matchers/names.js';
import type { Manifold } from './manifold-schema.js';

/** A name in double quotes ("Refill now", “action needed”). */
const QUOTED = /["“]([^"“”\n]{2,60})["”]/gu;

/**
 * Names of the component's own interfaces and messages: the phrases its manifold quotes in the
 * description ('handles refills a patient starts from the app ("Refill now")') and in the notes of
 * its own systems (`role: the component (scheduled worker + "Refill now" endpoint)`). An incident
 * that names one is about the component even when it names no service of it.
 *
 * @param own - names of the systems that are the component itself (see `componentSystems`)
 */
export function componentInterfaces(manifold: Manifold, own: ReadonlySet<string>): string[] {
  const notes = manifold.data.systems.flatMap((s) =>
    typeof s === 'object' && own.has(s.name)
      ? Object.entries(s)
          .filter(([key, value]) => key !== 'name' && key !== 'aliases' && typeof value === 'string')
          .map(([, value]) => value as string)
      : [],
  );
  const texts = [manifold.data.description ?? '', ...notes];
  return [...new Set(texts.flatMap((t) => [...t.matchAll(QUOTED)].map((m) => (m[1] ?? '').trim())).filter((q) => q.length > 0))];
}

/** A name written in snake case (`notices_sent`, `charge_attempts`), outside a key template's braces. */
const SNAKE_CASE = /(?<![\p{L}\p{N}_{-])\p{Ll}[\p{Ll}\p{N}]*(?:_[\p{Ll}\p{N}]+)+(?![\p{L}\p{N}_}-])/gu;

/**
 * Names of the component's own records: the snake-case names (its tables, `notices_sent`,
 * `charge_attempts`, and fields) written in the entries of its own systems (`tables: [instalments,
 * charge_attempts, notices_sent]`), not those inside a key template (`rf-{booking_id}`). An
 * incident that tells what happened to those records ("recorded each 422 as FAILED in
 * notices_sent") tells of the component's own work, whichever service it was filed under.
 *
 * @param own - names of the systems that are the component itself (see `componentSystems`)
 */
export function componentRecords(manifold: Manifold, own: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') for (const m of value.matchAll(SNAKE_CASE)) out.add(m[0]);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const s of manifold.data.systems) if (typeof s === 'object' && own.has(s.name)) walk(s);
  return [...out];
}

/** A code name: lower-case words joined by `_` (`void_credits_parked`, `envio_confirmado`). */
const CODE_NAME = /(?<![\p{L}\p{N}_{.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\p{L}\p{N}_}-])/gu;

/**
 * The component's own code names: the identifiers (`snake_case`) the manifold writes in the fields
 * of the component's own systems (`tables: [purchase_attempts, void_credits_parked]`, a worker's
 * note), not inside a reference's template braces (`vd-{label_id}` is the shape of a reference).
 *
 * @param own - names of the systems that are the component itself (see `componentSystems`)
 */
export function componentIdentifiers(manifold: Manifold, own: ReadonlySet<string>): string[] {
  const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : []);
  const systemTexts = manifold.data.systems.flatMap((s) =>
    typeof s === 'object' && own.has(s.name) ? Object.entries(s).filter(([key]) => key !== 'name' && key !== 'aliases').flatMap(([, value]) => strings(value)) : [],
  );
  const found = systemTexts.flatMap((t) => [...t.replace(/\{[^{}]*\}/g, ' ').matchAll(CODE_NAME)].map((m) => m[0]));
  return [...new Set(found)];
}

/**
 * The identifiers of `identifiers` that `text` writes as code: joined by `_` or `-` as a whole word
 * (`envio-confirmado` for `envio_confirmado`), not as the words of a sentence.
 */
export function writtenIdentifiers(text: string, identifiers: readonly string[]): string[] {
  return identifiers.filter((id) => new RegExp(`(?<![\\p{L}\\p{N}_-])${id.split('_').map(escapeRegExp).join('[_-]')}(?![\\p{L}\\p{N}_-])`, 'iu').test(text));
}
