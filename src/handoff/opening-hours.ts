import { weekdays, type Weekday, type WeeklyHours } from '../config/business-hours.js';

/** Whether agents are at work now and, if not, when they are next. */
export interface OpeningState {
  open: boolean;
  /** The next opening time, when closed (none if no opening within two weeks). */
  nextOpenAt?: Date;
}

interface LocalTime {
  weekday: Weekday;
  date: string;
  minutes: number;
}

function localTime(at: Date, timezone: string): LocalTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: timezone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    weekday: String(parts.weekday).slice(0, 3).toLowerCase() as Weekday,
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/**
 * Business hours at `now` in `timezone`: open inside a weekly range on a day that is not a
 * holiday (YYYY-MM-DD, local). The next opening is found by stepping local days, so a
 * daylight-saving change between now and then may shift it by that hour.
 */
export function openingState(now: Date, hours: WeeklyHours, holidays: readonly string[], timezone: string): OpeningState {
  const today = localTime(now, timezone);
  const isHoliday = (date: string) => holidays.includes(date);
  if (!isHoliday(today.date) && hours[today.weekday].some(([from, to]) => today.minutes >= from && today.minutes < to)) return { open: true };
  for (let dayOffset = 0; dayOffset <= 14; dayOffset++) {
    const day = localTime(new Date(now.getTime() + dayOffset * 86_400_000), timezone);
    if (isHoliday(day.date)) continue;
    const weekday = weekdays[(weekdays.indexOf(today.weekday) + dayOffset) % 7]!;
    const starts = hours[weekday].map(([from]) => from).filter((from) => dayOffset > 0 || from > today.minutes).sort((a, b) => a - b);
    if (starts.length === 0) continue;
    const minutesAhead = dayOffset * 1440 + starts[0]! - today.minutes;
    return { open: false, nextOpenAt: new Date(Math.floor(now.getTime() / 60_000) * 60_000 + minutesAhead * 60_000) };
  }
  return { open: false };
}
