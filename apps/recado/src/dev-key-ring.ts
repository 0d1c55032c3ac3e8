import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyRing, keyRingFromEnv, type KeyRing } from '@recado/persistence';

/**
 * The key that encrypts access tokens: RECADO_SECRET_KEYS when set, else a key made on the first
 * start and kept (mode 600) in the data folder, so a local platform keeps reading its own tokens.
 */
export function platformKeyRing(dataDir: string, env: NodeJS.ProcessEnv = process.env): KeyRing {
  if (env['RECADO_SECRET_KEYS'] !== undefined) return keyRingFromEnv(env);
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return keyRing('local', new Map([['local', Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')]]));
}
