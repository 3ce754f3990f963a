/**
 * When a platform says an event happened (milliseconds since 1970), or `now` when what it
 * says is no usable time: missing, not a number, outside what a Date can hold, or in the
 * future (a skewed clock). A signed event with an odd timestamp is still the customer's
 * message; storing it under an invalid date would fail, and the platform would deliver it
 * again forever.
 */
export function platformTime(milliseconds: number | undefined, now: Date): Date {
  if (milliseconds === undefined || !Number.isFinite(milliseconds)) return now;
  const at = new Date(Math.min(milliseconds, now.getTime()));
  return Number.isNaN(at.getTime()) ? now : at;
}
