import type { Button } from '../core/messages.js';

/** Whether the buttons are a numeric scale (an NPS or CES survey's "0" … "10"): each label is its own number. */
export function isScale(buttons: readonly Button[]): boolean {
  return buttons.length > 0 && buttons.every((button) => /^\d{1,2}$/.test(button.label));
}

/** A scale's numbers on one line: "0 · 1 · 2 · … · 10". */
export function scaleLine(buttons: readonly Button[]): string {
  return buttons.map((button) => button.label).join(' · ');
}

/**
 * A message with buttons as plain text, for channels that cannot show buttons: the text,
 * then one line per button, numbered unless its label already starts with its number
 * (rating labels do: "5 – Very good"); a numeric scale (NPS, CES) as one line of its
 * numbers. The customer answers by typing the number.
 *
 * Example: `numberedText('Pick one', [{ label: 'Yes', payload: 'y' }])` → "Pick one\n1. Yes".
 */
export function numberedText(text: string, buttons: Button[]): string {
  if (isScale(buttons)) return [text, scaleLine(buttons)].join('\n');
  const lines = buttons.map((button, index) => (button.label.startsWith(String(index + 1)) ? button.label : `${index + 1}. ${button.label}`));
  return [text, ...lines].join('\n');
}
