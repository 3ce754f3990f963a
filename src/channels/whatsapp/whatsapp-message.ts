import type { Locale } from '../../config/config-schema.js';
import type { Button, OutboundMessage } from '../../core/messages.js';
import { outboundText } from '../meta/outbound-text.js';
import { maxChars, shorten, splitText } from '../meta/split-text.js';
import { isScale, numberedText } from '../numbered-text.js';

/** Cloud API limits: text 4,096 characters; interactive body 1,024; 3 reply buttons of 20; list rows of 24 (+72 description), at most 10, ids up to 200. */
const limits = { text: 4096, body: 1024, buttons: 3, buttonTitle: 20, buttonId: 256, rows: 10, rowTitle: 24, rowDescription: 72, rowId: 200, listButton: 20 } as const;

const listButtonLabels: Record<'choices' | 'rating', Record<Locale, string>> = {
  choices: { vi: 'Chọn', en: 'Choose', cs: 'Vybrat', zh: '选择' },
  rating: { vi: 'Đánh giá', en: 'Rate', cs: 'Ohodnotit', zh: '评分' },
};

/** The `interactive` object of a Cloud API message (reply buttons or a list). */
export type WhatsappInteractive =
  | { type: 'button'; body: { text: string }; action: { buttons: { type: 'reply'; reply: { id: string; title: string } }[] } }
  | { type: 'list'; body: { text: string }; action: { button: string; sections: { rows: { id: string; title: string; description?: string }[] }[] } };

/** One body for `POST /{phone-number-id}/messages`, without the recipient fields. */
export type WhatsappContent = { type: 'text'; text: { body: string; preview_url: boolean } } | { type: 'interactive'; interactive: WhatsappInteractive };

/**
 * Renders an outbound message for the WhatsApp Cloud API: plain text (split at 4,096
 * characters); with buttons, interactive reply buttons when there are at most 3 short
 * ones, otherwise an interactive list (at most 10 rows) — always a list for a CSAT or CES
 * rating; NPS's 0–10 (eleven) as text with a line of the numbers.
 * A text too long for an interactive body (1,024) goes first as text, its end as the body.
 * The pressed button or row comes back with the button's payload as its id.
 */
export function whatsappContents(message: OutboundMessage): WhatsappContent[] {
  const text = outboundText(message);
  const preview = Boolean(message.link);
  // A list holds 10 rows: NPS's eleven scores go as a line of numbers the customer types.
  const asText = message.buttons.length > limits.rows && isScale(message.buttons);
  const buttons = asText ? [] : message.buttons.slice(0, limits.rows);
  const shown = asText ? numberedText(text, message.buttons) : text;
  if (buttons.length === 0) return splitText(shown, maxChars(limits.text)).map((body) => ({ type: 'text', text: { body, preview_url: preview } }));

  const pieces = splitText(text, maxChars(limits.text));
  let body = pieces.pop() ?? '';
  if (body.length > limits.body) {
    const tail = splitText(body, maxChars(limits.body));
    body = tail.pop()!;
    pieces.push(tail.join('\n'));
  }
  const leading: WhatsappContent[] = pieces.map((piece) => ({ type: 'text', text: { body: piece, preview_url: preview } }));
  return [...leading, { type: 'interactive', interactive: interactive(message, body, buttons) }];
}

function interactive(message: OutboundMessage, body: string, buttons: Button[]): WhatsappInteractive {
  const asButtons = message.kind !== 'rating' && buttons.length <= limits.buttons && buttons.every((button) => [...button.label].length <= limits.buttonTitle && button.payload.length <= limits.buttonId);
  if (asButtons) {
    return { type: 'button', body: { text: body }, action: { buttons: buttons.map((button) => ({ type: 'reply', reply: { id: button.payload, title: button.label } })) } };
  }
  const kind = message.kind === 'rating' ? 'rating' : 'choices';
  return {
    type: 'list',
    body: { text: body },
    action: {
      button: shorten(listButtonLabels[kind][message.locale ?? 'en'], limits.listButton),
      sections: [
        {
          rows: buttons.map((button) => ({
            id: button.payload.slice(0, limits.rowId),
            title: shorten(button.label, limits.rowTitle),
            // A label cut in the title is shown whole (up to 72 characters) below it.
            ...([...button.label].length > limits.rowTitle ? { description: shorten(button.label, limits.rowDescription) } : {}),
          })),
        },
      ],
    },
  };
}
