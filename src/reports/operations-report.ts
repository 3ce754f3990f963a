import type { DocumentStore } from '../storage/document-store.js';
import type { ReportRange } from './report-range.js';

/** Conversation counts of one group (a channel, a period). */
export interface ConversationFigures {
  key: string | null;
  conversations: number;
  /** Handed to a person. */
  escalated: number;
  /** The customer came back (another conversation, any channel) within 7 days. */
  repeated: number;
  /** The bot answered at least one question. */
  botAnswered: number;
  /** The bot answered, nobody escalated, the customer did not come back. */
  botResolved: number;
  /** Over: resolved by an agent or closed (a conversation still waiting or open is not). */
  ended: number;
  /** Over, and the customer did not come back within 7 days. */
  endedFirstContact: number;
}

/** Service figures beside CSAT. */
export interface OperationsReport {
  conversations: ConversationFigures | null;
  conversationsByChannel: ConversationFigures[];
  conversationSeries: ConversationFigures[];
  /** Share of conversations handed to a person. */
  escalationRate: number | null;
  /**
   * Of the conversations that are over (resolved or closed), the share after which the
   * customer did not come back within 7 days; conversations still waiting or open do not
   * count either way (`conversations.ended` is the denominator).
   */
  firstContactResolution: number | null;
  /** Of conversations the bot answered: share never escalated and not followed by another within 7 days. */
  botResolution: number | null;
  tickets: { created: number; averageFirstResponseMs: number | null; averageResolutionMs: number | null };
  ticketSeries: { key: string; created: number; averageFirstResponseMs: number | null; averageResolutionMs: number | null }[];
  messagesByChannel: { key: string; inbound: number; outbound: number }[];
  messageSeries: { key: string; inbound: number; outbound: number }[];
  unanswered: { text: string; count: number }[];
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/**
 * First response and resolution times, first-contact and bot resolution, escalation rate,
 * volume by channel and the most frequent unanswered questions, for conversations,
 * tickets, messages and logged questions created in the range. Every pipeline starts with
 * a range `$match` and a `$group` the embedded store runs as SQL.
 */
export async function operationsReport(store: DocumentStore, range: ReportRange): Promise<OperationsReport> {
  const inRange = (field: string) => ({ [field]: { $gte: range.start, $lt: range.end } });
  const period = (field: string) => ({ $dateToString: { format: range.format, date: `$${field}`, timezone: range.zone } });

  const conversationFacets = (key: string | null) => [
    {
      $group: {
        _id: key,
        conversations: { $sum: '$n' },
        escalated: { $sum: { $cond: ['$_id.escalated', '$n', 0] } },
        repeated: { $sum: { $cond: ['$_id.repeatContact', '$n', 0] } },
        botAnswered: { $sum: { $cond: ['$_id.botAnswered', '$n', 0] } },
        botResolved: { $sum: { $cond: [{ $and: ['$_id.botAnswered', { $not: ['$_id.escalated'] }, { $not: ['$_id.repeatContact'] }] }, '$n', 0] } },
        ended: { $sum: { $cond: [{ $in: ['$_id.state', ['resolved', 'closed']] }, '$n', 0] } },
        endedFirstContact: { $sum: { $cond: [{ $and: [{ $in: ['$_id.state', ['resolved', 'closed']] }, { $not: ['$_id.repeatContact'] }] }, '$n', 0] } },
      },
    },
    { $project: { _id: 0, key: '$_id', conversations: 1, escalated: 1, repeated: 1, botAnswered: 1, botResolved: 1, ended: 1, endedFirstContact: 1 } },
    { $sort: { key: 1 } },
  ];
  const [conversations] = await store.collection('conversations').aggregate<{ overall: ConversationFigures[]; byChannel: ConversationFigures[]; series: ConversationFigures[] }>([
    { $match: inRange('createdAt') },
    { $group: { _id: { channel: '$channel', period: period('createdAt'), state: '$state', escalated: '$escalated', repeatContact: '$repeatContact', botAnswered: '$botAnswered' }, n: { $sum: 1 } } },
    { $facet: { overall: conversationFacets(null), byChannel: conversationFacets('$_id.channel'), series: conversationFacets('$_id.period') } },
  ]);
  const overall = conversations?.overall[0] ?? null;

  const ticketTimes = { created: { $sum: 1 }, averageFirstResponseMs: { $avg: { $subtract: ['$firstResponseAt', '$createdAt'] } }, averageResolutionMs: { $avg: { $subtract: ['$resolvedAt', '$createdAt'] } } };
  const tickets = store.collection('tickets');
  const [ticketTotals] = await tickets.aggregate<{ created: number; averageFirstResponseMs: number | null; averageResolutionMs: number | null }>([{ $match: inRange('createdAt') }, { $group: { _id: null, ...ticketTimes } }]);
  const ticketSeries = await tickets.aggregate<OperationsReport['ticketSeries'][number]>([
    { $match: inRange('createdAt') },
    { $group: { _id: period('createdAt'), ...ticketTimes } },
    { $project: { _id: 0, key: '$_id', created: 1, averageFirstResponseMs: 1, averageResolutionMs: 1 } },
    { $sort: { key: 1 } },
  ]);

  const messageFigures = (key: string) => [
    { $group: { _id: key, inbound: { $sum: { $cond: [{ $eq: ['$_id.direction', 'in'] }, '$n', 0] } }, outbound: { $sum: { $cond: [{ $eq: ['$_id.direction', 'out'] }, '$n', 0] } } } },
    { $project: { _id: 0, key: '$_id', inbound: 1, outbound: 1 } },
    { $sort: { key: 1 } },
  ];
  const [messages] = await store.collection('messages').aggregate<{ byChannel: OperationsReport['messagesByChannel']; series: OperationsReport['messageSeries'] }>([
    { $match: inRange('createdAt') },
    { $group: { _id: { channel: '$channel', direction: '$direction', period: period('createdAt') }, n: { $sum: 1 } } },
    { $facet: { byChannel: messageFigures('$_id.channel'), series: messageFigures('$_id.period') } },
  ]);

  const unanswered = await store.collection('question_log').aggregate<{ text: string; count: number }>([
    { $match: { outcome: { $in: ['missed', 'rejected'] }, ...inRange('createdAt') } },
    { $group: { _id: '$text', count: { $sum: 1 } } },
    // Questions that differ only in case are the same question.
    { $group: { _id: { $toLower: { $trim: { input: '$_id' } } }, count: { $sum: '$count' } } },
    { $sort: { count: -1, _id: 1 } },
    { $limit: 10 },
    { $project: { _id: 0, text: '$_id', count: 1 } },
  ]);

  const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value));
  return {
    conversations: overall,
    conversationsByChannel: conversations?.byChannel ?? [],
    conversationSeries: conversations?.series ?? [],
    escalationRate: overall ? share(overall.escalated, overall.conversations) : null,
    firstContactResolution: overall ? share(overall.endedFirstContact, overall.ended) : null,
    botResolution: overall ? share(overall.botResolved, overall.botAnswered) : null,
    tickets: { created: ticketTotals?.created ?? 0, averageFirstResponseMs: round(ticketTotals?.averageFirstResponseMs), averageResolutionMs: round(ticketTotals?.averageResolutionMs) },
    ticketSeries: ticketSeries.map((row) => ({ ...row, averageFirstResponseMs: round(row.averageFirstResponseMs), averageResolutionMs: round(row.averageResolutionMs) })),
    messagesByChannel: messages?.byChannel ?? [],
    messageSeries: messages?.series ?? [],
    unanswered,
  };
}
