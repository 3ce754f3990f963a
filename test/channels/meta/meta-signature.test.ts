import { describe, expect, it } from 'vitest';
import { checkMetaSignature, metaSignature } from '../../../src/channels/meta/meta-signature.js';

describe('checkMetaSignature', () => {
  const body = Buffer.from('{"object":"page","entry":[]}');
  it('accepts the HMAC-SHA256 of the raw body keyed with the app secret', () => {
    expect(checkMetaSignature(body, metaSignature(body, 'secret'), 'secret')).toBe('valid');
    // The documented form: "sha256=" and the hex digest.
    expect(metaSignature(body, 'secret')).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
  it('tells a missing header from a wrong one', () => {
    expect(checkMetaSignature(body, undefined, 'secret')).toBe('missing');
    expect(checkMetaSignature(body, metaSignature(body, 'other'), 'secret')).toBe('invalid');
    expect(checkMetaSignature(Buffer.from(' {"object":"page","entry":[]}'), metaSignature(body, 'secret'), 'secret')).toBe('invalid');
    expect(checkMetaSignature(body, 'sha1=abc', 'secret')).toBe('invalid');
    expect(checkMetaSignature(body, 'sha256=zz', 'secret')).toBe('invalid');
  });
});
