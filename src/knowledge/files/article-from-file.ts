import type { Article } from '../article.js';
import type { ArticleFile } from './article-file.js';

/**
 * An in-memory article made from a knowledge-base file, as first revision, for indexing
 * files without a store (benchmarks, tests, "try it" on files).
 */
export function articleFromFile(file: ArticleFile, now = new Date()): Article {
  return {
    _id: `art_${file.id}_${file.locale}`,
    slug: file.id,
    locale: file.locale,
    title: file.title,
    questions: file.questions,
    answer: file.answer,
    category: file.category,
    tags: file.tags,
    status: file.status,
    revision: 1,
    source: 'file',
    createdAt: now,
    updatedAt: now,
  };
}
