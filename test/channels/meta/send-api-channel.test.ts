import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelSendError } from '../../../src/core/channel-send-error.js';
import { outboundMessageSchema } from '../../../src/core/messages.js';
import { GraphApiClient } from '../../../src/channels/meta/graph-api-client.js';
import { SendApiChannel } from '../../../src/channels/meta/send-api-channel.js';
import { maxBytes, maxChars } from '../../../src/channels/meta/split-text.js';
import { FakeGraphApi, payloadsOf } from '../../support/fake-graph-api.js';

describe('SendApiChannel', () => {
  let graph: FakeGraphApi;
  let channel: SendApiChannel;
  beforeAll(async () => {
    graph = await new FakeGraphApi(['page-token']).start();
    channel = new SendApiChannel('messenger', new GraphApiClient(graph.url), 'page-token', maxChars(2000));
  });
  afterAll(async () => {
    await graph.stop();
  });
  const address = { userId: '6789012345678901', accountId: '106344528814011' };

  it('sends a CSAT rating as 5 quick replies with titles cut to 20 characters', async () => {
    const buttons = [1, 2, 3, 4, 5].map((score) => ({ label: `${'⭐'.repeat(score)} điểm ${score} trên năm`, payload: `csat:${score}` }));
    const receipt = await channel.send(address, outboundMessageSchema.parse({ kind: 'rating', text: 'Anh/chị hài lòng chứ?', buttons }));
    const call = graph.sent.at(-1)!;
    expect(receipt.platformMessageId).toMatch(/^m_fake/);
    expect(call.body).toMatchObject({ recipient: { id: address.userId }, messaging_type: 'RESPONSE', message: { text: 'Anh/chị hài lòng chứ?' } });
    expect(payloadsOf(call)).toEqual(['csat:1', 'csat:2', 'csat:3', 'csat:4', 'csat:5']);
    for (const reply of call.body.message.quick_replies as { title: string }[]) expect([...reply.title].length).toBeLessThanOrEqual(20);
  });

  it('splits a long text at the platform limit and puts the buttons on the last piece', async () => {
    const instagram = new SendApiChannel('instagram', new GraphApiClient(graph.url), 'page-token', maxBytes(1000));
    const before = graph.sent.length;
    const text = Array.from({ length: 8 }, (_, i) => `Đoạn ${i + 1}: giao hàng toàn quốc trong vòng ba ngày làm việc.`).join('\n\n');
    await instagram.send(address, outboundMessageSchema.parse({ text: text.repeat(2), buttons: [{ label: 'Có', payload: 'yes' }] }));
    const pieces = graph.sent.slice(before);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(Buffer.byteLength(piece.body.message.text)).toBeLessThanOrEqual(1000);
    expect(pieces.map((piece) => payloadsOf(piece))).toEqual([...pieces.slice(1).map(() => []), ['yes']]);
  });

  it('reports a 5xx or 429 as retryable (with Retry-After) and other 4xx as permanent', async () => {
    const text = outboundMessageSchema.parse({ text: 'hi' });
    graph.failWith(500);
    const serverError = await channel.send(address, text).catch((error: unknown) => error);
    graph.failWith(429, '7');
    const limited = await channel.send(address, text).catch((error: unknown) => error);
    graph.recover();
    const refused = await new SendApiChannel('messenger', new GraphApiClient(graph.url), 'revoked-token', maxChars(2000)).send(address, text).catch((error: unknown) => error);
    expect(serverError).toBeInstanceOf(ChannelSendError);
    expect(serverError).toMatchObject({ permanent: false, status: 500 });
    expect(limited).toMatchObject({ permanent: false, status: 429, retryAfterMs: 7000 });
    expect(refused).toMatchObject({ permanent: true, status: 401 });
    expect((refused as Error).message).toContain('Invalid OAuth access token');
  });

  it('reports an unreachable Graph API as retryable', async () => {
    const offline = new SendApiChannel('messenger', new GraphApiClient('http://127.0.0.1:9/v21.0'), 'page-token', maxChars(2000));
    const error = await offline.send(address, outboundMessageSchema.parse({ text: 'hi' })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ChannelSendError', permanent: false });
  });
});
