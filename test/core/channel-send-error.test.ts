import { describe, expect, it } from 'vitest';
import { ChannelSendError, parseRetryAfter } from '../../src/core/channel-send-error.js';

describe('ChannelSendError.fromHttp', () => {
  it('makes 429 and 5xx retryable and every other 4xx permanent', () => {
    expect(ChannelSendError.fromHttp('send', 429)).toMatchObject({ permanent: false, status: 429 });
    expect(ChannelSendError.fromHttp('send', 503)).toMatchObject({ permanent: false, status: 503 });
    expect(ChannelSendError.fromHttp('send', 403)).toMatchObject({ permanent: true, status: 403, message: 'send failed: HTTP 403' });
    expect(ChannelSendError.fromHttp('send', 400, { detail: 'chat not found' }).message).toBe('send failed: HTTP 400 chat not found');
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores what it cannot read', () => {
    expect(ChannelSendError.fromHttp('send', 429, { retryAfter: '7' }).retryAfterMs).toBe(7000);
    expect(ChannelSendError.fromHttp('send', 429, { retryAfterMs: 3000 }).retryAfterMs).toBe(3000);
    const now = Date.parse('2026-05-01T10:00:00Z');
    expect(parseRetryAfter('Fri, 01 May 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(ChannelSendError.fromHttp('send', 429, { retryAfter: null }).retryAfterMs).toBeUndefined();
  });
});
