import { setTimeout as sleep } from 'node:timers/promises';

export class RetryPolicy {
  constructor(
    private readonly maxAttempts = 3,
    private readonly delayMs = 500,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    let attempt = 0;
    do {
      attempt++;
      try {
        return await task();
      } catch (err) {
        if (attempt >= this.maxAttempts) throw err;
        await sleep(this.delayMs * attempt);
      }
    } while (attempt < this.maxAttempts);
    throw new Error('unreachable');
  }
}
