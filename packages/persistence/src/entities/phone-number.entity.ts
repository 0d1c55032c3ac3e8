import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BusinessPortfolioEntity } from './business-portfolio.entity';
import { TenantEntity } from './tenant.entity';
import { WhatsappBusinessAccountEntity } from './whatsapp-business-account.entity';

export type PhoneQualityRating = 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';

@Entity('phone_numbers')
@Check('ck_phone_numbers_display', `display_phone_number ~ '^[1-9][0-9]{6,14}$'`)
@Check('ck_phone_numbers_quality', `quality_rating IN ('GREEN', 'YELLOW', 'RED', 'UNKNOWN')`)
export class PhoneNumberEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_phone_numbers' })
  id!: string;

  @Index('ix_phone_numbers_tenant')
  @Column('uuid')
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_phone_numbers_tenant' })
  tenant?: TenantEntity;

  @Index('ix_phone_numbers_waba')
  @Column('uuid')
  wabaId!: string;

  @ManyToOne(() => WhatsappBusinessAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'waba_id', foreignKeyConstraintName: 'fk_phone_numbers_waba' })
  waba?: WhatsappBusinessAccountEntity;

  @Index('ix_phone_numbers_portfolio')
  @Column('uuid', { nullable: true })
  portfolioId!: string | null;

  @ManyToOne(() => BusinessPortfolioEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'portfolio_id', foreignKeyConstraintName: 'fk_phone_numbers_portfolio' })
  portfolio?: BusinessPortfolioEntity;

  @Index('uq_phone_numbers_meta_id', { unique: true })
  @Column('text')
  metaPhoneNumberId!: string;

  /** E.164 digits, no `+`. */
  @Column('text')
  displayPhoneNumber!: string;

  @Column('text', { nullable: true })
  verifiedName!: string | null;

  @Column('text', { default: 'UNKNOWN' })
  qualityRating!: PhoneQualityRating;

  /** Deprecated per-number tier, still reported by some webhooks (RULES §7.3). */
  @Column('text', { nullable: true })
  messagingLimitTier!: string | null;

  /** `STANDARD`, `HIGH`… (the exact values are an open question, RULES §7.1). */
  @Column('text', { nullable: true })
  throughputLevel!: string | null;

  @Column('timestamptz', { nullable: true })
  haltedUntil!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
