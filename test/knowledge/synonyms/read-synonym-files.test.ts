import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSynonymFiles } from '../../../src/knowledge/synonyms/read-synonym-files.js';
import { SynonymRepository } from '../../../src/knowledge/synonyms/synonym-repository.js';
import { seedSynonyms } from '../../../src/knowledge/synonyms/synonym-sync.js';
import { EmbeddedDocumentStore } from '../../../src/storage/embedded/embedded-document-store.js';
import { tempDir } from '../../support/temp-dir.js';

describe('readSynonymFiles', () => {
  const dir = tempDir('careline-kb-');
  afterAll(() => dir.remove());
  const folder = join(dir.path, 'synonyms');
  mkdirSync(folder);
  writeFileSync(join(folder, 'en.yaml'), '# comment\nlocale: en\ngroups:\n  - [refund, money back, reimburse]\n  - [delivery, shipping]\n');
  writeFileSync(join(folder, 'vi.yaml'), 'locale: vi\ngroups:\n  - [hoàn tiền, trả lại tiền]\n  - [hoan tien, refund]\n');
  writeFileSync(join(folder, 'cs.yaml'), 'locale: cs\ngroups:\n  - [vrácení peněz]\n');
  writeFileSync(join(folder, 'zh.yaml'), 'locale: en\ngroups: []\n');
  writeFileSync(join(folder, 'fr.yaml'), 'locale: fr\ngroups: [[a, b]]\n');
  writeFileSync(join(folder, 'de.yaml'), 'locale: [unclosed\n');
  writeFileSync(join(folder, 'README.md'), '# not synonyms\n');

  const { lists, problems } = readSynonymFiles(dir.path);
  const problemOf = (name: string) => problems.filter((problem) => problem.path.endsWith(join('synonyms', name)));

  it('loads the good file with its groups, the first member first', () => {
    expect(lists).toEqual([expect.objectContaining({ locale: 'en', groups: [['refund', 'money back', 'reimburse'], ['delivery', 'shipping']] })]);
  });

  it('reports every bad file with its path and field and skips it', () => {
    expect(problemOf('vi.yaml')).toEqual([{ path: expect.any(String), field: 'groups.1.0', message: expect.stringContaining('"hoan tien" is already in group 1') }]);
    expect(problemOf('cs.yaml')).toEqual([{ path: expect.any(String), field: 'groups.0', message: expect.stringContaining('needs at least two members') }]);
    expect(problemOf('zh.yaml')).toEqual([{ path: expect.any(String), field: 'locale', message: 'is "en" but the file name says "zh"' }]);
    expect(problemOf('fr.yaml').map((problem) => problem.field)).toEqual(['locale']);
    expect(problemOf('de.yaml')).toEqual([{ path: expect.any(String), field: '(file)', message: expect.stringContaining('not valid YAML') }]);
    expect(problems.length).toBe(5);
  });

  it('finds nothing, and no problem, where there is no synonyms folder', () => {
    expect(readSynonymFiles(join(dir.path, 'nowhere'))).toEqual({ lists: [], problems: [] });
  });

  it('seeds only the languages the store has none for', async () => {
    const data = tempDir('careline-store-');
    const store = new EmbeddedDocumentStore(data.path);
    await store.init();
    try {
      const synonyms = new SynonymRepository(store);
      await synonyms.save({ locale: 'en', groups: [['refund', 'repayment']] }, { source: 'editor', editedBy: 'usr_mai' });
      await synonyms.save({ locale: 'vi', groups: [['hoàn tiền', 'trả lại tiền']] }, { source: 'editor' });
      expect(await seedSynonyms([...lists, { locale: 'cs', groups: [['vrácení peněz', 'refundace']], path: 'cs.yaml' }], synonyms)).toEqual({ added: 1 });
      expect((await synonyms.find('en'))!.groups).toEqual([['refund', 'repayment']]);
      expect(await synonyms.find('cs')).toMatchObject({ source: 'file', revision: 1, groups: [['vrácení peněz', 'refundace']] });
    } finally {
      await store.close();
      data.remove();
    }
  });
});
