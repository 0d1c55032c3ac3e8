import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContactEntity } from './contact.entity';
import { PhoneNumberEntity } from './phone-number.entity';

export type ConsentAction = 'OPT_IN' | 'OPT_OUT';
export type ConsentScope = 'ALL' | 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';

/** The append-only ledger: a trigger refuses UPDATE and DELETE (except during erasure). */
@Entity('consent_records')
@Check('ck_consent_records_action', `action IN ('OPT_IN', 'OPT_OUT')`)
@Check('ck_consent_records_scope', `scope IN ('ALL', 'MARKETING', 'UTILITY', 'AUTHENTICATION')`)
@Index('ix_consent_records_contact', ['tenantId', 'contactId', 'occurredAt'])
export class ConsentRecordEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_consent_records' })
  id!: string;

  @Column('uuid')
  tenantId!: string;

  @Column('uuid')
  contactId!: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_consent_records_contact' })
  contact?: ContactEntity;

  /** Set when the signal is scoped to one business number (WhatsApp's marketing stop, RULES §5.2). */
  @Column('uuid', { nullable: true })
  phoneNumberId!: string | null;

  @ManyToOne(() => PhoneNumberEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'phone_number_id', foreignKeyConstraintName: 'fk_consent_records_phone_number' })
  phoneNumber?: PhoneNumberEntity;

  @Column('text')
  action!: ConsentAction;

  @Column('text')
  scope!: ConsentScope;

  @Column('text')
  source!: string;

  /** Text shown, business name shown, evidence URL; a digest only after erasure. */
  @Column('jsonb')
  proof!: Record<string, unknown>;

  @Column('text')
  actor!: string;

  @Column('timestamptz')
  occurredAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  recordedAt!: Date;
}
