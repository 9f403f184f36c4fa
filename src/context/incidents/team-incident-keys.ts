import type { Postmortem } from '../postmortems/postmortem-types.js';
import type { Incident } from './incident-schema.js';

/** A tracker-style reference: letters (and digits) before a dash and a number (`FH-331`, `INC-42`). */
const REFERENCE = /\b([A-Z][A-Z0-9]{0,9})-(\d+)\b/g;

/**
 * Incidents keyed by a bare number (FireHydrant's and PagerDuty's `number`) under the key the team
 * writes for them: when the postmortems and the incidents' own text refer to their numbers with one
 * prefix (`FH-331` for incident 331), each numbered incident takes it, so a postmortem reaches its
 * incident and the report speaks the team's language. The prefix that names the most of the
 * incidents' numbers wins; incidents keyed otherwise are returned unchanged.
 */
export function withTeamIncidentKeys(incidents: Incident[], postmortems: readonly Postmortem[]): Incident[] {
  const numbers = new Set(incidents.filter((i) => /^\d+$/.test(i.incidentId)).map((i) => Number(i.incidentId)));
  if (numbers.size === 0) return incidents;
  const texts = [
    ...postmortems.flatMap((p) => [p.incidentId, p.title]),
    ...incidents.flatMap((i) => [i.title, ...i.description, i.rootCause]),
  ];
  const named = new Map<string, Set<number>>();
  for (const text of texts) {
    for (const m of text.matchAll(REFERENCE)) {
      const n = Number(m[2]);
      if (!numbers.has(n)) continue;
      const prefix = m[1] ?? '';
      named.set(prefix, (named.get(prefix) ?? new Set()).add(n));
    }
  }
  const prefix = [...named].sort((a, b) => b[1].size - a[1].size)[0]?.[0];
  if (prefix === undefined) return incidents;
  return incidents.map((i) => (/^\d+$/.test(i.incidentId) ? { ...i, incidentId: `${prefix}-${Number(i.incidentId)}` } : i));
}

/** A cross-project reference as GitLab and GitHub write one: `group/sub/project#170`, `owner/repo#12`. */
const PROJECT_REFERENCE = /^[\w.-]+(?:\/[\w.-]+)+(#\d+)$/;

/**
 * Postmortems whose incident is named by its tracker's full reference (`bayward/sre/incidents#170`,
 * a GitLab issue's `references.full`) while the incidents are keyed by the short one (`#170`): the
 * postmortem takes the short key when an incident has it, so it reaches its incident. Others are
 * returned unchanged.
 */
export function withShortIncidentReferences(postmortems: Postmortem[], incidents: readonly Incident[]): Postmortem[] {
  const ids = new Set(incidents.map((i) => i.incidentId));
  return postmortems.map((p) => {
    if (ids.has(p.incidentId)) return p;
    const short = PROJECT_REFERENCE.exec(p.incidentId)?.[1];
    return short !== undefined && ids.has(short) ? { ...p, incidentId: short } : p;
  });
}
