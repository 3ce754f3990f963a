import { Router } from 'express';
import { requireRole } from '../accounts/auth.js';
import type { UserRepository } from '../accounts/user-repository.js';
import type { DocumentStore } from '../storage/document-store.js';
import { validate } from '../http/validate.js';
import { csatReport } from './csat-report.js';
import { latestCsatComments, type CsatComment } from './csat-comments.js';
import { operationsReport } from './operations-report.js';
import { surveyReport } from './survey-report.js';
import { reportCsv, type DashboardReport } from './report-csv.js';
import { reportQuerySchema, reportRange } from './report-range.js';

/** Builds the reports (CSAT, NPS and CES, operations) for a query string (`from`, `to`, `bucket`), with the names of the agents in their splits. */
export async function dashboardReport(deps: ReportDeps, query: unknown): Promise<DashboardReport> {
  const range = reportRange(validate(reportQuerySchema, query, 'query'), deps.timezone);
  const [csat, surveys, operations] = [await csatReport(deps.store, range), await surveyReport(deps.store, range), await operationsReport(deps.store, range)];
  const agentNames: Record<string, string> = {};
  const agentIds = [...csat.byAgent, ...csat.responseRate.byAgent, ...surveys.npsSplits.byAgent, ...surveys.cesSplits.byAgent, ...surveys.responseRate.nps.byAgent, ...surveys.responseRate.ces.byAgent].map(({ key }) => key);
  for (const key of new Set(agentIds)) {
    const user = key ? await deps.users.get(key) : null;
    if (user) agentNames[user._id] = user.displayName;
  }
  const latestComments = await namedComments(deps, await latestCsatComments(deps.store, range));
  return { range: { from: range.from, to: range.to, bucket: range.bucket, timezone: range.timezone }, agentNames, csat, surveys, operations, latestComments };
}

/** The comments with the name of the agent who had each conversation. */
async function namedComments(deps: ReportDeps, comments: CsatComment[]): Promise<CsatComment[]> {
  const names = new Map<string, string | undefined>();
  for (const agentId of new Set(comments.map((comment) => comment.agentId).filter((id) => id !== undefined))) names.set(agentId, (await deps.users.get(agentId))?.displayName);
  return comments.map((comment) => {
    const agentName = comment.agentId ? names.get(comment.agentId) : undefined;
    return agentName ? { ...comment, agentName } : comment;
  });
}

interface ReportDeps {
  store: DocumentStore;
  users: UserRepository;
  timezone: string;
}

/**
 * The admin reports: `GET /api/reports?from=&to=&bucket=day|week` (JSON) and
 * `GET /api/reports/export.csv` (the same numbers as CSV). Admins only.
 */
export function reportRoutes(deps: ReportDeps): Router {
  const router = Router();
  router.use(requireRole('admin'));
  router.get('/', async (req, res) => {
    res.json(await dashboardReport(deps, req.query));
  });
  router.get('/export.csv', async (req, res) => {
    const report = await dashboardReport(deps, req.query);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="careline-report-${report.range.from}-${report.range.to}.csv"`);
    res.send(`\ufeff${reportCsv(report)}`);
  });
  return router;
}
