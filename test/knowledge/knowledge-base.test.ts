import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/knowledge/article.js';
import { articleFromFile } from '../../src/knowledge/files/article-from-file.js';
import { readArticleFiles } from '../../src/knowledge/files/read-article-files.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';

// The bundled starter knowledge base, indexed as the engine indexes it.
const { articles: files, problems } = readArticleFiles('knowledge-base');
const articles: Article[] = files.map((file) => articleFromFile(file));
const knowledge = new KnowledgeBase(articles);
const top = (question: string) => knowledge.query(question, 3)[0];

describe('the bundled knowledge base', () => {
  it('has at least 30 articles in Vietnamese and English and at least 10 also in Czech and Chinese, without problems', () => {
    expect(problems).toEqual([]);
    const slugs = [...new Set(articles.map((article) => article.slug))];
    const inAll = (locales: string[]) => slugs.filter((slug) => locales.every((locale) => knowledge.translations(slug).includes(locale as never)));
    expect(inAll(['vi', 'en'])).toHaveLength(slugs.length);
    expect(slugs.length).toBeGreaterThanOrEqual(30);
    expect(inAll(['vi', 'en', 'cs', 'zh']).length).toBeGreaterThanOrEqual(10);
    const categories = new Set(articles.map((article) => article.category));
    for (const category of ['warranty', 'delivery', 'returns', 'payment', 'orders', 'stores', 'membership', 'contact', 'complaints']) expect(categories).toContain(category);
  });
});

describe('retrieval over the bundled knowledge base', () => {
  it('finds "Bảo hành bao lâu?" when asked without diacritics', () => {
    expect(top('bao hanh bao lau')).toMatchObject({ slug: 'warranty-period', locale: 'vi' });
    expect(top('bao hanh bao lau')!.confidence).toBe(top('Bảo hành bao lâu?')!.confidence);
  });

  it('understands Vietnamese chat abbreviations', () => {
    expect(top('sp bh may nam')).toMatchObject({ slug: 'warranty-period' });
    expect(top('tra gop dc ko')).toMatchObject({ slug: 'installment' });
  });

  it('folds Czech diacritics', () => {
    expect(top('záruka jak dlouho')).toMatchObject({ slug: 'warranty-period', locale: 'cs' });
    expect(top('zaruka jak dlouho')).toMatchObject({ slug: 'warranty-period', locale: 'cs' });
  });

  it('segments Chinese', () => {
    expect(top('保修多久')).toMatchObject({ slug: 'warranty-period', locale: 'zh' });
    expect(top('运费多少')).toMatchObject({ slug: 'delivery-fee', locale: 'zh' });
  });

  it('tolerates typos', () => {
    expect(top('how long is the waranty')).toMatchObject({ slug: 'warranty-period', locale: 'en' });
    expect(top('phi giao hnag bao nhieu')).toMatchObject({ slug: 'delivery-fee', locale: 'vi' });
  });

  it('is confident about clear questions and not about things the shop never mentions', () => {
    expect(top('how long is the warranty')!.confidence).toBeGreaterThan(0.8);
    expect(top('ban co biet nau pho khong')?.confidence ?? 0).toBeLessThan(0.4);
    expect(top('what is the capital of France')?.confidence ?? 0).toBeLessThan(0.4);
  });
});
