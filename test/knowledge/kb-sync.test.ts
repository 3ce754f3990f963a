import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/http/package-root.js';
import { ArticleRepository } from '../../src/knowledge/article-repository.js';
import { exportArticles, importDirectory, sharedContent } from '../../src/knowledge/files/kb-sync.js';
import { runKbCommand } from '../../src/knowledge/files/kb-command.js';
import { SynonymRepository } from '../../src/knowledge/synonyms/synonym-repository.js';
import { exportSynonyms, importSynonyms } from '../../src/knowledge/synonyms/synonym-sync.js';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { buildOnce, runCareline } from '../support/careline-process.js';
import { tempDir } from '../support/temp-dir.js';

const bundled = join(packageRoot(), 'knowledge-base');

async function openStore(path: string): Promise<{ store: EmbeddedDocumentStore; articles: ArticleRepository; synonyms: SynonymRepository }> {
  const store = new EmbeddedDocumentStore(path);
  await store.init();
  return { store, articles: new ArticleRepository(store), synonyms: new SynonymRepository(store) };
}

const snapshot = async (articles: ArticleRepository) => (await articles.list({})).map((article) => ({ slug: article.slug, locale: article.locale, ...sharedContent(article) }));

const collect = () => {
  let text = '';
  return { write: (chunk: string) => void (text += chunk), text: () => text };
};

describe('kb import and kb export', { timeout: 60_000 }, () => {
  const dirs: { path: string; remove: () => void }[] = [];
  const dir = () => {
    const made = tempDir('careline-kb-');
    dirs.push(made);
    return made.path;
  };
  let source: Awaited<ReturnType<typeof openStore>>;
  beforeEach(async () => {
    source = await openStore(dir());
  });
  afterEach(async () => {
    await source.store.close();
    for (const made of dirs.splice(0)) made.remove();
  });

  it('export, then import into an empty store, gives identical articles', async () => {
    await importDirectory(bundled, source.articles);
    // Editor-made articles with what YAML and Markdown make hard: quotes, colons, a leading
    // dash, Chinese, a Markdown rule and list in the answer, every status.
    await source.articles.save('tricky-one', 'en', { title: 'Price: "50%" off? #1 - yes', questions: ['- starts with a dash', "it's: quoted 'twice'", '运费多少？'], answer: '**Bold** line\n\n---\n\n- item one\n- item: two\n\n```\ncode: true\n```', category: 'Special Offers', tags: ['x: y', '2026'], status: 'draft' }, { source: 'editor', editedBy: 'usr_1' });
    await source.articles.save('tricky-one', 'vi', { title: 'Giảm giá', questions: [], answer: 'Có.', category: 'Special Offers', tags: [], status: 'archived' }, { source: 'editor' });
    const files = dir();
    const exported = await exportArticles(source.articles, files);
    expect(exported.conflicts).toEqual([]);
    expect(exported.written).toBe((await source.articles.list({})).length);

    const target = await openStore(dir());
    try {
      const imported = await importDirectory(files, target.articles);
      expect(imported).toMatchObject({ updated: 0, unchanged: 0, conflicts: [], problems: [] });
      expect(await snapshot(target.articles)).toEqual(await snapshot(source.articles));
    } finally {
      await target.store.close();
    }
  });

  it('is idempotent both ways', async () => {
    const first = await importDirectory(bundled, source.articles);
    expect(first.added).toBeGreaterThan(50);
    expect(await importDirectory(bundled, source.articles)).toMatchObject({ added: 0, updated: 0, unchanged: first.added, conflicts: [] });
    const files = dir();
    await exportArticles(source.articles, files);
    const before = readFileSync(join(files, 'payment', 'installment.en.md'), 'utf8');
    expect(await exportArticles(source.articles, files)).toMatchObject({ written: 0, moved: 0, unchanged: first.added });
    expect(readFileSync(join(files, 'payment', 'installment.en.md'), 'utf8')).toBe(before);
    expect(await importDirectory(files, source.articles)).toMatchObject({ added: 0, updated: 0, unchanged: first.added });
  });

  it('reports an article changed both in the editor and in its file as a conflict, and --force takes the file', async () => {
    await importDirectory(bundled, source.articles);
    const files = dir();
    await exportArticles(source.articles, files);
    const current = (await source.articles.find('installment', 'en'))!;
    await source.articles.save('installment', 'en', { ...sharedContent(current), answer: 'Edited in the editor.' }, { source: 'editor', editedBy: 'usr_1' });
    const path = join(files, 'payment', 'installment.en.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/---\n[\s\S]*$/, (match) => match.replace(/\n---\n[\s\S]*$/, '\n---\nEdited in the file.\n')));
    // A file changed while its store article came from files is simply updated.
    const refundPath = join(files, 'returns', 'refund-time.en.md');
    writeFileSync(refundPath, `${readFileSync(refundPath, 'utf8').trimEnd()}\n\nOne more line.\n`);

    const report = await importDirectory(files, source.articles);
    expect(report.updated).toBe(1);
    expect(report.conflicts).toEqual([expect.objectContaining({ slug: 'installment', locale: 'en', message: expect.stringContaining('--force') })]);
    expect((await source.articles.find('installment', 'en'))!.answer).toBe('Edited in the editor.');
    expect((await source.articles.find('refund-time', 'en'))!.answer).toContain('One more line.');

    const forced = await importDirectory(files, source.articles, { force: true });
    expect(forced.updated).toBe(1);
    expect((await source.articles.find('installment', 'en'))!.answer).toBe('Edited in the file.');
  });

  it('shows a progress bar for a large import and refuses an unknown kb command', async () => {
    const out = collect();
    const err = collect();
    expect(await runKbCommand({ action: 'import', dir: bundled, force: false, dryRun: false }, source, out, err)).toBe(0);
    const total = (await source.articles.list({})).length;
    expect(out.text()).toContain(`${total} added, 0 updated, 0 unchanged, 0 conflict(s)`);
    expect(err.text()).toContain(`importing [${'#'.repeat(30)}] 100% ${total}/${total}`);
    expect(err.text().split('\n').filter(Boolean).length).toBeLessThanOrEqual(11);
    expect(await runKbCommand({ action: 'sync', dir: bundled, force: false, dryRun: false }, source, out, err)).toBe(2);
  });

  it('runs as `careline kb import` and `kb export` on the embedded store', async () => {
    buildOnce();
    const data = dir();
    const small = dir();
    mkdirSync(join(small, 'payment'));
    for (const name of ['installment.vi.md', 'installment.en.md']) copyFileSync(join(bundled, 'payment', name), join(small, 'payment', name));
    mkdirSync(join(small, 'synonyms'));
    writeFileSync(join(small, 'synonyms', 'en.yaml'), 'locale: en\ngroups:\n  - [instalment, installment, pay in parts]\n');
    const files = dir();
    const imported = await runCareline({ DATA_DIR: data }, ['kb', 'import', '--dir', small]);
    expect(imported.stdout).toMatch(/Imported from .*: 2 added, 0 updated, 0 unchanged, 0 conflict/);
    expect(imported.stdout).toContain('Synonyms: 1 language(s) added, 0 updated, 0 unchanged, 0 conflict(s)');
    expect(imported.code).toBe(0);
    const again = await runCareline({ DATA_DIR: data }, ['kb', 'import', '--dir', small]);
    expect(again.stdout).toMatch(/: 0 added, 0 updated, 2 unchanged/);
    expect(again.stdout).toContain('Synonyms: 0 language(s) added, 0 updated, 1 unchanged');
    const exported = await runCareline({ DATA_DIR: data }, ['kb', 'export', '--dir', files]);
    expect(exported.stdout).toMatch(/Exported to .*: 2 written/);
    expect(exported.stdout).toContain('Synonyms: 1 language(s) written');
    expect(readFileSync(join(files, 'payment', 'installment.vi.md'), 'utf8')).toContain('id: installment');
    expect(readFileSync(join(files, 'synonyms', 'en.yaml'), 'utf8')).toBe('locale: en\ngroups:\n  - [instalment, installment, pay in parts]\n');
    expect((await runCareline({}, ['--help'])).stdout).toContain('kb import');
  }, 240_000);

  describe('synonyms', () => {
    const tricky = { locale: 'zh' as const, groups: [['退款', '退钱', '返款'], ['100', 'yes: no', '- dash', 'a, b', "it's"]] };

    it('export writes synonyms/<locale>.yaml, and import into an empty store gives the same lists', async () => {
      await source.synonyms.save({ locale: 'en', groups: [['refund', 'money back', 'reimburse'], ['delivery', 'shipping']] }, { source: 'editor', editedBy: 'usr_1' });
      await source.synonyms.save(tricky, { source: 'editor' });
      const files = dir();
      expect(await exportSynonyms(source.synonyms, files)).toMatchObject({ written: 2, unchanged: 0, conflicts: [] });
      expect(readFileSync(join(files, 'synonyms', 'en.yaml'), 'utf8')).toBe('locale: en\ngroups:\n  - [refund, money back, reimburse]\n  - [delivery, shipping]\n');
      expect(await exportSynonyms(source.synonyms, files)).toMatchObject({ written: 0, unchanged: 2 });

      const target = await openStore(dir());
      try {
        expect(await importSynonyms(files, target.synonyms)).toMatchObject({ added: 2, updated: 0, unchanged: 0, conflicts: [], problems: [] });
        expect(await target.synonyms.published()).toEqual(await source.synonyms.published());
        expect(await importSynonyms(files, target.synonyms)).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
      } finally {
        await target.store.close();
      }
    });

    it('reports a language changed both in the editor and in its file as a conflict, and --force takes the file', async () => {
      const files = dir();
      mkdirSync(join(files, 'synonyms'));
      writeFileSync(join(files, 'synonyms', 'en.yaml'), 'locale: en\ngroups:\n  - [refund, money back]\n');
      writeFileSync(join(files, 'synonyms', 'vi.yaml'), 'locale: vi\ngroups:\n  - [hoàn tiền, trả tiền lại]\n');
      expect(await importSynonyms(files, source.synonyms)).toMatchObject({ added: 2 });
      await source.synonyms.save({ locale: 'en', groups: [['refund', 'money back', 'reimburse']] }, { source: 'editor', editedBy: 'usr_1' });
      writeFileSync(join(files, 'synonyms', 'en.yaml'), 'locale: en\ngroups:\n  - [refund, repayment]\n');
      // A language whose store version came from files is simply updated.
      writeFileSync(join(files, 'synonyms', 'vi.yaml'), 'locale: vi\ngroups:\n  - [hoàn tiền, trả tiền lại, hoàn lại tiền]\n');

      const report = await importSynonyms(files, source.synonyms);
      expect(report.updated).toBe(1);
      expect(report.conflicts).toEqual([expect.objectContaining({ slug: 'synonyms', locale: 'en', message: expect.stringContaining('--force') })]);
      expect((await source.synonyms.find('en'))!.groups).toEqual([['refund', 'money back', 'reimburse']]);
      expect((await source.synonyms.find('vi'))!.groups[0]).toContain('hoàn lại tiền');

      const out = collect();
      const err = collect();
      expect(await runKbCommand({ action: 'import', dir: files, force: false, dryRun: false }, source, out, err)).toBe(1);
      expect(err.text()).toMatch(/Conflicts \(not imported\):\n {2}- .*en\.yaml \(synonyms\/en\): changed in the editor/);
      expect(await runKbCommand({ action: 'import', dir: files, force: true, dryRun: false }, source, out, err)).toBe(0);
      expect((await source.synonyms.find('en'))!.groups).toEqual([['refund', 'repayment']]);
    });

    it('does not overwrite a synonym file it cannot read', async () => {
      await source.synonyms.save({ locale: 'en', groups: [['refund', 'money back']] }, { source: 'editor' });
      const files = dir();
      mkdirSync(join(files, 'synonyms'));
      writeFileSync(join(files, 'synonyms', 'en.yaml'), 'locale: en\ngroups: [[refund\n');
      const report = await exportSynonyms(source.synonyms, files);
      expect(report).toMatchObject({ written: 0, conflicts: [expect.objectContaining({ locale: 'en', message: expect.stringContaining('not overwritten') })] });
      expect(readFileSync(join(files, 'synonyms', 'en.yaml'), 'utf8')).toBe('locale: en\ngroups: [[refund\n');
    });
  });
});
