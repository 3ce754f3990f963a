import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AgentSession } from '../../support/agent-session.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const unsafeAnswer = [
  'See ![the label](javascript:alert(1)) and ![a chart](data:image/svg+xml;base64,PHN2Zz4=).',
  'Also [call us](vbscript:msgbox(1)), [this](java\tscript:alert(2)), [that](DATA:text/html,<b>x) and <javascript:alert(3)>.',
  'Safe: [our site](https://shop.example/returns), [mail](mailto:care@shop.example), [phone](tel:+841800), [another article](/help/warranty-period), [relative](warranty-period) and ![a photo](https://shop.example/box.jpg).',
].join('\n\n');

/** Every `href` and `src` in a piece of HTML whose scheme is not http(s), mailto or tel. */
const unsafeUrlsIn = (html: string) =>
  [...html.matchAll(/(?:href|src)\s*=\s*"([^"]*)"/gi)].map((match) => match[1]!).filter((url) => /^[\s\u0000-\u001f]*[a-z][a-z0-9+.\t-]*:/i.test(url) && !/^(https?|mailto|tel):/i.test(url));

describe('the help center', () => {
  let app: TestApp;
  let editor: AgentSession;
  beforeAll(async () => {
    app = await startTestApp();
    editor = await loginAs(app, 'kb-editor@example.com', ['editor']);
    const created = await editor.post('/api/editor/articles', { slug: 'unsafe-links', locale: 'en', title: 'Unsafe links', answer: unsafeAnswer, category: 'test' });
    expect(created.status).toBe(201);
    expect((await editor.post('/api/editor/articles/unsafe-links/en/publish')).status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a link to an article that is gone with a page in the customer\'s language, not an API error', async () => {
    const response = await fetch(`${app.url}/help/no-such-article?lang=vi`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Không tìm thấy bài viết');
    expect(page).not.toContain('"error"');
  });

  describe('when an article links or shows images with script or data URLs', () => {
    it('leaves those URLs out of the page and keeps their text', async () => {
      const page = await (await fetch(`${app.url}/help/unsafe-links?lang=en`)).text();
      expect(unsafeUrlsIn(page)).toEqual([]);
      expect(page).not.toMatch(/<(a|img)\b[^>]*(javascript|vbscript|data):/i);
      expect(page).toContain('the label');
      expect(page).toContain('call us');
    });

    it('keeps http(s), mailto, tel and relative links and https images', async () => {
      const page = await (await fetch(`${app.url}/help/unsafe-links?lang=en`)).text();
      for (const href of ['https://shop.example/returns', 'mailto:care@shop.example', 'tel:+841800', '/help/warranty-period', 'warranty-period']) expect(page).toContain(`<a href="${href}"`);
      expect(page).toContain('<img src="https://shop.example/box.jpg" alt="a photo">');
    });

    it('renders the editor preview by the same rule', async () => {
      const { html } = (await (await editor.post('/api/editor/preview', { markdown: unsafeAnswer })).json()) as { html: string };
      expect(unsafeUrlsIn(html)).toEqual([]);
      expect(html).toContain('<a href="https://shop.example/returns"');
    });
  });
});
