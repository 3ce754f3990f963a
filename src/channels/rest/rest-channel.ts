import type { Channel, SendReceipt } from '../../core/channel.js';

/**
 * The `rest` channel's sender for messages written later (agent replies, surveys): an
 * integration reads them from the transcript (`GET /api/chat/conversations/:id/messages`),
 * so storing them, which the dispatcher does first, is delivering them.
 */
export class RestChannel implements Channel {
  readonly id = 'rest' as const;

  async send(): Promise<SendReceipt> {
    return {};
  }
}
