import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../support/post-json.js';
import { restApiAuth } from '../../support/rest-api.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

interface ChatAnswer {
  conversationId?: string;
  messageId?: string;
  duplicate?: boolean;
  replies?: { text: string }[];
}

describe('the chat API when two senders use the same messageId', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });
  const send = async (sender: string, text: string, messageId: string) => {
    const response = await postJson(`${app.url}/api/chat`, { sender, text, messageId }, restApiAuth);
    return { status: response.status, body: (await response.json()) as ChatAnswer };
  };
  const customerTexts = async (sender: string, conversationId: string | undefined) => {
    if (!conversationId) return [];
    const response = await fetch(`${app.url}/api/chat/conversations/${conversationId}/messages?sender=${sender}`, { headers: restApiAuth });
    return ((await response.json()) as { messages: { author: string; text: string }[] }).messages.map((message) => `${message.author}: ${message.text}`);
  };

  it('never hands the second sender the first one\'s message', async () => {
    const alice = await send('alice@shop.example', 'bao hanh bao lau', 'order-1001');
    const bob = await send('bob@shop.example', 'phi ship bao nhieu', 'order-1001');
    expect(bob.body.messageId).not.toBe(alice.body.messageId);
    expect((await customerTexts('bob@shop.example', bob.body.conversationId)).join('\n')).not.toContain('bao hanh bao lau');
  });

  it('stores and answers each sender\'s own message', async () => {
    const alice = await send('carol@shop.example', 'bao hanh bao lau', 'order-2002');
    const bob = await send('dave@shop.example', 'phi ship bao nhieu', 'order-2002');
    expect([alice.status, bob.status]).toEqual([201, 201]);
    expect(bob.body).toMatchObject({ duplicate: false, replies: [{ text: expect.stringContaining('Phí giao hàng') }] });
    expect(await customerTexts('dave@shop.example', bob.body.conversationId)).toEqual(['customer: phi ship bao nhieu', expect.stringMatching(/^bot: .*Phí giao hàng/s)]);
    expect((await customerTexts('carol@shop.example', alice.body.conversationId))[0]).toBe('customer: bao hanh bao lau');
    // Each sender's own redelivery is still a duplicate.
    expect((await send('dave@shop.example', 'phi ship bao nhieu', 'order-2002')).body).toMatchObject({ duplicate: true, replies: [] });
  });
});
