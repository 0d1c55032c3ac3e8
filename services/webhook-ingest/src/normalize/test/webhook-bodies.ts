import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebhookContext } from '../normalise.types';

// Meta's documentation ids (RULES.md), so that payloads read like the docs and the contract fixtures.
export const WABA_ID = '102290129340398';
export const PHONE_NUMBER_ID = '106540352242922';
export const DISPLAY_PHONE_NUMBER = '15550783881';
export const WA_ID = '16505551234';

export const CONTEXT: WebhookContext = { requestId: 'req-7f3c', receivedAt: new Date('2026-11-23T09:00:00.000Z') };
/** The same webhook delivered again by Meta: another request, another day. */
export const RETRY: WebhookContext = { requestId: 'req-retry-1', receivedAt: new Date('2026-11-24T10:30:00.000Z') };

export const webhookBody = (...entries: unknown[]) => ({ object: 'whatsapp_business_account', entry: entries });

export const entryOf = (changes: unknown[], extra: Record<string, unknown> = {}) => ({ id: WABA_ID, ...extra, changes });

export const changeOf = (field: string, value: unknown) => ({ field, value });

/** A body with one entry holding one change. */
export const singleChange = (field: string, value: unknown, entryExtra: Record<string, unknown> = {}) =>
  webhookBody(entryOf([changeOf(field, value)], entryExtra));

export const messagesValue = (items: Record<string, unknown>) => ({
  messaging_product: 'whatsapp',
  metadata: { display_phone_number: DISPLAY_PHONE_NUMBER, phone_number_id: PHONE_NUMBER_ID },
  ...items,
});

export const contact = (waId = WA_ID, name = 'Sheena Nelson') => ({ profile: { name }, wa_id: waId });

export const textMessage = (id: string, extra: Record<string, unknown> = {}) => ({
  from: WA_ID,
  id,
  timestamp: '1749416383',
  type: 'text',
  text: { body: 'Does it come in another color?' },
  ...extra,
});

export const statusItem = (id: string, status: string, timestamp: string, extra: Record<string, unknown> = {}) => ({
  id,
  status,
  timestamp,
  recipient_id: WA_ID,
  ...extra,
});

const FIXTURES = join(__dirname, '../../../../../packages/contracts/src/fixtures/v1');

/** The `data` of a contract fixture (what a normalised event must look like). */
export const fixtureData = (name: string): Record<string, unknown> =>
  (JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as { data: Record<string, unknown> }).data;
