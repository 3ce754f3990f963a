import { benchCustomer } from './bench-customers.js';
import { deliver } from './deliver.js';
import { mapPool, sleep, waitUntil } from './pool.js';
import { StoreTranscripts } from './store-transcripts.js';
import { onceAndInOrder } from './transcript-counts.js';
import type { TrialFigure } from './trial-result.js';
import { TrialWorld } from './trial-world.js';

const trial = 6;
/** Three questions in a row per customer; each gets its own, different bot reply. */
const questions = ['bao hanh bao lau', 'phi ship bao nhieu', 'doi tra hang nhu the nao'];

/**
 * Trial 6: WhatsApp's Cloud API answers 503 for `outageSeconds` while `customers` customers
 * each ask three questions (5 s apart, the first right as the outage begins); then it answers
 * again. Checks that every bot reply the transcripts hold went out once and in order, and how
 * long after the recovery the last one did (waiting at most `waitSeconds`).
 */
export async function platformOutageTrial(options: { outageSeconds: number; customers: number; waitSeconds: number }): Promise<TrialFigure[]> {
  const world = await TrialWorld.create();
  try {
    const customers = Array.from({ length: options.customers }, (_, i) => benchCustomer('whatsapp', trial, i));
    world.fakes.setBehaviour('whatsapp', { kind: 'fail', status: 503 });
    const outageEnds = Date.now() + options.outageSeconds * 1000;
    let nextId = trial * 10_000_000;
    const asked: number[] = [];
    for (const [round, text] of questions.entries()) {
      if (round > 0) await sleep(5000);
      const answers = await mapPool(customers, 8, (customer) => deliver(world.url, { customer, messageId: ++nextId, text }, world.fakes.url));
      asked.push(...answers.map((answer) => answer.status));
    }
    await sleep(Math.max(0, outageEnds - Date.now()));
    const failedAttempts = world.fakes.arrived('whatsapp').length;
    world.fakes.setBehaviour('whatsapp', { kind: 'ok' });
    const recoveredAt = Date.now();
    const store = await StoreTranscripts.read(world.dataDir);
    const expected = customers.map((customer) => store.transcripts(customer).flat().filter((line) => line.author === 'bot').map((line) => line.text));
    const deliveredTo = (i: number) => world.fakes.delivered('whatsapp', customers[i]!.recipient).map((send) => send.text);
    const allOut = () => expected.every((texts, i) => onceAndInOrder(texts, deliveredTo(i)).missing === 0);
    const out = await waitUntil(allOut, options.waitSeconds * 1000, 100);
    await sleep(2000); // late doubles, if any
    const checks = expected.map((texts, i) => onceAndInOrder(texts, deliveredTo(i)));
    const missing = checks.reduce((sum, check) => sum + check.missing, 0);
    const doubled = checks.reduce((sum, check) => sum + check.duplicates, 0);
    const outOfOrder = checks.filter((check) => !check.inOrder).length;
    const total = expected.reduce((sum, texts) => sum + texts.length, 0);
    const lastAt = Math.max(0, ...world.fakes.delivered('whatsapp').map((send) => send.answeredAt ?? 0));
    return [
      {
        name: `6. platform outage ${options.outageSeconds} s: queued replies out once, in order`,
        figure: `${total - missing} of ${total} out, ${doubled} doubled, ${outOfOrder} customers out of order`,
        mustBe: 'all out, 0 doubled, 0 out of order',
        pass: missing === 0 && doubled === 0 && outOfOrder === 0 && total > 0,
        notes: [`${options.customers} WhatsApp customers × ${questions.length} questions during a 503 outage; webhook answers ${[...new Set(asked)].join('/')}; ${failedAttempts} send attempts refused during the outage`],
      },
      {
        name: `6. platform outage ${options.outageSeconds} s: last queued reply out after recovery`,
        figure: out ? `${((lastAt - recoveredAt) / 1000).toFixed(1)} s` : `not all out after ${options.waitSeconds} s`,
        mustBe: `all out (within ${options.waitSeconds} s)`,
        pass: out,
        notes: world.errorsNote(),
      },
    ];
  } finally {
    await world.close();
  }
}
