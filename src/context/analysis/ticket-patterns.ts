import type { CatalogueEntry } from '../catalogue/anti-pattern-catalogue.js';
import type { Manifold, ManifoldTerm } from '../manifold/manifold-schema.js';
import { DAYS_PER_MONTH, formatDay, monthsSpanned, parseDate } from '../text/dates.js';
import { contextVocabulary } from '../vocabulary/context-vocabulary.js';
import { TermIndex } from '../text/term-index.js';
import type { Ticket } from '../tickets/ticket-schema.js';
import { matchAntiPatterns } from './anti-pattern-matching.js';
import { linkConstraints } from './constraint-links.js';
import type { AnalyzedIncident } from './incident-analysis.js';
import { genericStems } from './failure-modes.js';
import { componentSystems, inWindow, isGenericTerm, matchManifoldTerms, providerTerms, type TimeWindow } from './relevance.js';
import { stemSet } from './tfidf.js';
import { burstStart, clusterTickets, dayOf, DEFAULT_CLUSTERING, isCorpusPlaceholder, placeholderSubjects, type ClusteringOptions, type TicketCluster } from './ticket-clustering.js';
import { contentStems } from '../text/tokenize.js';

/** A cluster is relevant when its tickets mention, on average, this many characteristic manifold terms. */
export const CLUSTER_MIN_TERMS = 0.75;

/** Share of a cluster's tickets that must use a problem word (context vocabulary `problem_words`). */
export const CLUSTER_MIN_COMPLAINT_SHARE = 0.5;

/** A manifold term found in more than this share of all tickets is not characteristic of any cluster. */
export const MAX_TICKET_SHARE_OF_A_TERM = 0.7;

/** A pattern's anti-pattern needs this share of its tickets (and at least 2) to show the signals. */
export const PATTERN_ANTI_PATTERN_SHARE = 0.25;

/** A recurring support issue. */
export interface TicketPattern {
  /** The title most tickets of the pattern share (ties: the most central ticket's). */
  label: string;
  tickets: Ticket[];
  keyTerms: string[];
  firstSeen: string;
  lastSeen: string;
  /** Whole months from first to last ticket (at least 1). */
  months: number;
  /** Tickets per month over that span, one decimal. */
  perMonth: number;
  constraintsAffected: string[];
  /** Catalogue anti-patterns a quarter or more of the tickets show. */
  antiPatterns: CatalogueEntry[];
}

/** Tickets sorted out by scope, with their patterns. */
export interface TicketAnalysis {
  read: number;
  /** Tickets created inside the timeframe. */
  scanned: number;
  /** Scanned tickets in a relevant cluster. */
  relevant: number;
  patterns: TicketPattern[];
}

/**
 * Cluster the tickets inside the window by content (see `clusterTickets`), keep the clusters
 * whose tickets mention the manifold (judged per cluster: `CLUSTER_MIN_TERMS`, `MAX_TICKET_SHARE_OF_A_TERM`), and describe each
 * as a pattern linked to constraints and anti-patterns.
 */
export function analyzeTickets(
  tickets: readonly Ticket[],
  manifold: Manifold,
  window: TimeWindow,
  catalogue: readonly CatalogueEntry[],
  clustering: Partial<ClusteringOptions> = {},
  incidents: readonly AnalyzedIncident[] = [],
): TicketAnalysis {
  const scanned = tickets.filter((t) => inWindow(t.createdAt, window));
  const generic = genericStems(manifold);
  const indexes = new Map<Ticket, TermIndex>();
  const termsOf = new Map<Ticket, string[]>();
  const ticketsWith = new Map<string, number>();
  for (const t of scanned) {
    const index = new TermIndex([t.title, t.body, ...t.tags]);
    indexes.set(t, index);
    const m = matchManifoldTerms(index, manifold);
    const terms = [...m.entities, ...m.systems, ...m.errorTypes];
    termsOf.set(t, terms);
    for (const term of terms) ticketsWith.set(term, (ticketsWith.get(term) ?? 0) + 1);
  }
  // A term most tickets carry ("claim" at an insurer) tells one cluster from another no better
  // than a stopword, so it does not make a cluster relevant.
  const characteristic = (term: string): boolean => (ticketsWith.get(term) ?? 0) <= scanned.length * MAX_TICKET_SHARE_OF_A_TERM;
  // Cluster on the tickets' own text first, then judge each cluster as a whole: on average its
  // tickets must mention `CLUSTER_MIN_TERMS` characteristic manifold terms. A ticket that words the
  // problem differently still counts with its cluster.
  // A cluster must also be a complaint: most of its tickets say something went wrong.
  const problemWords = contextVocabulary().problem_words;
  const complains = (t: Ticket): boolean => problemWords.some((w) => indexes.get(t)?.has(w) === true);
  // Or the cluster's own most characteristic words spell a manifold term: "older" and "status"
  // among its key terms name the error type "older status" even where few tickets write the
  // phrase. An error type is a failure, so a cluster that spells one is a complaint however politely
  // its tickets put it ("shows under review although your portal says approved").
  const own = (terms: readonly ManifoldTerm[]): ManifoldTerm[] => terms.filter((t) => characteristic(t.name) && !isGenericTerm(t));
  // A provider the component calls (a carrier, a payment processor) serves the company's other
  // services too: a cluster that spells only its name ("Transvela weight surcharge charged twice")
  // may be any of theirs, as an incident naming only providers counts half (`PROVIDER_ONLY_SHARE`).
  const providers = new Set(providerTerms(manifold).map((t) => t.name));
  const ownTerms = own([...manifold.entities, ...manifold.systems.filter((t) => !providers.has(t.name))]);
  const ownErrors = own(manifold.errorTypes);
  const spells = (c: TicketCluster, terms: readonly ManifoldTerm[]): boolean => {
    const keys = new Set(c.keyTerms.flatMap((k) => contentStems(k)));
    return terms.some((t) => t.phrases.some((p) => contentStems(p).every((w) => keys.has(w)) && contentStems(p).length > 0));
  };
  const echo = echoOfIncidents(incidents, manifold);
  const clusters = clusterTickets(scanned, clustering).filter((c) => {
    const echoed = echo(c);
    const mentions = c.tickets.reduce((n, t) => n + (termsOf.get(t) ?? []).filter(characteristic).length, 0) / c.tickets.length >= CLUSTER_MIN_TERMS;
    // After an incident that names the component but was judged out of scope for want of the
    // manifold's other words, a cluster is the component's only when it names the component
    // itself: characteristic manifold terms in its tickets and one of its entities or systems
    // spelled by its key words (ticket-checkout's "no tickets in the app", 1.8 terms a ticket).
    if (echoed === 'other' || (echoed === 'after own' && !(mentions && spells(c, ownTerms)))) return false;
    if (spells(c, ownErrors)) return true;
    // Customers seldom use the manifold's words; a cluster whose burst followed one of the
    // component's own incidents ("charged twice … refund" after "debited twice … refunded") is about it.
    return (mentions || spells(c, ownTerms) || echoed === 'relevant') && c.tickets.filter(complains).length >= c.tickets.length * CLUSTER_MIN_COMPLAINT_SHARE;
  });
  const relevant = clusters.flatMap((c) => c.tickets);
  const placeholders = placeholderSubjects(scanned, { ...DEFAULT_CLUSTERING, ...clustering });
  const patterns = clusters.map((cluster): TicketPattern => {
    const dates = cluster.tickets.map((t) => parseDate(t.createdAt)?.getTime() ?? 0).sort((a, b) => a - b);
    const first = new Date(dates[0] ?? 0);
    const last = new Date(dates.at(-1) ?? 0);
    const months = monthsSpanned(first, last);
    const spanDays = Math.max(DAYS_PER_MONTH, (last.getTime() - first.getTime()) / 86_400_000);
    const label = commonestTitle(cluster.tickets, placeholders);
    const sample = [label, ...cluster.keyTerms, ...cluster.tickets.slice(1, 5).map((t) => t.title)];
    const keyIndex = new TermIndex(sample);
    const stems = stemSet(sample.join(' '));
    const needed = Math.max(2, Math.ceil(cluster.tickets.length * PATTERN_ANTI_PATTERN_SHARE));
    const antiPatterns = catalogue.filter(
      (entry) => cluster.tickets.filter((t) => matchAntiPatterns(indexes.get(t) ?? new TermIndex([]), [entry]).length > 0).length >= needed,
    );
    return {
      label,
      tickets: cluster.tickets,
      keyTerms: cluster.keyTerms,
      firstSeen: formatDay(first),
      lastSeen: formatDay(last),
      months,
      perMonth: Math.round((cluster.tickets.length / (spanDays / DAYS_PER_MONTH)) * 10) / 10,
      constraintsAffected: linkConstraints(keyIndex, stems, manifold.constraints, generic),
      antiPatterns,
    };
  });
  return { read: tickets.length, scanned: scanned.length, relevant: relevant.length, patterns };
}

/** A burst that shares only the manifold's words with the incidents of its days follows one sharing this many. */
export const ECHO_MIN_SHARED = 2;

/** An incident this many days either side of a cluster's burst is the one the burst followed. */
export const BURST_INCIDENT_DAYS = 3;

/**
 * Which incidents a cluster echoes on the support side. `other` when its common words (in half its
 * tickets or more, leaving out the manifold's own terms and generic failure words) are shared, two
 * or more, with an incident judged not relevant, more than with any relevant one ("American Express
 * declined at checkout in the shop" beside the checkout incident that only named the payment
 * provider). Else, when its tickets came in a burst (`burstStart`) that began within
 * `BURST_INCIDENT_DAYS` of an incident sharing a word with them, that incident's verdict: customers
 * write in the days after a failure, in their own words ("charged twice … refund" after "members
 * debited twice for co-pays"). Else undefined. An incident judged not relevant that names the
 * component's own system (`componentSystems`: ticket-checkout's INC-213, "H2S", the component by
 * its glossary) lacked the manifold's other words, not the component: `after own`, and the
 * cluster is judged on its own words.
 */
function echoOfIncidents(incidents: readonly AnalyzedIncident[], manifold: Manifold): (c: TicketCluster) => 'relevant' | 'other' | 'after own' | undefined {
  const relevant = incidents.filter((a) => a.relevance.high);
  const others = incidents.filter((a) => !a.relevance.high);
  const failureWords = new Set(contextVocabulary().generic_failure_words.flatMap((w) => contentStems(w)));
  const own = componentSystems(manifold);
  const verdict = (a: AnalyzedIncident): 'relevant' | 'other' | 'after own' =>
    a.relevance.high ? 'relevant' : a.relevance.matched.systems.some((s) => own.has(s)) ? 'after own' : 'other';
  const skip = new Set([...genericStems(manifold), ...manifold.errorTypes.flatMap((t) => t.phrases.flatMap((p) => contentStems(p))), ...failureWords]);
  return (c) => {
    const counts = new Map<string, number>();
    for (const t of c.tickets) for (const stem of new Set(contentStems(`${t.title} ${t.body}`))) counts.set(stem, (counts.get(stem) ?? 0) + 1);
    const words = (least: number): string[] => [...counts].filter(([stem, n]) => n >= least && !skip.has(stem)).map(([stem]) => stem);
    const shared = (list: readonly string[]) => (a: AnalyzedIncident): number => list.filter((stem) => a.stems.has(stem)).length;
    const inHalf = words(c.tickets.length / 2);
    const withRelevant = Math.max(0, ...relevant.map(shared(inHalf)));
    if (others.some((a) => shared(inHalf)(a) >= 2 && shared(inHalf)(a) > withRelevant)) return 'other';
    const start = burstStart(c.tickets.map((t) => dayOf(t.createdAt)));
    if (start === undefined) return undefined;
    const common = words(2);
    const followed = incidents
      .filter((a) => Math.abs(dayOf(a.incident.date) - start) <= BURST_INCIDENT_DAYS && shared(common)(a) > 0)
      .sort((a, b) => shared(common)(b) - shared(common)(a));
    const [first] = followed;
    if (first) return verdict(first);
    // Every word the burst shares with the incidents of its days is the manifold's own ("portal",
    // "payment"): the one of them that shares `ECHO_MIN_SHARED` such words or more, more than any
    // other, is still the one the burst followed.
    const named = [...counts].filter(([stem, n]) => n >= 2 && !failureWords.has(stem)).map(([stem]) => stem);
    const near = incidents
      .filter((a) => Math.abs(dayOf(a.incident.date) - start) <= BURST_INCIDENT_DAYS)
      .map((a) => ({ a, n: shared(named)(a) }))
      .filter(({ n }) => n >= ECHO_MIN_SHARED)
      .sort((x, y) => y.n - x.n);
    const [top, next] = near;
    if (!top || (next && next.n === top.n)) return undefined;
    return verdict(top.a);
  };
}

/** The most frequent title (case-insensitive) among tickets ordered most central first. */
function commonestTitle(tickets: readonly Ticket[], placeholders: ReadonlySet<string>): string {
  const counts = new Map<string, { title: string; n: number }>();
  // a subject the help desk wrote ("Web form: Booking", "SMS from +47 …") names no problem
  const named = tickets.filter((t) => !isCorpusPlaceholder(t.title, placeholders));
  for (const t of named.length > 0 ? named : tickets) {
    const key = t.title.trim().toLowerCase();
    const entry = counts.get(key);
    if (entry) entry.n += 1;
    else counts.set(key, { title: t.title.trim(), n: 1 });
  }
  let best = { title: '', n: 0 };
  for (const entry of counts.values()) if (entry.n > best.n) best = entry;
  return best.title;
}

/** Up to `n` tickets with distinct titles, most central first. */
export function distinctSamples(tickets: readonly Ticket[], n: number): Ticket[] {
  const seen = new Set<string>();
  const out: Ticket[] = [];
  for (const t of tickets) {
    const key = t.title.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
    if (out.length === n) break;
  }
  return out;
}
