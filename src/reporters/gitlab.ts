/**
 * The `gitlab` format: a GitLab Code Quality report (`artifacts: reports: codequality:`), the
 * Code Climate subset GitLab reads: one issue per open finding with `description`, `check_name`,
 * `fingerprint`, `severity` and `location.path` / `location.lines.begin`. Paths are relative to
 * the repository root (`ctx.srcRoot`), which GitLab resolves them against. Suppressed and
 * baselined findings are left out, as in the text and github formats.
 */
import { createHash } from 'node:crypto';
import { isOpenFinding } from '../engine/finding-state.js';
import type { Risk } from '../engine/types.js';
import { srcRootPath } from './src-root-path.js';
import type { Reporter } from './types.js';

/** Risk to Code Quality severity (GitLab's scale: info, minor, major, critical, blocker). */
export const GITLAB_SEVERITY: Readonly<Record<Risk, 'critical' | 'major' | 'minor'>> = { high: 'critical', medium: 'major', low: 'minor' };

export const gitlabReporter: Reporter = (result, ctx) => {
  const issues = result.findings.filter(isOpenFinding).map((f) => {
    const path = srcRootPath(f.file, ctx) ?? f.file;
    // GitLab keeps only the first issue of a fingerprint: the content fingerprint is unique per
    // file and rule, and survives lines moving, so merge requests compare like with like.
    const identity = f.fingerprint ?? `${f.line}:${f.column}`;
    return {
      type: 'issue',
      description: `${f.ruleId} ${f.title}: ${f.message}`,
      check_name: `faultline/${f.ruleId}-${f.slug}`,
      categories: ['Bug Risk'],
      fingerprint: createHash('sha256').update(`${f.ruleId}\0${path}\0${identity}`).digest('hex').slice(0, 32),
      severity: GITLAB_SEVERITY[f.risk],
      location: { path, lines: { begin: f.line, end: f.endLine } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
};
