import { offsetMinutes } from '../../core/zone-offset.js';
const dayMs = 86_400_000;

/** The offset in force from `from` (an instant as ISO text, or null for the start of the range) on. */
export interface OffsetSpan {
  from: string | null;
  minutes: number;
}

const minuteMs = 60_000;

/**
 * The offsets of `zone` over `[start, end]` as spans, each change found to the minute
 * (zones change offset on whole minutes); null for ranges over 20 years.
 */
export function offsetSpans(zone: string, start: Date, end: Date): OffsetSpan[] | null {
  const first = Math.floor(start.getTime() / minuteMs) * minuteMs;
  const last = Math.ceil(end.getTime() / minuteMs) * minuteMs;
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first || last - first > 20 * 366 * dayMs) return null;
  const spans: OffsetSpan[] = [{ from: null, minutes: offsetMinutes(zone, first) }];
  for (let day = first; day < last; day += dayMs) {
    const next = Math.min(day + dayMs, last);
    const before = spans.at(-1)!.minutes;
    if (offsetMinutes(zone, next) === before) continue;
    // The first minute after `day` with the new offset (offsets change at most once a day).
    let low = day;
    let high = next;
    while (high - low > minuteMs) {
      const middle = low + Math.floor((high - low) / minuteMs / 2) * minuteMs;
      if (offsetMinutes(zone, middle) === before) low = middle;
      else high = middle;
    }
    spans.push({ from: new Date(high).toISOString(), minutes: offsetMinutes(zone, high) });
  }
  return spans;
}

/** Whether every UTC hour lies in one span with a whole-hour offset (then an hour never straddles two local periods). */
export function isWholeHours(spans: OffsetSpan[]): boolean {
  return spans.every((span) => span.minutes % 60 === 0 && (span.from === null || span.from.slice(13) === ':00:00.000Z'));
}

/**
 * SQL for strftime's modifier argument: the offset in force at `instant`, an SQL expression
 * giving ISO text; `length` compares only that many leading characters (13 for an hour column).
 */
export function offsetModifierSql(spans: OffsetSpan[], instant: string, length = 24): string {
  const modifier = (minutes: number) => `'${minutes >= 0 ? '+' : ''}${minutes} minutes'`;
  if (spans.length === 1) return modifier(spans[0]!.minutes);
  const cases = spans.slice(1).map((span, index) => `WHEN ${instant} < '${span.from!.slice(0, length)}' THEN ${modifier(spans[index]!.minutes)}`);
  return `CASE ${cases.join(' ')} ELSE ${modifier(spans.at(-1)!.minutes)} END`;
}
