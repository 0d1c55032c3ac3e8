import { randomUUID } from 'node:crypto';
import type { SendCommand } from '@recado/contracts';
import { SAMPLE_ORDER_UPDATE, SAMPLE_OTP, type Template } from '@recado/domain';
import * as persistence from '@recado/persistence';
import { PHONE_NUMBER_ID, type DispatchRig } from './dispatch-rig';

// Facts for the reason-code suite: business numbers, contacts and templates, each row its own.

const HOUR_MS = 60 * 60 * 1000;

export interface PhoneRef {
  readonly id: string;
  readonly metaPhoneNumberId: string;
}

export interface ContactRef {
  readonly contactId: string;
  /** The recipient as a command names it. */
  readonly recipient: SendCommand['recipient'];
}

export interface ContactSetup {
  /** Default: a fresh Brazilian wa_id; `null` makes a contact known only by a business-scoped user id. */
  readonly waId?: string | null;
  /** A user of the Meta sandbox (default true); an unknown one is refused with 131026. */
  readonly registered?: boolean;
  readonly optIn?: boolean;
  /** Customer service window with `phone` (default: the rig's number): open, never opened, or a re-engagement template awaiting an answer. */
  readonly window?: 'open' | 'none' | 'awaiting-reply';
  readonly phone?: PhoneRef;
}

/** The rig's tenant with three more business numbers: halted, on the smallest messaging tier (used up), and in a WABA without access token. */
export interface ReasonCodeWorld {
  readonly rig: DispatchRig;
  readonly main: PhoneRef;
  readonly halted: PhoneRef;
  readonly limitReached: PhoneRef;
  readonly noToken: PhoneRef;
  contact(setup?: ContactSetup): Promise<ContactRef>;
  /** A copy of `base` named `name`, stored for the tenant's WABA with `status` (not stored when `status` is null). */
  template(name: string, status: string | null, base?: Template): Promise<Template>;
  send(to: ContactRef, content: SendCommand['content'], phone?: PhoneRef): SendCommand;
}

/** A random wa_id of `digits` digits starting with `prefix` (a US one: `newWaId('1212', 11)`). */
export const newWaId = (prefix = '55119', digits = 13): string =>
  `${prefix}${String(Math.floor(Math.random() * 10 ** (digits - prefix.length))).padStart(digits - prefix.length, '0')}`;

export async function buildReasonCodeWorld(rig: DispatchRig): Promise<ReasonCodeWorld> {
  const { dataSource, seeded, sandbox } = rig;
  const tenantId = seeded.tenantId;
  const [mainRow] = await dataSource.query(`SELECT portfolio_id FROM phone_numbers WHERE id = $1`, [seeded.phoneId]) as { portfolio_id: string }[];
  const portfolioId = mainRow?.portfolio_id ?? null;

  const numbers = await persistence.inTransaction(dataSource, async (db) => {
    const phone = async (metaPhoneNumberId: string, wabaId: string, phonePortfolioId: string | null): Promise<PhoneRef> => {
      const saved = await persistence.savePhoneNumber(db, tenantId, { wabaId, portfolioId: phonePortfolioId, metaPhoneNumberId, displayPhoneNumber: `1555${metaPhoneNumberId.slice(-7)}`, qualityRating: 'GREEN' });
      return { id: saved.id, metaPhoneNumberId };
    };
    const halted = await phone('106540352240001', seeded.wabaId, portfolioId);
    await persistence.haltPhoneNumber(db, tenantId, halted.id, new Date(Date.now() + HOUR_MS));
    const smallPortfolio = await persistence.savePortfolio(db, tenantId, { metaBusinessId: '9002', name: 'Acme small', messagingLimitTier: 'TIER_250' });
    const limitReached = await phone('106540352240002', seeded.wabaId, smallPortfolio.id);
    const tokenless = await persistence.saveWaba(db, tenantId, { metaWabaId: '102290129340999', name: 'Acme without token', portfolioId });
    const noToken = await phone('106540352240003', tokenless.id, portfolioId);
    await persistence.saveTemplate(db, tenantId, { wabaId: seeded.wabaId, name: SAMPLE_OTP.name, language: SAMPLE_OTP.language, category: SAMPLE_OTP.category, status: 'APPROVED', components: [...SAMPLE_OTP.components] }, { at: new Date() });
    return { halted, limitReached, noToken };
  });
  await useUpMessagingLimit(rig, numbers.limitReached, 250);

  const world: ReasonCodeWorld = {
    rig,
    main: { id: seeded.phoneId, metaPhoneNumberId: PHONE_NUMBER_ID },
    ...numbers,
    contact: async (setup = {}) => {
      const waId = setup.waId === undefined ? newWaId() : setup.waId;
      const phone = setup.phone ?? world.main;
      return persistence.inTransaction(dataSource, async (db) => {
        let contactId: string;
        let recipient: SendCommand['recipient'];
        if (waId === null) {
          const userId = `BR.${randomUUID()}`;
          contactId = (await persistence.createContact(db, tenantId, { businessScopedUserId: userId })).id;
          recipient = { userId };
        } else {
          contactId = (await persistence.upsertContacts(db, tenantId, [{ waId }])).get(waId) as string;
          recipient = { waId };
          if (setup.registered ?? true) sandbox.control.registerUser({ waId, name: 'Ana' });
        }
        if (setup.optIn ?? true) {
          await persistence.appendConsent(db, tenantId, { contactId, action: 'OPT_IN', scope: 'ALL', source: 'WEBSITE_FORM', proof: { text: 'Quero receber' }, actor: 'contact', occurredAt: new Date(Date.now() - 60_000) });
        }
        const window = setup.window ?? 'open';
        if (window !== 'none') {
          const open = window === 'open';
          if (open && waId !== null && (setup.registered ?? true)) sandbox.control.inbound(waId, { text: 'Oi', phoneNumberId: phone.metaPhoneNumberId });
          await persistence.saveConversationState(db, tenantId, {
            phoneNumberId: phone.id, contactId, closedByMetaAt: null, entryPoint: null, updatedAt: new Date(),
            lastInboundAt: open ? new Date() : new Date(Date.now() - 48 * HOUR_MS),
            reEngagementSentAt: open ? null : new Date(Date.now() - HOUR_MS),
          });
        }
        return { contactId, recipient };
      });
    },
    template: async (name, status, base = SAMPLE_ORDER_UPDATE) => {
      const template = { ...base, name };
      if (status !== null) {
        await persistence.inTransaction(dataSource, (db) => persistence.saveTemplate(db, tenantId, {
          wabaId: seeded.wabaId, name, language: template.language, category: template.category, status, components: [...template.components],
        }, { at: new Date() }));
      }
      return template;
    },
    send: (to, content, phone = world.main) =>
      ({ commandId: `cmd-${randomUUID()}`, tenantId: seeded.tenantSlug, phoneNumberId: phone.metaPhoneNumberId, recipient: to.recipient, content, requestedAt: new Date().toISOString() }) as SendCommand,
  };
  return world;
}

/** `count` contacts reached with a template from `phone` in the last hour: its portfolio's moving 24 h is used up. */
async function useUpMessagingLimit(rig: DispatchRig, phone: PhoneRef, count: number): Promise<void> {
  const { dataSource, seeded } = rig;
  const waIds = Array.from({ length: count }, (_, index) => `552190${String(index).padStart(7, '0')}`);
  const contactIds = await persistence.upsertContacts(dataSource.manager, seeded.tenantId, waIds.map((waId) => ({ waId })));
  await persistence.insertMessages(dataSource.manager, seeded.tenantId, [...contactIds.values()].map((contactId) => ({
    commandId: `earlier-${randomUUID()}`, phoneNumberId: phone.id, contactId, direction: 'OUTBOUND', type: 'template', decision: 'ALLOW', status: 'ACCEPTED',
    templateName: SAMPLE_ORDER_UPDATE.name, templateLanguage: SAMPLE_ORDER_UPDATE.language, pricingCategory: 'UTILITY', acceptedAt: new Date(Date.now() - HOUR_MS),
  })));
}
