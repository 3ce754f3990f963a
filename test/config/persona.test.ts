import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCarelineContent } from '../../src/app/careline-content.js';
import { runInit } from '../../src/app/init-command.js';
import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { telegramPhrases } from '../../src/channels/telegram/telegram-phrases.js';
import { fillPersonaDeep, type Persona } from '../../src/config/persona.js';
import type { Locale } from '../../src/core/locale.js';
import { csatPhrases } from '../../src/csat/csat-phrases.js';
import { surveyPhrases } from '../../src/surveys/survey-phrases.js';
import { botPhrases } from '../../src/engine/bot-phrases.js';
import { deskPhrases } from '../../src/handoff/desk-phrases.js';
import { readIntentFiles } from '../../src/intents/read-intent-files.js';
import { readArticleFiles } from '../../src/knowledge/files/read-article-files.js';
import { groundedPrompt } from '../../src/knowledge/openai/grounded-writer.js';
import { restApiAuth } from '../support/rest-api.js';
import { tempDir } from '../support/temp-dir.js';
import { startTestApp } from '../support/test-app.js';

const personaLocales = ['vi', 'zh'] as const;

/** The widget's own lines (`const strings = {…}` in public/widget.js), per locale. */
function widgetStrings(): Record<Locale, Record<string, string>> {
  const source = readFileSync(join(import.meta.dirname, '..', '..', 'public', 'widget.js'), 'utf8');
  const block = /const strings = (\{[\s\S]*?\n {2}\});/.exec(source)![1]!;
  return new Function(`return ${block}`)() as Record<Locale, Record<string, string>>;
}

/** Every line a customer can read in a language: each bundled intent response, each phrase of the bot, the desk, the survey, Telegram and the widget. */
function everyLine(env: Record<string, string>, locale: (typeof personaLocales)[number]): string[] {
  const config = loadCarelineConfig({ env });
  const { intents } = readCarelineContent(config);
  const persona: Persona = config.business.persona;
  const replies = readIntentFiles(config.intentsDir).flatMap((definition) => definition.responses[locale].map((_, pick) => intents.response(definition.intent, locale, pick)));
  const tables = [botPhrases, deskPhrases, csatPhrases, surveyPhrases, telegramPhrases, widgetStrings()].map((table) => fillPersonaDeep(table[locale], persona, locale));
  const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(strings) : []);
  return [...replies, ...tables.flatMap(strings)];
}

/** "em", "anh/chị", "anh chị" or "chị" as words (not "xem", "thêm", "tiếng Anh"). */
const informalVietnamese = /(?<!\p{L})(em|anh\s*\/\s*chị|anh chị|chị)(?!\p{L})/iu;

describe('the persona', () => {
  describe('in Vietnamese', () => {
    it('says "em" to "anh/chị" by default, as before', () => {
      const lines = everyLine({}, 'vi');
      expect(lines.length).toBeGreaterThan(40);
      expect(lines.filter((line) => /\{persona\./.test(line))).toEqual([]);
      expect(lines.filter((line) => /quý khách|chúng tôi xin/i.test(line))).toEqual([]);
      expect(lines).toContain('Dạ, em thành thật xin lỗi anh/chị vì trải nghiệm chưa tốt này. Em xin chuyển cho nhân viên của Điện máy An Phát tiếp nhận và hỗ trợ anh/chị ạ.');
      expect(lines).toContain('Câu trả lời này có giúp được anh/chị không?');
    });

    it('never says "em" or "anh/chị" with chung-toi: the bot is "chúng tôi", the customer "quý khách"', () => {
      const lines = everyLine({ BUSINESS_PERSONA_VI: 'chung-toi' }, 'vi');
      expect(lines.filter((line) => informalVietnamese.test(line))).toEqual([]);
      expect(lines.filter((line) => /\{persona\./.test(line))).toEqual([]);
      expect(lines).toContain('Dạ, chúng tôi thành thật xin lỗi quý khách vì trải nghiệm chưa tốt này. Chúng tôi xin chuyển cho nhân viên của Điện máy An Phát tiếp nhận và hỗ trợ quý khách ạ.');
      expect(lines).toContain('Quý khách hài lòng thế nào với lần hỗ trợ vừa rồi? Chọn từ 1 (rất tệ) đến 5 (rất hài lòng).');
      expect(lines).toContain('Xin chào! Quý khách cần hỗ trợ gì ạ?');
      expect(lines.filter((line) => /quý khách/i.test(line)).length).toBeGreaterThan(30);
    });
  });

  describe('in Chinese', () => {
    it('says 您 by default and 亲 with qin, opening a reply with "亲，您"', () => {
      const formal = everyLine({}, 'zh');
      expect(formal.filter((line) => line.includes('亲') && !line.includes('亲自'))).toEqual([]);
      expect(formal).toContain('您好！这里是 An Phat Electronics，请问有什么可以帮到您？');
      const casual = everyLine({ BUSINESS_PERSONA_ZH: 'qin' }, 'zh');
      expect(casual.filter((line) => /\{persona\./.test(line))).toEqual([]);
      expect(casual).toContain('亲，您好！这里是 An Phat Electronics，请问有什么可以帮到亲？');
      expect(casual).toContain('亲，您对这次服务满意吗？请从 1（非常不满意）到 5（非常满意）中选择。');
    });
  });

  it('tells a chat model wording an answer how to address the customer', () => {
    const article = { slug: 'shipping', title: 'Phí giao hàng', answer: 'Miễn phí giao hàng cho đơn từ 500.000đ.' };
    expect(groundedPrompt([article], 'vi', { vi: 'chung-toi', zh: 'nin' })).toContain('call yourself "chúng tôi" and the customer "quý khách"');
    expect(groundedPrompt([article], 'vi')).toContain('call yourself "em" and the customer "anh/chị"');
    expect(groundedPrompt([article], 'zh', { vi: 'em', zh: 'qin' })).toContain('address the customer as 亲');
    expect(groundedPrompt([article], 'en', { vi: 'chung-toi', zh: 'qin' })).not.toMatch(/address the customer|call yourself/);
  });

  it('is left out of English and Czech, which have one register', () => {
    for (const locale of ['en', 'cs'] as const) {
      const tables = JSON.stringify([botPhrases, deskPhrases, csatPhrases, surveyPhrases, telegramPhrases].map((table) => table[locale]));
      expect(tables).not.toContain('{persona.');
    }
  });

  it('is checked in intent files: a misspelled word, or one in an English reply, stops start-up', () => {
    const dir = tempDir('careline-persona-intents-');
    const intents = readIntentFiles(loadCarelineConfig({ env: {} }).intentsDir);
    const write = (vi: string, en: string) => {
      const file = (intent: string, responses: Record<string, string[]>) => JSON.stringify({ intent, examples: { vi: ['x'], en: ['x'], cs: ['x'], zh: ['x'] }, responses });
      for (const definition of intents) {
        const responses = definition.intent === 'thanks' ? { vi: [vi], en: [en], cs: ['Rádo se stalo!'], zh: ['不客气！'] } : definition.responses;
        writeFileSync(join(dir.path, `${definition.intent}.yaml`), file(definition.intent, responses));
      }
    };
    write('Dạ không có gì ạ, {persona.You}!', 'You are welcome!');
    expect(() => readIntentFiles(dir.path)).not.toThrow();
    write('Dạ không có gì ạ, {persona.khach}!', 'You are welcome!');
    expect(() => readIntentFiles(dir.path)).toThrow(/thanks.*\{persona\.You\}/s);
    write('Dạ không có gì ạ!', 'You are welcome, {persona.you}!');
    expect(() => readIntentFiles(dir.path)).toThrow(/thanks.*responses\.en/s);
    dir.remove();
  });
});

describe('a shop speaking formally', () => {
  it('greets and hands off over the chat API as "chúng tôi" to "quý khách"', async () => {
    const app = await startTestApp({ BUSINESS_NAME: 'Hoa Mai Fashion', BUSINESS_NAME_VI: 'Thời trang Hoa Mai', BUSINESS_PERSONA_VI: 'chung-toi' });
    const say = async (text: string) => {
      const response = await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { ...restApiAuth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'formal-1', text }) });
      expect(response.status).toBe(201);
      return ((await response.json()) as { replies: { text: string; buttons?: { label: string }[] }[] }).replies.map((reply) => [reply.text, ...(reply.buttons ?? []).map((button) => button.label)].join('\n')).join('\n');
    };
    try {
      const greeting = await say('xin chào shop');
      expect(greeting).toMatch(/quý khách/i);
      expect(greeting).not.toMatch(informalVietnamese);
      const handoff = await say('cho mình gặp nhân viên tư vấn');
      expect(handoff).toMatch(/^Dạ.*(chúng tôi|quý khách)/);
      expect(handoff).toContain('Chúng tôi đã chuyển cuộc trò chuyện cho nhân viên hỗ trợ (phiếu #');
      expect(handoff).toMatch(/trả lời quý khách/);
      expect(handoff).not.toMatch(informalVietnamese);
      const missing = await (await fetch(`${app.url}/help/no-such-article?lang=vi`)).text();
      expect(missing).toContain('Quý khách có thể hỏi lại trong khung chat.');
      const [hello] = (await app.services.cannedResponses.list()).filter((canned) => canned.shortcut === 'chao');
      expect(hello!.text).not.toMatch(informalVietnamese);
    } finally {
      await app.close();
    }
  });

  it('is what `careline init --persona-vi chung-toi` writes, with the example article in that register', async () => {
    const dir = tempDir('careline-init-persona-');
    const sink = { write: () => true } as unknown as NodeJS.WritableStream;
    let errors = '';
    const err = { write: (chunk: string) => ((errors += chunk), true) } as unknown as NodeJS.WritableStream;
    expect(await runInit({ flags: { name: 'Hoa Mai', personaVi: 'trang-trong' }, dir: dir.path, force: false }, sink, err)).toBe(2);
    expect(errors).toContain('--persona-vi: expected em');
    expect(await runInit({ flags: { name: 'Hoa Mai', hotline: '1900 1234', personaVi: 'chung-toi' }, dir: dir.path, force: false }, sink, err)).toBe(0);
    const env = readFileSync(join(dir.path, '.env'), 'utf8');
    expect(env).toContain('BUSINESS_PERSONA_VI=chung-toi\n');
    expect(loadCarelineConfig({ env: { BUSINESS_NAME: 'Hoa Mai', BUSINESS_PERSONA_VI: 'chung-toi' } }).business.persona).toEqual({ vi: 'chung-toi', zh: 'nin' });
    const vi = readArticleFiles(join(dir.path, 'shop-knowledge-base')).articles.find((article) => article.locale === 'vi')!;
    expect(vi.answer).toMatch(/^Quý khách có thể gọi hotline \*\*1900 1234\*\*/);
    dir.remove();
  });

  it('names a persona the configuration does not know', () => {
    expect(() => loadCarelineConfig({ env: { BUSINESS_PERSONA_VI: 'ban' } })).toThrow(/BUSINESS_PERSONA_VI.*"ban".*chung-toi/);
    expect(() => loadCarelineConfig({ env: { BUSINESS_PERSONA_ZH: 'ni' } })).toThrow(/BUSINESS_PERSONA_ZH.*qin/);
  });
});
