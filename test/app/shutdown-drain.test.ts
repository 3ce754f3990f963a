import { afterAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../support/fake-telegram.js';
import { FakeZalo, postZaloEvent, zaloEnv, zaloText } from '../support/fake-zalo.js';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector.js';
import { botFrameworkFixture, type BotActivity } from '../support/bot-framework-fixture.js';
import { recipientOf, textOf } from '../support/fake-graph-api.js';
import { startMetaWorld, type MetaWorld } from '../support/meta-world.js';
import { postJson } from '../support/post-json.js';
import { textFrom, webhookSecret } from '../channels/telegram-world.js';

// Shutdown as main.ts runs it, on a server with every webhook channel on: messages are
// acknowledged, the server is stopped at once, and each acknowledged message's turn still
// completes (its reply reaches the platform) before the workers and the store stop.
describe('stopping the server while turns are running on every webhook channel', () => {
  let world: MetaWorld;
  let zalo: FakeZalo;
  let telegram: FakeTelegram;
  let connector: FakeBotConnector;
  afterAll(async () => {
    await world.close();
    await Promise.all([zalo.close(), telegram.close(), connector.close()]);
  });

  it('completes every acknowledged turn before it stops', async () => {
    zalo = await new FakeZalo().start();
    telegram = await FakeTelegram.start();
    connector = await startFakeBotConnector();
    world = await startMetaWorld('messenger', { ...zaloEnv(zalo), TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_WEBHOOK_SECRET: webhookSecret, TELEGRAM_API_ROOT: telegram.url, BOTFRAMEWORK_ENABLED: 'true' });
    const { app } = world;
    const question = 'bao hanh bao lau';
    const title = app.careline.knowledge.article('warranty-period', 'vi', 'vi')!.title;
    const telegramUpdate = textFrom(question) as { message: { chat: { id: number } } };
    // Telegram's Bot API is slow: the first reply's send is held, so that customer's second
    // message waits for its turn when the stop begins.
    const releaseTelegram = telegram.holdSends();
    const secondUpdate = textFrom('phi ship bao nhieu', (update) => {
      (update as { update_id: number }).update_id += 1;
      (update as { message: { message_id: number } }).message.message_id += 1;
    });
    const deliveryTitle = app.careline.knowledge.article('delivery-fee', 'vi', 'vi')!.title;
    const activity: BotActivity = { ...botFrameworkFixture('emulator-message'), text: question, id: 'drain-1', serviceUrl: connector.url };

    const acknowledged = await Promise.all([
      world.say('drain-messenger', question),
      postZaloEvent(app.url, zaloText('drain-zalo', question)),
      fetch(`${app.url}/api/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecret }, body: JSON.stringify(telegramUpdate) }),
      postJson(`${app.url}/api/messages`, activity),
      fetch(`${app.url}/api/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecret }, body: JSON.stringify(secondUpdate) }),
    ]);
    expect(acknowledged.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    // What main.ts does on SIGTERM: stop taking messages, drain every channel's turns, stop the workers.
    await app.careline.stopChannels();
    const stopped = app.careline.stop();
    releaseTelegram();
    await stopped;

    expect(world.graph.sent.filter((call) => recipientOf(call) === 'drain-messenger').map(textOf).join('\n')).toContain(title);
    expect(zalo.sent.filter((sent) => sent.userId === 'drain-zalo').map((sent) => sent.text).join('\n')).toContain(title);
    const toTelegram = telegram.sentTo(telegramUpdate.message.chat.id).map((sent) => sent.text).join('\n');
    expect(toTelegram).toContain(title);
    expect(toTelegram).toContain(deliveryTitle);
    expect(connector.messages().map((posted) => posted.activity.text ?? '').join('\n')).toContain(title);
  });
});
