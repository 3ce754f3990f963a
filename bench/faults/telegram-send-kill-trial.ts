import { seededRandom } from '../latency-stats.js';
import { benchCustomer } from './bench-customers.js';
import { deliveryRequest, post, type BenchMessage } from './deliver.js';
import { mapPool, waitUntil } from './pool.js';
import { answeredQuestions } from './replay-trial.js';
import { extraCopies, missingAtPlatform } from './transcript-counts.js';
import type { TrialFigure } from './trial-result.js';
import { TrialWorld } from './trial-world.js';

const trial = 4;

/**
 * Trial 4: `kill -9` while bot replies are on their way to Telegram. The fake Bot API takes
 * 500 ms per `sendMessage` and each customer asks two questions back to back, so replies are
 * in flight, and second replies wait behind first ones, when Careline is killed (after a
 * random 30–100 replies reached the API). After the restart Telegram redelivers the updates
 * that were not acknowledged; once Careline has recovered, counts bot replies the transcripts
 * show that never reached the Bot API.
 */
export async function telegramSendKillTrial(options: { customers: number }): Promise<TrialFigure[]> {
  const world = await TrialWorld.create();
  const random = seededRandom(16_404);
  try {
    world.fakes.setBehaviour('telegram', { kind: 'slow', ms: 500 });
    const killAfter = 30 + Math.floor(random() * 70);
    const byCustomer = Array.from({ length: options.customers }, (_, i) =>
      answeredQuestions.map((text, q) => {
        const message: BenchMessage = { customer: benchCustomer('telegram', trial, i), messageId: trial * 10_000_000 + i * answeredQuestions.length + q + 1, text };
        return { message, request: deliveryRequest(message, world.fakes.url), status: undefined as number | undefined };
      }),
    );
    const entries = byCustomer.flat();
    let killing: Promise<void> | null = null;
    const watch = setInterval(() => {
      if (!killing && world.fakes.arrived('telegram').length >= killAfter) killing = world.server.kill9();
    }, 5);
    await mapPool(byCustomer, 10, async (questions) => {
      for (const entry of questions) if (!killing) entry.status = (await post(world.url, entry.request, 15_000)).status;
    });
    await waitUntil(() => killing !== null, 20_000, 10);
    clearInterval(watch);
    await killing;
    const inFlight = world.fakes.arrived('telegram').filter((send) => send.status === null).length;
    const arrivedAtKill = world.fakes.arrived('telegram').length;
    world.fakes.setBehaviour('telegram', { kind: 'ok' });
    await world.start();
    const redeliver = entries.filter((entry) => entry.status !== 200);
    await mapPool(redeliver, 8, async (entry) => {
      entry.status = (await post(world.url, entry.request, 15_000)).status;
    });
    const recovery = await world.recovered(90_000);
    const { store, crossCheck } = await world.transcripts(entries.map((entry) => entry.message.customer));
    let missing = 0;
    let repliesInTranscripts = 0;
    let doubled = 0;
    let unconfirmed = 0;
    for (const questions of byCustomer) {
      const { message } = questions[0]!;
      const sent = store.transcripts(message.customer).flat().filter((line) => line.author === 'bot').map((line) => line.text);
      const arrived = world.fakes.arrived('telegram', message.customer.recipient).map((send) => send.text);
      repliesInTranscripts += sent.length;
      const notReached = missingAtPlatform(sent, arrived).length;
      missing += notReached;
      unconfirmed += missingAtPlatform(sent, world.fakes.delivered('telegram', message.customer.recipient).map((send) => send.text)).length - notReached;
      doubled += extraCopies(arrived);
    }
    return [
      {
        name: '4. kill -9 while sending to Telegram: replies in transcripts that never reached Telegram',
        figure: `${missing} of ${repliesInTranscripts}`,
        mustBe: '0',
        pass: missing === 0,
        notes: [
          `${options.customers} Telegram customers, two questions each; Bot API answering in 500 ms; killed once ${arrivedAtKill} replies had reached it (${inFlight} unanswered in flight); ${redeliver.length} updates redelivered after the restart`,
          `recovered in ${(recovery.ms / 1000).toFixed(1)} s${recovery.pending ? `, ${recovery.pending} outbox entries still pending` : ''}; replies that reached Telegram twice: ${doubled}; replies that reached it only in a request the kill cut off before Telegram answered, never sent again after the restart (counted as reached; unconfirmed at-least-once): ${unconfirmed}`,
          crossCheck,
          ...world.errorsNote(),
        ],
      },
    ];
  } finally {
    await world.close();
  }
}
