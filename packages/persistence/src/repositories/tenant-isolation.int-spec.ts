import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PersistenceError } from '../persistence.error';
import { keyRing } from '../secrets/token-cipher';
import { openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { seedTenant, type SeededTenant } from '../test/seed';
import * as bulk from '../bulk';
import * as repositories from './index';
import { nth, present } from '../test/nth';

const ring = keyRing('k1', new Map([['k1', randomBytes(32)]]));

type ReadCall = (dataSource: DataSource, tenantId: string) => Promise<unknown>;

/** Every read function, called by tenant A with A's ids and with B's ids. */
const READS: Record<string, (ids: SeededTenant) => ReadCall> = {
  getTenant: () => (ds, t) => repositories.getTenant(ds.manager, t),
  listApiKeys: () => (ds, t) => repositories.listApiKeys(ds.manager, t),
  listPortfolios: () => (ds, t) => repositories.listPortfolios(ds.manager, t),
  listWabas: () => (ds, t) => repositories.listWabas(ds.manager, t),
  getAccessToken: (ids) => (ds, t) => repositories.getAccessToken(ds.manager, t, ids.wabaId, ring),
  listPhoneNumbers: () => (ds, t) => repositories.listPhoneNumbers(ds.manager, t),
  findPhoneNumber: (ids) => (ds, t) => repositories.findPhoneNumber(ds.manager, t, ids.phoneNumberId),
  getContact: (ids) => (ds, t) => repositories.getContact(ds.manager, t, nth(ids.contactIds, 0)),
  findContactByWaId: (ids) => (ds, t) => repositories.findContactByWaId(ds.manager, t, nth(ids.waIds, 0)),
  findContactsByIds: (ids) => (ds, t) => repositories.findContactsByIds(ds.manager, t, ids.contactIds),
  listConsentRecords: (ids) => (ds, t) => repositories.listConsentRecords(ds.manager, t, nth(ids.contactIds, 0)),
  getCurrentConsent: (ids) => (ds, t) => repositories.getCurrentConsent(ds.manager, t, nth(ids.contactIds, 0)),
  findTemplate: (ids) => (ds, t) => repositories.findTemplate(ds.manager, t, { wabaId: ids.wabaId, name: ids.templateName, language: 'pt_BR' }),
  findTemplateByMetaId: (ids) => (ds, t) => repositories.findTemplateByMetaId(ds.manager, t, ids.metaTemplateId),
  listTemplates: (ids) => (ds, t) => repositories.listTemplates(ds.manager, t, ids.wabaId),
  listTemplateHistory: (ids) => (ds, t) => repositories.listTemplateHistory(ds.manager, t, ids.templateId),
  getConversationState: (ids) => (ds, t) => repositories.getConversationState(ds.manager, t, ids.phoneNumberId, nth(ids.contactIds, 0)),
  listConversations: (ids) => (ds, t) => repositories.listConversations(ds.manager, t, nth(ids.contactIds, 0)),
  getMessage: (ids) => (ds, t) => repositories.getMessage(ds.manager, t, nth(ids.messageIds, 0)),
  findMessageByCommandId: (ids) => (ds, t) => repositories.findMessageByCommandId(ds.manager, t, nth(ids.commandIds, 0)),
  listContactsPage: () => (ds, t) => repositories.listContactsPage(ds.manager, t, { first: 50 }),
  listMessagesPage: (ids) => (ds, t) => repositories.listMessagesPage(ds.manager, t, { first: 50, contactId: ids.contactIds[0] }),
  loadDispatchFacts: (ids) => async (ds, t) => {
    const phones = await ds.query<{ meta_phone_number_id: string }[]>('SELECT meta_phone_number_id FROM phone_numbers WHERE id = $1', [ids.phoneNumberId]);
    const facts = await bulk.loadDispatchFacts(ds.manager, t, ids.waIds.map((waId, index) => ({
      commandId: nth(ids.commandIds, index), metaPhoneNumberId: nth(phones, 0).meta_phone_number_id, waId, template: { name: ids.templateName, language: 'pt_BR' },
    })), new Date(0));
    const values = Object.values(facts).flatMap((map: ReadonlyMap<string, unknown>) => [...map.values()]);
    return values.length === 0 ? null : values;
  },
  findMessageByWamid: (ids) => (ds, t) => repositories.findMessageByWamid(ds.manager, t, nth(ids.wamids, 0)),
};

function leaks(result: unknown, other: SeededTenant): string[] {
  const text = JSON.stringify(result) ?? '';
  return other.markers.filter((marker) => text.includes(marker));
}

describe('tenant isolation of the repositories', () => {
  let db: MigratedDatabase;
  let a: SeededTenant;
  let b: SeededTenant;

  beforeAll(async () => {
    db = await openMigratedPostgres();
    a = await seedTenant(db.dataSource, { ring });
    b = await seedTenant(db.dataSource, { ring });
  });

  afterAll(() => db.close());

  it('covers every exported read function', () => {
    const readNames = [...Object.keys(repositories), ...Object.keys(bulk)].filter((name) => /^(get|find|list|load)/.test(name));
    expect(Object.keys(READS).sort()).toEqual(readNames.sort());
  });

  it.each(Object.keys(READS))('%s finds tenant A its own rows', async (name) => {
    const result = await present(READS[name])(a)(db.dataSource, a.tenantId);
    expect(result === null || (Array.isArray(result) && result.length === 0)).toBe(false);
    expect(leaks(result, b)).toEqual([]);
  });

  it.each(Object.keys(READS))("%s returns none of tenant B's rows to tenant A, even given B's ids", async (name) => {
    const result = await present(READS[name])(b)(db.dataSource, a.tenantId);
    expect(leaks(result, b)).toEqual([]);
  });

  it('refuses writes that point at another tenant', async () => {
    const m = db.dataSource.manager;
    const mismatch = expect.objectContaining({ code: 'TENANT_MISMATCH' }) as PersistenceError;
    await expect(repositories.appendConsent(m, a.tenantId, {
      contactId: nth(b.contactIds, 0), action: 'OPT_OUT', scope: 'ALL', source: 'API', proof: {}, actor: 'x', occurredAt: new Date(),
    })).rejects.toEqual(mismatch);
    await expect(repositories.insertMessage(m, a.tenantId, {
      phoneNumberId: a.phoneNumberId, contactId: nth(b.contactIds, 0), direction: 'OUTBOUND', type: 'text', status: 'PENDING',
    })).rejects.toEqual(mismatch);
    await expect(repositories.saveTemplate(m, a.tenantId, {
      wabaId: b.wabaId, name: 'x', language: 'en', category: 'UTILITY', status: 'PENDING', components: [],
    }, { at: new Date() })).rejects.toEqual(mismatch);
    expect(await repositories.updateContact(m, a.tenantId, nth(b.contactIds, 0), { profileName: 'hijacked' })).toBe(false);
    expect(await repositories.revokeApiKey(m, a.tenantId, b.apiKeyId, new Date())).toBe(false);
    expect(await repositories.recordMessageStatus(m, a.tenantId, nth(b.messageIds, 0), { status: 'READ', at: new Date() })).toBe(false);
    expect(await repositories.storeAccessToken(m, a.tenantId, b.wabaId, 'stolen', ring)).toBe(false);
    expect((await repositories.getContact(m, b.tenantId, nth(b.contactIds, 0)))?.profileName).not.toBe('hijacked');
  });
});
