import { seededRandom } from '../latency-stats.js';
import { allChannels, benchCustomer, isWebhookChannel, webhookChannels, type BenchChannel } from './bench-customers.js';
import { deliveryRequest, post, type BenchMessage, type DeliveryRequest } from './deliver.js';
import { mapPool } from './pool.js';
import { answeredQuestions, statusLine } from './replay-trial.js';
import type { TranscriptLine } from './staff-client.js';
import { unansweredCustomerLines } from './transcript-counts.js';
import type { TrialFigure } from './trial-result.js';
import { TrialWorld } from './trial-world.js';

/** One message of a kill trial, the exact request its platform sends (and resends), and what Careline answered. */
interface Sent {
  message: BenchMessage;
  request: DeliveryRequest;
  /** 0: refused or reset; undefined: not sent before the kill. */
  status?: number;
}

const acknowledged = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/**
 * Sends one message per customer, `perChannel` customers on each of `channels`, four at a
 * time per channel, and `kill -9`s Careline the moment a random share (20–70 %) of them has
 * been acknowledged, with the others in flight. Sending stops there, as it does from
 * platforms whose requests now fail.
 */
async function sendUntilKilled(world: TrialWorld, trial: number, channels: BenchChannel[], perChannel: number): Promise<{ sent: Sent[]; killAt: number }> {
  const random = seededRandom(16_000 + trial);
  let nextId = trial * 10_000_000;
  const byChannel = channels.map((channel) =>
    Array.from({ length: perChannel }, (_, i): Sent => {
      const message: BenchMessage = { customer: benchCustomer(channel, trial, i), messageId: ++nextId, text: answeredQuestions[i % answeredQuestions.length]! };
      return { message, request: deliveryRequest(message, world.fakes.url) };
    }),
  );
  const total = channels.length * perChannel;
  const killAt = Math.round(total * (0.2 + random() * 0.5));
  let acked = 0;
  let killing: Promise<void> | null = null;
  await Promise.all(
    byChannel.map((entries) =>
      mapPool(entries, 4, async (entry) => {
        if (killing) return;
        entry.status = (await post(world.url, entry.request, 15_000)).status;
        if (acknowledged(entry.status) && ++acked >= killAt && !killing) killing = world.server.kill9();
      }),
    ),
  );
  await killing;
  return { sent: byChannel.flat(), killAt };
}

/** Starts Careline again on the same data and waits until it has recovered (at most 90 s). */
async function restartAndRecover(world: TrialWorld): Promise<number> {
  const started = Date.now();
  await world.start();
  await world.recovered(90_000);
  return Date.now() - started;
}

const customerTexts = (transcripts: TranscriptLine[][]) => transcripts.flat().filter((line) => line.author === 'customer').map((line) => line.text);

function perChannel(entries: Sent[]): string {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.message.customer.channel, (counts.get(entry.message.customer.channel) ?? 0) + 1);
  return [...counts].map(([channel, count]) => `${channel} ${count}`).join(', ') || 'none';
}

function statusesOf(entries: Sent[]): Map<number, number> {
  const statuses = new Map<number, number>();
  for (const entry of entries) if (entry.status !== undefined) statuses.set(entry.status, (statuses.get(entry.status) ?? 0) + 1);
  return statuses;
}

/**
 * Trial 2: `kill -9` right after webhooks were acknowledged, on every webhook channel; after a
 * restart on the same data, counts acknowledged messages that are not in the store (read
 * through the staff API). No redelivery: a platform does not resend what was acknowledged.
 */
export async function killAfterAckTrial(options: { perChannel: number }): Promise<TrialFigure[]> {
  const world = await TrialWorld.create();
  try {
    const { sent, killAt } = await sendUntilKilled(world, 2, webhookChannels, options.perChannel);
    const recoveryMs = await restartAndRecover(world);
    const acked = sent.filter((entry) => acknowledged(entry.status));
    const { store, crossCheck } = await world.transcripts(acked.map((entry) => entry.message.customer));
    const transcripts = acked.map((entry) => store.transcripts(entry.message.customer));
    const lost = acked.filter((entry, i) => !customerTexts(transcripts[i]!).includes(entry.message.text));
    return [
      {
        name: '2. kill -9 after acknowledgement: acknowledged messages lost',
        figure: `${lost.length} of ${acked.length}`,
        mustBe: '0 lost',
        pass: lost.length === 0,
        notes: [`${options.perChannel} messages on each of ${webhookChannels.join(', ')}; killed after ${killAt} acknowledgements; answers before the kill: ${statusLine(statusesOf(sent))}`, `lost per channel: ${perChannel(lost)}; restart and recovery ${(recoveryMs / 1000).toFixed(1)} s; ${crossCheck}`, ...world.errorsNote()],
      },
    ];
  } finally {
    await world.close();
  }
}

/**
 * Trial 3: `kill -9` while turns run, on every channel; after the restart the platforms
 * redeliver what was not acknowledged (and, as they sometimes do, a third of what was),
 * retrying until acknowledged (three rounds). Counts stored customer messages that no bot
 * reply follows, and messages never stored.
 */
export async function killDuringTurnsTrial(options: { perChannel: number }): Promise<TrialFigure[]> {
  const world = await TrialWorld.create();
  const random = seededRandom(16_303);
  try {
    const phases: string[] = [];
    let mark = Date.now();
    const phase = (name: string) => {
      phases.push(`${name} ${((Date.now() - mark) / 1000).toFixed(1)} s`);
      mark = Date.now();
    };
    const { sent, killAt } = await sendUntilKilled(world, 3, allChannels, options.perChannel);
    phase('sending');
    const before = statusLine(statusesOf(sent));
    const unackedAtKill = sent.filter((entry) => !acknowledged(entry.status)).length;
    await world.start();
    let resend = sent.filter((entry) => !acknowledged(entry.status) || random() < 0.33);
    const resent = resend.length;
    for (let round = 0; round < 3 && resend.length > 0; round++) {
      await mapPool(resend, 16, async (entry) => {
        const result = await post(world.url, entry.request, 15_000);
        entry.status = result.status;
        if (process.env.BENCH_FAULTS_DEBUG === '1' && !acknowledged(result.status)) process.stdout.write(`    redelivery of ${entry.message.customer.channel} ${entry.message.customer.platformId}: ${result.status} ${result.error ?? result.body?.slice(0, 200)}\n`);
      });
      resend = resend.filter((entry) => !acknowledged(entry.status));
    }
    phase('restart and redelivery');
    const recovery = await world.recovered(90_000);
    phase(`recovery${recovery.pending ? ` (${recovery.pending} outbox entries still pending)` : ''}`);
    const { store, crossCheck } = await world.transcripts(sent.map((entry) => entry.message.customer));
    const transcripts = sent.map((entry) => store.transcripts(entry.message.customer));
    phase('reading transcripts');
    const unanswered = sent.filter((_, i) => transcripts[i]!.some((conversation) => unansweredCustomerLines(conversation) > 0));
    const unansweredLines = transcripts.reduce((sum, conversations) => sum + conversations.reduce((inner, conversation) => inner + unansweredCustomerLines(conversation), 0), 0);
    const neverStored = sent.filter((entry, i) => !customerTexts(transcripts[i]!).includes(entry.message.text));
    const noPlatformReply = sent.filter(({ message: { customer } }, i) => isWebhookChannel(customer.channel) && transcripts[i]!.flat().some((line) => line.author === 'bot') && world.fakes.arrived(customer.channel, customer.recipient).length === 0);
    return [
      {
        name: '3. kill -9 during turns: stored customer messages never answered',
        figure: String(unansweredLines),
        mustBe: '0 unanswered',
        pass: unansweredLines === 0,
        notes: [
          `${options.perChannel} messages on each of ${allChannels.join(', ')}; killed after ${killAt} acknowledgements (${before}); ${unackedAtKill} not acknowledged; redelivered ${resent} after the restart`,
          `unanswered per channel: ${perChannel(unanswered)}; never stored after redelivery: ${neverStored.length} (${perChannel(neverStored)}); still not acknowledged after 3 rounds: ${resend.length}`,
          `answered in the transcript but no reply ever reached the platform: ${noPlatformReply.length} (${perChannel(noPlatformReply)})`,
          `took: ${phases.join(', ')}; ${crossCheck}`,
          ...world.errorsNote(),
        ],
      },
    ];
  } finally {
    await world.close();
  }
}
