/**
 * A one-line `files done / total` indicator on stderr, redrawn with `\r`. It stays silent for the
 * first second (short scans print nothing) and redraws at most ten times a second. The caller
 * decides whether to use it at all (only on a terminal, never with --quiet).
 */
export interface Progress {
  /** `stage`: what is being counted (`read` while hashing, `scanned` by default). */
  tick(done: number, total: number, stage?: string): void;
  done(): void;
}

export function createProgress(write: (text: string) => void, now: () => number = Date.now, delayMs = 1000): Progress {
  const start = now();
  let last = 0;
  let shown = false;
  return {
    tick(done, total, stage = 'scanned') {
      const t = now();
      if (t - start < delayMs || t - last < 100) return;
      last = t;
      shown = true;
      write(`\rfaultline: ${stage} ${done}/${total} files\x1b[K`);
    },
    done() {
      if (shown) write('\r\x1b[K');
    },
  };
}

/** A progress indicator that prints nothing. */
export const NO_PROGRESS: Progress = { tick() {}, done() {} };
