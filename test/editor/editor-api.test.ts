import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { restApiAuth } from '../support/rest-api.js';

interface ChatTurn {
  replies: { text: string }[];
}

const chat = async (app: TestApp, sender: string, text: string): Promise<ChatTurn> =>
  (await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify({ sender, text, locale: 'en' }) })).json() as Promise<ChatTurn>;

const send = (session: AgentSession, app: TestApp, method: string, path: string, body?: unknown) =>
  fetch(`${app.url}${path}`, { method, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('the editor API', { timeout: 60_000 }, () => {
  let app: TestApp;
  let editor: AgentSession;
  let sender = 0;
  const ask = (text: string) => chat(app, `customer-${++sender}`, text);

  beforeAll(async () => {
    app = await startTestApp();
    editor = await loginAs(app, 'mai@anphat.example', ['editor'], 'Mai');
  });
  afterAll(async () => {
    await app.close();
  });

  describe('access', () => {
    it('answers 401 without a session, 403 for an agent, 403 without the CSRF token, and lets admins in', async () => {
      expect((await fetch(`${app.url}/api/editor/articles`)).status).toBe(401);
      const agent = await loginAs(app, 'lan@anphat.example', ['agent']);
      expect((await agent.get('/api/editor/articles')).status).toBe(403);
      expect((await agent.post('/api/editor/try', { text: 'hello' })).status).toBe(403);
      const noCsrf = await fetch(`${app.url}/api/editor/try`, { method: 'POST', headers: { cookie: editor.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hi' }) });
      expect(noCsrf.status).toBe(403);
      const admin = await loginAs(app, 'boss@anphat.example', ['admin']);
      expect((await admin.get('/api/editor/articles')).status).toBe(200);
    });
  });

  describe('bad input', () => {
    it('names the field that is wrong', async () => {
      const create = await editor.post('/api/editor/articles', { slug: 'Gift Cards', locale: 'fr', title: '', answer: 'x', category: 'shop' });
      expect(create.status).toBe(400);
      const { error } = (await create.json()) as { error: { message: string; details: { path: string }[] } };
      expect(error.details.map((issue) => issue.path).sort()).toEqual(['locale', 'slug', 'title']);
      const save = await send(editor, app, 'PUT', '/api/editor/articles/installment/en', { title: 'T', answer: 'A', category: 'payment', questions: 'not a list' });
      expect(save.status).toBe(400);
      expect(await save.text()).toContain('questions');
      const extra = await send(editor, app, 'PUT', '/api/editor/articles/installment/en', { title: 'T', answer: 'A', category: 'payment', html: '<b>' });
      expect(extra.status).toBe(400);
      expect(await extra.text()).toContain('html');
      expect((await editor.get('/api/editor/articles?status=deleted')).status).toBe(400);
      expect((await editor.get('/api/editor/articles/installment/xx/revisions')).status).toBe(400);
      expect((await editor.get('/api/editor/articles/no-such-article')).status).toBe(404);
      expect((await editor.post('/api/editor/try', { text: '' })).status).toBe(400);
    });
  });

  describe('the article list', () => {
    it('filters by language, category and status and searches without accents', async () => {
      const list = async (query: string) => ((await (await editor.get(`/api/editor/articles${query}`)).json()) as { articles: { slug: string; locale: string; category: string; status: string }[]; categories: string[] }).articles;
      const czech = await list('?locale=cs');
      expect(czech.length).toBeGreaterThan(5);
      expect(czech.every((article) => article.locale === 'cs')).toBe(true);
      const payment = await list('?category=payment&locale=vi');
      expect(payment.map((article) => article.slug)).toContain('installment');
      expect(payment.every((article) => article.category === 'payment')).toBe(true);
      expect(await list('?status=draft')).toEqual([]);
      const found = await list('?q=tra%20gop&locale=vi');
      expect(found.map((article) => article.slug)).toContain('installment');
    });

    it('shows the translations of one article and the missing languages', async () => {
      const response = (await (await editor.get('/api/editor/articles/installment')).json()) as { translations: Record<string, unknown>; missing: string[] };
      expect(Object.keys(response.translations).sort()).toEqual(['en', 'vi']);
      expect(response.missing.sort()).toEqual(['cs', 'zh']);
    });
  });

  describe('drafts, publishing and revisions', () => {
    const question = 'what documents do i need for 0% installment';

    it('keeps the published answer until the draft is published, then answers with it at once', async () => {
      const before = await ask(question);
      expect(before.replies[0]!.text).toContain('chip-based citizen ID');
      const { translations } = (await (await editor.get('/api/editor/articles/installment')).json()) as { translations: { en: { article: { title: string; questions: string[]; category: string; revision: number } } } };
      const current = translations.en.article;
      const draft = await send(editor, app, 'PUT', '/api/editor/articles/installment/en', { title: current.title, questions: current.questions, category: current.category, answer: 'Bring only your passport; approval takes 5 minutes.', baseRevision: current.revision });
      expect(draft.status).toBe(200);
      expect((await ask(question)).replies[0]!.text).toContain('chip-based citizen ID');

      const stale = await send(editor, app, 'PUT', '/api/editor/articles/installment/en', { title: current.title, category: current.category, answer: 'x', baseRevision: current.revision + 5 });
      expect(stale.status).toBe(409);

      expect((await editor.post('/api/editor/articles/installment/en/publish')).status).toBe(200);
      expect((await ask(question)).replies[0]!.text).toContain('Bring only your passport');
      expect((await editor.post('/api/editor/articles/installment/en/publish')).status).toBe(409);
    });

    it('lists who changed what and when, diffs revisions and restores an old one', async () => {
      const { revisions } = (await (await editor.get('/api/editor/articles/installment/en/revisions')).json()) as { revisions: { revision: number; action?: string; editedByName?: string; editedAt: string }[] };
      expect(revisions[0]).toMatchObject({ revision: 2, action: 'published', editedByName: 'Mai' });
      expect(revisions[1]!.revision).toBe(1);
      const diff = (await (await editor.get('/api/editor/articles/installment/en/revisions/2')).json()) as { against: number; diff: { answer: { op: string; text: string }[]; title?: unknown } };
      expect(diff.against).toBe(1);
      expect(diff.diff.title).toBeUndefined();
      expect(diff.diff.answer).toContainEqual({ op: 'add', text: 'Bring only your passport; approval takes 5 minutes.' });
      expect(diff.diff.answer.some((line) => line.op === 'del' && line.text.includes('chip-based citizen ID'))).toBe(true);

      const restored = await editor.post('/api/editor/articles/installment/en/revisions/1/restore');
      expect(restored.status).toBe(200);
      expect(((await restored.json()) as { article: { revision: number } }).article.revision).toBe(3);
      expect((await ask(question)).replies[0]!.text).toContain('chip-based citizen ID');
      const after = (await (await editor.get('/api/editor/articles/installment/en/revisions')).json()) as { revisions: { action?: string; restoredFrom?: number }[] };
      expect(after.revisions[0]).toMatchObject({ action: 'restored', restoredFrom: 1 });
    });

    it('creates a new article as a draft that customers do not get until it is published, and a missing translation', async () => {
      const body = { slug: 'gift-cards', locale: 'en', title: 'Do you sell gift cards?', questions: ['can I buy a gift card', 'gift voucher for a friend'], answer: 'Yes: **gift cards** from 500,000 VND at every store.', category: 'orders' };
      expect((await editor.post('/api/editor/articles', body)).status).toBe(201);
      expect((await editor.post('/api/editor/articles', body)).status).toBe(409);
      const asked = 'can I buy a gift card';
      expect((await ask(asked)).replies[0]!.text).not.toContain('gift cards** from');
      expect((await editor.post('/api/editor/articles/gift-cards/en/publish')).status).toBe(200);
      expect((await ask(asked)).replies[0]!.text).toContain('gift cards** from 500,000 VND');

      const translation = await send(editor, app, 'PUT', '/api/editor/articles/gift-cards/vi', { title: 'Có bán thẻ quà tặng không?', answer: 'Có, từ 500.000đ.', category: 'orders' });
      expect(translation.status).toBe(200);
      const view = (await (await editor.get('/api/editor/articles/gift-cards')).json()) as { translations: Record<string, { article: { status: string } }>; missing: string[] };
      expect(view.translations.vi!.article.status).toBe('draft');
      expect(view.missing.sort()).toEqual(['cs', 'zh']);
    });

    it('refuses to publish a draft whose article changed underneath it (e.g. by kb import) until it is saved again', async () => {
      const { translations } = (await (await editor.get('/api/editor/articles/refund-time')).json()) as { translations: { en: { article: { title: string; questions: string[]; category: string; answer: string; tags: string[]; status: 'published' } } } };
      const current = translations.en.article;
      const edited = { title: current.title, questions: current.questions, category: current.category, answer: 'Refunds take 3 days.' };
      expect((await send(editor, app, 'PUT', '/api/editor/articles/refund-time/en', edited)).status).toBe(200);
      await app.services.articles.save('refund-time', 'en', { ...edited, answer: 'Changed by an import.', tags: current.tags, status: 'published' }, { source: 'file', action: 'imported' });
      const refused = await editor.post('/api/editor/articles/refund-time/en/publish');
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain('after this draft was started');
      expect((await send(editor, app, 'PUT', '/api/editor/articles/refund-time/en', edited)).status).toBe(200);
      expect((await editor.post('/api/editor/articles/refund-time/en/publish')).status).toBe(200);
    });

    it('renders a preview with the help center renderer: raw HTML as text, no script links', async () => {
      const response = await editor.post('/api/editor/preview', { markdown: '**bold** <script>alert(1)</script> [x](javascript:alert(1))' });
      const { html } = (await response.json()) as { html: string };
      expect(html).toContain('<strong>bold</strong>');
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('javascript:');
    });
  });
});
