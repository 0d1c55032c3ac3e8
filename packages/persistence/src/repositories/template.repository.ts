import type { Db } from '../data-source/db';
import { TemplateHistoryEntity, type TemplateChangeKind } from '../entities/template-history.entity';
import { TemplateEntity } from '../entities/template.entity';
import { WhatsappBusinessAccountEntity } from '../entities/whatsapp-business-account.entity';
import { PersistenceError } from '../persistence.error';

export type Template = Omit<TemplateEntity, 'waba'>;
export type TemplateHistory = Omit<TemplateHistoryEntity, 'template'>;

export interface TemplateInput {
  readonly wabaId: string;
  readonly name: string;
  readonly language: string;
  readonly category: string;
  readonly status: string;
  readonly components: unknown[];
  readonly metaTemplateId?: string | null;
  readonly subCategory?: string | null;
  readonly previousCategory?: string | null;
  readonly correctCategory?: string | null;
  readonly correctCategoryEffectiveAt?: Date | null;
  readonly qualityScore?: string;
  readonly qualityUpdatedAt?: Date | null;
  readonly rejectionReason?: string | null;
  readonly parameterFormat?: string;
  readonly messageSendTtlSeconds?: number | null;
}

const TRACKED: readonly [TemplateChangeKind, 'status' | 'category' | 'qualityScore'][] = [
  ['STATUS', 'status'],
  ['CATEGORY', 'category'],
  ['QUALITY', 'qualityScore'],
];

/**
 * Creates or updates the template keyed by (WABA, name, language) and records every status,
 * category and quality change in its history, in the caller's transaction.
 */
export async function saveTemplate(db: Db, tenantId: string, input: TemplateInput, change: { at: Date; reason?: string | null }): Promise<Template> {
  if (!(await db.getRepository(WhatsappBusinessAccountEntity).existsBy({ tenantId, id: input.wabaId }))) {
    throw new PersistenceError('TENANT_MISMATCH', `WABA ${input.wabaId} does not belong to tenant ${tenantId}`);
  }
  const repository = db.getRepository(TemplateEntity);
  const existing = await repository.findOneBy({ tenantId, wabaId: input.wabaId, name: input.name, language: input.language });
  const { waba: _waba, ...saved } = await repository.save(repository.create({ ...existing, ...input, tenantId }));
  const history = TRACKED.filter(([, field]) => existing?.[field] !== saved[field]).map(([kind, field]) =>
    db.getRepository(TemplateHistoryEntity).create({
      tenantId,
      templateId: saved.id,
      kind,
      previousValue: existing?.[field] ?? null,
      newValue: saved[field],
      reason: change.reason ?? null,
      occurredAt: change.at,
    }),
  );
  if (history.length > 0) await db.getRepository(TemplateHistoryEntity).save(history);
  return saved;
}

export async function findTemplate(db: Db, tenantId: string, key: { wabaId: string; name: string; language: string }): Promise<Template | null> {
  return db.getRepository(TemplateEntity).findOneBy({ tenantId, ...key });
}

export async function listTemplates(db: Db, tenantId: string, wabaId?: string): Promise<Template[]> {
  return db.getRepository(TemplateEntity).find({
    where: { tenantId, ...(wabaId === undefined ? {} : { wabaId }) },
    order: { name: 'ASC', language: 'ASC', id: 'ASC' },
  });
}

export async function listTemplateHistory(db: Db, tenantId: string, templateId: string): Promise<TemplateHistory[]> {
  return db.getRepository(TemplateHistoryEntity).find({ where: { tenantId, templateId }, order: { occurredAt: 'ASC', id: 'ASC' } });
}

/** Webhooks name templates by Meta's id (with name and language beside it). */
export async function findTemplateByMetaId(db: Db, tenantId: string, metaTemplateId: string): Promise<Template | null> {
  return db.getRepository(TemplateEntity).findOneBy({ tenantId, metaTemplateId });
}
