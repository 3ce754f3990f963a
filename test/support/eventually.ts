/**
 * Polls `read` until it returns something other than undefined, for at most `timeoutMs`
 * (10 s); for effects that happen after a request was answered (an outbox send).
 */
export async function eventually<T>(read: () => Promise<T | undefined> | T | undefined, what = 'a value', timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
