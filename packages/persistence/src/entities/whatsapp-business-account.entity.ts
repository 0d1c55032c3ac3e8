import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BusinessPortfolioEntity } from './business-portfolio.entity';
import { TenantEntity } from './tenant.entity';

@Entity('whatsapp_business_accounts')
@Check('ck_waba_token_key', `(access_token_ciphertext IS NULL) = (access_token_key_id IS NULL)`)
export class WhatsappBusinessAccountEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_whatsapp_business_accounts' })
  id!: string;

  @Index('ix_waba_tenant')
  @Column('uuid')
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_waba_tenant' })
  tenant?: TenantEntity;

  @Index('ix_waba_portfolio')
  @Column('uuid', { nullable: true })
  portfolioId!: string | null;

  @ManyToOne(() => BusinessPortfolioEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'portfolio_id', foreignKeyConstraintName: 'fk_waba_portfolio' })
  portfolio?: BusinessPortfolioEntity;

  @Index('uq_waba_meta_id', { unique: true })
  @Column('text')
  metaWabaId!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  timezoneId!: string | null;

  @Column('text', { nullable: true })
  currency!: string | null;

  /** AES-256-GCM envelope (see token-cipher.ts); never the token itself. */
  @Column('bytea', { nullable: true })
  accessTokenCiphertext!: Buffer | null;

  @Column('text', { nullable: true })
  accessTokenKeyId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
