import { eventKindOfType, type CloudEvent, type EventKind } from '@recado/contracts';
import { projectAccountUpdate, projectBusinessCapability, projectPhoneNumberQuality } from './account.projection';
import { projectInbound } from './inbound.projection';
import type { Projection } from './projection';
import { projectStatus } from './status.projection';
import { projectTemplateCategory, projectTemplateQuality, projectTemplateStatus } from './template.projection';
import { projectUserPreference } from './user-preference.projection';

type ProjectedKind =
  | 'inboundMessage'
  | 'messageStatus'
  | 'templateStatusUpdated'
  | 'templateCategoryUpdated'
  | 'templateQualityUpdated'
  | 'phoneNumberQualityUpdated'
  | 'businessCapabilityUpdated'
  | 'accountUpdated'
  | 'userPreferenceUpdated';

const PROJECTIONS: { readonly [K in ProjectedKind]: Projection<K> } = {
  inboundMessage: projectInbound,
  messageStatus: projectStatus,
  templateStatusUpdated: projectTemplateStatus,
  templateCategoryUpdated: projectTemplateCategory,
  templateQualityUpdated: projectTemplateQuality,
  phoneNumberQualityUpdated: projectPhoneNumberQuality,
  businessCapabilityUpdated: projectBusinessCapability,
  accountUpdated: projectAccountUpdate,
  userPreferenceUpdated: projectUserPreference,
};

const isProjected = (kind: EventKind): kind is ProjectedKind => Object.hasOwn(PROJECTIONS, kind);

/** The projection of an event's kind; null for kinds the projector does not consume. */
export function projectionFor(event: CloudEvent): Projection<EventKind> | null {
  const kind = eventKindOfType(event.type);
  if (kind === undefined || !isProjected(kind)) return null;
  // The kind was read from this very event, so the projection fits it.
  return PROJECTIONS[kind] as unknown as Projection<EventKind>;
}
