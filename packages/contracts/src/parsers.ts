import { accountUpdatedSchema, businessCapabilityUpdatedSchema, phoneNumberQualityUpdatedSchema, userPreferenceUpdatedSchema } from './schemas/account-events.schema';
import { inboundMessageSchema } from './schemas/inbound-message.schema';
import { messageStatusSchema } from './schemas/message-status.schema';
import { sendCommandSchema } from './schemas/send-command.schema';
import { sendOutcomeSchema } from './schemas/send-outcome.schema';
import { templateCategoryUpdatedSchema, templateQualityUpdatedSchema, templateStatusUpdatedSchema } from './schemas/template-events.schema';
import { deadLetterSchema, rawWebhookSchema, unclassifiedWebhookSchema } from './schemas/webhook-events.schema';
import { parserFor } from './validation';

// One validator per schema: `{ ok: true, value }` or `{ ok: false, errors: [{ path, message }] }`, never a throw.

export const parseSendCommand = parserFor(sendCommandSchema);
export const parseSendOutcome = parserFor(sendOutcomeSchema);
export const parseInboundMessage = parserFor(inboundMessageSchema);
export const parseMessageStatus = parserFor(messageStatusSchema);
export const parseTemplateStatusUpdated = parserFor(templateStatusUpdatedSchema);
export const parseTemplateCategoryUpdated = parserFor(templateCategoryUpdatedSchema);
export const parseTemplateQualityUpdated = parserFor(templateQualityUpdatedSchema);
export const parsePhoneNumberQualityUpdated = parserFor(phoneNumberQualityUpdatedSchema);
export const parseBusinessCapabilityUpdated = parserFor(businessCapabilityUpdatedSchema);
export const parseAccountUpdated = parserFor(accountUpdatedSchema);
export const parseUserPreferenceUpdated = parserFor(userPreferenceUpdatedSchema);
export const parseRawWebhook = parserFor(rawWebhookSchema);
export const parseUnclassifiedWebhook = parserFor(unclassifiedWebhookSchema);
export const parseDeadLetter = parserFor(deadLetterSchema);
