import { afterEach, describe, expect, it } from 'vitest';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { eventually } from '../support/eventually.js';
import { postJson } from '../support/post-json.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { newWidgetToken, openWidgetSocket } from '../support/widget-socket.js';
import { janaChat, pressFrom, startTelegramWorld, textFrom, type TelegramWorld } from '../channels/telegram-world.js';

interface Rated {
  kind?: string;
  text: string;
  buttons: { label: string; payload: string }[];
}

const env = { BUSINESS_HOURS: 'mon-sun 00:00-24:00', CSAT_DELAY_SECONDS: '0', SURVEY_MIN_DAYS_BETWEEN: '0', BUSINESS_NAME: 'Hoa Mai Fashion' };

/** The agent takes the newest waiting ticket and resolves its conversation; returns the conversation id. */
async function claimAndResolve(agent: AgentSession): Promise<string> {
  const { queue } = (await (await agent.get('/api/agent/queue')).json()) as { queue: { ticket: { id: string }; conversation: { id: string } }[] };
  const item = queue.at(-1)!;
  expect((await agent.post(`/api/agent/tickets/${item.ticket.id}/claim`)).status).toBe(200);
  expect((await agent.post(`/api/agent/conversations/${item.conversation.id}/resolve`)).status).toBe(200);
  return item.conversation.id;
}

describe('NPS and CES on Telegram', () => {
  let world: TelegramWorld;
  afterEach(async () => {
    await world.close();
  });

  it('asks NPS as two rows of 0–10, stores the pressed score and the comment; the next resolve gets CES in one row, answered in words', async () => {
    world = await startTelegramWorld({ ...env, SURVEYS: 'nps,ces' });
    const { app, fake, post } = world;
    app.careline.jobRunner.start();
    const agent = await loginAs(app, 'lan@hoamai.example', ['agent'], 'Lan');
    const keyboards = (prefix: string) => fake.sentTo(janaChat).filter((message) => message.keyboard.flat().some((button) => button.callback_data.startsWith(prefix)));
    const human = textFrom('/human', (update) => (update.message.entities = [{ offset: 0, length: 6, type: 'bot_command' }]));

    await post(human);
    const first = await claimAndResolve(agent);
    await fake.waitFor(() => keyboards('nps:').length > 0, 10_000);
    const [nps] = keyboards('nps:');
    expect(nps!.text).toContain('Hoa Mai Fashion');
    expect(nps!.keyboard.map((row) => row.map((button) => button.text))).toEqual([['0', '1', '2', '3', '4', '5'], ['6', '7', '8', '9', '10']]);
    await post(pressFrom('nps:9', nps!.keyboard, 9));
    await post(textFrom('rychlé a ochotné'));
    expect(await app.services.surveys.forConversation(first)).toMatchObject({ kind: 'nps', score: 9, comment: 'rychlé a ochotné', channel: 'telegram', agentId: agent.id, handledBy: 'agent' });

    await post(textFrom('/human', (update) => (update.message.entities = [{ offset: 0, length: 6, type: 'bot_command' }])));
    const second = await claimAndResolve(agent);
    await fake.waitFor(() => keyboards('ces:').length > 0, 10_000);
    expect(keyboards('nps:')).toHaveLength(1);
    expect(keyboards('ces:')[0]!.keyboard.map((row) => row.length)).toEqual([7]);
    await post(textFrom('sedm'));
    expect(await app.services.surveys.forConversation(second)).toMatchObject({ kind: 'ces', score: 7, channel: 'telegram' });
  });
});

describe('NPS on web chat and the REST chat API', () => {
  let app: TestApp;
  afterEach(async () => {
    await app.close();
  });

  it('web chat: eleven score buttons over the socket; a typed score with its comment is stored as both', async () => {
    app = await startTestApp({ ...env, SURVEYS: 'nps' });
    app.careline.jobRunner.start();
    const agent = await loginAs(app, 'lan@hoamai.example', ['agent'], 'Lan');
    const widget = await openWidgetSocket(app, await newWidgetToken(app));
    widget.send('c_0000000001', 'cho gặp nhân viên');
    await widget.waitFor((event) => event.type === 'message' && Boolean(event.message?.text.includes('#')));
    const conversationId = await claimAndResolve(agent);
    const prompt = (await widget.waitFor((event) => event.type === 'message' && (event.message as Rated | undefined)?.kind === 'rating')).message as unknown as Rated;
    expect(prompt.buttons.map((button) => button.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    widget.send('c_0000000002', '8, giao hàng nhanh nhưng shipper khó chịu');
    const stored = await eventually(async () => (await app.services.surveys.forConversation(conversationId)) ?? undefined);
    expect(stored).toMatchObject({ kind: 'nps', score: 8, comment: 'giao hàng nhanh nhưng shipper khó chịu', channel: 'webchat', agentId: agent.id });
    widget.socket.close();
  });

  it('REST: the question ends with a line of the numbers; a typed English number word is the score', async () => {
    app = await startTestApp({ ...env, SURVEYS: 'nps' });
    app.careline.jobRunner.start();
    const agent = await loginAs(app, 'lan@hoamai.example', ['agent'], 'Lan');
    await postJson(`${app.url}/api/chat`, { sender: 'shop-app-7', text: 'I want to talk to a person', locale: 'en' }, restApiAuth);
    const conversationId = await claimAndResolve(agent);
    const prompt = await eventually(async () => {
      const { messages } = (await (await fetch(`${app.url}/api/chat/conversations/${conversationId}/messages?sender=shop-app-7`, { headers: restApiAuth })).json()) as { messages: Rated[] };
      return messages.find((message) => message.kind === 'rating');
    });
    expect(prompt.text.split('\n')).toEqual(['How likely are you to recommend Hoa Mai Fashion to a friend or colleague? Choose from 0 (not at all likely) to 10 (extremely likely).', '0 · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10']);
    const answer = (await (await postJson(`${app.url}/api/chat`, { sender: 'shop-app-7', text: 'ten' }, restApiAuth)).json()) as { replies: { text: string }[] };
    expect(answer.replies[0]!.text).toBe('Thank you! Would you like to tell us why? (optional)');
    expect(await app.services.surveys.forConversation(conversationId)).toMatchObject({ kind: 'nps', score: 10, channel: 'rest', locale: 'en' });
  });
});
