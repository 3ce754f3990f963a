import { z } from 'zod';
import { localeSchema } from '../config/config-schema.js';

export const articleStatusSchema = z.enum(['draft', 'published', 'archived']);

/** The fields of an article that editors and files write. */
export const articleContentSchema = z.object({
  title: z.string().min(1).max(300),
  questions: z.array(z.string().min(1).max(500)).default([]),
  answer: z.string().min(1).max(20_000),
  category: z.string().min(1).max(100),
  tags: z.array(z.string().max(50)).default([]),
  status: articleStatusSchema,
});

/** One FAQ answer in one language; `slug` is the stable id shared by its translations. */
export const articleSchema = articleContentSchema.extend({
  _id: z.string(),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  locale: localeSchema,
  revision: z.number().int().positive(),
  source: z.enum(['file', 'editor']),
  createdAt: z.date(),
  updatedAt: z.date(),
  updatedBy: z.string().optional(),
});
export type Article = z.infer<typeof articleSchema>;

/** A saved version of an article, kept for history, diff and restore. */
export const articleRevisionSchema = articleContentSchema.extend({
  _id: z.string(),
  articleId: z.string(),
  revision: z.number().int().positive(),
  editedBy: z.string().optional(),
  editedAt: z.date(),
  /** What the save did (absent on revisions written before editors existed). */
  action: z.enum(['created', 'edited', 'published', 'archived', 'restored', 'imported']).optional(),
  /** For a restore: the revision whose content came back. */
  restoredFrom: z.number().int().positive().optional(),
});
export type ArticleRevision = z.infer<typeof articleRevisionSchema>;
export type RevisionAction = NonNullable<ArticleRevision['action']>;
