import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorDocuments } from '../../public/editor/editor-documents.js';
import { checkResponse } from '../../public/staff/schema-check.js';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { restApiAuth } from '../support/rest-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Schemas = Parameters<typeof checkResponse>[2];
type Body = Record<string, any>;

const ask = (app: TestApp, sender: string, text: string) =>
  fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify({ sender, text, locale: 'en' }) });

const put = (app: TestApp, session: AgentSession, path: string, body: unknown) =>
  fetch(`${app.url}${path}`, { method: 'PUT', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });

// Issue 19: "validate API responses against the same shapes the server uses", for the knowledge-base editor.
describe('the documents the editor receives, as GET /api/schemas describes them', { timeout: 60_000 }, () => {
  let app: TestApp;
  let editor: AgentSession;
  let schemas: Schemas;
  const get = async (path: string) => (await (await editor.get(path)).json()) as Body;

  beforeAll(async () => {
    app = await startTestApp();
    editor = await loginAs(app, 'mai@anphat.example', ['editor'], 'Mai');
    // A published article with a pending draft, a new translation that is a draft, saved synonyms.
    await put(app, editor, '/api/editor/articles/installment/en', { title: 'Paying in instalments', questions: ['can I pay monthly'], answer: 'Yes, over 6 or 12 months.', category: 'payment' });
    await put(app, editor, '/api/editor/articles/installment/zh', { title: '分期付款', questions: ['可以分期吗'], answer: '可以，6 或 12 个月。', category: 'payment' });
    // Questions the bot could not answer: two clusters, one of them dismissed.
    for (const [index, text] of ['do you sell gift cards?', 'can I buy a gift card for my mother', 'gift card for a birthday present', 'bicycle repair near me', 'bicycle repair shop nearby', 'bicycle service near me'].entries()) await ask(app, `gap-${index}`, text);
    const { clusters } = await get('/api/editor/gaps');
    await editor.post(`/api/editor/gaps/${clusters.find((cluster: Body) => cluster.examples.includes('bicycle repair near me')).id}/dismiss`);
    await put(app, editor, '/api/editor/synonyms/en', { groups: [['instalment', 'installment', 'monthly payment']] });
    schemas = (await get('/api/schemas')) as Schemas;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('accept what the editor is really sent', async () => {
    const list = await get('/api/editor/articles');
    expect(list.articles.find((article: Body) => article.slug === 'installment' && article.locale === 'en').hasDraft).toBe(true);
    expect(checkResponse(list, editorDocuments.articles, schemas)).toEqual([]);
    const view = await get('/api/editor/articles/installment');
    // The world is what the test meant: a published translation with a draft, a draft translation.
    expect(view.translations.en.draft.title).toBe('Paying in instalments');
    expect(view.translations.zh.article.status).toBe('draft');
    expect(checkResponse(view, editorDocuments.article, schemas)).toEqual([]);
    const { revisions } = await get('/api/editor/articles/installment/zh/revisions');
    expect(revisions[0].editedByName).toBe('Mai');
    expect(checkResponse({ revisions }, editorDocuments.revisions, schemas)).toEqual([]);
    expect(checkResponse(await get('/api/editor/articles/installment/zh/revisions/1'), editorDocuments.revision, schemas)).toEqual([]);
    const synonyms = await get('/api/editor/synonyms');
    expect(synonyms.lists.find((list: Body) => list.locale === 'en').updatedByName).toBe('Mai');
    expect(checkResponse(synonyms, editorDocuments.synonyms, schemas)).toEqual([]);
    // A language without synonyms yet, as the editor lists it: revision 0, no source, no date.
    expect(checkResponse({ lists: [{ locale: 'cs', groups: [], revision: 0, source: null, updatedAt: null }] }, editorDocuments.synonyms, schemas)).toEqual([]);
    expect(checkResponse(await get('/api/editor/synonyms/en/revisions'), editorDocuments.synonymRevisions, schemas)).toEqual([]);
    expect(checkResponse(await get('/api/auth/me'), editorDocuments.session, schemas)).toEqual([]);
    // Try it: an answer with its candidates, a hand-off with its reasons, small talk with its intent.
    const tried: Body[] = [];
    for (const text of ['how long is the warranty', 'this is a scam, I will report you', 'thank you']) tried.push((await (await editor.post('/api/editor/try', { text, locale: 'en' })).json()) as Body);
    expect(tried.map((result) => result.verdict)).toEqual(['answer', 'handoff', 'smalltalk']);
    expect(tried[1]!.decision.escalation.reasons.length).toBeGreaterThan(0);
    for (const result of tried) expect(checkResponse(result, editorDocuments.tryIt, schemas)).toEqual([]);
    const gaps = await get('/api/editor/gaps');
    expect([gaps.clusters.length, gaps.resolved[0].action]).toEqual([1, 'dismissed']);
    expect(checkResponse(gaps, editorDocuments.gaps, schemas)).toEqual([]);
  });

  it('reject a wrong document, naming the path of what is wrong, inside a translation too', async () => {
    const view = await get('/api/editor/articles/installment');
    view.translations.zh.article.status = 'deleted';
    delete view.translations.en.draft.baseRevision;
    view.missing = ['vi', 'klingon'];
    expect(checkResponse(view, editorDocuments.article, schemas).map(({ path }) => path)).toEqual(['translations.en.draft.baseRevision', 'translations.zh.article.status', 'missing[1]']);
    const list = await get('/api/editor/articles');
    list.articles[2].hasDraft = 'yes';
    expect(checkResponse(list, editorDocuments.articles, schemas)).toEqual([{ path: 'articles[2].hasDraft', problem: 'expected boolean, got "yes"' }]);
    const gaps = await get('/api/editor/gaps');
    gaps.clusters[0].languages = { en: '3' };
    gaps.resolved[0].after.asked = null;
    expect(checkResponse(gaps, editorDocuments.gaps, schemas).map(({ path }) => path)).toEqual(['clusters[0].languages.en', 'resolved[0].after.asked']);
    const tried = (await (await editor.post('/api/editor/try', { text: 'how long is the warranty', locale: 'en' })).json()) as Body;
    tried.candidates[0].confidence = '87%';
    tried.language.reason = 'guess';
    expect(checkResponse(tried, editorDocuments.tryIt, schemas).map(({ path }) => path)).toEqual(['language.reason', 'candidates[0].confidence']);
    const synonyms = await get('/api/editor/synonyms');
    synonyms.lists[0].groups = [['refund', 7]];
    expect(checkResponse(synonyms, editorDocuments.synonyms, schemas)).toEqual([{ path: 'lists[0].groups[0][1]', problem: 'expected string, got 7' }]);
  });
});
