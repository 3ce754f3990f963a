const emails = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Nine or more digits, possibly grouped by spaces, dots or dashes, possibly with a leading +.
const phones = /\+?\d(?:[ .-]?\d){8,}/g;

/**
 * The customer's text with e-mail addresses and phone numbers replaced, before it is sent
 * to the model provider: neither helps to find or word an answer.
 */
export function redactContacts(text: string): string {
  return text.replace(emails, '[email]').replace(phones, '[phone]');
}
