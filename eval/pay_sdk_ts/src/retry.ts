import { isRetryable } from './errors.js';

export interface BackoffOptions {
  maxAttempts?: number;
  initialDelayMs?: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retries `op` on timeouts and 5xx; exported for SDK users. */
export async function withBackoff<T>(op: (attempt: number) => Promise<T>, { maxAttempts = 3, initialDelayMs = 300 }: BackoffOptions = {}): Promise<T> {
  let delay = initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await op(attempt);
    } catch (err) {
      if (attempt >= maxAttempts || !isRetryable(err)) throw err;
      await wait(delay);
      delay *= 2;
    }
  }
}
