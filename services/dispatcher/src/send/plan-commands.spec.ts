import type { SendCommand } from '@recado/contracts';
import { exampleSendParameters, renderTemplateMessage, SAMPLE_ORDER_UPDATE } from '@recado/domain';
import { templateKey, type Contact, type CurrentConsent, type DispatchFacts, type LimitUsage, type PhoneNumberFacts, type Template } from '@recado/persistence';
import type { ReceivedCommand } from './command-intake';
import { planCommands, type PlannedCommand } from './plan-commands';

const NOW = new Date('2026-06-01T12:00:00Z');
const META_PHONE_ID = '106540352242922';

const phone = { id: 'phone-1', wabaId: 'waba-1', metaPhoneNumberId: META_PHONE_ID, displayPhoneNumber: '+1 555 078 3881', haltedUntil: null, messagingLimitTier: 'TIER_250', portfolioMessagingLimitTier: 'TIER_250' } as unknown as PhoneNumberFacts;
const template = { ...SAMPLE_ORDER_UPDATE, id: 'template-1', wabaId: 'waba-1', status: 'APPROVED', components: [...SAMPLE_ORDER_UPDATE.components], correctCategory: null, correctCategoryEffectiveAt: null } as unknown as Template;
const rendered = renderTemplateMessage(SAMPLE_ORDER_UPDATE, exampleSendParameters(SAMPLE_ORDER_UPDATE));
if (!rendered.ok) throw new Error('SAMPLE_ORDER_UPDATE does not render');

const waIdOf = (name: string): string => `5521${name.padStart(9, '0')}`;
const contactOf = (name: string): Contact => ({ id: `contact-${name}`, waId: waIdOf(name), businessScopedUserId: null, phoneNumber: null, timeZone: null, undeliverableSince: null, marketingHeldUntil: null }) as unknown as Contact;

const optedIn = (contact: Contact): CurrentConsent[] =>
  ['MARKETING', 'UTILITY', 'AUTHENTICATION'].map((category) => ({ contactId: contact.id, category, status: 'OPTED_IN', source: 'WEBSITE_FORM', since: new Date('2026-05-01T00:00:00Z') }) as unknown as CurrentConsent);

const received = (n: number, contact: string): ReceivedCommand => ({
  command: { commandId: `c-${n}`, tenantId: 'acme', phoneNumberId: META_PHONE_ID, recipient: { waId: waIdOf(contact) }, content: { type: 'template', template: rendered.payload }, requestedAt: NOW.toISOString() } as unknown as SendCommand,
  record: {} as ReceivedCommand['record'],
});

function plan(contacts: readonly string[], usage: LimitUsage): PlannedCommand[] {
  const known = [...new Set(contacts)].map(contactOf);
  const facts: DispatchFacts = {
    phoneNumbers: new Map([[META_PHONE_ID, phone]]),
    contacts: new Map(known.map((contact) => [contact.waId as string, contact])),
    consent: new Map(known.map((contact) => [contact.id, optedIn(contact)])),
    conversationStates: new Map(),
    templates: new Map([[templateKey('waba-1', template.name, template.language), template]]),
    recentSends: new Map(),
    existingCommands: new Map(),
  };
  return planCommands(contacts.map((contact, n) => received(n, contact)), { facts, contactIds: new Map(), heldPairs: new Set(), limitUsage: new Map([[phone.id, usage]]), now: NOW });
}

const outcomes = (plans: readonly PlannedCommand[]): string[] => plans.map((planned) => ('reasonCode' in planned ? `${planned.kind}:${planned.reasonCode}` : planned.kind));

describe('planning a batch against the messaging limit', () => {
  const oneSlotLeft: LimitUsage = { uniqueRecipients: 249, oldestAt: new Date('2026-06-01T00:00:00Z'), countedContactIds: new Set(['contact-old']) };

  it('counts the recipients that earlier template sends of the same batch took', () => {
    expect(outcomes(plan(['a', 'b'], oneSlotLeft))).toEqual(['allow', 'defer:MESSAGING_LIMIT_REACHED']);
    expect(outcomes(plan(['a', 'b', 'c', 'd'], { ...oneSlotLeft, uniqueRecipients: 247 }))).toEqual(['allow', 'allow', 'allow', 'defer:MESSAGING_LIMIT_REACHED']);
  });

  it('lets a contact counted before the batch through when the limit is full', () => {
    const full = { ...oneSlotLeft, uniqueRecipients: 250 };
    expect(outcomes(plan(['old', 'a'], { ...full, countedContactIds: new Set(['contact-old']) }))).toEqual(['allow', 'defer:MESSAGING_LIMIT_REACHED']);
  });

  it('leaves the stored usage as it was', () => {
    plan(['a', 'b'], oneSlotLeft);
    expect(oneSlotLeft.uniqueRecipients).toBe(249);
    expect([...oneSlotLeft.countedContactIds]).toEqual(['contact-old']);
  });

  it('suggests the approved templates of the number\'s WABA', () => {
    const [first] = plan(['a'], oneSlotLeft);
    expect(first !== undefined && 'facts' in first ? first.facts?.candidateTemplates.map((candidate) => candidate.name) : null).toEqual([template.name]);
  });
});
