import { describe, expect, it } from 'vitest';
import { resolveTypedCalls } from '../../src/scan/typed-calls.js';
import { project } from '../support/project.js';
import { JOB, SERVICE } from '../support/typed-sources.js';

// Issue 17: the type checker's limit is a count of calls, not a time, and it counts calls answered
// from the cache too, so a cold run, a warm run and a run on more threads cut at the same call.
describe('the type-aware analysis limit', () => {
  it('cuts at the same call whether the answers come from the cache or not', () => {
    const dir = project({ 'src/payments.ts': SERVICE, 'src/job.ts': JOB });
    const cached = { file: 'src/payments.ts', name: 'PaymentsService.renew' };
    const known = new Map([
      ['src/job.ts:9:11', cached],
      ['src/job.ts:10:11', cached],
    ]);
    const warm = resolveTypedCalls({ cwd: dir, roots: [dir], budgetMs: 600_000, maxCalls: 1, known });
    expect(warm.resolver('src/job.ts', 9, 11)).toEqual(cached);
    // The cache knows the second call too, but a cold run would not have resolved it: neither does this one.
    expect(warm.resolver('src/job.ts', 10, 11)).toBeNull();
    expect(warm.resolver('src/job.ts', 9, 11)).toEqual(cached);
    expect(warm.warnings).toEqual([{ file: 'src/job.ts', kind: 'types', message: 'type-aware analysis stopped after 1 method calls; remaining method calls keep their syntax-level verdicts' }]);

    const cold = resolveTypedCalls({ cwd: dir, roots: [dir], budgetMs: 600_000, maxCalls: 1 });
    cold.resolver('src/job.ts', 9, 11);
    expect(cold.resolver('src/job.ts', 10, 11)).toBeNull();
    expect(cold.warnings).toEqual(warm.warnings);
  });
});
