import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // tree-sitter's native parser is not safe to share across worker threads mid-parse; forks isolate it.
    pool: 'forks',
    // A guard against hangs, not a speed check: scans of the fixtures and examples take a few seconds
    // alone but several times that on a shared, loaded runner, where 30 s failed tests that were right;
    // the cache and worker tests scan the whole fixture tree several times and took 117-135 s on a
    // 2-core machine with nothing else running (the round's start code as well), so 120 s failed them.
    testTimeout: 300_000,
  },
});
