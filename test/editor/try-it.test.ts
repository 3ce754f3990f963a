import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/engine/answer-policy.js';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface TryIt {
  verdict: string;
  decision: Decision;
  language: { locale: string; reason: string };
  answer: { slug: string; locale: string } | null;
  candidates: { slug: string; rank: number; confidence: number; matchedTerms: string[] }[];
  calibration: { heldOut: number; outOfScope: number; topRight: number } | null;
}

// Answers, clarifications, misses, hand-offs and small talk in the four languages, with and without accents.
const questions: { text: string; locale?: string }[] = [
  { text: 'bao hanh bao lau' },
  { text: 'Bảo hành bao lâu vậy shop?' },
  { text: 'phí ship bao nhiêu', locale: 'vi' },
  { text: 'how do I pay in instalments?', locale: 'en' },
  { text: 'what documents do i need for 0% installment' },
  { text: '运费多少' },
  { text: 'Jak dlouho trvá záruka?', locale: 'cs' },
  { text: 'cho gặp nhân viên' },
  { text: 'I want to talk to a human' },
  { text: 'hello' },
  { text: 'what will the weather be like in Hanoi tomorrow' },
  { text: 'order' },
  { text: 'payment' },
];

describe('"try it"', { timeout: 60_000 }, () => {
  let app: TestApp;
  let editor: AgentSession;
  beforeAll(async () => {
    app = await startTestApp();
    editor = await loginAs(app, 'mai@anphat.example', ['editor'], 'Mai');
  });
  afterAll(async () => {
    await app.close();
  });

  const tryIt = async (text: string, locale?: string) => {
    const response = await editor.post('/api/editor/try', { text, ...(locale ? { locale } : {}) });
    expect(response.status).toBe(200);
    return (await response.json()) as TryIt;
  };

  it('makes the same decision as the conversation engine for the same first message', async () => {
    const verdicts = new Set<string>();
    let customer = 0;
    for (const { text, locale } of questions) {
      const shown = await tryIt(text, locale);
      const turn = await app.careline.engine.handle({ channel: 'rest', externalUserId: `try-${++customer}`, text, address: { sender: `try-${customer}` }, receivedAt: new Date(), ...(locale ? { localeHint: locale } : {}) });
      expect(shown.decision, text).toEqual(JSON.parse(JSON.stringify(turn.decision)));
      verdicts.add(shown.verdict);
    }
    // The questions cover every kind of decision, so the comparison means something.
    expect([...verdicts].sort()).toEqual(['answer', 'clarify', 'handoff', 'miss', 'smalltalk']);
  });

  it('explains the decision: ranked candidates with confidence, matched terms, the language and why', async () => {
    const shown = await tryIt('bao hanh bao lau');
    expect(shown.verdict).toBe('answer');
    expect(shown.language).toEqual({ locale: 'vi', reason: expect.any(String) });
    expect(shown.answer).toMatchObject({ slug: 'warranty-period', locale: 'vi' });
    expect(shown.candidates[0]).toMatchObject({ slug: 'warranty-period', rank: 1 });
    expect(shown.candidates[0]!.matchedTerms).toEqual(expect.arrayContaining(['bao', 'hanh']));
    const confidences = shown.candidates.map((candidate) => candidate.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect((await tryIt('运费多少')).language).toEqual({ locale: 'zh', reason: 'script' });
  });

  it('says how the confidences were fitted on this knowledge base, and why a message hands off', async () => {
    const shown = await tryIt('bao hanh bao lau');
    expect(shown.calibration!.heldOut).toBeGreaterThan(50);
    expect(shown.calibration!.outOfScope).toBeGreaterThan(50);
    expect(shown.calibration!.topRight).toBeGreaterThan(0.3);
    const complaint = await tryIt('Dịch vụ quá tệ, tôi sẽ báo hội bảo vệ người tiêu dùng');
    expect(complaint.verdict).toBe('handoff');
    expect(complaint.decision.escalation).toMatchObject({ kind: 'complaint', reasons: expect.arrayContaining([expect.stringMatching(/threat|strong/)]) });
  });

  it('does not create a conversation or a message', async () => {
    const conversations = app.store.collection('conversations');
    const messages = app.store.collection('messages');
    const before = [await conversations.countDocuments({}), await messages.countDocuments({})];
    await tryIt('bao hanh bao lau');
    await tryIt('cho gặp nhân viên');
    expect([await conversations.countDocuments({}), await messages.countDocuments({})]).toEqual(before);
  });
});
