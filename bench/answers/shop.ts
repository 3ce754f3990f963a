/**
 * The shop benchmark (issue 15): a second fictional business's knowledge base
 * (`bench/datasets/shop-hoamai/knowledge-base`, 40 entries × vi/en/cs/zh × title + 3
 * variants) with the bundled synonyms and intents, and customer messages written by people
 * who saw only the titles and answers (`messages.tsv`), split once into a dev half (tuning)
 * and a test half (reported). Each message is decided by the engine's real `AnswerPolicy`,
 * as a first message from a new customer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config, Locale } from '../../src/config/config-schema.js';
import { AnswerPolicy, type Decision } from '../../src/engine/answer-policy.js';
import { IntentMatcher } from '../../src/intents/intent-matcher.js';
import { readIntentFiles } from '../../src/intents/read-intent-files.js';
import { articleFromFile } from '../../src/knowledge/files/article-from-file.js';
import { readArticleFiles } from '../../src/knowledge/files/read-article-files.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { readSynonymFiles } from '../../src/knowledge/synonyms/read-synonym-files.js';

/** The kinds of message the benchmark holds; the first six are answerable questions. */
export const answerableStyles = ['paraphrase', 'typo', 'long', 'teencode', 'no-diacritics', 'keyword'] as const;
export const otherStyles = ['complaint', 'human', 'oos', 'oos-close', 'smalltalk'] as const;
export type Style = (typeof answerableStyles)[number] | (typeof otherStyles)[number];

/** One customer message: what should happen is an article's id, `handoff`, `oos` (don't know or a person) or `smalltalk`. */
export interface ShopMessage {
  locale: Locale;
  style: Style;
  expected: string;
  text: string;
  split: 'dev' | 'test';
}

export interface ShopDecision {
  message: ShopMessage;
  decision: Decision;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `messages.tsv` (locale, style, expected, text), split dev / test: alternately within each language and style, in hash order. */
export function readShopMessages(folder: string): ShopMessage[] {
  const rows = readFileSync(join(folder, 'messages.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line, i) => {
      const [locale, style, expected, ...text] = line.split('\t');
      if (!locale || !style || !expected || text.length === 0) throw new Error(`${folder}/messages.tsv line ${i + 1}: expected locale, style, expected, text separated by tabs`);
      return { locale: locale as Locale, style: style as Style, expected, text: text.join('\t').trim() };
    });
  const strata = new Map<string, typeof rows>();
  for (const row of rows) strata.set(`${row.locale}/${row.style}`, [...(strata.get(`${row.locale}/${row.style}`) ?? []), row]);
  const split = new Map<(typeof rows)[number], 'dev' | 'test'>();
  for (const members of strata.values()) [...members].sort((a, b) => hash(a.text) - hash(b.text)).forEach((row, i) => split.set(row, i % 2 === 0 ? 'dev' : 'test'));
  return rows.map((row) => ({ ...row, split: split.get(row)! }));
}

/** The shop's knowledge base as the product would load it: its files, the bundled synonyms. */
export function shopKnowledge(folder: string, synonymsDir: string): KnowledgeBase {
  const { articles, problems } = readArticleFiles(join(folder, 'knowledge-base'));
  if (problems.length > 0) throw new Error(`shop knowledge base: ${problems.map((p) => `${p.path}: ${p.field}: ${p.message}`).join('; ')}`);
  const now = new Date();
  const stored = articles.map((file) => articleFromFile(file, now));
  return new KnowledgeBase(stored, readSynonymFiles(synonymsDir).lists);
}

/** Every message decided by the engine's answer policy under `config`. */
export function decideShop(knowledge: KnowledgeBase, config: Config, intentsDir: string, messages: ShopMessage[]): ShopDecision[] {
  const policy = new AnswerPolicy(config, knowledge, new IntentMatcher(readIntentFiles(intentsDir)));
  return messages.map((message) => ({ message, decision: policy.decide({ text: message.text }) }));
}

const isAnswerable = (message: ShopMessage) => (answerableStyles as readonly string[]).includes(message.style);

/** What the customer got, in the benchmark's terms. */
function outcome({ decision }: ShopDecision): { answered?: string; offered: string[]; handedOff: boolean; missed: boolean; smalltalk: boolean } {
  const action = decision.action;
  if (action.kind === 'answer') return { answered: action.slug, offered: [action.slug], handedOff: false, missed: false, smalltalk: false };
  if (action.kind === 'clarify') return { offered: action.candidates.map((candidate) => candidate.slug), handedOff: false, missed: false, smalltalk: false };
  return { offered: [], handedOff: action.kind === 'handoff', missed: action.kind === 'miss', smalltalk: action.kind === 'smalltalk' };
}

const share = (rows: ShopDecision[], test: (row: ShopDecision) => boolean) => (rows.length === 0 ? NaN : rows.filter(test).length / rows.length);

/** The figures of the issue's table for one half. */
export function shopFigures(rows: ShopDecision[]) {
  const answerable = rows.filter((row) => isAnswerable(row.message));
  const right = (row: ShopDecision) => outcome(row).answered === row.message.expected;
  const wrong = (row: ShopDecision) => {
    const { answered } = outcome(row);
    return answered !== undefined && answered !== row.message.expected;
  };
  const of = (style: Style) => rows.filter((row) => row.message.style === style);
  return {
    counts: { all: rows.length, answerable: answerable.length },
    rightAnswer: share(answerable, right),
    rightOffered: share(answerable, (row) => outcome(row).offered.includes(row.message.expected)),
    topRanked: share(answerable, (row) => row.decision.candidates[0]?.slug === row.message.expected),
    wrongAnswers: share(rows, wrong),
    complaintsHandedOff: share(of('complaint'), (row) => outcome(row).handedOff),
    humanHandedOff: share(of('human'), (row) => outcome(row).handedOff),
    outOfScope: share([...of('oos'), ...of('oos-close')], (row) => outcome(row).missed || outcome(row).handedOff),
    smalltalk: share(of('smalltalk'), (row) => outcome(row).smalltalk),
    byLanguage: Object.fromEntries((['vi', 'en', 'cs', 'zh'] as const).map((locale) => [locale, share(answerable.filter((row) => row.message.locale === locale), right)])),
    byStyle: Object.fromEntries(answerableStyles.map((style) => [style, share(of(style), right)])),
  };
}
export type ShopFigures = ReturnType<typeof shopFigures>;

const pct = (value: number) => (Number.isNaN(value) ? '–' : `${Math.round(value * 100)} %`);

/** The issue's table for the test half (and the dev half beside it). */
export function shopTable(test: ShopFigures, dev?: ShopFigures): string {
  const rows: [string, (f: ShopFigures) => string, string][] = [
    ['right answer on answerable questions', (f) => pct(f.rightAnswer), '≥ 85 %'],
    ['right article among what the customer is offered (answer or clarification choices)', (f) => pct(f.rightOffered), '≥ 95 %'],
    ["the engine's own top-ranked article is right (\"Try it\")", (f) => pct(f.topRanked), '—'],
    ['wrong answers, all messages', (f) => pct(f.wrongAnswers), '≤ 3 %'],
    ['complaints handed to a person', (f) => pct(f.complaintsHandedOff), '≥ 95 %'],
    ['requests for a person handed off', (f) => pct(f.humanHandedOff), '≥ 98 %'],
    ['out-of-scope questions get "don\'t know" or a person', (f) => pct(f.outOfScope), '≥ 95 %'],
    ['small talk answered as small talk', (f) => pct(f.smalltalk), '—'],
    ['right answers by language vi / en / cs / zh', (f) => Object.values(f.byLanguage).map(pct).join(' / '), 'each ≥ 80 %'],
    [`right answers by style: ${answerableStyles.join(' / ')}`, (f) => Object.values(f.byStyle).map(pct).join(' / '), 'each ≥ 75 %'],
  ];
  const head = dev ? '| figure | test half | dev half | must reach |\n| --- | ---: | ---: | ---: |' : '| figure | test half | must reach |\n| --- | ---: | ---: |';
  return [head, ...rows.map(([name, value, target]) => (dev ? `| ${name} | ${value(test)} | ${value(dev)} | ${target} |` : `| ${name} | ${value(test)} | ${target} |`))].join('\n');
}
