import { z } from 'zod';
import { localeSchema } from '../../config/config-schema.js';
import type { DocumentStore } from '../../storage/document-store.js';

/** What an editor did with a cluster of questions. */
export const gapActionSchema = z.enum(['article', 'variants', 'dismissed']);
export type GapAction = z.infer<typeof gapActionSchema>;

/**
 * A handled content gap (`content_gaps`): the cluster's questions leave the open list, and
 * for an article or variants the cluster's signature (its centroid terms with their
 * weights) is kept, so later questions "of that kind" can be counted before and after.
 */
export const contentGapSchema = z.object({
  _id: z.string(),
  action: gapActionSchema,
  questionIds: z.array(z.string()),
  examples: z.array(z.string()),
  /** The cluster's distinct question texts, folded (at most 500): these count as "of that kind" whatever their similarity. */
  texts: z.array(z.string()).default([]),
  slug: z.string().optional(),
  locale: localeSchema.optional(),
  signature: z.record(z.string(), z.number()),
  idf: z.record(z.string(), z.number()),
  unseenIdf: z.number(),
  /** The cluster's first question. */
  firstAt: z.date(),
  at: z.date(),
  by: z.string(),
});
export type ContentGap = z.infer<typeof contentGapSchema>;

/** The store of handled gaps. */
export class ContentGapRepository {
  private readonly gaps;

  constructor(store: DocumentStore) {
    this.gaps = store.collection<ContentGap>('content_gaps');
  }

  add(gap: ContentGap): Promise<ContentGap> {
    return this.gaps.insertOne(contentGapSchema.parse(gap));
  }

  /** Every handled gap, newest first. */
  all(): Promise<ContentGap[]> {
    return this.gaps.find({}, { sort: { at: -1 } });
  }
}
