import type { DocumentStore, Pipeline } from '../storage/document-store.js';
import type { ReportRange } from './report-range.js';

/** CSAT figures of one group (a channel, an agent, a day…). */
export interface CsatFigures {
  key: string | null;
  responses: number;
  averageScore: number;
  satisfied: number;
  /** Share of responses scoring 4 or 5, 0–1. */
  csat: number;
}

/** Surveys sent and answered in one group. */
export interface ResponseRateFigures {
  key: string | null;
  prompted: number;
  answered: number;
  /** answered / prompted, 0–1. */
  responseRate: number;
}

/** Every CSAT split the dashboard shows. */
export interface CsatReport {
  overall: CsatFigures | null;
  byChannel: CsatFigures[];
  byAgent: CsatFigures[];
  bySegment: CsatFigures[];
  byHandledBy: CsatFigures[];
  series: CsatFigures[];
  responseRate: { overall: ResponseRateFigures | null; byChannel: ResponseRateFigures[]; byAgent: ResponseRateFigures[]; bySegment: ResponseRateFigures[]; byHandledBy: ResponseRateFigures[]; series: ResponseRateFigures[] };
}

const dimensions = ['channel', 'agentId', 'segment', 'handledBy'] as const;
const facetNames = { channel: 'byChannel', agentId: 'byAgent', segment: 'bySegment', handledBy: 'byHandledBy' } as const;

/** Groups the counted cells by one key and computes CSAT figures. */
const csatFigures = (key: string | null): Pipeline => [
  {
    $group: {
      _id: key,
      responses: { $sum: '$n' },
      scoreSum: { $sum: { $multiply: ['$_id.score', '$n'] } },
      satisfied: { $sum: { $cond: [{ $gte: ['$_id.score', 4] }, '$n', 0] } },
    },
  },
  { $project: { _id: 0, key: '$_id', responses: 1, satisfied: 1, averageScore: { $round: [{ $divide: ['$scoreSum', '$responses'] }, 2] }, csat: { $round: [{ $divide: ['$satisfied', '$responses'] }, 4] } } },
  { $sort: { key: 1 } },
];

const rateFigures = (key: string | null): Pipeline => [
  { $group: { _id: key, prompted: { $sum: '$n' }, answered: { $sum: { $cond: [{ $in: ['$_id.status', ['rated', 'done']] }, '$n', 0] } } } },
  { $project: { _id: 0, key: '$_id', prompted: 1, answered: 1, responseRate: { $round: [{ $divide: ['$answered', '$prompted'] }, 4] } } },
  { $sort: { key: 1 } },
];

/**
 * The CSAT report over `csat_responses` (answered in the range) and `csat_prompts` (sent in
 * the range). The store counts documents per cell (channel × agent × segment × bot/agent
 * × score or status, and period × score or status) — on the embedded store as SQL
 * GROUP BYs — and `$facet` folds the few cells into every split. Identical on MongoDB.
 */
export async function csatReport(store: DocumentStore, range: ReportRange): Promise<CsatReport> {
  const period = (field: string) => ({ $dateToString: { format: range.format, date: `$${field}`, timezone: range.zone } });
  const cell = Object.fromEntries(dimensions.map((dimension) => [dimension, `$${dimension}`]));
  type Facets<T> = { overall: T[]; series: T[]; byChannel: T[]; byAgent: T[]; bySegment: T[]; byHandledBy: T[] };
  // Two passes per collection keep the cells few: splits without time (≤ channels × agents ×
  // segments × 2 × 5 cells), and time alone (≤ periods × 5); crossing both would not shrink.
  const cells = async <T>(collection: string, date: string, measure: string, figures: (key: string | null) => Pipeline): Promise<Facets<T> | undefined> => {
    const match = { $match: { [date]: { $gte: range.start, $lt: range.end } } };
    const [splits] = await store.collection(collection).aggregate<Facets<T>>([
      match,
      { $group: { _id: { ...cell, [measure]: `$${measure}` }, n: { $sum: 1 } } },
      { $facet: { overall: figures(null), ...Object.fromEntries(dimensions.map((dimension) => [facetNames[dimension], figures(`$_id.${dimension}`)])) } },
    ]);
    const series = await store.collection(collection).aggregate<T>([match, { $group: { _id: { period: period(date), [measure]: `$${measure}` }, n: { $sum: 1 } } }, ...figures('$_id.period')]);
    return splits ? { ...splits, series } : undefined;
  };
  const responses = await cells<CsatFigures>('csat_responses', 'answeredAt', 'score', csatFigures);
  const prompts = await cells<ResponseRateFigures>('csat_prompts', 'promptedAt', 'status', rateFigures);
  const split = <T>(result: Facets<T> | undefined) => ({
    overall: result?.overall[0] ?? null,
    byChannel: result?.byChannel ?? [],
    byAgent: result?.byAgent ?? [],
    bySegment: result?.bySegment ?? [],
    byHandledBy: result?.byHandledBy ?? [],
    series: result?.series ?? [],
  });
  return { ...split(responses), responseRate: split(prompts) };
}
