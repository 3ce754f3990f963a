import { z } from 'zod';
import type { CsatComment } from './csat-comments.js';
import type { CsatFigures, CsatReport, ResponseRateFigures } from './csat-report.js';
import type { ConversationFigures, OperationsReport } from './operations-report.js';
import type { DashboardReport } from './report-csv.js';
import type { CesFigures, NpsFigures, SurveyReport } from './survey-report.js';

/**
 * The report the dashboard receives (`GET /api/reports`), as a schema: `GET /api/schemas`
 * serves it as JSON Schema and the dashboard checks each answer against it. The checks at the
 * end of this file fail to compile when the report's types and this schema part ways.
 */
const key = z.string().nullable();
const csatFiguresSchema = z.object({ key, responses: z.number(), averageScore: z.number(), satisfied: z.number(), csat: z.number() });
const responseRateSchema = z.object({ key, prompted: z.number(), answered: z.number(), responseRate: z.number() });
const csatSplits = { byChannel: z.array(csatFiguresSchema), byAgent: z.array(csatFiguresSchema), bySegment: z.array(csatFiguresSchema), byHandledBy: z.array(csatFiguresSchema), series: z.array(csatFiguresSchema) };
const csatReportSchema = z.object({
  overall: csatFiguresSchema.nullable(),
  ...csatSplits,
  responseRate: z.object({ overall: responseRateSchema.nullable(), byChannel: z.array(responseRateSchema), byAgent: z.array(responseRateSchema), bySegment: z.array(responseRateSchema), byHandledBy: z.array(responseRateSchema), series: z.array(responseRateSchema) }),
});

const conversationFiguresSchema = z.object({ key, conversations: z.number(), escalated: z.number(), repeated: z.number(), botAnswered: z.number(), botResolved: z.number(), ended: z.number(), endedFirstContact: z.number() });
const ticketTimes = { created: z.number(), averageFirstResponseMs: z.number().nullable(), averageResolutionMs: z.number().nullable() };
const messageCounts = z.object({ key: z.string(), inbound: z.number(), outbound: z.number() });
const operationsReportSchema = z.object({
  conversations: conversationFiguresSchema.nullable(),
  conversationsByChannel: z.array(conversationFiguresSchema),
  conversationSeries: z.array(conversationFiguresSchema),
  escalationRate: z.number().nullable(),
  firstContactResolution: z.number().nullable(),
  botResolution: z.number().nullable(),
  tickets: z.object(ticketTimes),
  ticketSeries: z.array(z.object({ key: z.string(), ...ticketTimes })),
  messagesByChannel: z.array(messageCounts),
  messageSeries: z.array(messageCounts),
  unanswered: z.array(z.object({ text: z.string(), count: z.number() })),
});

const scoreCountSchema = z.object({ score: z.number(), responses: z.number() });
const npsCounts = { responses: z.number(), promoters: z.number(), passives: z.number(), detractors: z.number(), nps: z.number() };
const cesCounts = { responses: z.number(), averageScore: z.number() };
const npsFiguresSchema = z.object({ ...npsCounts, distribution: z.array(scoreCountSchema) });
const cesFiguresSchema = z.object({ ...cesCounts, distribution: z.array(scoreCountSchema) });
const npsGroupSchema = z.object({ key, ...npsCounts });
const cesGroupSchema = z.object({ key, ...cesCounts });
const surveyRatesSchema = z.object({ overall: responseRateSchema.nullable(), byChannel: z.array(responseRateSchema), byAgent: z.array(responseRateSchema) });
const surveyReportSchema = z.object({
  nps: npsFiguresSchema.nullable(),
  ces: cesFiguresSchema.nullable(),
  npsSplits: z.object({ byChannel: z.array(npsGroupSchema), byAgent: z.array(npsGroupSchema) }),
  cesSplits: z.object({ byChannel: z.array(cesGroupSchema), byAgent: z.array(cesGroupSchema) }),
  responseRate: z.object({ nps: surveyRatesSchema, ces: surveyRatesSchema }),
});

const csatCommentSchema = z.object({ score: z.number(), comment: z.string(), channel: z.string(), agentId: z.string().optional(), agentName: z.string().optional(), conversationId: z.string(), answeredAt: z.date() });

export const dashboardReportSchema = z.object({
  range: z.object({ from: z.string(), to: z.string(), bucket: z.enum(['day', 'week']), timezone: z.string() }),
  agentNames: z.record(z.string(), z.string()),
  csat: csatReportSchema,
  surveys: surveyReportSchema,
  operations: operationsReportSchema,
  latestComments: z.array(csatCommentSchema),
});

/** The documents of the dashboard, by the name `GET /api/schemas` gives them. */
export const reportDocumentSchemas = { dashboardReport: dashboardReportSchema };

// Compile-time: each schema describes exactly its report type (either drifting fails `tsc`).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agrees<T extends true> = T;
export type ReportSchemasAgree = [
  Agrees<Same<z.infer<typeof csatFiguresSchema>, CsatFigures>>,
  Agrees<Same<z.infer<typeof responseRateSchema>, ResponseRateFigures>>,
  Agrees<Same<z.infer<typeof csatReportSchema>, CsatReport>>,
  Agrees<Same<z.infer<typeof conversationFiguresSchema>, ConversationFigures>>,
  Agrees<Same<z.infer<typeof operationsReportSchema>, OperationsReport>>,
  Agrees<Same<z.infer<typeof npsFiguresSchema>, NpsFigures>>,
  Agrees<Same<z.infer<typeof cesFiguresSchema>, CesFigures>>,
  Agrees<Same<z.infer<typeof surveyReportSchema>, SurveyReport>>,
  Agrees<Same<z.infer<typeof csatCommentSchema>, CsatComment>>,
  Agrees<Same<z.infer<typeof dashboardReportSchema>, DashboardReport>>,
];
