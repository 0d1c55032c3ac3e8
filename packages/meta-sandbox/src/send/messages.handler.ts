import { classifyPricing } from '@recado/domain';
import { graphError } from '../http/graph-error';
import { RawJson, success, type GraphAnswer } from '../http/graph-answer';
import type { SandboxPhoneNumber } from '../sandbox-options';
import { postStatuses, type SandboxCore } from '../sandbox-core';
import { evaluateSend, type SendOutcome } from './send-evaluation';
import { isMarkRead, type SendBody } from './send-request.model';

const MESSAGES_PATH = '/{Version}/{Phone-Number-ID}/messages';

function injectedFault(core: SandboxCore): GraphAnswer | undefined {
  const { faults, random } = core;
  if (faults.rateLimitBurst > 0) {
    faults.rateLimitBurst -= 1;
    return graphError(130429, 'Cloud API message throughput has been reached.', random, { subcode: 2494055, retryAfterS: 1 });
  }
  if (random.chance(faults.serverErrorRate)) return { status: 503, body: 'Service Unavailable' };
  if (random.chance(faults.errorRate)) return graphError(131000, 'Something went wrong.', random);
  return undefined;
}

const ASYNC_RECIPIENT_CODES = new Set([131026, 131047]);

function answerAccepted(body: SendBody, waId: string, wamid: string, status: string | undefined): GraphAnswer {
  const messageStatus = status === undefined ? '' : `,"message_status":"${status}"`;
  // Pre-serialised: this answer is the sandbox's hot path.
  const json = `{"messaging_product":"whatsapp","contacts":[{"input":${JSON.stringify(body.to)},"wa_id":"${waId}"}],"messages":[{"id":"${wamid}"${messageStatus}}]}`;
  return { status: 200, body: new RawJson(json) };
}

/** A 200 now, a `failed` status webhook later, as the Cloud API does for recipient errors. */
function acceptThenFail(core: SandboxCore, phone: SandboxPhoneNumber, body: SendBody, code: number, now: Date): GraphAnswer {
  const waId = body.to.replace(/\D/g, '');
  const wamid = `wamid.SBX${core.nextSequence().toString(36).toUpperCase()}${waId}`;
  core.counters.recordAccepted(waId, body.biz_opaque_callback_data);
  const send = { wamid, phone, waId, callbackData: body.biz_opaque_callback_data, classification: undefined, failureCode: code, sentAt: now };
  postStatuses(core, send);
  return answerAccepted(body, waId, wamid, body.type === 'template' ? 'accepted' : undefined);
}

function accept(core: SandboxCore, phone: SandboxPhoneNumber, body: SendBody, outcome: Extract<SendOutcome, { kind: 'accepted' }>, now: Date): GraphAnswer {
  const { user } = outcome;
  const wamid = `wamid.SBX${core.nextSequence().toString(36).toUpperCase()}${user.waId}`;
  core.counters.recordAccepted(user.waId, body.biz_opaque_callback_data);
  const entryPoint = user.window.entryPoint;
  if (entryPoint !== null && entryPoint.openedAt === null) user.window = { ...user.window, entryPoint: { ...entryPoint, openedAt: now } };
  const held = outcome.template?.paced === true;
  if (core.webhooks.enabled) {
    const classification = classifyPricing(outcome.pricingFacts, now);
    const send = { wamid, phone, waId: user.waId, callbackData: body.biz_opaque_callback_data, classification, failureCode: outcome.asyncFailureCode, sentAt: now };
    if (held && outcome.template) core.held.set(outcome.template.id, [...(core.held.get(outcome.template.id) ?? []), send]);
    else postStatuses(core, send);
  }
  return answerAccepted(body, user.waId, wamid, body.type === 'template' ? (held ? 'held_for_quality_assessment' : 'accepted') : undefined);
}

/** `POST /{Version}/{Phone-Number-ID}/messages`: a send or a read receipt. */
export function handleMessages(core: SandboxCore, phone: SandboxPhoneNumber, body: Record<string, unknown>): GraphAnswer {
  if (isMarkRead(body)) return success({ success: true });
  if (core.validator) {
    const check = core.validator.requestBody(MESSAGES_PATH, 'post', body);
    if (!check.valid) return graphError(100, check.violations.map((v) => `${v.path} ${v.message}`).join('; '), core.random);
  }
  const fault = injectedFault(core);
  if (fault) return fault;
  const now = core.clock.now();
  if (!core.throughput.take(phone.id, now)) {
    core.counters.recordRejected(130429);
    return graphError(130429, 'Cloud API message throughput has been reached.', core.random, { subcode: 2494055, retryAfterS: 1 });
  }
  const sendBody = body as unknown as SendBody;
  const pairRate = { ratePerSecond: core.options.pairRatePerSecond, burst: core.options.pairBurst };
  if (core.options.autoRegisterUsers && core.users.find(sendBody.to) === undefined) core.users.register({ waId: sendBody.to });
  const outcome = evaluateSend({ phone, body: sendBody, now, users: core.users, templates: core.templates, pairRate });
  if (outcome.kind === 'accepted') return accept(core, phone, sendBody, outcome, now);
  if (core.options.recipientErrorsBy === 'webhook' && ASYNC_RECIPIENT_CODES.has(outcome.code)) return acceptThenFail(core, phone, sendBody, outcome.code, now);
  core.counters.recordRejected(outcome.code);
  return graphError(outcome.code, outcome.details, core.random);
}
