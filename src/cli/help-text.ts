/**
 * The help text shared by `faultline --help` and `faultline scan --help`; the README quotes it
 * word for word (a test holds them together).
 */
export const EXIT_CODES_HELP = `Exit codes:
  0  no open finding at or above the gate (--fail-on, default high)
  1  open findings at or above the gate, or unused suppressions
     with --report-unused-suppressions
  2  usage, config, rule or input error (a named path with nothing to scan too)`;

export const SUPPRESSIONS_HELP = `Suppressions (on the finding's line, or alone on the line above it):
  # faultline-ignore AP-001: why this is safe      Python
  // faultline-ignore AP-001, AP-002: why          TypeScript / JavaScript
  /* faultline-ignore AP-001: why */               TypeScript / JavaScript
  # faultline-ignore: why                          every rule`;

export const MORE_HELP = `Run faultline explain AP-001 for a rule's rationale, examples and fix.`;
