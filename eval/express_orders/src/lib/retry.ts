import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  shouldRetry?: (err: unknown) => boolean;
}

const transient = (err: unknown) =>
  err instanceof Error && ['ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN'].includes((err as NodeJS.ErrnoException).code ?? '');

/** Runs `fn` until it resolves, backing off exponentially between attempts. */
export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 3;
  const shouldRetry = opts.shouldRetry ?? transient;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      if (!shouldRetry(err)) throw err;
      await sleep((opts.baseDelayMs ?? 200) * 2 ** attempt);
    }
  }
  throw lastError;
}
