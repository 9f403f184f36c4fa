import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // tree-sitter's native parser is not safe to share across worker threads mid-parse; forks isolate it.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
