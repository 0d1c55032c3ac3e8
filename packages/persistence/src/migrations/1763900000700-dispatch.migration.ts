import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from './run-statements';

const TS = 'TIMESTAMP WITH TIME ZONE';

/** The dispatcher's own state: when each Meta call started, held-back sends (deferrals, retries) and per-number throughput buckets. */
export class Dispatch1763900000700 implements MigrationInterface {
  name = 'Dispatch1763900000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `ALTER TABLE "messages" ADD COLUMN "meta_call_started_at" ${TS}`,
      `CREATE INDEX "ix_messages_calls_in_flight" ON "messages" ("meta_call_started_at") WHERE status = 'PENDING' AND wamid IS NULL`,
      `CREATE TABLE "scheduled_sends" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "tenant_id" uuid NOT NULL,
        "command_id" text NOT NULL, "phone_number_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "due_at" ${TS} NOT NULL,
        "attempt" integer NOT NULL DEFAULT 1, "reason_code" text NOT NULL, "command" jsonb NOT NULL, "claimed_until" ${TS},
        "created_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "pk_scheduled_sends" PRIMARY KEY ("id"),
        CONSTRAINT "uq_scheduled_sends_command" UNIQUE ("tenant_id", "command_id"),
        CONSTRAINT "fk_scheduled_sends_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_scheduled_sends_phone_number" FOREIGN KEY ("phone_number_id") REFERENCES "phone_numbers"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_scheduled_sends_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE)`,
      `CREATE INDEX "ix_scheduled_sends_pair" ON "scheduled_sends" ("phone_number_id", "contact_id", "id")`,
      `CREATE INDEX "ix_scheduled_sends_due" ON "scheduled_sends" ("due_at")`,

      `CREATE TABLE "throughput_buckets" ("phone_number_id" uuid NOT NULL, "tokens" double precision NOT NULL,
        "updated_at" ${TS} NOT NULL,
        CONSTRAINT "pk_throughput_buckets" PRIMARY KEY ("phone_number_id"),
        CONSTRAINT "fk_throughput_buckets_phone_number" FOREIGN KEY ("phone_number_id") REFERENCES "phone_numbers"("id") ON DELETE CASCADE)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`DROP TABLE "throughput_buckets"`, `DROP TABLE "scheduled_sends"`, `DROP INDEX "ix_messages_calls_in_flight"`, `ALTER TABLE "messages" DROP COLUMN "meta_call_started_at"`]);
  }
}
