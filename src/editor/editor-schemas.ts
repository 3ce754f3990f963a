import { z } from 'zod';
import { localeSchema } from '../config/config-schema.js';
import { articleStatusSchema } from '../knowledge/article.js';

/** An article id as in file names and URLs. */
export const slugSchema = z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected lowercase kebab-case, e.g. gift-cards' });

/** The fields an editor writes. */
export const editableContentSchema = z.strictObject({
  title: z.string().trim().min(1).max(300),
  questions: z.array(z.string().trim().min(1).max(500)).max(200).default([]),
  answer: z.string().trim().min(1).max(20_000),
  category: z.string().trim().min(1).max(100),
  tags: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
});

export const articleParams = z.object({ slug: slugSchema, locale: localeSchema });
export const slugParams = z.object({ slug: slugSchema });
export const revisionParams = articleParams.extend({ revision: z.coerce.number().int().positive() });

export const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  locale: localeSchema.optional(),
  category: z.string().trim().min(1).max(100).optional(),
  status: articleStatusSchema.optional(),
});

export const createBody = editableContentSchema.extend({ slug: slugSchema, locale: localeSchema });
/**
 * The version an edit started from (see `EditBase`): the translation's revision (0: it did
 * not exist yet) and its draft's revision (null or absent: no draft). Without
 * `baseRevision` the save is unconditional.
 */
const editBaseFields = {
  baseRevision: z.number().int().nonnegative().optional(),
  baseDraftRevision: z.number().int().positive().nullable().optional(),
};
export const saveBody = editableContentSchema.extend(editBaseFields);
export const publishBody = z.strictObject(editBaseFields);
export const diffQuery = z.object({ against: z.coerce.number().int().positive().optional() });
export const previewBody = z.strictObject({ markdown: z.string().max(20_000) });
export const tryBody = z.strictObject({ text: z.string().trim().min(1).max(2000), locale: localeSchema.optional() });

export const clusterParams = z.object({ id: z.string().min(1).max(100) });
export const gapArticleBody = createBody.extend({ publish: z.boolean().default(true) });
export const gapVariantsBody = z.strictObject({
  slug: slugSchema,
  locale: localeSchema,
  questions: z.array(z.string().trim().min(1).max(500)).min(1).max(200).optional(),
  publish: z.boolean().default(true),
});

export const synonymParams = z.object({ locale: localeSchema });
/**
 * A language's synonym groups as the editor sends them; the shape only. Short groups,
 * empty and duplicate members are refused by the repository, naming the field.
 */
export const synonymsBody = z.strictObject({
  groups: z.array(z.array(z.string().max(60)).max(30)).max(5000),
  baseRevision: z.number().int().nonnegative().optional(),
});
