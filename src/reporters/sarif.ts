import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Risk } from '../engine/types.js';
import type { Reporter } from './types.js';

const LEVEL: Record<Risk, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note' };

/** A minimal SARIF 2.1.0 log: the rules, and each finding with a %SRCROOT%-relative location. */
export const sarifReporter: Reporter = (result, ctx) => {
  const rules = ctx.rules.filter((r) => r.deprecated === undefined);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'faultline',
            version: ctx.version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.slug,
              shortDescription: { text: r.title },
              fullDescription: { text: r.rationale.trim() },
              help: { text: r.help },
              defaultConfiguration: { level: LEVEL[r.risk] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.srcRoot + sep).href } },
        results: result.findings.map((f) => ({
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
          level: LEVEL[f.risk],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relative(ctx.srcRoot, resolve(ctx.cwd, f.file)).split(sep).join('/'), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
