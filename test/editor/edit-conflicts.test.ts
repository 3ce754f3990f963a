import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { restApiAuth } from '../support/rest-api.js';

interface Content {
  title: string;
  questions: string[];
  answer: string;
  category: string;
  tags: string[];
}
interface Translation {
  article: Content & { revision: number; status: string };
  draft: (Content & { revision: number }) | null;
}
interface Conflict {
  error: {
    code: string;
    message: string;
    details: {
      current: { revision: number; draftRevision: number | null };
      action: string;
      savedBy: { id: string; name?: string } | null;
      savedAt: string | null;
      theirs: Content;
      diff: Record<string, { op: string; text: string }[]>;
    };
  };
}

describe('two editors changing the same article', { timeout: 60_000 }, () => {
  let app: TestApp;
  let mai: AgentSession;
  let lan: AgentSession;

  const put = (session: AgentSession, path: string, body: unknown) =>
    fetch(`${app.url}/api/editor/articles/${path}`, { method: 'PUT', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const load = async (session: AgentSession, slug: string, locale: string) => ((await (await session.get(`/api/editor/articles/${slug}`)).json()) as { translations: Record<string, Translation> }).translations[locale]!;
  /** What the editor page sends: the form's text and the version it was loaded at. */
  const edit = (translation: Translation, answer: string) => {
    const { title, questions, category, tags } = translation.draft ?? translation.article;
    return { title, questions, category, tags, answer, baseRevision: translation.article.revision, baseDraftRevision: translation.draft?.revision ?? null };
  };
  /** Mai and Lan open the same translation; Mai saves first, Lan's save from what she loaded is refused. */
  const bothSave = async (path: string, maiText: string, lanText: string): Promise<Conflict['error']> => {
    const [slug, locale] = path.split('/') as [string, string];
    const maiSees = await load(mai, slug, locale);
    const lanSees = await load(lan, slug, locale);
    expect((await put(mai, path, edit(maiSees, maiText))).status).toBe(200);
    const refused = await put(lan, path, edit(lanSees, lanText));
    expect(refused.status).toBe(409);
    return ((await refused.json()) as Conflict).error;
  };
  const ask = async (text: string) =>
    ((await (await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify({ sender: `c-${Math.random()}`, text, locale: 'en' }) })).json()) as { replies: { text: string }[] }).replies[0]!.text;

  beforeAll(async () => {
    app = await startTestApp();
    mai = await loginAs(app, 'mai@anphat.example', ['editor'], 'Mai');
    lan = await loginAs(app, 'lan@anphat.example', ['editor'], 'Lan');
  });
  afterAll(async () => {
    await app.close();
  });

  describe('a published article (edits go to its draft)', () => {
    it('refuses the second save with a 409 that names who saved, when, the current revision and both texts, and keeps the first', async () => {
      const error = await bothSave('warranty-period/en', 'Mai: 24 months on everything.', 'Lan: 18 months on phones.');
      expect(error.code).toBe('edit_conflict');
      expect(error.message).toMatch(/^Mai saved a newer draft of warranty-period \(en\) at \d{4}-\d\d-\d\d \d\d:\d\d UTC; it is now at revision 1, draft 1\./);
      expect(error.details).toMatchObject({ current: { revision: 1, draftRevision: 1 }, action: 'draft', savedBy: { id: mai.id, name: 'Mai' } });
      expect(Date.now() - Date.parse(error.details.savedAt!)).toBeLessThan(60_000);
      expect(error.details.theirs.answer).toBe('Mai: 24 months on everything.');
      expect(error.details.diff.answer).toEqual([
        { op: 'del', text: 'Mai: 24 months on everything.' },
        { op: 'add', text: 'Lan: 18 months on phones.' },
      ]);
      expect(error.details.diff.title).toBeUndefined();

      expect((await load(mai, 'warranty-period', 'en')).draft).toMatchObject({ revision: 1, answer: 'Mai: 24 months on everything.' });
    });

    it('overwrites only deliberately: from the version the 409 names, and then the other editor is refused in turn', async () => {
      const lanSees = await load(lan, 'warranty-period', 'en');
      const staleForMai = { ...edit(lanSees, 'Mai again.'), baseDraftRevision: null };
      expect((await put(lan, 'warranty-period/en', edit(lanSees, 'Lan: 18 months on phones.'))).status).toBe(200);
      expect((await load(mai, 'warranty-period', 'en')).draft).toMatchObject({ revision: 2, answer: 'Lan: 18 months on phones.' });

      const refused = await put(mai, 'warranty-period/en', staleForMai);
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as Conflict).error.message).toMatch(/^Lan saved a newer draft .* draft 2\./);
    });

    it('does not publish a draft the editor has not seen', async () => {
      const maiSees = await load(mai, 'warranty-period', 'en');
      const lanSees = await load(lan, 'warranty-period', 'en');
      expect((await put(lan, 'warranty-period/en', edit(lanSees, 'Lan: a warranty of 12 months.'))).status).toBe(200);

      const refused = await mai.post('/api/editor/articles/warranty-period/en/publish', { baseRevision: maiSees.article.revision, baseDraftRevision: maiSees.draft!.revision });
      expect(refused.status).toBe(409);
      const { error } = (await refused.json()) as Conflict;
      expect(error.details).toMatchObject({ current: { revision: 1, draftRevision: 3 }, savedBy: { name: 'Lan' } });
      expect(await ask('how long is the warranty')).not.toContain('Lan:');
      expect((await load(mai, 'warranty-period', 'en')).article.revision).toBe(1);

      const current = await load(mai, 'warranty-period', 'en');
      expect((await mai.post('/api/editor/articles/warranty-period/en/publish', { baseRevision: current.article.revision, baseDraftRevision: current.draft!.revision })).status).toBe(200);
      expect(await ask('how long is the warranty')).toContain('Lan: a warranty of 12 months.');
    });

    it('names the publisher when the article itself moved on', async () => {
      const lanSees = await load(lan, 'warranty-period', 'en');
      expect((await put(mai, 'warranty-period/en', edit(await load(mai, 'warranty-period', 'en'), 'Mai: draft for later.'))).status).toBe(200);
      expect((await mai.post('/api/editor/articles/warranty-period/en/publish', {})).status).toBe(200);
      const refused = await put(lan, 'warranty-period/en', edit(lanSees, 'Lan: too late.'));
      expect(refused.status).toBe(409);
      const { error } = (await refused.json()) as Conflict;
      expect(error.message).toMatch(/^Mai published warranty-period \(en\) at .*; it is now at revision 3\./);
      expect(error.details).toMatchObject({ current: { revision: 3, draftRevision: null }, action: 'published' });
    });
  });

  it('refuses a stale save of an unpublished article, changed in place, naming the editor', async () => {
    const body = { slug: 'gift-cards', locale: 'en', title: 'Gift cards', questions: ['do you sell gift cards'], answer: 'Not yet.', category: 'orders' };
    expect((await mai.post('/api/editor/articles', body)).status).toBe(201);
    const error = await bothSave('gift-cards/en', 'From 500,000 VND.', 'From 200,000 VND.');
    expect(error.message).toMatch(/^Mai saved gift-cards \(en\) at .*; it is now at revision 2\./);
    expect((await load(lan, 'gift-cards', 'en')).article.answer).toBe('From 500,000 VND.');
  });

  it('lets only the first of two editors create a missing translation', async () => {
    const translation = { title: 'Dárkové karty', questions: [], answer: 'Zatím ne.', category: 'orders', tags: [], baseRevision: 0 };
    expect((await put(mai, 'gift-cards/cs', translation)).status).toBe(200);
    const refused = await put(lan, 'gift-cards/cs', { ...translation, answer: 'Ano.' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Conflict).error.message).toMatch(/^Mai created gift-cards \(cs\)/);
    expect((await load(lan, 'gift-cards', 'cs')).article.answer).toBe('Zatím ne.');
  });

  it('does not let a content gap\'s variants replace or publish someone\'s pending draft', async () => {
    await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify({ sender: 'bikes', text: 'bicycle repair near me', locale: 'en' }) });
    const { clusters } = (await (await mai.get('/api/editor/gaps')).json()) as { clusters: { id: string; examples: string[] }[] };
    const bikes = clusters.find((cluster) => cluster.examples.includes('bicycle repair near me'))!;
    const lanSees = await load(lan, 'delivery-fee', 'en');
    expect((await put(lan, 'delivery-fee/en', edit(lanSees, 'Lan: free delivery from 1 million.'))).status).toBe(200);

    const refused = await mai.post(`/api/editor/gaps/${bikes.id}/variants`, { slug: 'delivery-fee', locale: 'en' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('unpublished changes');
    const after = await load(mai, 'delivery-fee', 'en');
    expect(after.draft).toMatchObject({ answer: 'Lan: free delivery from 1 million.' });
    expect(after.article.revision).toBe(lanSees.article.revision);
  });
});
