import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { startFakeBotConnector, type FakeBotConnector, type PostedActivity } from '../support/fake-bot-connector.js';
import { botFrameworkFixture } from '../support/bot-framework-fixture.js';
import { postJson } from '../support/post-json.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { runDueJobs } from '../support/settled.js';

const emulatorMessage = botFrameworkFixture('emulator-message');

describe('CSAT on Bot Framework', () => {
  let app: TestApp;
  let connector: FakeBotConnector;
  let agent: AgentSession;
  let sequence = 0;

  beforeEach(async () => {
    connector = await startFakeBotConnector();
    app = await startTestApp({ BOTFRAMEWORK_ENABLED: 'true', BUSINESS_HOURS: 'mon-sun 00:00-24:00', CSAT_DELAY_SECONDS: '0' });
    agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
    app.careline.jobRunner.start();
  });
  afterEach(async () => {
    await app.close();
    await connector.close();
  });

  const say = (text: string) => postJson(`${app.url}/api/messages`, { ...emulatorMessage, text, id: `emu-csat-${++sequence}`, serviceUrl: connector.url });
  const ratingPrompt = () => connector.messages().find((posted) => (posted.activity.suggestedActions?.actions.length ?? 0) === 5);

  it('asks after the agent resolves, with five suggested actions, and stores the pressed one with the agent', async () => {
    expect((await say('cho gặp nhân viên')).status).toBe(200);
    const { queue } = (await (await agent.get('/api/agent/queue')).json()) as { queue: { ticket: { id: string }; conversation: { id: string } }[] };
    const [item] = queue;
    expect((await agent.post(`/api/agent/tickets/${item!.ticket.id}/claim`)).status).toBe(200);
    expect((await agent.post(`/api/agent/conversations/${item!.conversation.id}/resolve`)).status).toBe(200);
    await runDueJobs(app.careline);

    const prompt: PostedActivity = await eventually(ratingPrompt);
    // The survey is proactive: a new message, not a reply to the customer's last one.
    expect([prompt.replyToId, prompt.activity.replyToId]).toEqual([undefined, undefined]);
    const actions = prompt.activity.suggestedActions!.actions;
    expect(actions.every((action) => action.type === 'imBack' && action.value === action.title)).toBe(true);
    // Pressing the fourth: the Emulator sends its value as the customer's text.
    expect((await say(actions[3]!.value)).status).toBe(200);
    const stored = await eventually(async () => (await app.services.csat.forConversation(item!.conversation.id)) ?? undefined);
    expect(stored).toMatchObject({ score: 4, agentId: agent.id, channel: 'botframework', handledBy: 'agent' });
    // The rating is acknowledged with a request for a comment, on the same conversation.
    expect(connector.messages().at(-1)!.activity.text).toContain('góp ý');
    // …in the rating's turn, so as a reply to it.
    expect(connector.messages().at(-1)!.replyToId).toBe(`emu-csat-${sequence}`);
    expect(prompt.conversationId).toBe(connector.messages().at(-1)!.conversationId);
  });
});
