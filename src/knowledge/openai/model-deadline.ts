/** The provider did not answer within the turn's budget. */
export class ModelTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'ModelTimeoutError';
  }
}

/** Per-call options handed to the `openai` client. */
export interface CallOptions {
  signal: AbortSignal;
  timeout: number;
  maxRetries: 0;
}

/**
 * One time budget shared by every provider call of a customer turn (the question's
 * embedding, then the wording): `run` gives each call what is left and rejects at the
 * deadline even when the call does not notice the abort (e.g. a body that trickles in
 * after the headers, which the client's own timeout no longer covers).
 */
export class ModelDeadline {
  private readonly controller = new AbortController();
  private readonly endsAt: number;
  private readonly timer: NodeJS.Timeout;

  constructor(readonly ms: number) {
    this.endsAt = Date.now() + ms;
    this.timer = setTimeout(() => this.controller.abort(new ModelTimeoutError(ms)), ms);
    this.timer.unref();
  }

  /** Runs one call within what is left of the budget. */
  run<T>(call: (options: CallOptions) => Promise<T>): Promise<T> {
    const signal = this.controller.signal;
    const remaining = this.endsAt - Date.now();
    if (signal.aborted || remaining <= 0) return Promise.reject(new ModelTimeoutError(this.ms));
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new ModelTimeoutError(this.ms));
      signal.addEventListener('abort', onAbort, { once: true });
      call({ signal, timeout: Math.max(1, Math.ceil(remaining)), maxRetries: 0 })
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Stops the timer (and aborts anything still running). */
  dispose(): void {
    clearTimeout(this.timer);
    if (!this.controller.signal.aborted) this.controller.abort(new ModelTimeoutError(this.ms));
  }
}
