import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TenantEntity } from './tenant.entity';

/** Meta's business portfolio: messaging limits are counted per portfolio since 2025-10-07 (RULES §7.3). */
@Entity('business_portfolios')
export class BusinessPortfolioEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_business_portfolios' })
  id!: string;

  @Index('ix_business_portfolios_tenant')
  @Column('uuid')
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_business_portfolios_tenant' })
  tenant?: TenantEntity;

  @Index('uq_business_portfolios_meta_id', { unique: true })
  @Column('text')
  metaBusinessId!: string;

  @Column('text')
  name!: string;

  /** `TIER_250`, `TIER_2K`… kept as Meta sends it (the value list is not final, RULES §7.3). */
  @Column('text', { nullable: true })
  messagingLimitTier!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
