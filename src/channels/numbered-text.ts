import type { Button } from '../core/messages.js';

/**
 * A message with buttons as plain text, for channels that cannot show buttons: the text,
 * then one line per button, numbered unless its label already starts with its number
 * (rating labels do: "5 – Very good"). The customer answers by typing the number.
 *
 * Example: `numberedText('Pick one', [{ label: 'Yes', payload: 'y' }])` → "Pick one\n1. Yes".
 */
export function numberedText(text: string, buttons: Button[]): string {
  const lines = buttons.map((button, index) => (button.label.startsWith(String(index + 1)) ? button.label : `${index + 1}. ${button.label}`));
  return [text, ...lines].join('\n');
}
