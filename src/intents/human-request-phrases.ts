/**
 * How customers ask to talk to a person now, in Vietnamese, English, Czech and Chinese.
 * Entries are matched like the complaint lexicons (`cue-matcher.ts`): Latin-script words
 * folded as the knowledge base folds them (so "nv" = "nhân viên", no diacritics needed), a
 * trailing `*` matching any ending, Chinese as substrings.
 *
 * A question about contact details ("what is your hotline number?", "客服电话是多少") or
 * about staff ("do your staff install the TV?") is not a request: it names no wish to talk.
 */
export interface HumanRequestPhrases {
  /** Phrases that ask for a person wherever they stand ("real person", "spojte mě", "转人工"). */
  phrases: readonly string[];
  /**
   * A verb of asking followed, within `within` words (characters for Chinese), by a person
   * ("talk to … a real person", "cho em gặp nv", "跟你们经理谈"); with `order: 'before'` the
   * person comes first ("经理在吗"), with `'either'` on either side ("mi zavolat", "a person take over").
   */
  pairs: readonly { asks: readonly string[]; people: readonly string[]; within: number; order?: 'after' | 'before' | 'either' }[];
  /** Words that ask for a person when they are the whole message ("human", "operátor", "人工"). */
  alone: readonly string[];
  /** Courtesy words left out before comparing a message with `alone` ("human please", "nhân viên ơi"). */
  courtesy: readonly string[];
  /** Phrases that contain a request word and mean something else ("人工智能" AI, "转接头" adapter). */
  harmless: readonly string[];
  /** Words that deny the request right before it ("không cần gặp nhân viên", "不用转人工"), and what may stand between. */
  negators: readonly string[];
  fillers: readonly string[];
}

const enPeople = ['human*', 'person', 'people', 'agent*', 'operator*', 'someone', 'somebody', 'staff', 'representative*', 'rep', 'manager*', 'supervisor*', 'employee*', 'consultant*', 'advisor*', 'adviser*', 'colleague*', 'member of*', 'team', 'someone in charge', 'person in charge', 'owner', 'boss', 'someone from', 'customer service', 'customer care', 'support team', 'support staff', 'real', 'live', 'actual'];
// Who could be there to talk: asked whether one is there or free ("is a real agent available?", "anyone online?").
const enPresent = ['human*', 'person', 'agent*', 'operator*', 'someone', 'somebody', 'anyone', 'anybody', 'representative*'];
// The one a customer asks to be called back: the customer.
const callers = { en: ['me', 'us'], vi: ['em', 'e', 'mình', 'tôi', 'tui', 'tớ', 'anh', 'chị', 'cháu', 'bọn mình'], cs: ['mi', 'mě', 'mne', 'mně', 'nás'] };
const zhPeople = ['人工', '真人', '活人', '客服', '经理', '主管', '店长', '负责人', '领导', '工作人员', '店员', '销售', '员工', '老板', '专员', '售后人员'];
const viPeople = ['người phụ trách', 'phụ trách', 'bạn nào', 'chủ cửa hàng', 'chủ tiệm', 'nhân viên', 'người thật', 'người', 'tư vấn viên', 'tư vấn', 'tổng đài viên', 'quản lý', 'admin', 'ad', 'chủ shop', 'người hỗ trợ', 'chăm sóc khách hàng', 'cskh', 'bộ phận', 'ai đó', 'sếp', 'cấp trên', 'trực page', 'nhân sự'];
// Not "osob*" ("chci osobní odběr": personal pick-up) nor "skutečn*" ("skutečně": really); those come as phrases.
const csPeople = ['koleg*', 'někoho', 'majitel*', 'šéf*', 'vedení', 'člověk*', 'operátor*', 'pracovník*', 'pracovnic*', 'někým', 'obsluh*', 'podpora', 'podporu', 'podporou', 'zákaznick* servis*', 'zákaznick* podpor*', 'zaměstnan*', 'vedouc*', 'manažer*', 'konzultant*', 'poradc*', 'agent*', 'živ*'];
// "chuyển người nhận" changes the recipient: after "chuyển" a bare "người" is not staff.
const viStaff = viPeople.filter((person) => person !== 'người' && person !== 'ai đó');

export const humanRequestPhrases: HumanRequestPhrases = {
  phrases: [
    // English
    'real person', 'real human', 'actual person', 'actual human', 'live agent', 'live person', 'live operator', 'live chat agent', 'human being', 'human please',
    'humans please', 'transfer me', 'put me through', 'is anyone there', 'is there anyone', 'is there anybody', 'anybody there', 'is there a human', 'not a bot',
    'no bot', 'no bots', 'don t want a bot', 'don t want to talk to a bot', 'not talk to a bot', 'don t want a robot', 'stop the bot', 'hate bots', 'call me back',
    'can someone call me', 'someone call me', 'have someone call me', 'ring me back', 'customer service please', 'escalate to a human', 'is there a person', 'is there someone', 'person i can talk to', 'someone i can talk to', 'speak to someone',
    'talk to someone', 'agent please', 'operator please', 'put me thru', 'put me in touch', 'get me in touch', 'hand me over', 'pass me over', 'pass me on', 'callback', 'call back', 'give me a call', 'give us a call', 'give me a ring',
    'live support', 'live help', 'human support', 'human help', 'human assistance', 'rather talk to a person', 'rather speak to a person', 'rather talk to a human', 'rather speak to a human',
    'bot isn t helping', 'bot is not helping', 'bot doesn t understand', 'bot does not understand', 'bot can t help', 'bot cannot help',
    // Vietnamese
    'người thật', 'gọi lại cho em', 'gọi lại cho mình', 'gọi lại cho tôi', 'gọi lại cho anh', 'gọi lại cho chị', 'gọi lại giúp', 'gọi lại em', 'gọi cho em', 'gọi cho mình',
    'nhân viên đâu', 'tư vấn viên đâu', 'có nhân viên nào', 'có nhân viên không', 'có ai trực', 'có người trực', 'có ai không', 'có ai ở đó', 'có ai ở đây', 'có ai đó không', 'admin đâu', 'ad đâu',
    'không muốn nói chuyện với bot', 'không muốn chat với bot', 'không muốn chat với máy', 'không nói chuyện với máy', 'không muốn nói với bot', 'chán bot',
    'không phải bot', 'không muốn nói chuyện với máy', 'tư vấn trực tiếp', 'hỗ trợ trực tiếp', 'nói chuyện trực tiếp', 'trao đổi trực tiếp', 'người tư vấn', 'chuyển sang bộ phận', 'chuyển qua bộ phận', 'chuyển giúp tôi sang', 'chuyển giúp mình sang', 'chuyển giúp em sang', 'chuyển cho tôi sang', 'chuyển máy', 'có người nào hỗ trợ', 'có ai hỗ trợ', 'có ai tư vấn', 'gọi lại số', 'gọi lại vào số', 'gọi lại cho số',
    'không phải trợ lý ảo', 'không phải máy', 'trợ lý ảo', 'tư vấn bởi nhân viên', 'bởi nhân viên', 'bot trả lời không đúng', 'bot không hiểu', 'bot trả lời sai', 'bot không trả lời được', 'máy trả lời không đúng',
    // Czech
    'spojte mě', 'přepoj* mě', 'přepojte', 'živ* osob*', 'živ* člověk*', 'živ* operátor*', 'skutečn* člověk*', 'opravdov* člověk*', 'reáln* člověk*',
    'nechci robota', 'nechci bota', 'nechci mluvit s botem', 'nechci mluvit s robotem', 'nechci chatbot*', 'zavolejte mi', 'prosím o zavolání', 'zpětné zavolání',
    'je tam někdo', 'je tam nějaký člověk', 'někoho skutečn*', 'někoho živ*', 'zpětný hovor', 'zpětné volání', 'po telefonu s někým', 's někým po telefonu', 'skutečn* osob*', 'skutečn* paní', 'skutečn* pan* z podpory', 'ne s automatem', 'ne s robotem', 'ne s botem', 'nebo jen bot', 'jen automat', 'nechci automat', 'ne s počítačem', 'ne tady v chatu', 'ne přes chat', 'ne s chatbotem', 'ne robota', 'ne bota', 'bot mi nerozumí', 'robot mi nerozumí', 'bot nerozumí',
    // Chinese
    // Bare 人工 asks for a person unless it is part of one of the `harmless` words (人工智能, 人工除霜, …).
    '人工', '转人工', '人工客服', '人工服务', '人工坐席', '人工座席', '找人工', '要人工', '有人工', '人工吗', '人工在', '接人工', '真人', '找客服', '要客服', '找你们的客服', '找你们客服', '要你们的客服', '客服人员', '客服在吗', '客服在不在',
    '有客服吗', '有人吗', '有没有人工', '有没有客服', '接线员', '转接', '找工作人员', '要工作人员', '工作人员联系我', '让工作人员', '叫工作人员', '和工作人员', '跟工作人员', '找经理',
    '叫经理', '叫你们经理', '经理来', '找你们领导', '找领导', '叫领导', '不要机器人', '不想和机器', '不想跟机器', '不跟机器', '不和机器', '不要跟机器', '机器人听不懂', '机器人回答不了', '机器人不懂', '机器人没用', '联系一下我', '联系下我', '跟我联系一下', '给我打个电话', '找售后', '找你们的售后', '找你们售后', '联系售后', '转售后', '售后客服', '换个人', '换一个人', '换人工', '跟我对接', '和我对接',
    '和人说话', '跟人说话', '回电话', '回个电话', '打电话给我', '给我打电话', '给我回电', '联系我', '给我打', '打给我', '打我电话', '回我电话', '找个人', '有活人', '跟我联系', '和我联系', '与我联系', '电话沟通', '电话聊', '需要有人', '负责的人', '跟店员说', '和店员说', '找店员', '联系客服人员',
  ],
  pairs: [
    { asks: ['talk to', 'talk with', 'speak to', 'speak with', 'chat with', 'chat to', 'connect me', 'transfer me', 'transfer to', 'put me through', 'put me thru', 'pass me', 'get me', 'give me', 'let me talk', 'reach', 'contact a', 'speak w', 'talk w', 'chat w', 'discuss', 'go over'], people: enPeople, within: 4 },
    // "please get a human on this" (not "someone at home for the delivery")
    { asks: ['get'], people: ['human*', 'agent*', 'operator*', 'representative*', 'person'], within: 2 },
    { asks: ['available', 'around', 'online', 'free to chat', 'working here', 'there to', 'take over', 'on the line'], people: enPresent, within: 4, order: 'either' },
    { asks: ['is there', 'are there', 'is anyone', 'is anybody'], people: enPresent, within: 2 },
    // "call me back", "have a representative contact me", "could your team ring me?"
    { asks: ['call', 'ring', 'phone', 'contact', 'reach out to', 'get back to', 'call back'], people: callers.en, within: 1 },
    { asks: ['i want', 'i need', 'we want', 'we need', 'i d like', 'i would like', 'can i have', 'can i get', 'i m asking for', 'i ask for'], people: ['human*', 'agent*', 'operator*', 'representative*', 'real person', 'live person', 'real people', 'manager', 'supervisor', 'a person', 'someone to talk', 'somebody to talk', 'someone to speak', 'member of staff', 'staff member'], within: 3 },
    // "is a human able to look at this?": a person asked to see to it.
    { asks: ['look at', 'look into', 'take a look', 'check this', 'handle this', 'deal with this'], people: ['human*', 'real person', 'actual person', 'a person'], within: 4, order: 'before' },
    // "is there a manager I can speak with?": the person first, then whom to talk to.
    { asks: ['i can speak', 'i can talk', 'i could speak', 'i could talk', 'i can chat'], people: enPeople, within: 3, order: 'before' },
    { asks: ['gặp', 'gặp được', 'nói chuyện với', 'nói chuyện', 'nói với', 'chat với', 'nhắn với', 'nhắn tin với', 'trao đổi với', 'kết nối', 'kết nối với'], people: viPeople, within: 2 },
    { asks: ['chuyển', 'chuyển cho', 'chuyển sang', 'chuyển qua', 'chuyển máy', 'chuyển máy cho', 'nối máy', 'nối máy cho'], people: viStaff, within: 1 },
    // "kết nối giúp mình với nhân viên hỗ trợ"
    { asks: ['kết nối giúp', 'nối giúp', 'chuyển giúp', 'kết nối cho'], people: viStaff, within: 4 },
    // "nối máy cho mình với bộ phận bảo hành"
    { asks: ['nối máy', 'chuyển máy'], people: viStaff, within: 3 },
    // "có nhân viên nào đang trực không", "tư vấn viên online không"
    { asks: ['trực', 'đang trực', 'online', 'onl', 'rảnh'], people: [...viStaff, 'ai', 'người'], within: 3, order: 'either' },
    // "mình cần người hỗ trợ gấp"
    { asks: ['cần', 'muốn', 'xin'], people: ['người hỗ trợ', 'người tư vấn', 'tư vấn viên', 'người thật', 'người phụ trách', 'ai đó'], within: 1 },
    // "cho xin số tổng đài viên", "xin sđt nv tư vấn"
    { asks: ['xin số', 'xin số điện thoại', 'xin zalo', 'cho số'], people: viStaff, within: 2 },
    // "gọi lại cho em", "liên hệ lại giúp mình", "gọi e nhé"
    { asks: ['gọi', 'gọi lại', 'gọi điện', 'gọi điện lại', 'liên hệ lại', 'liên lạc lại', 'call'], people: callers.vi, within: 2 },
    { asks: ['probral*', 'probrat', 'prober*', 'mluv*', 'promluv*', 'hovořit', 'spoj*', 'přepoj*', 'chci', 'chtěl* bych', 'potřebuj*', 'dejte mi', 'dáte mi', 'mi dát', 'sežeňte mi', 'řešit s', 'řešil* s', 'vyřešit s', 'vyřešil* s', 'domluvit s', 'rád bych', 'ráda bych'], people: csPeople, within: 3 },
    // "potřebuji, aby se na to podíval člověk"
    { asks: ['podíval*', 'podívá*', 'podívat', 'prohlédl*', 'prohlédne'], people: ['člověk*', 'živ* osob*', 'operátor*', 'pracovník*', 'pracovnic*'], within: 3, order: 'either' },
    // "je k dispozici nějaký pracovník?"
    { asks: ['k dispozici', 'online', 'volný', 'volná'], people: csPeople, within: 3, order: 'either' },
    // "zavolejte mi", "mohl by mi někdo zavolat", "ozve se mi někdo", "kontaktujte mě"
    { asks: ['zavol*', 'ozv*', 'kontaktuj*', 'kontaktovat', 'telefonuj*', 'brnkn*', 'zatelefonuj*'], people: callers.cs, within: 3, order: 'either' },
    // "跟你们经理谈谈", "找个客服", "叫你们主管来", "转个人工"
    { asks: ['找', '叫', '要', '跟', '和', '同', '与', '转', '接', '接通', '安排', '派'], people: zhPeople, within: 4 },
    // "客服呢", "经理在吗", "工作人员在线吗"
    { asks: ['在吗', '在么', '在不在', '在线', '呢'], people: [...zhPeople, '有人'], within: 1, order: 'before' },
  ],
  alone: [
    'human', 'humans', 'agent', 'operator', 'representative', 'rep', 'person', 'a person', 'a human', 'real person', 'customer service', 'staff', 'someone',
    'human agent', 'a human agent', 'live agent', 'real agent', 'an agent', 'customer support', 'customer care', 'live chat', 'support agent', 'human support',
    'nhân viên', 'tư vấn viên', 'người thật', 'tổng đài viên', 'admin', 'nhân viên tư vấn', 'cskh',
    'operátor', 'operátora', 'operátorka', 'operátorku', 'člověk', 'člověka', 'pracovník', 'pracovníka', 'podpora',
    '人工', '客服', '真人', '人工客服',
  ],
  courtesy: ['please', 'pls', 'plz', 'now', 'thanks', 'thank you', 'hi', 'hello', 'a', 'ạ', 'đi', 'ơi', 'nhé', 'nha', 'giúp', 'em', 'cho', 'mình', 'với', 'prosím', 'hned', 'ahoj', '请', '吧', '啊', '呀', '谢谢', '你好', '要', '我要', '找'],
  harmless: [
    '人工智能', '人工费', '人工成本', '人工费用', '人工安装', '人工湖', '人工除霜', '人工操作', '人工呼吸', '人工降雨', '人工草坪', '人工客服电话', '人工客服热线', '人工客服的电话', '人工客服号码', '人工服务电话', '人工客服邮箱',
    '人工客服时间', '人工客服几点', '人工客服上班', '人工服务时间', '转接头', '转接器', '转接线', '转接口', '真人秀', '真人图', '真人照', '联系我们', '怎么联系客服',
    '如何联系客服', '联系客服的方式', '客服电话', 'ảnh người thật', 'hình người thật', 'người thật việc thật', 
    // "không cần gặp nhân viên đâu": here "đâu" denies, it does not ask where the staff are.
    'cần gặp nhân viên đâu', 'phải gặp nhân viên đâu', 'muốn gặp nhân viên đâu', 'cần gặp tư vấn viên đâu',
    // A courier or technician who calls about the delivery is not a person asked for.
    'zavolá mi kurýr', 'mi zavolá kurýr', 'kurýr mi zavolá', 'mi zavolá řidič', 'mi zavolá technik', 'shipper gọi', 'shipper sẽ gọi', 'gọi trước khi', 'gọi trước', 'bên mình', 'shop mình', 'cửa hàng mình', 'công ty mình', 'courier call', 'courier will call', 'driver call', 'driver will call', 'someone call me before', 'someone call me when', 'someone call me ahead', 'call me before', 'call me when', 'call me ahead', 'call me on delivery',
    '客服电话', '客服热线', '客服邮箱', '客服时间', '客服几点', '经理电话', '人工费', '接口', '接头', 'real person photos', 'is there a human readable', 'is there a human friendly', 'transfer me the', 'give me a call back number',
  ],
  negators: ['not', 'no', 't', 'never', 'không', 'chẳng', 'chả', 'nechci', 'nepotřebuji', 'nepotřebuju', 'nemusím', '不', '不用', '不需要', '不要', '别', '无需', '不必', '没必要', '不想'],
  fillers: ['need', 'want', 'to', 'have', 'really', 'cần', 'muốn', 'phải', 'được', 'cho', 'em', 'mình', 'tôi', 'mě', 'me', '再', '去', '给我', '帮我'],
};
