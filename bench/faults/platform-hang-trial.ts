import { benchCustomer } from './bench-customers.js';
import { deliver, type BenchMessage } from './deliver.js';
import { sleep, waitUntil } from './pool.js';
import type { StaffClient } from './staff-client.js';
import { onceAndInOrder, sameMessage } from './transcript-counts.js';
import type { TrialFigure } from './trial-result.js';
import { TrialWorld } from './trial-world.js';
import type { PlatformName } from './fake-platforms.js';

interface QueueItem {
  ticket: { id: string };
  conversation: { id: string; channel: string } | null;
}

/**
 * Has customer `index` of `trial` on `channel` ask for a person, waits for the ticket and
 * claims it as the admin, then waits until the platform has the handoff message. Resolves with
 * the conversation id.
 */
export async function agentConversation(world: TrialWorld, staff: StaffClient, channel: PlatformName, trial: number, index: number): Promise<string> {
  const customer = benchCustomer(channel, trial, index);
  const message: BenchMessage = { customer, messageId: trial * 10_000_000 + index, text: 'toi muon gap nhan vien' };
  const answer = await deliver(world.url, message, world.fakes.url);
  if (answer.status >= 300 || answer.status === 0) throw new Error(`the handoff request was answered ${answer.status}`);
  let item: QueueItem | undefined;
  await waitUntil(async () => {
    const { queue } = await staff.get<{ queue: QueueItem[] }>('/api/agent/queue');
    item = queue.find((entry) => entry.conversation?.channel === customer.channel);
    return item !== undefined;
  }, 15_000, 200);
  if (!item) throw new Error(`no ticket appeared for the ${customer.channel} customer who asked for a person`);
  const { conversationId } = await staff.post<{ conversationId: string }>(`/api/agent/tickets/${item.ticket.id}/claim`, {});
  await waitUntil(() => world.fakes.delivered(channel, customer.recipient).length > 0, 10_000);
  return conversationId;
}

/** Posts one agent reply, resolving with how long the request took and its status (0: no answer). */
export async function timedAgentReply(staff: StaffClient, conversationId: string, text: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  try {
    const response = await fetch(`${staff.baseUrl}/api/agent/conversations/${conversationId}/messages`, { method: 'POST', headers: staff.headers, body: JSON.stringify({ text }), signal: AbortSignal.timeout(90_000) });
    await response.text();
    return { ms: performance.now() - started, status: response.status };
  } catch {
    return { ms: performance.now() - started, status: 0 };
  }
}

/**
 * Trial 5: the Graph API accepts Messenger sends and never answers for `hangSeconds`. An agent
 * sends three replies 300 ms apart during the hang; measures how long each `POST
 * /api/agent/conversations/:id/messages` takes, and once the API answers again, whether each
 * reply reached Messenger exactly once (answered 200) and in order.
 */
export async function platformHangTrial(options: { hangSeconds: number; sendTimeoutNote: string }): Promise<TrialFigure[]> {
  const world = await TrialWorld.create();
  try {
    const staff = await world.staff();
    const customer = benchCustomer('messenger', 5, 1);
    const conversationId = await agentConversation(world, staff, 'messenger', 5, 1);
    const texts = ['Agent reply one: the technician comes on Monday', 'Agent reply two: please keep the invoice', 'Agent reply three: anything else I can help with'];
    const before = world.fakes.arrived('messenger', customer.recipient).length;
    world.fakes.setBehaviour('messenger', { kind: 'hang' });
    const hangEnds = Date.now() + options.hangSeconds * 1000;
    const ending = sleep(options.hangSeconds * 1000).then(() => world.fakes.setBehaviour('messenger', { kind: 'ok' }));
    const replies = await Promise.all(texts.map(async (text, i) => {
      await sleep(i * 300);
      return timedAgentReply(staff, conversationId, text);
    }));
    await ending;
    await waitUntil(() => onceAndInOrder(texts, world.fakes.delivered('messenger', customer.recipient).map((send) => send.text)).missing === 0, 90_000, 100);
    const recovery = await world.recovered(30_000);
    const delivered = world.fakes.delivered('messenger', customer.recipient).map((send) => send.text);
    const ours = (text: string) => texts.some((sent) => sameMessage(text, sent));
    const lastAt = Math.max(0, ...world.fakes.delivered('messenger', customer.recipient).filter((send) => ours(send.text)).map((send) => send.answeredAt ?? 0));
    const arrivedDuringHang = world.fakes.arrived('messenger', customer.recipient).slice(before).filter((send) => send.status === null).length;
    const check = onceAndInOrder(texts, delivered);
    const slowest = Math.max(...replies.map((reply) => reply.ms));
    return [
      {
        name: '5. platform hang: agent reply request time (slowest of 3)',
        figure: `${Math.round(slowest)} ms (answers ${replies.map((reply) => reply.status).join(', ')})`,
        mustBe: '< 1000 ms',
        pass: slowest < 1000 && replies.every((reply) => reply.status >= 200 && reply.status < 300),
        notes: [`Graph API held Messenger sends unanswered for ${options.hangSeconds} s (${options.sendTimeoutNote}); the three replies took ${replies.map((reply) => `${Math.round(reply.ms)} ms`).join(', ')}`],
      },
      {
        name: '5. platform hang: each agent reply delivered once, in order',
        figure: `${check.missing} missing, ${check.duplicates} doubled, ${check.inOrder ? 'in order' : 'OUT OF ORDER'}`,
        mustBe: '0 missing, 0 doubled, in order',
        pass: check.missing === 0 && check.duplicates === 0 && check.inOrder,
        notes: [
          `delivered to the customer: ${JSON.stringify(delivered.filter(ours).map((text) => text.replace(/^.*Agent reply (\w+):.*$/s, '$1')))}; requests the fake held unanswered during the hang: ${arrivedDuringHang}`,
          `last reply out ${lastAt > 0 ? `${((lastAt - hangEnds) / 1000).toFixed(1)} s after the API answered again` : 'never'}${recovery.pending ? `; ${recovery.pending} outbox entries still pending` : ''}`,
          ...world.errorsNote(),
        ],
      },
    ];
  } finally {
    await world.close();
  }
}
