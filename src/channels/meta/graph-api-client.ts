import { z } from 'zod';
import { ChannelSendError, parseRetryAfter } from '../../core/channel-send-error.js';

const graphErrorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    is_transient: z.boolean().optional(),
  }),
});

/**
 * Graph error codes that mean "try again later" even when the HTTP status is 4xx:
 * 1/2 unknown/temporary, 4/17/32/613 rate limits, 80007 Messenger/Instagram rate limit,
 * 130429 and 131056 WhatsApp throughput and pair rate limits.
 */
const transientCodes = new Set([1, 2, 4, 17, 32, 613, 80007, 130429, 131056]);

/**
 * A thin client for the Graph API over HTTPS (Meta publishes no official Node SDK for the
 * Send API or the WhatsApp Cloud API): `POST {base}/{path}` with a bearer token and a JSON
 * body. Failures become `ChannelSendError`s: network errors, 429, 5xx and transient Graph
 * errors are retryable (honouring Retry-After); other 4xx are permanent.
 */
export class GraphApiClient {
  constructor(
    /** e.g. https://graph.facebook.com/v21.0 (tests: a local fake). */
    private readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** `GET {base}/{path}` with the bearer token (a WhatsApp media id's download URL); failures as for `post`. */
  get(path: string, accessToken: string): Promise<unknown> {
    return this.request(path, { headers: { authorization: `Bearer ${accessToken}` } });
  }

  /** POSTs `body`; `signal` (the outbox's send timeout) abandons the request itself, so it cannot land after the send was given up. */
  post(path: string, accessToken: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    return this.request(path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: JSON.stringify(body) }, signal);
  }

  private async request(path: string, init: RequestInit, signal?: AbortSignal): Promise<unknown> {
    const url = `${this.baseUrl}/${path.replace(/^\/+/, '')}`;
    let response: Response;
    try {
      const timeout = AbortSignal.timeout(15_000);
      response = await this.fetchImpl(url, { ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (error) {
      throw new ChannelSendError(`Graph API unreachable: ${(error as Error).message}`, { cause: error });
    }
    const text = await response.text();
    if (response.ok) return text ? parseBody(text) : {};
    throw graphError(response, text);
  }
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ChannelSendError(`Graph API answered with a body that is not JSON: ${(error as Error).message}`);
  }
}

function graphError(response: Response, text: string): ChannelSendError {
  const status = response.status;
  let parsed: z.infer<typeof graphErrorSchema>['error'] | undefined;
  try {
    parsed = graphErrorSchema.safeParse(JSON.parse(text)).data?.error;
  } catch {
    parsed = undefined; // an HTML error page from a proxy: the status alone decides
  }
  const transient = status === 429 || status >= 500 || parsed?.is_transient === true || (parsed?.code !== undefined && transientCodes.has(parsed.code));
  const detail = parsed ? `${parsed.message ?? 'error'} (code ${parsed.code ?? '?'}${parsed.error_subcode ? `/${parsed.error_subcode}` : ''})` : text.slice(0, 200);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  return new ChannelSendError(`Graph API ${status}: ${detail}`, { status, permanent: !transient, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
}
