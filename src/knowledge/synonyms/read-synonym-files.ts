import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readKnowledgeFiles, type FileProblem } from '../files/read-knowledge-files.js';
import { checkSynonymList } from './check-synonyms.js';
import type { SynonymList } from './synonyms.js';

/** A language's synonyms read from `synonyms/<locale>.yaml`, with the path it came from. */
export type SynonymFile = SynonymList & { path: string };

/** The folder of synonym files inside the knowledge-base directory. */
export const synonymsFolder = 'synonyms';

const synonymFileName = /^([a-z]{2})\.ya?ml$/;

/** Parses one synonym file; returns the list or the problems found, never throws for bad content. */
export function parseSynonymFile(path: string, text: string): { list?: SynonymFile; problems: FileProblem[] } {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    return { problems: [{ path, field: '(file)', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const checked = checkSynonymList(data ?? {});
  if (!checked.list) return { problems: checked.issues.map((issue) => ({ path, field: issue.path, message: issue.message })) };
  const [, fileLocale] = synonymFileName.exec(path.split(/[\\/]/).at(-1) ?? '') ?? [];
  if (fileLocale && fileLocale !== checked.list.locale) return { problems: [{ path, field: 'locale', message: `is "${checked.list.locale}" but the file name says "${fileLocale}"` }] };
  return { list: { ...checked.list, path }, problems: [] };
}

/**
 * Reads every `<dir>/synonyms/<locale>.yaml`. Bad files are reported with their path and
 * field and left out (as article files are); a missing folder yields nothing.
 *
 * Example file: `locale: en` and `groups: [[refund, money back, reimburse]]`.
 */
export function readSynonymFiles(dir: string): { lists: SynonymFile[]; problems: FileProblem[] } {
  const folder = join(dir, synonymsFolder);
  const { values, problems } = readKnowledgeFiles<SynonymFile>({
    list: () =>
      readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isFile() && synonymFileName.test(entry.name))
        .map((entry) => entry.name)
        .sort()
        .map((name) => join(folder, name)),
    parse: (path, text) => {
      const { list, problems } = parseSynonymFile(path, text);
      return { value: list, problems };
    },
    key: (list) => list.locale,
    duplicate: (list, earlier) => ({ field: 'locale', message: `"${list.locale}" synonyms are also defined in ${earlier}` }),
  });
  return { lists: values, problems };
}
