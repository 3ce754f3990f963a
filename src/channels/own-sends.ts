/**
 * The message ids a platform gave Careline's own sends, so their echoes (Zalo's `oa_send_*`,
 * Instagram's and Messenger's `is_echo`) are known as such and not taken for a person
 * answering from the platform's app. The echo can arrive before the send's answer does (and
 * the transcript learns the id only after that), and a long text goes as several messages of
 * which the transcript keeps one id: so the channel remembers every id as the platform
 * answers, and an echo that comes while a send to the same customer is still under way
 * waits for it (at most `waitMs`).
 */
export class OwnSends {
  private readonly ids = new Set<string>();
  private readonly inFlight = new Map<string, Set<Promise<unknown>>>();

  constructor(private readonly options: { keep?: number; waitMs?: number } = {}) {}

  /** Runs one send to `userId`, so an echo arriving meanwhile waits for it. */
  async track<T>(userId: string, send: () => Promise<T>): Promise<T> {
    const running = send();
    const pending = this.inFlight.get(userId) ?? new Set<Promise<unknown>>();
    pending.add(running);
    this.inFlight.set(userId, pending);
    try {
      return await running;
    } finally {
      pending.delete(running);
      if (pending.size === 0) this.inFlight.delete(userId);
    }
  }

  /** Remembers a message id the platform gave one of Careline's sends (the oldest are forgotten past `keep`). */
  remember(messageId: string): void {
    this.ids.add(messageId);
    if (this.ids.size > (this.options.keep ?? 10_000)) this.ids.delete(this.ids.values().next().value!);
  }

  /** Whether Careline sent the message `messageId` to `userId`, as far as this process knows. */
  async sent(userId: string, messageId: string): Promise<boolean> {
    if (this.ids.has(messageId)) return true;
    const pending = this.inFlight.get(userId);
    if (pending?.size) {
      const waited = new Promise((resolve) => setTimeout(resolve, this.options.waitMs ?? 1500).unref());
      await Promise.race([Promise.allSettled([...pending]), waited]);
    }
    return this.ids.has(messageId);
  }
}
