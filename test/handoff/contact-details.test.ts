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

  it('takes an order code as an order code, never as the phone number (issue 20)', () => {
    expect(findContactDetails('đơn DH123456789 của em chưa giao')).toEqual({ orderCode: 'DH123456789' });
    expect(findContactDetails('đơn dh-20261203 sdt 0903 123 456')).toEqual({ orderCode: 'DH20261203', phone: '0903123456' });
    // A shop's own pattern, and a tracking code glued to letters that is no phone either.
    expect(findContactDetails('mã HM2026-000123 ạ', /HM\d{4}-\d{6}/iu)).toEqual({ orderCode: 'HM2026000123' });
    expect(findContactDetails('vận đơn SPXVN0123456789')).toEqual({});
  });
});
