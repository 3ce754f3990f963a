import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { metaPlatforms } from '../../../src/channels/meta/meta-platforms.js';
import { enabledChannels } from '../../../src/config/describe-config.js';
import { loadConfig } from '../../../src/config/load-config.js';
import type { ConversationEngine } from '../../../src/engine/conversation-engine.js';
import type { CustomerRepository } from '../../../src/customers/customer-repository.js';

const shared = { META_APP_SECRET: 'secret', META_VERIFY_TOKEN: 'verify' };
const platforms = (env: Record<string, string>) => {
  const config = loadConfig({ env });
  const meta = metaPlatforms(config);
  const deps = { engine: {} as ConversationEngine, customers: {} as CustomerRepository, recordStatuses: async () => undefined, logger: pino({ level: 'silent' }) };
  return { channels: meta.channels.map((channel) => channel.id), paths: meta.webhooks(deps).map((mount) => mount.path), enabled: enabledChannels(config) };
};

describe('metaPlatforms', () => {
  it('enables nothing without credentials', () => {
    expect(platforms({})).toMatchObject({ channels: [], paths: [] });
  });

  it('enables each platform only when its own token and the shared app secret and verify token are set', () => {
    expect(platforms({ ...shared, MESSENGER_PAGE_ACCESS_TOKEN: 'page' })).toMatchObject({ channels: ['messenger'], paths: ['/webhooks/messenger'], enabled: { messenger: true, instagram: false, whatsapp: false } });
    expect(platforms({ ...shared, INSTAGRAM_ACCESS_TOKEN: 'ig' }).channels).toEqual(['instagram']);
    // WhatsApp needs the phone number id as well as the token.
    expect(platforms({ ...shared, WHATSAPP_ACCESS_TOKEN: 'wa' }).channels).toEqual([]);
    expect(platforms({ ...shared, WHATSAPP_ACCESS_TOKEN: 'wa', WHATSAPP_PHONE_NUMBER_ID: '106540352242922' }).paths).toEqual(['/webhooks/whatsapp']);
    // Without the app secret no webhook could be checked, so none is served.
    expect(platforms({ META_VERIFY_TOKEN: 'verify', MESSENGER_PAGE_ACCESS_TOKEN: 'page' }).channels).toEqual([]);
  });

  it('declares the 24-hour messaging window on every Meta channel', () => {
    const config = loadConfig({ env: { ...shared, MESSENGER_PAGE_ACCESS_TOKEN: 'p', INSTAGRAM_ACCESS_TOKEN: 'i', WHATSAPP_ACCESS_TOKEN: 'w', WHATSAPP_PHONE_NUMBER_ID: '1' } });
    expect(metaPlatforms(config).channels.map((channel) => [channel.id, channel.messagingWindowMs])).toEqual([
      ['messenger', 86_400_000],
      ['instagram', 86_400_000],
      ['whatsapp', 86_400_000],
    ]);
  });
});
