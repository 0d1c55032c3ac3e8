import { SAMPLE_TEMPLATES } from '@recado/domain';
import { DEFAULT_PHONE_NUMBER, type MetaSandbox } from '@recado/meta-sandbox';
import * as persistence from '@recado/persistence';
import type { DataSource } from 'typeorm';

export const DEMO_TENANT = 'demo';

/**
 * A tenant that owns the sandbox's phone number, with the sample templates approved on both sides,
 * so that a fresh platform can be tried at once. Created on the first start only.
 */
export async function ensureDemoTenant(dataSource: DataSource, sandbox: MetaSandbox, ring: persistence.KeyRing): Promise<void> {
  for (const template of SAMPLE_TEMPLATES) sandbox.control.addTemplate({ name: template.name, language: template.language, category: template.category, components: template.components as never });
  const [existing] = (await dataSource.query(`SELECT id FROM tenants WHERE slug = $1`, [DEMO_TENANT])) as { id: string }[];
  if (existing !== undefined) return;
  await persistence.inTransaction(dataSource, async (db) => {
    const tenant = await persistence.createTenant(db, { slug: DEMO_TENANT, name: 'Demo' });
    const portfolio = await persistence.savePortfolio(db, tenant.id, { metaBusinessId: '1', name: 'Demo', messagingLimitTier: DEFAULT_PHONE_NUMBER.messagingLimit });
    const waba = await persistence.saveWaba(db, tenant.id, { metaWabaId: DEFAULT_PHONE_NUMBER.wabaId, name: 'Demo', portfolioId: portfolio.id });
    await persistence.storeAccessToken(db, tenant.id, waba.id, 'sandbox-token', ring);
    await persistence.savePhoneNumber(db, tenant.id, {
      wabaId: waba.id, portfolioId: portfolio.id, metaPhoneNumberId: DEFAULT_PHONE_NUMBER.id,
      displayPhoneNumber: DEFAULT_PHONE_NUMBER.displayPhoneNumber, qualityRating: 'GREEN',
    });
    for (const template of SAMPLE_TEMPLATES) {
      await persistence.saveTemplate(db, tenant.id, {
        wabaId: waba.id, metaTemplateId: null, name: template.name, language: template.language, category: template.category,
        status: 'APPROVED', components: [...template.components],
      }, { at: new Date() });
    }
  });
}
