import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { addressOf, externalUserIdOf, inboundActivitySchema } from '../../src/channels/botframework/bot-framework-activity.js';
import { BotFrameworkBot } from '../../src/channels/botframework/bot-framework-bot.js';
import { BotFrameworkChannel } from '../../src/channels/botframework/bot-framework-channel.js';
import { CollectingChannel } from '../../src/channels/collecting/collecting-channel.js';
import { OfferedChoices } from '../../src/channels/offered-choices.js';
import { instagramChannel } from '../../src/channels/instagram/instagram-channel.js';
import { messengerChannel } from '../../src/channels/messenger/messenger-channel.js';
import { GraphApiClient } from '../../src/channels/meta/graph-api-client.js';
import { maxBytes, maxChars } from '../../src/channels/meta/split-text.js';
import { createTelegramBot } from '../../src/channels/telegram/telegram-bot.js';
import { TelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { WebchatChannel } from '../../src/channels/webchat/webchat-channel.js';
import type { WebchatServerEvent } from '../../src/channels/webchat/webchat-message.js';
import { WhatsappChannel } from '../../src/channels/whatsapp/whatsapp-channel.js';
import { ZaloChannel } from '../../src/channels/zalo/zalo-channel.js';
import { ZaloTokens } from '../../src/channels/zalo/zalo-tokens.js';
import type { Channel } from '../../src/core/channel.js';
import { botFrameworkFixture } from '../support/bot-framework-fixture.js';
import { startFakeBotConnector, type PostedActivity } from '../support/fake-bot-connector.js';
import { FakeGraphApi, recipientOf, textOf, type GraphCall, type GraphErrorCode } from '../support/fake-graph-api.js';
import { FakeTelegram } from '../support/fake-telegram.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { openTempStore } from '../support/temp-store.js';
import { channelContract, type ChannelContractAdapter, type Delivered, type PlatformFailure } from './channel-contract.js';

/** Telegram: telegraf's client against the fake Bot API; HTML parse mode, inline keyboards, 4,096 characters a message. */
const telegram: ChannelContractAdapter = {
  name: 'telegram',
  // An inline keyboard holds up to 100 buttons, more than a message carries.
  nativeButtons: Infinity,
  links: 'clickable',
  fits: (text) => text.length <= 4096,
  platformErrors: true,
  async open() {
    const fake = await FakeTelegram.start();
    const bot = createTelegramBot(loadCarelineConfig({ env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url } }).channels.telegram)!;
    const descriptions: Record<PlatformFailure['status'], string> = {
      400: 'Bad Request: chat not found',
      403: 'Forbidden: bot was blocked by the user',
      429: 'Too Many Requests: retry after 7',
      503: 'Service Unavailable',
    };
    return {
      channel: new TelegramChannel(bot.telegram),
      address: { chatId: 42 },
      recipient: '42',
      delivered: async () =>
        fake.delivered().map(
          (message): Delivered => ({
            to: String(message.chatId),
            text: message.text,
            // Payloads up to 64 bytes travel as callback_data itself (longer ones as a hash the transcript resolves).
            buttons: message.keyboard.flat().map((button) => ({ label: button.text, payload: button.callback_data })),
            links: [...message.html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((match) => ({ label: unescapeHtml(match[2]!), url: unescapeHtml(match[1]!) })),
          }),
        ),
      // telegraf does not retry: one failed call is one failed send.
      fail: ({ status, retryAfterSeconds }) => fake.failNext('sendMessage', { error_code: status, description: descriptions[status], ...(retryAfterSeconds !== undefined ? { parameters: { retry_after: retryAfterSeconds } } : {}) }),
      recover: () => undefined,
      close: () => fake.close(),
    };
  },
};

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Graph errors a refusal of each status carries on Messenger, Instagram and WhatsApp. */
const graphErrors: Record<PlatformFailure['status'], GraphErrorCode> = {
  400: { code: 551, message: "This person isn't available right now." },
  403: { code: 200, message: '(#200) Permissions error' },
  429: { code: 2, message: 'An unexpected error has occurred. Please retry your request later.' },
  503: { code: 2, message: 'An unexpected error has occurred. Please retry your request later.' },
};

/** A Meta sender against the fake Graph API, reading back what a customer sees of each accepted call. */
async function openGraphWorld(build: (graph: GraphApiClient) => Channel, address: Record<string, string>, recipient: string, read: (call: GraphCall) => Delivered) {
  const fake = await new FakeGraphApi(['meta-token']).start();
  return {
    channel: build(new GraphApiClient(fake.url)),
    address,
    recipient,
    delivered: async () => fake.sent.map(read),
    fail: ({ status, retryAfterSeconds }: PlatformFailure) => fake.failWith(status, retryAfterSeconds === undefined ? undefined : String(retryAfterSeconds), graphErrors[status]),
    recover: () => fake.recover(),
    close: () => fake.stop(),
  };
}

/** A Send API call as the customer sees it: the text (a link is written in it) and the quick replies. */
function sendApiDelivered(call: GraphCall): Delivered {
  const replies: { title: string; payload: string }[] = call.body.message?.quick_replies ?? [];
  return { to: recipientOf(call), text: textOf(call), buttons: replies.map((reply) => ({ label: reply.title, payload: reply.payload })), links: [] };
}

/** Messenger: the Send API; quick replies (at most 13, titles of 20 characters); 2,000 characters a message. */
const messenger: ChannelContractAdapter = {
  name: 'messenger',
  // Messenger shows up to 13 quick replies, more than a message carries.
  nativeButtons: Infinity,
  labelLimit: 20,
  links: 'text',
  fits: maxChars(2000),
  platformErrors: true,
  open: () => openGraphWorld((graph) => messengerChannel(graph, 'meta-token'), { userId: '6789012345678901', accountId: '106344528814011' }, '6789012345678901', sendApiDelivered),
};

/** Instagram: the same Send API, but 1,000 bytes of UTF-8 a message. */
const instagram: ChannelContractAdapter = {
  ...messenger,
  name: 'instagram',
  fits: maxBytes(1000),
  open: () => openGraphWorld((graph) => instagramChannel(graph, 'meta-token'), { userId: '17841400000000001', accountId: '17841405822304914' }, '17841400000000001', sendApiDelivered),
};

/** A Cloud API call as the customer sees it: text or interactive body, reply buttons or list rows (a row's cut title is shown whole in its description). */
function whatsappDelivered(call: GraphCall): Delivered {
  const interactive = call.body.interactive;
  const replies: { reply: { id: string; title: string } }[] = interactive?.type === 'button' ? interactive.action.buttons : [];
  const rows: { id: string; title: string; description?: string }[] = interactive?.type === 'list' ? interactive.action.sections.flatMap((section: { rows: unknown[] }) => section.rows) : [];
  return {
    to: recipientOf(call),
    text: textOf(call),
    buttons: [...replies.map(({ reply }) => ({ label: reply.title, payload: reply.id })), ...rows.map((row) => ({ label: row.description ?? row.title, payload: row.id }))],
    links: [],
  };
}

/** WhatsApp: the Cloud API; 3 reply buttons, else a list of up to 10 rows; text 4,096 characters, an interactive body 1,024. */
const whatsapp: ChannelContractAdapter = {
  name: 'whatsapp',
  // Beyond 3 reply buttons the sender switches to a list, which holds 10 rows: all a message carries.
  nativeButtons: 10,
  links: 'text',
  fits: maxChars(4096),
  platformErrors: true,
  open: () =>
    openGraphWorld((graph) => new WhatsappChannel(graph, 'meta-token', '106540352242922'), { phone: '84901234567', phoneNumberId: '106540352242922' }, '84901234567', whatsappDelivered),
};

/** Bot Framework: botbuilder's CloudAdapter (unauthenticated, as with the Emulator) against the fake connector. */
function botFramework(name: string, fixture: 'emulator-message' | 'teams-personal-message'): ChannelContractAdapter {
  return {
    name,
    // Suggested actions (imBack) hold every button; on Teams more than 3 go on a hero card,
    // which Teams documents as showing at most 6 buttons: the sender sends them all.
    nativeButtons: Infinity,
    links: 'clickable',
    platformErrors: true,
    async open() {
      const connector = await startFakeBotConnector();
      const { store, dispose } = await openTempStore('careline-contract-');
      const offers = new OfferedChoices(store, 'botframework', { numbers: false });
      const activity = inboundActivitySchema.parse({ ...botFrameworkFixture(fixture), serviceUrl: connector.url });
      const customer = externalUserIdOf(activity.channelId, activity.from.id);
      const bot = new BotFrameworkBot(loadCarelineConfig({ env: { BOTFRAMEWORK_ENABLED: 'true' } }).channels.botframework);
      const read = async ({ conversationId, activity: sent }: PostedActivity): Promise<Delivered> => {
        const actions = sent.suggestedActions?.actions ?? sent.attachments?.flatMap((attachment) => attachment.content.buttons ?? []) ?? [];
        // An imBack action comes back as the customer's text: the offers map it to the payload.
        const buttons = await Promise.all(actions.map(async (action) => ({ label: action.title, payload: (await offers.payloadFor(customer, action.value)) ?? '' })));
        const links = sent.textFormat === 'markdown' ? [...(sent.text ?? '').matchAll(/\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)/g)] : [];
        const text = links.reduce((shown, [markdown, label]) => shown.replace(markdown, unescapeMarkdown(label!)), sent.text ?? '');
        return { to: conversationId, text, buttons, links: links.map(([, label, url]) => ({ label: unescapeMarkdown(label!), url: url! })) };
      };
      return {
        channel: new BotFrameworkChannel(bot, offers),
        address: addressOf(activity),
        recipient: activity.conversation.id,
        delivered: () => Promise.all(connector.messages().map(read)),
        fail: ({ status, retryAfterSeconds }) => {
          const final = { status, times: 1, ...(retryAfterSeconds !== undefined ? { headers: { 'retry-after': String(retryAfterSeconds) } } : {}) };
          // The connector client retries a 429 or 5xx three times itself, waiting Retry-After: those retries are told to wait 0 s.
          if (status === 429 || status >= 500) connector.failNext({ status, headers: { 'retry-after': '0' }, times: 3 });
          connector.failNext(final);
        },
        recover: () => connector.recover(),
        close: async () => {
          await dispose();
          await connector.close();
        },
      };
    },
  };
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\[\]])/g, '$1');
}

/** Zalo: the OA API's customer-service message; at most 5 buttons, else numbered lines; 2,000 characters a message. */
const zalo: ChannelContractAdapter = {
  name: 'zalo',
  // Zalo shows at most 5 buttons under a message (zaloMaxButtons); more become numbered lines.
  nativeButtons: 5,
  links: 'text',
  fits: (text) => [...text].length <= 2000,
  platformErrors: true,
  async open() {
    const fake = await new FakeZalo().start();
    const { store, dispose } = await openTempStore('careline-contract-');
    const choices = new OfferedChoices(store, 'zalo', { numbers: true });
    const tokens = new ZaloTokens(store, { appId: 'contract-app', appSecret: fake.appSecret, accessToken: fake.accessToken, refreshToken: fake.refreshToken, oauthBase: fake.url });
    const userId = '246845883529197922';
    return {
      channel: new ZaloChannel({ apiBase: fake.url, tokens, choices }),
      address: { userId },
      recipient: userId,
      delivered: () =>
        Promise.all(
          fake.sent.map(async (sent): Promise<Delivered> => ({
            to: sent.userId,
            text: sent.text,
            // A pressed `oa.query.show` button sends its payload as the follower's text: the offered choices map it back.
            buttons: await Promise.all(sent.buttons.map(async (button) => ({ label: button.title, payload: (await choices.payloadFor(sent.userId, button.payload)) ?? '' }))),
            links: [],
          })),
        ),
      payloadOfReply: async (reply) => (await choices.payloadFor(userId, reply)) ?? undefined,
      fail: ({ status, retryAfterSeconds }) => {
        fake.failWith = { status, ...(retryAfterSeconds !== undefined ? { retryAfter: String(retryAfterSeconds) } : {}) };
      },
      recover: () => {
        fake.failWith = null;
      },
      close: async () => {
        await dispose();
        await fake.close();
      },
    };
  },
};

/** Web chat: in process, pushed to every open widget of the visitor (here two recording connections, one another visitor's). */
const webchat: ChannelContractAdapter = {
  name: 'webchat',
  nativeButtons: Infinity,
  links: 'clickable',
  platformErrors: false,
  async open() {
    const channel = new WebchatChannel();
    const received: Delivered[] = [];
    for (const visitorId of ['visitor-a', 'visitor-b']) {
      channel.connect(visitorId, {
        send: (data) => {
          const event = JSON.parse(data) as WebchatServerEvent;
          if (event.type === 'message') received.push({ to: visitorId, text: event.message.text, buttons: event.message.buttons, links: event.message.link ? [event.message.link] : [] });
        },
      });
    }
    return { channel, address: { visitorId: 'visitor-a' }, recipient: 'visitor-a', delivered: async () => [...received], close: async () => undefined };
  },
};

/**
 * The collecting channel (the `rest` API's answers and engine tests) records messages as
 * they are. RestChannel itself sends nothing: the stored transcript is its delivery.
 */
const collecting: ChannelContractAdapter = {
  name: 'collecting (rest)',
  nativeButtons: Infinity,
  links: 'clickable',
  platformErrors: false,
  async open() {
    const channel = new CollectingChannel('rest');
    return {
      channel,
      address: { conversationId: 'c-1' },
      recipient: 'c-1',
      delivered: async () => channel.sent.map(({ address, message }) => ({ to: String(address.conversationId), text: message.text, buttons: message.buttons, links: message.link ? [message.link] : [] })),
      close: async () => undefined,
    };
  },
};

for (const adapter of [telegram, messenger, instagram, whatsapp, botFramework('botframework (Emulator)', 'emulator-message'), botFramework('botframework (Teams)', 'teams-personal-message'), zalo, webchat, collecting]) {
  channelContract(adapter);
}
