import { describe, expect, it } from 'vitest';
import { renderActivity } from '../../src/channels/botframework/bot-framework-render.js';
import { sendApiMessages } from '../../src/channels/meta/send-api-channel.js';
import { OfferedChoices } from '../../src/channels/offered-choices.js';
import { renderForTelegram } from '../../src/channels/telegram/telegram-render.js';
import { whatsappContents } from '../../src/channels/whatsapp/whatsapp-message.js';
import { renderZaloMessage } from '../../src/channels/zalo/zalo-message.js';
import { outboundMessageSchema } from '../../src/core/messages.js';
import { surveyQuestion } from '../../src/surveys/survey-asker.js';
import type { NpsOrCes } from '../../src/surveys/survey-scale.js';
import { loadCarelineConfig } from '../../src/channels/careline-config.js';
import { openTempStore } from '../support/temp-store.js';

const business = loadCarelineConfig({ env: { BUSINESS_NAME: 'Hoa Mai Fashion' } }).business;
const prompt = (kind: NpsOrCes, locale: 'vi' | 'en' | 'cs' | 'zh' = 'vi') => outboundMessageSchema.parse(surveyQuestion(kind, locale, business));
const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('NPS and CES prompts on each platform', () => {
  it('name the business in every language', () => {
    for (const locale of ['vi', 'en', 'cs', 'zh'] as const) expect(prompt('nps', locale).text).toContain('Hoa Mai Fashion');
    expect(prompt('ces', 'zh').text).toContain('1（非常困难）到 7（非常容易）');
  });

  it('Telegram: NPS in two rows of 6 and 5, CES in one row', () => {
    expect(renderForTelegram(prompt('nps'))[0]!.keyboard!.map((row) => row.map((button) => button.text))).toEqual([numbers(0, 5), numbers(6, 10)]);
    expect(renderForTelegram(prompt('ces'))[0]!.keyboard!.map((row) => row.length)).toEqual([7]);
  });

  it('Messenger and Instagram: all eleven scores as quick replies (13 allowed)', () => {
    const [message] = sendApiMessages(prompt('nps'), () => true);
    expect(message!.quick_replies!.map((reply) => reply.payload)).toEqual(numbers(0, 10).map((n) => `nps:${n}`));
  });

  it('WhatsApp: CES as a list of seven rows, NPS (more than a list holds) as text with a line of the numbers', () => {
    const [ces] = whatsappContents(prompt('ces'));
    expect(ces).toMatchObject({ type: 'interactive', interactive: { type: 'list' } });
    const nps = whatsappContents(prompt('nps'));
    expect(nps).toEqual([{ type: 'text', text: { body: `${prompt('nps').text}\n0 · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10`, preview_url: false } }]);
  });

  it('Zalo (5 buttons at most): a line of the numbers, not a numbered list whose "9" would be score 8', async () => {
    expect(renderZaloMessage(prompt('ces')).text.split('\n').at(-1)).toBe('1 · 2 · 3 · 4 · 5 · 6 · 7');
    const { store, dispose } = await openTempStore('careline-scale-');
    try {
      const choices = new OfferedChoices(store, 'zalo', { numbers: true });
      await choices.offered('u1', prompt('nps').buttons);
      expect(await choices.payloadFor('u1', '9')).toBe('nps:9');
      expect(await choices.payloadFor('u1', '0')).toBe('nps:0');
      await choices.offered('u1', [{ label: 'Bảo hành', payload: 'a' }, { label: 'Đổi trả', payload: 'b' }]);
      expect(await choices.payloadFor('u1', '2')).toBe('b');
    } finally {
      await dispose();
    }
  });

  it('Teams: NPS as a line of the numbers (a card holds six buttons); other Bot Framework channels as suggested actions', () => {
    const teams = renderActivity(prompt('nps'), { channelId: 'msteams', user: { id: 'u', name: 'U' } });
    expect(teams.text).toMatch(/\n\n0 · 1 · .* · 10$/);
    expect(teams.attachments).toBeUndefined();
    const webchat = renderActivity(prompt('nps'), { channelId: 'webchat', user: { id: 'u', name: 'U' } });
    expect(webchat.suggestedActions!.actions.map((action) => action.value)).toEqual(numbers(0, 10));
  });
});
