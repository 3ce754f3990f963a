/** Contact details found in a customer's message. */
export interface ContactDetails {
  email?: string;
  phone?: string;
}

const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
// Vietnamese mobile and landline numbers (0… or +84…), and other international numbers with +.
const phonePattern = /(?:\+\d{1,3}[ .-]?)?\(?0?\d{2,4}\)?(?:[ .-]?\d){6,8}/;

/** Finds an e-mail address and a phone number in free text, e.g. "sdt em 0903 123 456". */
export function findContactDetails(text: string): ContactDetails {
  const email = emailPattern.exec(text)?.[0];
  const withoutEmail = email ? text.replace(email, ' ') : text;
  const phoneMatch = phonePattern.exec(withoutEmail)?.[0];
  const digits = phoneMatch?.replace(/[^\d+]/g, '') ?? '';
  const phone = digits.replace(/\D/g, '').length >= 9 ? digits : undefined;
  return { ...(email ? { email: email.toLowerCase() } : {}), ...(phone ? { phone } : {}) };
}
