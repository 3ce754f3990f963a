import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Article } from '../article.js';
import type { ArticleContent, ArticleRepository } from '../article-repository.js';
import type { ArticleFile } from './article-file.js';
import { readArticleFiles } from './read-article-files.js';
import type { FileProblem } from './read-knowledge-files.js';
import { articleFilePath, articleFileText } from './write-article-file.js';

/** An article that was not moved because both sides changed it. */
export interface SyncConflict {
  path: string;
  slug: string;
  locale: string;
  message: string;
}

/** What `kb import` did. */
export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: SyncConflict[];
  problems: FileProblem[];
}

/** What `kb export` did. */
export interface ExportReport {
  written: number;
  moved: number;
  unchanged: number;
  conflicts: SyncConflict[];
}

const contentFields = ['title', 'questions', 'answer', 'category', 'tags', 'status'] as const;

/** The fields files and store share (what "identical articles" means). */
export function sharedContent(source: ArticleContent): ArticleContent {
  return { title: source.title, questions: source.questions, answer: source.answer, category: source.category, tags: source.tags, status: source.status };
}

function sameContent(a: ArticleContent, b: ArticleContent): boolean {
  return contentFields.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

/**
 * Files → store. A file's article missing from the store is added; an identical one is left
 * alone (so importing twice changes nothing); a different one replaces the store's version
 * when the store's came from files, and is a conflict (reported, not imported) when an
 * editor changed it in the store, unless `force`. `dryRun` only reports.
 */
export async function importArticles(files: readonly ArticleFile[], articles: ArticleRepository, options: { force?: boolean; dryRun?: boolean; onProgress?: (done: number) => void } = {}): Promise<Omit<ImportReport, 'problems'>> {
  const report: Omit<ImportReport, 'problems'> = { added: 0, updated: 0, unchanged: 0, conflicts: [] };
  let done = 0;
  for (const file of files) {
    const content = sharedContent(file);
    const existing = await articles.find(file.id, file.locale);
    if (existing && sameContent(existing, content)) report.unchanged++;
    else if (existing && existing.source === 'editor' && !options.force) {
      report.conflicts.push({ path: file.path, slug: file.id, locale: file.locale, message: `changed in the editor (revision ${existing.revision}, ${existing.updatedAt.toISOString()}) and in the file; kept the editor's version (--force takes the file's)` });
    } else {
      if (!options.dryRun) await articles.save(file.id, file.locale, content, { source: 'file', action: 'imported' });
      if (existing) report.updated++;
      else report.added++;
    }
    options.onProgress?.(++done);
  }
  return report;
}

/** Reads `dir` and imports it; file problems are reported alongside. */
export async function importDirectory(dir: string, articles: ArticleRepository, options: Parameters<typeof importArticles>[2] & { onTotal?: (total: number) => void } = {}): Promise<ImportReport> {
  const { articles: files, problems } = readArticleFiles(dir);
  options.onTotal?.(files.length);
  return { ...(await importArticles(files, articles, options)), problems };
}

/**
 * Store → files: each article (every status) to `<dir>/<category>/<id>.<locale>.md`. An
 * identical file is left untouched, so exporting twice writes nothing; a file of the
 * article under another category folder is moved; a file that cannot be read is a conflict
 * and is not overwritten.
 */
export async function exportArticles(articles: ArticleRepository, dir: string, options: { onProgress?: (done: number) => void; onTotal?: (total: number) => void } = {}): Promise<ExportReport> {
  const stored: Article[] = await articles.list({});
  options.onTotal?.(stored.length);
  const existing = readArticleFiles(dir);
  const pathOf = new Map(existing.articles.map((file) => [`${file.id}/${file.locale}`, resolve(file.path)]));
  const unreadable = new Set(existing.problems.map((problem) => resolve(problem.path)));
  const report: ExportReport = { written: 0, moved: 0, unchanged: 0, conflicts: [] };
  let done = 0;
  for (const article of stored) {
    const path = resolve(articleFilePath(dir, article));
    const text = articleFileText(article);
    const previous = pathOf.get(`${article.slug}/${article.locale}`);
    if (unreadable.has(path)) {
      report.conflicts.push({ path, slug: article.slug, locale: article.locale, message: 'the file there cannot be read as an article; not overwritten (fix or remove it)' });
    } else if (previous === path && readFileSync(path, 'utf8') === text) {
      report.unchanged++;
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      if (previous && previous !== path) {
        unlinkSync(previous);
        report.moved++;
      } else report.written++;
    }
    options.onProgress?.(++done);
  }
  return report;
}
