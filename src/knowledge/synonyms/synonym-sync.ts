import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Document, type YAMLSeq } from 'yaml';
import type { FileProblem } from '../files/read-knowledge-files.js';
import type { SyncConflict } from '../files/kb-sync.js';
import { readSynonymFiles, synonymsFolder, type SynonymFile } from './read-synonym-files.js';
import type { SynonymRepository } from './synonym-repository.js';
import type { SynonymList } from './synonyms.js';

/** What moving synonym files did (`kb import`, `kb export`, the start-up seed). */
export interface SynonymSyncReport {
  added: number;
  updated: number;
  unchanged: number;
  written: number;
  conflicts: SyncConflict[];
  problems: FileProblem[];
}

const emptyReport = (): SynonymSyncReport => ({ added: 0, updated: 0, unchanged: 0, written: 0, conflicts: [], problems: [] });
const sameGroups = (a: SynonymList, b: SynonymList) => JSON.stringify(a.groups) === JSON.stringify(b.groups);
const conflict = (path: string, locale: string, message: string): SyncConflict => ({ path, slug: synonymsFolder, locale, message });

/** `<dir>/synonyms/<locale>.yaml`. */
export function synonymFilePath(dir: string, locale: string): string {
  return join(dir, synonymsFolder, `${locale}.yaml`);
}

/** The file text of a synonym list: one group per line as a flow list, the canonical member first. */
export function synonymFileText(list: SynonymList): string {
  const document = new Document({ locale: list.locale, groups: list.groups });
  for (const group of (document.get('groups') as YAMLSeq<YAMLSeq>).items) group.flow = true;
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * Start-up: puts the files' synonyms into the store for languages the store has none for.
 * The store is where editors work, so a language already there is left as it is.
 */
export async function seedSynonyms(files: readonly SynonymFile[], synonyms: SynonymRepository): Promise<{ added: number }> {
  let added = 0;
  for (const file of files) {
    if (await synonyms.find(file.locale)) continue;
    await synonyms.save({ locale: file.locale, groups: file.groups }, { source: 'file' });
    added++;
  }
  return { added };
}

/**
 * Files → store, as `kb import` does for articles: a missing language is added, identical
 * groups are left alone, different ones replace the store's when those came from files and
 * are a conflict (not imported) when an editor changed them, unless `force`.
 */
export async function importSynonyms(dir: string, synonyms: SynonymRepository, options: { force?: boolean; dryRun?: boolean } = {}): Promise<SynonymSyncReport> {
  const { lists, problems } = readSynonymFiles(dir);
  const report = { ...emptyReport(), problems };
  for (const file of lists) {
    const existing = await synonyms.find(file.locale);
    if (existing && sameGroups(existing, file)) report.unchanged++;
    else if (existing && existing.source === 'editor' && !options.force) {
      report.conflicts.push(conflict(file.path, file.locale, `changed in the editor (revision ${existing.revision}, ${existing.updatedAt.toISOString()}) and in the file; kept the editor's version (--force takes the file's)`));
    } else {
      if (!options.dryRun) await synonyms.save({ locale: file.locale, groups: file.groups }, { source: 'file' });
      if (existing) report.updated++;
      else report.added++;
    }
  }
  return report;
}

/**
 * Store → files: each language's synonyms to `<dir>/synonyms/<locale>.yaml`. A file with
 * the same groups is left untouched (its comments too), so exporting twice writes nothing;
 * a file that cannot be read is a conflict and is not overwritten.
 */
export async function exportSynonyms(synonyms: SynonymRepository, dir: string): Promise<SynonymSyncReport> {
  const existing = readSynonymFiles(dir);
  const onDisk = new Map(existing.lists.map((file) => [resolve(file.path), file]));
  const unreadable = new Set(existing.problems.map((problem) => resolve(problem.path)));
  const report = emptyReport();
  for (const list of await synonyms.list()) {
    const path = resolve(synonymFilePath(dir, list.locale));
    const file = onDisk.get(path);
    if (unreadable.has(path)) report.conflicts.push(conflict(path, list.locale, 'the file there cannot be read as synonyms; not overwritten (fix or remove it)'));
    else if (file && file.locale === list.locale && sameGroups(file, list)) report.unchanged++;
    else {
      mkdirSync(join(dir, synonymsFolder), { recursive: true });
      writeFileSync(path, synonymFileText(list));
      report.written++;
    }
  }
  return report;
}
