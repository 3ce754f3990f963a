import { randomUUID } from 'node:crypto';
import { FakeGraphApi } from './fake-graph-api.js';
import { metaFixture, postSigned } from './meta-webhook.js';
import { startTestApp, type TestApp } from './test-app.js';

export type MetaPlatform = 'messenger' | 'instagram' | 'whatsapp';

export const appSecret = 'test-app-secret-3f9a';
export const verifyToken = 'test-verify-token-7c21';
const tokens: Record<MetaPlatform, string> = { messenger: 'EAAPageToken', instagram: 'EAAInstagramToken', whatsapp: 'EAAWhatsappToken' };
export const whatsappPhoneNumberId = '106540352242922';

/** How a customer message is sent: typed text, or a pressed quick reply / reply button / list row. */
export interface SayOptions {
  payload?: string;
  /** WhatsApp: which interactive reply carries the payload. */
  reply?: 'button_reply' | 'list_reply';
  /** The platform's message id (default: a fresh one). */
  mid?: string;
  /** When the customer wrote (default: now). */
  at?: Date;
}

/** A Careline with one Meta platform enabled against a fake Graph API, and a customer's side of the webhook. */
export interface MetaWorld {
  app: TestApp;
  graph: FakeGraphApi;
  webhook: string;
  token: string;
  /** The webhook body of a customer message, as the platform would deliver it. */
  payload: (user: string, text: string, options?: SayOptions) => unknown;
  /** Delivers a customer message signed like Meta does; resolves with the webhook's response. */
  say: (user: string, text: string, options?: SayOptions) => Promise<Response>;
  close: () => Promise<void>;
}

export async function startMetaWorld(platform: MetaPlatform, env: Record<string, string> = {}): Promise<MetaWorld> {
  const graph = await new FakeGraphApi(Object.values(tokens)).start();
  const platformEnv: Record<MetaPlatform, Record<string, string>> = {
    messenger: { MESSENGER_PAGE_ACCESS_TOKEN: tokens.messenger },
    instagram: { INSTAGRAM_ACCESS_TOKEN: tokens.instagram },
    whatsapp: { WHATSAPP_ACCESS_TOKEN: tokens.whatsapp, WHATSAPP_PHONE_NUMBER_ID: whatsappPhoneNumberId },
  };
  const app = await startTestApp({
    BUSINESS_HOURS: 'mon-sun 00:00-24:00',
    META_APP_SECRET: appSecret,
    META_VERIFY_TOKEN: verifyToken,
    META_GRAPH_API_BASE: graph.url,
    ...platformEnv[platform],
    ...env,
  });
  const webhook = `${app.url}/webhooks/${platform}`;
  const payload = platform === 'whatsapp' ? whatsappPayload : (user: string, text: string, options: SayOptions = {}) => messagingPayload(platform, user, text, options);
  return {
    app,
    graph,
    webhook,
    token: tokens[platform],
    payload,
    say: (user, text, options) => postSigned(webhook, payload(user, text, options), appSecret),
    close: async () => {
      await app.close();
      await graph.stop();
    },
  };
}

function messagingPayload(platform: 'messenger' | 'instagram', user: string, text: string, options: SayOptions): unknown {
  const body = metaFixture(`${platform}-${options.payload ? 'quick-reply' : 'text'}`);
  const entry = body.entry[0];
  const event = entry.messaging[0];
  const at = (options.at ?? new Date()).getTime();
  entry.time = at;
  Object.assign(event, { sender: { id: user }, timestamp: at });
  event.message.mid = options.mid ?? `m_${randomUUID()}`;
  event.message.text = text;
  if (options.payload) event.message.quick_reply.payload = options.payload;
  return body;
}

function whatsappPayload(user: string, text: string, options: SayOptions = {}): unknown {
  const reply = options.payload ? (options.reply ?? 'button_reply') : null;
  const body = metaFixture(reply ? `whatsapp-${reply.replace('_', '-')}` : 'whatsapp-text');
  const value = body.entry[0].changes[0].value;
  value.contacts[0].wa_id = user;
  const message = value.messages[0];
  Object.assign(message, { from: user, id: options.mid ?? `wamid.${randomUUID()}`, timestamp: String(Math.floor((options.at ?? new Date()).getTime() / 1000)) });
  if (reply) message.interactive[reply] = { id: options.payload, title: text };
  else message.text.body = text;
  return body;
}
