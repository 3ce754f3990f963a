import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCredentials, benchEnv } from './bench-credentials.js';
import { CarelineProcess, freePort } from './careline-process.js';
import { FakePlatforms } from './fake-platforms.js';
import type { BenchCustomer } from './bench-customers.js';
import { mapPool, sleep } from './pool.js';
import { StaffClient } from './staff-client.js';
import { pendingOutbox, StoreTranscripts } from './store-transcripts.js';

/** The first admin every fresh data directory gets. */
export const firstAdminEmail = 'admin@careline.local';

/**
 * What one trial runs against: its own fake platforms, a free port and a temporary data
 * directory, and the Careline process on them, which the trial may kill and start again on the
 * same port and data. The first admin's password is read from the first start's banner.
 */
export class TrialWorld {
  server!: CarelineProcess;
  private readonly processes: CarelineProcess[] = [];
  private adminPassword = '';

  private constructor(
    readonly fakes: FakePlatforms,
    readonly port: number,
    readonly dataDir: string,
    readonly env: Record<string, string>,
  ) {}

  static async create(options: { authenticatedBotFramework?: boolean; overrides?: Record<string, string> } = {}): Promise<TrialWorld> {
    const fakes = await new FakePlatforms({ telegramBotToken: benchCredentials.telegramBotToken, messengerToken: benchCredentials.messengerToken, instagramToken: benchCredentials.instagramToken, whatsappPhoneNumberId: benchCredentials.whatsappPhoneNumberId }).start();
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'careline-faults-'));
    const world = new TrialWorld(fakes, port, dataDir, benchEnv(fakes, { port, dataDir, ...options }));
    await world.start();
    return world;
  }

  get url(): string {
    return this.server.url;
  }

  /** Starts Careline (again) on the same port and data directory. */
  async start(): Promise<CarelineProcess> {
    this.server = await CarelineProcess.start(this.env);
    this.processes.push(this.server);
    if (this.server.adminPassword) this.adminPassword = this.server.adminPassword;
    return this.server;
  }

  /** Logs in as the first admin. */
  staff(): Promise<StaffClient> {
    if (!this.adminPassword) throw new Error('the first start printed no admin password');
    return StaffClient.login(this.url, firstAdminEmail, this.adminPassword);
  }

  /**
   * Waits until Careline has recovered: no new send reached the fakes for `quietMs` and the
   * outbox holds nothing pending (a crashed worker's lease runs out after a minute), at most
   * `timeoutMs`. Resolves with how long it waited and what was still pending.
   */
  async recovered(timeoutMs: number, quietMs = 3000): Promise<{ ms: number; pending: number }> {
    const started = Date.now();
    let count = -1;
    let since = Date.now();
    for (;;) {
      if (this.fakes.sends.length !== count) {
        count = this.fakes.sends.length;
        since = Date.now();
      }
      const quiet = Date.now() - since >= quietMs;
      const timedOut = Date.now() - started > timeoutMs;
      if (quiet || timedOut) {
        const pending = await pendingOutbox(this.dataDir);
        if ((quiet && pending === 0) || timedOut) return { ms: Date.now() - started, pending };
      }
      await sleep(250);
    }
  }

  /**
   * Every transcript, read from the store, and a note on whether the agent console's API
   * (`GET /api/customers`, `/api/customers/:id`, `/api/agent/conversations/:id`) shows the
   * same lines for a sample of `customers` (at most `sample` of them).
   */
  async transcripts(customers: BenchCustomer[], sample = 24): Promise<{ store: StoreTranscripts; crossCheck: string }> {
    const store = await StoreTranscripts.read(this.dataDir);
    const step = Math.max(1, Math.floor(customers.length / sample));
    const picked = customers.filter((_, i) => i % step === 0).slice(0, sample);
    const staff = await this.staff();
    const lines = (conversations: { author: string; text: string }[][]) => JSON.stringify(conversations.flat().map(({ author, text }) => [author, text]));
    const agreeing = await mapPool(picked, 4, async (customer) => lines(await staff.transcripts(customer)) === lines(store.transcripts(customer)));
    const disagreeing = agreeing.filter((same) => !same).length;
    return { store, crossCheck: `the staff API shows the same transcripts as the store for ${picked.length - disagreeing} of ${picked.length} sampled customers` };
  }

  /** The errors every start of Careline logged, by message, most frequent first: `3 × unhandled error: …`. */
  loggedErrors(limit = 5): string[] {
    const merged = new Map<string, number>();
    for (const started of this.processes) for (const [message, count] of started.unhandled) merged.set(message, (merged.get(message) ?? 0) + count);
    return [...merged].sort(([, a], [, b]) => b - a).slice(0, limit).map(([message, count]) => `${count} × ${message}`);
  }

  /** A note naming what Careline logged as errors, or none. */
  errorsNote(): string[] {
    const errors = this.loggedErrors();
    return errors.length === 0 ? [] : [`Careline logged: ${errors.join(' | ')}`];
  }

  async close(): Promise<void> {
    await this.server.stop().catch(() => undefined);
    await this.fakes.close();
    // BENCH_FAULTS_KEEP=1 keeps the data directory to look into after the run.
    if (process.env.BENCH_FAULTS_KEEP === '1') process.stdout.write(`    (data kept in ${this.dataDir})\n`);
    else rmSync(this.dataDir, { recursive: true, force: true });
  }
}
