import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from './run-statements';

const TS = 'TIMESTAMP WITH TIME ZONE';

/**
 * What the projector keeps beside the state it moves: events it could not route to a tenant
 * or to the row they are about (never dropped), the account-level events as received, and
 * the pricing reconciliation of each message.
 */
export class Projection1763900000600 implements MigrationInterface {
  name = 'Projection1763900000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE "unrouted_events" ("event_id" text NOT NULL, "type" text NOT NULL, "reason_code" text NOT NULL, "tenant_id" uuid,
        "meta_waba_id" text, "meta_phone_number_id" text, "event" jsonb NOT NULL, "received_at" ${TS} NOT NULL,
        CONSTRAINT "pk_unrouted_events" PRIMARY KEY ("event_id"),
        CONSTRAINT "fk_unrouted_events_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_unrouted_events_received" ON "unrouted_events" ("received_at")`,
      `CREATE INDEX "ix_unrouted_events_meta_waba" ON "unrouted_events" ("meta_waba_id", "received_at")`,

      `CREATE TABLE "account_event_log" ("event_id" text NOT NULL, "tenant_id" uuid NOT NULL, "waba_id" uuid NOT NULL, "phone_number_id" uuid,
        "type" text NOT NULL, "event" text, "data" jsonb NOT NULL, "occurred_at" ${TS} NOT NULL, "recorded_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "pk_account_event_log" PRIMARY KEY ("event_id"),
        CONSTRAINT "fk_account_event_log_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_account_event_log_waba" FOREIGN KEY ("waba_id") REFERENCES "whatsapp_business_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_account_event_log_phone_number" FOREIGN KEY ("phone_number_id") REFERENCES "phone_numbers"("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_account_event_log_waba" ON "account_event_log" ("tenant_id", "waba_id", "occurred_at")`,

      `CREATE TABLE "pricing_reconciliations" ("message_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "wamid" text NOT NULL,
        "expected" jsonb, "actual" jsonb NOT NULL, "conversation" jsonb, "matches" boolean, "differences" jsonb NOT NULL DEFAULT '[]',
        "reconciled_at" ${TS} NOT NULL,
        CONSTRAINT "pk_pricing_reconciliations" PRIMARY KEY ("message_id"),
        CONSTRAINT "fk_pricing_reconciliations_message" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_pricing_reconciliations_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_pricing_reconciliations_mismatches" ON "pricing_reconciliations" ("tenant_id", "reconciled_at") WHERE matches = false`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`DROP TABLE "pricing_reconciliations"`, `DROP TABLE "account_event_log"`, `DROP TABLE "unrouted_events"`]);
  }
}
