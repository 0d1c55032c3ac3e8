import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ConsentRecordEntity } from './consent-record.entity';
import { ContactEntity } from './contact.entity';

export type ConsentCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export type ConsentStatus = 'OPTED_IN' | 'OPTED_OUT';

/** The latest ledger entry per (contact, category), written in the ledger's transaction. */
@Entity('current_consents')
@Check('ck_current_consents_category', `category IN ('MARKETING', 'UTILITY', 'AUTHENTICATION')`)
@Check('ck_current_consents_status', `status IN ('OPTED_IN', 'OPTED_OUT')`)
@Index('ix_current_consents_tenant_contact', ['tenantId', 'contactId'])
export class CurrentConsentEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_current_consents' })
  contactId!: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'pk_current_consents' })
  category!: ConsentCategory;

  @ManyToOne(() => ContactEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_current_consents_contact' })
  contact?: ContactEntity;

  @Column('uuid')
  tenantId!: string;

  @Column('text')
  status!: ConsentStatus;

  @Column('text')
  source!: string;

  @Column('timestamptz')
  since!: Date;

  @Column('bigint')
  recordId!: string;

  @ManyToOne(() => ConsentRecordEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'record_id', foreignKeyConstraintName: 'fk_current_consents_record' })
  record?: ConsentRecordEntity;
}
