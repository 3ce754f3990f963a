import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../src/knowledge/article-repository.js';
import { readArticleFiles } from '../../src/knowledge/files/read-article-files.js';
import { seedArticles } from '../../src/knowledge/files/seed-articles.js';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { tempDir } from '../support/temp-dir.js';

const good = `---
id: warranty-period
locale: vi
title: Sản phẩm được bảo hành bao lâu?
questions:
  - bao hanh bao lau
category: warranty
tags: [warranty]
status: published
---
Tivi được bảo hành **24 tháng**.
`;

describe('readArticleFiles', () => {
  const dir = tempDir('careline-kb-');
  afterAll(() => dir.remove());
  mkdirSync(join(dir.path, 'warranty'));
  mkdirSync(join(dir.path, 'delivery'));
  writeFileSync(join(dir.path, 'warranty', 'warranty-period.vi.md'), good);
  writeFileSync(join(dir.path, 'warranty', 'warranty-period.en.md'), good);
  writeFileSync(join(dir.path, 'delivery', 'delivery-fee.vi.md'), good.replace('id: warranty-period', 'id: delivery-fee').replace('locale: vi', 'locale: fr'));
  writeFileSync(join(dir.path, 'delivery', 'delivery-time.vi.md'), '---\nid: delivery-time\nlocale: vi\ntitle: [unclosed\n---\nx\n');
  writeFileSync(join(dir.path, 'delivery', 'no-front-matter.vi.md'), 'Just text\n');
  writeFileSync(join(dir.path, 'README.md'), '# not an article\n');

  const { articles, problems } = readArticleFiles(dir.path);

  it('loads the good file with its answer', () => {
    expect(articles).toEqual([expect.objectContaining({ id: 'warranty-period', locale: 'vi', questions: ['bao hanh bao lau'], answer: 'Tivi được bảo hành **24 tháng**.' })]);
  });

  it('reports each bad file by path and field and skips it', () => {
    const byFile = Object.fromEntries(problems.map((p) => [p.path.split('/').slice(-2).join('/'), p]));
    expect(byFile['warranty/warranty-period.en.md']).toMatchObject({ field: 'locale', message: 'is "vi" but the file name says "en"' });
    expect(byFile['delivery/delivery-fee.vi.md']).toMatchObject({ field: 'locale' });
    expect(byFile['delivery/delivery-time.vi.md']).toMatchObject({ field: '(front matter)', message: expect.stringContaining('not valid YAML') });
    expect(byFile['delivery/no-front-matter.vi.md']).toMatchObject({ field: '(front matter)' });
    expect(problems).toHaveLength(4);
  });

  it('seeds the store once and leaves articles editors changed alone', async () => {
    const storeDir = tempDir('careline-seed-');
    const store = new EmbeddedDocumentStore(storeDir.path);
    await store.init();
    const repository = new ArticleRepository(store);
    expect(await seedArticles(articles, repository)).toEqual({ added: 1, present: 0 });
    await repository.save('warranty-period', 'vi', { ...articles[0]!, answer: 'Edited.' }, { source: 'editor', editedBy: 'usr' });
    expect(await seedArticles(articles, repository)).toEqual({ added: 0, present: 1 });
    expect((await repository.find('warranty-period', 'vi'))?.answer).toBe('Edited.');
    await store.close();
    storeDir.remove();
  });

  it('yields nothing for a missing directory', () => {
    expect(readArticleFiles(join(dir.path, 'nope'))).toEqual({ articles: [], problems: [] });
  });
});
