/** One step of a five-whys chain. */
export interface WhyStep {
  why: string;
  because: string;
}

/** A postmortem as read from a Markdown file. */
export interface Postmortem {
  /** `PM-2024-089`: from an `ID:` line, the title's leading id, or the file name. */
  id: string;
  /** The incident it covers, from an `Incident:` line. */
  incidentId: string;
  /** The first heading's text. */
  title: string;
  fiveWhys: WhyStep[];
  actionItems: { completed: string[]; incomplete: string[] };
  systemicIssues: string[];
  lessons: string[];
  /** Prose of the sections that tell the cause ("Root cause", "Why", "What happened"), one entry per paragraph or list item. */
  narrative: string[];
  /** What the team changed ("What we changed", "Changes", "Fixes"), one entry per paragraph or list item. */
  changes: string[];
  /** Display path of the file it came from. */
  source: string;
}
