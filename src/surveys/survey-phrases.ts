import type { Locale } from '../config/config-schema.js';
import type { NpsOrCes } from './survey-scale.js';

/** What an NPS or CES survey says, in one language; `{business.name}` is filled from the business profile, `{min}`/`{max}` from the scale. */
export interface SurveyPhrases {
  question: Record<NpsOrCes, string>;
  askAgain: string;
  commentPrompt: string;
  skipComment: string;
  thanks: string;
}

/** The NPS and CES phrases per locale (Vietnamese and Chinese through the persona: `{persona.you}`, filled when sent). */
export const surveyPhrases: Record<Locale, SurveyPhrases> = {
  vi: {
    question: {
      nps: '{persona.You} có sẵn lòng giới thiệu {business.name} cho bạn bè hoặc người thân không? Chọn từ 0 (chắc chắn không) đến 10 (chắc chắn có).',
      ces: '{persona.You} thấy việc được giải quyết vấn đề lần này dễ dàng thế nào? Chọn từ 1 (rất khó khăn) đến 7 (rất dễ dàng).',
    },
    askAgain: 'Dạ, {persona.we} chưa hiểu câu trả lời của {persona.you}. {persona.You} vui lòng chọn giúp {persona.we} một số từ {min} đến {max} ạ.',
    commentPrompt: 'Cảm ơn {persona.you}! {persona.You} có muốn chia sẻ thêm lý do không? (không bắt buộc)',
    skipComment: 'Không, cảm ơn',
    thanks: 'Cảm ơn {persona.you} đã trả lời!',
  },
  en: {
    question: {
      nps: 'How likely are you to recommend {business.name} to a friend or colleague? Choose from 0 (not at all likely) to 10 (extremely likely).',
      ces: 'How easy was it to get your issue solved? Choose from 1 (very difficult) to 7 (very easy).',
    },
    askAgain: 'Sorry, I did not catch that. Please choose a number from {min} to {max}.',
    commentPrompt: 'Thank you! Would you like to tell us why? (optional)',
    skipComment: 'No, thanks',
    thanks: 'Thank you for your answer!',
  },
  cs: {
    question: {
      nps: 'Jak pravděpodobně byste {business.name} doporučili přátelům nebo kolegům? Zvolte od 0 (vůbec ne) do 10 (určitě ano).',
      ces: 'Jak snadné bylo vyřešit váš problém? Zvolte od 1 (velmi obtížné) do 7 (velmi snadné).',
    },
    askAgain: 'Promiňte, nerozuměl jsem. Zvolte prosím číslo od {min} do {max}.',
    commentPrompt: 'Děkujeme! Chcete nám říct proč? (nepovinné)',
    skipComment: 'Ne, děkuji',
    thanks: 'Děkujeme za odpověď!',
  },
  zh: {
    question: {
      nps: '{persona.You}有多大可能向朋友或同事推荐{business.name}？请从 0（完全不可能）到 10（非常可能）中选择。',
      ces: '这次解决{persona.you}的问题有多容易？请从 1（非常困难）到 7（非常容易）中选择。',
    },
    askAgain: '抱歉，我没有理解。请选择 {min} 到 {max} 之间的数字。',
    commentPrompt: '谢谢！{persona.You}愿意告诉我们原因吗？（可选）',
    skipComment: '不用了，谢谢',
    thanks: '感谢{persona.you}的回答！',
  },
};
