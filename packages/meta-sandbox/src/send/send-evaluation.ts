import { customerServiceWindowAt, DEFAULT_US_MARKETING_PAUSE, freeEntryPointAt, isUsMarketingPaused, takeTokens, type TokenBucketState, type PricingFacts } from '@recado/domain';
import type { SandboxPhoneNumber } from '../sandbox-options';
import type { SandboxTemplate, SandboxTemplates } from '../state/sandbox-templates';
import type { SimulatedUser, SimulatedUsers } from '../state/simulated-users';
import type { SendBody } from './send-request.model';

export type SendOutcome =
  | {
      readonly kind: 'accepted';
      readonly user: SimulatedUser;
      readonly template: SandboxTemplate | undefined;
      readonly pricingFacts: PricingFacts;
      /** Accepted now, failed later by webhook (131050 for a user who stopped marketing) [M27]. */
      readonly asyncFailureCode: number | undefined;
    }
  | { readonly kind: 'rejected'; readonly code: number; readonly details: string };

export interface SendContext {
  readonly phone: SandboxPhoneNumber;
  readonly body: SendBody;
  readonly now: Date;
  readonly users: SimulatedUsers;
  readonly templates: SandboxTemplates;
  readonly pairRate: { readonly ratePerSecond: number; readonly burst: number };
}

const reject = (code: number, details: string): SendOutcome => ({ kind: 'rejected', code, details });

function takePair(user: SimulatedUser, context: SendContext): boolean {
  const { phone, now, pairRate } = context;
  const state: TokenBucketState = user.pairBuckets.get(phone.id) ?? { tokens: pairRate.burst, updatedAt: now };
  const result = takeTokens(state, pairRate, now);
  user.pairBuckets.set(phone.id, result.state);
  return result.allowed;
}

function templateProblem(template: SandboxTemplate | undefined, body: SendBody): SendOutcome | undefined {
  const wanted = `${body.template?.name ?? ''} (${body.template?.language.code ?? ''})`;
  if (template === undefined) return reject(132001, `template name ${wanted} does not exist in the translation`);
  if (template.status === 'PAUSED') return reject(132015, `Template ${wanted} is paused due to low quality.`);
  if (template.status === 'DISABLED') return reject(132016, `Template ${wanted} has been paused too many times and is disabled.`);
  if (template.status !== 'APPROVED') return reject(132001, `template name ${wanted} is ${template.status}, not approved`);
  return undefined;
}

/** Marketing accepted then failed: the user stopped it (131050), or a US number (131049) [M21]. */
function marketingFailure(template: SandboxTemplate | undefined, user: SimulatedUser, now: Date): number | undefined {
  if (template?.category !== 'MARKETING') return undefined;
  if (user.marketingStopped) return 131050;
  return isUsMarketingPaused(DEFAULT_US_MARKETING_PAUSE, user.waId, now) ? 131049 : undefined;
}

/** Meta's checks for one send, in the order a real send meets them (RULES.md §1, §3.4, §5.2, §7.2). */
export function evaluateSend(context: SendContext): SendOutcome {
  const { body, now, phone } = context;
  const user = context.users.find(body.to);
  if (user === undefined) return reject(131026, 'Message undeliverable: the number is not a WhatsApp user.');
  if (!takePair(user, context)) return reject(131056, 'Too many messages sent from this phone number to the same phone number in a short period of time.');
  const template = body.template && context.templates.find(phone.wabaId, body.template.name, body.template.language.code);
  if (body.type === 'template') {
    const problem = templateProblem(template, body);
    if (problem) return problem;
  }
  const csw = customerServiceWindowAt(user.window, now);
  if (body.type !== 'template' && !csw.open) return reject(131047, 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.');
  const fep = freeEntryPointAt(user.window, now);
  const pricingFacts: PricingFacts = {
    message: template ? { kind: 'template', category: template.category } : { kind: 'free_form' },
    customerServiceWindowOpen: csw.open,
    freeEntryPointWindowOpen: fep.open || fep.reason === 'AWAITING_BUSINESS_REPLY',
    recipientWaId: user.waId,
  };
  return { kind: 'accepted', user, template, pricingFacts, asyncFailureCode: marketingFailure(template, user, now) };
}
