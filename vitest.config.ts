import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // A browser on a loaded 2-core machine can take seconds to re-render; the default poll gives
    // it one (the dashboard review test once timed out while the full suite ran beside scans).
    expect: { poll: { timeout: 15_000 } },
  },
});
