import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Article } from '../article.js';

/** Where an article lives among the knowledge-base files: `<category>/<id>.<locale>.md`. */
export function articleFilePath(dir: string, article: Pick<Article, 'category' | 'slug' | 'locale'>): string {
  const folder = article.category.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'uncategorized';
  return join(dir, folder, `${article.slug}.${article.locale}.md`);
}

/**
 * The Markdown file of an article: front matter (id, locale, title, questions, category,
 * tags, status) and the answer as the body. `parseArticleFile` reads it back to the same
 * fields.
 */
export function articleFileText(article: Pick<Article, 'slug' | 'locale' | 'title' | 'questions' | 'category' | 'tags' | 'status' | 'answer'>): string {
  const frontMatter = stringify(
    { id: article.slug, locale: article.locale, title: article.title, questions: article.questions, category: article.category, tags: article.tags, status: article.status },
    { lineWidth: 0 },
  );
  return `---\n${frontMatter}---\n${article.answer.trim()}\n`;
}
