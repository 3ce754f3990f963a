import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChromiumPages } from '../support/browser.js';
import { restApiAuth } from '../support/rest-api.js';
import type { TestApp } from '../support/test-app.js';
import { consoleWithChromium } from '../support/console-world.js';
import { testPassword } from '../support/test-user.js';

// A 2×2 PNG, as a platform's media server would serve it.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

describe('what a customer sent besides text, in the agent console in Chromium', () => {
  let app: TestApp;
  let media: Server;
  let mediaUrl: string;
  let browser: ChromiumPages;
  let agent: Page;
  const mediaRequests: string[] = [];

  const send = (body: object) => fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'cust-media', ...body }) });

  const world = consoleWithChromium();
  beforeAll(async () => {
    ({ app, browser } = world);
    media = createServer((req, res) => {
      mediaRequests.push(req.url ?? '');
      if (req.url === '/tv.png') res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png);
      else if (req.url === '/invoice.pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 test');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', resolve));
    mediaUrl = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;
    agent = await browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await new Promise((resolve) => media?.close(resolve));
  });

  it('shows a photo thumbnail, a file link, a map link and a contact card, fetching media only when the agent opens them', async () => {
    expect((await send({ text: 'cho tôi gặp nhân viên' })).status).toBe(201);
    const photo = await send({ attachments: [{ kind: 'image', url: `${mediaUrl}/tv.png`, mimeType: 'image/png' }] });
    // While waiting for an agent the photo is kept for them: no bot reply.
    expect(((await photo.json()) as { replies: unknown[] }).replies).toEqual([]);
    await send({ text: 'hoá đơn đây ạ', attachments: [{ kind: 'file', url: `${mediaUrl}/invoice.pdf`, fileName: 'hoa-don.pdf', size: 2048 }] });
    await send({ attachments: [{ kind: 'location', location: { latitude: 21.0285, longitude: 105.8542, name: 'Hoàn Kiếm, Hà Nội' } }] });
    await send({ attachments: [{ kind: 'contact', contact: { name: 'Nguyễn Văn An', phones: ['+84901234567'], emails: [] } }] });
    await app.careline.idle();
    expect(mediaRequests).toEqual([]);

    await agent.goto(`${app.url}/console/`);
    await agent.getByLabel('E-mail').fill('lan@anphat.example');
    await agent.getByLabel('Password').fill(testPassword);
    await agent.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => agent.locator('#me').textContent(), { timeout: 10_000 }).toContain('Lan');
    await expect.poll(() => agent.locator('#queue li').count(), { timeout: 10_000 }).toBe(1);
    await agent.locator('#queue li').first().getByRole('button', { name: 'Claim' }).click();

    const thumbnail = agent.locator('.transcript .attachment-image img');
    await expect.poll(() => thumbnail.evaluate((image) => (image as unknown as { complete: boolean; naturalWidth: number }).complete && (image as unknown as { naturalWidth: number }).naturalWidth), { timeout: 10_000 }).toBe(2);
    expect(mediaRequests).toContain('/tv.png');
    const file = agent.locator('.transcript .attachment-file a');
    expect(await file.textContent()).toBe('📎 File: hoa-don.pdf (2 KB)');
    const downloaded = await agent.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), body: await response.text() };
    }, (await file.getAttribute('href'))!);
    expect(downloaded).toEqual({ status: 200, type: 'application/pdf', disposition: 'attachment; filename="hoa-don.pdf"', body: '%PDF-1.4 test' });
    const map = agent.locator('.transcript .attachment-location a');
    expect(await map.textContent()).toBe('📍 Hoàn Kiếm, Hà Nội');
    expect(await map.getAttribute('href')).toMatch(/^https:\/\/www\.openstreetmap\.org\/\?mlat=21\.0285&mlon=105\.8542/);
    expect(await agent.locator('.transcript .attachment-contact').textContent()).toBe('👤 Nguyễn Văn An · +84901234567');
  });

  it('inserts a knowledge-base answer where the cursor is, keeping the agent\'s draft, and offers no 0.00 matches', async () => {
    await agent.locator('#reply-text').fill('Chào anh, em gửi anh thông tin ạ.');
    await agent.getByLabel('Search the knowledge base').fill('phi ship bao nhieu');
    await agent.getByRole('button', { name: 'Search', exact: true }).click();
    await agent.locator('.kb-results li').first().getByRole('button', { name: 'Insert' }).click();
    const answer = app.careline.knowledge.article('delivery-fee', 'vi', 'vi')!.answer;
    expect(await agent.locator('#reply-text').inputValue()).toBe(`Chào anh, em gửi anh thông tin ạ.\n\n${answer}`);
    const confidences = await agent.evaluate(async () => ((await (await fetch('/api/agent/knowledge?q=xyzzy%20qwerty%20plugh')).json()) as { results: { confidence: number }[] }).results.map((result) => result.confidence));
    expect(confidences.every((confidence) => confidence >= 0.01)).toBe(true);
  });

  it('serves media to signed-in agents only, and says so when the platform no longer has it', async () => {
    const [conversation] = await app.services.conversations.listByCustomer((await app.services.customers.findByIdentity('rest', 'cust-media'))!._id);
    const photo = (await app.services.messages.transcript(conversation!._id)).find((message) => message.attachments?.[0]?.kind === 'image')!;
    expect((await fetch(`${app.url}/api/agent/messages/${photo._id}/attachments/0`)).status).toBe(401);
    await send({ attachments: [{ kind: 'image', url: `${mediaUrl}/gone.png` }] });
    await app.careline.idle();
    const gone = (await app.services.messages.transcript(conversation!._id)).findLast((message) => message.attachments?.[0]?.url?.endsWith('/gone.png'))!;
    const answer = await agent.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, body: await response.json() };
    }, `/api/agent/messages/${gone._id}/attachments/0`);
    expect(answer).toMatchObject({ status: 502, body: { error: { code: 'media_unreachable', message: expect.stringContaining('404') } } });
  });
});
