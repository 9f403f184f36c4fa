import type { ContextKind } from '../types.js';
import { ambiguousOutcomeContext, statusBranchContext, timeoutHandlerContext } from './ambiguous-outcome.js';
import { retryContext } from './retry.js';

const CONTEXTS = new Map<string, ContextKind>(
  [retryContext, timeoutHandlerContext, statusBranchContext, ambiguousOutcomeContext].map((c) => [c.name, c]),
);

/** The context kind `inside:` names, or undefined. */
export function getContext(name: string): ContextKind | undefined {
  return CONTEXTS.get(name);
}

/** Every context name, for help and error messages. */
export function contextNames(): string[] {
  return [...CONTEXTS.keys()];
}
