/**
 * Baselines: record today's findings, then report and gate only on new ones.
 * `readBaseline`/`writeBaseline` touch the file system; everything else is pure.
 */
export { BASELINE_VERSION, BaselineSchema, type Baseline, type BaselineEntry } from './baseline.js';
export { applyBaseline, createBaseline, pruneBaseline, type ScanScope } from './apply-baseline.js';
export { formatBaseline, parseBaseline, readBaseline, writeBaseline } from './baseline-file.js';
