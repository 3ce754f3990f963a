import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphApiClient } from '../../src/channels/meta/graph-api-client.js';
import { WhatsappChannel } from '../../src/channels/whatsapp/whatsapp-channel.js';
import { FakeGraphApi } from '../support/fake-graph-api.js';

// Cloud API, Media: GET /{media-id} gives a short-lived URL that is downloaded with the same token.
describe('WhatsApp media a customer sent', () => {
  let fake: FakeGraphApi;
  let channel: WhatsappChannel;
  beforeAll(async () => {
    fake = await new FakeGraphApi(['wa-token']).start();
    channel = new WhatsappChannel(new GraphApiClient(fake.url), 'wa-token', '106540352242922');
  });
  afterAll(() => fake.stop());

  it('names the download URL and the token it needs, and nothing for a media id WhatsApp no longer has', async () => {
    fake.media.set('1037543291543636', { bytes: Buffer.from('ogg voice'), mimeType: 'audio/ogg' });
    const source = await channel.mediaSource({ kind: 'voice', mediaId: '1037543291543636' });
    expect(source).toEqual({ url: expect.stringMatching(/\/media-download\/1037543291543636$/), headers: { authorization: 'Bearer wa-token' } });
    const download = await fetch(source!.url, { headers: source!.headers! });
    expect([download.status, download.headers.get('content-type'), await download.text()]).toEqual([200, 'audio/ogg', 'ogg voice']);
    expect((await fetch(source!.url)).status).toBe(401);
    expect(await channel.mediaSource({ kind: 'image', mediaId: '999' })).toBeNull();
  });
});
