import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../scripts/fuzz.js';

// The short seeded run of `npm run fuzz` (docs/reliability.md has the long one and its figures).
describe('npm run fuzz, short seeded run', () => {
  it('finds no hang, abort, nondeterministic batch, cache damage that changes findings, damaged file or lost byte', { timeout: 180_000 }, async () => {
    const report = await runFuzz({ seed: 2, batches: 1, files: 8, kills: 1, limits: 1, hangMs: 120_000 });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({
      sources: 8,
      hangs: 0,
      aborts: 0,
      nondeterministicBatches: 0,
      cacheCorruptionsThatChangedFindings: 0,
      killTrials: 1,
      killTrialsWithDamagedFile: 0,
      limitTrials: 1,
      limitTrialsThatLostBytes: 0,
      bytesLost: 0,
    });
    expect(report.cacheCorruptions).toBeGreaterThanOrEqual(19);
  });
});
