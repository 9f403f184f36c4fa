import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { escapeRegExp } from '../../matchers/names.js';
import { findPackageRoot } from '../catalogue/built-in-catalogue.js';

const SafeguardSchema = z.object({
  terms: z.array(z.string()).min(1),
  with: z.array(z.string()),
  without: z.array(z.string()),
  /** What a key made from it is new on every run ("built from the script's run id"). */
  fresh_sources: z.array(z.string()).default([]),
});

const NegationSchema = z.object({
  disclaimers: z.array(z.string()),
  openers: z.array(z.string()),
  involvement: z.array(z.string()),
  negators: z.array(z.string()),
  verb_negators: z.array(z.string()).default([]),
  verb_negator_scope_ends: z.array(z.string()).default([]),
});

/**
 * What marks an export's entry as something other than its records: a key it has (`pull_request`),
 * or a key with one of some values (`{ impact: [maintenance] }`).
 */
const recordExclusion = z.union([z.string(), z.record(z.string(), z.array(z.string()))]);
export type RecordExclusion = z.infer<typeof recordExclusion>;

export const ContextVocabularySchema = z
  .object({
    generic_failure_words: z.array(z.string()),
    synonyms: z.array(z.array(z.string()).min(2)),
    negation: NegationSchema.default({ disclaimers: [], openers: [], involvement: [], negators: [], verb_negators: [], verb_negator_scope_ends: [] }),
    anti_pattern_safeguards: z.record(z.string(), SafeguardSchema).default({}),
    anti_pattern_precedence: z.record(z.string(), z.array(z.string())).default({}),
    anti_pattern_outcomes: z.record(z.string(), z.array(z.string())).default({}),
    process_action_starts: z.array(z.string()).default([]),
    measurable_words: z.array(z.string()).default([]),
    incident_lesson_labels: z.array(z.string()).default([]),
    problem_words: z.array(z.string()).default([]),
    not_incident_statuses: z.array(z.string()).default([]),
    postmortem_id_prefixes: z.array(z.string()).default([]),
    postmortem_title_labels: z.array(z.string()).default([]),
    incident_labels: z
      .object({ system_prefixes: z.array(z.string()).default([]), severity_prefixes: z.array(z.string()).default([]), priority_fields: z.array(z.string()).default([]) })
      .default({ system_prefixes: [], severity_prefixes: [], priority_fields: [] }),
    conversation_messages: z
      .object({
        agent_flags: z.array(z.string()).default([]),
        text_keys: z.array(z.string()).default([]),
        message_kinds: z.record(z.string(), z.array(z.string())).default({}),
        reply_kinds: z.record(z.string(), z.array(z.string())).default({}),
        agent_kinds: z.record(z.string(), z.array(z.string())).default({}),
        automated_flags: z.array(z.string()).default([]),
        subject_keys: z.array(z.string()).default([]),
        note_lists: z.array(z.string()).default([]),
      })
      .default({ agent_flags: [], text_keys: [], message_kinds: {}, reply_kinds: {}, agent_kinds: {}, automated_flags: [], subject_keys: [], note_lists: [] }),
    alias_markers: z.array(z.string()).default([]),
    rule_words: z.array(z.string()).default([]),
    rule_announcements: z.array(z.string()).default([]),
    omission_approvals: z.array(z.string()).default([]),
    evidence_rule_modals: z.array(z.string()).default([]),
    practice_approvals: z
      .object({ phrases: z.array(z.string()).default([]), contrasts: z.array(z.string()).default([]) })
      .default({ phrases: [], contrasts: [] }),
    lesson_narrative: z
      .object({
        openers: z.array(z.string()),
        words: z.array(z.string()),
        definitions: z.array(z.string()).default([]),
        participles: z.array(z.string()).default([]),
        question_words: z.array(z.string()).default([]),
      })
      .default({ openers: [], words: [], definitions: [], participles: [], question_words: [] }),
    example_markers: z.array(z.string()).default([]),
    ticket_boilerplate: z
      .object({
        greetings: z.array(z.string()).default([]),
        sign_offs: z.array(z.string()).default([]),
        placeholder_subjects: z.array(z.string()).default([]),
        transcript_company_speakers: z.array(z.string()).default([]),
        channel_words: z.array(z.string()).default([]),
      })
      .default({ greetings: [], sign_offs: [], placeholder_subjects: [], transcript_company_speakers: [], channel_words: [] }),
    ticket_stopwords: z.record(z.string(), z.array(z.string())).default({}),
    ticket_concepts: z.record(z.string(), z.array(z.string())).default({}),
    ticket_concept_negators: z.array(z.string()).default([]),
    ticket_concept_hypotheticals: z.array(z.string()).default([]),
    definition_openers: z.array(z.string()).default([]),
    anti_pattern_readings: z.array(z.string()).default([]),
    evidence_cause_words: z.array(z.string()).default([]),
    record_fields: z
      .object({
        incidents: z.record(z.string(), z.array(z.string())).default({}),
        tickets: z.record(z.string(), z.array(z.string())).default({}),
        manifold: z.record(z.string(), z.array(z.string())).default({}),
      })
      .default({ incidents: {}, tickets: {}, manifold: {} }),
    xml_unload: z
      .object({
        roots: z.array(z.string()).default([]),
        journal_tables: z.array(z.string()).default([]),
        journal_link: z.string().default('element_id'),
        record_key: z.string().default('sys_id'),
        journal_time: z.array(z.string()).default([]),
        journal_text: z.array(z.string()).default([]),
        choice_labels: z.record(z.string(), z.record(z.string(), z.string())).default({}),
      })
      .default({ roots: [], journal_tables: [], journal_link: 'element_id', record_key: 'sys_id', journal_time: [], journal_text: [], choice_labels: {} }),
    record_exclusions: z
      .object({
        incidents: z.array(recordExclusion).default([]),
        tickets: z.array(recordExclusion).default([]),
      })
      .default({ incidents: [], tickets: [] }),
    system_name_parts: z.array(z.string()).default([]),
    issue_export: z
      .object({
        type_keys: z.array(z.string()).default([]),
        incident_types: z.array(z.string()).default([]),
        comment_time: z.array(z.string()).default([]),
        comment_text: z.array(z.string()).default([]),
      })
      .default({ type_keys: [], incident_types: [], comment_time: [], comment_text: [] }),
  })
  .strict();

/** How failure histories are read: generic failure words, synonym groups, anti-pattern safeguards. */
export type ContextVocabulary = z.infer<typeof ContextVocabularySchema>;
export type Safeguard = z.infer<typeof SafeguardSchema>;
export type Negation = z.infer<typeof NegationSchema>;

/** Where the vocabulary lives inside the faultline package. */
export const CONTEXT_VOCABULARY_FILE = path.join('rules', 'context', 'vocabulary.yaml');

let loaded: ContextVocabulary | undefined;

/**
 * The built-in context vocabulary (rules/context/vocabulary.yaml of the faultline package), read
 * once. A malformed file is a bug of the package, so it throws with the file named.
 */
export function contextVocabulary(): ContextVocabulary {
  if (loaded) return loaded;
  const root = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
  if (!root) throw new Error('faultline: cannot find its package folder for the context vocabulary');
  const file = path.join(root, CONTEXT_VOCABULARY_FILE);
  const result = ContextVocabularySchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  loaded = result.data;
  return loaded;
}

/** Every word of the synonym groups `term` belongs to (the term itself first), or just `term`. */
export function synonymsOf(term: string, vocabulary: ContextVocabulary = contextVocabulary()): string[] {
  const key = term.toLowerCase();
  const groups = vocabulary.synonyms.filter((g) => g.some((w) => w.toLowerCase() === key));
  return [term, ...new Set(groups.flat().filter((w) => w.toLowerCase() !== key))];
}

const canonicalForms = new WeakMap<ContextVocabulary, { pattern: RegExp; to: string }[]>();

/**
 * `text` with every word of a synonym group (or its plural) written as the group's first word
 * ("drivers" → "courier"), so tickets that say the same thing in different words cluster together.
 */
export function canonicalSynonyms(text: string, vocabulary: ContextVocabulary = contextVocabulary()): string {
  let forms = canonicalForms.get(vocabulary);
  if (!forms) {
    forms = vocabulary.synonyms.flatMap(([first, ...rest]) =>
      rest
        .sort((a, b) => b.length - a.length)
        .map((w) => ({ pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu'), to: first ?? w })),
    );
    canonicalForms.set(vocabulary, forms);
  }
  return forms.reduce((t, f) => t.replace(f.pattern, f.to), text);
}

const ticketStopwordSets = new WeakMap<ContextVocabulary, ReadonlySet<string>>();

/** The function words of every language in `ticket_stopwords`, lower case, as one set. */
export function ticketStopwords(vocabulary: ContextVocabulary = contextVocabulary()): ReadonlySet<string> {
  let set = ticketStopwordSets.get(vocabulary);
  if (!set) {
    set = new Set(Object.values(vocabulary.ticket_stopwords).flat().map((w) => w.toLowerCase()));
    ticketStopwordSets.set(vocabulary, set);
  }
  return set;
}
