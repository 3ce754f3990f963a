import { describe, expect, it } from 'vitest';
import { checkWording } from '../../../src/knowledge/openai/check-wording.js';
import { redactContacts } from '../../../src/knowledge/openai/redact-contacts.js';

const articles = [
  { slug: 'delivery-fee', title: 'Delivery fee', answer: 'Free over 500,000 VND; otherwise 30,000 VND. Details: https://shop.example/ship' },
  { slug: 'hotline', title: 'Hotline', answer: 'Call 1800 6868, 8:00–21:00.' },
];

describe('checkWording', () => {
  it('accepts a reply citing a given article, strips the citation and keeps the cited slug', () => {
    expect(checkWording('Orders over 500,000 VND ship free. [source: delivery-fee]', articles, 'ship cost?')).toEqual({ kind: 'worded', slug: 'delivery-fee', text: 'Orders over 500,000 VND ship free.' });
    expect(checkWording('See https://shop.example/ship. [Source: Delivery-Fee]', articles, '?')).toMatchObject({ kind: 'worded', slug: 'delivery-fee' });
  });

  it('reads the refusal token, with or without trailing punctuation', () => {
    expect(checkWording('NO_ANSWER', articles, 'q')).toEqual({ kind: 'refused' });
    expect(checkWording(' no_answer. ', articles, 'q')).toEqual({ kind: 'refused' });
  });

  it('rejects a reply that cites nothing, cites an article it was not given, or has only the citation', () => {
    expect(checkWording('Shipping is free.', articles, 'q')).toMatchObject({ kind: 'rejected', reason: 'cites no article' });
    expect(checkWording('Shipping is free. [source: returns]', articles, 'q')).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('returns') });
    expect(checkWording('[source: hotline]', articles, 'q')).toMatchObject({ kind: 'rejected' });
  });

  it('rejects numbers and links that the cited articles and the question do not contain', () => {
    expect(checkWording('Shipping costs 40,000 VND. [source: delivery-fee]', articles, 'q')).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('40000') });
    // The hotline number is in another given article, but not in the one cited.
    expect(checkWording('Call 1800 6868. [source: delivery-fee]', articles, 'q')).toMatchObject({ kind: 'rejected' });
    expect(checkWording('Call 1800 6868 from 8:00. [source: hotline]', articles, 'q')).toMatchObject({ kind: 'worded' });
    expect(checkWording('Order 12345 ships free over 500,000 VND. [source: delivery-fee]', articles, 'where is order 12345?')).toMatchObject({ kind: 'worded' });
    expect(checkWording('See https://evil.example/pay. [source: delivery-fee]', articles, 'q')).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('evil.example') });
  });
});

describe('redactContacts', () => {
  it('replaces e-mail addresses and phone numbers before a question leaves for the provider', () => {
    expect(redactContacts('đổi hàng, email lan.nguyen@mail.vn sdt 0903 123 456 hoặc +84 903-123-456')).toBe('đổi hàng, email [email] sdt [phone] hoặc [phone]');
    expect(redactContacts('order 12345 costs 500,000')).toBe('order 12345 costs 500,000');
  });
});
