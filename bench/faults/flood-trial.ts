import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mib } from '../latency-stats.js';
import { benchCredentials as c } from './bench-credentials.js';
import { sleep } from './pool.js';
import type { TrialFigure } from './trial-result.js';
import { TrialWorld } from './trial-world.js';

/** Bytes of the files in a directory (the embedded store and its WAL). */
function directoryBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/**
 * Trial 10: one address sends `POST /api/chat` (with the API key, rotating over 2,000
 * senders) as fast as 16 connections allow for `seconds`, against Careline configured with
 * `RATE_LIMIT_PER_MINUTE` and `RATE_LIMIT_PER_SENDER_PER_MINUTE`. Counts what was accepted
 * and refused, whether each 429 says `Retry-After`, and how much memory and store grew.
 */
export async function floodTrial(options: { seconds: number; perMinute: number; perSenderPerMinute: number }): Promise<TrialFigure[]> {
  const world = await TrialWorld.create({ overrides: { RATE_LIMIT_PER_MINUTE: String(options.perMinute), RATE_LIMIT_PER_SENDER_PER_MINUTE: String(options.perSenderPerMinute) } });
  try {
    await sleep(500);
    const rssBefore = world.server.rssBytes();
    const storeBefore = directoryBytes(world.dataDir);
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      if (world.server.alive) peakRss = Math.max(peakRss, world.server.rssBytes());
    }, 500);
    const counts = { accepted: 0, limited: 0, limitedWithRetryAfter: 0, other: new Map<number, number>() };
    const until = Date.now() + options.seconds * 1000;
    let n = 0;
    const worker = async () => {
      while (Date.now() < until) {
        const i = n++;
        try {
          const response = await fetch(`${world.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${c.restApiKey}` }, body: JSON.stringify({ sender: `flood-${i % 2000}`, text: 'bao hanh bao lau', messageId: `flood-${i}` }) });
          await response.arrayBuffer();
          if (response.status === 429) {
            counts.limited++;
            if (response.headers.get('retry-after')) counts.limitedWithRetryAfter++;
          } else if (response.status >= 200 && response.status < 300) counts.accepted++;
          else counts.other.set(response.status, (counts.other.get(response.status) ?? 0) + 1);
        } catch {
          counts.other.set(0, (counts.other.get(0) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    clearInterval(sampler);
    const rssAfter = world.server.alive ? world.server.rssBytes() : Number.NaN;
    const storeGrowth = directoryBytes(world.dataDir) - storeBefore;
    const ceiling = 2 * options.perMinute * Math.ceil(options.seconds / 60);
    const other = [...counts.other].map(([status, count]) => `${status || 'no answer'} ×${count}`).join(', ') || 'none';
    return [
      {
        name: `10. flood of POST /api/chat for ${options.seconds} s from one address`,
        figure: `${counts.accepted} accepted, ${counts.limited} × 429 (${counts.limitedWithRetryAfter} with Retry-After), RSS +${mib(peakRss - rssBefore)}`,
        mustBe: `429 with Retry-After once over the limit (accepted ≤ ${ceiling})`,
        pass: counts.limited > 0 && counts.limitedWithRetryAfter === counts.limited && counts.accepted <= ceiling,
        notes: [
          `RATE_LIMIT_PER_MINUTE=${options.perMinute}, RATE_LIMIT_PER_SENDER_PER_MINUTE=${options.perSenderPerMinute}, 16 connections, ${n} requests; other answers: ${other}`,
          `RSS ${mib(rssBefore)} before, peak ${mib(peakRss)}, ${mib(rssAfter)} after; store +${mib(storeGrowth)}`,
          ...world.errorsNote(),
        ],
      },
    ];
  } finally {
    await world.close();
  }
}
