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
  /** Display path of the file it came from. */
  source: string;
}
