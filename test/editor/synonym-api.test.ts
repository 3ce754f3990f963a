import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AgentSession } from '../support/agent-session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { restApiAuth } from '../support/rest-api.js';

interface ErrorBody {
  error: { message: string; details?: { path: string; message: string }[] };
}
interface ListView {
  locale: string;
  groups: string[][];
  revision: number;
  source: string | null;
  updatedByName?: string;
}

const karaoke = { title: 'Do you sell karaoke machines?', questions: ['karaoke machine for home', 'do you have karaoke speakers'], answer: 'Yes: karaoke machines from 2,990,000 VND in every store.', category: 'products', tags: [] };

describe('the editor API for synonyms', { timeout: 60_000 }, () => {
  let app: TestApp;
  let editor: AgentSession;
  let sender = 0;
  const ask = async (text: string) => {
    const response = await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify({ sender: `customer-${++sender}`, text, locale: 'en' }) });
    return ((await response.json()) as { replies: { text: string }[] }).replies.map((reply) => reply.text).join('\n');
  };
  const put = (session: AgentSession, locale: string, body: unknown, csrf = true) =>
    fetch(`${app.url}/api/editor/synonyms/${locale}`, { method: 'PUT', headers: { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrfToken } : {}), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const lists = async () => ((await (await editor.get('/api/editor/synonyms')).json()) as { lists: ListView[] }).lists;
  const list = async (locale: string) => (await lists()).find((view) => view.locale === locale)!;

  beforeAll(async () => {
    app = await startTestApp();
    editor = await loginAs(app, 'mai@anphat.example', ['editor'], 'Mai');
  });
  afterAll(async () => {
    await app.close();
  });

  describe('access', () => {
    it('answers 401 without a session, 403 for an agent or without the CSRF token, and lets admins in', async () => {
      expect((await fetch(`${app.url}/api/editor/synonyms`)).status).toBe(401);
      expect((await fetch(`${app.url}/api/editor/synonyms/en`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"groups":[]}' })).status).toBe(401);
      const agent = await loginAs(app, 'lan@anphat.example', ['agent']);
      expect((await agent.get('/api/editor/synonyms')).status).toBe(403);
      expect((await put(agent, 'en', { groups: [['refund', 'money back']] })).status).toBe(403);
      expect((await put(editor, 'en', { groups: [['refund', 'money back']] }, false)).status).toBe(403);
      const admin = await loginAs(app, 'boss@anphat.example', ['admin']);
      expect((await admin.get('/api/editor/synonyms')).status).toBe(200);
      expect((await list('en')).revision).toBe(1);
    });
  });

  describe('at start-up', () => {
    it('has every language seeded from knowledge-base/synonyms, marked as from the files', async () => {
      const all = await lists();
      expect(all.map((view) => view.locale)).toEqual(['vi', 'en', 'cs', 'zh']);
      for (const view of all) expect(view).toMatchObject({ revision: 1, source: 'file' });
      expect((await list('en')).groups[0]![0]).toBe('refund');
    });
  });

  describe('bad input', () => {
    const refused = async (locale: string, body: unknown) => {
      const response = await put(editor, locale, body);
      expect(response.status).toBe(400);
      return ((await response.json()) as ErrorBody).error;
    };

    it('names the field that is wrong', async () => {
      expect((await refused('en', { groups: 'refund, money back' })).details!.map((issue) => issue.path)).toEqual(['groups']);
      expect((await refused('en', { groups: [], html: '<b>' })).message).toContain('html');
      expect((await refused('fr', { groups: [] })).details!.map((issue) => issue.path)).toEqual(['locale']);
      expect((await refused('en', { groups: [['refund']] })).details).toEqual([{ path: 'groups.0', message: expect.stringContaining('needs at least two members') }]);
      expect((await refused('en', { groups: [['refund', ' ']] })).details!.map((issue) => issue.path)).toEqual(['groups.0.1']);
    });

    it('refuses a member that is in two groups, saying which, and keeps what was there', async () => {
      const before = await list('en');
      const error = await refused('en', { groups: [['refund', 'money back'], ['repayment', 'Money-Back']] });
      expect(error.details).toEqual([{ path: 'groups.1.1', message: expect.stringContaining('"Money-Back" is already in group 1') }]);
      expect(error.message).toContain('"Money-Back" is already in group 1');
      expect(await list('en')).toEqual(before);
    });
  });

  describe('saving', () => {
    it('bumps the revision, names who saved, keeps the history and refuses a stale revision', async () => {
      const before = await list('cs');
      const response = await put(editor, 'cs', { groups: [...before.groups, ['pračka', 'automatická pračka']], baseRevision: before.revision });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { synonyms: ListView }).synonyms).toMatchObject({ locale: 'cs', revision: before.revision + 1, source: 'editor', updatedByName: 'Mai' });
      const { revisions } = (await (await editor.get('/api/editor/synonyms/cs/revisions')).json()) as { revisions: { revision: number; editedByName?: string; source: string }[] };
      expect(revisions.map((revision) => [revision.revision, revision.source, revision.editedByName])).toEqual([
        [2, 'editor', 'Mai'],
        [1, 'file', undefined],
      ]);
      const stale = await put(editor, 'cs', { groups: before.groups, baseRevision: before.revision });
      expect(stale.status).toBe(409);
    });

    it('synonyms added in the editor change the next answer without a restart', async () => {
      expect((await editor.post('/api/editor/articles', { slug: 'karaoke-machines', locale: 'en', ...karaoke })).status).toBe(201);
      expect((await editor.post('/api/editor/articles/karaoke-machines/en/publish')).status).toBe(200);
      // The article answers its own word, and not a word only a synonym connects to it.
      expect(await ask('karaoke')).toContain(karaoke.answer);
      expect(await ask('singalongbox')).not.toContain(karaoke.answer);

      const before = await list('en');
      const saved = await put(editor, 'en', { groups: [...before.groups, ['karaoke', 'singalongbox']], baseRevision: before.revision });
      expect(saved.status).toBe(200);
      expect(await ask('singalongbox')).toContain(karaoke.answer);
    });
  });
});
