import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/http/package-root.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('security headers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });
  const headersOf = async (path: string) => (await fetch(`${app.url}${path}`)).headers;

  it('sends nosniff and a Referrer-Policy on every response, errors included', async () => {
    for (const path of ['/console/', '/api/auth/me', '/api/nothing', '/help/warranty-period', '/widget.js', '/', '/healthz', '/webhooks/none']) {
      const headers = await headersOf(path);
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('referrer-policy'), path).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
    }
  });

  describe('on staff pages and the API', () => {
    it('forbids inline script and framing', async () => {
      for (const path of ['/console/', '/editor/', '/dashboard/', '/staff/staff-client.js', '/api/auth/me']) {
        const headers = await headersOf(path);
        const policy = headers.get('content-security-policy') ?? '';
        expect(policy, path).toContain("script-src 'self'");
        expect(policy, path).not.toContain('unsafe-inline');
        expect(policy, path).toContain("frame-ancestors 'none'");
        expect(headers.get('x-frame-options'), path).toBe('DENY');
      }
    });
  });

  describe('on the help center', () => {
    it('allows no script at all and styles only from its stylesheet', async () => {
      const response = await fetch(`${app.url}/help/warranty-period?lang=en`);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("style-src 'self'");
      const page = await response.text();
      expect(page).not.toMatch(/<script|<style| on[a-z]+=/i);
      expect(page).toContain('<link rel="stylesheet" href="/help-center.css">');
      expect((await fetch(`${app.url}/help-center.css`)).headers.get('content-type')).toMatch(/^text\/css/);
    });
  });

  describe('on the widget and its demo page', () => {
    it('leaves them embeddable on other sites', async () => {
      for (const path of ['/', '/widget.js']) {
        const headers = await headersOf(path);
        expect(headers.get('x-frame-options'), path).toBeNull();
        expect(headers.get('content-security-policy') ?? '', path).not.toContain('frame-ancestors');
      }
    });
  });

  describe('HSTS', () => {
    it('is not sent when PUBLIC_URL is not https', async () => {
      expect((await headersOf('/console/')).get('strict-transport-security')).toBeNull();
    });

    it('is sent on every response when PUBLIC_URL is https', async () => {
      const secure = await startTestApp({ PUBLIC_URL: 'https://care.shop.example' });
      try {
        for (const path of ['/console/', '/', '/help/warranty-period']) expect((await fetch(`${secure.url}${path}`)).headers.get('strict-transport-security'), path).toBe('max-age=31536000');
      } finally {
        await secure.close();
      }
    });
  });
});

describe('the pages under public/', () => {
  it('carry no inline script or event handler attribute', () => {
    const root = join(packageRoot(), 'public');
    const pages = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) {
      const html = readFileSync(join(root, page), 'utf8');
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/gi), page).toBeNull();
      expect(html.match(/\son[a-z]+\s*=/gi), page).toBeNull();
    }
  });
});
