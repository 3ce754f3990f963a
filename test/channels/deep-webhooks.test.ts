import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaSignature } from '../../src/channels/meta/meta-signature.js';
import { zaloSignature } from '../../src/channels/zalo/zalo-signature.js';
import { FakeGraphApi } from '../support/fake-graph-api.js';
import { FakeZalo, zaloEnv, zaloFixture } from '../support/fake-zalo.js';
import { metaFixture, postSigned } from '../support/meta-webhook.js';
import { postJson } from '../support/post-json.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const appSecret = 'deep-app-secret';
// 20,000 nested arrays: JSON.parse reads it, but keeping the event (the store's recursive codec) ran out of stack and the delivery was answered 503 on every retry.
const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;

describe('a signed webhook nested deeper than any documented payload', () => {
  let app: TestApp;
  let graph: FakeGraphApi;
  let zalo: FakeZalo;
  beforeAll(async () => {
    graph = await new FakeGraphApi(['EAAPage']).start();
    zalo = await new FakeZalo().start();
    app = await startTestApp({ META_APP_SECRET: appSecret, META_VERIFY_TOKEN: 'verify', MESSENGER_PAGE_ACCESS_TOKEN: 'EAAPage', GRAPH_API_BASE: graph.url, ...zaloEnv(zalo) });
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([graph?.stop(), zalo?.close()]);
  });

  it('is refused on Messenger with 400 naming the nesting, and the next delivery is stored', async () => {
    const text = JSON.stringify(metaFixture('messenger-text'));
    const raw = text.replace(/\}$/, `,"extra":${deep}}`);
    const refused = await fetch(`${app.url}/webhooks/messenger`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(raw, appSecret) }, body: raw });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('json_too_deep');
    expect((await postSigned(`${app.url}/webhooks/messenger`, metaFixture('messenger-text'), appSecret)).status).toBe(200);
  });

  it('is refused on Zalo with 400 naming the nesting', async () => {
    const event: Record<string, unknown> = { ...zaloFixture<Record<string, unknown>>('user_send_text'), timestamp: String(Date.now()) };
    const raw = JSON.stringify(event).replace(/\}$/, `,"extra":${deep}}`);
    const response = await postJson(`${app.url}/webhooks/zalo`, raw, { 'x-zevent-signature': zaloSignature(String(event.app_id), raw, String(event.timestamp), 'oa-secret-key') });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('json_too_deep');
  });
});
