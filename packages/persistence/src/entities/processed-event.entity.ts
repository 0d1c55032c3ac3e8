import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Event ids a consumer has applied, checked in the same transaction as the effect. */
@Entity('processed_events')
export class ProcessedEventEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'pk_processed_events' })
  consumer!: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'pk_processed_events' })
  eventId!: string;

  @Column('timestamptz', { default: () => 'now()' })
  processedAt!: Date;
}
