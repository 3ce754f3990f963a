import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Three workers on two cores: a worker waiting on Chromium, a child process or a socket
    // leaves its core to another (measured on the idle 2-core machine, 2026-12-03: vitest
    // 131 s with two workers, 118 s with three, the machine 90 % and 96 % busy).
    maxWorkers: 3,
    // Test files of one worker share loaded modules: importing the product anew for each of
    // ~100 files cost about a minute of the run. Each test still builds its own world (store
    // in a temp dir, its own Careline); what modules share is what the product shares within
    // one process anyway (e.g. the calibration cache), and what test support keeps per worker
    // on purpose (test/support/world-store.ts: the files read, a seeded store to copy, the
    // answer index of identical articles; one Chromium).
    isolate: false,
    // `expect.poll` waits for what the product does in the background; a loaded 2-core machine needs longer than the default second.
    expect: { poll: { timeout: 10_000 } },
  },
});
