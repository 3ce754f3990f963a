import { csvLine } from '../core/csv.js';
import type { CsatReport } from './csat-report.js';
import type { CsatComment } from './csat-comments.js';
import type { OperationsReport } from './operations-report.js';
import type { SurveyReport } from './survey-report.js';

/** The reports, as the JSON API gives them. */
export interface DashboardReport {
  range: { from: string; to: string; bucket: 'day' | 'week'; timezone: string };
  /** Display names of the agents in the CSAT, NPS and CES splits, by id. */
  agentNames: Record<string, string>;
  csat: CsatReport;
  /** NPS and CES (`survey_responses`). */
  surveys: SurveyReport;
  operations: OperationsReport;
  /** The latest survey comments of the period, newest first (not in the CSV). */
  latestComments: CsatComment[];
}


type Row = [section: string, key: string | null, metric: string, value: unknown];

function groupRows(section: string, groups: object[], keyField = 'key'): Row[] {
  return groups.flatMap((group) => {
    const record = group as Record<string, unknown>;
    return Object.entries(record)
      .filter(([field]) => field !== keyField)
      .map(([field, value]): Row => [section, (record[keyField] as string | null) ?? '', field, value]);
  });
}

/**
 * NPS and CES: `nps.overall,all,nps,20`, `nps.distribution,9,responses,3`, `ces.overall,all,averageScore,5.5`,
 * the splits (`nps.byChannel,telegram,nps,100`, `ces.byAgent,Ann,averageScore,6`) and the
 * response rates (`nps.responseRate.overall,all,responseRate,0.7`); agents as `byName` names them.
 */
function surveyRows({ nps, ces, npsSplits, cesSplits, responseRate }: SurveyReport, byName: <G extends { key: string | null }>(groups: G[]) => object[]): Row[] {
  const splits = (kind: string, groups: { byChannel: { key: string | null }[]; byAgent: { key: string | null }[] }): Row[] => [
    ...groupRows(`${kind}.byChannel`, groups.byChannel),
    ...groupRows(`${kind}.byAgent`, byName(groups.byAgent)),
  ];
  const rates = (kind: 'nps' | 'ces'): Row[] => {
    const { overall } = responseRate[kind];
    return [...groupRows(`${kind}.responseRate.overall`, overall ? [{ ...overall, key: 'all' }] : []), ...splits(`${kind}.responseRate`, responseRate[kind])];
  };
  const overall = (kind: string, figures: object | null): Row[] =>
    figures ? Object.entries(figures).filter(([field]) => field !== 'distribution').map(([field, value]): Row => [`${kind}.overall`, 'all', field, value]) : [];
  const distribution = (kind: string, counts: { score: number; responses: number }[] = []): Row[] => counts.map(({ score, responses }): Row => [`${kind}.distribution`, String(score), 'responses', responses]);
  return [
    ...overall('nps', nps), ...distribution('nps', nps?.distribution), ...splits('nps', npsSplits), ...rates('nps'),
    ...overall('ces', ces), ...distribution('ces', ces?.distribution), ...splits('ces', cesSplits), ...rates('ces'),
  ];
}

/**
 * The dashboard's numbers as CSV, one per line: `section,key,metric,value` (e.g.
 * `csat.byChannel,webchat,csat,0.8`), so a spreadsheet can pivot them. The same figures as
 * the JSON API.
 */
export function reportCsv(report: DashboardReport): string {
  const { csat, operations } = report;
  // Agents by the name the page shows (the bot for none), their id kept as its own metric.
  const byName = <G extends { key: string | null }>(groups: G[]) => groups.map((group) => ({ ...group, key: (group.key && report.agentNames[group.key]) || group.key || 'bot', agentId: group.key ?? '' }));
  const split = (groups: typeof csat, name: 'byChannel' | 'byAgent' | 'bySegment' | 'byHandledBy' | 'series') => (name === 'byAgent' ? byName(groups[name]) : groups[name]);
  const rateSplit = (name: 'byChannel' | 'byAgent' | 'bySegment' | 'byHandledBy' | 'series') => (name === 'byAgent' ? byName(csat.responseRate[name]) : csat.responseRate[name]);
  const rows: Row[] = [
    ['range', '', 'from', report.range.from],
    ['range', '', 'to', report.range.to],
    ['range', '', 'timezone', report.range.timezone],
    ...groupRows('csat.overall', csat.overall ? [{ ...csat.overall, key: 'all' }] : []),
    ...(['byChannel', 'byAgent', 'bySegment', 'byHandledBy', 'series'] as const).flatMap((name) => groupRows(`csat.${name}`, split(csat, name))),
    ...groupRows('responseRate.overall', csat.responseRate.overall ? [{ ...csat.responseRate.overall, key: 'all' }] : []),
    ...(['byChannel', 'byAgent', 'bySegment', 'byHandledBy', 'series'] as const).flatMap((name) => groupRows(`responseRate.${name}`, rateSplit(name))),
    ...surveyRows(report.surveys, byName),
    ['operations', 'all', 'escalationRate', operations.escalationRate],
    ['operations', 'all', 'firstContactResolution', operations.firstContactResolution],
    ['operations', 'all', 'botResolution', operations.botResolution],
    ['operations', 'all', 'ticketsCreated', operations.tickets.created],
    ['operations', 'all', 'averageFirstResponseMs', operations.tickets.averageFirstResponseMs],
    ['operations', 'all', 'averageResolutionMs', operations.tickets.averageResolutionMs],
    ...groupRows('conversations.overall', operations.conversations ? [{ ...operations.conversations, key: 'all' }] : []),
    ...groupRows('conversations.byChannel', operations.conversationsByChannel),
    ...groupRows('conversations.series', operations.conversationSeries),
    ...groupRows('tickets.series', operations.ticketSeries),
    ...groupRows('messages.byChannel', operations.messagesByChannel),
    ...groupRows('messages.series', operations.messageSeries),
    ...groupRows('unanswered', operations.unanswered, 'text'),
  ];
  return `${['section', 'key', 'metric', 'value'].join(',')}\r\n${rows.map((row) => csvLine(row)).join('\r\n')}\r\n`;
}
