import { pick, seededRandom } from '../latency-stats.js';
import { FuzzCases, fuzzKinds, type FuzzCase } from './fuzz-cases.js';
import { fuzzRoutes } from './fuzz-routes.js';
import { agentConversation } from './platform-hang-trial.js';
import { mapPool, sleep } from './pool.js';
import { rawRequest, type RawAnswer } from './raw-http.js';
import { malformedUpgrades, malformedUpgradeTargets, spoiltFrames } from './socket-fuzz.js';
import type { TrialFigure } from './trial-result.js';
import { TrialWorld } from './trial-world.js';

/** Tallies of a fuzz run: answers by status class, and the cases answered 5xx by route and kind. */
export class FuzzTally {
  readonly byClass = new Map<string, number>();
  readonly serverErrors = new Map<string, { count: number; example: string }>();
  /** Requests the server closed (or left unanswered) without a status line, by how they were spoilt. */
  readonly unanswered = new Map<string, number>();

  add(fuzzCase: Pick<FuzzCase, 'route' | 'kind' | 'variant'>, answer: RawAnswer): void {
    const group = answer.status === null ? answer.outcome : `${Math.floor(answer.status / 100)}xx`;
    this.byClass.set(group, (this.byClass.get(group) ?? 0) + 1);
    if (answer.status === null) {
      const key = `${fuzzCase.kind}: ${fuzzCase.variant.slice(0, 30)}`;
      this.unanswered.set(key, (this.unanswered.get(key) ?? 0) + 1);
    }
    if (answer.status !== null && answer.status >= 500) {
      const key = `${answer.status} ${fuzzCase.route} [${fuzzCase.kind}]`;
      const seen = this.serverErrors.get(key) ?? { count: 0, example: fuzzCase.variant };
      seen.count++;
      this.serverErrors.set(key, seen);
    }
  }

  get total(): number {
    return [...this.byClass.values()].reduce((sum, count) => sum + count, 0);
  }

  get fiveHundreds(): number {
    return this.byClass.get('5xx') ?? 0;
  }

  /** `4xx 19000, 2xx 900, …`. */
  classes(): string {
    return [...this.byClass].sort(([a], [b]) => a.localeCompare(b)).map(([group, count]) => `${group} ${count}`).join(', ');
  }

  /** The most frequent ways of spoiling among requests that got no status line: `odd-header: huge header ×80, …`. */
  unansweredKinds(limit: number): string {
    return [...this.unanswered].sort(([, a], [, b]) => b - a).slice(0, limit).map(([key, count]) => `${key} ×${count}`).join(', ') || 'none';
  }

  /** The most frequent 5xx groups, one per line. */
  topServerErrors(limit: number): string[] {
    return [...this.serverErrors].sort(([, a], [, b]) => b.count - a.count).slice(0, limit).map(([key, { count, example }]) => `${count} × ${key}, e.g. ${example.slice(0, 60)}`);
  }
}

/**
 * Trial 7: `requests` spoilt HTTP requests over every route (random route and way of
 * spoiling, seeded), 24 at a time on raw sockets; then each malformed-URL WebSocket upgrade
 * (`GET //[`, `http://[::1`, `//x:99999/` …) and spoilt frames on a widget socket. Counts 5xx
 * answers and whether the process survived; when it died it is started again and the death
 * is counted, so that the rest of the fuzz still measures.
 */
export async function fuzzTrial(options: { requests: number }): Promise<TrialFigure[]> {
  const world = await TrialWorld.create();
  const random = seededRandom(16_707);
  try {
    const staff = await world.staff();
    const conversationId = await agentConversation(world, staff, 'messenger', 7, 999);
    const view = await staff.get<{ customer: { id: string }; ticket: { id: string } }>(`/api/agent/conversations/${conversationId}`);
    const { token } = (await (await fetch(`${world.url}/api/webchat/session`, { method: 'POST' })).json()) as { token: string };
    const cases = new FuzzCases(random, { conversationId, customerId: view.customer.id, ticketId: view.ticket.id, serviceUrl: world.fakes.url, widgetToken: token }, { cookie: staff.cookie, csrfToken: staff.csrfToken });
    const deaths: string[] = [];
    let restarting: Promise<unknown> | null = null;
    /** Starts Careline again when it died; resolves true when it had. */
    const keepAlive = async (what: string): Promise<boolean> => {
      await sleep(50);
      if (world.server.alive) return false;
      if (!restarting) {
        deaths.push(`${world.server.ending} around ${what}`);
        restarting = world.start().finally(() => (restarting = null));
      }
      await restarting;
      return true;
    };
    const tally = new FuzzTally();
    const started = Date.now();
    await mapPool(Array.from({ length: options.requests }), 24, async () => {
      const fuzzCase = cases.next(pick(random, fuzzRoutes), pick(random, fuzzKinds));
      if (restarting) await restarting;
      const answer = await rawRequest(world.port, fuzzCase.bytes, 5000);
      tally.add(fuzzCase, answer);
      if (answer.status === null) await keepAlive(`${fuzzCase.route} [${fuzzCase.kind}: ${fuzzCase.variant.slice(0, 40)}]`);
    });
    const httpMs = Date.now() - started;
    const httpDeaths = deaths.length;
    const upgradeTally = new FuzzTally();
    await malformedUpgrades(world.port, 4, async (target, answer) => {
      upgradeTally.add({ route: `upgrade ${target}`, kind: 'percent-path', variant: target }, answer);
      return keepAlive(`the upgrade GET ${target}`);
    });
    const frames = await spoiltFrames(world.port, token);
    await keepAlive('the spoilt WebSocket frames');
    const health = await rawRequest(world.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 3000);
    const fiveHundreds = tally.fiveHundreds + upgradeTally.fiveHundreds;
    return [
      {
        name: '7. fuzz: requests answered 5xx',
        figure: `${fiveHundreds} of ${tally.total + upgradeTally.total}`,
        mustBe: '0',
        pass: fiveHundreds === 0,
        notes: [
          `${tally.total} spoilt requests over ${fuzzRoutes.length} routes (${fuzzKinds.join(', ')}) in ${(httpMs / 1000).toFixed(1)} s: ${tally.classes()}`,
          `closed or timed out without an answer, by how: ${tally.unansweredKinds(6)}`,
          `${upgradeTally.total} malformed-URL upgrades (${malformedUpgradeTargets.length} targets × 4, a target that killed the process sent once): ${upgradeTally.classes()}; ${frames} spoilt WebSocket frames`,
          ...tally.topServerErrors(12),
          ...world.errorsNote(),
        ],
      },
      {
        name: '7. fuzz: process alive',
        figure: deaths.length === 0 && world.server.alive ? 'alive, 0 exits' : `${deaths.length} exits (${httpDeaths} during the HTTP fuzz)`,
        mustBe: 'alive, 0 exits',
        pass: deaths.length === 0 && world.server.alive && health.status === 200,
        notes: deaths.slice(0, 12),
      },
    ];
  } finally {
    await world.close();
  }
}
