import type { Logger } from 'pino';
import type { DeliveryState } from '../../conversations/message.js';
import type { WhatsappStatus } from './whatsapp-webhook.js';

const tracked = new Set<string>(['sent', 'delivered', 'read', 'failed']);

/**
 * Records WhatsApp delivery statuses (`sent`, `delivered`, `read`, `failed` with the
 * platform's reason) on the outbound messages they name by wamid, through the dispatcher's
 * `recordReceipt`. Other statuses (e.g. `deleted`) and receipts for messages this server did
 * not send are skipped.
 */
export function whatsappStatusRecorder(recordReceipt: (channel: 'whatsapp', wamid: string, state: DeliveryState) => Promise<boolean>, logger: Logger) {
  const record = (wamid: string, state: DeliveryState) => recordReceipt('whatsapp', wamid, state);
  return async (statuses: WhatsappStatus[]): Promise<void> => {
    for (const receipt of statuses) {
      if (!tracked.has(receipt.status)) continue;
      const seconds = Number(receipt.timestamp);
      const problem = receipt.errors?.[0];
      const state: DeliveryState = {
        status: receipt.status as DeliveryState['status'],
        at: Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date(),
        ...(receipt.status === 'failed' && problem ? { error: `${problem.code ?? ''} ${problem.title ?? problem.message ?? ''}`.trim().slice(0, 500) } : {}),
      };
      const found = await record(receipt.id, state);
      if (!found) logger.debug({ wamid: receipt.id, status: receipt.status }, 'WhatsApp status for a message this server did not send');
      if (receipt.status === 'failed') logger.warn({ wamid: receipt.id, error: state.error }, 'WhatsApp could not deliver a message');
    }
  };
}
