import type { DocumentStore } from '../storage/document-store.js';
import type { ReportRange } from './report-range.js';

/** One rated response with a comment, as the dashboard lists it and links it to its conversation. */
export interface CsatComment {
  score: number;
  comment: string;
  channel: string;
  /** The agent who had the conversation, when one did (`agentName` once looked up). */
  agentId?: string;
  agentName?: string;
  conversationId: string;
  answeredAt: Date;
}

/** How many comments the report lists. */
export const latestCommentsLimit = 20;

/**
 * The latest `limit` survey answers with a comment answered in the range, newest first
 * (an erased customer's comment is gone, so it is not listed).
 */
export async function latestCsatComments(store: DocumentStore, range: ReportRange, limit = latestCommentsLimit): Promise<CsatComment[]> {
  type Stored = CsatComment & { _id: string };
  const rows = await store.collection<Stored>('csat_responses').find({ answeredAt: { $gte: range.start, $lt: range.end }, comment: { $exists: true, $ne: '' } }, { sort: { answeredAt: -1, _id: -1 }, limit });
  return rows.map(({ score, comment, channel, agentId, conversationId, answeredAt }) => ({ score, comment, channel, ...(agentId ? { agentId } : {}), conversationId, answeredAt }));
}
