import { postStatuses, type SandboxCore } from '../sandbox-core';
import type { TemplateControl } from './template-control';

export type PacingOutcome = 'release' | 'pause';

/**
 * Ends the quality assessment of a paced template [M14]: good signal releases the held
 * messages (normal statuses); bad signal pauses the template and fails each one with 132015.
 * Returns how many held messages were settled.
 */
export function settlePacing(core: SandboxCore, templates: TemplateControl, templateId: string, outcome: PacingOutcome): number {
  const held = core.held.get(templateId) ?? [];
  core.held.delete(templateId);
  const template = core.templates.get(templateId);
  if (template !== undefined) template.paced = false;
  if (outcome === 'pause') {
    templates.setTemplateQuality(templateId, 'RED');
    templates.setTemplateStatus(templateId, 'PAUSED');
  }
  const sentAt = core.clock.now();
  for (const send of held) postStatuses(core, { ...send, sentAt, failureCode: outcome === 'pause' ? 132015 : send.failureCode });
  return held.length;
}
