import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../data-source/db';
import { writeOutboxEvents } from '../outbox/outbox.writer';
import * as repo from '../repositories';
import type { KeyRing } from '../secrets/token-cipher';
import { nth } from './nth';

export interface SeededTenant {
  readonly tenantId: string;
  readonly portfolioId: string;
  readonly wabaId: string;
  readonly phoneNumberId: string;
  readonly contactIds: readonly string[];
  readonly waIds: readonly string[];
  readonly templateId: string;
  readonly conversationId: string;
  readonly messageIds: readonly string[];
  readonly commandIds: readonly string[];
  readonly wamids: readonly string[];
  readonly templateName: string;
  readonly metaTemplateId: string;
  readonly apiKeyId: string;
  /** Every value unique to this tenant; none may appear in another tenant's results. */
  readonly markers: readonly string[];
}

let counter = 0;
const digits = (length: number): string => Array.from({ length }, () => Math.floor(Math.random() * 10)).join('');

/** A tenant with one of everything (and `contacts` contacts), all tagged with unique values. */
export async function seedTenant(dataSource: DataSource, options: { contacts?: number; ring?: KeyRing } = {}): Promise<SeededTenant> {
  counter += 1;
  const tag = `${counter}${randomBytes(3).toString('hex')}`;
  return inTransaction(dataSource, async (db) => {
    const tenant = await repo.createTenant(db, { slug: `tenant-${tag}`, name: `Tenant ${tag}` });
    const tenantId = tenant.id;
    const portfolio = await repo.savePortfolio(db, tenantId, { metaBusinessId: `biz-${tag}`, name: `Portfolio ${tag}`, messagingLimitTier: 'TIER_2K' });
    const waba = await repo.saveWaba(db, tenantId, { metaWabaId: `waba-${tag}`, name: `WABA ${tag}`, portfolioId: portfolio.id });
    if (options.ring) await repo.storeAccessToken(db, tenantId, waba.id, `token-${tag}`, options.ring);
    const phone = await repo.savePhoneNumber(db, tenantId, {
      wabaId: waba.id, portfolioId: portfolio.id, metaPhoneNumberId: `pn-${tag}`, displayPhoneNumber: `55119${digits(8)}`, qualityRating: 'GREEN',
    });
    const contacts = [];
    for (let index = 0; index < (options.contacts ?? 2); index += 1) {
      contacts.push(await repo.createContact(db, tenantId, { waId: `55${digits(11)}`, profileName: `Name ${tag}-${index}`, attributes: { tag } }));
    }
    const first = nth(contacts, 0);
    await repo.appendConsent(db, tenantId, {
      contactId: first.id, action: 'OPT_IN', scope: 'ALL', source: 'WEBSITE_FORM', proof: { text: `I agree ${tag}` }, actor: 'contact', occurredAt: new Date('2026-01-01T00:00:00Z'),
    });
    const template = await repo.saveTemplate(db, tenantId, {
      wabaId: waba.id, metaTemplateId: `77${digits(10)}`, name: `welcome_${tag}`, language: 'pt_BR', category: 'UTILITY', status: 'APPROVED', components: [{ type: 'BODY', text: `Hi ${tag}` }],
    }, { at: new Date('2026-01-01T00:00:00Z') });
    await repo.saveConversationState(db, tenantId, {
      phoneNumberId: phone.id, contactId: first.id, lastInboundAt: new Date('2026-01-02T00:00:00Z'), closedByMetaAt: null, entryPoint: null, reEngagementSentAt: null, updatedAt: new Date(),
    });
    const conversation = await repo.recordConversation(db, tenantId, {
      phoneNumberId: phone.id, contactId: first.id, metaConversationId: `conv-${tag}`, category: 'utility', origin: 'utility', pricingModel: 'PMP', openedAt: new Date('2026-01-02T00:00:00Z'), expiresAt: null,
    });
    const messages = [];
    for (const contact of contacts) {
      messages.push(await repo.insertMessage(db, tenantId, {
        phoneNumberId: phone.id, contactId: contact.id, conversationId: conversation.id, direction: 'OUTBOUND', type: 'template',
        templateName: template.name, templateLanguage: 'pt_BR', commandId: `cmd-${tag}-${contact.id}`, decision: 'ALLOW', status: 'SENT', wamid: `wamid.${tag}.${contact.id}`,
        content: { body: `secret ${tag}` }, sentAt: new Date('2026-01-02T00:01:00Z'),
      }));
    }
    const { apiKey } = await repo.createApiKey(db, tenantId, { name: `key ${tag}`, scopes: ['send'] });
    await writeOutboxEvents(db, [{ tenantId, topic: 'recado.test.v1', key: `${phone.id}:${first.waId}`, payload: { tag } }]);
    const ids = [tenantId, portfolio.id, waba.id, phone.id, template.id, conversation.id, apiKey.id, ...contacts.map((c) => c.id), ...messages.map((m) => m.id)];
    return {
      tenantId, portfolioId: portfolio.id, wabaId: waba.id, phoneNumberId: phone.id, templateId: template.id, conversationId: conversation.id, apiKeyId: apiKey.id,
      commandIds: messages.map((m) => m.commandId ?? ''), wamids: messages.map((m) => m.wamid ?? ''), templateName: template.name, metaTemplateId: template.metaTemplateId ?? '',
      contactIds: contacts.map((c) => c.id), waIds: contacts.map((c) => c.waId ?? ''), messageIds: messages.map((m) => m.id),
      markers: [...ids, tag, ...contacts.map((c) => c.waId ?? '')],
    };
  });
}
