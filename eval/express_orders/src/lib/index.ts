export { withRetry } from './retry.js';
export type { RetryOptions } from './retry.js';
export * from './backoff.js';
export { RetryPolicy } from './retry-policy.js';
export * from './errors.js';
