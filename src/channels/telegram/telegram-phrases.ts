import type { Locale } from '../../config/config-schema.js';

/** The Telegram command menu per locale (the `/help` answer itself is the engine's `botPhrases.commandHelp`). */
export interface TelegramPhrases {
  commands: { help: string; human: string };
}

export const telegramPhrases: Record<Locale, TelegramPhrases> = {
  vi: {
    commands: { help: 'Hướng dẫn sử dụng', human: 'Gặp nhân viên hỗ trợ' },
  },
  en: {
    commands: { help: 'How to use this bot', human: 'Talk to a person' },
  },
  cs: {
    commands: { help: 'Jak používat tohoto bota', human: 'Mluvit s člověkem' },
  },
  zh: {
    commands: { help: '使用说明', human: '联系人工客服' },
  },
};

/** The supported locale a Telegram `language_code` (`en`, `pt-br`, `zh-hans`) names, else the default. */
export function localeOfLanguageCode(code: string | undefined, supported: readonly Locale[], fallback: Locale): Locale {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return supported.find((locale) => locale === base) ?? fallback;
}
