import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ContactEntity } from './contact.entity';
import { PhoneNumberEntity } from './phone-number.entity';

/** Customer service window facts per (business number, contact) (RULES §1.1). */
@Entity('conversation_states')
@Index('ix_conversation_states_tenant_contact', ['tenantId', 'contactId'])
export class ConversationStateEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_conversation_states' })
  phoneNumberId!: string;

  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_conversation_states' })
  contactId!: string;

  @ManyToOne(() => PhoneNumberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phone_number_id', foreignKeyConstraintName: 'fk_conversation_states_phone_number' })
  phoneNumber?: PhoneNumberEntity;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_conversation_states_contact' })
  contact?: ContactEntity;

  @Column('uuid')
  tenantId!: string;

  @Column('timestamptz', { nullable: true })
  lastInboundAt!: Date | null;

  /** Send time of a message Meta refused with 131047 although the window looked open. */
  @Column('timestamptz', { nullable: true })
  closedByMetaAt!: Date | null;

  /** Free entry point: `{ referralAt, openedAt }` as ISO strings. */
  @Column('jsonb', { nullable: true })
  entryPoint!: { referralAt: string; openedAt: string | null } | null;

  @Column('timestamptz', { nullable: true })
  reEngagementSentAt!: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
