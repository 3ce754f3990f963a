import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** A file that could not be used, with the field at fault. */
export interface FileProblem {
  path: string;
  field: string;
  message: string;
}

/** How to read one kind of knowledge-base file (articles, synonym lists). */
export interface KnowledgeFileKind<T> {
  /** The files' paths, in the order they are read; throws ENOENT when the folder is missing. */
  list(): string[];
  /** Parses one file's text (`path` as shown to people); never throws for bad content. */
  parse(path: string, text: string): { value?: T; problems: FileProblem[] };
  /** What two files may not both define (an article's id and locale, a list's locale). */
  key(value: T): string;
  /** The problem reported for a file whose key an earlier file (`earlier`, as shown) already has. */
  duplicate(value: T, earlier: string): Omit<FileProblem, 'path'>;
}

/**
 * Reads every file of one kind from the knowledge-base directory: bad files are reported
 * with their path (relative to the working directory when inside it) and field and left
 * out, as is a file defining what an earlier one already did; a missing folder yields nothing.
 */
export function readKnowledgeFiles<T>(kind: KnowledgeFileKind<T>): { values: T[]; problems: FileProblem[] } {
  let paths: string[];
  try {
    paths = kind.list();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { values: [], problems: [] };
    throw error;
  }
  const values: T[] = [];
  const problems: FileProblem[] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    const fromCwd = relative(process.cwd(), path);
    const shown = fromCwd && !fromCwd.startsWith('..') ? fromCwd : path;
    const result = kind.parse(shown, readFileSync(path, 'utf8'));
    problems.push(...result.problems);
    if (!result.value) continue;
    const key = kind.key(result.value);
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({ path: shown, ...kind.duplicate(result.value, earlier) });
      continue;
    }
    seen.set(key, shown);
    values.push(result.value);
  }
  return { values, problems };
}
