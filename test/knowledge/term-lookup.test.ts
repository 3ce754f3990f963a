import { describe, expect, it } from 'vitest';
import { TermLookup } from '../../src/knowledge/retrieval/term-lookup.js';

describe('TermLookup', () => {
  const lookup = new TermLookup(['warranty', 'zaruka', 'zaruky', 'delivery', 'hanh', 'bao_hanh', 'giao']);

  it('finds words one typo away: a letter missing, extra, wrong or swapped', () => {
    expect(lookup.near('waranty')).toEqual(['warranty']);
    expect(lookup.near('warrannty')).toEqual(['warranty']);
    expect(lookup.near('delivary')).toEqual(['delivery']);
    expect(lookup.near('hnah')).toEqual(['hanh']);
  });

  it('finds inflected forms and completions, never the word itself or word pairs', () => {
    expect(lookup.near('zaruka')).toEqual(['zaruky']);
    expect(lookup.completions('deliv')).toEqual(['delivery']);
    expect(lookup.completions('bao_')).toEqual([]);
    expect(lookup.near('abc')).toEqual([]);
  });
});
