import { beforeEach, describe, expect, it } from 'vitest';
import { agentAppPerTest, type AgentSession } from '../support/agent-session.js';
import type { TestApp } from '../support/test-app.js';
import { restApiAuth } from '../support/rest-api.js';

const chat = (app: TestApp, sender: string, text: string) =>
  fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify({ sender, text }) }).then((response) => response.json() as Promise<{ conversationId: string; replies: { text: string }[] }>);

interface QueueItem {
  ticket: { priority: string; reason: string };
  conversation: { id: string };
}

/** The console's live stream, read as text until a wanted line arrives. */
async function openEventStream(app: TestApp, agent: AgentSession) {
  const controller = new AbortController();
  const response = await fetch(`${app.url}/api/agent/events`, { headers: { cookie: agent.cookie }, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  return {
    async until(wanted: string): Promise<string> {
      while (!received.includes(wanted)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before ${wanted}`);
        received += decoder.decode(value, { stream: true });
      }
      return received;
    },
    close: () => controller.abort(),
  };
}

describe('the agents\' queue', () => {
  let app: TestApp;
  let agent: AgentSession;
  const world = agentAppPerTest();
  beforeEach(() => void ({ app, agent } = world));
  const queue = async () => ((await (await agent.get('/api/agent/queue')).json()) as { queue: QueueItem[] }).queue;

  describe('when a customer who waits for an agent complains', () => {
    it('moves their ticket ahead with the complaint priority, live on the console\'s stream', async () => {
      const early = await chat(app, 'early', 'cho gap nhan vien');
      const later = await chat(app, 'later', 'can I talk to a real person');
      expect((await queue()).map((item) => [item.conversation.id, item.ticket.priority])).toEqual([
        [early.conversationId, 'normal'],
        [later.conversationId, 'normal'],
      ]);
      const stream = await openEventStream(app, agent);
      try {
        await stream.until(': connected');
        const angry = await chat(app, 'later', '你们到底什么时候回复？等了半个小时了，太过分了');
        expect(angry.replies).toEqual([]);
        const received = await stream.until('event: ticket.priority_raised');
        expect(received).toContain(`event: ticket.priority_raised\ndata: ${JSON.stringify({ conversationId: later.conversationId })}`);
      } finally {
        stream.close();
      }
      expect((await queue()).map((item) => [item.conversation.id, item.ticket.priority, item.ticket.reason])).toEqual([
        [later.conversationId, 'high', 'customer_request'],
        [early.conversationId, 'normal', 'customer_request'],
      ]);
    });
  });
});
