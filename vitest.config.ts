import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/build-server.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A screen waits for the hall (a report from the statistics thread, a reconnect): on a shared, busy machine that
    // can take more than the default second, and a poll that gives up early fails a screen that works.
    expect: { poll: { timeout: 5_000 } },
    pool: 'forks',
    // Two cores: hardware and browser tests hold ptys, X displays and Chromium; keep concurrency modest.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
