import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { payloadsOf, recipientOf, textOf, type GraphCall } from '../support/fake-graph-api.js';
import { startMetaWorld, type MetaPlatform, type MetaWorld } from '../support/meta-world.js';
import { runDueJobs } from '../support/settled.js';

const ratingPayloads = ['csat:1', 'csat:2', 'csat:3', 'csat:4', 'csat:5'];
const dayMs = 24 * 60 * 60 * 1000;

/**
 * CSAT on a Meta platform: after an agent resolves, the rating prompt arrives natively
 * (quick replies on Messenger and Instagram, an interactive list on WhatsApp); the pressed
 * rating is stored with the agent who resolved. Outside the 24-hour window no prompt is sent
 * and the reason is recorded.
 */
export function describeMetaCsat(platform: MetaPlatform, customer: string, late: string): void {
  describe(`CSAT on ${platform}`, () => {
    let world: MetaWorld;
    let agent: AgentSession;
    beforeAll(async () => {
      world = await startMetaWorld(platform, { CSAT_DELAY_SECONDS: '0' });
      agent = await loginAs(world.app, `csat-${platform}@anphat.example`, ['agent'], 'Lan');
      world.app.careline.jobRunner.start();
    });
    afterAll(async () => {
      await world.close();
    });

    /** The customer asks for a person (written at `at`); the agent claims, replies and resolves; returns the conversation id. */
    const handledByAgent = async (user: string, at?: Date) => {
      await world.say(user, 'cho gặp nhân viên', at ? { at } : {});
      await world.graph.waitFor((call) => recipientOf(call) === user && /phiếu #\d+/.test(textOf(call)));
      const { queue } = (await (await agent.get('/api/agent/queue')).json()) as { queue: { ticket: { id: string }; conversation: { id: string } }[] };
      const item = queue[0]!;
      expect((await agent.post(`/api/agent/tickets/${item.ticket.id}/claim`)).status).toBe(200);
      expect((await agent.post(`/api/agent/conversations/${item.conversation.id}/messages`, { text: 'Đơn của anh đã được hoàn tiền ạ.' })).status).toBe(201);
      expect((await agent.post(`/api/agent/conversations/${item.conversation.id}/resolve`)).status).toBe(200);
      await runDueJobs(world.app.careline);
      return item.conversation.id;
    };
    const isRatingPrompt = (user: string) => (call: GraphCall) => recipientOf(call) === user && payloadsOf(call).join() === ratingPayloads.join();

    it('asks natively after the agent resolves and stores the pressed rating with the agent', async () => {
      const conversationId = await handledByAgent(customer);
      const prompt = await world.graph.waitFor(isRatingPrompt(customer));
      if (platform === 'whatsapp') expect(prompt.body.interactive.type).toBe('list');
      else for (const reply of prompt.body.message.quick_replies as { title: string }[]) expect([...reply.title].length).toBeLessThanOrEqual(20);

      await world.say(customer, '4', { payload: 'csat:4', reply: 'list_reply' });
      await expect.poll(() => world.app.services.csat.forConversation(conversationId), { interval: 25 }).toMatchObject({ score: 4, agentId: agent.id, channel: platform });
    });

    it('does not ask when the customer last wrote more than 24 hours ago, and records why', async () => {
      const conversationId = await handledByAgent(late, new Date(Date.now() - dayMs - 60_000));
      const prompts = world.app.store.collection<{ _id: string; conversationId: string; status: string; skipReason?: string }>('csat_prompts');
      await expect.poll(() => prompts.findOne({ conversationId }), { interval: 25 }).toMatchObject({ status: 'skipped', skipReason: 'outside_messaging_window' });
      expect(world.graph.sent.filter(isRatingPrompt(late))).toEqual([]);
    });
  });
}
