import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContactEntity } from './contact.entity';
import { PhoneNumberEntity } from './phone-number.entity';

/** A 24 h (72 h for free entry points) billing session as Meta reports it (RULES §2.2, §2.4). */
@Entity('conversations')
@Check('ck_conversations_pricing_model', `pricing_model IN ('CBP', 'PMP')`)
@Index('uq_conversations_meta_id', ['phoneNumberId', 'metaConversationId'], { unique: true, where: 'meta_conversation_id IS NOT NULL' })
@Index('ix_conversations_contact', ['tenantId', 'contactId', 'openedAt'])
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_conversations' })
  id!: string;

  @Column('uuid')
  tenantId!: string;

  @Column('uuid')
  phoneNumberId!: string;

  @ManyToOne(() => PhoneNumberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phone_number_id', foreignKeyConstraintName: 'fk_conversations_phone_number' })
  phoneNumber?: PhoneNumberEntity;

  @Column('uuid')
  contactId!: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_conversations_contact' })
  contact?: ContactEntity;

  @Column('text', { nullable: true })
  metaConversationId!: string | null;

  /** Pass-through string: Meta adds categories every few months (RULES §2.4). */
  @Column('text')
  category!: string;

  @Column('text', { nullable: true })
  origin!: string | null;

  @Column('text')
  pricingModel!: 'CBP' | 'PMP';

  @Column('timestamptz')
  openedAt!: Date;

  @Column('timestamptz', { nullable: true })
  expiresAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
