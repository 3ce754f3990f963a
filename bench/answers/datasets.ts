/**
 * The public datasets of `../shared/datasets` (see its README for the protocol) turned into
 * benchmark runs: a knowledge base (one article per intent, its training utterances as
 * question variants), validation messages to tune thresholds on, and test messages.
 * Nothing here is committed data: the files are read where they lie.
 */
import { seededRandom } from '../latency-stats.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../src/config/config-schema.js';

/** One customer message and what should happen to it: the intent to answer, or `oos` (hand off). */
export interface Labeled {
  text: string;
  label: string;
  /** For out-of-scope messages in runs that tell them apart: `id` (in-domain) or `ood`. */
  oosKind?: 'id' | 'ood';
}

export interface BenchRun {
  id: string;
  title: string;
  locale: Locale;
  /** Intent → question variants. */
  knowledge: Map<string, string[]>;
  validation: Labeled[];
  test: Labeled[];
  /** Published rows to print next to this run's figures (in-scope accuracy / OOS recall, %). */
  published: { system: string; inScope: number; oosRecall?: number }[];
  /** Runs without out-of-scope data have nothing to tune: they use the live defaults. */
  tunable: boolean;
  /** The run whose frozen thresholds this run uses instead of its own (R8: the original run's). */
  thresholdsFrom?: string;
  /** The run whose test messages these are, transformed one for one (R8): the report lists what the transformation broke. */
  pairedWith?: string;
  /** Protocol reading of the run, printed under its title (e.g. why it is a control). */
  note?: string;
}

const oos = 'oos';

function clincSplit(root: string, file: string): Record<string, [string, string][]> {
  return JSON.parse(readFileSync(join(root, 'clinc150', file), 'utf8')) as Record<string, [string, string][]>;
}

export function group(rows: Labeled[]): Map<string, string[]> {
  const knowledge = new Map<string, string[]>();
  for (const row of rows) {
    const variants = knowledge.get(row.label) ?? [];
    variants.push(row.text);
    knowledge.set(row.label, variants);
  }
  return knowledge;
}

const pairs = (rows: [string, string][]): Labeled[] => rows.map(([text, label]) => ({ text, label }));

export function lines(root: string, folder: string, oosKind?: 'id' | 'ood'): Labeled[] {
  const texts = readFileSync(join(root, 'fewshot-intent-detection', folder, 'seq.in'), 'utf8').split('\n');
  const labels = readFileSync(join(root, 'fewshot-intent-detection', folder, 'label'), 'utf8').split('\n');
  const rows: Labeled[] = [];
  texts.forEach((text, i) => {
    if (text.trim() === '') return;
    const label = labels[i]!.trim();
    rows.push(oosKind ? { text: text.trim(), label: oos, oosKind } : { text: text.trim(), label });
  });
  return rows;
}

/** Mulberry32: the fixed-seed random draws of the protocol (one generator for every bench). */
export const seeded = seededRandom;

function drawPerIntent(knowledge: Map<string, string[]>, count: number, seed: number): Map<string, string[]> {
  const random = seeded(seed);
  return new Map(
    [...knowledge].map(([intent, variants]) => {
      const shuffled = [...variants];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      return [intent, shuffled.slice(0, count)];
    }),
  );
}

/**
 * Unicode NFD, combining marks U+0300–U+036F deleted, `đ→d`, `Đ→D`, NFC: the protocol's
 * recipe (section 3.6) for messages typed without diacritics.
 */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

const larsonFull = [
  { system: 'BERT (Larson et al. 2019, oos-threshold)', inScope: 96.2, oosRecall: 52.3 },
  { system: 'MLP on USE embeddings', inScope: 93.4, oosRecall: 49.1 },
  { system: 'Rasa NLU', inScope: 90.9, oosRecall: 31.2 },
  { system: 'DialogFlow', inScope: 90.8, oosRecall: 26.7 },
];

/** Every run of the protocol this benchmark covers; throws naming the folder when the data is missing. */
export function loadRuns(root: string): BenchRun[] {
  if (!existsSync(join(root, 'clinc150', 'data_full.json'))) throw new Error(`datasets not found in ${root}`);
  const runs: BenchRun[] = [];
  const full = clincSplit(root, 'data_full.json');
  const clincValidation = [...pairs(full.val!), ...pairs(full.oos_val!)];
  const clincTest = [...pairs(full.test!), ...pairs(full.oos_test!)];
  const fullKnowledge = group(pairs(full.train!));
  runs.push({ id: 'clinc-full', title: 'R1 CLINC150 full (100 variants per article)', locale: 'en', knowledge: fullKnowledge, validation: clincValidation, test: clincTest, published: larsonFull, tunable: true });
  const small = clincSplit(root, 'data_small.json');
  runs.push({
    id: 'clinc-small',
    title: 'R2 CLINC150 small (50 variants per article)',
    locale: 'en',
    knowledge: group(pairs(small.train!)),
    validation: clincValidation,
    test: clincTest,
    published: [
      { system: 'BERT (Larson et al. 2019, oos-threshold)', inScope: 96.2, oosRecall: 58.9 },
      { system: 'MLP on USE embeddings', inScope: 91.3, oosRecall: 32.4 },
    ],
    tunable: true,
  });
  const fiveShot = [
    { id: 'clinc-5shot', title: 'R3 CLINC150 5 variants per article (fixed train_5)', knowledge: group(lines(root, 'CLINC150/train_5')) },
    ...[1, 2, 3, 4, 5].map((seed) => ({ id: `clinc-5shot-seed${seed}`, title: `R3 CLINC150 5 variants per article (seed ${seed} draw)`, knowledge: drawPerIntent(fullKnowledge, 5, seed) })),
  ];
  for (const run of fiveShot) {
    runs.push({ ...run, locale: 'en', validation: clincValidation, test: clincTest, published: [{ system: 'USE+ConveRT 5-shot, closed world (no OOS)', inScope: 90.49 }], tunable: true });
  }
  runs.push({
    id: 'banking77-oos',
    title: 'R5 BANKING77-OOS (50 articles; in-domain and out-of-domain OOS)',
    locale: 'en',
    knowledge: group(lines(root, 'BANKING77-OOS/train')),
    validation: [...lines(root, 'BANKING77-OOS/valid'), ...lines(root, 'BANKING77-OOS/id-oos/valid', 'id'), ...lines(root, 'BANKING77-OOS/ood-oos/valid', 'ood')],
    test: [...lines(root, 'BANKING77-OOS/test'), ...lines(root, 'BANKING77-OOS/id-oos/test', 'id'), ...lines(root, 'BANKING77-OOS/ood-oos/test', 'ood')],
    published: [],
    tunable: true,
  });
  for (const domain of ['banking', 'credit_cards']) {
    const base = `CLINC-Single-Domain-OOS/${domain}`;
    runs.push({
      id: `clinc-single-${domain.replace('_', '-')}`,
      title: `R6 CLINC-Single-Domain-OOS ${domain} (10 articles)`,
      locale: 'en',
      knowledge: group(lines(root, `${base}/train`)),
      validation: [...lines(root, `${base}/valid`), ...lines(root, `${base}/id-oos/valid`, 'id'), ...lines(root, `${base}/ood-oos/valid`, 'ood')],
      test: [...lines(root, `${base}/test`), ...lines(root, `${base}/id-oos/test`, 'id'), ...lines(root, `${base}/ood-oos/test`, 'ood')],
      published: [],
      tunable: true,
    });
  }
  const xsid = (file: string, field: 'text' | 'text_en' = 'text') =>
    readFileSync(join(root, 'xsid-zh', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, string>)
      .map((row) => ({ text: row[field]!, label: row.intent! }));
  const zhTest = xsid('zh.test.jsonl');
  runs.push({ id: 'xsid-zh', title: 'R7a xSID Chinese (KB: zh.valid by intent; closed world)', locale: 'zh', knowledge: group(xsid('zh.valid.jsonl')), validation: [], test: zhTest, published: [], tunable: false });
  runs.push({ id: 'xsid-en-zh', title: 'R7b xSID English KB, Chinese messages (cross-lingual; closed world)', locale: 'en', knowledge: group(xsid('en.valid.jsonl')), validation: [], test: zhTest, published: [], tunable: false });
  const stripped = clincTest.map((row) => ({ ...row, text: stripDiacritics(row.text) }));
  runs.push({
    id: 'clinc-full-stripped',
    title: 'R8 control: CLINC150 full (English), test messages through the stripping recipe',
    locale: 'en',
    knowledge: fullKnowledge,
    validation: [],
    test: stripped,
    published: [],
    tunable: false,
    thresholdsFrom: 'clinc-full',
    pairedWith: 'clinc-full',
    note: 'A control, not evidence for accent-free matching: English has no diacritics, so the recipe leaves almost every message unchanged and the figures equal R1. The Vietnamese and Czech R8 runs below are the real test.',
  });
  return runs;
}
