/**
 * faultline's library API: `import { scan, loadRules } from 'faultline'`. `scan()` returns the
 * same report `faultline scan --format json` prints; errors are `ScanError`s with a `code`, the
 * `file` and `line` they are about, and a `help` line.
 */
export { scan, type ScanOptions, type ScanReport } from './api/scan.js';
export { loadRules, type LoadRulesOptions, type RuleInfo } from './api/rules.js';
export { ScanError } from './errors.js';
export type { Finding, RelatedLocation, Risk, RuleLanguage, ScanWarning } from './engine/types.js';
