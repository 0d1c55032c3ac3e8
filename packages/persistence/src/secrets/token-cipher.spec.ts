import { randomBytes } from 'node:crypto';
import { keyRing, keyRingFromEnv, openSecret, sealSecret, SecretCipherError } from './token-cipher';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ring1 = keyRing('k1', new Map([['k1', k1]]));
const ring2 = keyRing('k2', new Map([['k1', k1], ['k2', k2]]));
const TOKEN = 'EAAG-meta-system-user-token-0123456789';

describe('token cipher', () => {
  it('round-trips a secret and never stores the plaintext', () => {
    const sealed = sealSecret(ring1, TOKEN, 'waba:1');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext.includes(Buffer.from(TOKEN))).toBe(false);
    expect(openSecret(ring1, sealed, 'waba:1')).toBe(TOKEN);
  });

  it('uses a fresh IV every time', () => {
    expect(sealSecret(ring1, TOKEN, 'c').ciphertext.equals(sealSecret(ring1, TOKEN, 'c').ciphertext)).toBe(false);
  });

  it('decrypts with an old key after rotation and encrypts with the current one', () => {
    const old = sealSecret(ring1, TOKEN, 'c');
    expect(openSecret(ring2, old, 'c')).toBe(TOKEN);
    expect(sealSecret(ring2, TOKEN, 'c').keyId).toBe('k2');
  });

  it.each([
    ['another context', (s: Buffer) => s, 'other'],
    ['a flipped byte', (s: Buffer) => Buffer.concat([s.subarray(0, -1), Buffer.from([(s[s.length - 1] ?? 0) ^ 1])]), 'c'],
    ['a truncated body', (s: Buffer) => s.subarray(0, 20), 'c'],
  ])('refuses %s', (_label, mangle, context) => {
    const sealed = sealSecret(ring1, TOKEN, 'c');
    expect(() => openSecret(ring1, { keyId: 'k1', ciphertext: mangle(sealed.ciphertext) }, context)).toThrow(SecretCipherError);
  });

  it('refuses an unknown key id', () => {
    expect(() => openSecret(ring1, { ...sealSecret(ring2, TOKEN, 'c') }, 'c')).toThrow(/no secret key "k2"/);
  });

  it('reads the key ring from the environment and names bad variables', () => {
    const env = { RECADO_SECRET_KEYS: `k1:${k1.toString('base64')}, k2:${k2.toString('base64')}`, RECADO_SECRET_KEY_ID: 'k2' };
    expect(keyRingFromEnv(env).currentKeyId).toBe('k2');
    expect(() => keyRingFromEnv({ ...env, RECADO_SECRET_KEY_ID: 'k3' })).toThrow(/RECADO_SECRET_KEY_ID/);
    expect(() => keyRingFromEnv({ RECADO_SECRET_KEYS: 'k1:AAAA', RECADO_SECRET_KEY_ID: 'k1' })).toThrow(/32 bytes/);
    expect(() => keyRingFromEnv({ RECADO_SECRET_KEYS: 'nokey', RECADO_SECRET_KEY_ID: 'k1' })).toThrow(/RECADO_SECRET_KEYS/);
  });
});
