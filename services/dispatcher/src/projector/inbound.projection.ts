import type { InboundMessage } from '@recado/contracts';
import { keywordConsentRecord, matchConsentKeyword } from '@recado/domain';
import { insertInboundMessage, upsertEventContact, type Db } from '@recado/persistence';
import { appendToLedger } from './consent-ledger';
import { moveConversation } from '../conversation/conversation-moves';
import { inboundTextOf } from './inbound-text';
import type { Projection, ProjectionContext } from './projection';
import { routeByPhoneNumber, type PhoneRoute } from './routing';

/**
 * A message from a contact: the contact and its profile name, the message (once per wamid),
 * the window it opens or extends (a referral starts a free entry point), and a consent keyword.
 */
export const projectInbound: Projection<'inboundMessage'> = async (db, event, context) => {
  const { data } = event;
  const route = await routeByPhoneNumber(db, event, data.phoneNumberId, context);
  if (route === null) return;
  const contactId = await upsertEventContact(db, route.tenantId, { waId: data.waId, userId: data.userId, profileName: data.profileName });
  const at = new Date(data.occurredAt);
  const content = data.message as unknown as Record<string, unknown>;
  const messageId = await insertInboundMessage(db, route.tenantId, { phoneNumberId: route.phoneNumberId, contactId, wamid: data.message.id, type: data.message.type, content, occurredAt: at });
  if (messageId === null) {
    context.logger.info('inbound message already stored', { eventId: event.id, wamid: data.message.id });
    return;
  }
  await moveConversation(db, route.tenantId, { phoneNumberId: route.phoneNumberId, contactId }, { kind: 'INBOUND_RECEIVED', at, referral: data.message.referral !== undefined });
  await applyConsentKeyword(db, route, { contactId, messageId, at }, data, context);
};

/** A whole-message opt-out or opt-in keyword goes to the ledger, the message being the proof. */
async function applyConsentKeyword(db: Db, route: PhoneRoute, stored: { contactId: string; messageId: string; at: Date }, data: InboundMessage, context: ProjectionContext): Promise<void> {
  const text = inboundTextOf(data.message);
  const match = text === null ? null : matchConsentKeyword(text);
  if (text === null || match === null) return;
  const record = keywordConsentRecord(match, { text, at: stored.at });
  await appendToLedger(db, route.tenantId, { contactId: stored.contactId, phoneNumberId: null }, record, { wamid: data.message.id, messageId: stored.messageId }, context.logger);
}
