import { generateKeyPairSync } from 'node:crypto';
import { metaSignature } from '../../src/channels/meta/meta-signature.js';
import { zaloSignature } from '../../src/channels/zalo/zalo-signature.js';
import { benchCredentials as c } from './bench-credentials.js';
import { benchCustomer, isWebhookChannel, type BenchChannel } from './bench-customers.js';
import { botFrameworkActivity, deliveryRequest, post, zaloEvent, zaloRequest, type BenchMessage, type DeliveryRequest } from './deliver.js';
import { mapPool, sleep } from './pool.js';
import { StoreTranscripts } from './store-transcripts.js';
import type { TrialFigure } from './trial-result.js';
import { TrialWorld } from './trial-world.js';

const trial = 9;
let counter = 0;

/** A forged or stale request, the customer it claims to come from, and whether Careline took it. */
interface Attempt {
  label: string;
  message: BenchMessage;
  request: DeliveryRequest;
  status?: number;
}

function attempt(label: string, channel: BenchChannel, build: (message: BenchMessage) => DeliveryRequest): Attempt {
  const message: BenchMessage = { customer: benchCustomer(channel, trial, ++counter), messageId: trial * 10_000_000 + counter, text: 'bao hanh bao lau' };
  return { label, message, request: build(message) };
}

/** The same request with one header replaced (or removed, for null). */
function withHeader(request: DeliveryRequest, name: string, value: string | null): DeliveryRequest {
  const headers = { ...request.headers };
  delete headers[name];
  return { ...request, headers: value === null ? headers : { ...headers, [name]: value } };
}

/** Every forged request on the channels that sign with a shared secret (Telegram, Meta, Zalo, the REST key). */
function sharedSecretForgeries(serviceUrl: string): Attempt[] {
  const forged: Attempt[] = [];
  for (const channel of ['telegram', 'messenger', 'instagram', 'whatsapp', 'zalo', 'rest'] as const) {
    forged.push(attempt(`${channel}: no signature`, channel, (message) => deliveryRequest(message, serviceUrl, 'missing')));
    forged.push(attempt(`${channel}: wrong secret`, channel, (message) => deliveryRequest(message, serviceUrl, 'wrong')));
  }
  for (const channel of ['messenger', 'instagram', 'whatsapp'] as const) {
    forged.push(attempt(`${channel}: malformed signature`, channel, (message) => withHeader(deliveryRequest(message, serviceUrl), 'x-hub-signature-256', 'sha256=zz')));
    forged.push(attempt(`${channel}: sha1 signature`, channel, (message) => withHeader(deliveryRequest(message, serviceUrl), 'x-hub-signature-256', metaSignature('x', c.metaAppSecret).replace('sha256', 'sha1'))));
    forged.push(attempt(`${channel}: signature of another body`, channel, (message) => withHeader(deliveryRequest(message, serviceUrl), 'x-hub-signature-256', metaSignature('{"object":"page","entry":[]}', c.metaAppSecret))));
  }
  forged.push(attempt('zalo: signed with another timestamp', 'zalo', (message) => {
    const event = zaloEvent(message);
    return withHeader(zaloRequest(JSON.stringify(event), String(event.timestamp)), 'x-zevent-signature', zaloSignature(c.zaloAppId, JSON.stringify(event), String(Number(event.timestamp) + 1), c.zaloOaSecretKey));
  }));
  forged.push(attempt('zalo: malformed signature', 'zalo', (message) => withHeader(deliveryRequest(message, serviceUrl), 'x-zevent-signature', 'mac=zz')));
  return forged;
}

/** Bot Framework requests with missing, malformed and forged channel tokens (the app id configured). */
function botFrameworkForgeries(world: TrialWorld): Attempt[] {
  const { privateKey: attacker } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const claims = { aud: c.botFrameworkAppId, serviceurl: world.fakes.url };
  const tokens: [string, string | null][] = [
    ['no token', null],
    ['not a JWT', 'Bearer not-a-jwt'],
    ['Basic scheme', `Basic ${world.fakes.channelToken(claims)}`],
    ['signed by another key under the real key id', `Bearer ${world.fakes.channelToken(claims, { key: attacker })}`],
    ['signed by another key under an unknown key id', `Bearer ${world.fakes.channelToken(claims, { key: attacker, kid: 'attacker' })}`],
    ['a token for another bot', `Bearer ${world.fakes.channelToken({ ...claims, aud: 'another-bot' })}`],
    ['a token for another service URL', `Bearer ${world.fakes.channelToken({ ...claims, serviceurl: 'https://attacker.example' })}`],
    ['expired an hour ago', `Bearer ${world.fakes.channelToken({ ...claims, nbf: now - 7200, exp: now - 3600 })}`],
  ];
  return tokens.map(([label, authorization]) =>
    attempt(`botframework: ${label}`, 'botframework', (message) => ({ path: '/api/messages', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(botFrameworkActivity(message, world.fakes.url, 'msteams')) })),
  );
}

/** Whether Careline took an attempt: answered 2xx, stored a line for its customer or replied to it. */
function taken(attempt: Attempt, store: StoreTranscripts, world: TrialWorld): boolean {
  const { customer } = attempt.message;
  const stored = store.transcripts(customer).flat().length > 0;
  const replied = isWebhookChannel(customer.channel) && world.fakes.arrived(customer.channel, customer.recipient).length > 0;
  return (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) || stored || replied;
}

/**
 * Trial 9: forged webhooks on every channel (missing and wrong signatures, tokens and keys)
 * must all be rejected; Zalo events signed correctly but 1 hour, 30 days and 5 years old must
 * be rejected; one Zalo event without `msg_id`, delivered 10 times, must give one reply. A
 * correctly signed request on each channel is the control that the bench signs right.
 */
export async function forgedWebhooksTrial(): Promise<TrialFigure[]> {
  const [world, secured] = await Promise.all([TrialWorld.create(), TrialWorld.create({ authenticatedBotFramework: true })]);
  try {
    const forged = sharedSecretForgeries(world.fakes.url);
    const bfForged = botFrameworkForgeries(secured);
    const controls = (['telegram', 'messenger', 'instagram', 'whatsapp', 'zalo', 'rest'] as const).map((channel) => attempt(`${channel}: correctly signed`, channel, (message) => deliveryRequest(message, world.fakes.url)));
    const bfControl = attempt('botframework: correctly signed', 'botframework', (message) => ({ path: '/api/messages', headers: { 'content-type': 'application/json', authorization: `Bearer ${secured.fakes.channelToken({ aud: c.botFrameworkAppId, serviceurl: secured.fakes.url })}` }, body: JSON.stringify(botFrameworkActivity(message, secured.fakes.url, 'msteams')) }));
    const ages: [string, number][] = [['1 hour', 3600_000], ['30 days', 30 * 86_400_000], ['5 years', 5 * 365 * 86_400_000]];
    const stale = ages.map(([label, age]) => attempt(`zalo: ${label} old`, 'zalo', (message) => {
      const event = zaloEvent(message, { timestamp: Date.now() - age });
      return zaloRequest(JSON.stringify(event), String(event.timestamp));
    }));
    const send = (target: TrialWorld) => async (entry: Attempt) => {
      entry.status = (await post(target.url, entry.request)).status;
    };
    await mapPool([...forged, ...controls, ...stale], 8, send(world));
    await mapPool([...bfForged, bfControl], 4, send(secured));
    const repeated = attempt('zalo: no msg_id', 'zalo', (message) => {
      const event = zaloEvent(message, { msgId: null });
      return zaloRequest(JSON.stringify(event), String(event.timestamp));
    });
    const reference = attempt('zalo: with msg_id, once', 'zalo', (message) => deliveryRequest(message, world.fakes.url));
    await send(world)(reference);
    for (let i = 0; i < 10; i++) {
      await send(world)(repeated);
      await sleep(100);
    }
    await Promise.all([world.recovered(10_000), secured.recovered(10_000)]);
    const [store, securedStore] = await Promise.all([StoreTranscripts.read(world.dataDir), StoreTranscripts.read(secured.dataDir)]);
    const accepted = [...forged.filter((entry) => taken(entry, store, world)), ...bfForged.filter((entry) => taken(entry, securedStore, secured))];
    const staleTaken = stale.filter((entry) => taken(entry, store, world));
    const controlFailures = [...controls.filter((entry) => !taken(entry, store, world)), ...(taken(bfControl, securedStore, secured) ? [] : [bfControl])];
    const sendsPerTurn = Math.max(1, world.fakes.delivered('zalo', reference.message.customer.recipient).length);
    const repeatedSends = world.fakes.delivered('zalo', repeated.message.customer.recipient).length;
    const repeatedLines = store.transcripts(repeated.message.customer).flat().filter((line) => line.author === 'customer').length;
    const replies = Math.round(repeatedSends / sendsPerTurn);
    const allForged = [...forged, ...bfForged];
    return [
      {
        name: '9. forged webhooks accepted',
        figure: `${accepted.length} of ${allForged.length}`,
        mustBe: '0 (all rejected)',
        pass: accepted.length === 0,
        notes: [
          `rejections: ${[...new Set(allForged.map((entry) => entry.status))].join('/')}; accepted: ${accepted.map((entry) => `${entry.label} (${entry.status})`).join('; ') || 'none'}`,
          `controls (correctly signed, must be taken): ${controlFailures.length === 0 ? 'all 7 taken' : `NOT taken: ${controlFailures.map((entry) => `${entry.label} (${entry.status})`).join('; ')}`}`,
        ],
      },
      {
        name: '9. stale Zalo webhooks (1 h, 30 days, 5 years old) accepted',
        figure: `${staleTaken.length} of ${stale.length}`,
        mustBe: '0 (rejected outside the freshness window)',
        pass: staleTaken.length === 0,
        notes: [`answers: ${stale.map((entry) => `${entry.label} ${entry.status}`).join(', ')}`],
      },
      {
        name: '9. Zalo event without msg_id delivered 10 times: replies',
        figure: String(replies),
        mustBe: '1',
        pass: replies === 1,
        notes: [`${repeatedSends} sends to the customer (one turn sends ${sendsPerTurn}); stored customer lines ${repeatedLines}`, ...world.errorsNote()],
      },
    ];
  } finally {
    await Promise.all([world.close(), secured.close()]);
  }
}
