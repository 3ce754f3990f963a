import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/accounts/password.js';
import { PasswordCheck } from '../../src/accounts/password-check.js';
import type { User } from '../../src/accounts/user.js';

/** A verifier that records which hashes it was asked about and answers `matches`. */
function recordingVerifier(matches: boolean) {
  const hashes: string[] = [];
  const verify = async (_password: string, hash: string) => {
    hashes.push(hash);
    return matches;
  };
  return { hashes, verify };
}

const parametersOf = (hash: string) => hash.split('$').slice(0, 4).join('$');

describe('PasswordCheck', () => {
  const user = async (overrides: Partial<User> = {}): Promise<User> => ({
    _id: 'usr_1',
    email: 'lan@shop.example',
    displayName: 'Lan',
    roles: ['agent'],
    passwordHash: await hashPassword('correct horse battery'),
    disabled: false,
    maxConversations: 5,
    createdAt: new Date(),
    ...overrides,
  });

  describe('for an e-mail without an account', () => {
    it('runs the same password hash as for a real account, on a dummy hash of the same parameters, and refuses', async () => {
      const recorder = recordingVerifier(true);
      const check = new PasswordCheck(recorder.verify);
      expect(await check.accepts(null, 'any guess')).toBe(false);
      expect(recorder.hashes).toHaveLength(1);
      expect(parametersOf(recorder.hashes[0]!)).toBe(parametersOf(await hashPassword('x')));
    });
  });

  describe('for a disabled account', () => {
    it('runs the hash too and refuses even the right password', async () => {
      const recorder = recordingVerifier(true);
      expect(await new PasswordCheck(recorder.verify).accepts(await user({ disabled: true }), 'correct horse battery')).toBe(false);
      expect(recorder.hashes).toHaveLength(1);
    });
  });

  describe('for an account', () => {
    it('checks the password against its own hash', async () => {
      const known = await user();
      const check = new PasswordCheck();
      expect(await check.accepts(known, 'correct horse battery')).toBe(true);
      expect(await check.accepts(known, 'wrong')).toBe(false);
    });
  });
});
