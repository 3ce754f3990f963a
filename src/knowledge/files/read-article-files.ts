import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleFrontMatterSchema, type ArticleFile } from './article-file.js';
import { readKnowledgeFiles, type FileProblem } from './read-knowledge-files.js';

const articleFileName = /^([a-z0-9][a-z0-9-]*)\.([a-z]{2})\.md$/;

function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listMarkdown(path);
    return articleFileName.test(entry.name) ? [path] : [];
  });
}

function splitFrontMatter(text: string): { frontMatter: string; body: string } | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return match ? { frontMatter: match[1]!, body: match[2]!.trim() } : null;
}

/** Parses one file; returns the article or the problems found, never throws for bad content. */
export function parseArticleFile(path: string, text: string): { article?: ArticleFile; problems: FileProblem[] } {
  const parts = splitFrontMatter(text);
  if (!parts) return { problems: [{ path, field: '(front matter)', message: 'expected the file to start with a --- front matter block ---' }] };
  let data: unknown;
  try {
    data = parseYaml(parts.frontMatter);
  } catch (error) {
    return { problems: [{ path, field: '(front matter)', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const parsed = articleFrontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => ({ path, field: issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(front matter)'), message: issue.message })) };
  }
  const problems: FileProblem[] = [];
  const [, fileId, fileLocale] = articleFileName.exec(path.split(/[\\/]/).at(-1) ?? '') ?? [];
  if (fileId && fileId !== parsed.data.id) problems.push({ path, field: 'id', message: `is "${parsed.data.id}" but the file name says "${fileId}"` });
  if (fileLocale && fileLocale !== parsed.data.locale) problems.push({ path, field: 'locale', message: `is "${parsed.data.locale}" but the file name says "${fileLocale}"` });
  if (!parts.body) problems.push({ path, field: '(answer)', message: 'the answer below the front matter is empty' });
  if (problems.length > 0) return { problems };
  return { article: { ...parsed.data, path, answer: parts.body }, problems };
}

/**
 * Reads every `<id>.<locale>.md` under `dir`. Bad files are reported with their path and
 * field and left out; the others are returned. A missing directory yields nothing.
 */
export function readArticleFiles(dir: string): { articles: ArticleFile[]; problems: FileProblem[] } {
  const { values, problems } = readKnowledgeFiles<ArticleFile>({
    list: () => listMarkdown(dir).sort(),
    parse: (path, text) => {
      const { article, problems } = parseArticleFile(path, text);
      return { value: article, problems };
    },
    key: (article) => `${article.id}/${article.locale}`,
    duplicate: (article, earlier) => ({ field: 'id', message: `"${article.id}" in ${article.locale} is also defined in ${earlier}` }),
  });
  return { articles: values, problems };
}
