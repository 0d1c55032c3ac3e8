import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from './run-statements';

const TS = 'TIMESTAMP WITH TIME ZONE';

/** The transactional outbox and the processed-event ids consumers deduplicate with. */
export class Outbox1763900000400 implements MigrationInterface {
  name = 'Outbox1763900000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE "outbox_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "tenant_id" uuid, "topic" text NOT NULL,
        "key" text NOT NULL, "payload" jsonb NOT NULL, "headers" jsonb NOT NULL DEFAULT '{}', "created_at" ${TS} NOT NULL DEFAULT now(),
        "published_at" ${TS}, "claimed_until" ${TS}, "claim_token" uuid, "attempts" integer NOT NULL DEFAULT 0, "last_error" text,
        CONSTRAINT "pk_outbox_events" PRIMARY KEY ("id"))`,
      `CREATE INDEX "ix_outbox_events_pending_key" ON "outbox_events" ("key", "id") WHERE published_at IS NULL`,
      `CREATE INDEX "ix_outbox_events_pending" ON "outbox_events" ("id") WHERE published_at IS NULL`,

      `CREATE TABLE "processed_events" ("consumer" text NOT NULL, "event_id" text NOT NULL, "processed_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "pk_processed_events" PRIMARY KEY ("consumer", "event_id"))`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`DROP TABLE "processed_events"`, `DROP TABLE "outbox_events"`]);
  }
}
