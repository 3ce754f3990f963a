import { benchCredentials as c } from './bench-credentials.js';
import { mapPool, sleep } from './pool.js';
import type { TrialFigure } from './trial-result.js';
import { TrialWorld } from './trial-world.js';

/**
 * Trial 12: `GET /api/reports?from=1926-01-01` as the admin (after 300 REST conversations so
 * the report has data), while `/healthz` is asked every 50 ms. The report's time and answer,
 * and the slowest health answer meanwhile.
 */
export async function reportsTrial(options: { from: string }): Promise<TrialFigure[]> {
  const world = await TrialWorld.create();
  try {
    await mapPool(Array.from({ length: 300 }, (_, i) => i), 8, (i) => fetch(`${world.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${c.restApiKey}` }, body: JSON.stringify({ sender: `report-${i}`, text: i % 3 === 0 ? 'toi muon gap nhan vien' : 'bao hanh bao lau' }) }).then((response) => response.arrayBuffer()));
    const staff = await world.staff();
    const health: number[] = [];
    let reportDone = false;
    const poll = (async () => {
      while (!reportDone) {
        const started = performance.now();
        await fetch(`${world.url}/healthz`).then((response) => response.arrayBuffer()).catch(() => undefined);
        health.push(performance.now() - started);
        await sleep(50);
      }
    })();
    await sleep(200);
    const started = performance.now();
    let status = 0;
    try {
      const response = await fetch(`${world.url}/api/reports?from=${options.from}`, { headers: staff.headers, signal: AbortSignal.timeout(120_000) });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 0;
    }
    const reportMs = performance.now() - started;
    await sleep(200);
    reportDone = true;
    await poll;
    const slowest = Math.max(...health);
    return [
      {
        name: `12. GET /api/reports?from=${options.from}`,
        figure: `${(reportMs / 1000).toFixed(2)} s, answered ${status || 'nothing'}`,
        mustBe: 'an answer (a bounded range, 4xx, or the work off the event loop)',
        pass: status > 0 && status < 500,
      },
      {
        name: '12. /healthz during that report: slowest answer',
        figure: `${Math.round(slowest)} ms (${health.length} probes)`,
        mustBe: '< 200 ms',
        pass: slowest < 200,
        notes: world.errorsNote(),
      },
    ];
  } finally {
    await world.close();
  }
}
