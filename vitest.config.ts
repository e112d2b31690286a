import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/build-server.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: hardware and browser tests hold ptys, X displays and Chromium; keep concurrency modest.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
