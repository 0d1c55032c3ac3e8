import { createHmac } from 'node:crypto';

/** `X-Hub-Signature-256` over the exact bytes posted [M33]. */
export function signWebhook(rawBody: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
