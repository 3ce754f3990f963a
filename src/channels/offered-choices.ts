import { z } from 'zod';
import type { ChannelId } from '../core/channel-id.js';
import { buttonSchema, type Button } from '../core/messages.js';
import type { DocumentStore } from '../storage/document-store.js';
import { isScale } from './numbered-text.js';

const offerSchema = z.object({
  /** `<channel>:<the customer's external id>`. */
  _id: z.string(),
  buttons: z.array(buttonSchema),
  offeredAt: z.date(),
});
type Offer = z.infer<typeof offerSchema>;

const normalized = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * The buttons last offered to each customer of a channel whose pressed buttons come back as
 * the customer's own text (Zalo's and Teams' `imBack` buttons, numbered text choices), kept
 * in the store (`offered_choices`) so an answer still maps after a restart: the button's
 * label, or with `numbers` its number ("2", "2."), maps to its payload. A label wins over a
 * number, so "9" typed under a 0–10 scale is the button "9", not the ninth one.
 */
export class OfferedChoices {
  private readonly offers;

  constructor(
    store: DocumentStore,
    private readonly channel: ChannelId,
    private readonly options: { numbers: boolean },
  ) {
    this.offers = store.collection<Offer>('offered_choices');
  }

  /** Remembers the buttons of the message just sent (none: forgets the earlier ones). */
  async offered(externalUserId: string, buttons: Button[]): Promise<void> {
    const _id = this.keyOf(externalUserId);
    if (buttons.length === 0) await this.offers.deleteOne({ _id });
    else await this.offers.replaceOne({ _id }, offerSchema.parse({ _id, buttons, offeredAt: new Date() }), { upsert: true });
  }

  /** The payload `text` answers: an offered button's label (or number), or null for ordinary text. */
  async payloadFor(externalUserId: string, text: string): Promise<string | null> {
    const said = normalized(text);
    if (!said) return null;
    const offer = await this.offers.findOne({ _id: this.keyOf(externalUserId) });
    if (!offer) return null;
    const labelled = offer.buttons.find((button) => normalized(button.label) === said);
    if (labelled) return labelled.payload;
    const number = this.options.numbers && !isScale(offer.buttons) ? /^(\d{1,2})\.?$/.exec(said) : null;
    return number ? (offer.buttons[Number(number[1]) - 1]?.payload ?? null) : null;
  }

  private keyOf(externalUserId: string): string {
    return `${this.channel}:${externalUserId}`;
  }
}
