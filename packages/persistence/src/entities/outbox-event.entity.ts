import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Events written in the transaction of the change they describe; the relay publishes them, then deletes them. */
@Entity('outbox_events')
@Index('ix_outbox_events_key', ['key', 'id'])
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_outbox_events' })
  id!: string;

  @Column('uuid', { nullable: true })
  tenantId!: string | null;

  @Column('text')
  topic!: string;

  /** Partition key: events with the same key are published in insertion order. */
  @Column('text')
  key!: string;

  /** The event as JSON text, published as it is. */
  @Column('json')
  payload!: unknown;

  @Column('jsonb', { default: () => `'{}'` })
  headers!: Record<string, string>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Set while a relay publishes the event; another relay may take it over once it passes. */
  @Column('timestamptz', { nullable: true })
  claimedUntil!: Date | null;

  @Column('uuid', { nullable: true })
  claimToken!: string | null;

  @Column('integer', { default: 0 })
  attempts!: number;

  @Column('text', { nullable: true })
  lastError!: string | null;
}
