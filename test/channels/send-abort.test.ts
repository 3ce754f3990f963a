import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphApiClient } from '../../src/channels/meta/graph-api-client.js';
import { SendApiChannel } from '../../src/channels/meta/send-api-channel.js';
import { maxChars } from '../../src/channels/meta/split-text.js';
import type { OfferedChoices } from '../../src/channels/offered-choices.js';
import { WhatsappChannel } from '../../src/channels/whatsapp/whatsapp-channel.js';
import { ZaloChannel } from '../../src/channels/zalo/zalo-channel.js';
import type { ZaloTokens } from '../../src/channels/zalo/zalo-tokens.js';
import type { Channel } from '../../src/core/channel.js';
import { outboundMessageSchema } from '../../src/core/messages.js';

/** A platform API that reads each request and never answers; it notes when the client gives a request up. */
class HangingApi {
  private server: Server | null = null;
  readonly held: IncomingMessage[] = [];
  readonly dropped: string[] = [];
  url = '';
  async start(): Promise<this> {
    this.server = createServer((req) => {
      this.held.push(req);
      req.resume();
      req.socket.on('close', () => this.dropped.push(req.url ?? ''));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

// The outbox gives up a send the platform has not answered in time (OUTBOX_SEND_TIMEOUT_MS) and
// retries it later; a request left running could still land after that and reach the customer twice.
describe('a send the outbox gives up on', () => {
  let api: HangingApi;
  beforeAll(async () => {
    api = await new HangingApi().start();
  });
  afterAll(async () => {
    await api.stop();
  });

  const text = outboundMessageSchema.parse({ kind: 'text', text: 'Đơn của anh/chị đã được giao.' });
  const cases: [string, () => Channel, Record<string, unknown>][] = [
    ['Messenger', () => new SendApiChannel('messenger', new GraphApiClient(`${api.url}/v21.0`), 'page-token', maxChars(2000)), { userId: '6789012345678901', accountId: '106344528814011' }],
    ['WhatsApp', () => new WhatsappChannel(new GraphApiClient(`${api.url}/v21.0`), 'wa-token', '106540352242922'), { phone: '84901234567', phoneNumberId: '106540352242922' }],
    ['Zalo', () => new ZaloChannel({ apiBase: api.url, tokens: { accessToken: async () => 'zalo-token', refresh: async () => 'zalo-token' } as unknown as ZaloTokens, choices: {} as OfferedChoices }), { userId: '2512523625412515' }],
  ];
  for (const [platform, channelOf, address] of cases) {
    it(`drops the ${platform} request itself, so it cannot reach the customer after the retry`, async () => {
      const before = api.held.length;
      const abort = new AbortController();
      const sending = channelOf().send(address, text, { signal: abort.signal });
      await expect.poll(() => api.held.length).toBe(before + 1);
      const outcome = sending.then(() => 'sent', () => 'failed');
      abort.abort();
      // Dropped when the outbox gives up, not when the client's own 15-second limit would end it.
      await expect.poll(() => api.dropped.length, { timeout: 3000 }).toBe(before + 1);
      expect(await outcome).toBe('failed');
    });
  }
});
