import type { ArticleContent } from '../knowledge/article-repository.js';

/** One line of a diff: kept, added or removed. */
export interface DiffLine {
  op: 'same' | 'add' | 'del';
  text: string;
}

/** What changed between two versions of an article, field by field (only changed fields). */
export interface ArticleDiff {
  title?: DiffLine[];
  questions?: DiffLine[];
  answer?: DiffLine[];
  category?: DiffLine[];
  tags?: DiffLine[];
  status?: DiffLine[];
}

/**
 * A line diff by longest common subsequence: `diffLines('a\nb', 'a\nc')` →
 * same a, del b, add c. Texts are at most a few hundred lines, so the quadratic table is fine.
 */
export function diffLines(before: string[], after: string[]): DiffLine[] {
  const rows = before.length;
  const cols = after.length;
  const common: Uint32Array[] = Array.from({ length: rows + 1 }, () => new Uint32Array(cols + 1));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      common[i]![j] = before[i] === after[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (before[i] === after[j]) {
      lines.push({ op: 'same', text: before[i]! });
      i++;
      j++;
    } else if (common[i + 1]![j]! >= common[i]![j + 1]!) lines.push({ op: 'del', text: before[i++]! });
    else lines.push({ op: 'add', text: after[j++]! });
  }
  while (i < rows) lines.push({ op: 'del', text: before[i++]! });
  while (j < cols) lines.push({ op: 'add', text: after[j++]! });
  return lines;
}

const fieldLines: Record<keyof ArticleDiff, (content: ArticleContent) => string[]> = {
  title: (content) => [content.title],
  questions: (content) => content.questions,
  answer: (content) => content.answer.split(/\r?\n/),
  category: (content) => [content.category],
  tags: (content) => content.tags,
  status: (content) => [content.status],
};

/** The changed fields between two versions; an empty object when they are the same. */
export function diffArticles(before: ArticleContent | null, after: ArticleContent): ArticleDiff {
  const diff: ArticleDiff = {};
  for (const field of Object.keys(fieldLines) as (keyof ArticleDiff)[]) {
    const lines = diffLines(before ? fieldLines[field](before) : [], fieldLines[field](after));
    if (lines.some((line) => line.op !== 'same')) diff[field] = lines;
  }
  return diff;
}
