import { z } from 'zod';

/** Field types every part of the configuration (the core settings and each channel's slice) is built from. */

/** Environment variables are strings; config files may hold real booleans. */
export const flag = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  return value;
}, z.boolean({ error: 'expected true or false' }));

export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value), z.array(item));

export const wholeNumber = (min: number, max: number) => {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: expected }).int({ error: expected }).min(min, { error: expected }).max(max, { error: expected });
};

export const fraction = z.coerce.number({ error: 'expected a number' }).min(0, { error: 'expected 0 to 1' }).max(1, { error: 'expected 0 to 1' });

export const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://care.example.com' }).transform((url) => url.replace(/\/+$/, ''));

export const secret = z.string().min(1, { error: 'expected a non-empty value' });

export const timezone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false; // Intl throws RangeError for an unknown zone; that is the answer, not a failure
    }
  },
  { error: 'expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Prague' },
);
