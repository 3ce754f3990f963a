import { defaultOrderCodePattern } from '../config/config-schema.js';

/** Contact details found in a customer's message, and the order they name. */
export interface ContactDetails {
  email?: string;
  phone?: string;
  /** An order code ("DH123456"), recognised by the shop's pattern and never taken for a phone number. */
  orderCode?: string;
}


const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
// Vietnamese mobile and landline numbers (0… or +84…), and other international numbers with
// +; not glued to letters or digits around it (an order or tracking code is no phone).
const phonePattern = /(?<![\p{L}\d])(?:\+\d{1,3}[ .-]?)?\(?0?\d{2,4}\)?(?:[ .-]?\d){6,8}(?![\p{L}\d])/u;

/**
 * Finds an e-mail address, a phone number and an order code in free text, e.g. "sdt em
 * 0903 123 456, đơn DH123456". The order code is found first and taken out, so its digits
 * never become the phone number.
 */
export function findContactDetails(text: string, orderCodePattern: RegExp = new RegExp(defaultOrderCodePattern, 'iu')): ContactDetails {
  const email = emailPattern.exec(text)?.[0];
  let rest = email ? text.replace(email, ' ') : text;
  const orderCode = orderCodePattern.exec(rest)?.[0];
  if (orderCode) rest = rest.replace(orderCode, ' ');
  const phoneMatch = phonePattern.exec(rest)?.[0];
  const digits = phoneMatch?.replace(/[^\d+]/g, '') ?? '';
  const phone = digits.replace(/\D/g, '').length >= 9 ? digits : undefined;
  return { ...(email ? { email: email.toLowerCase() } : {}), ...(phone ? { phone } : {}), ...(orderCode ? { orderCode: orderCode.toUpperCase().replace(/[-_ ]/g, '') } : {}) };
}
