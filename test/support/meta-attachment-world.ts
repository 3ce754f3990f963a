import { vi } from 'vitest';
import type { Message } from '../../src/conversations/message.js';
import { platformFixture } from './meta-webhook.js';
import type { MetaPlatform, MetaWorld } from './meta-world.js';

/**
 * A fixture of `platform` as if `user` sent it just now: every event's sender (or WhatsApp
 * `from` and contact) becomes `user` and its time now, so the reply window is open.
 */
export function fixtureFrom(platform: MetaPlatform, name: string, user: string): any {
  const body = platformFixture(platform, name);
  for (const entry of body.entry) {
    for (const event of entry.messaging ?? []) if (event && typeof event === 'object' && event.sender?.id) Object.assign(event, { sender: { id: user }, timestamp: Date.now() });
    for (const change of entry.changes ?? []) {
      for (const message of change.value.messages ?? []) if (message.from) Object.assign(message, { from: user, timestamp: String(Math.floor(Date.now() / 1000)) });
      for (const contact of change.value.contacts ?? []) contact.wa_id = user;
    }
  }
  return body;
}

/** The customer's stored inbound messages, once `count` of them are there. */
export async function storedInbound(world: MetaWorld, platform: MetaPlatform, user: string, count = 1): Promise<Message[]> {
  return vi.waitFor(
    async () => {
      const customer = await world.app.services.customers.findByIdentity(platform, user);
      if (!customer) throw new Error(`no customer ${user} yet`);
      const messages = await world.app.store.collection<Message>('messages').find({ customerId: customer._id, direction: 'in' });
      if (messages.length < count) throw new Error(`${messages.length} of ${count} messages stored`);
      return messages;
    },
    { timeout: 5000, interval: 25 },
  );
}
