import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZaloChannel } from '../../../src/channels/zalo/zalo-channel.js';
import { OfferedChoices } from '../../../src/channels/offered-choices.js';
import { ZaloTokens } from '../../../src/channels/zalo/zalo-tokens.js';
import { EmbeddedDocumentStore } from '../../../src/storage/embedded/embedded-document-store.js';
import { FakeZalo } from '../../support/fake-zalo.js';
import { tempDir } from '../../support/temp-dir.js';

describe('ZaloTokens', () => {
  let fake: FakeZalo;
  let dir: ReturnType<typeof tempDir>;
  let store: EmbeddedDocumentStore;
  let now: Date;
  const tokensFor = (s = store) => new ZaloTokens(s, { appId: '360846524940903967', appSecret: fake.appSecret, accessToken: 'access-0', refreshToken: 'refresh-0', oauthBase: fake.url, now: () => now });
  const channelWith = (tokens: ZaloTokens) => new ZaloChannel({ apiBase: fake.url, tokens, choices: new OfferedChoices(store, 'zalo', { numbers: true }) });
  const text = { kind: 'text' as const, text: 'Xin chao', buttons: [] };

  beforeEach(async () => {
    fake = await new FakeZalo().start();
    dir = tempDir('careline-zalo-');
    store = new EmbeddedDocumentStore(dir.path);
    await store.init();
    now = new Date('2026-11-24T08:00:00Z');
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
    await fake.close();
  });

  describe('when Zalo says the access token is no longer valid', () => {
    it('refreshes with the app secret and the refresh token, persists the new refresh token and sends again', async () => {
      const channel = channelWith(tokensFor());
      fake.accessToken = 'access-rotated-elsewhere';
      fake.refreshToken = 'refresh-0';
      await channel.send({ userId: 'u1' }, text);
      expect(fake.refreshes).toEqual([{ refreshToken: 'refresh-0', appId: '360846524940903967' }]);
      expect(fake.sent).toEqual([expect.objectContaining({ userId: 'u1', accessToken: 'access-1' })]);
      const stored = await store.collection<{ _id: string; refreshToken: string; expiresAt: Date }>('zalo_tokens').findOne({ _id: '360846524940903967' });
      expect(stored).toMatchObject({ refreshToken: 'refresh-1', expiresAt: new Date(now.getTime() + 90_000_000) });
    });
  });

  describe('when the access token is about to expire', () => {
    it('refreshes before sending, without a failed send', async () => {
      const tokens = tokensFor();
      await tokens.refresh();
      expect(fake.refreshes).toHaveLength(1);
      const channel = channelWith(tokens);
      await channel.send({ userId: 'u1' }, text);
      expect(fake.refreshes).toHaveLength(1);
      // 25 hours later, five minutes before expiry.
      now = new Date(now.getTime() + 90_000_000 - 5 * 60_000);
      const attempts = fake.sendAttempts;
      await channel.send({ userId: 'u1' }, text);
      expect(fake.refreshes.map((refresh) => refresh.refreshToken)).toEqual(['refresh-0', 'refresh-1']);
      expect(fake.sendAttempts).toBe(attempts + 1);
      expect(fake.sent.at(-1)!.accessToken).toBe('access-2');
    });

    it('refreshes once when several sends need a new token at the same moment', async () => {
      const tokens = tokensFor();
      fake.accessToken = 'access-rotated-elsewhere';
      const channel = channelWith(tokens);
      await Promise.all(['u1', 'u2', 'u3'].map((userId) => channel.send({ userId }, text)));
      expect(fake.refreshes).toHaveLength(1);
      expect(fake.sent.map((sent) => sent.userId).sort()).toEqual(['u1', 'u2', 'u3']);
    });
  });

  describe('after a restart', () => {
    it('uses the persisted refresh token, not the spent one from the environment', async () => {
      await tokensFor().refresh();
      const restarted = tokensFor();
      now = new Date(now.getTime() + 90_000_000);
      expect(await restarted.accessToken()).toBe('access-2');
      expect(fake.refreshes.map((refresh) => refresh.refreshToken)).toEqual(['refresh-0', 'refresh-1']);
    });

    it('starts from the environment again when the operator put a new refresh token there', async () => {
      await tokensFor().refresh();
      fake.refreshToken = 'refresh-from-reauthorization';
      const reauthorized = new ZaloTokens(store, { appId: '360846524940903967', appSecret: fake.appSecret, accessToken: 'access-new', refreshToken: 'refresh-from-reauthorization', oauthBase: fake.url, now: () => now });
      expect(await reauthorized.accessToken()).toBe('access-new');
      expect(await reauthorized.refresh('access-new')).toBe('access-2');
    });
  });

  describe('when the refresh fails', () => {
    it('reports a permanent error naming what Zalo said', async () => {
      fake.refreshToken = 'something-else';
      await expect(tokensFor().refresh()).rejects.toMatchObject({ permanent: true, message: expect.stringContaining('Refresh token is invalid') });
    });
  });
});
