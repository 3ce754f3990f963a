import type { DocumentStore, Pipeline } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';
import { csatResponseSchema, type CsatResponse } from './csat-response.js';

/** CSAT figures for one group: responses, average score, share of 4–5 ratings. */
export interface CsatFigures {
  key: string | null;
  responses: number;
  averageScore: number;
  satisfied: number;
  /** Share of responses scoring 4 or 5, 0–1. */
  csat: number;
}

export interface CsatSummary {
  overall: CsatFigures | null;
  byChannel: CsatFigures[];
  byAgent: CsatFigures[];
}

const figures = (groupKey: string | null): Pipeline => [
  { $group: { _id: groupKey, responses: { $sum: 1 }, scoreSum: { $sum: '$score' }, satisfied: { $sum: { $cond: [{ $gte: ['$score', 4] }, 1, 0] } } } },
  {
    $project: {
      _id: 0,
      key: '$_id',
      responses: 1,
      satisfied: 1,
      averageScore: { $round: [{ $divide: ['$scoreSum', '$responses'] }, 2] },
      csat: { $round: [{ $divide: ['$satisfied', '$responses'] }, 4] },
    },
  },
  { $sort: { key: 1 } },
];

/** Stored satisfaction ratings and the report pipeline over them. */
export class CsatRepository {
  private readonly responses;

  constructor(store: DocumentStore) {
    this.responses = store.collection<CsatResponse>('csat_responses');
  }

  /** Stores a rating; a second one for the same conversation throws `DuplicateKeyError`. */
  record(input: Omit<CsatResponse, '_id'>): Promise<CsatResponse> {
    return this.responses.insertOne(csatResponseSchema.parse({ _id: newId('csat'), ...input }));
  }

  /** Adds the customer's optional comment to the rating of a conversation. */
  async addComment(conversationId: string, comment: string): Promise<void> {
    await this.responses.updateOne({ conversationId }, { $set: { comment } });
  }

  forConversation(conversationId: string): Promise<CsatResponse | null> {
    return this.responses.findOne({ conversationId });
  }

  /** CSAT overall, per channel and per agent for ratings answered in [from, to). */
  async summary(from: Date, to: Date): Promise<CsatSummary> {
    const [result] = await this.responses.aggregate<{ overall: CsatFigures[]; byChannel: CsatFigures[]; byAgent: CsatFigures[] }>([
      { $match: { answeredAt: { $gte: from, $lt: to } } },
      {
        $facet: {
          overall: figures(null),
          byChannel: figures('$channel'),
          byAgent: [{ $match: { handledBy: 'agent' } }, ...figures('$agentId')],
        },
      },
    ]);
    return { overall: result?.overall[0] ?? null, byChannel: result?.byChannel ?? [], byAgent: result?.byAgent ?? [] };
  }
}
