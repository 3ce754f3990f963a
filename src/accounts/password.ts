import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

// scrypt with N=2^15, r=8, p=1: 32 MiB of memory per hash (OWASP's recommended minimum is N=2^17 at 128 MiB; this keeps logins quick on 2 cores).
const productParams: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

/** scrypt's cost parameters; a hash names the ones it was made with, and is checked with them. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * Hashes a password with scrypt (memory-hard): `scrypt$N$r$p$salt$hash`, base64. The
 * product always uses its own parameters; `params` lets test fixtures store cheaper hashes.
 */
export async function hashPassword(password: string, params: ScryptParams = productParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, keyLength, { ...params, maxmem: 128 * params.N * params.r * 2 });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks a password against a stored hash in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const N = Number(n);
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N, r: Number(r), p: Number(p), maxmem: 128 * N * Number(r) * 2 });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
