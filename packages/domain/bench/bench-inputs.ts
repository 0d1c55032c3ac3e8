import type { DecisionFacts, RecentSend, SendCommand, Template, TenantPolicy } from '../src';
import { DEFAULT_TENANT_POLICY, HOUR_MS, MINUTE_MS, NO_CONSENT } from '../src';
import { facts, FREE_FORM, NOW, optedIn, template, templateCommand } from '../src/policy/testing/decision-fixtures';

export interface BenchInput {
  readonly command: SendCommand;
  readonly facts: DecisionFacts;
  readonly now: Date;
}

/** Small deterministic generator so every run decides the same inputs. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const candidates: readonly Template[] = [
  template({ name: 'retomar_atendimento' }),
  template({ name: 'pedido_enviado' }),
  template({ name: 'oferta_semana', category: 'MARKETING' }),
  template({ name: 'cupom_aniversario', category: 'MARKETING' }),
  template({ name: 'codigo_acesso', category: 'AUTHENTICATION' }),
  template({ name: 'lembrete_consulta', status: 'PAUSED' }),
  template({ name: 'pesquisa_satisfacao', language: 'es' }),
  template({ name: 'atualizacao_conta', correctCategory: 'MARKETING', pendingCategoryAt: new Date(NOW.getTime() - HOUR_MS) }),
];

const tenants: readonly TenantPolicy[] = [
  DEFAULT_TENANT_POLICY,
  { ...DEFAULT_TENANT_POLICY, marketingCap: { per24h: 1, per7d: 3 }, defaultTimeZone: 'America/Sao_Paulo' },
  { ...DEFAULT_TENANT_POLICY, quietHours: { start: '21:00', end: '08:00', categories: ['MARKETING', 'UTILITY'] } },
  { ...DEFAULT_TENANT_POLICY, optInNotRequiredFor: ['UTILITY', 'AUTHENTICATION'], onMessagingLimitReached: 'REJECT' },
];

const zones = ['America/Sao_Paulo', 'America/Manaus', 'America/Mexico_City', 'Europe/Madrid', 'America/New_York', null];
const numbers = ['5511987654321', '5521998765432', '5215512345678', '34612345678', '12125550123', '14165550123'];
const statuses = ['APPROVED', 'APPROVED', 'APPROVED', 'APPROVED', 'PAUSED', 'PENDING', 'REJECTED'] as const;

function sends(random: () => number): RecentSend[] {
  const count = Math.floor(random() * 10);
  const categories = ['MARKETING', 'UTILITY', 'SERVICE', 'SERVICE'] as const;
  return Array.from({ length: count }, () => ({
    at: new Date(NOW.getTime() - Math.floor(random() * 7 * 24 * 60) * MINUTE_MS),
    category: categories[Math.floor(random() * categories.length)] ?? 'SERVICE',
  }));
}

function one(random: () => number): BenchInput {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const marketing = random() < 0.35;
  const chosen = template({ name: 'order_update', category: marketing ? 'MARKETING' : 'UTILITY', status: pick(statuses) });
  const number = pick(numbers);
  const inboundHoursAgo = random() < 0.5 ? random() * 23 : random() < 0.9 ? 24 + random() * 200 : null;
  const base = facts();
  const input = facts({
    contact: { ...base.contact, identity: { waId: number, businessScopedUserId: null, phoneNumber: number }, timeZone: pick(zones) },
    consent: random() < 0.85 ? optedIn('MARKETING', 'UTILITY') : NO_CONSENT,
    conversation: {
      window: { lastInboundAt: inboundHoursAgo === null ? null : new Date(NOW.getTime() - inboundHoursAgo * HOUR_MS), closedByMetaAt: null, entryPoint: null },
      reEngagementSentAt: random() < 0.1 ? new Date(NOW.getTime() - HOUR_MS) : null,
    },
    template: random() < 0.95 ? chosen : null,
    candidateTemplates: candidates,
    tenant: pick(tenants),
    messagingLimit: { tier: 'TIER_2K', uniqueRecipients24h: Math.floor(random() * 2_100), recipientCounted: random() < 0.3, nextSlotFreesAt: new Date(NOW.getTime() + HOUR_MS) },
    recentSends: sends(random),
  });
  const command = random() < 0.4 ? FREE_FORM : random() < 0.9 ? templateCommand() : templateCommand({ parameters: { body: [{ type: 'text', text: 'Ana' }] } });
  return { command, facts: input, now: new Date(NOW.getTime() + Math.floor(random() * 24 * 60) * MINUTE_MS) };
}

/** `count` varied, realistic decision inputs (same inputs on every run). */
export function benchInputs(count: number, seed = 42): BenchInput[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => one(random));
}
