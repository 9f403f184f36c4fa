import { parseDate } from '../text/dates.js';
import type { Ticket } from '../tickets/ticket-schema.js';
import { buildTfIdf, type SparseVector } from './tfidf.js';
import { corpusMisspellings, isNumberedSubject, isPlaceholderSubject, respell, subjectKey, subjectTemplate, ticketClusteringInput } from './ticket-text.js';
import { canonicalSynonyms, contextVocabulary } from '../vocabulary/context-vocabulary.js';
import { isStopword } from '../text/tokenize.js';

/** Tuning of ticket clustering. */
export interface ClusteringOptions {
  /** Cosine similarity a ticket needs with a cluster's centroid to join it (default 0.3). */
  similarity: number;
  /** Cosine similarity two cluster centroids need to be merged into one (default 0.4). */
  mergeSimilarity: number;
  /**
   * The time-blind merge also needs this cosine between the two centroids without the terms more
   * than `burstCommonShare` of all tickets carry (default 0.38): two clusters alike only through
   * what a desk's every ticket says (`charge`, `payment`) besides one shared idea (`twice`) are two
   * causes ("charged twice" beside "the payment-failed text again and again"), not one cause in
   * two vocabularies. Set to 0 to merge on the full centroids alone.
   */
  mergeDistinctSimilarity: number;
  /**
   * Two clusters that arrived in the same burst merge at this lower cosine (default 0.15): one
   * cause worded many ways ("two debits", "took the money again") still arrives in one burst
   * after its incident.
   */
  burstSimilarity: number;
  /**
   * Two clusters that came in the same bursts and whose waves began within `SAME_START_DAYS` of
   * each other merge at this still lower cosine (default 0.075): a cause is told in words so
   * different ("late fee although I'm on autopay", "my payment hasn't been credited") that they
   * share little, but they started on the same day.
   */
  sameStartSimilarity: number;
  /** Share of a cluster's tickets inside one `BURST_WINDOW_DAYS` window that makes a burst (default 0.5). */
  burstShare: number;
  /** Clusters smaller than this are not reported as patterns (default 3). */
  minClusterSize: number;
  /** How many key terms to keep per cluster (default 5). */
  keyTerms: number;
  /**
   * How many times an idea a ticket expresses (`ticketConcepts`) counts as a term of it (default
   * 3, before the sublinear scaling): above a word, since the idea is what tickets worded
   * differently share, but not so far above that two tickets sharing only an idea ("twice") join.
   */
  conceptWeight: number;
  /**
   * A subject line shared by tickets whose texts are on average less alike than this (cosine of a
   * member's text with the others') is a placeholder of the corpus (default 0.15): see
   * `placeholderSubjects`.
   */
  placeholderSimilarity: number;
  /**
   * The burst merge compares two clusters without the terms more than this share of all tickets
   * carry (default 0.5): an idea nearly every ticket of a billing desk says (`charge`) makes any
   * two of its clusters look alike.
   */
  burstCommonShare: number;
  /**
   * A group written at another time whose own words are this like the burst's (cosine, default
   * 0.5) stays with it even when it carries a word of its own (`namesItsOwnThing`): it tells the
   * same cause again, and the word it adds is the occasion ("charged twice for one order" in
   * March for one event and in September for another, the event's name in half the tickets), not
   * another thing. Below it a word of its own still splits the group ("a one-time payment through
   * the portal shows up 2 times" beside "autopay charged me twice", cosine 0.44).
   */
  sameWordsSimilarity: number;
}

/** Defaults for `clusterTickets`; documented in docs/context.md. */
export const DEFAULT_CLUSTERING: ClusteringOptions = {
  similarity: 0.3,
  mergeSimilarity: 0.4,
  mergeDistinctSimilarity: 0.38,
  burstSimilarity: 0.15,
  sameStartSimilarity: 0.075,
  burstShare: 0.5,
  minClusterSize: 3,
  keyTerms: 5,
  conceptWeight: 3,
  placeholderSimilarity: 0.15,
  burstCommonShare: 0.5,
  sameWordsSimilarity: 0.5,
};

/** A burst: this many days holding `burstShare` of a cluster's tickets. */
export const BURST_WINDOW_DAYS = 10;

/** A group of tickets about the same thing. */
export interface TicketCluster {
  /** Members, most central first (ties by ticket id). */
  tickets: Ticket[];
  /** The cluster's most characteristic words, heaviest first. */
  keyTerms: string[];
}

/**
 * Cluster tickets by content similarity.
 *
 * Each ticket is read as a person reads it for its cause (`ticketClusteringInput`): its subject
 * (counted twice; a placeholder subject such as "(no subject)" or "Help" left out) and what the
 * customer wrote (no quoted reply, greeting or signature), synonyms written as one word, plus the
 * ideas it expresses (`ticketConcepts`: "took my money again" and "charged 2x" both say `twice`
 * and `charge`) as terms of their own weighted `conceptWeight`. These become TF-IDF vectors
 * weighted over the tickets' own vocabulary. A leader pass visits the
 * tickets in a fixed order (creation date, then id) and puts each into the cluster whose centroid
 * is most similar, if that cosine reaches `similarity`, else opens a new cluster. A refinement pass
 * then reassigns every ticket to its most similar centroid, which removes most of the order
 * dependence of the leader pass. Finally, clusters of two or more tickets are merged
 * agglomeratively: while the two most similar centroids reach `mergeSimilarity`, they become one
 * (this joins groups that talk about one problem in two vocabularies, such as "stuck in
 * processing" and "pending for days"; not groups alike only through what most tickets say,
 * `mergeDistinctSimilarity`), clusters sharing subject lines merge, clusters that share
 * some words and arrived in the same bursts merge (`mergeCoBursting`, `coBursting`: one cause may
 * bring two waves), and stragglers join the
 * cluster they are most like (`absorbStragglers`). Clusters below `minClusterSize` are dropped. Cost is
 * O(tickets × clusters × words per ticket) plus the merge over the non-singleton clusters; a few
 * thousand tickets take well under a second.
 * The result is deterministic: same tickets in, same clusters out, whatever the input order.
 *
 * @returns clusters, largest first (ties by the id of their most central ticket)
 */
export function clusterTickets(tickets: readonly Ticket[], options: Partial<ClusteringOptions> = {}): TicketCluster[] {
  const opts = { ...DEFAULT_CLUSTERING, ...options };
  const ordered = [...tickets].sort((a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id));
  const placeholders = placeholderSubjects(ordered, opts);
  const raw = ordered.map((t) => ticketClusteringInput(t, contextVocabulary(), placeholders));
  const misspellings = corpusMisspellings(raw.map((i) => i.text));
  const inputs = raw.map((i) => ({ text: respell(i.text, misspellings), concepts: i.concepts }));
  const model = buildTfIdf(
    inputs.map((i) => i.text),
    inputs.map((i) => i.concepts),
    opts.conceptWeight,
  );
  const words = buildTfIdf(inputs.map((i) => i.text));

  // Leader pass.
  const leaders = new CentroidSet();
  for (const vector of model.vectors) {
    if (vector.terms.length === 0) continue;
    const { index, score } = leaders.best(vector);
    if (index >= 0 && score >= opts.similarity) leaders.add(index, vector);
    else leaders.add(leaders.open(), vector);
  }

  // Refinement pass against the frozen leader centroids.
  const assignment = model.vectors.map((v) => {
    if (v.terms.length === 0) return -1;
    const { index, score } = leaders.best(v);
    return score >= opts.similarity ? index : -1;
  });
  const centroids = leaders.centroids.map(() => new Centroid());
  assignment.forEach((c, i) => {
    const v = model.vectors[i];
    if (c >= 0 && v) centroids[c]?.add(v);
  });

  const common = commonTerms(model.vectors, opts.burstCommonShare);
  mergeSimilarCentroids(centroids, assignment, opts.mergeSimilarity, opts.mergeDistinctSimilarity, common);
  mergeBySharedTitles(ordered, centroids, assignment, placeholders);
  mergeCoBursting(ordered, centroids, assignment, opts, common);
  // last: a pair joined on so little must not then look like a third cluster (a second wave of another cause)
  mergeCoBursting(ordered, centroids, assignment, opts, common, true);
  absorbStragglers(ordered, model.vectors, words.vectors, centroids, assignment, opts);
  const split = splitSeparateBursts(ordered, model.vectors, words.vectors, centroids, assignment, opts);
  // a group split off may be part of another cause of its own days ("text said payment failed …
  // bank app says -$84" beside "failed notice but the withdrawal happened")
  if (split.size > 0) mergeCoBursting(ordered, centroids, assignment, opts, common, false, split);

  const clusters: TicketCluster[] = [];
  centroids.forEach((centroid, c) => {
    const members = ordered
      .map((ticket, i) => ({ ticket, i }))
      .filter(({ i }) => assignment[i] === c)
      .map(({ ticket, i }) => ({ ticket, i, score: centroid.cosine(model.vectors[i] as SparseVector) }))
      .sort((a, b) => b.score - a.score || compare(a.ticket.id, b.ticket.id));
    if (members.length < opts.minClusterSize) return;
    clusters.push({
      tickets: members.map((m) => m.ticket),
      // named by what sets it apart: not by a term most of the other tickets carry too (`charge` at a billing desk)
      keyTerms: distinctTerms(centroid.topTerms(opts.keyTerms * 2, commonOutside(model.vectors, members.map((m) => m.i), opts.burstCommonShare)).map((id) => model.words[id] ?? '')).slice(0, opts.keyTerms),
    });
  });
  return clusters.sort((a, b) => b.tickets.length - a.tickets.length || compare(a.tickets[0]?.id ?? '', b.tickets[0]?.id ?? ''));
}

/**
 * Agglomerative pass over clusters with two or more members: repeatedly merge the most similar
 * pair of centroids (ties: lowest indices) while their cosine reaches `threshold`, skipping a pair
 * whose centroids without the `common` terms are less alike than `distinctThreshold`. Merged-away
 * clusters are emptied and their tickets reassigned in `assignment`.
 */
function mergeSimilarCentroids(centroids: Centroid[], assignment: number[], threshold: number, distinctThreshold: number, common: ReadonlySet<number>): void {
  const sizes = new Map<number, number>();
  for (const c of assignment) if (c >= 0) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const alive = [...sizes.entries()].filter(([, n]) => n >= 2).map(([c]) => c).sort((a, b) => a - b);
  const sparse = new Map(alive.map((c) => [c, (centroids[c] as Centroid).toSparse()]));
  const distinct = new Map(alive.map((c) => [c, (centroids[c] as Centroid).toSparse(true, common)]));
  for (;;) {
    let best: [number, number] | undefined;
    let bestScore = threshold - 1e-12;
    for (let i = 0; i < alive.length; i += 1) {
      for (let j = i + 1; j < alive.length; j += 1) {
        const a = alive[i] as number;
        const b = alive[j] as number;
        const score = sparseCosine(sparse.get(a) as SparseVector, sparse.get(b) as SparseVector);
        if (score > bestScore && sparseCosine(distinct.get(a) as SparseVector, distinct.get(b) as SparseVector) >= distinctThreshold) {
          bestScore = score;
          best = [a, b];
        }
      }
    }
    if (!best) return;
    const [keep, drop] = best;
    (centroids[keep] as Centroid).absorb(centroids[drop] as Centroid);
    assignment.forEach((c, i) => {
      if (c === drop) assignment[i] = keep;
    });
    alive.splice(alive.indexOf(drop), 1);
    sparse.delete(drop);
    distinct.delete(drop);
    sparse.set(keep, (centroids[keep] as Centroid).toSparse());
    distinct.set(keep, (centroids[keep] as Centroid).toSparse(true, common));
  }
}

/**
 * Merge clusters that share some words (centroid cosine at least `burstSimilarity`) and arrived in
 * the same bursts (`coBursting`). Customers tell one cause in many ways ("charged
 * twice", "two identical debits", "took the money again"), but they write in the days after it
 * happened; clusters spread evenly over the timeframe have no burst and are left alone. The most
 * similar pair goes first (ties: lowest indices); clusters of two or more take part.
 */
function mergeCoBursting(
  tickets: readonly Ticket[],
  centroids: Centroid[],
  assignment: number[],
  opts: ClusteringOptions,
  common: ReadonlySet<number> = new Set(),
  sameStart = false,
  involving?: ReadonlySet<number>,
): void {
  const distinctive = (c: number): SparseVector => (centroids[c] as Centroid).toSparse(true, common);
  const days = tickets.map((t) => dayOf(t.createdAt));
  const members = new Map<number, number[]>();
  assignment.forEach((c, i) => {
    if (c >= 0) members.set(c, [...(members.get(c) ?? []), i]);
  });
  const daysOf = (c: number): number[] => (members.get(c) ?? []).map((i) => days[i] as number);
  const alive = [...members.keys()].filter((c) => (members.get(c)?.length ?? 0) >= 2).sort((a, b) => a - b);
  const sparse = new Map(alive.map((c) => [c, distinctive(c)]));
  for (;;) {
    let best: [number, number] | undefined;
    let bestScore = (sameStart ? opts.sameStartSimilarity : opts.burstSimilarity) - 1e-12;
    for (let i = 0; i < alive.length; i += 1) {
      const a = alive[i] as number;
      for (let j = i + 1; j < alive.length; j += 1) {
        const b = alive[j] as number;
        const score = sparseCosine(sparse.get(a) as SparseVector, sparse.get(b) as SparseVector);
        if (involving && !involving.has(a) && !involving.has(b)) continue;
        if (score <= bestScore || !coBursting(daysOf(a), daysOf(b), opts.burstShare, involving !== undefined)) continue;
        if (!sameStart || wavesBeganTogether(daysOf(a), daysOf(b))) {
          bestScore = score;
          best = [a, b];
        }
      }
    }
    if (!best) return;
    const [keep, drop] = best;
    (centroids[keep] as Centroid).absorb(centroids[drop] as Centroid);
    assignment.forEach((c, i) => {
      if (c === drop) assignment[i] = keep;
    });
    members.set(keep, [...(members.get(keep) ?? []), ...(members.get(drop) ?? [])]);
    members.delete(drop);
    alive.splice(alive.indexOf(drop), 1);
    sparse.delete(drop);
    sparse.set(keep, distinctive(keep));
  }
}

/** A cluster's tickets come in bursts when at most this many windows of `BURST_WINDOW_DAYS` hold `burstShare` of them. */
export const MAX_BURSTS = 2;

/**
 * True when two clusters came in the same bursts: each comes in bursts (at most `MAX_BURSTS`
 * windows hold `share` of its tickets: one cause can bring two waves, as when a fault comes back)
 * and at least `share` of each one's tickets were written within half a window of a ticket of the
 * other; or the smaller (`MIN_WAVE_TICKETS` or more, at most half the other's size) came inside
 * the other's two `waves` (`share` of its tickets), since a few tickets cannot show both waves of their cause; or,
 * with `amid` (the smaller was split off another cluster, `splitSeparateBursts`), `share` of the
 * smaller's tickets were written within half a window of the other's: a few tickets cannot span
 * the other's whole burst, and may come in its tail. Clusters spread evenly over the timeframe
 * have no burst.
 */
export function coBursting(a: readonly number[], b: readonly number[], share: number = DEFAULT_CLUSTERING.burstShare, amid = false): boolean {
  const near = (from: readonly number[], to: readonly number[]): number => from.filter((d) => to.some((e) => Math.abs(d - e) <= BURST_WINDOW_DAYS / 2)).length / from.length;
  const windowsA = burstWindows(a, share);
  const windowsB = burstWindows(b, share);
  if (windowsA === undefined || windowsB === undefined) return false;
  if (near(a, b) >= share && near(b, a) >= share) return true;
  // A group too small to show both waves of a cause that came twice ("paused" in July only,
  // beside "expired" in July and August) came in one of them.
  const [small, big] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length < MIN_WAVE_TICKETS || small.length * 2 > big.length) return false;
  // A group split off another cluster (`amid`), too small to span the burst of this one, was
  // written amid it, its tail included.
  if (amid && near(small, big) >= share) return true;
  const bigWaves = waves(big);
  const inside = small.filter((d) => bigWaves.some((start) => d >= start && d < start + BURST_WINDOW_DAYS)).length / small.length;
  return bigWaves.length > 1 && inside >= share;
}

/** Waves that start this many days apart or fewer began together. */
export const SAME_START_DAYS = 3;

/**
 * True when the busiest wave of `a` and that of `b` (`waves`) began within `SAME_START_DAYS` of
 * each other: the two groups were written from the same day on, as customers do after one failure.
 * Only the busiest: one failure may also bring a smaller wave of another cause's tickets.
 */
export function wavesBeganTogether(a: readonly number[], b: readonly number[]): boolean {
  const [x] = waves(a);
  const [y] = waves(b);
  return x !== undefined && y !== undefined && Math.abs(x - y) <= SAME_START_DAYS;
}

/** A wave holds at least this many of a cluster's tickets. */
export const MIN_WAVE_TICKETS = 3;

/**
 * The waves a cluster came in: the first days of its busiest windows of `BURST_WINDOW_DAYS` (at
 * most `MAX_BURSTS`, busiest first, not overlapping), each holding `MIN_WAVE_TICKETS` tickets or more.
 */
export function waves(days: readonly number[]): number[] {
  let left = [...days];
  const starts: number[] = [];
  while (starts.length < MAX_BURSTS && left.length >= MIN_WAVE_TICKETS) {
    const start = burstStart(left, 0) as number;
    const rest = left.filter((d) => d < start || d >= start + BURST_WINDOW_DAYS);
    if (left.length - rest.length < MIN_WAVE_TICKETS) break;
    starts.push(start);
    left = rest;
  }
  return starts;
}

/**
 * The first days of the fewest windows of `BURST_WINDOW_DAYS` (at most `MAX_BURSTS`, busiest
 * first, not overlapping) that hold `share` of `days`, or undefined when more would be needed.
 */
export function burstWindows(days: readonly number[], share: number = DEFAULT_CLUSTERING.burstShare): number[] | undefined {
  let left = [...days];
  const starts: number[] = [];
  while (starts.length < MAX_BURSTS && left.length > 0) {
    const start = burstStart(left, 0) as number;
    starts.push(start);
    left = left.filter((d) => d < start || d >= start + BURST_WINDOW_DAYS);
    if (days.length - left.length >= share * days.length) return starts;
  }
  return undefined;
}

/**
 * The first day (days since 1970) of the busiest `BURST_WINDOW_DAYS` window of `days`, or
 * undefined when no window holds `share` of them: tickets spread evenly have no burst.
 */
export function burstStart(days: readonly number[], share: number = DEFAULT_CLUSTERING.burstShare): number | undefined {
  const sorted = [...days].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (j < sorted.length && (sorted[j] as number) - (sorted[i] as number) < BURST_WINDOW_DAYS) j += 1;
    if (j - i > best) {
      best = j - i;
      start = sorted[i] as number;
    }
  }
  return sorted.length > 0 && best >= share * sorted.length ? start : undefined;
}

/** A ticket's or incident's day: whole days since 1970 (UTC). */
export function dayOf(date: string): number {
  return Math.floor((parseDate(date)?.getTime() ?? 0) / 86_400_000);
}

/**
 * Tickets left alone or in clusters too small to report join the reportable cluster they are most
 * like, when that cosine reaches `similarity` (judged now against the merged clusters, whose
 * centroids carry every wording), or `burstSimilarity` when the ticket was written inside that
 * cluster's burst. Centroids are not updated while this runs, so the order does not matter.
 */
function absorbStragglers(
  tickets: readonly Ticket[],
  vectors: readonly SparseVector[],
  wordVectors: readonly SparseVector[],
  centroids: Centroid[],
  assignment: number[],
  opts: ClusteringOptions,
): void {
  const days = tickets.map((t) => dayOf(t.createdAt));
  const members = new Map<number, number[]>();
  assignment.forEach((c, i) => {
    if (c >= 0) members.set(c, [...(members.get(c) ?? []), i]);
  });
  const big = [...members].filter(([, list]) => list.length >= opts.minClusterSize).map(([c]) => c).sort((a, b) => a - b);
  const bursts = new Map(big.map((c) => [c, burstWindows((members.get(c) ?? []).map((i) => days[i] as number), opts.burstShare) ?? []]));
  const wordCentroids = new Map(
    big.map((c) => {
      const centroid = new Centroid();
      for (const i of members.get(c) ?? []) centroid.add(wordVectors[i] as SparseVector);
      return [c, centroid];
    }),
  );
  const moves: [number, number][] = [];
  assignment.forEach((c, i) => {
    if (c >= 0 && (members.get(c)?.length ?? 0) >= opts.minClusterSize) return;
    const day = days[i] as number;
    let best = -1;
    let bestScore = 0;
    for (const k of big) {
      const inBurst = (bursts.get(k) ?? []).some((start) => day >= start && day < start + BURST_WINDOW_DAYS);
      // Outside the cluster's bursts only the ticket's own words tie it to the cluster: an idea
      // alone ("an email twice") is shared by tickets about other things written at other times.
      const score = inBurst ? (centroids[k] as Centroid).cosine(vectors[i] as SparseVector) : (wordCentroids.get(k) as Centroid).cosine(wordVectors[i] as SparseVector);
      if (score >= (inBurst ? opts.burstSimilarity : opts.similarity) && score > bestScore) {
        best = k;
        bestScore = score;
      }
    }
    if (best >= 0) moves.push([i, best]);
  });
  for (const [i, k] of moves) {
    assignment[i] = k;
    (centroids[k] as Centroid).add(vectors[i] as SparseVector);
  }
}

/**
 * A cluster that came in bursts gives up a group of its tickets written together at another time
 * (at least `minClusterSize` of them inside one window of `BURST_WINDOW_DAYS`, outside the
 * cluster's own bursts) whose own words are not like the burst's (word cosine below
 * `similarity`): they share the cluster's ideas ("the same email twice") but are about something
 * else, as a person sees from the thing they name and the months between ("gift card email
 * twice" in September beside May's "payment failed emails"). The group becomes a cluster.
 */
function splitSeparateBursts(
  tickets: readonly Ticket[],
  vectors: readonly SparseVector[],
  wordVectors: readonly SparseVector[],
  centroids: Centroid[],
  assignment: number[],
  opts: ClusteringOptions,
): Set<number> {
  const days = tickets.map((t) => dayOf(t.createdAt));
  const members = new Map<number, number[]>();
  assignment.forEach((c, i) => {
    if (c >= 0) members.set(c, [...(members.get(c) ?? []), i]);
  });
  const made = new Set<number>();
  const clusters = [...members.keys()].sort((a, b) => a - b);
  for (const c of clusters) {
    const list = members.get(c) ?? [];
    const windows = burstWindows(list.map((i) => days[i] as number), opts.burstShare);
    if (!windows) continue;
    const inBursts = (i: number): boolean => windows.some((start) => (days[i] as number) >= start && (days[i] as number) < start + BURST_WINDOW_DAYS);
    const outside = list.filter((i) => !inBursts(i));
    const start = burstStart(outside.map((i) => days[i] as number), 0);
    if (start === undefined) continue;
    const group = outside.filter((i) => (days[i] as number) >= start && (days[i] as number) < start + BURST_WINDOW_DAYS);
    if (group.length < opts.minClusterSize) continue;
    const core = new Centroid();
    for (const i of list) if (inBursts(i)) core.add(wordVectors[i] as SparseVector);
    const own = new Centroid();
    for (const i of group) own.add(wordVectors[i] as SparseVector);
    const alike = sparseCosine(core.toSparse(), own.toSparse());
    if (alike >= opts.similarity && (alike >= opts.sameWordsSimilarity || !namesItsOwnThing(group, list.filter(inBursts), wordVectors))) continue;
    const split = centroids.length;
    made.add(split);
    centroids.push(new Centroid());
    const rest = new Centroid();
    for (const i of list) {
      if (group.includes(i)) {
        assignment[i] = split;
        (centroids[split] as Centroid).add(vectors[i] as SparseVector);
      } else rest.add(vectors[i] as SparseVector);
    }
    centroids[c] = rest;
  }
  return made;
}

/**
 * True when half of `group` or more, and `MIN_WAVE_TICKETS` at least, carry a word that no ticket
 * of `core` carries: the group names a thing of its own ("a one-time payment through the portal
 * shows up 2 times", written two weeks after the burst of "autopay charged me twice"), however much
 * of the rest of its wording it shares with the core.
 */
export function namesItsOwnThing(group: readonly number[], core: readonly number[], wordVectors: readonly SparseVector[]): boolean {
  const inCore = new Set<number>();
  for (const i of core) for (const t of (wordVectors[i] as SparseVector).terms) inCore.add(t);
  const counts = new Map<number, number>();
  for (const i of group) for (const t of (wordVectors[i] as SparseVector).terms) if (!inCore.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.values()].some((n) => n * 2 >= group.length && n >= MIN_WAVE_TICKETS);
}

/**
 * Terms carried by more than `share` of the tickets outside `members` (none when no ticket is
 * outside): a term the rest of the corpus says as much does not tell this cluster from the others.
 */
export function commonOutside(vectors: readonly SparseVector[], members: readonly number[], share: number): Set<number> {
  const inside = new Set(members);
  const outside = vectors.filter((_, i) => !inside.has(i));
  return outside.length === 0 ? new Set() : commonTerms(outside, share);
}

/** Terms carried by more than `share` of the tickets. */
export function commonTerms(vectors: readonly SparseVector[], share: number): Set<number> {
  const df = new Map<number, number>();
  for (const v of vectors) for (const t of v.terms) df.set(t, (df.get(t) ?? 0) + 1);
  return new Set([...df].filter(([, n]) => n > vectors.length * share).map(([t]) => t));
}

/** A title as compared between clusters: lower case, numbers (order ids) blanked. */
function titleKey(title: string, placeholders: ReadonlySet<string>): string {
  if (isCorpusPlaceholder(title, placeholders)) return '';
  return subjectKey(title);
}

/** True when `title` is a corpus placeholder (`placeholderSubjects`), itself or by its template. */
export function isCorpusPlaceholder(title: string, placeholders: ReadonlySet<string>): boolean {
  if (isPlaceholderSubject(title) || isNumberedSubject(title) || placeholders.has(subjectKey(title))) return true;
  const template = subjectTemplate(title);
  return template !== undefined && placeholders.has(template);
}

/**
 * Subjects this corpus uses as placeholders: a subject line shared by `minClusterSize` tickets or
 * more (and `PLACEHOLDER_MIN_SHARE` of all) whose own texts have little in common (on average a member's text is less like the others'
 * than `placeholderSimilarity`). A web form's fixed "Web inquiry", a reply to the company's
 * "Re: Your … bill" mail or a category picked from a list ("Billing") is on tickets about anything;
 * a subject the customers wrote ("Booked twice??") heads tickets that say the same thing. Read as
 * no subject, so it neither joins the tickets nor names a cluster's words.
 */
/** A corpus placeholder subject heads at least this share of its tickets (and `minClusterSize`). */
export const PLACEHOLDER_MIN_SHARE = 0.02;

export function placeholderSubjects(tickets: readonly Ticket[], opts: ClusteringOptions = DEFAULT_CLUSTERING): Set<string> {
  const groups = new Map<string, number[]>();
  const subjects = new Map<string, Set<string>>();
  const templated = new Map<string, number>();
  tickets.forEach((t, i) => {
    const key = subjectKey(t.title);
    if (key === '' || isPlaceholderSubject(t.title)) return;
    groups.set(key, [...(groups.get(key) ?? []), i]);
    const template = subjectTemplate(t.title);
    if (template === undefined) return;
    templated.set(template, (templated.get(template) ?? 0) + 1);
    subjects.set(template, (subjects.get(template) ?? new Set()).add(key));
  });
  const least = Math.max(opts.minClusterSize, Math.ceil(tickets.length * PLACEHOLDER_MIN_SHARE));
  // A label the help desk fills with values ("Web form: Booking", "Web form: Contact us") is a
  // template however alike its tickets are: the value is a category picked from a list, not the problem.
  const templates = [...subjects].filter(([template, keys]) => keys.size >= 2 && (templated.get(template) ?? 0) >= least).map(([template]) => template);
  const shared = [...groups].filter(([, list]) => list.length >= least);
  if (shared.length === 0) return new Set(templates);
  const bodies = tickets.map((t) => ticketClusteringInput({ ...t, title: '' }));
  const generic = genericSubjects(shared.map(([key]) => key));
  const model = buildTfIdf(
    bodies.map((b) => b.text),
    bodies.map((b) => b.concepts),
    opts.conceptWeight,
  );
  const out = new Set<string>([...templates, ...generic]);
  for (const [key, list] of shared) {
    if (generic.has(key)) continue;
    const all = new Centroid();
    for (const i of list) all.add(model.vectors[i] as SparseVector);
    let sum = 0;
    for (const i of list) {
      const others = new Centroid();
      others.absorb(all);
      others.subtract(model.vectors[i] as SparseVector);
      sum += others.cosine(model.vectors[i] as SparseVector);
    }
    if (sum / list.length < opts.placeholderSimilarity) out.add(key);
  }
  return out;
}

/**
 * The subjects among `keys` (`subjectKey`s) that only name the channel a ticket came by: one word
 * or more of `channel_words` ("call", "phone", "inbound") and otherwise only function words and
 * placeholder words ("enquiry", "query"). An agent's notes of calls go under "Phone call", "Inbound
 * call" or "Call from customer" whatever the call was about; the notes may still be alike in the
 * agent's shorthand ("EE called … adv'd"), which is why `placeholderSubjects`' similarity test
 * lets them pass. A subject with a word of its own ("Called twice about my refund", "Phone not
 * working") is the customer's.
 */
export function genericSubjects(keys: readonly string[], vocabulary = contextVocabulary()): Set<string> {
  const channel = new Set(vocabulary.ticket_boilerplate.channel_words.map((w) => w.toLowerCase()));
  const placeholder = new Set(vocabulary.ticket_boilerplate.placeholder_subjects.filter((p) => !p.includes(' ')));
  const wordsOf = (text: string): string[] => (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => !isStopword(w));
  return new Set(
    keys.filter((key) => {
      const words = wordsOf(key.replace(/^\s*(?:re|fw|fwd|aw|sv|vs)\s*:\s*/u, ''));
      return words.some((w) => channel.has(w)) && words.every((w) => channel.has(w) || placeholder.has(w));
    }),
  );
}

/** A reply's subject ("Re: …", "AW: …", "SV: …"): the subject of the company's message it answers. */
const REPLY_SUBJECT = /^\s*(?:re|aw|sv|vs|antw|odp|resp)\s*:/iu;

/**
 * Merge a cluster into another when at least half of its tickets carry a subject line that also
 * occurs in the other: the same subject is the same problem, however differently the bodies word
 * it ("two different couriers rang my bell" under "Two drivers for the same order"). Smaller
 * clusters are merged first, each into the cluster sharing the most of its tickets' titles (ties:
 * the larger, then the lower index). A reply's subject (`REPLY_SUBJECT`) is shared only with a
 * cluster of the same bursts (`coBursting`): it names the company's message, which goes out again
 * at each failure ("Re: We couldn't collect your instalment" on June's repeated notices and on
 * September's "told missed but the money is gone").
 */
function mergeBySharedTitles(tickets: readonly Ticket[], centroids: Centroid[], assignment: number[], placeholders: ReadonlySet<string>): void {
  const keys = tickets.map((t) => titleKey(t.title, placeholders));
  const reply = tickets.map((t) => REPLY_SUBJECT.test(t.title));
  const days = tickets.map((t) => dayOf(t.createdAt));
  const members = new Map<number, number[]>();
  assignment.forEach((c, i) => {
    if (c >= 0) members.set(c, [...(members.get(c) ?? []), i]);
  });
  for (const [c, list] of members) if (list.length < 2) members.delete(c);
  // title → clusters holding it, so a cluster only looks at clusters that share a title with it
  const holders = new Map<string, Set<number>>();
  for (const [c, list] of members) for (const i of list) if (keys[i] !== '') holders.set(keys[i] as string, (holders.get(keys[i] as string) ?? new Set()).add(c));
  const size = (c: number): number => members.get(c)?.length ?? 0;
  const bySize = [...members.keys()].sort((a, b) => size(a) - size(b) || a - b);
  for (const small of bySize) {
    const own = members.get(small);
    if (!own) continue; // already merged into another
    const shared = new Map<number, number>();
    const daysOf = (c: number): number[] => (members.get(c) ?? []).map((i) => days[i] as number);
    for (const i of own) {
      for (const c of holders.get(keys[i] as string) ?? []) {
        if (c === small || size(c) < own.length) continue;
        // a reply to the company's own message ("Re: We couldn't collect your instalment") names
        // what the company sent, and it sends that message again at each failure: only replies of
        // the same bursts are about the same sending
        if (reply[i] && !coBursting(daysOf(small), daysOf(c))) continue;
        shared.set(c, (shared.get(c) ?? 0) + 1);
      }
    }
    let target = -1;
    for (const [c, n] of shared) {
      const best = shared.get(target) ?? 0;
      if (n > best || (n === best && (size(c) > size(target) || (size(c) === size(target) && c < target)))) target = c;
    }
    if (target < 0 || (shared.get(target) ?? 0) * 2 < own.length) continue;
    (centroids[target] as Centroid).absorb(centroids[small] as Centroid);
    for (const i of own) {
      assignment[i] = target;
      const set = holders.get(keys[i] as string);
      set?.delete(small);
      set?.add(target);
    }
    members.get(target)?.push(...own);
    members.delete(small);
  }
}

function sparseCosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i] as number;
    const tb = b.terms[j] as number;
    if (ta === tb) {
      dot += (a.weights[i] as number) * (b.weights[j] as number);
      i += 1;
      j += 1;
    } else if (ta < tb) i += 1;
    else j += 1;
  }
  return dot;
}

/**
 * A cluster centroid: a sparse sum of member vectors with its squared norm kept up to date.
 * Sparse so that thousands of small clusters cost memory in proportion to their words.
 */
class Centroid {
  readonly sum = new Map<number, number>();
  private normSq = 0;

  add(v: SparseVector): void {
    for (let k = 0; k < v.terms.length; k += 1) {
      const t = v.terms[k] as number;
      const before = this.sum.get(t) ?? 0;
      const after = before + (v.weights[k] as number);
      this.sum.set(t, after);
      this.normSq += after * after - before * before;
    }
  }

  /** Take a member out again. */
  subtract(v: SparseVector): void {
    this.add({ terms: v.terms, weights: v.weights.map((w) => -w) });
  }

  /** Add every member of `other` to this centroid. */
  absorb(other: Centroid): void {
    this.add(other.toSparse(false));
  }

  /** The centroid as a sparse vector (terms ascending), L2-normalised unless `normalise` is false. */
  toSparse(normalise = true, without: ReadonlySet<number> = new Set()): SparseVector {
    const entries = [...this.sum.entries()].filter(([t, w]) => w !== 0 && !without.has(t)).sort((a, b) => a[0] - b[0]);
    const normSq = without.size === 0 ? this.normSq : entries.reduce((n, [, w]) => n + w * w, 0);
    const norm = normalise && normSq > 0 ? Math.sqrt(normSq) : 1;
    return { terms: Int32Array.from(entries.map(([t]) => t)), weights: Float64Array.from(entries.map(([, w]) => w / norm)) };
  }

  get norm(): number {
    return Math.sqrt(Math.max(this.normSq, 0));
  }

  cosine(v: SparseVector): number {
    if (this.normSq <= 0) return 0;
    let dot = 0;
    for (let k = 0; k < v.terms.length; k += 1) dot += (this.sum.get(v.terms[k] as number) ?? 0) * (v.weights[k] as number);
    return dot / Math.sqrt(this.normSq);
  }

  /** The `n` heaviest terms, leaving out `without`. */
  topTerms(n: number, without: ReadonlySet<number> = new Set()): number[] {
    return [...this.sum.entries()]
      .filter(([t, w]) => w > 0 && !without.has(t))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, n)
      .map(([t]) => t);
  }
}

/**
 * Centroids with an inverted index (term → clusters holding it), so finding a ticket's most
 * similar cluster only touches clusters that share a word with it.
 */
class CentroidSet {
  readonly centroids: Centroid[] = [];
  private readonly byTerm = new Map<number, number[]>();

  /** Open an empty cluster; returns its index. */
  open(): number {
    this.centroids.push(new Centroid());
    return this.centroids.length - 1;
  }

  add(index: number, v: SparseVector): void {
    const c = this.centroids[index] as Centroid;
    for (let k = 0; k < v.terms.length; k += 1) {
      const t = v.terms[k] as number;
      if (!c.sum.has(t)) {
        const list = this.byTerm.get(t);
        if (list) list.push(index);
        else this.byTerm.set(t, [index]);
      }
    }
    c.add(v);
  }

  /** The most similar cluster (ties: lowest index), or index -1 when none shares a word. */
  best(v: SparseVector): { index: number; score: number } {
    const dots = new Map<number, number>();
    for (let k = 0; k < v.terms.length; k += 1) {
      const t = v.terms[k] as number;
      const w = v.weights[k] as number;
      for (const c of this.byTerm.get(t) ?? []) dots.set(c, (dots.get(c) ?? 0) + w * ((this.centroids[c] as Centroid).sum.get(t) ?? 0));
    }
    let index = -1;
    let score = -1;
    for (const [c, dot] of dots) {
      const norm = (this.centroids[c] as Centroid).norm;
      const s = norm > 0 ? dot / norm : 0;
      if (s > score + 1e-12 || (Math.abs(s - score) <= 1e-12 && c < index)) {
        score = s;
        index = c;
      }
    }
    return { index, score };
  }
}

/** Terms in order, leaving out one that says what an earlier one says (the idea `twice` after `duplicate`, `stop` after `stop`). */
function distinctTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = canonicalSynonyms(t).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
