import { z } from 'zod';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** Opening time ranges per weekday, minutes after local midnight: `{ mon: [[480, 1050]] }`. */
export type WeeklyHours = Record<Weekday, [number, number][]>;

const dayRange = /^(mon|tue|wed|thu|fri|sat|sun)(?:-(mon|tue|wed|thu|fri|sat|sun))?$/;
const timeRange = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

function expandDays(spec: string): Weekday[] | null {
  const match = dayRange.exec(spec);
  if (!match) return null;
  const from = weekdays.indexOf(match[1] as Weekday);
  const to = weekdays.indexOf((match[2] ?? match[1]) as Weekday);
  return to >= from ? weekdays.slice(from, to + 1) : null;
}

/**
 * Parses weekly hours written as `mon-fri 08:00-17:30, sat 08:00-12:00`: comma-separated
 * entries of a weekday or weekday range and one time range. Days not named are closed.
 */
export function parseWeeklyHours(text: string): WeeklyHours | string {
  const hours = Object.fromEntries(weekdays.map((day) => [day, []])) as unknown as WeeklyHours;
  for (const entry of text.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean)) {
    const [daysSpec = '', timesSpec = '', extra] = entry.split(/\s+/);
    const days = expandDays(daysSpec);
    const times = timeRange.exec(timesSpec);
    if (!days || !times || extra !== undefined) return `"${entry}" is not like "mon-fri 08:00-17:30"`;
    const from = Number(times[1]) * 60 + Number(times[2]);
    const to = Number(times[3]) * 60 + Number(times[4]);
    if (to <= from || to > 1440) return `"${entry}" ends before it starts`;
    for (const day of days) hours[day].push([from, to]);
  }
  return hours;
}

export const weeklyHoursSchema = z.string().transform((text, ctx): WeeklyHours => {
  const parsed = parseWeeklyHours(text);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: `${parsed}; expected comma-separated "days HH:MM-HH:MM" entries` });
    return z.NEVER;
  }
  return parsed;
});

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Writes weekly hours back in the form `parseWeeklyHours` reads, one entry per day. */
export function formatWeeklyHours(hours: WeeklyHours): string {
  return weekdays.flatMap((day) => hours[day].map(([from, to]) => `${day} ${clock(from)}-${clock(to)}`)).join(', ');
}
