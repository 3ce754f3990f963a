import { describe, expect, it } from 'vitest';
import { agentAppPerTest } from '../support/agent-session.js';
import { postJson } from '../support/post-json.js';
import { restApiAuth } from '../support/rest-api.js';
import type { TestApp } from '../support/test-app.js';

interface ChatAnswer {
  conversationId: string;
  replies: { text: string }[];
}

const chat = async (app: TestApp, sender: string, text: string) => (await (await postJson(`${app.url}/api/chat`, { sender, text }, restApiAuth)).json()) as ChatAnswer;

describe('PATCH /api/tickets/:id with a status', () => {
  const world = agentAppPerTest();
  const waitingTicket = async () => (await world.app.services.tickets.waiting())[0]!;

  describe('when nobody has taken the conversation yet', () => {
    it('closes the ticket and gives the conversation back to the bot, which answers the customer again', async () => {
      const { conversationId } = await chat(world.app, 'c1', 'cho gap nhan vien');
      const ticket = await waitingTicket();
      const closed = await world.agent.patch(`/api/tickets/${ticket._id}`, { status: 'closed' });
      expect(closed.status).toBe(200);
      expect(((await closed.json()) as { ticket: { status: string } }).ticket.status).toBe('closed');
      expect(await world.app.services.conversations.get(conversationId)).toMatchObject({ state: 'bot', ownerId: null });
      expect((await world.app.services.conversations.get(conversationId))!.ticketId).toBeUndefined();
      expect(await world.app.services.tickets.waiting()).toEqual([]);
      const next = await chat(world.app, 'c1', 'Bảo hành bao lâu?');
      expect(next.replies.at(-1)!.text).toContain(world.app.careline.knowledge.article('warranty-period', 'vi', 'vi')!.title);
    });

    it('hands the customer to the agents again, under a new ticket, when they ask again', async () => {
      await chat(world.app, 'c2', 'cho gap nhan vien');
      const first = await waitingTicket();
      expect((await world.agent.patch(`/api/tickets/${first._id}`, { status: 'resolved' })).status).toBe(200);
      await chat(world.app, 'c2', 'cho gap nhan vien');
      const second = await waitingTicket();
      expect(second._id).not.toBe(first._id);
      expect(second.number).toBeGreaterThan(first.number);
    });
  });

  describe('when an agent has the conversation', () => {
    it('refuses with 409 naming the conversation and how to end it, and changes nothing', async () => {
      const { conversationId } = await chat(world.app, 'c3', 'cho gap nhan vien');
      const ticket = await waitingTicket();
      expect((await world.agent.post(`/api/agent/tickets/${ticket._id}/claim`)).status).toBe(200);
      const refused = await world.agent.patch(`/api/tickets/${ticket._id}`, { status: 'closed' });
      expect(refused.status).toBe(409);
      const { error } = (await refused.json()) as { error: { message: string } };
      expect(error.message).toContain(conversationId);
      expect(error.message).toContain(`/api/agent/conversations/${conversationId}/resolve`);
      expect(await world.app.services.tickets.get(ticket._id)).toMatchObject({ status: 'assigned' });
      expect(await world.app.services.conversations.get(conversationId)).toMatchObject({ state: 'with_agent' });
    });
  });

  it('changes only the priority when no status is given', async () => {
    const { conversationId } = await chat(world.app, 'c4', 'cho gap nhan vien');
    const ticket = await waitingTicket();
    expect((await world.agent.patch(`/api/tickets/${ticket._id}`, { priority: 'urgent' })).status).toBe(200);
    expect(await world.app.services.tickets.get(ticket._id)).toMatchObject({ priority: 'urgent', status: 'waiting' });
    expect(await world.app.services.conversations.get(conversationId)).toMatchObject({ state: 'waiting', ticketId: ticket._id });
  });
});
