import type { Locale } from '../../config/config-schema.js';

/** What the Telegram channel says itself: the `/help` text (in the persona: `{persona.you}`) and the command menu, per locale. */
export interface TelegramPhrases {
  help: string;
  commands: { help: string; human: string };
}

export const telegramPhrases: Record<Locale, TelegramPhrases> = {
  vi: {
    help: '{persona.You} cứ nhắn câu hỏi bằng lời của mình (có dấu hay không dấu đều được), {persona.we} sẽ trả lời ngay.\n\n/human — gặp nhân viên hỗ trợ\n/help — xem hướng dẫn này',
    commands: { help: 'Hướng dẫn sử dụng', human: 'Gặp nhân viên hỗ trợ' },
  },
  en: {
    help: 'Just type your question in your own words and I will answer right away.\n\n/human — talk to a person\n/help — show this help',
    commands: { help: 'How to use this bot', human: 'Talk to a person' },
  },
  cs: {
    help: 'Napište svou otázku vlastními slovy a hned odpovím.\n\n/human — mluvit s člověkem\n/help — zobrazit tuto nápovědu',
    commands: { help: 'Jak používat tohoto bota', human: 'Mluvit s člověkem' },
  },
  zh: {
    help: '请直接用您自己的话输入问题，我会马上回答。\n\n/human — 联系人工客服\n/help — 显示帮助',
    commands: { help: '使用说明', human: '联系人工客服' },
  },
};

/** The supported locale a Telegram `language_code` (`en`, `pt-br`, `zh-hans`) names, else the default. */
export function localeOfLanguageCode(code: string | undefined, supported: readonly Locale[], fallback: Locale): Locale {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return supported.find((locale) => locale === base) ?? fallback;
}
