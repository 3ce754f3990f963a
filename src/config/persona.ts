import type { Locale } from '../core/locale.js';

/**
 * How the bot speaks to customers in Vietnamese: `em` calls itself "em" and the customer
 * "anh/chị" (warm, the usual shop register); `chung-toi` speaks as "chúng tôi" to "quý khách"
 * (the formal register many companies use).
 */
export const vietnamesePersonas = ['em', 'chung-toi'] as const;
/** How the bot addresses customers in Chinese: `nin` 您 (formal), `qin` 亲 (the casual Taobao register, "亲，您好"). */
export const chinesePersonas = ['nin', 'qin'] as const;

/** The register per language; English and Czech have one each (Czech replies already use vykání). */
export interface Persona {
  vi: (typeof vietnamesePersonas)[number];
  zh: (typeof chinesePersonas)[number];
}

export const defaultPersona: Persona = { vi: 'em', zh: 'nin' };

/** The languages whose replies may use `{persona.…}`. */
export const personaLocales = ['vi', 'zh'] as const satisfies readonly Locale[];

/**
 * The words a reply template names: `we` (the bot or the shop speaking), `you` (the customer)
 * and their sentence-opening forms `We` and `You`. In Chinese `You` is the form that opens a
 * reply: "亲，您" for `qin`, so "{persona.You}好" reads 您好 or 亲，您好.
 */
export const personaWords = ['we', 'We', 'you', 'You'] as const;
type Words = Record<(typeof personaWords)[number], string>;

const words: { vi: Record<Persona['vi'], Words>; zh: Record<Persona['zh'], Words> } = {
  vi: {
    em: { we: 'em', We: 'Em', you: 'anh/chị', You: 'Anh/chị' },
    'chung-toi': { we: 'chúng tôi', We: 'Chúng tôi', you: 'quý khách', You: 'Quý khách' },
  },
  zh: {
    nin: { we: '我们', We: '我们', you: '您', You: '您' },
    qin: { we: '我们', We: '我们', you: '亲', You: '亲，您' },
  },
};

/** The persona's words in a language, or null for a language with one register (en, cs). */
export function personaWordsOf(persona: Persona, locale: Locale): Words | null {
  if (locale === 'vi') return words.vi[persona.vi];
  if (locale === 'zh') return words.zh[persona.zh];
  return null;
}

const placeholder = /\{persona\.(\w+)\}/g;

/**
 * Fills `{persona.we}`, `{persona.We}`, `{persona.you}` and `{persona.You}` in a reply with
 * the persona's words for its language: "Dạ, {persona.we} xin lỗi {persona.you}" reads "Dạ, em
 * xin lỗi anh/chị" (`em`) or "Dạ, chúng tôi xin lỗi quý khách" (`chung-toi`). Text without
 * such placeholders, and English and Czech text, comes back as it is.
 */
export function fillPersona(text: string, persona: Persona, locale: Locale): string {
  const found = personaWordsOf(persona, locale);
  if (!found || !text.includes('{persona.')) return text;
  return text.replace(placeholder, (whole, word: string) => (Object.hasOwn(found, word) ? found[word as keyof Words] : whole));
}

const instructions = {
  vi: {
    em: 'In Vietnamese, call yourself "em" and the customer "anh/chị" (e.g. "Dạ, em gửi anh/chị thông tin ạ").',
    'chung-toi': 'In Vietnamese, speak formally: call yourself "chúng tôi" and the customer "quý khách" (e.g. "Dạ, chúng tôi xin gửi quý khách thông tin ạ"); never "em", "anh/chị" or "bạn".',
  },
  zh: {
    nin: 'In Chinese, address the customer as 您.',
    qin: 'In Chinese, address the customer as 亲 in the casual shop style (e.g. "亲，您好"), and as 您 where 亲 would not read well.',
  },
};

/** How a chat model wording an answer in `locale` is told to address the customer, or null (English, Czech). */
export function personaInstruction(persona: Persona, locale: Locale): string | null {
  if (locale === 'vi') return instructions.vi[persona.vi];
  if (locale === 'zh') return instructions.zh[persona.zh];
  return null;
}

/** Every string in a phrase table (nested records and lists) filled with `fillPersona`. */
export function fillPersonaDeep<T>(value: T, persona: Persona, locale: Locale): T {
  if (typeof value === 'string') return fillPersona(value, persona, locale) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => fillPersonaDeep(item, persona, locale)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fillPersonaDeep(inner, persona, locale)])) as T;
  return value;
}
