import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two workers on two cores (measured on the idle 2-core machine, 2026-12-04, after the
    // browser pages got cheaper: vitest 128 and 129 s with two workers, 139 and 137 s with
    // three, whose extra waiting and polling under load cost 35 more core-seconds).
    maxWorkers: 2,
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
