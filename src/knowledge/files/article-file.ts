import { z } from 'zod';
import { localeSchema } from '../../config/config-schema.js';
import { articleStatusSchema } from '../article.js';

/** The front matter of a knowledge-base file: `knowledge-base/<category>/<id>.<locale>.md`. */
export const articleFrontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected lowercase kebab-case, e.g. warranty-period' }),
  locale: localeSchema,
  title: z.string().min(1).max(300),
  questions: z.array(z.string().min(1).max(500)).default([]),
  category: z.string().min(1).max(100),
  tags: z.array(z.coerce.string().max(50)).default([]),
  status: articleStatusSchema.default('published'),
});
export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

/** One parsed knowledge-base file. */
export interface ArticleFile extends ArticleFrontMatter {
  path: string;
  answer: string;
}
