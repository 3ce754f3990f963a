import { z } from 'zod';
import type { DocumentStore } from '../../storage/document-store.js';
import { buttonSchema, type Button } from '../../core/messages.js';

const offerSchema = z.object({
  /** The customer's external id on this channel. */
  _id: z.string(),
  buttons: z.array(buttonSchema),
  offeredAt: z.date(),
});
type Offer = z.infer<typeof offerSchema>;

function normalized(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/**
 * The buttons last shown to each Bot Framework customer. Teams shows suggested actions only
 * as `imBack` (the button's title comes back as the customer's own text), so a pressed
 * button is recognised by its label among the buttons of the latest message; that works on
 * every Bot Framework channel, so it is used on all of them.
 */
export class BotFrameworkOffers {
  private readonly offers;

  constructor(store: DocumentStore) {
    this.offers = store.collection<Offer>('botframework_offers');
  }

  /** Remembers the buttons of the message just sent (none: forgets the earlier ones). */
  async remember(externalUserId: string, buttons: Button[]): Promise<void> {
    if (buttons.length === 0) {
      await this.offers.deleteOne({ _id: externalUserId });
      return;
    }
    await this.offers.replaceOne({ _id: externalUserId }, offerSchema.parse({ _id: externalUserId, buttons, offeredAt: new Date() }), { upsert: true });
  }

  /** The payload of the offered button whose label the customer sent, if any. */
  async payloadFor(externalUserId: string, text: string): Promise<string | undefined> {
    if (!text) return undefined;
    const offer = await this.offers.findOne({ _id: externalUserId });
    const wanted = normalized(text);
    return offer?.buttons.find((button) => normalized(button.label) === wanted)?.payload;
  }
}
