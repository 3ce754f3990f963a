import { describe, expect, it } from 'vitest';
import { AnswerIndex, type IndexableArticle } from '../../src/knowledge/retrieval/answer-index.js';

const article = (slug: string, locale: IndexableArticle['locale'], title: string, questions: string[], answer: string): IndexableArticle => ({ _id: `${slug}.${locale}`, slug, locale, title, questions, answer });

const articles = [
  article('warranty-period', 'vi', 'Sản phẩm được bảo hành bao lâu?', ['Bảo hành bao lâu?', 'Tivi bảo hành mấy năm?'], 'Tivi, tủ lạnh, máy giặt được bảo hành 24 tháng; điện thoại 12 tháng.'),
  article('warranty-claim', 'vi', 'Làm sao để gửi bảo hành sản phẩm?', ['Gửi bảo hành ở đâu?', 'Thủ tục bảo hành thế nào?'], 'Mang sản phẩm và hóa đơn đến cửa hàng gần nhất.'),
  article('delivery-fee', 'vi', 'Phí giao hàng là bao nhiêu?', ['Ship bao nhiêu tiền?', 'Có miễn phí giao hàng không?'], 'Miễn phí giao hàng nội thành cho đơn từ 500.000đ.'),
  article('return-policy', 'vi', 'Chính sách đổi trả thế nào?', ['Đổi trả được không?', 'Trả hàng trong bao lâu?'], 'Đổi trả trong 7 ngày nếu sản phẩm lỗi.'),
  article('warranty-period', 'en', 'How long is the warranty?', ['warranty period for a TV', 'how many years of warranty'], 'TVs, fridges and washing machines have 24 months; phones 12 months.'),
  article('delivery-fee', 'en', 'How much does delivery cost?', ['shipping fee', 'is delivery free'], 'Free delivery in the city for orders over 500,000 VND.'),
  article('warranty-period', 'cs', 'Jak dlouho trvá záruka?', ['záruka na televizi', 'kolik let záruky'], 'Televize a pračky mají záruku 24 měsíců.'),
  article('warranty-period', 'zh', '保修期多长时间？', ['电视保修多久', '保修几年'], '电视、冰箱和洗衣机保修24个月。'),
];

describe('AnswerIndex', () => {
  const index = new AnswerIndex(articles);
  const top = (question: string, locales?: IndexableArticle['locale'][]) => index.query(question, locales ? { locales } : {})[0];

  describe('for Vietnamese', () => {
    it('finds "Bảo hành bao lâu?" from accent-free "bao hanh bao lau" with high confidence', () => {
      const best = top('bao hanh bao lau', ['vi']);
      expect(best).toMatchObject({ slug: 'warranty-period', locale: 'vi' });
      expect(best!.confidence).toBeGreaterThanOrEqual(0.6);
    });

    it('understands chat abbreviations', () => {
      expect(top('sp bh bao lau v shop', ['vi'])?.slug).toBe('warranty-period');
      expect(top('doi tra dc ko', ['vi'])?.slug).toBe('return-policy');
      expect(top('ship bn tien', ['vi'])?.slug).toBe('delivery-fee');
    });

    it('tolerates a typo', () => {
      expect(top('chinh sach doi tra the nao', ['vi'])?.slug).toBe('return-policy');
      expect(top('chinh sachh doi tra thee nao', ['vi'])?.slug).toBe('return-policy');
    });

    it('ranks both close articles high enough to offer them when the question is vague', () => {
      const [first, second] = index.query('bảo hành', { locales: ['vi'] });
      expect([first?.slug, second?.slug].sort()).toEqual(['warranty-claim', 'warranty-period']);
      // Both hold all of the question's words: the answer policy offers both.
      expect(first!.signals!.coverage).toBe(1);
      expect(second!.signals!.coverage).toBe(1);
    });
  });

  describe('in other languages', () => {
    it('answers English, Czech without diacritics and Chinese', () => {
      expect(top('how long is the warrenty on my tv', ['en'])?.slug).toBe('warranty-period');
      expect(top('jak dlouho trva zaruka', ['cs'])?.slug).toBe('warranty-period');
      expect(top('电视保修多长时间', ['zh'])?.slug).toBe('warranty-period');
    });
  });

  describe('with a question the knowledge base does not cover', () => {
    it('gives low confidence', () => {
      const best = top('what is the capital of australia', ['en']);
      expect(best?.confidence ?? 0).toBeLessThan(0.35);
      expect(top('thời tiết hôm nay thế nào', ['vi'])?.confidence ?? 0).toBeLessThan(0.35);
    });
  });

  describe('for Chinese written without spaces', () => {
    it('counts a character pair across two words ("运费|多少" → 费多) only where the knowledge base uses it', () => {
      const shop = new AnswerIndex([
        article('delivery-fee', 'zh', '运费是多少？', ['配送费怎么算？', '满多少包邮？'], '满499,000越南盾免运费。'),
        article('warranty-period', 'zh', '保修期多长时间？', ['电视保修多久', '保修几年'], '电视、冰箱和洗衣机保修24个月。'),
      ]);
      const [best] = shop.query('运费多少', { locales: ['zh'] });
      expect(best).toMatchObject({ slug: 'delivery-fee', signals: { coverage: 1, unknown: 0 } });
      // A word of the question that nothing uses still counts as unknown.
      expect(shop.query('运费多少足球', { locales: ['zh'] })[0]!.signals!.unknown).toBeGreaterThan(0.2);
    });
  });

  describe('with translations the customer does not read', () => {
    // "bot" is the stem of the Czech "boty" (shoes): only a Czech reader's question may find the shoe article's Czech words.
    const shop = new AnswerIndex([
      article('shoe-care', 'cs', 'Jak čistit kožené boty?', ['čištění bot', 'péče o kožené boty'], 'Kožené boty čistěte vlhkým hadříkem.'),
      article('shoe-care', 'en', 'How do I clean leather shoes?', ['cleaning shoes', 'leather shoe care'], 'Wipe leather shoes with a damp cloth.'),
      article('contact-human', 'en', 'Can I talk to a person?', ['talk to an agent', 'is this a real person'], 'Write "agent" and a colleague takes over.'),
    ]);
    const textShare = (question: string, locale: IndexableArticle['locale']) => shop.query(question, { locales: [locale] }).find((candidate) => candidate.slug === 'shoe-care')?.signals?.text ?? 0;

    it("scores an article's whole text only in the language the question is read in", () => {
      expect(textShare('bot', 'en')).toBe(0);
      expect(textShare('boty', 'cs')).toBeGreaterThan(0.5);
      expect(textShare('leather shoes', 'en')).toBeGreaterThan(0.5);
    });
  });

  describe('vocabularyLocale', () => {
    it('names the language whose articles use the words', () => {
      expect(index.vocabularyLocale('bao hanh')).toBe('vi');
      expect(index.vocabularyLocale('zaruka')).toBe('cs');
      expect(index.vocabularyLocale('xyz')).toBeNull();
    });
  });
});
