import type { ArticleRepository } from '../article-repository.js';
import type { ArticleFile } from './article-file.js';

/**
 * Puts knowledge-base files into the store where the store has no article with that id and
 * language yet. The store is where editors work, so an article already there is left as it
 * is. Returns how many were added and how many were already present.
 */
export async function seedArticles(files: ArticleFile[], articles: ArticleRepository): Promise<{ added: number; present: number }> {
  let added = 0;
  for (const file of files) {
    if (await articles.find(file.id, file.locale)) continue;
    const { title, questions, answer, category, tags, status } = file;
    await articles.save(file.id, file.locale, { title, questions, answer, category, tags, status }, { source: 'file' });
    added++;
  }
  return { added, present: files.length - added };
}
