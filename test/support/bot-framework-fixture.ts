import { readFileSync } from 'node:fs';

/** A Bot Framework activity as a channel sends it. */
export type BotActivity = Record<string, unknown> & { id?: string; text?: string };

/** A captured activity from test/fixtures/botframework/ (a fresh copy each call). */
export function botFrameworkFixture(name: string): BotActivity {
  return JSON.parse(readFileSync(new URL(`../fixtures/botframework/${name}.json`, import.meta.url), 'utf8')) as BotActivity;
}
