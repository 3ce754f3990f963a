import type { Config, Locale } from './config-schema.js';
import { fillPersona } from './persona.js';

export type BusinessProfile = Config['business'];

/** The bundled demo shop's names: its Vietnamese one is used only while the profile is the demo's. */
const demoName = 'An Phat Electronics';
const demoVietnameseName = 'Điện máy An Phát';

const demoShopWords = /An Ph[aá]t|1800 ?6868|anphat\.example/i;

/** Whether a text names the bundled demo shop (its name, hotline or website), as its bundled articles do. */
export function namesDemoShop(text: string): boolean {
  return demoShopWords.test(text);
}

/** Whether the profile is still the bundled demo shop's (nothing of a business was set). */
export function isDemoProfile(business: BusinessProfile): boolean {
  return business.name === demoName && Object.values(business.names).every((name) => name === undefined);
}

/** The hotline and website the bot names: the demo shop's only while the profile is the demo's, so a shop that set its name never gives the demo's number. */
export function businessContacts(business: BusinessProfile): { hotline: string; website: string } {
  const demo = isDemoProfile(business);
  return { hotline: business.hotline ?? (demo ? '1800 6868' : ''), website: business.website ?? (demo ? 'anphat.example' : '') };
}

/** The business's name in a language: its own name there, else `BUSINESS_NAME`. */
export function businessName(business: BusinessProfile, locale: Locale): string {
  return business.names[locale] ?? (locale === 'vi' && isDemoProfile(business) ? demoVietnameseName : business.name);
}

/**
 * Fills `{business.name}`, `{business.hotline}`, `{business.website}` and `{business.hours}`
 * in a reply, and the persona's `{persona.we}` / `{persona.you}` (persona.ts). A sentence that
 * names an empty value (no hotline set) is dropped, so no reply says "call our hotline ." to a
 * shop's customers.
 */
export function fillBusiness(text: string, business: BusinessProfile, locale: Locale): string {
  return fillPersona(fillBusinessValues(text, business, locale), business.persona, locale);
}

function fillBusinessValues(text: string, business: BusinessProfile, locale: Locale): string {
  const values: Record<string, string> = { name: businessName(business, locale), ...businessContacts(business), hours: business.hoursText };
  const fill = (part: string) => part.replace(/\{business\.(\w+)\}/g, (_match, key: string) => values[key] ?? '');
  if (![...text.matchAll(/\{business\.(\w+)\}/g)].some(([, key]) => !values[key!])) return fill(text);
  // Sentences end at . ! ? before a space (not the dot inside a placeholder) or at Chinese 。！？.
  const sentences = text.split(/(?<=[.!?])\s+|(?<=[。！？])/u);
  return sentences
    .filter((sentence) => ![...sentence.matchAll(/\{business\.(\w+)\}/g)].some(([, key]) => !values[key!]))
    .map(fill)
    .join(locale === 'zh' ? '' : ' ')
    .trim();
}
