const formats = new Map<string, Intl.DateTimeFormat>();

// Making a formatter costs far more than using one, and a report range or a query asks for many offsets.
function formatOf(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(zone, format);
  }
  return format;
}

/** Whether `zone` names an IANA time zone this runtime knows. */
export function isTimeZoneName(zone: string): boolean {
  try {
    formatOf(zone);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** The IANA zone's offset from UTC in minutes at the instant `at` (milliseconds; whole seconds count). */
export function offsetMinutes(zone: string, at: number): number {
  const parts = Object.fromEntries(formatOf(zone).formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((local - Math.floor(at / 1000) * 1000) / 60_000);
}
