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
