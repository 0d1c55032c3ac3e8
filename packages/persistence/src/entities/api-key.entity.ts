import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from './tenant.entity';

/** Only a hash and a short prefix (to find the row and to show in UIs) are stored. */
@Entity('api_keys')
@Check('ck_api_keys_prefix', `char_length(prefix) BETWEEN 4 AND 16`)
@Check('ck_api_keys_hash', `hash ~ '^[0-9a-f]{64}$'`)
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_api_keys' })
  id!: string;

  @Index('ix_api_keys_tenant')
  @Column('uuid')
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_api_keys_tenant' })
  tenant?: TenantEntity;

  @Column('text')
  name!: string;

  @Index('uq_api_keys_prefix', { unique: true })
  @Column('text')
  prefix!: string;

  @Column('text')
  hash!: string;

  @Column('jsonb', { default: () => `'[]'` })
  scopes!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;
}
