import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createCareline, type Careline } from '../../src/app/careline.js';
import type { Locale } from '../../src/config/config-schema.js';
import type { IntentName } from '../../src/intents/intent.js';
import { IntentFileError } from '../../src/intents/intent-file-error.js';
import { readIntentFiles } from '../../src/intents/read-intent-files.js';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store.js';
import { tempDir } from '../support/temp-dir.js';

// Phrases as customers type them, per intent and language; what the bot must make of them.
const phrases: Record<IntentName, Record<Locale, string[]>> = {
  greeting: { vi: ['xin chào', 'chao shop a', 'alo ad oi'], en: ['hello there', 'hi', 'good morning'], cs: ['dobrý den', 'ahoj', 'dobry den'], zh: ['你好', '您好'] },
  thanks: { vi: ['cảm ơn shop nhiều', 'cam on nha', 'thanks shop'], en: ['thank you so much', 'thanks a lot'], cs: ['děkuji', 'dekuji moc'], zh: ['谢谢', '非常感谢'] },
  goodbye: { vi: ['tạm biệt', 'bye shop nhé'], en: ['goodbye', 'bye'], cs: ['na shledanou', 'nashledanou'], zh: ['再见', '拜拜'] },
  human: { vi: ['cho tôi gặp nhân viên', 'gap nguoi that di'], en: ['I want to talk to a human', 'can I speak to an agent'], cs: ['chci mluvit s člověkem', 'spojte mě s operátorem'], zh: ['转人工', '我要找人工客服'] },
  complaint: { vi: ['dịch vụ tệ quá', 'bực mình thật sự'], en: ['this is terrible service', 'I am very angry'], cs: ['jsem velmi nespokojený', 'hrozná služba'], zh: ['服务太差了', '我很生气'] },
  affirm: { vi: ['đúng rồi', 'vâng ạ'], en: ['yes', 'that helped'], cs: ['ano', 'jasně'], zh: ['是的', '对'] },
  deny: { vi: ['không', 'ko phải'], en: ['no', 'not really'], cs: ['ne', 'to nepomohlo'], zh: ['不是', '没有帮助'] },
};

describe('intents', () => {
  const data = tempDir('careline-intents-');
  let careline: Careline;
  let store: EmbeddedDocumentStore;

  beforeAll(async () => {
    const config = loadCarelineConfig({ env: { DATA_DIR: data.path } });
    store = new EmbeddedDocumentStore(config.dataDir);
    await store.init();
    careline = await createCareline({ config, store, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await careline.stop();
    await store.close();
    data.remove();
  });

  const expected = (intent: IntentName) =>
    intent === 'human' ? { kind: 'handoff', reason: 'customer_request' } : intent === 'complaint' ? { kind: 'handoff', reason: 'complaint' } : { kind: 'smalltalk', intent };

  for (const [intent, byLocale] of Object.entries(phrases) as [IntentName, Record<Locale, string[]>][]) {
    describe(`the ${intent} intent`, () => {
      for (const [locale, texts] of Object.entries(byLocale) as [Locale, string[]][]) {
        it.each(texts)(`is recognised in ${locale}: "%s"`, (text) => {
          const decision = careline.policy.decide({ text, conversationLocale: locale });
          expect(decision.action).toEqual(expected(intent));
          expect(decision.language.locale).toBe(locale);
        });
      }
    });
  }

  it('has responses in every language for every intent', () => {
    const definitions = readIntentFiles(loadCarelineConfig({ env: {} }).intentsDir);
    expect(definitions.map((definition) => definition.intent).sort()).toEqual(['affirm', 'complaint', 'deny', 'goodbye', 'greeting', 'human', 'thanks']);
    for (const definition of definitions) for (const locale of ['vi', 'en', 'cs', 'zh'] as const) expect(definition.responses[locale].length).toBeGreaterThan(0);
  });

  describe('a broken intent file', () => {
    const dir = tempDir('careline-intent-files-');
    afterAll(() => dir.remove());
    const bundled = loadCarelineConfig({ env: {} }).intentsDir;

    it('stops start-up naming the file and the field', () => {
      mkdirSync(join(dir.path, 'broken'));
      for (const name of ['greeting', 'thanks', 'goodbye', 'human', 'complaint', 'affirm', 'deny']) writeFileSync(join(dir.path, 'broken', `${name}.yaml`), readFileSync(join(bundled, `${name}.yaml`)));
      writeFileSync(join(dir.path, 'broken', 'thanks.yaml'), 'intent: thanks\nexamples:\n  vi: [cam on]\n  en: [thanks]\n  cs: [dekuji]\nresponses:\n  vi: [x]\n  en: [x]\n  cs: [x]\n  zh: [x]\n');
      expect(() => readIntentFiles(join(dir.path, 'broken'))).toThrow(IntentFileError);
      expect(() => readIntentFiles(join(dir.path, 'broken'))).toThrow(/broken\/thanks\.yaml: examples\.zh:/);
    });

    it('names intents no file defines', () => {
      mkdirSync(join(dir.path, 'partial'));
      writeFileSync(join(dir.path, 'partial', 'greeting.yaml'), readFileSync(join(bundled, 'greeting.yaml')));
      expect(() => readIntentFiles(join(dir.path, 'partial'))).toThrow(/no file defines the intent\(s\) thanks, goodbye, human, complaint, affirm, deny/);
    });
  });
});
