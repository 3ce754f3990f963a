import { defaultPersona, fillPersonaDeep, type Persona } from '../../src/config/persona.js';
import type { Locale } from '../../src/core/locale.js';

/** A phrase table as customers read it: each language's phrases filled with the persona (the default one unless given). */
export function spoken<T>(table: Record<Locale, T>, persona: Persona = defaultPersona): Record<Locale, T> {
  return Object.fromEntries((Object.entries(table) as [Locale, T][]).map(([locale, phrases]) => [locale, fillPersonaDeep(phrases, persona, locale)])) as Record<Locale, T>;
}
