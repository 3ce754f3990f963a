import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { packageRoot } from '../../src/http/package-root.js';
import { readArticleFiles } from '../../src/knowledge/files/read-article-files.js';
import { articleWordRarity, readableSlug, unusedSlug } from '../../src/editor/gaps/readable-slug.js';

// How telling a word is comes from the bundled knowledge base's articles, as in the product.
const rarity = articleWordRarity(readArticleFiles(join(packageRoot(), 'knowledge-base')).articles);
const slugOf = (texts: string[]) => readableSlug(texts, texts[0]!, rarity);

describe('readableSlug', () => {
  it('names a cluster by the words its questions share, without the phrasing, in the order the title says them', () => {
    expect(slugOf(['do you sell gift cards?', 'can I buy a gift card for my mother', 'where can i buy gift cards online'])).toBe('gift-card');
    expect(slugOf(['sửa xe đạp ở đâu', 'shop có sửa xe đạp không'])).toBe('sua-xe-dap');
    expect(slugOf(['đổi trả hàng như thế nào', 'muốn đổi trả hàng thì làm gì'])).toBe('doi-tra');
    expect(slugOf(['Jak vrátit zboží koupené online?'])).toBe('vratit-zbozi-koupene');
  });

  it('gives no id when no word folds to ASCII', () => {
    expect(slugOf(['有礼品卡吗', '礼品卡在哪里买'])).toBeNull();
  });
});

describe('unusedSlug', () => {
  it('numbers an id that an article already has', () => {
    expect(unusedSlug('gift-card', new Set(['warranty-period']))).toBe('gift-card');
    expect(unusedSlug('gift-card', new Set(['gift-card', 'gift-card-2']))).toBe('gift-card-3');
  });
});
