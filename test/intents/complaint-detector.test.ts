import { describe, expect, it } from 'vitest';
import { detectComplaint } from '../../src/intents/complaint-detector.js';

// Messages as customers write them: complaints that must reach a person, and questions that must not.
const complaints: Record<'vi' | 'en' | 'cs' | 'zh', string[]> = {
  vi: [
    'đợi hoàn tiền 3 tuần rồi, các người định lừa à',
    'shop lừa đảo, đặt hàng xong không giao mà cũng không trả tiền',
    'lua dao vl, chuyen khoan roi ma ko thay hang dau',
    'Tôi đặt cái tủ lạnh hôm thứ hai, hẹn thứ tư giao, giờ đã sang tuần sau mà vẫn chưa thấy đâu, gọi hotline thì không ai nghe máy. Làm ăn kiểu gì vậy?',
    'dịch vụ tệ quá',
    'thái độ nhân viên quá tệ',
    'tôi muốn khiếu nại nhân viên giao hàng',
    'làm sao để khiếu nại?',
    'bức xúc thật sự, máy giặt mới mua đã hỏng',
    'quá đáng lắm rồi đấy',
    'nếu không giải quyết tôi sẽ báo hội bảo vệ người tiêu dùng',
    'tôi sẽ thuê luật sư',
    'để t lên fb bóc phốt cái shop này',
    'review 1 sao cho shop',
    'ĐỢI 2 TUẦN RỒI VẪN CHƯA GIAO, TRẢ LỜI ĐI!!!',
    'lần thứ 3 em nhắn rồi đấy, trả lời ngay đi',
    'thất vọng về shop',
    'ko hài lòng với cách làm việc của shop',
    'tệ vl',
    'dm shop',
    'bot ngu vcl',
    'đợi cả tháng rồi mà chẳng ai trả lời, bực mình',
    'hàng dỏm, bán hàng giả à',
    'chờ mãi không thấy ai liên hệ',
    'giao hang cham tre, nhan vien tho lo',
    'vo trach nhiem het suc',
    'không thể chấp nhận được cách phục vụ này',
    'trả lại tiền cho tôi ngay lập tức',
    'mất uy tín quá, không bao giờ mua ở đây nữa',
    'Tôi là khách quen của An Phát 5 năm nay, nhưng lần này thực sự thất vọng: máy lạnh lắp xong chảy nước, kỹ thuật hẹn 3 lần không đến.',
  ],
  en: [
    'Worst service ever, I want my money back NOW',
    'This is a scam, you took my money and never shipped',
    "I've been waiting 3 weeks for my refund and still nothing, this is ridiculous",
    'already two weeks and no refund!!!',
    'i will contact my lawyer',
    "I'm going to report you to consumer protection",
    'terrible experience with your delivery guys',
    'your staff was so rude to me',
    'how do I file a complaint?',
    'I want to complain about the installer',
    'very disappointed with the TV I bought',
    "this is the third time I'm asking and nobody answers",
    'WHERE IS MY ORDER?!?! I PAID TWO WEEKS AGO',
    'you guys are useless',
    'stupid bot',
    "I've been waiting forever",
    'waste of my time',
    'unacceptable',
    "I ordered a fridge on Monday, you promised Wednesday, it's now Saturday, no call, no email. Honestly the worst shop I've dealt with.",
    "I'll leave a 1 star review everywhere",
    'im so angry rn',
    'fed up with your excuses',
    'give me my money back immediately',
    'never buying from you again',
    'terible service, realy dissapointed',
    "I'm not happy with the repair",
    'this is a joke',
    'scammers',
    'I WANT A REFUND NOW',
    'my washing machine broke after 2 days, pathetic quality',
  ],
  cs: [
    'už týden čekám na peníze, to je skandál',
    'jste podvodníci',
    'to je podvod, peníze jste vzali a zboží nikde',
    'jsem velmi nespokojený s přístupem',
    'chci podat stížnost',
    'jak si můžu stěžovat?',
    'obrátím se na ČOI',
    'podám na vás žalobu',
    'předám to právníkovi',
    'napíšu na heureku špatnou recenzi',
    'hrozná obsluha, to je ostuda',
    'nehoráznost!',
    'čekám moc dlouho',
    'potřetí píšu a nikdo neodpovídá',
    'jsem naštvaná, pračka nefunguje a technik nepřišel',
    'otresne sluzby',
    'velke zklamani',
    'to je nepřijatelné',
    'VRAŤTE MI PENÍZE OKAMŽITĚ',
    'už nikdy u vás nic nekoupím',
    'ztráta času s vámi',
    'neschopní lidé',
    'Objednával jsem lednici před třemi týdny, slíbili jste doručení do pátku, pořád nic a na telefonu to nikdo nebere, jsem zklamaný.',
    'hnusný přístup',
    'katastrofa',
    'jste k ničemu',
    'nejhorší obchod',
    'pořád čekám na vrácení peněz',
  ],
  zh: [
    '你们到底什么时候退款？太过分了',
    '骗子！',
    '你们是不是骗子',
    '服务太差了',
    '我要投诉',
    '怎么投诉？',
    '等了三天还没人理，太慢了',
    '第三次问了，马上给我处理',
    '我要打12315投诉你们',
    '再不退款我就去消协',
    '找律师起诉你们',
    '给你们差评',
    '气死我了',
    '太失望了',
    '很不满意',
    '什么破服务',
    '垃圾客服',
    '无语了，等了半天',
    '态度恶劣',
    '退钱！马上！',
    '我上周一在你们店买的洗衣机，说好周三送货，现在都周六了还没送到，打电话也没人接，你们就是这样做生意的吗？太不负责任了',
    '坑人',
    '浪费我的时间',
    '再也不买你们家的东西了',
    '我要曝光你们',
    '一个多月了还没退款，你们到底想怎样',
    '烦死了',
  ],
};

const questions: Record<'vi' | 'en' | 'cs' | 'zh', string[]> = {
  vi: [
    'không tệ',
    'ko tệ lắm',
    'bao lâu thì nhận được hàng',
    'bảo hành bao lâu vậy shop?',
    'phí ship bao nhiêu',
    'máy lạnh có chế độ ngủ không',
    'che do ngu cua dieu hoa la gi',
    'em muốn lựa chọn máy giặt cửa trước',
    'đổi trả trong 7 ngày được không',
    'kiện hàng to quá có giao tận nhà không',
    'shop giao nhanh quá, cảm ơn nhiều',
    'máy phát điện loại nào tốt',
    'tủ lạnh dùng 5 năm rồi có còn bảo hành không',
    'không phải lừa đảo chứ?',
    'ngon vl',
    'sản phẩm dùng rất tốt, không có gì để phàn nàn',
    'hai tuần nữa mới có hàng à?',
    'máy có kêu bíp khi giặt xong không',
    'thùng rác thông minh giá bao nhiêu',
    'mai 2 giờ chiều giao được không',
    'chiều thứ 7 còn người tư vấn k',
  ],
  en: [
    'not bad',
    'not a scam right?',
    'how long does delivery take?',
    'how long is the warranty?',
    'can I get my money back if I return it?',
    'what is the delivery fee?',
    'is the fridge in stock right now?',
    'sorry if this is a stupid question, how do I pair the remote?',
    'do you sell garbage disposals?',
    'the slow cooker is great, do you have a bigger one?',
    'HAPPY NEW YEAR!!!',
    'Thanks a lot, the installer was great',
    'no complaints, everything arrived on time',
    'is the TV LG OLED 55 in stock',
    'I ordered 2 days ago, when will it arrive?',
    "I'm terribly sorry to bother you, what are your opening hours?",
    'second time buying here, love it',
    'not disappointed at all',
  ],
  cs: [
    'není to špatné',
    'jak dlouho trvá doručení',
    'jaká je záruka na pračku?',
    'kolik stojí doprava',
    'chci reklamovat televizi, jak postupovat?',
    'strašně děkuji za rychlé doručení',
    'hrozně rychlé doručení, díky',
    'mám pomalý hrnec, máte náhradní víko?',
    'police do lednice je prasklá, dá se koupit nová?',
    'dobrý den, máte otevřeno v sobotu?',
    'nebyl to podvod, jen omyl',
    'doručení za 3 dny?',
    'jste na facebooku?',
    'potřebuji vrátit zboží do 14 dnů, jak na to?',
    'máte držák na televizi?',
    'vše v pořádku, žádná stížnost',
  ],
  zh: [
    '不差',
    '不算太慢',
    '多久到货',
    '运费多少',
    '保修多久',
    '三天能到吗',
    '有滚筒洗衣机吗',
    '垃圾桶多少钱',
    '差不多多少钱',
    '人工智能冰箱有吗',
    '服务很好，谢谢',
    '有烟雾报警器吗',
    '保修不满一年坏了怎么办',
    '不是骗子吧',
    '送货速度不慢',
    '下单两天了什么时候发货',
  ],
};

describe('detectComplaint', () => {
  describe.each(Object.keys(complaints) as (keyof typeof complaints)[])('in %s', (language) => {
    it.each(complaints[language])('hears a complaint in %j', (text) => {
      const signal = detectComplaint(text);
      expect(signal.complaint, signal.reasons.join(', ')).toBe(true);
      expect(signal.score).toBeGreaterThanOrEqual(1);
    });

    it.each(questions[language])('hears no complaint in %j', (text) => {
      const signal = detectComplaint(text);
      expect(signal.complaint, signal.reasons.join(', ')).toBe(false);
    });
  });

  describe('tells why', () => {
    it('names an insult, a threat, a wait, shouting and a strong word', () => {
      expect(detectComplaint('shop lừa đảo').reasons).toContain('insult:lừa đảo');
      expect(detectComplaint('I will call my lawyer').reasons).toContain('threat:lawyer');
      expect(detectComplaint('đợi hoàn tiền 3 tuần rồi, các người định lừa à').reasons).toEqual(expect.arrayContaining(['wait:3 tuần', 'insult:định lừa']));
      expect(detectComplaint('WHERE IS MY REFUND, THIS IS TERRIBLE').reasons).toEqual(expect.arrayContaining(['shouting', 'strong:terrible']));
    });

    it('reads Vietnamese typed without diacritics like Vietnamese typed with them', () => {
      expect(detectComplaint('lua dao').reasons).toEqual(detectComplaint('lừa đảo').reasons);
    });
  });

  describe('when signals are weak on their own', () => {
    it('does not take capitals alone for a complaint', () => {
      expect(detectComplaint('WHERE IS THE NEAREST STORE')).toMatchObject({ complaint: false, reasons: ['shouting'] });
    });

    it('does not take a wait alone for one, but a wait with a feeling or a demand', () => {
      expect(detectComplaint('already two weeks').complaint).toBe(false);
      expect(detectComplaint('already two weeks, so slow').complaint).toBe(true);
      expect(detectComplaint('už týden čekám, okamžitě to vyřešte').complaint).toBe(true);
    });

    it('does not take a repeated contact alone for one, but with a demand', () => {
      expect(detectComplaint('第三次').complaint).toBe(false);
      expect(detectComplaint('第三次了，马上处理').complaint).toBe(true);
    });
  });

  describe('when two different signals tell one story', () => {
    it.each([
      // A counted wait, nothing come of it, and the two together.
      ['It has been 19 days since you got my return', false],
      ['where is my refund', false],
      ['Where is my refund? It has been 19 days since you got my return', true],
      // A wait that was waited, against a brief one, an estimate and one still to come.
      ['Đợi 45 phút trên điện thoại', true],
      ['đợi 5 phút nhé', false],
      ['Đặt hàng nước ngoài thì đợi khoảng 3 tuần phải không shop?', false],
      ['chờ 3 ngày nữa mới có hàng hả shop, ok mình đợi', false],
      // A repeat alone, and beside a verb of contact.
      ['this is the 4th time', false],
      ["this is the 4th time i'm contacting you about this order", true],
      // A defect alone is a warranty question; an early one is a complaint.
      ['Áo khoác mình nhận được bị rách ở tay, shop xử lý giúp mình với', false],
      ['The zipper broke the first time I wore it', true],
    ])('reads %j as a complaint: %s', (text, complaint) => {
      expect(detectComplaint(text).complaint).toBe(complaint);
    });

    it('takes a weak word said of the staff or the service for a strong one', () => {
      expect(detectComplaint('Prodavačka se ke mně chovala hrozně')).toMatchObject({ complaint: true, reasons: ['strong:hrozn'] });
    });
  });

  describe('when the message is a hypothetical', () => {
    it.each(['If the parcel is late, do I get compensation?', "if I'm not happy with it can I return it?", 'nếu không hài lòng thì đổi được không', '如果不满意可以退吗'])('takes %j for no complaint', (text) => {
      expect(detectComplaint(text).complaint).toBe(false);
    });

    it('still takes a threat for one', () => {
      expect(detectComplaint("If this isn't sorted today I'm going to the small claims court").complaint).toBe(true);
    });
  });

  describe('when the cue is denied', () => {
    it.each(['không tệ', 'ko tệ lắm', 'not bad', 'not a scam right?', 'není to špatné', '不差', '不算太慢'])('takes %j for no complaint', (text) => {
      expect(detectComplaint(text)).toEqual({ complaint: false, score: 0, reasons: [] });
    });
  });

  describe('when a denial is rhetorical', () => {
    it.each(['说是包邮结果到付了三十块，这不是骗人吗？', '难道不是骗人？'])('takes %j for a complaint', (text) => {
      expect(detectComplaint(text)).toMatchObject({ complaint: true, reasons: expect.arrayContaining(['insult:骗人']) });
    });

    it('still takes a plain denial for none', () => {
      expect(detectComplaint('你们应该不是骗子吧')).toMatchObject({ complaint: false });
    });
  });

  describe('when the least was not even done', () => {
    it.each([
      ['en', 'The courier left my parcel outside in the rain without even knocking'],
      ['cs', 'kurýr nechal balík venku v dešti a ani nezazvonil'],
      ['zh', '快递员把包裹放在门口淋雨，门都不敲一下'],
    ])('in %s, takes %j for a complaint', (_language, text) => {
      expect(detectComplaint(text).complaint).toBe(true);
    });
  });

  describe('when the staff did not even do the least', () => {
    it.each(['The cashier didn\'t even look up when I asked for help', '我问店员尺码，她头都不抬一下'])('takes %j for a complaint about the shop', (text) => {
      expect(detectComplaint(text)).toMatchObject({ complaint: true, reasons: [expect.stringMatching(/^strong:/)] });
    });

    it('takes a customer who did not even use the item for no complainer', () => {
      expect(detectComplaint("I didn't even wear it once, can I return it?").complaint).toBe(false);
    });
  });

  describe('when the wait is counted from a weekday', () => {
    it.each(['dat hang tu thu 3 ma gio van chua giao', 'objednávka je od úterý pořád nevyřízená', 'ordered since tuesday and still nothing'])('takes %j for a complaint', (text) => {
      expect(detectComplaint(text)).toMatchObject({ complaint: true, reasons: expect.arrayContaining([expect.stringMatching(/^wait:/)]) });
    });
  });

  describe('when what came is not what was ordered', () => {
    it.each(['I ordered a size S and got an XL, and now you want me to pay for the return?', '我买的是S码，寄来XL码，还要我自己付运费？'])('takes %j for a complaint', (text) => {
      expect(detectComplaint(text)).toMatchObject({ complaint: true, reasons: expect.arrayContaining([expect.stringMatching(/^failure:/)]) });
    });

    it('takes a question about that case for none', () => {
      expect(detectComplaint('What if I get the wrong size?').complaint).toBe(false);
    });
  });
});
