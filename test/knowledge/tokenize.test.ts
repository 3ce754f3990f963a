import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../src/knowledge/text/fold-diacritics.js';
import { tokenize } from '../../src/knowledge/text/tokenize.js';

describe('foldDiacritics', () => {
  it('drops Vietnamese tone marks and turns đ into d', () => {
    expect(foldDiacritics('Bảo hành bao lâu? Được đổi không, ĐIỆN MÁY')).toBe('Bao hanh bao lau? Duoc doi khong, DIEN MAY');
  });

  it('drops Czech háčky and čárky', () => {
    expect(foldDiacritics('Jak dlouho trvá záruka na pračku? Příliš žluťoučký kůň')).toBe('Jak dlouho trva zaruka na pracku? Prilis zlutoucky kun');
  });

  it('leaves Chinese alone', () => {
    expect(foldDiacritics('保修多久')).toBe('保修多久');
  });
});

describe('tokenize', () => {
  it('gives the same terms for Vietnamese with and without diacritics', () => {
    expect(tokenize('Bảo hành bao lâu?')).toEqual(tokenize('bao hanh bao lau'));
  });

  it('expands Vietnamese chat abbreviations as whole words', () => {
    expect(tokenize('sp bh ko dc')).toEqual(tokenize('san pham bao hanh khong duoc'));
    expect(tokenize('kho')).toEqual(['kho']);
  });

  it('keeps adjacent-word pairs for two-syllable Vietnamese words', () => {
    expect(tokenize('đổi trả')).toEqual(['doi', 'tra', 'doi_tra']);
  });

  it('segments Chinese into words and character bigrams', () => {
    const terms = tokenize('保修期多长时间');
    expect(terms).toEqual(expect.arrayContaining(['保修', '时间', '多长']));
  });

  it('keeps single Chinese characters, so a differently worded question still shares them', () => {
    expect(tokenize('登不上去')).toContain('登');
    expect(tokenize('忘记密码了怎么登录')).toContain('登');
  });

  it('folds full-width letters and case', () => {
    expect(tokenize('ＴＶ Warranty')).toEqual(['tv', 'warranty', 'tv_warranty']);
  });
});

describe('tokenize with words that are names of object members', () => {
  it('keeps "constructor" and "toString" as words', () => {
    expect(tokenize('constructor toString')).toEqual(['constructor', 'tostring', 'constructor_tostring']);
  });
});
