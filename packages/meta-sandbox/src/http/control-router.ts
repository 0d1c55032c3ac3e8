import type { TemplateCategory, TemplateQualityScore, TemplateStatus } from '@recado/domain';
import type { InboundInput } from '../control/inbound-message';
import type { SandboxControl } from '../control/sandbox-control';
import type { TemplateInput } from '../state/sandbox-templates';
import type { UserRegistration } from '../state/simulated-users';
import type { GraphAnswer } from './graph-answer';

type Body = Record<string, unknown>;

const answer = (body: unknown, status = 200): GraphAnswer => ({ status, body });
const notFound = (what: string) => answer({ error: { code: 'NOT_FOUND', message: `${what} not found` } }, 404);

function changeTemplate(control: SandboxControl, id: string, body: Body): GraphAnswer {
  const results = [
    body['status'] === undefined || control.setTemplateStatus(id, body['status'] as TemplateStatus, body['reason'] as string | undefined),
    body['category'] === undefined ||
      control.setTemplateCategory(id, body['category'] as TemplateCategory, typeof body['categoryAt'] === 'string' ? new Date(body['categoryAt']) : undefined),
    body['qualityScore'] === undefined || control.setTemplateQuality(id, body['qualityScore'] as TemplateQualityScore),
  ];
  return results.every(Boolean) ? answer({ ok: true }) : notFound(`template ${id}`);
}

/** The sandbox's own HTTP control API under `/_sandbox` (not part of Meta's). */
export function routeControl(control: SandboxControl, method: string, segments: readonly string[], body: Body): GraphAnswer {
  const [resource, id, action] = segments;
  const route = `${method} ${resource ?? ''}${id === undefined ? '' : '/:id'}${action === undefined ? '' : `/${action}`}`;
  switch (route) {
    case 'GET inspect':
      return answer(control.inspect());
    case 'POST users':
      control.registerUser(body as unknown as UserRegistration);
      return answer({ ok: true }, 201);
    case 'POST users/:id/messages': {
      const sent = control.inbound(id ?? '', body as InboundInput);
      return sent ? answer(sent, 201) : notFound(`user ${id ?? ''}`);
    }
    case 'POST users/:id/preferences':
      return control.setMarketingPreference(id ?? '', body['value'] === 'resume' ? 'resume' : 'stop') ? answer({ ok: true }) : notFound(`user ${id ?? ''}`);
    case 'POST templates':
      return answer(control.addTemplate(body as unknown as TemplateInput), 201);
    case 'POST templates/:id':
      return changeTemplate(control, id ?? '', body);
    case 'POST templates/:id/pacing':
      return answer({ settled: control.settlePacing(id ?? '', body['outcome'] === 'pause' ? 'pause' : 'release') });
    case 'POST clock':
      control.setClockOffsetMs(Number(body['offsetMs'] ?? 0));
      return answer({ ok: true });
    case 'GET webhooks/:id':
      return id === 'examples' ? answer(control.webhookExampleNames()) : notFound(`route ${route}`);
    case 'POST webhooks/:id':
      if (id !== 'replay') return notFound(`route ${route}`);
      return control.replayWebhookExample(String(body['name'])) ? answer({ ok: true }, 202) : notFound(`webhook example ${String(body['name'])}`);
    case 'POST faults':
      control.setFaults(body);
      return answer({ ok: true });
    default:
      return notFound(`route ${route}`);
  }
}
