import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/config/config-schema.js';
import { detectLanguage } from '../../src/knowledge/language/detect-language.js';

const supported: Locale[] = ['vi', 'en', 'cs', 'zh'];
const detect = (text: string, extra: Partial<Parameters<typeof detectLanguage>[1]> = {}) => detectLanguage(text, { supported, defaultLocale: 'vi', ...extra }).locale;

describe('detectLanguage', () => {
  it.each([
    ['Bảo hành bao lâu vậy shop?', 'vi'],
    ['bao hanh bao lau vay shop', 'vi'],
    ['How long is the warranty on a TV?', 'en'],
    ['Jak dlouho trvá záruka na televizi?', 'cs'],
    ['jak dlouho trva zaruka na televizi', 'cs'],
    ['电视保修多久？', 'zh'],
  ])('reads %s as %s', (text, locale) => {
    expect(detect(text)).toBe(locale);
  });

  it('keeps the conversation language for a message too short to tell', () => {
    expect(detect('ok', { conversationLocale: 'cs' })).toBe('cs');
  });

  it('uses the platform hint, then the default, when nothing else tells', () => {
    expect(detect('ok', { hint: 'en-US' })).toBe('en');
    expect(detect('ok', { hint: 'fr' })).toBe('vi');
  });

  it('never answers in a language that is not supported', () => {
    expect(detectLanguage('How long is the warranty?', { supported: ['vi'], defaultLocale: 'vi' }).locale).toBe('vi');
  });
});
