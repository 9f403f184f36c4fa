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
