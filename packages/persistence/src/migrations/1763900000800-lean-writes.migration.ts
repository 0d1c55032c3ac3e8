import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from './run-statements';

/**
 * Fewer writes per send. Published outbox events are deleted instead of kept, so the outbox
 * holds only pending ones and needs no `published_at`; their payload is kept as the JSON text
 * the relay publishes (`json`, not `jsonb`: nothing queries inside it). Free room in the outbox's and the
 * messages' pages, and an in-flight index that does not name `meta_call_started_at`, let the
 * claim of an event and the intent of a Meta call be HOT updates: no new index entries.
 */
export class LeanWrites1763900000800 implements MigrationInterface {
  name = 'LeanWrites1763900000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `DELETE FROM "outbox_events" WHERE published_at IS NOT NULL`,
      `DROP INDEX "ix_outbox_events_pending"`,
      `DROP INDEX "ix_outbox_events_pending_key"`,
      `ALTER TABLE "outbox_events" DROP COLUMN "published_at"`,
      `CREATE INDEX "ix_outbox_events_key" ON "outbox_events" ("key", "id")`,
      `ALTER TABLE "outbox_events" SET (fillfactor = 50)`,
      `ALTER TABLE "outbox_events" ALTER COLUMN "payload" TYPE json USING payload::json`,
      `DROP INDEX "ix_messages_calls_in_flight"`,
      `CREATE INDEX "ix_messages_unanswered_sends" ON "messages" ("created_at") WHERE status = 'PENDING' AND wamid IS NULL`,
      `ALTER TABLE "messages" SET (fillfactor = 70)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `ALTER TABLE "messages" RESET (fillfactor)`,
      `DROP INDEX "ix_messages_unanswered_sends"`,
      `CREATE INDEX "ix_messages_calls_in_flight" ON "messages" ("meta_call_started_at") WHERE status = 'PENDING' AND wamid IS NULL`,
      `ALTER TABLE "outbox_events" ALTER COLUMN "payload" TYPE jsonb USING payload::jsonb`,
      `ALTER TABLE "outbox_events" RESET (fillfactor)`,
      `DROP INDEX "ix_outbox_events_key"`,
      `ALTER TABLE "outbox_events" ADD COLUMN "published_at" TIMESTAMP WITH TIME ZONE`,
      `CREATE INDEX "ix_outbox_events_pending_key" ON "outbox_events" ("key", "id") WHERE published_at IS NULL`,
      `CREATE INDEX "ix_outbox_events_pending" ON "outbox_events" ("id") WHERE published_at IS NULL`,
    ]);
  }
}
