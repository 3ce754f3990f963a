import { describe, expect, it } from 'vitest';
import { findContactDetails } from '../../src/handoff/contact-details.js';

describe('findContactDetails', () => {
  it('finds Vietnamese phone numbers written in different ways', () => {
    expect(findContactDetails('sdt em 0903 123 456')).toEqual({ phone: '0903123456' });
    expect(findContactDetails('goi cho minh so 0903.123.456 nhe')).toEqual({ phone: '0903123456' });
    expect(findContactDetails('+84 903 123 456')).toEqual({ phone: '+84903123456' });
  });

  it('finds an e-mail address', () => {
    expect(findContactDetails('mail: An.Nguyen@Example.com')).toEqual({ email: 'an.nguyen@example.com' });
  });

  it('finds nothing in ordinary text or short numbers', () => {
    expect(findContactDetails('tivi 55 inch giá 12 triệu')).toEqual({});
    expect(findContactDetails('đơn hàng AP24051234')).toEqual({});
  });
});
