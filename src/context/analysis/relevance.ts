import type { Incident } from '../incidents/incident-schema.js';
import { componentIdentifiers, componentInterfaces, componentRecords, writtenIdentifiers } from '../manifold/component-interfaces.js';
import type { Manifold, ManifoldTerm } from '../manifold/manifold-schema.js';
import { parseDate } from '../text/dates.js';
import { affirmedSentences, happenedSentences } from '../text/negation.js';
import { TermIndex } from '../text/term-index.js';
import { contentStems, stemAll } from '../text/tokenize.js';
import { contextVocabulary, synonymsOf, type ContextVocabulary } from '../vocabulary/context-vocabulary.js';
import type { Specificity } from './term-specificity.js';
import { showsFailureMode } from './failure-modes.js';

/** Score at or above which an incident counts as "high relevance" (documented in docs/context.md). */
export const HIGH_RELEVANCE_THRESHOLD = 0.6;

/**
 * Weight of each dimension in the relevance score; they add up to 1. Generic failure words
 * ("timed out", "stuck"), which every component shares, do not count inside error types
 * (`GENERIC_ERROR_TYPE_SHARE`), so the component's own terms decide.
 */
export const RELEVANCE_WEIGHTS = { entities: 0.35, systems: 0.25, errorTypes: 0.25, recency: 0.15 } as const;

/**
 * Without a system named, the entities stand in for the component at this share: an incident
 * about the component's data and interfaces that names no service still counts.
 */
export const ENTITIES_FOR_SYSTEM = 0.6;

/**
 * An error type made only of generic failure words counts at this share: it says something failed,
 * not that this component did (an incident of another service "timed out" and got "stuck" too).
 */
export const GENERIC_ERROR_TYPE_SHARE = 0;

/**
 * A provider the component calls (a manifold system whose name shares no word with the manifold's
 * own name: `tollgate` beside `renewal-worker`) serves other services too; an incident that names
 * only providers counts on systems at this share. Naming the component itself counts in full.
 */
export const PROVIDER_ONLY_SHARE = 0.5;

/**
 * Matched terms count against at most this many terms of a dimension, so an incident that hits
 * three of a manifold's eight entities still scores full marks on entities.
 */
export const TERMS_FOR_FULL_MARKS = 3;

/**
 * Words that may stand between two words of a manifold phrase: "refill reminder texts" names
 * `refill text`, "duplicate insurer claims" names `duplicate claim`.
 */
export const PHRASE_GAP = 1;

/** The analysis window: records dated from `start` to `now` inclusive are in scope. */
export interface TimeWindow {
  start: Date;
  now: Date;
}

/** Which manifold terms a record mentions. */
export interface MatchedTerms {
  entities: string[];
  systems: string[];
  errorTypes: string[];
}

/** An incident's relevance to the manifold. */
export interface Relevance {
  /** 0–1, two decimals. */
  score: number;
  /** 0–1: 1 for today, 0 at the start of the timeframe. */
  recency: number;
  matched: MatchedTerms;
  /** `score >= threshold`. */
  high: boolean;
  /** Why it scored so, one line per dimension ("systems: dispatch-service (0.40 of 0.40)"). */
  reasons: string[];
}

/** All text of an incident, one segment per field, for term and phrase lookups. */
export function incidentSegments(incident: Incident): string[] {
  return [
    incident.title,
    ...incident.description,
    incident.rootCause,
    ...incident.contributingFactors,
    ...incident.timeline,
    incident.resolution?.immediate ?? '',
    incident.resolution?.permanent ?? '',
    incident.customerImpact ?? '',
    incident.detection ?? '',
    ...incident.systems,
    ...incident.tags,
  ].filter((s) => s.length > 0);
}

/**
 * Names of the `terms` whose name, any alias, or any synonym of those (context vocabulary) occurs
 * in `index`, in manifold order.
 */
export function matchTerms(index: TermIndex, terms: readonly ManifoldTerm[], together = false): string[] {
  return terms.filter((t) => mentions(index, t, together)).map((t) => t.name);
}

/**
 * True when `index` names `term`: its name, an alias or a synonym, a word or two apart at most
 * (`PHRASE_GAP`); with `together`, also the words of a phrase anywhere in one sentence of it; or
 * one of its fields (`ManifoldTerm.fields`) as written.
 */
export function mentions(index: TermIndex, term: ManifoldTerm, together = false): boolean {
  return (
    term.phrases.some((p) => synonymsOf(p).some((w) => index.has(w, PHRASE_GAP) || (together && index.hasTogether(w)))) ||
    (term.fields ?? []).some((f) => index.has(f, 0))
  );
}

/** True when every phrase of `term` is made of generic failure words only ("timed out", "stuck"). */
export function isGenericTerm(term: ManifoldTerm, vocabulary: ContextVocabulary = contextVocabulary()): boolean {
  const generic = new Set(vocabulary.generic_failure_words.flatMap(stemAll));
  return term.phrases.every((p) => stemAll(p).every((w) => generic.has(w)));
}

/**
 * Which manifold terms `index` mentions; error types in `failures` when given (the text with
 * negated clauses removed: "no duplicate claims" is no duplicate claim).
 */
export function matchManifoldTerms(index: TermIndex, manifold: Manifold, failures: TermIndex = index, together = false): MatchedTerms {
  return {
    entities: matchTerms(index, manifold.entities, together),
    systems: matchTerms(index, manifold.systems),
    errorTypes: matchTerms(failures, manifold.errorTypes, together),
  };
}

/**
 * An incident's text as relevance reads it: `scope`, its sentences without those that rule the
 * component out ("auto-refill claims were not affected"), and `failures`, those without negated
 * clauses too ("no duplicate claims were found").
 */
export function relevanceIndexes(incident: Incident): { scope: TermIndex; failures: TermIndex } {
  const segments = incidentSegments(incident);
  return { scope: new TermIndex(affirmedSentences(segments)), failures: new TermIndex(happenedSentences(segments)) };
}

/** True when `date` falls inside the window. */
export function inWindow(date: string, window: TimeWindow): boolean {
  const d = parseDate(date);
  return d !== undefined && d.getTime() >= window.start.getTime() && d.getTime() <= window.now.getTime();
}

/**
 * Score an incident's relevance to the manifold:
 *
 *   score = 0.35·E + 0.25·S + 0.25·X + 0.15·R
 *
 * E and X are the shares of the entities and error types it mentions
 * (matched / min(total, 3), capped at 1), an error type made only of generic failure words
 * not counting, a broken manifold constraint (`constraintsBroken`) counting as one and a failure
 * mode of the manifold the incident shows (`failureModesShown`) as one more; S is 1
 * when it names the component itself (see `componentSystems`), 0.5 when it names only providers
 * the component calls, else 0.6·E (its entities stand in for the component); R is recency, 1 − age / timeframe. A dimension the manifold leaves empty is
 * dropped and the other weights scaled up. An incident whose own services are all ones the manifold
 * says own what the component does not do (`routedElsewhere`) is not high relevance, whatever it
 * scores, unless it is about the component's own records (`componentClaim`: it names the
 * component's tables, or shows a failure of that service the manifold lists as the component's). Terms are matched on stemmed words as phrases, with
 * their aliases and the synonyms of the context vocabulary; an incident's explicit `systems`,
 * `tags` and `error_types` count as text. `reasons` says what each dimension contributed.
 *
 * @param threshold - score for "high relevance" (default `HIGH_RELEVANCE_THRESHOLD`)
 */
export function scoreIncidentRelevance(
  incident: Incident,
  manifold: Manifold,
  window: TimeWindow,
  threshold: number = HIGH_RELEVANCE_THRESHOLD,
  constraintsBroken: readonly string[] = [],
  specificity: ReadonlyMap<string, Specificity> = new Map(),
  failureModesShown: readonly string[] = [],
): Relevance {
  const { scope, failures } = relevanceIndexes(incident);
  // An incident's text is written by the team in sentences of its own: a term's words said in one
  // sentence name it ("took another room out of the allotment"); a ticket's few words do not.
  const matched = matchManifoldTerms(scope, manifold, failures, true);
  const weight = (name: string): number => specificity.get(name)?.weight ?? 1;
  const shown = (name: string): string => {
    const s = specificity.get(name);
    return s && s.weight < 1 ? `${name} (company-wide: ${s.incidents} of ${s.total} incidents, counts ${s.weight.toFixed(2)})` : name;
  };
  const date = parseDate(incident.date) ?? window.now;
  const span = window.now.getTime() - window.start.getTime();
  const recency = span > 0 ? clamp01(1 - (window.now.getTime() - date.getTime()) / span) : 1;
  const share = (hits: number, total: number): number => Math.min(1, hits / Math.min(total, TERMS_FOR_FULL_MARKS));
  const own = componentSystems(manifold);
  // Naming one of the component's own interfaces ("Refill now") is naming the component.
  const interfaces = manifold.systems.length > 0 ? componentInterfaces(manifold, own).filter((name) => scope.has(name)) : [];
  // Telling what happened to the component's own records ("recorded each 422 as FAILED in
  // notices_sent") is telling of the component, whichever service the incident was filed under.
  const written = affirmedSentences(incidentSegments(incident)).join('\n');
  const records = manifold.systems.length > 0 ? componentRecords(manifold, own).filter((name) => new RegExp(`(?<![\\p{L}\\p{N}_])${name}(?![\\p{L}\\p{N}_])`, 'u').test(written)) : [];
  const routed = manifold.systems.length > 0 && records.length === 0 && routedElsewhere(incident, manifold, own);
  // filed against a service that is not the component's, but about the component's own records
  const claim = routed ? componentClaim(incident, manifold, own) : undefined;
  const elsewhere = routed && claim === undefined;
  // The component is named after the thing it handles (`standing-orders`, `standing order`): an
  // incident that names the component by another of its names ("payment-orders", "the 06:00
  // cycle") speaks of that thing, whatever it calls it.
  const eponym = eponymousEntity(manifold);
  if (eponym && !elsewhere && interfaces.length > 0 && !matched.entities.includes(eponym)) matched.entities.push(eponym);
  const entityShare = manifold.entities.length > 0 ? share(matched.entities.reduce((n, e) => n + weight(e), 0), manifold.entities.length) : 0;
  // Breaking one of the manifold's own constraints is a failure of this component however it is
  // worded, so it counts as one error type; so does showing one of the failure modes the team lists
  // for the component ("refund jobs retried for 2 hours and then parked" beside FM4's "retry for 2
  // hours, then park"), which may name none of its error types.
  const errorHits =
    manifold.errorTypes.filter((t) => matched.errorTypes.includes(t.name)).reduce((n, t) => n + (isGenericTerm(t) ? GENERIC_ERROR_TYPE_SHARE : weight(t.name)), 0) +
    (constraintsBroken.length > 0 ? 1 : 0) +
    (failureModesShown.length > 0 ? 1 : 0);
  const parts: { name: string; weight: number; value: number; why: string }[] = [];
  if (manifold.systems.length > 0) {
    const named = matched.systems.length > 0;
    const component = matched.systems.some((s) => own.has(s)) || interfaces.length > 0 || records.length > 0 || claim !== undefined;
    const names = [
      ...matched.systems,
      ...interfaces.map((name) => `"${name}" (an interface of the component)`),
      ...records.map((name) => `${name} (records of the component)`),
      ...(claim ? [claim] : []),
    ].join(', ');
    parts.push({
      name: 'systems',
      weight: RELEVANCE_WEIGHTS.systems,
      value: elsewhere ? 0 : component ? 1 : named ? PROVIDER_ONLY_SHARE : ENTITIES_FOR_SYSTEM * entityShare,
      why: elsewhere
        ? `impacted ${incident.systems.join(', ')}, which the manifold says own what the component is not responsible for`
        : component
          ? names
          : named
            ? `${names} (provider only)`
            : 'none named (entities stand in)',
    });
  }
  if (manifold.entities.length > 0) {
    parts.push({ name: 'entities', weight: RELEVANCE_WEIGHTS.entities, value: entityShare, why: matched.entities.map(shown).join(', ') || 'none' });
  }
  if (manifold.errorTypes.length > 0) {
    const generic = manifold.errorTypes.filter((t) => matched.errorTypes.includes(t.name) && isGenericTerm(t)).map((t) => t.name);
    const named = matched.errorTypes.map((n) => (generic.includes(n) ? `${n} (generic, not counted)` : shown(n)));
    const why =
      [...named, ...(constraintsBroken.length > 0 ? [`breaks ${constraintsBroken.join(', ')}`] : []), ...(failureModesShown.length > 0 ? [`shows ${failureModesShown.join(', ')}`] : [])].join(', ') || 'none';
    parts.push({ name: 'error types', weight: RELEVANCE_WEIGHTS.errorTypes, value: share(errorHits, manifold.errorTypes.length), why });
  }
  parts.push({ name: 'recency', weight: RELEVANCE_WEIGHTS.recency, value: recency, why: incident.date });
  const totalWeight = parts.reduce((s, p) => s + p.weight, 0);
  const score = round2(parts.reduce((s, p) => s + p.weight * p.value, 0) / totalWeight);
  const reasons = parts.map((p) => `${p.name}: ${p.why} (${(p.weight * p.value / totalWeight).toFixed(2)} of ${(p.weight / totalWeight).toFixed(2)})`);
  // the record names the services that caused it and the manifold says they own what the
  // component does not do: the words it shares with the component are that service's incident's
  if (elsewhere && score >= threshold) reasons.push(`not high relevance: ${incident.systems.join(', ')} caused it, which the manifold says is not the component's`);
  return { score, recency: round2(recency), matched, high: score >= threshold && !elsewhere, reasons };
}

/**
 * The manifold systems that are the component itself: those whose name shares a word with the
 * manifold's name (`renewal-worker` in `renewal-worker`, `dispatch-service` in `courier-dispatch`).
 * The name, not its note: `meridian-cis (billing ledger, bills, accounts)` is not `bill-autopay`.
 * When none does, every system counts as the component.
 */
export function componentSystems(manifold: Manifold): Set<string> {
  const own = new Set(contentStems(manifold.name));
  const owned = ownedSystems(manifold);
  const component = manifold.systems.filter((t) => owned.has(t.name) || contentStems(t.phrases[0] ?? t.name).some((s) => own.has(s))).map((t) => t.name);
  return new Set(component.length > 0 ? component : manifold.systems.map((t) => t.name));
}

/**
 * The systems the manifold lists with the component's own owner (`owner: lince` at the top and on
 * `arras`, `devol`): the team says they are its own, whatever they are called. Empty when the
 * manifold names no owner.
 */
function ownedSystems(manifold: Manifold): Set<string> {
  const data = manifold.data as Record<string, unknown>;
  const owner = typeof data.owner === 'string' ? data.owner.trim().toLowerCase() : undefined;
  if (!owner) return new Set();
  const written = Array.isArray(data.systems) ? data.systems : [];
  return new Set(
    written.flatMap((s) => {
      if (s === null || typeof s !== 'object') return [];
      const { name, owner: of } = s as Record<string, unknown>;
      return typeof name === 'string' && typeof of === 'string' && of.trim().toLowerCase() === owner ? [name.trim()] : [];
    }),
  );
}

/** The entity the component is named after (`standing order` of `standing-orders`), if one is. */
export function eponymousEntity(manifold: Manifold): string | undefined {
  const name = new Set(contentStems(manifold.name));
  return manifold.entities.find((e) => {
    const stems = contentStems(e.phrases[0] ?? e.name);
    return stems.length > 0 && stems.every((s) => name.has(s)) && stems.length === name.size;
  })?.name;
}

/**
 * True when every service an incident names as impacted (its own `systems`, not its prose; the
 * providers the component calls left aside) is one the manifold's `not_responsible_for` names as
 * owning what the component does not do, and none is the component: an incident of the billing run that mentions Auto Pay to say nobody was charged
 * is the billing run's.
 */
export function routedElsewhere(incident: Incident, manifold: Manifold, own: ReadonlySet<string> = componentSystems(manifold)): boolean {
  if (incident.systems.length === 0) return false;
  const notOurs = manifold.data.not_responsible_for.map((item) => (typeof item === 'object' ? Object.values(item).join(' ') : String(item)));
  if (notOurs.length === 0) return false;
  const component = manifold.systems.filter((t) => own.has(t.name));
  const routed = new TermIndex(notOurs);
  // A provider the component calls serves every service of the company: naming it says nothing of whose incident it is.
  const providers = providerTerms(manifold);
  const services = incident.systems.filter((system) => matchTerms(new TermIndex([system]), providers).length === 0);
  return (
    services.length > 0 &&
    services.every((system) => {
      const name = system.replace(/\s*\([^()]*\)\s*$/, '').trim();
      return name.length > 0 && matchTerms(new TermIndex([system]), component).length === 0 && routed.has(name);
    })
  );
}

/**
 * Why an incident filed against services the manifold says are not the component's (see
 * `routedElsewhere`) is still about the component, or undefined when nothing says so:
 * - it writes one of the component's own code names (`componentIdentifiers`: a table of its own
 *   database, `void_credits_parked`) as code in what happened: another service's incident has no
 *   reason to name the component's tables;
 * - or it shows a failure mode the manifold lists for the service it was filed against ("monedero
 *   refuses debits or credits", "Heraldo rejects or drops notices": its scenario names the service,
 *   and the incident covers the scenario with its mitigation, see `showsFailureMode`): the team
 *   lists that failure of the other service as one the component must handle.
 */
export function componentClaim(incident: Incident, manifold: Manifold, own: ReadonlySet<string> = componentSystems(manifold)): string | undefined {
  const happened = happenedSentences(incidentSegments(incident)).join('\n');
  const ids = writtenIdentifiers(happened, componentIdentifiers(manifold, own));
  if (ids.length > 0) return `${ids.map((id) => `"${id}"`).join(', ')} (data of the component)`;
  if (incident.systems.length === 0) return undefined;
  const stems = new Set(incidentSegments(incident).flatMap((text) => contentStems(text)));
  const generic = new Set([...manifold.entities, ...manifold.systems].flatMap((t) => t.phrases.flatMap((p) => contentStems(p))));
  const services = incident.systems.map((system) => system.replace(/\s*\([^()]*\)\s*$/, '').trim()).filter((name) => name.length > 0);
  const mode = manifold.failureModes.find(
    (fm) => services.some((name) => new TermIndex([fm.scenario]).has(name)) && showsFailureMode(stems, `${fm.scenario} ${fm.mitigation ?? ''}`, generic),
  );
  return mode ? `shows ${mode.id}, a failure of ${services.join(', ')} the manifold lists as the component's` : undefined;
}

/** The manifold's systems that are its `providers:` (services of other companies the component calls). */
export function providerTerms(manifold: Manifold): ManifoldTerm[] {
  const names = new Set(manifold.data.providers.map((p) => (typeof p === 'string' ? p : p.name)));
  return manifold.systems.filter((t) => names.has(t.name));
}

/** Number of distinct manifold terms matched. */
export function termCount(m: MatchedTerms): number {
  return m.entities.length + m.systems.length + m.errorTypes.length;
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

/** Round to two decimals (half away from zero), the precision reports use. */
export function round2(x: number): number {
  return Math.round(x * 100 + Number.EPSILON * Math.sign(x)) / 100;
}
