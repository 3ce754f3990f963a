import type { Button } from '../core/messages.js';
import type { Locale } from '../config/config-schema.js';

/** What the survey says, in every supported language. */
export interface CsatPhrases {
  question: string;
  /** Labels of the scores 1..5, worst first. */
  scores: [string, string, string, string, string];
  askAgain: string;
  commentPrompt: string;
  skipComment: string;
  thanks: string;
}

/** The survey's phrases per locale (Vietnamese and Chinese through the persona: `{persona.you}`, filled when sent). */
export const csatPhrases: Record<Locale, CsatPhrases> = {
  vi: {
    question: '{persona.You} hài lòng thế nào với lần hỗ trợ vừa rồi? Chọn từ 1 (rất tệ) đến 5 (rất hài lòng).',
    scores: ['1 – Rất tệ', '2 – Tệ', '3 – Bình thường', '4 – Hài lòng', '5 – Rất hài lòng'],
    askAgain: 'Dạ, {persona.we} chưa hiểu đánh giá của {persona.you}. {persona.You} vui lòng chọn giúp {persona.we} một mức từ 1 đến 5 ạ.',
    commentPrompt: 'Cảm ơn {persona.you}! {persona.You} có muốn góp ý thêm điều gì không? (không bắt buộc)',
    skipComment: 'Không, cảm ơn',
    thanks: 'Cảm ơn {persona.you} đã đánh giá!',
  },
  en: {
    question: 'How satisfied are you with the help you got? Choose from 1 (very poor) to 5 (very good).',
    scores: ['1 – Very poor', '2 – Poor', '3 – OK', '4 – Good', '5 – Very good'],
    askAgain: 'Sorry, I did not catch your rating. Please choose a score from 1 to 5.',
    commentPrompt: 'Thank you! Anything you would like to add? (optional)',
    skipComment: 'No, thanks',
    thanks: 'Thank you for your feedback!',
  },
  cs: {
    question: 'Jak jste spokojeni s pomocí, kterou jste dostali? Zvolte od 1 (velmi špatné) do 5 (výborné).',
    scores: ['1 – Velmi špatné', '2 – Špatné', '3 – Průměrné', '4 – Dobré', '5 – Výborné'],
    askAgain: 'Promiňte, hodnocení jsem nepochopil. Zvolte prosím číslo od 1 do 5.',
    commentPrompt: 'Děkujeme! Chcete něco dodat? (nepovinné)',
    skipComment: 'Ne, děkuji',
    thanks: 'Děkujeme za hodnocení!',
  },
  zh: {
    question: '{persona.You}对这次服务满意吗？请从 1（非常不满意）到 5（非常满意）中选择。',
    scores: ['1 – 非常不满意', '2 – 不满意', '3 – 一般', '4 – 满意', '5 – 非常满意'],
    askAgain: '抱歉，我没有理解{persona.you}的评分。请选择 1 到 5 之间的分数。',
    commentPrompt: '谢谢！{persona.You}还有什么想补充的吗？（可选）',
    skipComment: '不用了，谢谢',
    thanks: '感谢{persona.you}的评价！',
  },
};

/** The payload of the button for `score` (1..5): `csat:5`. */
export const scorePayload = (score: number): string => `csat:${score}`;

/** The payload of the "no comment" button. */
export const skipCommentPayload = 'csat:skip';

/** The five rating buttons, scores 1..5, labelled in `locale`. */
export function ratingButtons(locale: Locale): Button[] {
  return csatPhrases[locale].scores.map((label, index) => ({ label, payload: scorePayload(index + 1) }));
}
