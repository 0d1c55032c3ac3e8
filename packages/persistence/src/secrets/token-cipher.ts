import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Keys by id; `currentKeyId` encrypts, every key decrypts (so keys can be rotated). */
export interface KeyRing {
  readonly currentKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

export interface SealedSecret {
  readonly keyId: string;
  readonly ciphertext: Buffer;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretCipherError extends Error {
  constructor(readonly code: 'KEY_UNKNOWN' | 'KEY_INVALID' | 'CIPHERTEXT_INVALID' | 'CONFIG_INVALID', message: string) {
    super(message);
    this.name = 'SecretCipherError';
  }
}

/**
 * Reads `RECADO_SECRET_KEYS` ("id:base64key,id2:base64key", 32-byte keys) and
 * `RECADO_SECRET_KEY_ID` (the current one).
 */
export function keyRingFromEnv(env: NodeJS.ProcessEnv): KeyRing {
  const spec = env['RECADO_SECRET_KEYS'] ?? '';
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(',').filter((part) => part.trim() !== '')) {
    const [id, encoded] = entry.trim().split(':');
    if (!id || !encoded) throw new SecretCipherError('CONFIG_INVALID', 'RECADO_SECRET_KEYS: expected "id:base64key" entries separated by commas');
    keys.set(id, Buffer.from(encoded, 'base64'));
  }
  return keyRing(env['RECADO_SECRET_KEY_ID'] ?? '', keys);
}

export function keyRing(currentKeyId: string, keys: ReadonlyMap<string, Buffer>): KeyRing {
  for (const [id, key] of keys) {
    if (key.length !== 32) throw new SecretCipherError('KEY_INVALID', `secret key "${id}" must be 32 bytes (AES-256), got ${key.length}`);
  }
  if (!keys.has(currentKeyId)) throw new SecretCipherError('CONFIG_INVALID', `RECADO_SECRET_KEY_ID "${currentKeyId}" is not in RECADO_SECRET_KEYS`);
  return { currentKeyId, keys };
}

/** AES-256-GCM; `context` (e.g. the owning row) is authenticated so a ciphertext cannot be moved to another row. */
export function sealSecret(ring: KeyRing, plaintext: string, context: string): SealedSecret {
  const key = keyFor(ring, ring.currentKeyId);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: ring.currentKeyId, ciphertext: Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]) };
}

export function openSecret(ring: KeyRing, sealed: SealedSecret, context: string): string {
  const { ciphertext } = sealed;
  if (ciphertext.length < 1 + IV_BYTES + TAG_BYTES || ciphertext[0] !== VERSION) {
    throw new SecretCipherError('CIPHERTEXT_INVALID', 'sealed secret has an unknown format');
  }
  const decipher = createDecipheriv('aes-256-gcm', keyFor(ring, sealed.keyId), ciphertext.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(ciphertext.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(ciphertext.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretCipherError('CIPHERTEXT_INVALID', 'sealed secret failed authentication (wrong key, context or tampered bytes)');
  }
}

function keyFor(ring: KeyRing, keyId: string): Buffer {
  const key = ring.keys.get(keyId);
  if (!key) throw new SecretCipherError('KEY_UNKNOWN', `no secret key "${keyId}" in the key ring`);
  return key;
}
