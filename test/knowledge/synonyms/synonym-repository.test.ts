import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SynonymError } from '../../../src/knowledge/synonyms/check-synonyms.js';
import { SynonymRepository } from '../../../src/knowledge/synonyms/synonym-repository.js';
import { EmbeddedDocumentStore } from '../../../src/storage/embedded/embedded-document-store.js';
import { tempDir } from '../../support/temp-dir.js';

describe('SynonymRepository', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: EmbeddedDocumentStore;
  let synonyms: SynonymRepository;
  beforeEach(async () => {
    dir = tempDir('careline-synonyms-');
    store = new EmbeddedDocumentStore(dir.path);
    await store.init();
    synonyms = new SynonymRepository(store);
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  const refusal = async (groups: string[][]) => {
    const error = await synonyms.save({ locale: 'en', groups }, { source: 'editor' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SynonymError);
    return error as SynonymError & { details: { path: string; message: string }[] };
  };

  describe('when an editor saves a language twice', () => {
    it('keeps one current list with who and when, and both versions in the history', async () => {
      const first = await synonyms.save({ locale: 'en', groups: [['refund', 'money back']] }, { source: 'file' });
      expect(first).toMatchObject({ locale: 'en', revision: 1, source: 'file' });
      const second = await synonyms.save({ locale: 'en', groups: [['refund', 'money back', 'reimburse']] }, { source: 'editor', editedBy: 'usr_mai', baseRevision: 1 });
      expect(second).toMatchObject({ _id: first._id, revision: 2, source: 'editor', updatedBy: 'usr_mai' });
      expect(second.updatedAt).toBeInstanceOf(Date);

      expect(await synonyms.find('en')).toMatchObject({ revision: 2, groups: [['refund', 'money back', 'reimburse']] });
      const history = await synonyms.history('en');
      expect(history.map((revision) => [revision.revision, revision.source, revision.editedBy, revision.groups[0]!.length])).toEqual([
        [2, 'editor', 'usr_mai', 3],
        [1, 'file', undefined, 2],
      ]);
      expect(await synonyms.published()).toEqual([{ locale: 'en', groups: [['refund', 'money back', 'reimburse']] }]);
    });

    it('refuses a save from a stale revision (409)', async () => {
      await synonyms.save({ locale: 'vi', groups: [['hoàn tiền', 'trả lại tiền']] }, { source: 'editor' });
      await expect(synonyms.save({ locale: 'vi', groups: [['hoàn tiền', 'hoan lai tien']] }, { source: 'editor', baseRevision: 0 })).rejects.toMatchObject({ status: 409 });
      expect((await synonyms.history('vi')).length).toBe(1);
    });
  });

  describe('when a member appears in two groups', () => {
    it('refuses the list with the field, comparing without case and accents', async () => {
      const error = await refusal([['refund', 'money back'], ['reimburse', 'Mọney Back']]);
      expect(error.status).toBe(400);
      expect(error.details).toEqual([{ path: 'groups.1.1', message: expect.stringContaining('"Mọney Back" is already in group 1') }]);
      expect(await synonyms.find('en')).toBeNull();
    });

    it('accepts the same word twice in one group, which is only redundant', async () => {
      expect(await synonyms.save({ locale: 'vi', groups: [['giao hàng', 'ship', 'giao hang']] }, { source: 'editor' })).toMatchObject({ revision: 1 });
    });
  });

  describe('when a group is too small or a member empty', () => {
    it('refuses groups of one and empty or punctuation-only members, naming each', async () => {
      const error = await refusal([['refund'], ['delivery', '  '], ['cancel', '!!!']]);
      expect(error.details.map((issue) => issue.path)).toEqual(['groups.0', 'groups.1.1', 'groups.2.1']);
      expect(error.message).toContain('group 1 ("refund") needs at least two members');
    });
  });
});
