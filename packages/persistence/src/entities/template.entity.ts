import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { WhatsappBusinessAccountEntity } from './whatsapp-business-account.entity';

const CATEGORIES = `('MARKETING', 'UTILITY', 'AUTHENTICATION')`;
const STATUSES = `('APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED', 'ARCHIVED')`;

/** Keyed by (WABA, name, language), never by name alone (RULES §4.1). */
@Entity('templates')
@Check('ck_templates_category', `category IN ${CATEGORIES}`)
@Check('ck_templates_correct_category', `correct_category IN ${CATEGORIES}`)
@Check('ck_templates_previous_category', `previous_category IN ${CATEGORIES}`)
@Check('ck_templates_status', `status IN ${STATUSES}`)
@Check('ck_templates_quality', `quality_score IN ('GREEN', 'YELLOW', 'RED', 'UNKNOWN')`)
@Check('ck_templates_parameter_format', `parameter_format IN ('POSITIONAL', 'NAMED')`)
@Index('uq_templates_waba_name_language', ['wabaId', 'name', 'language'], { unique: true })
@Index('ix_templates_tenant_name', ['tenantId', 'name', 'language'])
export class TemplateEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_templates' })
  id!: string;

  @Column('uuid')
  tenantId!: string;

  @Column('uuid')
  wabaId!: string;

  @ManyToOne(() => WhatsappBusinessAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'waba_id', foreignKeyConstraintName: 'fk_templates_waba' })
  waba?: WhatsappBusinessAccountEntity;

  @Index('uq_templates_meta_id', { unique: true, where: 'meta_template_id IS NOT NULL' })
  @Column('text', { nullable: true })
  metaTemplateId!: string | null;

  @Column('text')
  name!: string;

  /** Meta's code as used at send time, e.g. `pt_BR`. */
  @Column('text')
  language!: string;

  @Column('text')
  category!: string;

  /** Meta's `sub_category` (e.g. ORDER_STATUS), kept as sent. */
  @Column('text', { nullable: true })
  subCategory!: string | null;

  /** The category before Meta's last re-categorisation (`previous_category`). */
  @Column('text', { nullable: true })
  previousCategory!: string | null;

  /** The category Meta will switch to, and when (`category_update_timestamp`, RULES §3.3). */
  @Column('text', { nullable: true })
  correctCategory!: string | null;

  @Column('timestamptz', { nullable: true })
  correctCategoryEffectiveAt!: Date | null;

  @Column('text')
  status!: string;

  @Column('text', { default: 'UNKNOWN' })
  qualityScore!: string;

  /** `quality_score.date`: when Meta last rated the template. */
  @Column('timestamptz', { nullable: true })
  qualityUpdatedAt!: Date | null;

  @Column('text', { nullable: true })
  rejectionReason!: string | null;

  @Column('text', { default: 'POSITIONAL' })
  parameterFormat!: string;

  @Column('jsonb')
  components!: unknown[];

  @Column('integer', { nullable: true })
  messageSendTtlSeconds!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
