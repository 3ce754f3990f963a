import { describe, expect, it } from 'vitest';
import { readingLanguages } from '../../src/knowledge/language/reading-languages.js';

const supported = ['vi', 'en', 'cs', 'zh'] as const;

describe('readingLanguages', () => {
  it('reads a message only in the language its text showed', () => {
    expect(readingLanguages({ locale: 'cs', reason: 'script' }, supported)).toEqual(['cs']);
    expect(readingLanguages({ locale: 'en', reason: 'vocabulary' }, supported)).toEqual(['en']);
  });

  describe('when only the default, the hint or the conversation chose the language', () => {
    it('reads it in that language first, then in every other', () => {
      expect(readingLanguages({ locale: 'en', reason: 'hint' }, supported)).toEqual(['en', 'vi', 'cs', 'zh']);
      expect(readingLanguages({ locale: 'vi', reason: 'default' }, supported)).toEqual(['vi', 'en', 'cs', 'zh']);
    });
  });
});
