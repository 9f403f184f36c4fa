export { changedLinesSince, parseAddedLines, type ChangedLines } from './git-diff.js';
export { findingChanged, onlyChangedFindings } from './only-changed.js';
