import type { ManifoldConstraint } from '../manifold/manifold-schema.js';
import type { Postmortem } from '../postmortems/postmortem-types.js';
import { pluralMonths } from '../text/dates.js';
import type { Incident } from '../incidents/incident-schema.js';
import { isDisclaimer } from '../text/negation.js';
import { TermIndex } from '../text/term-index.js';
import { unwrapLines } from '../text/unwrap-lines.js';
import { contextVocabulary, type ContextVocabulary } from '../vocabulary/context-vocabulary.js';
import { splitSentences } from './anti-pattern-matching.js';
import type { AnalyzedIncident } from './incident-analysis.js';
import { forbidden, required, requirementFromAbsence, requirementFromOmission, statementKey } from './statements.js';
import type { TicketPattern } from './ticket-patterns.js';

/** A lesson a postmortem states as a rule: what the team changed, or an action item. */
export interface PostmortemLesson {
  statement: string;
  rationale: string;
}

/**
 * The lessons of a postmortem that read as rules of the component: each sentence of "What we
 * changed" ("The dispatcher now sends …" → "The dispatcher sends …"), each sentence of its
 * lessons that states a rule (`rule_words`: "must", "never"…; "We left the fix in the backlog"
 * states none) or names one ("the rule we agreed on is …": `announcedRule`), and each action item, done or open, except those about detection or process
 * (`process_action_starts` of the context vocabulary: alerts, dashboards, documents…).
 */
export function postmortemLessons(pm: Postmortem, vocabulary: ContextVocabulary = contextVocabulary()): PostmortemLesson[] {
  const isProcess = (item: string): boolean => isProcessAction(item, vocabulary);
  const changes = pm.changes.flatMap(splitSentences).map((s) => ({
    statement: capitalise(s.replace(/\s+now\s+/i, ' ').replace(/^now\s+/i, '')),
    rationale: `${pm.id} what we changed`,
  }));
  const rules = pm.lessons
    .flatMap((l) => withDefinitions(splitSentences(unwrapLines(l)), vocabulary))
    .map((sentence) => announcedRule(sentence, vocabulary) ?? (statesRule(sentence, vocabulary) ? sentence : undefined))
    .filter((rule): rule is string => rule !== undefined)
    .map((rule) => ({ statement: capitalise(rule.replace(/[.]+$/, '')), rationale: `${pm.id} lesson` }));
  const items = [
    ...pm.actionItems.completed.map((t) => ({ t, state: 'done' })),
    ...pm.actionItems.incomplete.map((t) => ({ t, state: 'open' })),
  ]
    .filter(({ t }) => !isProcess(t))
    .map(({ t, state }) => ({ statement: capitalise(t.replace(/[.]+$/, '')), rationale: `${pm.id} action item (${state})` }));
  return [...changes, ...rules, ...items];
}

/**
 * The rule a lesson's `sentence` names (`rule_announcements`): "…, and the rule we agreed on is one
 * text per order per reason, no matter how often it is retried" → "Text once per order per reason,
 * no matter how often it is retried"; "Our policy now: every refund is logged" → "Every refund is
 * logged". What follows the noun's "is" / ":" (at most five words after the noun, "that" dropped) is
 * the rule, whatever else the sentence says (its "is" would read as a definition). A rule stated as
 * a quota ("one X per Y") is written as the limit it sets ("X once per Y"). Undefined when the
 * sentence names no rule, or the noun is not followed by one ("the rule did not fire").
 */
export function announcedRule(sentence: string, vocabulary: ContextVocabulary = contextVocabulary()): string | undefined {
  const nouns = vocabulary.rule_announcements.map((n) => n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (nouns.length === 0) return undefined;
  const m = new RegExp(`\\b(?:${nouns.join('|')})\\b((?:\\s+[\\p{L}'’-]+){0,5}?)(?:\\s+is\\s+|\\s*:\\s*)(.+)$`, 'iu').exec(sentence.trim());
  if (!m?.[2]) return undefined;
  if (/[,;]/.test(m[1] ?? '')) return undefined;
  const rule = m[2].replace(/^that\s+/i, '').trim().replace(/[.]+$/, '');
  if (rule.split(/\s+/).length < 3) return undefined;
  const quota = /^one\s+(.+?)\s+per\s+(.+)$/i.exec(rule);
  return quota ? `${quota[1]} once per ${quota[2]}` : rule;
}

/**
 * The sentences of one lesson with a definition joined to the rule that follows it: "A timeout … is
 * an unknown outcome, not a refusal. The sealer keeps the seats held and looks the payment up …"
 * is one rule, the definition its condition ("…, not a refusal; the sealer keeps …"), and so is a
 * definition followed by what the team does ("… not a rejection. We query Northgate … before sending
 * the payment again": `isOwnPractice`). A definition (says what a thing is,
 * `lesson_narrative.definitions`, no rule word) followed by a sentence that states no rule stays as
 * it is.
 */
function withDefinitions(sentences: readonly string[], vocabulary: ContextVocabulary): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i] ?? '';
    const next = sentences[i + 1];
    if (
      next !== undefined &&
      !statesRule(sentence, vocabulary) &&
      announcedRule(sentence, vocabulary) === undefined &&
      isDefinition(sentence, vocabulary) &&
      (statesRule(next, vocabulary) || isOwnPractice(next, vocabulary))
    ) {
      out.push(`${sentence.trim().replace(/[.]+$/, '')}; ${next.trim().replace(/^(\p{Lu})(?=\p{Ll})/u, (c) => c.toLowerCase())}`);
      i++;
    } else out.push(sentence);
  }
  return out;
}

/**
 * True when a sentence tells what the team does, in the present ("We query Northgate by
 * instructionId and find out before sending the payment again"): it opens with the team
 * (`lesson_narrative.openers`) and says no word of what happened (`lesson_narrative.words`, a verb
 * in "-ed"). After a definition it is the practice the definition calls for.
 */
function isOwnPractice(sentence: string, vocabulary: ContextVocabulary): boolean {
  const { openers, words } = vocabulary.lesson_narrative;
  const said: string[] = sentence.toLowerCase().replace(/’/g, "'").match(/[\p{L}']+/gu) ?? [];
  if (!openers.includes(said[0] ?? '') || said.length < 4) return false;
  return !words.some((w) => said.includes(w.toLowerCase())) && !said.slice(1, 3).some((w) => /[a-z]{2,}ed$/.test(w));
}

/** True when a sentence says what something is ("A 504 is an unknown outcome"), not what happened or who did it. */
function isDefinition(sentence: string, vocabulary: ContextVocabulary): boolean {
  const { openers, words, definitions, participles } = vocabulary.lesson_narrative;
  const said: string[] = sentence.toLowerCase().replace(/’/g, "'").match(/[\p{L}']+/gu) ?? [];
  if (openers.includes(said[0] ?? '') || words.some((w) => said.includes(w.toLowerCase()))) return false;
  return definitions.some((d) => said.some((w, i) => w === d.toLowerCase() && !isParticiple(said[i + 1], participles)));
}

/**
 * True when a lesson's `sentence` says what must or must not happen: one of the vocabulary's
 * `rule_words`, or a clause (split at `:` and `;`) stating how things are done that neither tells
 * what happened nor only says what something is (`lesson_narrative`): "A stopped run resumes from
 * its own charge log" and "…: mark the charge unknown … before charging again" are rules, "We left
 * the fix in the backlog" and "A gateway timeout is not a failed payment" are not.
 */
function statesRule(sentence: string, vocabulary: ContextVocabulary): boolean {
  const index = new TermIndex([sentence]);
  if (vocabulary.rule_words.some((w) => index.has(w))) return true;
  if (sentence.trim().endsWith('?')) return false;
  const { openers, words, definitions, participles } = vocabulary.lesson_narrative;
  const wordsOf = (text: string): string[] => text.toLowerCase().replace(/’/g, "'").match(/[\p{L}']+/gu) ?? [];
  if (openers.includes(wordsOf(sentence)[0] ?? '')) return false;
  // a word of what happened inside an indirect question ("tells us what Ortolan did") is no event
  const asked = new Set(vocabulary.lesson_narrative.question_words.map((w) => w.toLowerCase()));
  const said = wordsOf(sentence);
  const told = new Set(said.filter((w, i) => !(words.includes(w) && said.slice(Math.max(0, i - 3), i).some((q) => asked.has(q)))));
  if (words.some((w) => told.has(w.toLowerCase()))) return false;
  return sentence
    .split(/(?<!\d)[:;]|[:;](?!\d)/)
    .map(wordsOf)
    .some((clause) => clause.length > 1 && !definitions.some((d) => clause.some((w, i) => w === d.toLowerCase() && !isParticiple(clause[i + 1], participles))));
}

/**
 * True when `word` is a past participle: "is reused", "is chosen" say how a thing is done (the
 * passive), not what it is. Words ending in "-ed" and the vocabulary's irregular ones
 * (`lesson_narrative.participles`).
 */
function isParticiple(word: string | undefined, participles: readonly string[]): boolean {
  return word !== undefined && (/[a-z]{2,}ed$/.test(word) || participles.includes(word));
}

/**
 * True when an action is about detection or process (`process_action_starts`: alerts, dashboards,
 * documents) and states no measurable condition (a number, `measurable_words`): "Alert when a
 * claim has been unknown for more than 2 hours" is a rule the component can be held to.
 */
export function isProcessAction(item: string, vocabulary: ContextVocabulary = contextVocabulary()): boolean {
  const lower = item.toLowerCase();
  if (!vocabulary.process_action_starts.some((p) => lower === p.toLowerCase() || lower.startsWith(`${p.toLowerCase()} `))) return false;
  const index = new TermIndex([item]);
  return !/\d/.test(item) && !vocabulary.measurable_words.some((w) => index.has(w));
}

/**
 * The lessons an incident's free text states under a label ("Follow-ups: alert when …;
 * maintenance flags get an expiry"; `incident_lesson_labels`), one per item, process actions
 * without a measurable condition left out.
 */
export function incidentLessons(incident: Incident, vocabulary: ContextVocabulary = contextVocabulary()): PostmortemLesson[] {
  const labels = vocabulary.incident_lesson_labels.map((l) => l.toLowerCase());
  return incident.description.flatMap((paragraph) => {
    const colon = paragraph.indexOf(':');
    if (colon <= 0 || !labels.includes(paragraph.slice(0, colon).trim().toLowerCase())) return [];
    return unwrapLines(paragraph.slice(colon + 1))
      .split(/;|(?<=[.!?])\s+/)
      .map((item) => item.trim().replace(/[.;:,!]+$/, ''))
      .filter((item) => item.length > 0 && !isProcessAction(item, vocabulary))
      .map((item) => ({ statement: capitalise(item), rationale: `${incident.incidentId} ${paragraph.slice(0, colon).trim().toLowerCase()}` }));
  });
}

/** Upper-cases the first letter (after any opening quote): `"action needed" text` → `"Action needed" text`. */
function capitalise(s: string): string {
  return s.replace(/^([("'“‘]*)(\p{L})/u, (_, open: string, c: string) => `${open}${c.toUpperCase()}`);
}

/** A constraint derived from failure history, in the seed's shape. */
export interface DerivedConstraint {
  id: string;
  type: 'invariant' | 'goal';
  statement: string;
  rationale: string;
  violation_scenario?: string;
  measurement?: string;
}

/** An anti-pattern the analysis identified, reduced to what constraint derivation needs. */
export interface IdentifiedAntiPattern {
  id: string;
  title: string;
  consequence: string | undefined;
  mustInclude: string[];
  mustExclude: string[];
  /** Incident ids it was seen in. */
  incidents: string[];
}

/** Derived constraints grouped by where they come from (the seed's three lists). */
export interface DerivedConstraints {
  fromIncidents: { incident: string; constraints: DerivedConstraint[] }[];
  fromAntiPatterns: { antiPattern: string; constraints: DerivedConstraint[] }[];
  fromTicketPatterns: { pattern: string; constraints: DerivedConstraint[] }[];
}

/** A ticket pattern needs this many tickets before a goal constraint is derived from it. */
export const MIN_TICKETS_FOR_GOAL = 10;

/**
 * Derive constraints:
 *
 * - from each high-relevance incident: its postmortems' lessons (`postmortemLessons`: what the team
 *   changed, action items), root-cause sentences stating an omission ("X did not Y" →
 *   "X must Y") and contributing factors stating an absence ("No X" → "X is required"); ids
 *   `T_<INCIDENT>_<n>` (`T_INC089_1`), type invariant;
 * - from each identified anti-pattern: its prevention (`must_include` → "… is required",
 *   `must_exclude` → "… is forbidden"); ids `T_<AP>_<n>` (`T_AP001_1`), type invariant;
 * - from each ticket pattern of at least `MIN_TICKETS_FOR_GOAL` tickets: a goal to cut its rate to
 *   a quarter; ids `U_TKT_<n>`.
 *
 * A statement already derived, or already in the manifold (compared case- and
 * punctuation-insensitively), is not repeated, and ids the manifold uses are skipped, so after a
 * merge a rerun derives only what is still missing.
 */
export function deriveConstraints(
  highIncidents: readonly AnalyzedIncident[],
  antiPatterns: readonly IdentifiedAntiPattern[],
  patterns: readonly TicketPattern[],
  existing: readonly ManifoldConstraint[] = [],
  postmortemLessons: ReadonlyMap<string, readonly PostmortemLesson[]> = new Map(),
): DerivedConstraints {
  const seen = new Set<string>(existing.map((c) => statementKey(c.statement)));
  const taken = new Set<string>(existing.map((c) => c.id));
  /** The next `<prefix>_<n>` id not used by the manifold or this run. */
  const nextId = (prefix: string): string => {
    let n = 1;
    while (taken.has(`${prefix}_${n}`)) n += 1;
    taken.add(`${prefix}_${n}`);
    return `${prefix}_${n}`;
  };
  const fresh = (statement: string): boolean => {
    const key = statementKey(statement);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const shortIds = shortIncidentIds(highIncidents.map((a) => a.incident.incidentId));

  const fromIncidents = highIncidents
    .map(({ incident }) => {
      const candidates: { statement: string; rationale: string }[] = [
        ...[incident.rootCause, ...incident.description]
          .flatMap(splitSentences)
          .filter((s) => !isDisclaimer(s))
          .flatMap((s) => {
          const r = requirementFromOmission(s);
          return r ? [{ statement: r, rationale: `${incident.incidentId} root cause` }] : [];
        }),
        ...incident.contributingFactors.flatMap((f) => {
          const r = requirementFromAbsence(f);
          return r ? [{ statement: r, rationale: `${incident.incidentId} contributing factor` }] : [];
        }),
        ...incidentLessons(incident),
        ...(postmortemLessons.get(incident.incidentId) ?? []),
      ].filter((c) => fresh(c.statement));
      const short = shortIds.get(incident.incidentId) ?? 'INC';
      return {
        incident: incident.incidentId,
        constraints: candidates.map(
          (c): DerivedConstraint => ({
            id: nextId(`T_${short}`),
            type: 'invariant',
            statement: c.statement,
            rationale: c.rationale,
            violation_scenario: incident.title,
          }),
        ),
      };
    })
    .filter((g) => g.constraints.length > 0);

  const fromAntiPatterns = antiPatterns
    .map((ap) => {
      const seenIn = ap.incidents.length > 0 ? ` (seen in ${ap.incidents.join(', ')})` : '';
      const statements = [...ap.mustInclude.map(required), ...ap.mustExclude.map(forbidden)].filter(fresh);
      return {
        antiPattern: ap.id,
        constraints: statements.map(
          (statement): DerivedConstraint => ({
            id: nextId(`T_${ap.id.replace(/[^A-Za-z0-9]/g, '')}`),
            type: 'invariant',
            statement,
            rationale: `Anti-pattern ${ap.id} prevention${seenIn}`,
            violation_scenario: ap.consequence ?? ap.title,
          }),
        ),
      };
    })
    .filter((g) => g.constraints.length > 0);

  const fromTicketPatterns = patterns
    .filter((p) => p.tickets.length >= MIN_TICKETS_FOR_GOAL)
    .map((p) => {
      const target = Math.max(1, Math.ceil(p.perMonth / 4));
      const statement = `Fewer than ${target} "${p.label}" support tickets per month`;
      if (!fresh(statement)) return { pattern: p.label, constraints: [] };
      return {
        pattern: p.label,
        constraints: [
          {
            id: nextId('U_TKT'),
            type: 'goal' as const,
            statement,
            rationale: `${p.tickets.length} support tickets in ${pluralMonths(p.months)}`,
            measurement: `< ${target} tickets per month (now ${p.perMonth})`,
          },
        ],
      };
    })
    .filter((g) => g.constraints.length > 0);

  return { fromIncidents, fromAntiPatterns, fromTicketPatterns };
}

/** Every derived constraint, in report order. */
export function allDerived(d: DerivedConstraints): DerivedConstraint[] {
  return [...d.fromIncidents, ...d.fromAntiPatterns, ...d.fromTicketPatterns].flatMap((g) => g.constraints);
}

/**
 * `INC-2024-089` → `INC089` (leading letters + last number). When two incidents would share a
 * short id, both fall back to all their letters and digits (`INC2024089`).
 */
export function shortIncidentIds(ids: readonly string[]): Map<string, string> {
  const short = (id: string): string => {
    const letters = /^[A-Za-z]+/.exec(id)?.[0]?.toUpperCase() ?? 'INC';
    const digits = /(\d+)(?!.*\d)/.exec(id)?.[1] ?? '';
    return `${letters}${digits}`;
  };
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(short(id), (counts.get(short(id)) ?? 0) + 1);
  return new Map(ids.map((id) => [id, (counts.get(short(id)) ?? 0) > 1 ? id.replace(/[^A-Za-z0-9]/g, '').toUpperCase() : short(id)]));
}
