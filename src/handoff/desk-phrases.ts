import type { Locale } from '../core/locale.js';

/** What the customer is told when the agents' side of their conversation changes, in every supported language (Vietnamese and Chinese through the persona, `{persona.you}`). */
export interface DeskPhrases {
  /** `{name}`: the agent who takes over. */
  transferred: string;
  handedBack: string;
  resolved: string;
}

export const deskPhrases: Record<Locale, DeskPhrases> = {
  vi: {
    transferred: '{persona.You} sẽ được {name} tiếp tục hỗ trợ ạ.',
    handedBack: 'Nhân viên đã kết thúc phần hỗ trợ; trợ lý tự động sẽ tiếp tục trả lời {persona.you} ạ.',
    resolved: 'Yêu cầu của {persona.you} đã được giải quyết. Cảm ơn {persona.you} đã liên hệ!',
  },
  en: {
    transferred: '{name} will continue helping you.',
    handedBack: 'The agent has finished; the assistant will answer you from here.',
    resolved: 'Your request has been resolved. Thank you for contacting us!',
  },
  cs: {
    transferred: 'Dále vám pomůže {name}.',
    handedBack: 'Kolega skončil; dál vám bude odpovídat asistent.',
    resolved: 'Váš požadavek byl vyřešen. Děkujeme, že jste se ozvali!',
  },
  zh: {
    transferred: '接下来由{name}为{persona.you}服务。',
    handedBack: '人工客服已结束服务，接下来由智能助手为{persona.you}解答。',
    resolved: '{persona.You}的问题已解决，感谢{persona.you}的联系！',
  },
};
