import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TemplateEntity } from './template.entity';

export type TemplateChangeKind = 'STATUS' | 'CATEGORY' | 'QUALITY';

@Entity('template_history')
@Check('ck_template_history_kind', `kind IN ('STATUS', 'CATEGORY', 'QUALITY')`)
@Index('ix_template_history_template', ['tenantId', 'templateId', 'occurredAt'])
export class TemplateHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_template_history' })
  id!: string;

  @Column('uuid')
  tenantId!: string;

  @Column('uuid')
  templateId!: string;

  @ManyToOne(() => TemplateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'fk_template_history_template' })
  template?: TemplateEntity;

  @Column('text')
  kind!: TemplateChangeKind;

  @Column('text', { nullable: true })
  previousValue!: string | null;

  @Column('text')
  newValue!: string;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('timestamptz')
  occurredAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  recordedAt!: Date;
}
