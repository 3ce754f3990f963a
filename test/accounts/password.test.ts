import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/accounts/password.js';

describe('password hashes', () => {
  it('stores a password as scrypt with N=2^15, r=8, p=1 and a fresh salt, never the password itself', async () => {
    const [first, second] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
    expect(first.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(first).not.toContain('correct horse battery');
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterz', first)).toBe(false);
  });

  it('checks a hash with the parameters it names, e.g. one stored with other costs', async () => {
    const cheaper = await hashPassword('correct horse battery', { N: 2 ** 10, r: 8, p: 1 });
    expect(cheaper.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
    expect(await verifyPassword('correct horse battery', cheaper)).toBe(true);
    expect(await verifyPassword('Correct horse battery', cheaper)).toBe(false);
  });

  it('refuses a malformed or foreign hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$10$abc$def')).toBe(false);
  });
});
