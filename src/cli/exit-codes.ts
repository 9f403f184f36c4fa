import { RISKS, type Finding, type Risk } from '../engine/types.js';

/** 0: nothing at or above the gate. */
export const EXIT_CLEAN = 0;
/** 1: findings at or above the gate. */
export const EXIT_FINDINGS = 1;
/** 2: usage, config, rule or input error. */
export const EXIT_ERROR = 2;

/** Whether a finding counts for the gate: at or above it, not suppressed, not already in a baseline. */
export function failsGate(f: Finding, gate: Risk | 'none'): boolean {
  if (gate === 'none' || f.suppression !== undefined || f.baselineState === 'unchanged') return false;
  return RISKS.indexOf(f.risk) <= RISKS.indexOf(gate);
}
