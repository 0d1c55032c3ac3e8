import { effectiveCategory, type Template as DomainTemplate } from '@recado/domain';
import * as persistence from '@recado/persistence';
import { DISPLAY_NUMBER, fixtureEvent, startProjectorRig, WABA_ID, type ProjectorRig } from './test/projector-rig';

const SEEDED_AT = new Date('2020-01-01T00:00:00Z');

describe('projector: templates and account events', () => {
  let rig: ProjectorRig;
  beforeAll(async () => {
    rig = await startProjectorRig();
    const { tenantId, wabaId } = rig.seeded;
    for (const [name, language, metaTemplateId, category] of [['abandoned_cart', 'en', '1689556908129835', 'MARKETING'], ['welcome_template', 'en_US', '278077987957091', 'UTILITY']] as const) {
      await persistence.saveTemplate(rig.db, tenantId, { wabaId, name, language, metaTemplateId, category, status: 'APPROVED', components: [] }, { at: SEEDED_AT });
    }
  });
  afterAll(() => rig.stop());

  const template = async (name: string) => {
    const found = (await persistence.listTemplates(rig.db, rig.seeded.tenantId)).find((candidate) => candidate.name === name);
    if (found === undefined) throw new Error(`no template ${name}`);
    return found;
  };
  const history = async (name: string, kind: string) =>
    (await persistence.listTemplateHistory(rig.db, rig.seeded.tenantId, (await template(name)).id))
      .filter((row) => row.kind === kind && row.occurredAt > SEEDED_AT)
      .map((row) => [row.previousValue, row.newValue, row.reason]);
  const logged = async () => (await persistence.listAccountEvents(rig.db, rig.seeded.tenantId)).map((row) => [row.type.split('.')[2], row.event]);

  it('moves template statuses with their history, ignoring older events and logging the non-status ones', async () => {
    await rig.apply(fixtureEvent('template-status-updated.paused', { occurredAt: '2025-06-30T01:00:00.000Z' }));
    await rig.apply(fixtureEvent('template-status-updated.rejected', { occurredAt: '2025-06-30T02:00:00.000Z' }));
    await rig.apply(fixtureEvent('template-status-updated.paused', { event: 'FLAGGED', occurredAt: '2025-06-30T03:00:00.000Z' }));
    await rig.apply(fixtureEvent('template-status-updated.paused', { event: 'APPROVED', occurredAt: '2025-06-29T00:00:00.000Z' }));
    expect(await template('abandoned_cart')).toMatchObject({ status: 'REJECTED', rejectionReason: 'Your template has parameters placed next to each other.' });
    expect(await history('abandoned_cart', 'STATUS')).toEqual([['APPROVED', 'PAUSED', 'NONE'], ['PAUSED', 'REJECTED', 'INVALID_FORMAT']]);
    expect((await logged()).filter(([type]) => type === 'template-status-updated')).toEqual([
      ['template-status-updated', 'APPROVED'], ['template-status-updated', 'PAUSED'], ['template-status-updated', 'REJECTED'], ['template-status-updated', 'FLAGGED'],
    ]);
  });

  it('keeps an announced re-categorisation pending until its date, then completes it with history', async () => {
    const now = Date.now();
    const effectiveAt = new Date(now + 24 * 3_600_000);
    await rig.apply(fixtureEvent('template-category-updated.impending', { occurredAt: new Date(now).toISOString(), categoryUpdateAt: effectiveAt.toISOString() }));
    const pending = await template('welcome_template');
    expect(pending).toMatchObject({ category: 'UTILITY', correctCategory: 'MARKETING', correctCategoryEffectiveAt: effectiveAt });
    const asDomain = { name: pending.name, language: pending.language, category: 'UTILITY', correctCategory: 'MARKETING', pendingCategoryAt: effectiveAt } as DomainTemplate;
    expect(effectiveCategory(asDomain, new Date(now))).toBe('UTILITY');
    expect(effectiveCategory(asDomain, new Date(effectiveAt.getTime() + 1))).toBe('MARKETING');

    await rig.apply(fixtureEvent('template-category-updated.completed', { occurredAt: new Date(effectiveAt.getTime() + 1_000).toISOString() }));
    expect(await template('welcome_template')).toMatchObject({ category: 'MARKETING', previousCategory: 'UTILITY', correctCategory: null, correctCategoryEffectiveAt: null });
    expect(await history('welcome_template', 'CATEGORY')).toEqual([['UTILITY', 'MARKETING', 'com.recado.template-category-updated.v1']]);
  });

  it('updates template quality (templates are found by name and language when Meta ids differ)', async () => {
    await rig.apply(fixtureEvent('template-quality-updated.yellow'));
    expect(await template('welcome_template')).toMatchObject({ qualityScore: 'YELLOW', qualityUpdatedAt: new Date('2023-01-28T00:04:50Z'), metaTemplateId: '278077987957091' });
    expect(await history('welcome_template', 'QUALITY')).toEqual([['UNKNOWN', 'YELLOW', 'com.recado.template-quality-updated.v1']]);
  });

  it('keeps events about unknown templates and WABAs', async () => {
    const unknownTemplate = fixtureEvent('template-quality-updated.yellow', { templateId: '1', templateName: 'nope' });
    const unknownWaba = fixtureEvent('account-updated.violation', { wabaId: '424242' });
    await rig.apply(unknownTemplate, unknownWaba);
    expect((await persistence.listUnroutedEvents(rig.db, { tenantId: rig.seeded.tenantId })).map((event) => [event.eventId, event.reasonCode])).toContainEqual([unknownTemplate.id, 'TEMPLATE_UNKNOWN']);
    expect(await persistence.listUnroutedEvents(rig.db, { tenantId: null, reasonCode: 'WABA_UNKNOWN' })).toEqual([expect.objectContaining({ eventId: unknownWaba.id, metaWabaId: '424242' })]);
  });

  it('updates messaging limits of the number and the portfolio, the number\'s throughput, and logs every account event', async () => {
    await rig.apply(fixtureEvent('phone-number-quality-updated.flagged'));
    let phone = await persistence.findPhoneNumber(rig.db, rig.seeded.tenantId, rig.seeded.phoneId);
    expect(phone).toMatchObject({ displayPhoneNumber: DISPLAY_NUMBER, messagingLimitTier: 'TIER_10K', qualityRating: 'GREEN', throughputLevel: null });
    expect((await persistence.listPortfolios(rig.db, rig.seeded.tenantId))[0]?.messagingLimitTier).toBe('TIER_10K');

    await rig.apply(fixtureEvent('phone-number-quality-updated.throughput-upgrade'));
    phone = await persistence.findPhoneNumber(rig.db, rig.seeded.tenantId, rig.seeded.phoneId);
    expect(phone).toMatchObject({ messagingLimitTier: 'TIER_UNLIMITED', throughputLevel: 'HIGH' });

    await rig.apply(fixtureEvent('business-capability-updated.limit'));
    expect((await persistence.listPortfolios(rig.db, rig.seeded.tenantId))[0]?.messagingLimitTier).toBe('TIER_2K');

    await rig.apply(fixtureEvent('account-updated.violation'), fixtureEvent('account-updated.volume-tier'));
    const accountLog = await persistence.listAccountEvents(rig.db, rig.seeded.tenantId, rig.seeded.wabaId);
    const rows = accountLog.filter((row) => !row.type.includes('template')).map((row) => [row.type, row.event, row.phoneNumberId]);
    expect(rows.sort()).toEqual([
      ['com.recado.account-updated.v1', 'ACCOUNT_VIOLATION', null],
      ['com.recado.account-updated.v1', 'VOLUME_BASED_PRICING_TIER_UPDATE', null],
      ['com.recado.business-capability-updated.v1', null, null],
      ['com.recado.phone-number-quality-updated.v1', 'FLAGGED', rig.seeded.phoneId],
      ['com.recado.phone-number-quality-updated.v1', 'THROUGHPUT_UPGRADE', rig.seeded.phoneId],
    ]);
    expect(accountLog.find((row) => row.event === 'VOLUME_BASED_PRICING_TIER_UPDATE')?.data).toMatchObject({ wabaId: WABA_ID, details: { volume_tier_info: { tier: '25000001:50000000' } } });
  });
});
