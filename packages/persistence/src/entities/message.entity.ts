import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContactEntity } from './contact.entity';
import { ConversationEntity } from './conversation.entity';
import { PhoneNumberEntity } from './phone-number.entity';

export type MessageDirection = 'INBOUND' | 'OUTBOUND';
export type MessageDecision = 'ALLOW' | 'DEFER' | 'REJECT';
export type MessageRowStatus =
  | 'PENDING' | 'DEFERRED' | 'REJECTED' | 'HELD' | 'ACCEPTED' | 'SENT' | 'DELIVERED' | 'READ' | 'PLAYED' | 'FAILED' | 'RECEIVED';

const STATUSES = `('PENDING', 'DEFERRED', 'REJECTED', 'HELD', 'ACCEPTED', 'SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED', 'RECEIVED')`;

@Entity('messages')
@Check('ck_messages_direction', `direction IN ('INBOUND', 'OUTBOUND')`)
@Check('ck_messages_decision', `decision IN ('ALLOW', 'DEFER', 'REJECT')`)
@Check('ck_messages_status', `status IN ${STATUSES}`)
@Index('uq_messages_tenant_command', ['tenantId', 'commandId'], { unique: true, where: 'command_id IS NOT NULL' })
@Index('uq_messages_wamid', ['wamid'], { unique: true, where: 'wamid IS NOT NULL' })
@Index('ix_messages_contact_created', ['tenantId', 'contactId', 'createdAt', 'id'])
@Index('ix_messages_tenant_created', ['tenantId', 'createdAt', 'id'])
@Index('ix_messages_unanswered_sends', ['createdAt'], { where: `status = 'PENDING' AND wamid IS NULL` })
@Index('ix_messages_pair_outbound', ['phoneNumberId', 'contactId', 'createdAt'], { where: `direction = 'OUTBOUND'` })
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_messages' })
  id!: string;

  @Column('uuid')
  tenantId!: string;

  @Column('uuid')
  phoneNumberId!: string;

  @ManyToOne(() => PhoneNumberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phone_number_id', foreignKeyConstraintName: 'fk_messages_phone_number' })
  phoneNumber?: PhoneNumberEntity;

  @Column('uuid')
  contactId!: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_messages_contact' })
  contact?: ContactEntity;

  @Column('uuid', { nullable: true })
  conversationId!: string | null;

  @ManyToOne(() => ConversationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'conversation_id', foreignKeyConstraintName: 'fk_messages_conversation' })
  conversation?: ConversationEntity;

  @Column('text')
  direction!: MessageDirection;

  /** `template`, `text`, `image`… as in the Cloud API. */
  @Column('text')
  type!: string;

  @Column('jsonb', { nullable: true })
  content!: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  templateName!: string | null;

  @Column('text', { nullable: true })
  templateLanguage!: string | null;

  @Column('jsonb', { nullable: true })
  templateParameters!: Record<string, unknown> | null;

  /** The idempotency key of the send-command. */
  @Column('text', { nullable: true })
  commandId!: string | null;

  @Column('text', { nullable: true })
  decision!: MessageDecision | null;

  @Column('text', { nullable: true })
  reasonCode!: string | null;

  @Column('text')
  status!: MessageRowStatus;

  @Column('timestamptz', { nullable: true }) acceptedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) heldAt!: Date | null;
  @Column('timestamptz', { nullable: true }) sentAt!: Date | null;
  @Column('timestamptz', { nullable: true }) deliveredAt!: Date | null;
  @Column('timestamptz', { nullable: true }) readAt!: Date | null;
  @Column('timestamptz', { nullable: true }) playedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) failedAt!: Date | null;

  /** Set just before the Cloud API call: a PENDING row with it and no wamid is in doubt after a crash. */
  @Column('timestamptz', { nullable: true }) metaCallStartedAt!: Date | null;

  @Column('text', { nullable: true })
  wamid!: string | null;

  @Column('integer', { nullable: true })
  metaErrorCode!: number | null;

  @Column('jsonb', { nullable: true })
  metaError!: Record<string, unknown> | null;

  /** Category priced at send time, and the estimate in the WABA's currency. */
  @Column('text', { nullable: true })
  pricingCategory!: string | null;

  @Column('numeric', { precision: 12, scale: 6, nullable: true })
  costEstimate!: string | null;

  @Column('text', { nullable: true })
  costCurrency!: string | null;

  /** The status webhook's `pricing` object, kept once per wamid (RULES §2.4). */
  @Column('jsonb', { nullable: true })
  reconciledPricing!: Record<string, unknown> | null;

  @Column('timestamptz', { nullable: true })
  reconciledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
