import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ChannelContext } from '../../src/channels/channel-module.js';
import { channelModules } from '../../src/channels/index.js';
import { ChannelSet } from '../../src/channels/channel-set.js';
import type { IntentMatcher } from '../../src/intents/intent-matcher.js';
import type { PublicRateLimits } from '../../src/http/public-rate-limits.js';
import type { DocumentStore } from '../../src/storage/document-store.js';

const shared = { META_APP_SECRET: 'secret', META_VERIFY_TOKEN: 'verify' };

/** The channels the module table builds for an environment: senders, webhook paths and API paths. */
async function channelsFor(env: Record<string, string>) {
  const config = loadCarelineConfig({ env: { DATA_DIR: '/nonexistent', ...env } });
  const context: Omit<ChannelContext, 'inbox'> = {
    config,
    store: { collection: () => ({}) } as unknown as DocumentStore,
    logger: pino({ level: 'silent' }),
    clients: {},
    onMessage: async () => {
      throw new Error('no message is sent in this test');
    },
    repositories: {} as ChannelContext['repositories'],
    recordReceipt: async () => false,
    humanReplied: async () => false,
    customerTyping: async () => undefined,
    intents: {} as IntentMatcher,
    limits: { byClientAddress: () => (_req: unknown, _res: unknown, next: () => void) => next(), sender: () => null } as unknown as PublicRateLimits,
  };
  const set = await ChannelSet.create(channelModules, config.channels, context);
  return { ids: set.ids, webhooks: set.routes('raw').map((route) => route.path), api: set.routes('json').map((route) => route.path), set };
}

describe('the channel module table', () => {
  it('builds the chat API and the web chat with no credentials at all', async () => {
    expect(await channelsFor({})).toMatchObject({ ids: ['rest', 'webchat'], webhooks: [], api: ['/api/chat', '/api/webchat'] });
  });

  it('enables each Meta platform only when its own token and the shared app secret and verify token are set', async () => {
    expect(await channelsFor({ ...shared, MESSENGER_PAGE_ACCESS_TOKEN: 'page' })).toMatchObject({ ids: ['rest', 'webchat', 'messenger'], webhooks: ['/webhooks/messenger'] });
    expect((await channelsFor({ ...shared, INSTAGRAM_ACCESS_TOKEN: 'ig' })).webhooks).toEqual(['/webhooks/instagram']);
    // WhatsApp needs the phone number id as well as the token.
    expect((await channelsFor({ ...shared, WHATSAPP_ACCESS_TOKEN: 'wa' })).webhooks).toEqual([]);
    expect((await channelsFor({ ...shared, WHATSAPP_ACCESS_TOKEN: 'wa', WHATSAPP_PHONE_NUMBER_ID: '106540352242922' })).webhooks).toEqual(['/webhooks/whatsapp']);
    // Without the app secret no webhook could be checked, so none is served.
    expect((await channelsFor({ META_VERIFY_TOKEN: 'verify', MESSENGER_PAGE_ACCESS_TOKEN: 'page' })).webhooks).toEqual([]);
  });

  it('declares the 24-hour messaging window on every Meta channel', async () => {
    const { set } = await channelsFor({ ...shared, MESSENGER_PAGE_ACCESS_TOKEN: 'p', INSTAGRAM_ACCESS_TOKEN: 'i', WHATSAPP_ACCESS_TOKEN: 'w', WHATSAPP_PHONE_NUMBER_ID: '1' });
    expect((['messenger', 'instagram', 'whatsapp'] as const).map((id) => [id, set.registry.get(id)?.messagingWindowMs])).toEqual([
      ['messenger', 86_400_000],
      ['instagram', 86_400_000],
      ['whatsapp', 86_400_000],
    ]);
  });

  it('serves Zalo and Bot Framework at their webhook paths when configured, and warns of an unauthenticated Bot Framework endpoint', async () => {
    const { webhooks, set } = await channelsFor({ ZALO_APP_ID: 'app', ZALO_OA_SECRET_KEY: 'key', ZALO_ACCESS_TOKEN: 'token', BOTFRAMEWORK_ENABLED: 'true' });
    expect(webhooks).toEqual(['/webhooks/zalo', '/api/messages']);
    expect(set.warnings.join(' ')).toMatch(/WITHOUT authentication/);
  });
});
