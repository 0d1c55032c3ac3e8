import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from './run-statements';

const TS = 'TIMESTAMP WITH TIME ZONE';
const STATUSES = `('PENDING', 'DEFERRED', 'REJECTED', 'HELD', 'ACCEPTED', 'SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED', 'RECEIVED')`;

/** Windows per (number, contact), Meta's conversations, and every message with its decision and statuses. */
export class Messaging1763900000300 implements MigrationInterface {
  name = 'Messaging1763900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE "conversation_states" ("phone_number_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "tenant_id" uuid NOT NULL,
        "last_inbound_at" ${TS}, "closed_by_meta_at" ${TS}, "entry_point" jsonb, "re_engagement_sent_at" ${TS},
        "updated_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "pk_conversation_states" PRIMARY KEY ("phone_number_id", "contact_id"),
        CONSTRAINT "fk_conversation_states_phone_number" FOREIGN KEY ("phone_number_id") REFERENCES "phone_numbers"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_conversation_states_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_conversation_states_tenant_contact" ON "conversation_states" ("tenant_id", "contact_id")`,

      `CREATE TABLE "conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "phone_number_id" uuid NOT NULL,
        "contact_id" uuid NOT NULL, "meta_conversation_id" text, "category" text NOT NULL, "origin" text, "pricing_model" text NOT NULL,
        "opened_at" ${TS} NOT NULL, "expires_at" ${TS}, "created_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "ck_conversations_pricing_model" CHECK (pricing_model IN ('CBP', 'PMP')),
        CONSTRAINT "pk_conversations" PRIMARY KEY ("id"),
        CONSTRAINT "fk_conversations_phone_number" FOREIGN KEY ("phone_number_id") REFERENCES "phone_numbers"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_conversations_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_conversations_contact" ON "conversations" ("tenant_id", "contact_id", "opened_at")`,
      `CREATE UNIQUE INDEX "uq_conversations_meta_id" ON "conversations" ("phone_number_id", "meta_conversation_id") WHERE meta_conversation_id IS NOT NULL`,

      `CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "phone_number_id" uuid NOT NULL,
        "contact_id" uuid NOT NULL, "conversation_id" uuid, "direction" text NOT NULL, "type" text NOT NULL, "content" jsonb,
        "template_name" text, "template_language" text, "template_parameters" jsonb, "command_id" text, "decision" text, "reason_code" text,
        "status" text NOT NULL, "accepted_at" ${TS}, "held_at" ${TS}, "sent_at" ${TS}, "delivered_at" ${TS}, "read_at" ${TS},
        "played_at" ${TS}, "failed_at" ${TS}, "wamid" text, "meta_error_code" integer, "meta_error" jsonb, "pricing_category" text,
        "cost_estimate" numeric(12,6), "cost_currency" text, "reconciled_pricing" jsonb, "reconciled_at" ${TS},
        "created_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "ck_messages_status" CHECK (status IN ${STATUSES}),
        CONSTRAINT "ck_messages_decision" CHECK (decision IN ('ALLOW', 'DEFER', 'REJECT')),
        CONSTRAINT "ck_messages_direction" CHECK (direction IN ('INBOUND', 'OUTBOUND')),
        CONSTRAINT "pk_messages" PRIMARY KEY ("id"),
        CONSTRAINT "fk_messages_phone_number" FOREIGN KEY ("phone_number_id") REFERENCES "phone_numbers"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_messages_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_messages_conversation" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_messages_pair_outbound" ON "messages" ("phone_number_id", "contact_id", "created_at") WHERE direction = 'OUTBOUND'`,
      `CREATE INDEX "ix_messages_tenant_created" ON "messages" ("tenant_id", "created_at", "id")`,
      `CREATE INDEX "ix_messages_contact_created" ON "messages" ("tenant_id", "contact_id", "created_at", "id")`,
      `CREATE UNIQUE INDEX "uq_messages_wamid" ON "messages" ("wamid") WHERE wamid IS NOT NULL`,
      `CREATE UNIQUE INDEX "uq_messages_tenant_command" ON "messages" ("tenant_id", "command_id") WHERE command_id IS NOT NULL`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`DROP TABLE "messages"`, `DROP TABLE "conversations"`, `DROP TABLE "conversation_states"`]);
  }
}
