import type { DocumentStore } from '../storage/document-store.js';
import { npsGroupOf, surveyScales } from '../surveys/survey-scale.js';
import type { ResponseRateFigures } from './csat-report.js';
import type { ReportRange } from './report-range.js';

/** How many answers gave one score. */
export interface ScoreCount {
  score: number;
  responses: number;
}

/** NPS over the answers of a period: % promoters (9–10) − % detractors (0–6), −100 to 100, one decimal. */
export interface NpsFigures {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number;
  /** Every score 0–10 with its count (zeros included). */
  distribution: ScoreCount[];
}

/** CES over the answers of a period: the average of 1–7 (7 = very easy), two decimals, and its distribution. */
export interface CesFigures {
  responses: number;
  averageScore: number;
  /** Every score 1–7 with its count (zeros included). */
  distribution: ScoreCount[];
}

/** NPS figures of one group (a channel, an agent; null key: no agent), without the distribution. */
export type NpsGroupFigures = { key: string | null } & Omit<NpsFigures, 'distribution'>;
/** CES figures of one group, without the distribution. */
export type CesGroupFigures = { key: string | null } & Omit<CesFigures, 'distribution'>;

/** Surveys of one kind sent and answered in the period (`survey_prompts`), overall and split. */
export interface SurveyResponseRates {
  overall: ResponseRateFigures | null;
  byChannel: ResponseRateFigures[];
  byAgent: ResponseRateFigures[];
}

/**
 * The NPS and CES figures of a period (null for a kind with no answer in it), split by
 * channel and by agent, with each kind's response rate (answered ÷ prompted).
 */
export interface SurveyReport {
  nps: NpsFigures | null;
  ces: CesFigures | null;
  npsSplits: { byChannel: NpsGroupFigures[]; byAgent: NpsGroupFigures[] };
  cesSplits: { byChannel: CesGroupFigures[]; byAgent: CesGroupFigures[] };
  responseRate: { nps: SurveyResponseRates; ces: SurveyResponseRates };
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function distributionOf(kind: 'nps' | 'ces', counts: Map<number, number>): ScoreCount[] {
  const { min, max } = surveyScales[kind];
  return Array.from({ length: max - min + 1 }, (_, index) => ({ score: min + index, responses: counts.get(min + index) ?? 0 }));
}

function npsFigures(counts: Map<number, number>): NpsFigures | null {
  const groups = { promoter: 0, passive: 0, detractor: 0 };
  for (const [score, n] of counts) groups[npsGroupOf(score)] += n;
  const responses = groups.promoter + groups.passive + groups.detractor;
  if (responses === 0) return null;
  const nps = round(((groups.promoter - groups.detractor) / responses) * 100, 1);
  return { responses, promoters: groups.promoter, passives: groups.passive, detractors: groups.detractor, nps, distribution: distributionOf('nps', counts) };
}

function cesFigures(counts: Map<number, number>): CesFigures | null {
  const responses = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (responses === 0) return null;
  const sum = [...counts].reduce((total, [score, n]) => total + score * n, 0);
  return { responses, averageScore: round(sum / responses, 2), distribution: distributionOf('ces', counts) };
}

/** One counted cell: answers (or prompts) of a kind with one score (or status) on one channel for one agent. */
interface Cell {
  kind: string;
  measure: number | string;
  channel: string;
  agentId: string | null;
  n: number;
}
type Split = 'channel' | 'agentId';

/** The cells grouped by one field, sorted by key as the CSAT splits are (null, the bot, first). */
function groupsOf(cells: Cell[], field: Split): [string | null, Cell[]][] {
  const groups = new Map<string | null, Cell[]>();
  for (const cell of cells) {
    const group = groups.get(cell[field]);
    if (group) group.push(cell);
    else groups.set(cell[field], [cell]);
  }
  return [...groups].sort(([a], [b]) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1));
}

const scoreCounts = (cells: Cell[]) => {
  const counts = new Map<number, number>();
  for (const { measure, n } of cells) counts.set(Number(measure), (counts.get(Number(measure)) ?? 0) + n);
  return counts;
};

function scoreSplit<F extends { distribution: ScoreCount[] }>(cells: Cell[], field: Split, figures: (counts: Map<number, number>) => F | null) {
  return groupsOf(cells, field).flatMap(([key, group]) => {
    const result = figures(scoreCounts(group));
    if (!result) return [];
    const { distribution: _distribution, ...rest } = result;
    return [{ key, ...rest }];
  });
}

const answeredStatuses = ['rated', 'done'];
function rateFigures(key: string | null, cells: Cell[]): ResponseRateFigures {
  const prompted = cells.reduce((sum, { n }) => sum + n, 0);
  const answered = cells.reduce((sum, { measure, n }) => sum + (answeredStatuses.includes(String(measure)) ? n : 0), 0);
  return { key, prompted, answered, responseRate: round(answered / prompted, 4) };
}

function responseRates(cells: Cell[]): SurveyResponseRates {
  const split = (field: Split) => groupsOf(cells, field).map(([key, group]) => rateFigures(key, group));
  return { overall: cells.length ? rateFigures(null, cells) : null, byChannel: split('channel'), byAgent: split('agentId') };
}

/** Counts a collection's documents of the range per kind × `measure` × channel × agent. */
async function countCells(store: DocumentStore, collection: string, date: string, measure: string, range: ReportRange): Promise<Cell[]> {
  const rows = await store.collection(collection).aggregate<{ _id: { kind: string; measure: number | string; channel: string; agentId?: string | null }; n: number }>([
    { $match: { [date]: { $gte: range.start, $lt: range.end } } },
    { $group: { _id: { kind: '$kind', measure: `$${measure}`, channel: '$channel', agentId: '$agentId' }, n: { $sum: 1 } } },
  ]);
  return rows.map(({ _id, n }) => ({ kind: _id.kind, measure: _id.measure, channel: _id.channel, agentId: _id.agentId ?? null, n }));
}

/**
 * The NPS and CES report over `survey_responses` answered in the range and `survey_prompts`
 * sent in it: the store counts the documents per kind, score (or status), channel and agent
 * (a SQL GROUP BY on the embedded store, the same pipeline on MongoDB), and the few cells
 * become the standard figures, overall, by channel and by agent.
 */
export async function surveyReport(store: DocumentStore, range: ReportRange): Promise<SurveyReport> {
  const answers = await countCells(store, 'survey_responses', 'answeredAt', 'score', range);
  const prompts = await countCells(store, 'survey_prompts', 'promptedAt', 'status', range);
  const of = (kind: 'nps' | 'ces', cells: Cell[]) => cells.filter((cell) => cell.kind === kind);
  const [nps, ces] = [of('nps', answers), of('ces', answers)];
  return {
    nps: npsFigures(scoreCounts(nps)),
    ces: cesFigures(scoreCounts(ces)),
    npsSplits: { byChannel: scoreSplit(nps, 'channel', npsFigures), byAgent: scoreSplit(nps, 'agentId', npsFigures) },
    cesSplits: { byChannel: scoreSplit(ces, 'channel', cesFigures), byAgent: scoreSplit(ces, 'agentId', cesFigures) },
    responseRate: { nps: responseRates(of('nps', prompts)), ces: responseRates(of('ces', prompts)) },
  };
}
