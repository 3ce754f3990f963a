import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../src/accounts/user.js';
import { createCareline } from '../../src/app/careline.js';
import type { InboundMessage } from '../../src/core/messages.js';
import { ConflictError } from '../../src/core/app-error.js';
import { handoffTicketId } from '../../src/handoff/ticket.js';
import { faultyStore, InjectedFault, setsState, type FaultRule } from '../support/faulty-store.js';
import { tempDir } from '../support/temp-dir.js';
import { openWorldStore } from '../support/world-store.js';

const askForHuman = (sender: string, messageId = `${sender}-m1`): InboundMessage => ({
  channel: 'rest',
  externalUserId: sender,
  text: 'cho gap nhan vien',
  platformMessageId: messageId,
  address: { sender },
  receivedAt: new Date(),
});

const agent: User = { _id: 'usr_lan', email: 'lan@shop.example', displayName: 'Lan', roles: ['agent'], passwordHash: 'x', disabled: false, maxConversations: 5, createdAt: new Date(), updatedAt: new Date() } as User;

/** Careline on a data directory that outlives it (a process stopped and started again), its store failing where `fails` says. */
async function open(dataDir: string, fails: FaultRule = () => false) {
  const config = loadCarelineConfig({ env: { DATA_DIR: dataDir, BUSINESS_HOURS: 'mon-sun 00:00-24:00' } });
  const { store: embedded, content } = await openWorldStore(config);
  const store = faultyStore(embedded, fails);
  const logs: string[] = [];
  const careline = await createCareline({ config, store, logger: pino({ level: 'info' }, { write: (line: string) => void logs.push(line) }), content });
  const { tickets, conversations } = careline.services;
  return {
    careline,
    store,
    tickets,
    conversations,
    repairs: () => logs.filter((line) => line.includes('handoff repaired')).map((line) => (JSON.parse(line) as { kind: string }).kind),
    close: async () => {
      await careline.stop();
      await embedded.close();
    },
  };
}

describe('HandoffRepair', () => {
  const dirs: { remove(): void }[] = [];
  const dataDir = () => {
    const dir = tempDir('careline-repair-');
    dirs.push(dir);
    return dir.path;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

  describe('when a handoff stopped after its ticket was written, before the conversation was', () => {
    // The handoff's second write: the conversation moving to `waiting`.
    const failConversationWaiting: FaultRule = (collection, method, args) => collection === 'conversations' && method === 'findOneAndUpdate' && setsState(args, 'waiting');

    it('completes it on the next start: the conversation waits for that ticket and agents see it in the queue', async () => {
      const dir = dataDir();
      const first = await open(dir, failConversationWaiting);
      await expect(first.careline.engine.handle(askForHuman('c1'))).rejects.toBeInstanceOf(InjectedFault);
      const [ticket] = await first.tickets.open();
      const stranded = await first.conversations.get(ticket!.conversationId);
      expect(stranded).toMatchObject({ state: 'bot' });
      expect(ticket!._id).toBe(handoffTicketId(stranded!._id, 1));
      await first.close();

      const second = await open(dir);
      expect(second.repairs()).toEqual(['conversation_waiting']);
      expect(await second.conversations.get(stranded!._id)).toMatchObject({ state: 'waiting', ticketId: ticket!._id, handoffs: 1 });
      expect((await second.tickets.waiting()).map((waiting) => waiting._id)).toEqual([ticket!._id]);
      const { conversation } = await second.careline.desk.claim(ticket!._id, agent);
      expect(conversation).toMatchObject({ state: 'with_agent', ownerId: agent._id });
      await second.close();

      const third = await open(dir);
      expect(third.repairs()).toEqual([]);
      await third.close();
    });

    it('completes it with the same ticket when the message is delivered again, and tells the customer its number', async () => {
      const world = await open(dataDir(), failConversationWaiting);
      await expect(world.careline.engine.handle(askForHuman('c2'))).rejects.toBeInstanceOf(InjectedFault);
      world.store.fails = () => false;
      const retried = await world.careline.engine.handle(askForHuman('c2'));
      const tickets = await world.tickets.open();
      expect(tickets).toHaveLength(1);
      expect(retried.conversation).toMatchObject({ state: 'waiting', ticketId: tickets[0]!._id });
      expect(retried.replies.at(-1)!.text).toContain(`#${tickets[0]!.number}`);
      await world.close();
    });
  });

  describe('when a conversation waits with no open ticket (left so by an older version)', () => {
    it('gives it a ticket on the next start', async () => {
      const dir = dataDir();
      const first = await open(dir);
      const conversation = await first.conversations.openFor('cus_old', 'rest', { sender: 'old' });
      await first.conversations.transition(conversation._id, { state: 'bot' }, { $set: { state: 'waiting' } });
      await first.close();

      const second = await open(dir);
      expect(second.repairs()).toEqual(['ticket_created']);
      const [ticket] = await second.tickets.waiting();
      expect(ticket).toMatchObject({ conversationId: conversation._id, status: 'waiting' });
      expect(await second.conversations.get(conversation._id)).toMatchObject({ state: 'waiting', ticketId: ticket!._id });
      await second.close();
    });
  });

  describe('when a claim fails half-way', () => {
    it('puts the ticket back in the queue at once, and another claim then succeeds', async () => {
      const world = await open(dataDir());
      await world.careline.engine.handle(askForHuman('c3'));
      const [ticket] = await world.tickets.waiting();
      world.store.fails = (collection, method, args) => collection === 'conversations' && method === 'findOneAndUpdate' && setsState(args, 'with_agent');
      await expect(world.careline.desk.claim(ticket!._id, agent)).rejects.toBeInstanceOf(InjectedFault);
      expect(await world.tickets.get(ticket!._id)).toMatchObject({ status: 'waiting', assigneeId: null });
      world.store.fails = () => false;
      expect((await world.careline.desk.claim(ticket!._id, agent)).conversation).toMatchObject({ state: 'with_agent', ownerId: agent._id });
      await world.close();
    });

    it('puts it back on the next start when the process stopped before it could', async () => {
      const dir = dataDir();
      const first = await open(dir);
      await first.careline.engine.handle(askForHuman('c4'));
      const [ticket] = await first.tickets.waiting();
      first.store.fails = (collection, method) => collection === 'conversations' && method === 'findOneAndUpdate';
      // The put-back fails too: the claim stops with the ticket assigned and the conversation still waiting.
      const realRelease = first.tickets.release.bind(first.tickets);
      first.tickets.release = () => Promise.reject(new InjectedFault('tickets', 'release'));
      await expect(first.careline.desk.claim(ticket!._id, agent)).rejects.toBeInstanceOf(InjectedFault);
      first.tickets.release = realRelease;
      first.store.fails = () => false;
      expect(await first.tickets.get(ticket!._id)).toMatchObject({ status: 'assigned' });
      await first.close();

      const second = await open(dir);
      expect(second.repairs()).toEqual(['ticket_put_back']);
      expect(await second.tickets.get(ticket!._id)).toMatchObject({ status: 'waiting', assigneeId: null });
      await second.close();
    });

    it('refuses a ticket its conversation is not waiting for (409) and leaves it in the queue', async () => {
      const world = await open(dataDir());
      const conversation = await world.conversations.openFor('cus_early', 'rest', { sender: 'early' });
      // The handoff's first write is done, its second not yet: the conversation is still the bot's.
      const ticket = await world.tickets.createOnce(handoffTicketId(conversation._id, 1), { conversationId: conversation._id, customerId: 'cus_early', handoff: 1, reason: 'customer_request', priority: 'normal' });
      await expect(world.careline.desk.claim(ticket._id, agent)).rejects.toBeInstanceOf(ConflictError);
      expect(await world.tickets.get(ticket._id)).toMatchObject({ status: 'waiting', assigneeId: null });
      expect(await world.conversations.get(conversation._id)).toMatchObject({ state: 'bot', ownerId: null });
      await world.close();
    });
  });

  describe('when a resolve stopped after the conversation was resolved, before its ticket was', () => {
    it('resolves the ticket on the next start instead of leaving it open', async () => {
      const dir = dataDir();
      const first = await open(dir);
      await first.careline.engine.handle(askForHuman('c5'));
      const [ticket] = await first.tickets.waiting();
      const { conversation } = await first.careline.desk.claim(ticket!._id, agent);
      first.store.fails = (collection, method) => collection === 'tickets' && method === 'findOneAndUpdate';
      await expect(first.careline.desk.resolve(conversation._id, agent)).rejects.toBeInstanceOf(InjectedFault);
      first.store.fails = () => false;
      await first.close();

      const second = await open(dir);
      expect(second.repairs()).toEqual(['ticket_resolved']);
      expect(await second.tickets.get(ticket!._id)).toMatchObject({ status: 'resolved' });
      expect(await second.conversations.get(conversation._id)).toMatchObject({ state: 'resolved' });
      await second.close();
    });
  });
});
