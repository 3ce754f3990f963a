import { z } from 'zod';
import { localeSchema } from '../config/config-schema.js';
import { channelIdSchema } from '../core/channel-id.js';
import { articleRevisionSchema, articleSchema } from '../knowledge/article.js';
import { storedSynonymsSchema, synonymRevisionSchema } from '../knowledge/synonyms/synonym-repository.js';
import { intentNameSchema } from '../intents/intent.js';
import { questionOutcomeSchema } from '../knowledge/question-log.js';
import { articleDraftSchema } from './article-drafts.js';
import { contentGapSchema } from './gaps/content-gap.js';

/**
 * The documents the knowledge-base editor receives, cut from the domain schemas so that
 * they cannot drift apart: the editor's routes and services are typed by them, and
 * `GET /api/schemas` serves them as JSON Schema for the editor to check what it is sent.
 */

/** An article in the editor's list: one translation, and whether it has unpublished changes. */
export const articleSummarySchema = articleSchema.pick({ slug: true, locale: true, title: true, category: true, status: true, revision: true, updatedAt: true, updatedBy: true }).extend({ hasDraft: z.boolean() });
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

/** One translation in the editor: the current article and its pending draft, if any. */
export const translationViewSchema = z.object({ article: articleSchema, draft: articleDraftSchema.nullable() });
export type TranslationView = z.infer<typeof translationViewSchema>;

/** An article with every translation side by side, and the languages it is missing. */
export const articleViewSchema = z.object({ slug: articleSchema.shape.slug, translations: z.partialRecord(localeSchema, translationViewSchema), missing: z.array(localeSchema) });
export type ArticleView = z.infer<typeof articleViewSchema>;

/** A revision with the name of who saved it. */
export const revisionViewSchema = articleRevisionSchema.extend({ editedByName: z.string().optional() });
export type RevisionView = z.infer<typeof revisionViewSchema>;

/** One language on the Synonyms page; revision 0, no source and no date when it has none yet. */
export const synonymListViewSchema = storedSynonymsSchema.pick({ locale: true, groups: true, updatedBy: true }).extend({
  revision: z.number().int().nonnegative(),
  source: storedSynonymsSchema.shape.source.nullable(),
  updatedAt: z.date().nullable(),
  updatedByName: z.string().optional(),
});
export type SynonymListView = z.infer<typeof synonymListViewSchema>;

/** A saved version of a language's synonyms with the name of who saved it. */
export const synonymRevisionViewSchema = synonymRevisionSchema.extend({ editedByName: z.string().optional() });
export type SynonymRevisionView = z.infer<typeof synonymRevisionViewSchema>;

/** An open cluster of questions the bot could not answer, as the editor sees it. */
export const gapClusterSchema = z.object({
  id: z.string(),
  count: z.number(),
  examples: z.array(z.string()),
  questionIds: z.array(z.string()),
  languages: z.partialRecord(localeSchema, z.number()),
  channels: z.partialRecord(channelIdSchema, z.number()),
  outcomes: z.partialRecord(questionOutcomeSchema, z.number()),
  terms: z.array(z.string()),
  firstAt: z.date(),
  lastAt: z.date(),
  /** The article the bot most often thought of (too weakly), if any: a place for variants. */
  nearestArticle: z.object({ slug: articleSchema.shape.slug, confidence: z.number() }).nullable(),
  /**
   * A prefilled new article: a short readable id from the words the questions share, and
   * the category of the nearest article when it came close enough for the bot to offer it
   * as a choice (the clarify threshold); null otherwise.
   */
  suggestion: articleSchema.pick({ slug: true, locale: true, title: true, questions: true }).extend({ category: z.string().nullable() }),
});
export type GapCluster = z.infer<typeof gapClusterSchema>;

/** How many questions of a kind were asked and answered in a period. */
export const askedCountSchema = z.object({ asked: z.number(), answered: z.number(), answeredWithArticle: z.number() });
export type AskedCount = z.infer<typeof askedCountSchema>;

/** A handled gap with its before/after counts. */
export const resolvedGapSchema = contentGapSchema.pick({ action: true, slug: true, locale: true, examples: true, at: true, by: true }).extend({ id: z.string(), count: z.number(), before: askedCountSchema, after: askedCountSchema });
export type ResolvedGap = z.infer<typeof resolvedGapSchema>;

/** A language the bot took a message to be in, and how it knew. */
const detectedLanguageSchema = z.object({ locale: localeSchema, reason: z.enum(['script', 'detector', 'vocabulary', 'hint', 'conversation', 'default']) });

/**
 * What "try it" shows of the engine's decision for a question: the verdict, the language,
 * what the customer would read, the choices and the ranked candidates, and the parts of the
 * decision the page reads (its intent and why it hands off). The engine's types are plain
 * interfaces: `tryIt` is typed by this schema, so a field it loses or renames fails to compile.
 */
export const tryItResultSchema = z.object({
  verdict: z.enum(['answer', 'clarify', 'miss', 'handoff', 'smalltalk', 'feedback', 'help']),
  decision: z.object({
    intent: z.object({ intent: intentNameSchema, locale: localeSchema, confidence: z.number(), example: z.string() }).nullable(),
    escalation: z.object({ kind: z.enum(['human', 'complaint']), reasons: z.array(z.string()) }).optional(),
  }),
  language: detectedLanguageSchema,
  /** What the customer would read for an answer (in their language or the fallback). */
  answer: articleSchema.pick({ slug: true, locale: true, title: true, answer: true }).extend({ inCustomerLanguage: z.boolean() }).nullable(),
  /** Articles offered as buttons for a clarification. */
  choices: z.array(z.string()),
  candidates: z.array(
    articleSchema.pick({ slug: true, locale: true, title: true }).extend({ articleId: z.string(), confidence: z.number(), matchedText: z.string(), matchedTerms: z.array(z.string()), locales: z.array(localeSchema), rank: z.number().int().positive() }),
  ),
  /** How the confidences were fitted on this knowledge base (null while it prepares or when it is too small to fit). */
  calibration: z.object({ heldOut: z.number(), outOfScope: z.number(), topRight: z.number() }).nullable(),
});

/** The documents by the names the editor uses for them. */
export const editorDocumentSchemas = {
  articleSummary: articleSummarySchema,
  articleView: articleViewSchema,
  article: articleSchema,
  revision: revisionViewSchema,
  synonymList: synonymListViewSchema,
  synonymRevision: synonymRevisionViewSchema,
  gapCluster: gapClusterSchema,
  resolvedGap: resolvedGapSchema,
  tryIt: tryItResultSchema,
};
