import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TenantEntity } from './tenant.entity';

@Entity('contacts')
@Check('ck_contacts_wa_id', `wa_id ~ '^[1-9][0-9]{6,14}$'`)
@Check('ck_contacts_phone_number', `phone_number ~ '^[1-9][0-9]{6,14}$'`)
@Index('uq_contacts_tenant_wa_id', ['tenantId', 'waId'], { unique: true, where: 'wa_id IS NOT NULL' })
@Index('uq_contacts_tenant_bsuid', ['tenantId', 'businessScopedUserId'], { unique: true, where: 'business_scoped_user_id IS NOT NULL' })
@Index('ix_contacts_tenant_created', ['tenantId', 'createdAt', 'id'])
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_contacts' })
  id!: string;

  @Column('uuid')
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_contacts_tenant' })
  tenant?: TenantEntity;

  /** Meta's `wa_id`, E.164 digits; null once erased or before Meta names it. */
  @Column('text', { nullable: true })
  waId!: string | null;

  /** The number last dialled, until Meta tells us the `wa_id`. */
  @Column('text', { nullable: true })
  phoneNumber!: string | null;

  @Column('text', { nullable: true })
  businessScopedUserId!: string | null;

  @Column('text', { nullable: true })
  profileName!: string | null;

  @Column('text', { nullable: true })
  locale!: string | null;

  /** IANA zone, e.g. `America/Sao_Paulo`. */
  @Column('text', { nullable: true })
  timeZone!: string | null;

  @Column('jsonb', { default: () => `'{}'` })
  attributes!: Record<string, unknown>;

  /** Set by error 131026; cleared when the contact writes again. */
  @Column('timestamptz', { nullable: true })
  undeliverableSince!: Date | null;

  /** Set by error 131049: no marketing before this time. */
  @Column('timestamptz', { nullable: true })
  marketingHeldUntil!: Date | null;

  /** Keyed digest of the erased wa_id: lets a data subject prove the consent history was theirs. */
  @Column('text', { nullable: true })
  subjectDigest!: string | null;

  @Column('timestamptz', { nullable: true })
  erasedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
