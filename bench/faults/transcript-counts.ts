import type { TranscriptLine } from './staff-client.js';

/**
 * Customer lines of a transcript that no reply followed: each bot or agent line answers the
 * oldest customer line still waiting (a turn may store the customer's next line before the
 * bot's reply to the previous one). System lines answer nothing.
 */
export function unansweredCustomerLines(transcript: TranscriptLine[]): number {
  let waiting = 0;
  for (const line of transcript) {
    if (line.author === 'customer') waiting++;
    else if ((line.author === 'bot' || line.author === 'agent') && waiting > 0) waiting--;
  }
  return waiting;
}

/** How many extra copies a list holds: `['a', 'a', 'a', 'b']` has 2. */
export function extraCopies(values: string[]): number {
  const seen = new Map<string, number>();
  for (const value of values) seen.set(value, (seen.get(value) ?? 0) + 1);
  let extra = 0;
  for (const count of seen.values()) extra += count - 1;
  return extra;
}

/**
 * A text reduced to what survives every platform's rendering (Telegram HTML, Markdown marks,
 * links, whitespace): its letters and digits, lower-cased.
 */
export function comparableText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Whether a platform received `sent`: its text holds the first 40 letters and digits of what
 * Careline meant to send (platforms may add a prefix, e.g. the agent's name).
 */
export function sameMessage(received: string, sent: string): boolean {
  return comparableText(received).includes(comparableText(sent).slice(0, 40));
}

/**
 * Lines the transcript shows as sent that the platform never received: each received text
 * accounts for at most one transcript line.
 */
export function missingAtPlatform(sentInTranscript: string[], receivedByPlatform: string[]): string[] {
  const unused = [...receivedByPlatform];
  const missing: string[] = [];
  for (const text of sentInTranscript) {
    const at = unused.findIndex((received) => sameMessage(received, text));
    if (at >= 0) unused.splice(at, 1);
    else missing.push(text);
  }
  return missing;
}

/** Whether each expected message arrived exactly once, and whether their first arrivals keep the expected order. */
export function onceAndInOrder(expected: string[], arrived: string[]): { missing: number; duplicates: number; inOrder: boolean } {
  const arrivals = expected.map((text) => arrived.flatMap((received, index) => (sameMessage(received, text) ? [index] : [])));
  const missing = arrivals.filter((found) => found.length === 0).length;
  const duplicates = arrivals.reduce((sum, found) => sum + Math.max(0, found.length - 1), 0);
  const firstSeen = arrivals.filter((found) => found.length > 0).map((found) => found[0]!);
  const inOrder = firstSeen.every((index, i) => i === 0 || index > firstSeen[i - 1]!);
  return { missing, duplicates, inOrder };
}
