import type { Logger } from 'pino';
import { TelegramError, type Telegraf } from 'telegraf';
import type { TelegramUpdateKind } from './telegram-update.js';

/**
 * Long polling for local use: asks `getUpdates` (held open up to 50 s by Telegram) and
 * hands each update to the bot, until stopped. Written over the client's `callApi` rather
 * than `bot.launch()` so that start and stop are deterministic: `stop()` aborts the open
 * request, waits for the loop to end and confirms the last offset, so the updates already
 * handled are not delivered again after a restart. A 429, 5xx or network failure is
 * retried after `retry_after` (or 5 s).
 */
export class TelegramPolling {
  private readonly abort = new AbortController();
  private offset = 0;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly bot: Telegraf,
    private readonly allowedUpdates: readonly TelegramUpdateKind[],
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    await this.bot.telegram.callApi('getUpdates', { offset: this.offset, limit: 1, timeout: 0 }).catch((error: unknown) => this.logger.warn({ err: error }, 'confirming the last telegram update failed; it may be delivered again'));
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    while (!signal.aborted) {
      let updates;
      try {
        // telegraf's types name the abort-controller shim's signal; its node-fetch accepts Node's own.
        updates = await this.bot.telegram.callApi('getUpdates', { timeout: 50, offset: this.offset, allowed_updates: this.allowedUpdates }, { signal: signal as never });
      } catch (error) {
        if (signal.aborted) return;
        const retryAfter = error instanceof TelegramError ? (error.parameters?.retry_after ?? 5) : 5;
        this.logger.warn({ err: error, retryAfter }, 'telegram getUpdates failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
        continue;
      }
      for (const update of updates) {
        this.offset = update.update_id + 1;
        await this.bot.handleUpdate(update);
      }
    }
  }
}
