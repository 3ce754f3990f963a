import type { Locale } from '../config/config-schema.js';

/** What the bot says besides articles and intent responses, in every supported language. */
export interface BotPhrases {
  didItHelp: string;
  yes: string;
  no: string;
  clarify: string;
  weak: string;
  miss: string;
  talkToHuman: string;
  readMore: string;
  /** `{language}`: the language the answer is written in. */
  onlyInLanguage: string;
  /** `{number}`: the ticket number. */
  handedOff: string;
  agentsAvailable: string;
  /** `{time}`: when agents are back. */
  agentsBack: string;
  leaveContact: string;
  /** In business hours, but no agent is at the console. */
  agentsBusy: string;
  /** `{contact}`: what the customer left. */
  contactSaved: string;
  /** `{number}`: the ticket number; a message written while waiting for an agent is kept for them. */
  messageKept: string;
  /** A photo, sticker, voice message, file or card without words, while the bot has the conversation. */
  wordsOnly: string;
  /** The answer to a help command (Telegram's `/help`): how to ask, and the commands. */
  commandHelp: string;
  languageNames: Record<Locale, string>;
}

/**
 * The bot's own phrases per locale; Vietnamese and Chinese ones name the customer and the bot
 * through the persona (`{persona.you}`, `{persona.we}`), filled when they are sent.
 */
export const botPhrases: Record<Locale, BotPhrases> = {
  vi: {
    didItHelp: 'Câu trả lời này có giúp được {persona.you} không?',
    yes: 'Có, cảm ơn',
    no: 'Không',
    clarify: 'Dạ, {persona.you} muốn hỏi về nội dung nào dưới đây ạ?',
    weak: 'Dạ, {persona.we} chưa chắc đã hiểu đúng câu hỏi. Có phải {persona.you} muốn hỏi:',
    miss: 'Xin lỗi, {persona.we} chưa tìm được câu trả lời cho câu hỏi này. {persona.You} có thể hỏi theo cách khác, hoặc để {persona.we} chuyển {persona.you} sang nhân viên hỗ trợ ạ.',
    talkToHuman: 'Gặp nhân viên',
    readMore: 'Xem chi tiết',
    onlyInLanguage: '(Nội dung này hiện chỉ có bằng {language}.)',
    handedOff: '{persona.We} đã chuyển cuộc trò chuyện cho nhân viên hỗ trợ (phiếu #{number}).',
    agentsAvailable: 'Nhân viên sẽ trả lời {persona.you} ngay tại đây trong ít phút.',
    agentsBack: 'Hiện đang ngoài giờ làm việc; nhân viên sẽ trả lời {persona.you} tại đây khi quay lại vào {time}.',
    leaveContact: '{persona.You} có thể để lại số điện thoại hoặc email để chúng tôi liên hệ lại.',
    agentsBusy: 'Hiện chưa có nhân viên trực tuyến; nhân viên sẽ trả lời {persona.you} tại đây sớm nhất có thể.',
    contactSaved: 'Cảm ơn {persona.you}! Chúng tôi đã ghi nhận thông tin liên hệ {contact} và sẽ liên hệ lại sớm nhất.',
    messageKept: 'Dạ, {persona.we} đã ghi nhận tin nhắn của {persona.you} cho nhân viên hỗ trợ (phiếu #{number}); nhân viên sẽ trả lời ngay tại đây.',
    wordsOnly: 'Dạ, {persona.we} chỉ đọc được tin nhắn chữ. {persona.You} vui lòng mô tả bằng lời, hoặc để {persona.we} chuyển ảnh/tệp này cho nhân viên hỗ trợ ạ.',
    commandHelp: '{persona.You} cứ nhắn câu hỏi bằng lời của mình (có dấu hay không dấu đều được), {persona.we} sẽ trả lời ngay.\n\n/human — gặp nhân viên hỗ trợ\n/help — xem hướng dẫn này',
    languageNames: { vi: 'tiếng Việt', en: 'tiếng Anh', cs: 'tiếng Séc', zh: 'tiếng Trung' },
  },
  en: {
    didItHelp: 'Did this answer help?',
    yes: 'Yes, thanks',
    no: 'No',
    clarify: 'Which of these did you mean?',
    weak: "I'm not sure I understood. Did you mean:",
    miss: "Sorry, I couldn't find an answer to that. Could you put it another way? Or I can connect you with a member of our staff.",
    talkToHuman: 'Talk to a person',
    readMore: 'Read more',
    onlyInLanguage: '(This answer is only available in {language}.)',
    handedOff: "I've passed your conversation to our support staff (ticket #{number}).",
    agentsAvailable: 'A staff member will reply right here in a few minutes.',
    agentsBack: "We're outside working hours now; a staff member will reply here when we're back, {time}.",
    leaveContact: 'You can leave your phone number or email so that we can get back to you.',
    agentsBusy: 'No staff member is online right now; one will reply here as soon as possible.',
    contactSaved: 'Thank you! We have noted {contact} and will get back to you as soon as possible.',
    messageKept: 'Got it: your message is kept for our staff (ticket #{number}); they will reply right here.',
    wordsOnly: 'I can read text only. Please tell me in words, or I can pass this to a person.',
    commandHelp: 'Just type your question in your own words and I will answer right away.\n\n/human — talk to a person\n/help — show this help',
    languageNames: { vi: 'Vietnamese', en: 'English', cs: 'Czech', zh: 'Chinese' },
  },
  cs: {
    didItHelp: 'Pomohla vám tato odpověď?',
    yes: 'Ano, děkuji',
    no: 'Ne',
    clarify: 'Které z těchto témat máte na mysli?',
    weak: 'Nejsem si jistý, že jsem vám rozuměl. Myslíte:',
    miss: 'Omlouvám se, na tuto otázku jsem nenašel odpověď. Můžete ji položit jinak? Nebo vás mohu spojit s naším pracovníkem.',
    talkToHuman: 'Mluvit s člověkem',
    readMore: 'Více informací',
    onlyInLanguage: '(Tato odpověď je k dispozici pouze v jazyce: {language}.)',
    handedOff: 'Předal jsem konverzaci našim pracovníkům podpory (tiket #{number}).',
    agentsAvailable: 'Pracovník vám odpoví přímo zde během několika minut.',
    agentsBack: 'Nyní je mimo pracovní dobu; pracovník vám odpoví zde, až budeme zpět: {time}.',
    leaveContact: 'Můžete nám zanechat telefon nebo e-mail, ozveme se vám.',
    agentsBusy: 'Právě není k dispozici žádný pracovník; odpoví vám zde co nejdříve.',
    contactSaved: 'Děkujeme! Zaznamenali jsme kontakt {contact} a co nejdříve se vám ozveme.',
    messageKept: 'Rozumím: vaši zprávu předám kolegům (požadavek č. {number}); odpoví vám přímo tady.',
    wordsOnly: 'Rozumím jen psanému textu. Napište mi to prosím slovy, nebo to předám kolegovi.',
    commandHelp: 'Napište svou otázku vlastními slovy a hned odpovím.\n\n/human — mluvit s člověkem\n/help — zobrazit tuto nápovědu',
    languageNames: { vi: 'vietnamština', en: 'angličtina', cs: 'čeština', zh: 'čínština' },
  },
  zh: {
    didItHelp: '这个回答对{persona.you}有帮助吗？',
    yes: '有帮助，谢谢',
    no: '没有',
    clarify: '{persona.You}想问的是以下哪一个？',
    weak: '我不确定是否理解了{persona.you}的问题。{persona.you}是想问：',
    miss: '抱歉，我没有找到这个问题的答案。{persona.You}可以换一种说法，或者我可以为{persona.you}转接人工客服。',
    talkToHuman: '转人工客服',
    readMore: '查看详情',
    onlyInLanguage: '（此回答目前只有{language}版本。）',
    handedOff: '我已将对话转给客服人员（工单 #{number}）。',
    agentsAvailable: '客服人员会在几分钟内在这里回复{persona.you}。',
    agentsBack: '现在是非工作时间；客服人员将于{time}上班后在这里回复{persona.you}。',
    leaveContact: '{persona.You}可以留下电话号码或电子邮箱，以便我们联系{persona.you}。',
    agentsBusy: '目前没有客服在线；客服将尽快在这里回复{persona.you}。',
    contactSaved: '谢谢！我们已记录{persona.you}的联系方式 {contact}，会尽快与{persona.you}联系。',
    messageKept: '已收到，{persona.you}的消息已转交给客服人员（工单 #{number}），他们会在这里回复{persona.you}。',
    wordsOnly: '我只能读取文字消息。请用文字描述{persona.you}的问题，或者我可以把它转给人工客服。',
    commandHelp: '请直接用您自己的话输入问题，我会马上回答。\n\n/human — 联系人工客服\n/help — 显示帮助',
    languageNames: { vi: '越南语', en: '英语', cs: '捷克语', zh: '中文' },
  },
};

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
