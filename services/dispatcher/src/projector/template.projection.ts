import type { CloudEvent } from '@recado/contracts';
import { findTemplate, findTemplateByMetaId, lastTemplateChangeAt, saveTemplate, type Db, type Template, type TemplateInput, type TenantRoute } from '@recado/persistence';
import { logAccountEvent } from './account-log';
import type { Projection, ProjectionContext } from './projection';
import { keepUnrouted, routeByWaba } from './routing';
import { categoryColumns, metaLanguageCode, templateStatusOf } from './template-changes';

type TemplateEvent = CloudEvent<'templateStatusUpdated' | 'templateCategoryUpdated' | 'templateQualityUpdated'>;
type ChangeKind = 'STATUS' | 'CATEGORY' | 'QUALITY';

interface FoundTemplate {
  readonly route: TenantRoute;
  readonly template: Template;
}

/** Status events (APPROVED, PAUSED…) set the status; the others (FLAGGED, LOCKED…) are only logged. */
export const projectTemplateStatus: Projection<'templateStatusUpdated'> = async (db, event, context) => {
  const found = await templateOf(db, event, context);
  const status = templateStatusOf(event.data.event);
  if (found === null || status === null) return;
  const rejectionReason = status === 'REJECTED' ? (event.data.rejectionInfo?.reason ?? event.data.reason ?? null) : found.template.rejectionReason;
  await applyTemplateChange(db, found, event, 'STATUS', { status, rejectionReason }, context);
};

/** An announced re-categorisation is kept pending with its date; a completed one moves the category (history). */
export const projectTemplateCategory: Projection<'templateCategoryUpdated'> = async (db, event, context) => {
  const found = await templateOf(db, event, context);
  if (found !== null) await applyTemplateChange(db, found, event, 'CATEGORY', categoryColumns(event.data), context);
};

export const projectTemplateQuality: Projection<'templateQualityUpdated'> = async (db, event, context) => {
  const found = await templateOf(db, event, context);
  const changes = { qualityScore: event.data.newQualityScore, qualityUpdatedAt: new Date(event.data.occurredAt) };
  if (found !== null) await applyTemplateChange(db, found, event, 'QUALITY', changes, context);
};

/** The template an event names (by Meta's id, else by name and language), the event logged; kept when unknown. */
async function templateOf(db: Db, event: TemplateEvent, context: ProjectionContext): Promise<FoundTemplate | null> {
  const route = await routeByWaba(db, event, context);
  if (route === null) return null;
  await logAccountEvent(db, route, event);
  const { templateId, templateName, templateLanguage } = event.data;
  const template = (await findTemplateByMetaId(db, route.tenantId, templateId))
    ?? (await findTemplate(db, route.tenantId, { wabaId: route.wabaId, name: templateName, language: metaLanguageCode(templateLanguage) }));
  if (template === null) await keepUnrouted(db, event, 'TEMPLATE_UNKNOWN', context, route.tenantId);
  return template === null ? null : { route, template };
}

/** Saves the change with its history, unless a later change of the same kind was already applied. */
async function applyTemplateChange(db: Db, { route, template }: FoundTemplate, event: TemplateEvent, kind: ChangeKind, changes: Partial<TemplateInput>, context: ProjectionContext): Promise<void> {
  const at = new Date(event.data.occurredAt);
  const lastChange = await lastTemplateChangeAt(db, route.tenantId, template.id, kind);
  if (lastChange !== null && lastChange.getTime() > at.getTime()) {
    context.logger.info('template event older than the last change; logged only', { eventId: event.id, kind, templateId: template.id });
    return;
  }
  const reason = 'reason' in event.data && typeof event.data.reason === 'string' ? event.data.reason : event.type;
  await saveTemplate(db, route.tenantId, { ...templateInput(template), metaTemplateId: template.metaTemplateId ?? event.data.templateId, ...changes }, { at, reason });
}

function templateInput(template: Template): TemplateInput {
  const { id: _id, tenantId: _tenantId, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = template;
  return input;
}
