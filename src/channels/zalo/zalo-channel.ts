import { z } from 'zod';
import type { Channel, SendOptions, SendReceipt } from '../../core/channel.js';
import { parseRetryAfter } from '../../core/channel-send-error.js';
import type { OutboundMessage, PlatformAddress } from '../../core/messages.js';
import { ZaloApiError } from './zalo-api-error.js';
import type { OfferedChoices } from '../offered-choices.js';
import { renderZaloMessages, type ZaloMessage } from './zalo-message.js';
import { OwnSends } from '../own-sends.js';
import type { ZaloTokens } from './zalo-tokens.js';

/** A Zalo follower's address: their id as the OA sees it. */
export const zaloAddressSchema = z.object({ userId: z.string().min(1) });

const sendResponseSchema = z.looseObject({
  error: z.coerce.number().int(),
  message: z.string().optional(),
  data: z.looseObject({ message_id: z.string().optional() }).optional(),
});

/**
 * Zalo answers errors with HTTP 200 and `error != 0`. These codes mean the access token is
 * no longer valid (-216 invalid, -124 expired): refresh it and send again.
 */
const tokenErrors = new Set([-216, -124]);
/** Temporary conditions worth retrying later: -32 request rate limit exceeded, -211 message quota used up. */
const temporaryErrors = new Set([-32, -211]);

/**
 * The Zalo Official Account channel's sending side: `POST {apiBase}/v3.0/oa/message/cs`
 * (a customer-service message, allowed while the follower has written recently) with the
 * OA access token in the `access_token` header. A text over 2,000 characters goes as several
 * messages. Choices and rating prompts become buttons (or numbered text) under the last one,
 * remembered so the answer maps back to its payload. Every message id Zalo answers is kept in
 * `ownSends`, so the webhook tells the echo of Careline's sends from a person's reply.
 */
export class ZaloChannel implements Channel {
  readonly id = 'zalo' as const;

  private readonly ownSends: OwnSends;

  constructor(private readonly deps: { apiBase: string; tokens: ZaloTokens; choices: OfferedChoices; ownSends?: OwnSends }) {
    this.ownSends = deps.ownSends ?? new OwnSends();
  }

  async send(address: PlatformAddress, message: OutboundMessage, options: SendOptions = {}): Promise<SendReceipt> {
    const { userId } = zaloAddressSchema.parse(address);
    // A text over Zalo's 2,000 characters was refused whole (a permanent error: the
    // customer got nothing); it goes as several messages, the buttons under the last.
    let messageId: string | undefined;
    for (const piece of renderZaloMessages(message)) {
      messageId = (await this.ownSends.track(userId, () => this.sendOne({ recipient: { user_id: userId }, message: piece }, options.signal))) ?? messageId;
    }
    await this.deps.choices.offered(userId, message.buttons);
    return messageId ? { platformMessageId: messageId } : {};
  }

  /** Sends one message, refreshing the access token once when Zalo says it is no longer valid; returns Zalo's message id. */
  private async sendOne(body: { recipient: { user_id: string }; message: ZaloMessage }, signal?: AbortSignal): Promise<string | undefined> {
    let token = await this.deps.tokens.accessToken();
    let result = await this.post(token, body, signal);
    if (result.tokenRejected) {
      token = await this.deps.tokens.refresh(token);
      result = await this.post(token, body, signal);
      if (result.tokenRejected) throw new ZaloApiError(`Zalo rejected a freshly refreshed access token: ${result.message}`);
    }
    return result.messageId;
  }

  private async post(token: string, body: { recipient: { user_id: string }; message: ZaloMessage }, signal?: AbortSignal): Promise<{ tokenRejected: boolean; message: string; messageId?: string }> {
    let response: Response;
    try {
      response = await fetch(`${this.deps.apiBase}/v3.0/oa/message/cs`, {
        method: 'POST',
        ...(signal ? { signal } : {}),
        headers: { access_token: token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new ZaloApiError(`Zalo could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status === 429 || response.status >= 500) {
      const wait = parseRetryAfter(response.headers.get('retry-after'));
      throw new ZaloApiError(`Zalo answered HTTP ${response.status}`, { status: response.status, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
    }
    const parsed = sendResponseSchema.safeParse(await response.json().catch(() => null));
    if (!response.ok || !parsed.success) throw new ZaloApiError(`Zalo answered HTTP ${response.status} with an unexpected body`, { permanent: true, status: response.status });
    const { error, message = '', data } = parsed.data;
    if (error === 0) {
      if (data?.message_id) this.ownSends.remember(data.message_id);
      return { tokenRejected: false, message, ...(data?.message_id ? { messageId: data.message_id } : {}) };
    }
    if (tokenErrors.has(error)) return { tokenRejected: true, message };
    throw new ZaloApiError(`Zalo refused the message (error ${error}): ${message}`, { code: error, permanent: !temporaryErrors.has(error) });
  }
}
