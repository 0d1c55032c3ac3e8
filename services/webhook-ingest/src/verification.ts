import { createHash, timingSafeEqual } from 'node:crypto';
import { reject, type Answer } from './http/answer';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Meta's subscription handshake: echo `hub.challenge` when the mode and the verify token match. */
export function answerVerification(query: URLSearchParams, verifyToken: string): Answer {
  const mode = query.get('hub.mode');
  const token = query.get('hub.verify_token') ?? '';
  const challenge = query.get('hub.challenge');
  // Digests have equal lengths, so the comparison takes the same time whatever the token.
  const tokenMatches = timingSafeEqual(digest(token), digest(verifyToken));
  if (mode !== 'subscribe' || !tokenMatches || challenge === null || challenge === '') {
    return reject(403, 'verification_failed', 'verification refused', { mode, hasChallenge: challenge !== null });
  }
  return { status: 200, body: challenge, contentType: 'text/plain' };
}
