import { z } from 'zod';
import { offsetMinutes } from '../core/zone-offset.js';
import { ValidationError } from '../core/app-error.js';

/** The period a report covers, in the business's time zone, and how it is bucketed. */
export interface ReportRange {
  /** First local day, `YYYY-MM-DD`. */
  from: string;
  /** Last local day, `YYYY-MM-DD` (inclusive). */
  to: string;
  bucket: 'day' | 'week';
  timezone: string;
  /** `[start, end)` as instants. */
  start: Date;
  end: Date;
  /** What `$dateToString` gets as `timezone`: a fixed `+07:00` offset when the zone keeps one over the range, else the zone name. */
  zone: string;
  /** `$dateToString` format of a bucket: `%Y-%m-%d` or ISO week `%G-W%V`. */
  format: string;
}

/** The longest period one report covers, in days (a leap year); a longer one is refused with 400. */
export const maxReportDays = 366;

// A real calendar day (no 2024-02-30) in the years 1000–2999: `Date.UTC` reads years below
// 100 as 19xx, `Intl` writes years below 1 with an era, and year 10000 has no YYYY form.
const isRealDay = (day: string) => day >= '1000-01-01' && day <= '2999-12-31' && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD', abort: true })
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && isRealDay(day), { error: 'expected a real calendar day in the years 1000 to 2999' });

/** The query string of a report: `from`, `to` (local days, inclusive) and `bucket`. */
export const reportQuerySchema = z
  .strictObject({ from: isoDay.optional(), to: isoDay.optional(), bucket: z.enum(['day', 'week']).default('day') })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { error: 'from must not be after to', path: ['from'] });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const dayMs = 86_400_000;

/** The instant a local day starts in `zone`. */
function localMidnight(day: string, zone: string): Date {
  const utc = Date.parse(`${day}T00:00:00Z`);
  return new Date(utc - offsetMinutes(zone, utc) * 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function localDay(at: Date, zone: string): string {
  return new Date(at.getTime() + offsetMinutes(zone, at.getTime()) * 60_000).toISOString().slice(0, 10);
}

/**
 * Resolves a report query (default: the last 30 days up to today) in `timezone`. A period
 * longer than `maxReportDays` (e.g. `from` years back, `to` defaulting to today) throws
 * `ValidationError` naming `from`: the work grows with the days covered.
 */
export function reportRange(query: ReportQuery, timezone: string, now = new Date()): ReportRange {
  const to = query.to ?? localDay(now, timezone);
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * dayMs).toISOString().slice(0, 10);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs + 1;
  if (days > maxReportDays) {
    throw new ValidationError('query', [{ path: 'from', message: `a report covers at most ${maxReportDays} days; ${from} to ${to} is ${days.toLocaleString('en')}` }]);
  }
  const start = localMidnight(from, timezone);
  const end = localMidnight(new Date(Date.parse(`${to}T00:00:00Z`) + dayMs).toISOString().slice(0, 10), timezone);
  const offsets = new Set<number>();
  for (let at = start.getTime(); at <= end.getTime(); at += dayMs / 4) offsets.add(offsetMinutes(timezone, at));
  const zone = offsets.size === 1 ? formatOffset([...offsets][0]!) : timezone;
  return { from, to, bucket: query.bucket, timezone, start, end, zone, format: query.bucket === 'week' ? '%G-W%V' : '%Y-%m-%d' };
}
