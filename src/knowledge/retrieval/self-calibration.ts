import type { Locale } from '../../config/config-schema.js';
import { outOfScopeMessages } from '../calibration/out-of-scope-messages.js';
import { foldDiacritics } from '../text/fold-diacritics.js';
import type { Candidate, IndexableArticle } from './candidate.js';
import { calibrationInputs, defaultCalibration, type Calibration } from './confidence.js';
import type { FittedCalibration } from './calibration-cache.js';
import { fitLogistic, type LogisticModel, type WeightedSample } from './logistic-fit.js';

/** What fitting a knowledge base's own calibration saw, for "Try it", `careline kb` and benchmarks. */
export interface CalibrationReport {
  /** Held-out titles and variants asked (each also asked once more with typos and accents dropped). */
  heldOut: number;
  /** Out-of-scope messages asked. */
  outOfScope: number;
  /** Share of the held-out questions whose own article ranked first. */
  topRight: number;
  /** Milliseconds the fit took (building the held-out indexes included). */
  ms: number;
}

/** Anything that ranks candidates for a question (an `AnswerIndex`). */
export interface Ranker {
  /** Candidates for a question read in `languages` (the language it is in). */
  query(question: string, options: { limit?: number; languages?: readonly Locale[] }): Candidate[];
  /** How telling a word, read in `language`, is in the index's titles and variants (its idf), or -1 when they never use it. */
  rarity(word: string, language?: Locale): number;
}

// Held-out questions per fold at most: beyond, articles are sampled (a fold costs one index build).
const maxHeldOutPerFold = 600;
const folds = 2;
// A slice of a fit in slices runs this long before letting other work run.
const sliceMs = 10;
// Fewer articles than this tell a fit too little: the default calibration stays.
const minSlugs = 10;

/** A deterministic 32-bit hash of a string (FNV-1a). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The same question as a hurried customer might type it: accents dropped (Vietnamese and
 * Czech customers often write without them) and one letter of its longest word swapped with
 * the next, deterministic per text.
 */
export function hurried(text: string, locale: Locale): string {
  const folded = locale === 'vi' || locale === 'cs' ? foldDiacritics(text) : text;
  const words = folded.split(/\s+/);
  let longest = 0;
  words.forEach((word, i) => {
    if (word.length > words[longest]!.length) longest = i;
  });
  const word = words[longest]!;
  if (word.length >= 5 && !/\p{Script=Han}/u.test(word)) {
    const at = 1 + (hash(text) % (word.length - 2));
    words[longest] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
  return words.join(' ');
}

/** Latin-script words of the texts, lower-cased, each once. */
function wordsOf(texts: readonly string[]): string[] {
  return [...new Set(texts.flatMap((text) => text.toLowerCase().match(/[\p{L}]+/gu) ?? []).filter((word) => !/\p{Script=Han}/u.test(word)))];
}

/**
 * The question with its rarest word the index knows (`rank` 0; the second rarest for 1)
 * replaced by a word the index does not know, or null when it has no such word.
 */
function swapTopic(text: string, locale: Locale, index: Ranker, foreign: readonly string[], rank: number): string | null {
  const words = text.split(/(\s+)/);
  const known = words
    .map((word, i) => ({ i, rarity: word.trim().length >= 4 ? index.rarity(word, locale) : 0 }))
    .filter(({ rarity }) => rarity > 0)
    .sort((a, b) => b.rarity - a.rarity);
  const best = known[rank]?.i ?? -1;
  if (best < 0 || foreign.length === 0) return null;
  const replacement = foreign.find((_, i) => i >= hash(text) % foreign.length && index.rarity(foreign[i]!, locale) < 0) ?? null;
  if (!replacement) return null;
  words[best] = replacement;
  return words.join('');
}

// Two wordings sharing this share of their words are near-copies of each other.
const nearCopy = 0.3;

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Jaccard similarity of two word sets. */
function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared === 0 ? 0 : shared / (a.size + b.size - shared);
}

interface HeldOut {
  text: string;
  slug: string;
  locale: Locale;
}

/** The articles with one title or variant of each sampled article taken out, and what was taken out. */
function fold(articles: readonly IndexableArticle[], k: number): { articles: IndexableArticle[]; heldOut: HeldOut[] } {
  const eligible = articles.filter((article) => article.questions.length >= 1).length;
  const stride = Math.max(1, Math.ceil(eligible / maxHeldOutPerFold));
  const heldOut: HeldOut[] = [];
  let seen = 0;
  const kept = articles.map((article) => {
    if (article.questions.length < 1 || seen++ % stride !== k % stride) return article;
    const examples = [article.title, ...article.questions];
    // Chosen by what the cache key holds (slug and locale, not the store's random id), so a
    // fit is the same on every install and a remembered fit is the one that would be computed.
    const out = (hash(`${article.slug}\u0000${article.locale}`) + k) % examples.length;
    heldOut.push({ text: examples[out]!, slug: article.slug, locale: article.locale });
    // Its near-copies go too, so the question is a new wording, as a customer's is, however
    // many variants the editor wrote (at least one example stays).
    const words = wordSet(examples[out]!);
    let rest = examples.filter((text, i) => i !== out && similarity(words, wordSet(text)) < nearCopy);
    if (rest.length === 0) rest = examples.filter((_, i) => i !== out).slice(0, 1);
    return { ...article, title: rest[0]!, questions: rest.slice(1) };
  });
  return { articles: kept, heldOut };
}

// Where the number of variants stands among the inputs of each part (see `calibrationInputs`).
const coveredVariantsInput = 4;
const rightVariantsInput = 3;

/** The mean log of the titles and variants per slug (all translations), as `calibrationInputs` sees it. */
function meanLogVariants(articles: readonly IndexableArticle[]): number {
  const perSlug = new Map<string, number>();
  for (const article of articles) perSlug.set(article.slug, (perSlug.get(article.slug) ?? 0) + 1 + article.questions.length);
  const logs = [...perSlug.values()].map((count) => Math.log(Math.max(1, count)));
  return logs.reduce((sum, value) => sum + value, 0) / Math.max(1, logs.length);
}

/**
 * The prior of a knowledge base's own fit: the default part with its variants weight folded
 * into the bias at this knowledge base's own mean, and set to 0. Within one knowledge base
 * the number of variants hardly varies, so a fit cannot learn what it means; the public
 * datasets' weight (fewer variants, surer) would otherwise keep a knowledge base with fifty
 * variants an article far less sure than one with three.
 */
function atOwnVariants(part: LogisticModel, input: number, meanLog: number): LogisticModel {
  const weights = [...part.weights];
  const bias = part.bias + weights[input]! * meanLog;
  weights[input] = 0;
  return { bias, weights };
}

/**
 * Fits the confidence calibration on the knowledge base itself, so that a threshold means
 * "probability the answer is right" on any knowledge base, whatever its size and number of
 * variants: each title or variant is held out in turn (two folds, sampled beyond
 * `maxHeldOutPerFold` articles a fold), asked as written and as a hurried customer would type
 * it, against an index built without it; where its own article ranks and with what signals
 * trains the "right article" part, and those questions against the bundled multilingual
 * out-of-scope messages (`outOfScopeMessages`) train the "covered at all" part (both sides
 * weigh the same in all). Both start from, and are pulled towards, `defaultCalibration`.
 * `build` makes an index from articles (an `AnswerIndex` with the same analysis).
 */
export function selfCalibration(articles: readonly IndexableArticle[], build: (articles: IndexableArticle[]) => Ranker): FittedCalibration {
  const steps = calibrationSteps(articles, build);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

type Step = Generator<Promise<Ranker> | undefined, FittedCalibration, Ranker | undefined>;

/** `selfCalibration` in slices of about `sliceMs` that let other work run in between (a large knowledge base's fit, on a running server). */
export async function selfCalibrationInSlices(articles: readonly IndexableArticle[], build: (articles: IndexableArticle[]) => Promise<Ranker>): Promise<FittedCalibration> {
  const steps = calibrationSteps(articles, build);
  let built: Ranker | undefined;
  for (let sliceStarted = performance.now(); ; ) {
    const step = steps.next(built);
    built = undefined;
    if (step.done) return step.value;
    // A held-out index that trains in slices of its own.
    if (step.value) built = await step.value;
    if (performance.now() - sliceStarted >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
}

/**
 * The fit, yielding after each question asked and, for a held-out index that is still to be
 * trained (`build` gave a promise), the promise, to be sent back resolved.
 */
function* calibrationSteps(articles: readonly IndexableArticle[], build: (articles: IndexableArticle[]) => Ranker | Promise<Ranker>): Step {
  const started = performance.now();
  const slugs = new Set(articles.map((article) => article.slug)).size;
  if (slugs < minSlugs) return { calibration: defaultCalibration, report: { heldOut: 0, outOfScope: 0, topRight: 0, ms: performance.now() - started } };
  const covered: WeightedSample[] = [];
  const right: WeightedSample[] = [];
  const outOfScope: number[][] = [];
  let outOfScopeAsked = 0;
  const swapped: number[][] = [];
  let swappedAsked = 0;
  const foreignWords = wordsOf(Object.values(outOfScopeMessages).flat()).filter((word) => word.length >= 5);
  let asked = 0;
  let topRight = 0;
  const locales = new Set(articles.map((article) => article.locale));
  for (let k = 0; k < folds; k++) {
    const { articles: kept, heldOut } = fold(articles, k);
    if (heldOut.length === 0) break;
    const made = build(kept);
    const index = made instanceof Promise ? yield made : made;
    if (!index) throw new Error('a held-out index that trains in slices needs selfCalibrationInSlices');
    for (const question of heldOut) {
      for (const text of new Set([question.text, hurried(question.text, question.locale)])) {
        const [top] = index.query(text, { limit: 2, languages: [question.locale] });
        yield undefined;
        asked++;
        if (!top?.signals) continue;
        const isRight = top.slug === question.slug;
        if (isRight) topRight++;
        const inputs = calibrationInputs(top.signals);
        covered.push({ inputs: inputs.covered, label: 1, weight: 1 });
        right.push({ inputs: inputs.right, label: isRight ? 1 : 0, weight: 1 });
      }
    }
    // The same questions with their most telling word swapped for one the knowledge base never
    // uses ("how long is the warranty" → "how long is the horoscope"): out of scope, yet
    // shaped like the shop's questions, as a customer's question about something else is.
    for (const question of heldOut) {
      for (const rank of [0, 1]) {
        const text = swapTopic(question.text, question.locale, index, foreignWords, rank);
        if (!text) continue;
        const [top] = index.query(text, { limit: 2, languages: [question.locale] });
        yield undefined;
        swappedAsked++;
        if (top?.signals) swapped.push(calibrationInputs(top.signals).covered);
      }
    }
    // Out-of-scope messages in the knowledge base's languages, against the first fold's index.
    if (k === 0) {
      for (const locale of locales) {
        for (const text of outOfScopeMessages[locale] ?? []) {
          const [top] = index.query(text, { limit: 2, languages: [locale] });
          yield undefined;
          outOfScopeAsked++;
          if (top?.signals) outOfScope.push(calibrationInputs(top.signals).covered);
        }
      }
    }
  }
  const heldOutCount = covered.length;
  // Both sides of "covered" weigh the same in all, counting the questions that found no
  // candidate at all (sure misses, which tell the fit nothing but are part of the whole).
  // Half of that side is the bundled out-of-scope messages, half the swapped-topic questions.
  const outWeight = outOfScope.length > 0 ? asked / outOfScopeAsked / (swappedAsked > 0 ? 2 : 1) : 0;
  const swappedWeight = swappedAsked > 0 ? asked / swappedAsked / (outOfScopeAsked > 0 ? 2 : 1) : 0;
  for (const inputs of outOfScope) covered.push({ inputs, label: 0, weight: outWeight });
  for (const inputs of swapped) covered.push({ inputs, label: 0, weight: swappedWeight });
  const calibration: Calibration = {
    covered: outOfScope.length > 0 && heldOutCount > 0 ? fitLogistic(covered, atOwnVariants(defaultCalibration.covered, coveredVariantsInput, meanLogVariants(articles))) : defaultCalibration.covered,
    right: heldOutCount > 0 ? fitLogistic(right, atOwnVariants(defaultCalibration.right, rightVariantsInput, meanLogVariants(articles))) : defaultCalibration.right,
  };
  return { calibration, report: { heldOut: asked, outOfScope: outOfScopeAsked, topRight: asked > 0 ? topRight / asked : 0, ms: performance.now() - started } };
}
