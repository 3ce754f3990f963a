import { metaSignature } from '../../src/channels/meta/meta-signature.js';
import { zaloSignature } from '../../src/channels/zalo/zalo-signature.js';
import { benchCredentials as c } from './bench-credentials.js';
import type { BenchCustomer } from './bench-customers.js';

/** One customer message as the platform sends it (a redelivery repeats `messageId`). */
export interface BenchMessage {
  customer: BenchCustomer;
  /** Unique per message within a trial: the platform's message id (Telegram: the update id). */
  messageId: number;
  text: string;
}

/** What Careline answered a delivery: an HTTP status, or 0 when the request failed (connection refused or reset). */
export interface DeliveryResult {
  status: number;
  headers?: Headers;
  body?: string;
  error?: string;
}

/** How to spoil a delivery's authentication, for the forged-webhook trial. */
export type Forgery = 'none' | 'missing' | 'wrong';

/** Where a channel's customer messages are posted, and the request that carries one. */
export interface DeliveryRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

const json = { 'content-type': 'application/json' };

/** A Zalo `user_send_text` event; `timestamp` (ms) defaults to now, `msgId` null leaves `msg_id` out. */
export function zaloEvent(message: BenchMessage, options: { timestamp?: number; msgId?: string | null } = {}): Record<string, unknown> {
  const msgId = options.msgId === undefined ? `bench-zalo-${message.messageId}` : options.msgId;
  return {
    app_id: c.zaloAppId,
    sender: { id: message.customer.platformId },
    user_id_by_app: `55${message.customer.platformId.slice(2)}`,
    recipient: { id: c.zaloOaId },
    event_name: 'user_send_text',
    message: { text: message.text, ...(msgId === null ? {} : { msg_id: msgId }) },
    timestamp: String(options.timestamp ?? Date.now()),
  };
}

/** The signed request for a raw Zalo event body. */
export function zaloRequest(raw: string, timestamp: string, forgery: Forgery = 'none'): DeliveryRequest {
  const signature = forgery === 'wrong' ? zaloSignature(c.zaloAppId, raw, timestamp, 'not-the-oa-secret') : zaloSignature(c.zaloAppId, raw, timestamp, c.zaloOaSecretKey);
  return { path: '/webhooks/zalo', headers: { ...json, ...(forgery === 'missing' ? {} : { 'x-zevent-signature': signature }) }, body: raw };
}

function metaRequest(path: string, payload: unknown, forgery: Forgery): DeliveryRequest {
  const raw = JSON.stringify(payload);
  const secret = forgery === 'wrong' ? 'not-the-app-secret' : c.metaAppSecret;
  return { path, headers: { ...json, ...(forgery === 'missing' ? {} : { 'x-hub-signature-256': metaSignature(raw, secret) }) }, body: raw };
}

function messagingPayload(object: 'page' | 'instagram', recipientId: string, message: BenchMessage) {
  const now = Date.now();
  return {
    object,
    entry: [{ id: recipientId, time: now, messaging: [{ sender: { id: message.customer.platformId }, recipient: { id: recipientId }, timestamp: now, message: { mid: `m_bench_${object}_${message.messageId}`, text: message.text } }] }],
  };
}

function whatsappPayload(message: BenchMessage) {
  const phone = message.customer.platformId;
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: c.whatsappPhoneNumberId },
              contacts: [{ profile: { name: `Bench ${phone.slice(-4)}` }, wa_id: phone }],
              messages: [{ from: phone, id: `wamid.BENCH${message.messageId}`, timestamp: String(Math.floor(Date.now() / 1000)), text: { body: message.text }, type: 'text' }],
            },
          },
        ],
      },
    ],
  };
}

function telegramUpdate(message: BenchMessage) {
  const id = Number(message.customer.platformId);
  return {
    update_id: message.messageId,
    message: { message_id: message.messageId, from: { id, is_bot: false, first_name: 'Bench', language_code: 'vi' }, chat: { id, first_name: 'Bench', type: 'private' }, date: Math.floor(Date.now() / 1000), text: message.text },
  };
}

/** A Bot Framework message activity from the Emulator whose replies go to `serviceUrl` (the fake connector). */
export function botFrameworkActivity(message: BenchMessage, serviceUrl: string, channelId = 'emulator') {
  return {
    type: 'message',
    id: `bench-activity-${message.messageId}`,
    channelId,
    serviceUrl,
    from: { id: message.customer.platformId, name: 'Bench customer', role: 'user' },
    recipient: { id: 'bench-bot', name: 'Bot', role: 'bot' },
    conversation: { id: message.customer.recipient },
    text: message.text,
    textFormat: 'plain',
    locale: 'vi-VN',
    timestamp: new Date().toISOString(),
  };
}

/**
 * The HTTP request a platform (or client) makes to hand Careline `message`, signed the way
 * each one signs (Meta `X-Hub-Signature-256`, Zalo `X-ZEvent-Signature`, Telegram's secret
 * header, the REST API key) unless `forgery` spoils it. `serviceUrl` is where Bot Framework
 * replies go.
 */
export function deliveryRequest(message: BenchMessage, serviceUrl: string, forgery: Forgery = 'none'): DeliveryRequest {
  const { customer } = message;
  switch (customer.channel) {
    case 'telegram': {
      const secret = forgery === 'wrong' ? 'not-the-webhook-secret' : c.telegramWebhookSecret;
      return { path: '/api/telegram/webhook', headers: { ...json, ...(forgery === 'missing' ? {} : { 'x-telegram-bot-api-secret-token': secret }) }, body: JSON.stringify(telegramUpdate(message)) };
    }
    case 'messenger':
      return metaRequest('/webhooks/messenger', messagingPayload('page', c.messengerPageId, message), forgery);
    case 'instagram':
      return metaRequest('/webhooks/instagram', messagingPayload('instagram', c.instagramAccountId, message), forgery);
    case 'whatsapp':
      return metaRequest('/webhooks/whatsapp', whatsappPayload(message), forgery);
    case 'zalo': {
      const event = zaloEvent(message);
      return zaloRequest(JSON.stringify(event), String(event.timestamp), forgery);
    }
    case 'botframework':
      return { path: '/api/messages', headers: json, body: JSON.stringify(botFrameworkActivity(message, serviceUrl)) };
    case 'rest': {
      const key = forgery === 'wrong' ? 'not-the-api-key' : c.restApiKey;
      return { path: '/api/chat', headers: { ...json, ...(forgery === 'missing' ? {} : { authorization: `Bearer ${key}` }) }, body: JSON.stringify({ sender: customer.platformId, text: message.text, messageId: `bench-rest-${message.messageId}` }) };
    }
    case 'webchat':
      return { path: '/api/webchat/messages', headers: json, body: JSON.stringify({ token: customer.platformId, clientId: `bench-widget-${message.messageId}`, text: message.text }) };
  }
}

/** Posts a prepared request; never throws (a refused or reset connection is status 0). */
export async function post(baseUrl: string, request: DeliveryRequest, timeoutMs = 20_000): Promise<DeliveryResult> {
  try {
    const response = await fetch(`${baseUrl}${request.path}`, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, headers: response.headers, body: await response.text() };
  } catch (error) {
    return { status: 0, error: (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message };
  }
}

/** Delivers `message` the way its platform does and returns Careline's answer. */
export function deliver(baseUrl: string, message: BenchMessage, serviceUrl: string, forgery: Forgery = 'none'): Promise<DeliveryResult> {
  return post(baseUrl, deliveryRequest(message, serviceUrl, forgery));
}
