import { ApiKeyEntity } from './api-key.entity';
import { BusinessPortfolioEntity } from './business-portfolio.entity';
import { ConsentRecordEntity } from './consent-record.entity';
import { ContactEntity } from './contact.entity';
import { ConversationStateEntity } from './conversation-state.entity';
import { ConversationEntity } from './conversation.entity';
import { CurrentConsentEntity } from './current-consent.entity';
import { MessageEntity } from './message.entity';
import { OutboxEventEntity } from './outbox-event.entity';
import { PhoneNumberEntity } from './phone-number.entity';
import { ProcessedEventEntity } from './processed-event.entity';
import { TemplateHistoryEntity } from './template-history.entity';
import { TemplateEntity } from './template.entity';
import { TenantEntity } from './tenant.entity';
import { WhatsappBusinessAccountEntity } from './whatsapp-business-account.entity';

export const ENTITIES = [
  TenantEntity,
  ApiKeyEntity,
  BusinessPortfolioEntity,
  WhatsappBusinessAccountEntity,
  PhoneNumberEntity,
  ContactEntity,
  ConsentRecordEntity,
  CurrentConsentEntity,
  TemplateEntity,
  TemplateHistoryEntity,
  ConversationStateEntity,
  ConversationEntity,
  MessageEntity,
  OutboxEventEntity,
  ProcessedEventEntity,
];

export {
  ApiKeyEntity,
  BusinessPortfolioEntity,
  ConsentRecordEntity,
  ContactEntity,
  ConversationEntity,
  ConversationStateEntity,
  CurrentConsentEntity,
  MessageEntity,
  OutboxEventEntity,
  PhoneNumberEntity,
  ProcessedEventEntity,
  TemplateEntity,
  TemplateHistoryEntity,
  TenantEntity,
  WhatsappBusinessAccountEntity,
};
