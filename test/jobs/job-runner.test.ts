import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/jobs/job-queue.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { openTempStore } from '../support/temp-store.js';

describe('the job runner, started', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A started runner that polls only once a minute, so that what runs sooner was not found by a poll; `ran` holds each job's id and when it ran. */
  async function startRunner() {
    const { store, dispose } = await openTempStore('careline-jobs-');
    const queue = new JobQueue(store);
    const ran: { id: string; at: number }[] = [];
    const runner = new JobRunner(queue, { logger: pino({ level: 'silent' }), pollMs: 60_000 }).register('survey', async (job) => {
      ran.push({ id: job._id, at: Date.now() });
    });
    runner.start();
    cleanups.push(async () => {
      await runner.stop();
      await dispose();
    });
    return { queue, runner, ran };
  }

  it('runs a job scheduled in this process as soon as it is due, not at the next poll', async () => {
    const { queue, ran } = await startRunner();
    const now = await queue.schedule({ type: 'survey', dueAt: new Date() });
    const scheduledAt = Date.now();
    const soon = await queue.schedule({ type: 'survey', dueAt: new Date(scheduledAt + 300) });
    await expect.poll(() => ran.length).toBe(2);
    expect(ran.map((run) => run.id)).toEqual([now._id, soon._id]);
    // Not before it was due.
    expect(ran[1]!.at).toBeGreaterThanOrEqual(soon.dueAt.getTime());
    expect((await queue.get(soon._id))?.status).toBe('done');
  });

  it('leaves a job due after the next poll to the poll', async () => {
    const { queue, ran } = await startRunner();
    const later = await queue.schedule({ type: 'survey', dueAt: new Date(Date.now() + 120_000) });
    const now = await queue.schedule({ type: 'survey', dueAt: new Date() });
    await expect.poll(() => ran.length).toBe(1);
    expect(ran.map((run) => run.id)).toEqual([now._id]);
    expect((await queue.get(later._id))?.status).toBe('pending');
  });
});
