import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCarelineContent } from '../../src/app/careline-content.js';
import { runInit } from '../../src/app/init-command.js';
import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { botPhrases } from '../../src/engine/bot-phrases.js';
import { deskPhrases } from '../../src/handoff/desk-phrases.js';
import { readIntentFiles } from '../../src/intents/read-intent-files.js';
import { readArticleFiles } from '../../src/knowledge/files/read-article-files.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp } from '../support/test-app.js';

const locales = ['vi', 'en', 'cs', 'zh'] as const;
const demo = /An Ph[aá]t|1800 ?6868|anphat/i;
const shop = { BUSINESS_NAME: 'Hoa Mai Fashion', BUSINESS_NAME_VI: 'Thời trang Hoa Mai', BUSINESS_HOTLINE: '1900 1234', BUSINESS_WEBSITE: 'hoamai.example' };

/** Every reply the bundled intents can give in every language, as the engine says them. */
function everyIntentReply(env: Record<string, string>): { locale: string; text: string }[] {
  const config = loadCarelineConfig({ env });
  const { intents } = readCarelineContent(config);
  return readIntentFiles(config.intentsDir).flatMap((definition) => locales.flatMap((locale) => definition.responses[locale].map((_, pick) => ({ locale, text: intents.response(definition.intent, locale, pick) }))));
}

// Issue 20: 37 of 446 replies to another shop's customers named the demo shop or its hotline.
describe('the business profile', () => {
  it('keeps every bundled reply and phrase free of the demo shop for a shop with its own profile', () => {
    const replies = everyIntentReply(shop);
    expect(replies.length).toBeGreaterThan(50);
    expect(replies.filter(({ text }) => demo.test(text))).toEqual([]);
    expect(replies.filter(({ text }) => /\{[^}]*\}/.test(text))).toEqual([]);
    expect(replies.some(({ locale, text }) => locale === 'vi' && text.includes('Thời trang Hoa Mai'))).toBe(true);
    expect(replies.some(({ locale, text }) => locale === 'en' && text.includes('Hoa Mai Fashion'))).toBe(true);
    expect(replies.some(({ text }) => text.includes('1900 1234'))).toBe(true);
    const phrases = JSON.stringify([botPhrases, deskPhrases]);
    expect(phrases).not.toMatch(demo);
  });

  it('drops a sentence that would name a hotline the shop has not set (never the demo\'s)', () => {
    const replies = everyIntentReply({ BUSINESS_NAME: 'Hoa Mai Fashion' });
    expect(replies.filter(({ text }) => /hotline|linku|热线/i.test(text))).toEqual([]);
    expect(replies.every(({ text }) => text.length > 0)).toBe(true);
  });

  it('is the demo shop\'s by default, in its Vietnamese name', () => {
    expect(everyIntentReply({}).some(({ locale, text }) => locale === 'vi' && text.includes('Điện máy An Phát'))).toBe(true);
  });

  it('greets a shop\'s customer with the shop\'s name over the chat API', async () => {
    const app = await startTestApp(shop);
    try {
      const response = await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'hm-1', text: 'xin chào shop' }) });
      const { replies } = (await response.json()) as { replies: { text: string }[] };
      expect(replies.map((reply) => reply.text).join('\n')).not.toMatch(demo);
      const goodbye = await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'hm-2', text: 'hello' }) });
      expect(((await goodbye.json()) as { replies: { text: string }[] }).replies.map((reply) => reply.text).join('\n')).toMatch(/Hoa Mai/);
    } finally {
      await app.close();
    }
  });
});

describe('careline init', () => {
  const dir = mkdtempSync(join(tmpdir(), 'careline-init-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const output = () => {
    let text = '';
    return { stream: { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream, text: () => text };
  };

  it('writes the profile to .env and one example article per language that the knowledge base reads', async () => {
    const [out, err] = [output(), output()];
    expect(await runInit({ flags: { name: 'Hoa Mai Fashion', hotline: '1900 1234', website: 'hoamai.example', hours: '9:00–21:00 every day', locale: 'vi' }, dir, force: false }, out.stream, err.stream)).toBe(0);
    const env = Object.fromEntries(readFileSync(join(dir, '.env'), 'utf8').split('\n').filter((line) => /^[A-Z_]+=/.test(line)).map((line) => { const [key, ...rest] = line.split('='); const value = rest.join('='); return [key!, value.startsWith('"') ? JSON.parse(value) : value]; }));
    expect(env).toMatchObject({ BUSINESS_NAME: 'Hoa Mai Fashion', BUSINESS_HOTLINE: '1900 1234', DEFAULT_LOCALE: 'vi' });
    expect(loadCarelineConfig({ env }).business).toMatchObject({ name: 'Hoa Mai Fashion', hotline: '1900 1234', hoursText: '9:00–21:00 every day' });
    // A new shop asks NPS and CES beside CSAT.
    expect(loadCarelineConfig({ env }).surveys.kinds).toEqual(['csat', 'ces', 'nps']);
    // Its own folder beside the bundled demo's knowledge-base/, with the customer-care synonyms.
    expect(env.KNOWLEDGE_BASE_DIR).toBe('./shop-knowledge-base');
    const { articles, problems } = readArticleFiles(join(dir, 'shop-knowledge-base'));
    expect(problems).toEqual([]);
    expect(readdirSync(join(dir, 'shop-knowledge-base', 'synonyms')).sort()).toEqual(['cs.yaml', 'en.yaml', 'vi.yaml', 'zh.yaml']);
    expect(articles.map((article) => article.locale).sort()).toEqual(['cs', 'en', 'vi', 'zh']);
    expect(articles.map((article) => article.answer).join('\n')).toContain('1900 1234');
    expect(out.text()).toContain('Wrote');
  });

  it('leaves out of the example articles what the shop did not give, never a gap', async () => {
    const only = mkdtempSync(join(tmpdir(), 'careline-init-name-'));
    try {
      const [out, err] = [output(), output()];
      expect(await runInit({ flags: { name: 'Hoa Mai' }, dir: only, force: false }, out.stream, err.stream)).toBe(0);
      const answers = readArticleFiles(join(only, 'shop-knowledge-base')).articles.map((article) => article.answer);
      expect(answers).toHaveLength(4);
      expect(answers.filter((answer) => /…|hotline|website|Opening hours|Giờ làm việc|营业时间|\*\*/.test(answer))).toEqual([]);
    } finally {
      rmSync(only, { recursive: true, force: true });
    }
  });

  it('keeps an existing .env unless --force, and names a missing business name', async () => {
    const [out, err] = [output(), output()];
    writeFileSync(join(dir, '.env'), 'BUSINESS_NAME=Kept\n');
    expect(await runInit({ flags: { name: 'Other' }, dir, force: false }, out.stream, err.stream)).toBe(2);
    expect(err.text()).toContain('exists');
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe('BUSINESS_NAME=Kept\n');
    expect(await runInit({ flags: {}, dir, force: true }, out.stream, err.stream)).toBe(2);
    expect(err.text()).toContain('--name');
    expect(readdirSync(join(dir, 'shop-knowledge-base', 'contact'))).toHaveLength(4);
  });
});

describe('the widget demo page', () => {
  it('is the demo shop for the demo profile and the shop itself, with the widget, for a shop with its own profile', async () => {
    const demoApp = await startTestApp();
    const shopApp = await startTestApp({ ...shop, BUSINESS_HOURS_TEXT: 'Mon–Sat 9:00–21:00 <b>' });
    try {
      expect(await (await fetch(`${demoApp.url}/`)).text()).toContain('Điện máy An Phát');
      for (const path of ['/', '/index.html']) {
        const page = await (await fetch(`${shopApp.url}${path}`)).text();
        expect(page).not.toMatch(demo);
        expect(page).toContain('<h1>Thời trang Hoa Mai</h1>');
        expect(page).toContain('Hotline 1900 1234');
        expect(page).toContain('Mon–Sat 9:00–21:00 &lt;b&gt;');
        expect(page).toContain('<script src="/widget.js" async></script>');
      }
    } finally {
      await demoApp.close();
      await shopApp.close();
    }
  });
});

describe('the start-up warnings about the demo shop', () => {
  const shopKb = join(import.meta.dirname, '..', '..', 'bench', 'datasets', 'shop-hoamai', 'knowledge-base');
  const warningsOf = async (env: Record<string, string>) => {
    const app = await startTestApp({ LOG_LEVEL: 'warn', ...env });
    try {
      return app.logs.join('\n');
    } finally {
      await app.close();
    }
  };

  it('warns a shop with its own profile whose articles still name the demo shop, and not once its own articles are in', async () => {
    expect(await warningsOf(shop)).toMatch(/\d+ published articles still name the demo shop/);
    expect(await warningsOf({ ...shop, KNOWLEDGE_BASE_DIR: shopKb })).not.toMatch(/demo shop/);
  });

  it('warns a shop with its own knowledge base that kept the demo profile', async () => {
    expect(await warningsOf({ KNOWLEDGE_BASE_DIR: shopKb })).toMatch(/the business profile is still the demo shop's/);
  });
});
