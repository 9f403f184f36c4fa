import { UnknownFormatError } from '../errors.js';
import { compactReporter } from './compact.js';
import { githubReporter } from './github.js';
import { gitlabReporter } from './gitlab.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export type { Reporter, ReportContext } from './types.js';
export { activeFindings, countByRisk, extractionLines, groupByRule } from './summary.js';

const REPORTERS: Record<string, Reporter> = { text: textReporter, compact: compactReporter, json: jsonReporter, sarif: sarifReporter, github: githubReporter, junit: junitReporter, gitlab: gitlabReporter };

/** Report format names, for --help. */
export const FORMATS: readonly string[] = Object.keys(REPORTERS);

/** The reporter for a format name. @throws UnknownFormatError. */
export function getReporter(format: string): Reporter {
  const r = REPORTERS[format];
  if (r === undefined) {
    throw new UnknownFormatError(`Unknown format "${format}"`, { help: `Use one of: ${FORMATS.join(', ')}.` });
  }
  return r;
}
