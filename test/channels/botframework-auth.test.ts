import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector.js';
import { startFakeBotTokenIssuer, type FakeBotTokenIssuer } from '../support/fake-bot-token-issuer.js';
import { botFrameworkFixture, type BotActivity } from '../support/bot-framework-fixture.js';
import { postJson } from '../support/post-json.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const appId = '3f0b3b7e-5d44-4c1e-9a8f-6a0d2c7e1b55';
describe('the Bot Framework channel with an app id (JWT authentication on)', () => {
  let app: TestApp;
  let connector: FakeBotConnector;
  let issuer: FakeBotTokenIssuer;
  let sequence = 0;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    issuer = await startFakeBotTokenIssuer();
    app = await startTestApp({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'client-secret-value', BOTFRAMEWORK_OPENID_METADATA_URL: issuer.metadataUrl });
  });
  afterAll(async () => {
    await app.close();
    await issuer.close();
    await connector.close();
  });

  const teamsMessage = (text: string): BotActivity => ({ ...botFrameworkFixture('teams-personal-message'), text, id: `teams-${++sequence}`, serviceUrl: connector.url });
  const post = (activity: BotActivity, authorization?: string) => postJson(`${app.url}/api/messages`, activity, authorization ? { authorization } : {});
  const storedLines = async () => (await app.store.collection('messages').find({})).length;
  const validToken = () => `Bearer ${issuer.channelToken({ aud: appId, serviceurl: connector.url })}`;

  it('rejects a request without a token, with a malformed one and with forged ones, answering none of them', async () => {
    const { privateKey: attackerKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rejected = [
      undefined,
      'Bearer not-a-jwt',
      validToken().replace(/^Bearer /, 'Basic '),
      // Signed by someone else under the real key's id.
      `Bearer ${issuer.channelToken({ aud: appId, serviceurl: connector.url }, { key: attackerKey })}`,
      // Signed by someone else under a key id nobody published.
      `Bearer ${issuer.channelToken({ aud: appId, serviceurl: connector.url }, { key: attackerKey, kid: 'attacker' })}`,
      // A real token, but for another bot.
      `Bearer ${issuer.channelToken({ aud: 'another-bot-app-id', serviceurl: connector.url })}`,
      // A real token for another service URL: replies must not be sent wherever the body says.
      `Bearer ${issuer.channelToken({ aud: appId, serviceurl: 'https://attacker.example' })}`,
      // Expired an hour ago.
      `Bearer ${issuer.channelToken({ aud: appId, serviceurl: connector.url, nbf: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })}`,
    ];
    for (const authorization of rejected) {
      const response = await post(teamsMessage('bao hanh bao lau'), authorization);
      expect(response.status, authorization ?? '(no token)').toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    const update = { ...botFrameworkFixture('emulator-conversation-update'), serviceUrl: connector.url };
    expect((await post(update)).status).toBe(401);
    expect(await storedLines()).toBe(0);
    expect(connector.posted).toEqual([]);
  });

  it('accepts a token signed by the channel\'s published key', async () => {
    const update = { ...botFrameworkFixture('emulator-conversation-update'), channelId: 'msteams', serviceUrl: connector.url, deliveryMode: 'expectReplies' };
    const welcomed = await post(update, validToken());
    expect(welcomed.status).toBe(200);
    // expectReplies: the turn's replies come back in the response, not through the connector.
    const { activities } = (await welcomed.json()) as { activities: { type: string; text: string }[] };
    expect(activities.map((activity) => activity.type)).toEqual(['message']);
    expect(activities[0]!.text).toMatch(/chào/i);
    expect((await post(teamsMessage('bao hanh bao lau'), validToken())).status).toBe(200);
    const [line] = await app.store.collection<{ _id: string; text: string }>('messages').find({});
    expect(line!.text).toBe('bao hanh bao lau');
  });

  it('answers a signed Teams Action.Execute invoke 200 with a message in place of the card, and keeps what was submitted', async () => {
    const execute = { ...botFrameworkFixture('teams-adaptive-card-action'), serviceUrl: connector.url };
    const response = await post(execute, validToken());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    const lines = await app.store.collection<{ _id: string; text: string }>('messages').find({ text: 'firstName: Lan\nlastName: Nguyễn' });
    expect(lines).toHaveLength(1);
    // Unsigned, the same invoke is refused and kept nowhere.
    expect((await post({ ...execute, id: 'f:unsigned' })).status).toBe(401);
  });

  it('names an inline image on the token-verified channel service by its URL there, for the bot to fetch with its own token', async () => {
    const image: BotActivity = { ...botFrameworkFixture('teams-inline-image'), id: 'teams-image-1', serviceUrl: connector.url };
    const contentUrl = connector.attach('0-cus-d7-e0ee4ec513aecf2e64124d1b11de2878', Buffer.from('jpeg'), 'image/jpeg');
    (image.attachments as { contentUrl?: string }[])[0]!.contentUrl = contentUrl;
    expect((await post(image, validToken())).status).toBe(200);
    const [line] = await app.store.collection<{ _id: string; attachments?: unknown[] }>('messages').find({ platformMessageId: { $regex: 'teams-image-1$' } });
    expect(line!.attachments).toEqual([{ kind: 'image', mediaId: contentUrl }]);
  });
});
