import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../support/agent-session.js';
import { janaChat, pressFrom, startTelegramWorld, textFrom, type TelegramWorld } from './telegram-world.js';
import { runDueJobs } from '../support/settled.js';

describe('the Telegram channel and CSAT', () => {
  let world: TelegramWorld;
  beforeEach(async () => {
    world = await startTelegramWorld({ CSAT_DELAY_SECONDS: '0' });
    // As `npm start` does: the runner polls the durable job queue.
    world.app.careline.jobRunner.start();
  });
  afterEach(async () => {
    await world.close();
  });

  it('asks after the agent resolves with an inline keyboard of scores; the pressed score is stored with the agent', async () => {
    const { app, fake, post } = world;
    await post(textFrom('/human', (update) => (update.message.entities = [{ offset: 0, length: 6, type: 'bot_command' }])));
    const agent = await loginAs(app, 'lan@anphat.example', ['agent'], 'Lan');
    const { queue } = (await (await agent.get('/api/agent/queue')).json()) as { queue: { ticket: { id: string }; conversation: { id: string } }[] };
    const [item] = queue;
    expect((await agent.post(`/api/agent/tickets/${item!.ticket.id}/claim`)).status).toBe(200);
    expect((await agent.post(`/api/agent/conversations/${item!.conversation.id}/resolve`)).status).toBe(200);
    await runDueJobs(app.careline);

    await fake.waitFor(() => fake.sentTo(janaChat).some((message) => message.keyboard.flat().some((button) => button.callback_data.startsWith('csat:'))), 10_000);
    const prompt = fake.sentTo(janaChat).find((message) => message.keyboard.flat().some((button) => button.callback_data.startsWith('csat:')))!;
    expect(prompt.keyboard).toHaveLength(1);
    expect(prompt.keyboard[0]!.map((button) => button.callback_data)).toEqual(['csat:1', 'csat:2', 'csat:3', 'csat:4', 'csat:5']);

    const press = pressFrom('csat:5', prompt.keyboard, 9);
    await post(press);
    expect(fake.callsOf('answerCallbackQuery').at(-1)!.body).toMatchObject({ callback_query_id: press.callback_query.id });
    const stored = await app.services.csat.forConversation(item!.conversation.id);
    expect(stored).toMatchObject({ score: 5, agentId: agent.id, channel: 'telegram', handledBy: 'agent' });
  });
});
