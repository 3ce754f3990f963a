import { afterEach, describe, expect, it } from 'vitest';
import { payloadsOf, recipientOf, textOf, type GraphCall } from '../support/fake-graph-api.js';
import { startMetaWorld, type MetaWorld } from '../support/meta-world.js';
import { addTestUser } from '../support/test-user.js';

const customer = '7812345678901234';
const env = { SURVEYS: 'csat,ces,nps', CSAT_DELAY_SECONDS: '0', SURVEY_MIN_DAYS_BETWEEN: '0', BUSINESS_NAME: 'Hoa Mai Fashion' };

describe('NPS and CES on Messenger, from handoff to the stored answer', () => {
  let world: MetaWorld;
  afterEach(async () => {
    await world.close();
  });

  /** The customer asks for a person; an agent claims and resolves the ticket, and the due survey job runs. Returns the conversation id. */
  async function handOffAndResolve(agentId: string): Promise<string> {
    const { app, graph } = world;
    const before = graph.sent.length;
    expect((await world.say(customer, 'cho gặp nhân viên')).status).toBe(200);
    await graph.waitFor((call) => recipientOf(call) === customer && textOf(call).includes('#'), before);
    const [ticket] = await app.services.tickets.waiting();
    const agent = (await app.services.users.get(agentId))!;
    await app.careline.desk.claim(ticket!._id, agent);
    await app.careline.desk.resolve(ticket!.conversationId, agent);
    await expect.poll(() => app.careline.jobRunner.runDue(), { timeout: 5000 }).toBeGreaterThan(0);
    return ticket!.conversationId;
  }

  const surveyOf = (prefix: string) => (call: GraphCall) => recipientOf(call) === customer && payloadsOf(call).some((payload) => payload.startsWith(prefix));

  it('asks NPS first (due), then CES, each as quick replies with the scale; a pressed quick reply is the stored score', async () => {
    world = await startMetaWorld('messenger', env);
    const { app, graph } = world;
    const agent = await addTestUser(app.services.users, { email: 'lan@hoamai.example', name: 'Lan', roles: ['agent'] });

    const first = await handOffAndResolve(agent._id);
    const nps = await graph.waitFor(surveyOf('nps:'));
    expect(textOf(nps)).toContain('Hoa Mai Fashion');
    expect(nps.body.message.quick_replies.map((reply: { title: string }) => reply.title)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(payloadsOf(nps)).toEqual(Array.from({ length: 11 }, (_, score) => `nps:${score}`));
    expect((await world.say(customer, '9', { payload: 'nps:9' })).status).toBe(200);
    await expect.poll(() => app.services.surveys.forConversation(first), { timeout: 5000 }).toMatchObject({ kind: 'nps', score: 9, channel: 'messenger', agentId: agent._id, handledBy: 'agent' });
    // The comment request offers "no comment"; pressing it closes the survey.
    const commentRequest = await graph.waitFor((call) => recipientOf(call) === customer && payloadsOf(call).includes('survey:skip'));
    expect((await world.say(customer, 'Không, cảm ơn', { payload: 'survey:skip' })).status).toBe(200);
    await graph.waitFor((call) => recipientOf(call) === customer && textOf(call).startsWith('Cảm ơn'), graph.sent.indexOf(commentRequest) + 1);

    // NPS was asked: the next resolve gets CES, on its 1–7 scale (1 very difficult … 7 very easy).
    const second = await handOffAndResolve(agent._id);
    const ces = await graph.waitFor(surveyOf('ces:'));
    expect(textOf(ces)).toContain('1 (rất khó khăn) đến 7 (rất dễ dàng)');
    expect(payloadsOf(ces)).toEqual(['ces:1', 'ces:2', 'ces:3', 'ces:4', 'ces:5', 'ces:6', 'ces:7']);
    expect(graph.sent.filter(surveyOf('nps:'))).toHaveLength(1);
    expect((await world.say(customer, '6', { payload: 'ces:6' })).status).toBe(200);
    await expect.poll(() => app.services.surveys.forConversation(second), { timeout: 5000 }).toMatchObject({ kind: 'ces', score: 6, channel: 'messenger', agentId: agent._id });
    expect(await app.store.collection('survey_prompts').findOne({ conversationId: second })).toMatchObject({ kind: 'ces', status: 'rated', score: 6 });
  });
});
