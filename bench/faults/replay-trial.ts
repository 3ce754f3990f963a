import { allChannels, benchCustomer, isWebhookChannel, type BenchCustomer } from './bench-customers.js';
import { deliveryRequest, post, type BenchMessage } from './deliver.js';
import { mapPool, sleep, waitUntil } from './pool.js';
import { seededRandom } from '../latency-stats.js';
import { extraCopies } from './transcript-counts.js';
import type { TrialFigure } from './trial-result.js';
import { TrialWorld } from './trial-world.js';

const trial = 1;
/** Two questions the shipped knowledge base answers with an article, so no customer is handed off. */
export const answeredQuestions = ['bao hanh bao lau', 'phi ship bao nhieu'];

/** Waits until the fakes have seen no new send for `quietMs` (at most `timeoutMs`). */
export async function sendsSettled(world: TrialWorld, quietMs = 2000, timeoutMs = 60_000): Promise<void> {
  let count = -1;
  let since = Date.now();
  await waitUntil(() => {
    if (world.fakes.sends.length !== count) {
      count = world.fakes.sends.length;
      since = Date.now();
    }
    return Date.now() - since >= quietMs;
  }, timeoutMs, 100);
}

/**
 * Trial 1: `deliveries` customer messages spread over every channel (two per customer), each
 * delivered 2 or 3 times with the identical request (the platform's redelivery), the copies
 * partly at the same moment. Counts doubled lines in the stored transcripts and doubled
 * replies at the fake platforms.
 */
export async function replayTrial(options: { deliveries: number }): Promise<TrialFigure[]> {
  const world = await TrialWorld.create();
  const random = seededRandom(16_001);
  try {
    const perChannel = Math.max(1, Math.round(options.deliveries / allChannels.length / answeredQuestions.length));
    const customers = allChannels.flatMap((channel) => Array.from({ length: perChannel }, (_, i) => benchCustomer(channel, trial, i)));
    let nextId = trial * 10_000_000;
    let requests = 0;
    const statuses = new Map<number, number>();
    const started = Date.now();
    await mapPool(customers, 24, async (customer) => {
      for (const text of answeredQuestions) {
        const message: BenchMessage = { customer, messageId: ++nextId, text };
        const request = deliveryRequest(message, world.fakes.url);
        const copies = 2 + Math.floor(random() * 2);
        requests += copies;
        await Promise.all(Array.from({ length: copies }, async (_, copy) => {
          await sleep(copy === 0 ? 0 : Math.floor(random() * 40));
          const { status } = await post(world.url, request);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }));
      }
    });
    const sendMs = Date.now() - started;
    await sendsSettled(world);
    const { store, crossCheck } = await world.transcripts(customers);
    const counts = customers.map((customer) => countDoubles(customer, store.transcripts(customer), world));
    const sum = (pick: (count: DoubleCounts) => number) => counts.reduce((total, count) => total + pick(count), 0);
    const storedDoubles = sum((count) => count.storedDoubles);
    const replyDoubles = sum((count) => count.replyDoubles);
    const missing = sum((count) => count.missing);
    const deliveries = customers.length * answeredQuestions.length;
    const notes = [`${deliveries} messages from ${customers.length} customers on ${allChannels.join(', ')}; ${requests} requests in ${(sendMs / 1000).toFixed(1)} s`, `answers: ${statusLine(statuses)}; replies at the platforms: ${world.fakes.sends.length}`, `messages not stored at all: ${missing}; ${crossCheck}`, ...world.errorsNote()];
    return [
      { name: '1. replays: doubled stored messages', figure: String(storedDoubles), mustBe: '0', pass: storedDoubles === 0, notes },
      { name: '1. replays: doubled replies at the platforms', figure: String(replyDoubles), mustBe: '0', pass: replyDoubles === 0 },
    ];
  } finally {
    await world.close();
  }
}

/** `200 ×4980, 0 ×7`: how often each status was answered. */
export function statusLine(statuses: Map<number, number>): string {
  return [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status || 'no answer'} ×${count}`).join(', ');
}

interface DoubleCounts {
  storedDoubles: number;
  replyDoubles: number;
  missing: number;
}

function countDoubles(customer: BenchCustomer, transcripts: { author: string; text: string }[][], world: TrialWorld): DoubleCounts {
  const lines = transcripts.flat();
  const customerTexts = lines.filter((line) => line.author === 'customer').map((line) => line.text);
  const botTexts = lines.filter((line) => line.author === 'bot').map((line) => line.text);
  const missing = answeredQuestions.filter((question) => !customerTexts.includes(question)).length;
  const replies = isWebhookChannel(customer.channel) ? world.fakes.delivered(customer.channel, customer.recipient).map((send) => send.text) : [];
  return { storedDoubles: extraCopies(customerTexts) + extraCopies(botTexts), replyDoubles: extraCopies(replies), missing };
}
