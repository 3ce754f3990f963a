import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeOpenAI, type FakeFailure } from '../support/fake-openai.js';
import { startOpenAIWorld, writeKnowledgeBase, type ArticleSpec, type OpenAIWorld } from '../support/openai-world.js';
import { tempDir } from '../support/temp-dir.js';

// A small knowledge base; two articles share almost the same variant and neither answer uses
// the question's words, so the offline scores for "how do I send my order back" are close, and one variant is matched by a question the
// article's answer says nothing about.
const articles: ArticleSpec[] = [
  { id: 'return-refund', title: 'Refunds', questions: ['how do I send my order back for a refund'], answer: 'Return it within 30 days and we refund the full price to your card.' },
  { id: 'return-repair', title: 'Repairs', questions: ['how do I send my order back for a repair'], answer: 'Bring it to any store; repairs under warranty are free and take 7 working days.' },
  { id: 'warranty-period', title: 'How long is the warranty?', questions: ['how long is the warranty', 'how long is the warranty on a car'], answer: 'Every product we sell has a 24-month warranty from the date of purchase.' },
  { id: 'delivery-fee', title: 'Delivery fee', questions: ['how much is delivery', 'shipping cost'], answer: 'Delivery is free for orders over 500,000 VND; otherwise it costs 30,000 VND.' },
];
const answerOf = (id: string) => articles.find((article) => article.id === id)!;
const offlineReply = (id: string) => `${answerOf(id).title}\n\n${answerOf(id).answer}`;

// The fake embedding model: one axis per topic; the customer's "send it back" question means a repair.
const topics = ['refund', 'repair', 'warranty', 'delivery'];
function topicVector(text: string): number[] {
  const lower = text.toLowerCase();
  if (lower === 'how do i send my order back') return [0, 1, 0, 0, 0];
  const vector = topics.map((topic) => (lower.includes(topic) ? 1 : 0));
  return [...vector, vector.some(Boolean) ? 0 : 1];
}

describe('ModelAnswerPolicy (OpenAI configured, against a fake OpenAI server)', () => {
  const fake = new FakeOpenAI();
  let kb: ReturnType<typeof tempDir>;
  let data: ReturnType<typeof tempDir>;
  let world: OpenAIWorld;

  beforeAll(async () => {
    await fake.start();
    kb = tempDir('careline-kb-');
    writeKnowledgeBase(kb.path, articles);
  });
  afterAll(async () => {
    await fake.close();
    kb.remove();
  });
  beforeEach(async () => {
    fake.embeddings.length = 0;
    fake.chats.length = 0;
    fake.fail = {};
    fake.embed = topicVector;
    fake.reply = () => 'NO_ANSWER';
    data = tempDir('careline-openai-');
    world = await startOpenAIWorld(fake, { dataDir: data.path, knowledgeBaseDir: kb.path, env: { OPENAI_WORDING: 'false', OPENAI_TIMEOUT_MS: '5000' } });
  });
  afterEach(async () => {
    await world.close();
    data.remove();
  });

  describe('hybrid ranking', () => {
    it('answers with the article the embeddings favour when the offline scores are close', async () => {
      const { answers } = loadCarelineConfig({ env: {} });
      const offline = world.careline.policy.decide({ text: 'how do I send my order back' });
      const [first, second] = offline.candidates;
      expect(new Set([first!.slug, second!.slug])).toEqual(new Set(['return-refund', 'return-repair']));
      expect(Math.abs(first!.confidence - second!.confidence)).toBeLessThan(0.1);
      expect(Math.min(first!.confidence, second!.confidence)).toBeGreaterThanOrEqual(answers.clarifyThreshold);
      expect(offline.action).not.toMatchObject({ kind: 'answer', slug: 'return-repair' });

      const turn = await world.say('c1', 'how do I send my order back');
      expect(turn.decision?.action).toMatchObject({ kind: 'answer', slug: 'return-repair' });
      expect(turn.decision?.model).toMatchObject({ ranking: 'hybrid' });
      expect(turn.texts).toEqual([offlineReply('return-repair')]);
      // The question was embedded as the customer wrote it, as floats.
      expect(fake.embeddings.at(-1)).toMatchObject({ model: 'fake-embedding', input: ['how do I send my order back'], encodingFormat: 'float', authorization: 'Bearer sk-test-key' });
    });

    it('sends nothing to the provider for small talk, a hand-off request or a pressed button', async () => {
      const before = fake.embeddings.length;
      await world.say('c1', 'hello');
      await world.say('c2', 'Refunds', { payload: 'article:return-refund' });
      await world.say('c3', 'I want to talk to a human');
      expect(fake.embeddings.length).toBe(before);
    });
  });

  describe('the embedding cache', () => {
    it('embeds every article once, nothing again after a restart, and only an edited article after it is published', async () => {
      const firstRun = fake.embeddedTexts;
      for (const article of articles) for (const text of [article.title, ...article.questions]) expect(firstRun.filter((sent) => sent === text)).toHaveLength(1);
      expect(await world.careline.services.articles.list()).toHaveLength(articles.length);

      await world.close();
      fake.embeddings.length = 0;
      world = await startOpenAIWorld(fake, { dataDir: data.path, knowledgeBaseDir: kb.path, env: { OPENAI_WORDING: 'false' } });
      expect(fake.embeddings).toEqual([]);
      // The cached vectors still rank: the question alone is embedded.
      expect((await world.say('c1', 'how do I send my order back')).decision?.action).toMatchObject({ kind: 'answer', slug: 'return-repair' });
      expect(fake.embeddedTexts).toEqual(['how do I send my order back']);

      fake.embeddings.length = 0;
      const editor = world.careline.editor.editor;
      const fee = answerOf('delivery-fee');
      await editor.save('delivery-fee', 'en', { title: fee.title, questions: [...fee.questions, 'what does shipping to Hanoi cost'], answer: fee.answer, category: 'faq', tags: [] }, { _id: 'usr_editor' });
      await editor.publish('delivery-fee', 'en', { _id: 'usr_editor' });
      await world.careline.modelAssist!.idle();
      expect(fake.embeddedTexts).toEqual([fee.title, ...fee.questions, 'what does shipping to Hanoi cost']);
    });
  });
});

describe('ModelAnswerPolicy: grounded wording and fallbacks (against a fake OpenAI server)', () => {
  const fake = new FakeOpenAI();
  let kb: ReturnType<typeof tempDir>;
  let data: ReturnType<typeof tempDir>;
  let world: OpenAIWorld;
  const citing = (slug: string, text: string) => `${text} [source: ${slug}]`;

  beforeAll(async () => {
    await fake.start();
    fake.embed = topicVector;
    kb = tempDir('careline-kb-');
    writeKnowledgeBase(kb.path, articles);
    data = tempDir('careline-openai-');
    world = await startOpenAIWorld(fake, { dataDir: data.path, knowledgeBaseDir: kb.path, env: { OPENAI_TIMEOUT_MS: '2000' } });
  });
  afterAll(async () => {
    await world.close();
    await fake.close();
    kb.remove();
    data.remove();
  });
  beforeEach(() => {
    fake.embeddings.length = 0;
    fake.chats.length = 0;
    fake.fail = {};
    fake.embed = topicVector;
  });

  it('answers in the model\'s words from the matched article, under its title and link, having sent it only the matched articles', async () => {
    fake.reply = () => citing('warranty-period', 'Everything we sell comes with a 24-month warranty, counted from the day you bought it.');
    const turn = await world.say('w1', 'how long is the warranty');
    expect(turn.texts).toEqual(['How long is the warranty?\n\nEverything we sell comes with a 24-month warranty, counted from the day you bought it.']);
    expect(turn.decision).toMatchObject({ action: { kind: 'answer', slug: 'warranty-period' }, model: { wording: 'worded' } });
    // Agents see in the transcript that a model worded it.
    expect(turn.replies[0]).toMatchObject({ articleId: expect.stringMatching(/^art_/), wordedBy: 'fake-chat' });
    const [chat] = fake.chats;
    expect(chat!.model).toBe('fake-chat');
    expect(chat!.system).toContain(answerOf('warranty-period').answer);
    expect(chat!.system).not.toContain(answerOf('return-refund').answer);
    expect(chat!.user).toBe('how long is the warranty');
  });

  describe('when the question is outside what the articles say', () => {
    // The variant matches, but the article says nothing about cars.
    const question = 'how long is the warranty on a car';

    it('does not send an invented answer: a reply with a number the article lacks, or citing nothing, gives the article\'s own answer', async () => {
      fake.reply = () => citing('warranty-period', 'Cars have a 5-year warranty.');
      const invented = await world.say('o1', question);
      expect(invented.texts).toEqual([offlineReply('warranty-period')]);
      expect(invented.decision?.model).toMatchObject({ wording: 'rejected', notes: [expect.stringContaining('(5)')] });

      fake.reply = () => 'Cars are covered for five years by the manufacturer.';
      const uncited = await world.say('o2', question);
      expect(uncited.texts).toEqual([offlineReply('warranty-period')]);
      fake.reply = () => citing('car-warranty', 'Cars are covered for five years.');
      expect((await world.say('o3', question)).texts).toEqual([offlineReply('warranty-period')]);
    });

    it('does not answer when the model finds no answer in the articles: the bot says so, and hands off after the second miss', async () => {
      fake.reply = () => 'NO_ANSWER';
      const first = await world.say('o4', question);
      expect(first.decision?.action).toEqual({ kind: 'miss' });
      expect(first.decision?.model).toMatchObject({ wording: 'refused' });
      expect(first.texts[0]).toContain("couldn't find an answer");
      expect(first.texts[0]).not.toContain(answerOf('warranty-period').answer);
      expect(first.conversation.state).toBe('bot');
      const second = await world.say('o4', question);
      expect(second.conversation.state).toBe('waiting');
      expect(second.texts[0]).toMatch(/ticket/i);
      expect((await world.careline.questions.list({ outcome: 'missed' })).map((logged) => logged.text)).toContain(question);
    });
  });

  describe('when the provider fails', () => {
    // The budget (OPENAI_TIMEOUT_MS) is 2 s here: generous for a local fake on a loaded machine,
    // tiny beside the slow server's minute. A slow provider is waited for until the turn's budget
    // is used up, so those cases run in a world whose budget is 1 s (still many times a local
    // fake's answer). A slow embeddings call uses up the turn's whole budget, so the wording is
    // skipped too. Each slow case has a fake server and a world of its own, so the two wait out
    // their budgets side by side instead of one after the other.
    async function expectOfflineAnswers(on: { fake: FakeOpenAI; world: OpenAIWorld }, what: string, failure: FakeFailure, { slow, reason }: { slow: boolean; reason: RegExp }): Promise<void> {
      on.fake.reply = () => citing('warranty-period', 'Worded by the model: 24 months.');
      on.fake.fail = { embeddings: failure };
      const embeddingsDown = await on.world.say(`f-${what}-1`, 'how long is the warranty');
      expect(embeddingsDown.texts).toEqual([slow ? offlineReply('warranty-period') : 'How long is the warranty?\n\nWorded by the model: 24 months.']);
      expect(embeddingsDown.decision?.model).toMatchObject({ ranking: 'offline', notes: expect.arrayContaining([expect.stringMatching(reason)]) });

      on.fake.fail = { chat: failure };
      const wordingDown = await on.world.say(`f-${what}-2`, 'how long is the warranty');
      expect(wordingDown.texts).toEqual([offlineReply('warranty-period')]);
      expect(wordingDown.decision?.model).toMatchObject({ ranking: 'hybrid', wording: 'offline', notes: [expect.stringMatching(/^wording: /)] });
      expect(wordingDown.decision?.model?.notes[0]).toMatch(reason);
    }

    const fastFailures: [string, FakeFailure, RegExp][] = [
      ['answers 500', { status: 500 }, /HTTP 500/],
      ['sends malformed JSON', 'malformed-json', /malformed JSON/],
    ];
    for (const [what, failure, reason] of fastFailures) {
      it(`gives the offline answer when it ${what}, for embeddings and for wording`, () => expectOfflineAnswers({ fake, world }, what, failure, { slow: false, reason }));
    }

    describe('when it is slow', { concurrent: true }, () => {
      const slowFailures: [string, FakeFailure][] = [
        ['answers only after the timeout (a minute)', { delayMs: 60_000 }],
        ['sends headers and then stalls', 'stalled-body'],
      ];
      for (const [what, failure] of slowFailures) {
        it(`gives the offline answer when it ${what}, for embeddings and for wording`, async () => {
          const slowFake = await new FakeOpenAI().start();
          slowFake.embed = topicVector;
          const slowData = tempDir('careline-openai-');
          const slowWorld = await startOpenAIWorld(slowFake, { dataDir: slowData.path, knowledgeBaseDir: kb.path, env: { OPENAI_TIMEOUT_MS: '1000' } });
          try {
            await expectOfflineAnswers({ fake: slowFake, world: slowWorld }, what, failure, { slow: true, reason: /timed out/ });
          } finally {
            await slowWorld.close();
            await slowFake.close();
            slowData.remove();
          }
        });
      }
    });

    it('logs an outage once, not once per customer turn, and says when the provider answers again', async () => {
      const warnings = () => world.logs.filter((line) => line.level === 40 && line.msg.startsWith('OpenAI'));
      fake.reply = () => citing('delivery-fee', 'Orders over 500,000 VND ship free.');
      await world.say('l0', 'how much is delivery');
      const before = warnings().length;
      fake.fail = { embeddings: { status: 503 }, chat: { status: 503 } };
      for (const customer of ['l1', 'l2', 'l3']) expect((await world.say(customer, 'how much is delivery')).texts[0]).toContain(answerOf('delivery-fee').answer);
      // One warning per provider call that broke (the question's embedding, the wording), not one per turn.
      expect(warnings().slice(before).map((line) => line.msg)).toEqual([
        'OpenAI embeddings failed (HTTP 503); using the offline answer until it recovers',
        'OpenAI wording failed (HTTP 503); using the offline answer until it recovers',
      ]);
      fake.fail = {};
      expect((await world.say('l4', 'how much is delivery')).texts[0]).toContain('ship free');
      expect(world.logs.slice(-2).map((line) => line.msg)).toEqual(['OpenAI embeddings answers again after 3 failed call(s)', 'OpenAI wording answers again after 3 failed call(s)']);
    });
  });
});
