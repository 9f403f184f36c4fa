import { setTimeout as sleep } from 'node:timers/promises';

/** Linear backoff with jitter; gives up after `maxTries`. */
export async function attemptWithBackoff<T>(operation: () => Promise<T>, maxTries = 4): Promise<T> {
  let tries = 0;
  while (true) {
    tries++;
    try {
      return await operation();
    } catch (err) {
      if (tries >= maxTries) throw err;
      await sleep(250 * tries + Math.random() * 100);
    }
  }
}
