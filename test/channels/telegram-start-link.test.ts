import { describe, expect, it } from 'vitest';
import { customerIdOfStartPayload, telegramStartPayload } from '../../src/channels/telegram/telegram-start-link.js';
import { newId } from '../../src/storage/new-id.js';

describe('the /start deep-link payload', () => {
  it('names the customer it was made for, whatever characters its signature has, within Telegram\'s 64 characters', () => {
    for (let i = 0; i < 300; i++) {
      const customerId = newId('cus');
      const payload = telegramStartPayload(customerId, '123:token');
      expect(payload).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(customerIdOfStartPayload(payload, '123:token')).toBe(customerId);
    }
  });

  it('refuses a payload signed with another token, a changed customer id or no signature', () => {
    const payload = telegramStartPayload('cus_a', '123:token');
    expect(customerIdOfStartPayload(payload, '456:other')).toBeNull();
    expect(customerIdOfStartPayload(payload.replace('cus_a', 'cus_b'), '123:token')).toBeNull();
    expect(customerIdOfStartPayload('cus_a', '123:token')).toBeNull();
    expect(customerIdOfStartPayload('', '123:token')).toBeNull();
  });
});
