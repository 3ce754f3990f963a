/**
 * Chat spellings customers type in English, after diacritic folding, and the word they stand
 * for. Applied to whole tokens of English text only (`chatAbbreviations`); "till" is an
 * English word, so not here.
 */
export const englishChatSlang: Readonly<Record<string, string>> = {
  wat: 'what',
  wht: 'what',
  wut: 'what',
  hw: 'how',
  wen: 'when',
  wher: 'where',
  whr: 'where',
  shud: 'should',
  shld: 'should',
  cud: 'could',
  cld: 'could',
  wud: 'would',
  ive: 'i have',
  til: 'until',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  bcoz: 'because',
  ppl: 'people',
  acc: 'account',
  acct: 'account',
  addr: 'address',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  '2day': 'today',
  b4: 'before',
  pic: 'photo',
  pics: 'photos',
  gud: 'good',
  bout: 'about',
  thru: 'through',
  pmt: 'payment',
  pymt: 'payment',
  dlvry: 'delivery',
  lmk: 'let me know',
  idk: 'i do not know',
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  abt: 'about',
  msg: 'message',
  pwd: 'password',
  asap: 'now',
  rn: 'now',
  wanna: 'want to',
  gonna: 'going to',
  cant: 'can not',
  dont: 'do not',
  didnt: 'did not',
  doesnt: 'does not',
  isnt: 'is not',
  wont: 'will not',
};

/** Czech chat spellings (diacritics folded) and the word they stand for, for Czech text only. */
export const czechChatSlang: Readonly<Record<string, string>> = {
  narozky: 'narozeniny',
  diky: 'dekuji',
  dik: 'dekuji',
  dekuju: 'dekuji',
  prosimte: 'prosim',
  tel: 'telefon',
  jj: 'ano',
  zadnej: 'zadny',
  novej: 'novy',
  jakej: 'jaky',
  kterej: 'ktery',
};

/**
 * Chinese internet spellings and what they stand for, rewritten in the text before it is
 * segmented ("肿么" is "怎么", "木有" is "没有"); longest first where one contains another.
 */
export const chineseChatSlang: readonly (readonly [string, string])[] = [
  ['有木有', '有没有'],
  ['肿么', '怎么'],
  ['神马', '什么'],
  ['木有', '没有'],
  ['酱紫', '这样子'],
  ['咋样', '怎么样'],
  ['咋', '怎么'],
  ['啥', '什么'],
  ['滴', '的'],
  ['童鞋', '同学'],
  ['稀饭', '喜欢'],
  ['米有', '没有'],
  ['表酱紫', '不要这样子'],
];

const hanSlang = new RegExp(chineseChatSlang.map(([from]) => from).sort((a, b) => b.length - a.length).join('|'), 'g');
const slangOf = new Map(chineseChatSlang);

/** `text` with the Chinese chat spellings it holds rewritten. */
export function rewriteChineseSlang(text: string): string {
  return text.replace(hanSlang, (found) => slangOf.get(found)!);
}
