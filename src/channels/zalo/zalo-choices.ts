import type { DocumentStore } from '../../storage/document-store.js';
import type { Button } from '../../core/messages.js';

interface OfferedChoices {
  _id: string;
  buttons: Button[];
  offeredAt: Date;
}

const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The buttons last offered to each Zalo follower, kept in the store (`zalo_choices`) so an
 * answer still maps after a restart. Zalo returns a pressed button only as the follower's
 * text, and numbered choices come back as a typed number: both map to the button's payload.
 */
export class ZaloChoices {
  private readonly choices;

  constructor(store: DocumentStore) {
    this.choices = store.collection<OfferedChoices>('zalo_choices');
  }

  /** Remembers what was offered with the latest message (nothing, for a message without buttons). */
  async offered(userId: string, buttons: Button[]): Promise<void> {
    if (buttons.length === 0) await this.choices.deleteOne({ _id: userId });
    else await this.choices.replaceOne({ _id: userId }, { _id: userId, buttons, offeredAt: new Date() }, { upsert: true });
  }

  /** The payload `text` answers: a button's label, or its number ("2", "2."), or null for ordinary text. */
  async payloadFor(userId: string, text: string): Promise<string | null> {
    const said = normalize(text);
    if (!said) return null;
    const offered = await this.choices.findOne({ _id: userId });
    if (!offered) return null;
    const number = /^(\d{1,2})\.?$/.exec(said);
    if (number) return offered.buttons[Number(number[1]) - 1]?.payload ?? null;
    return offered.buttons.find((button) => normalize(button.label) === said)?.payload ?? null;
  }
}
