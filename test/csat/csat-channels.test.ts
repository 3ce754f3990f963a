import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { postJson } from '../support/post-json.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { tempDir } from '../support/temp-dir.js';
import { restApiAuth } from '../support/rest-api.js';

interface WidgetMessage {
  author: string;
  text: string;
  kind?: string;
  buttons: { label: string; payload: string }[];
}

describe('a resolved conversation gets the CSAT prompt natively, on every channel', () => {
  let app: TestApp;
  let agent: AgentSession;
  beforeEach(async () => {
    app = await startTestApp({ BUSINESS_HOURS: 'mon-sun 00:00-24:00', CSAT_DELAY_SECONDS: '0' });
    agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
    // As `npm start` does: the runner polls the durable job queue.
    app.careline.jobRunner.start();
  });
  afterEach(async () => {
    await app.close();
  });

  /** The agent takes the newest waiting ticket and resolves its conversation. */
  const claimAndResolve = async () => {
    const { queue } = (await (await agent.get('/api/agent/queue')).json()) as { queue: { ticket: { id: string }; conversation: { id: string } }[] };
    const [item] = queue;
    expect((await agent.post(`/api/agent/tickets/${item!.ticket.id}/claim`)).status).toBe(200);
    expect((await agent.post(`/api/agent/conversations/${item!.conversation.id}/resolve`)).status).toBe(200);
    return item!.conversation.id;
  };

  it('web chat: star buttons pushed over the socket; the pressed star is stored with the agent who resolved', async () => {
    const { token } = (await (await postJson(`${app.url}/api/webchat/session`, {})).json()) as { token: string };
    const socket = new WebSocket(`${app.url.replace('http', 'ws')}/api/webchat/socket?token=${token}`);
    const messages: WidgetMessage[] = [];
    socket.on('message', (data) => {
      const event = JSON.parse(String(data)) as { type: string; message?: WidgetMessage };
      if (event.type === 'message') messages.push(event.message!);
    });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'message', clientId: 'c_0000000001', text: 'cho gặp nhân viên' }));
    await eventually(() => messages.find((message) => message.text.includes('#')));
    const conversationId = await claimAndResolve();

    const prompt = await eventually(() => messages.find((message) => message.kind === 'rating'));
    expect(prompt.buttons.map((button) => button.payload)).toEqual(['csat:1', 'csat:2', 'csat:3', 'csat:4', 'csat:5']);
    socket.send(JSON.stringify({ type: 'message', clientId: 'c_0000000002', text: prompt.buttons[3]!.label, payload: 'csat:4' }));
    const stored = await eventually(async () => (await app.services.csat.forConversation(conversationId)) ?? undefined);
    expect(stored).toMatchObject({ score: 4, agentId: agent.id, channel: 'webchat', handledBy: 'agent' });
    socket.close();
  });

  it('REST: the prompt reads as numbered text, a typed number is the rating, stored with the agent who resolved', async () => {
    const started = (await (await postJson(`${app.url}/api/chat`, { sender: 'shop-app-7', text: 'cho gặp nhân viên' }, restApiAuth)).json()) as { conversationId: string };
    const conversationId = await claimAndResolve();
    expect(conversationId).toBe(started.conversationId);

    const prompt = await eventually(async () => {
      const { messages } = (await (await fetch(`${app.url}/api/chat/conversations/${conversationId}/messages?sender=shop-app-7`, { headers: restApiAuth })).json()) as { messages: WidgetMessage[] };
      return messages.find((message) => message.kind === 'rating');
    });
    expect(prompt.text.split('\n').slice(1)).toEqual(['1 – Rất tệ', '2 – Tệ', '3 – Bình thường', '4 – Hài lòng', '5 – Rất hài lòng']);
    const answer = (await (await postJson(`${app.url}/api/chat`, { sender: 'shop-app-7', text: '2' }, restApiAuth)).json()) as { replies: { text: string }[] };
    expect(answer.replies[0]!.text).toContain('góp ý');
    await postJson(`${app.url}/api/chat`, { sender: 'shop-app-7', text: 'giao hàng chậm' }, restApiAuth);
    expect(await app.services.csat.forConversation(conversationId)).toMatchObject({ score: 2, comment: 'giao hàng chậm', agentId: agent.id, channel: 'rest' });
  });
});

describe('a restart between scheduling and sending', () => {
  it('still sends the prompt, once', async () => {
    const env = { BUSINESS_HOURS: 'mon-sun 00:00-24:00', CSAT_DELAY_SECONDS: '1' };
    const dir = tempDir('careline-restart-');
    const dataDir = dir.path;
    const first = await startTestApp(env, { dataDir });
    const agent = await loginAs(first, 'lan@anphat.example', ['agent'], 'Lan');
    const started = (await (await postJson(`${first.url}/api/chat`, { sender: 'c1', text: 'cho gặp nhân viên' }, restApiAuth)).json()) as { conversationId: string };
    const { queue } = (await (await agent.get('/api/agent/queue')).json()) as { queue: { ticket: { id: string } }[] };
    await agent.post(`/api/agent/tickets/${queue[0]!.ticket.id}/claim`);
    await agent.post(`/api/agent/conversations/${started.conversationId}/resolve`);
    await eventually(async () => ((await first.store.collection('jobs').countDocuments({ type: 'csat.prompt' })) > 0 ? true : undefined));
    // The server stops before the survey is due (its runner was never started).
    await first.close();

    const second = await startTestApp(env, { dataDir });
    try {
      second.careline.jobRunner.start();
      const ratings = async () => (await second.services.messages.transcript(started.conversationId)).filter((line) => line.kind === 'rating');
      await eventually(async () => ((await ratings()).length > 0 ? true : undefined));
      await second.careline.jobRunner.runDue(new Date(Date.now() + 60_000));
      expect(await ratings()).toHaveLength(1);
    } finally {
      await second.close();
      dir.remove();
    }
  });
});
