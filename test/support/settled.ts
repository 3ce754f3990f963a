import type { Careline } from '../../src/app/careline.js';

/**
 * Resolves once the product has nothing left to do now: no turn queued or running on any
 * channel (nor what a channel does after one), no event listener's work running, no send in
 * flight or due. Each may start the others' work (a turn sends, a send's receipt is recorded,
 * a listener schedules a job), so it looks again until one pass finds all of them quiet. A
 * retry waiting out its backoff is not waited for. For checking that nothing else happened,
 * instead of sleeping for a while.
 */
export async function settled(careline: Pick<Careline, 'idle' | 'engine' | 'events' | 'outboxWorker'>): Promise<void> {
  for (;;) {
    await careline.idle();
    const waited = [await careline.engine.idle(), await careline.events.idle(), await careline.outboxWorker.idle()];
    if (!waited.includes(true)) return;
  }
}

/**
 * Runs the jobs due now (e.g. a CSAT survey with CSAT_DELAY_SECONDS=0) once the product is
 * settled, as a started job runner does at its next look, which may be a second away.
 */
export async function runDueJobs(careline: Pick<Careline, 'idle' | 'engine' | 'events' | 'outboxWorker' | 'jobRunner'>): Promise<number> {
  await settled(careline);
  return careline.jobRunner.runDue();
}
