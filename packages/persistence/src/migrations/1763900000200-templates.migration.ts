import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from './run-statements';

const TS = 'TIMESTAMP WITH TIME ZONE';
const CATEGORIES = `('MARKETING', 'UTILITY', 'AUTHENTICATION')`;

/** Templates keyed by (WABA, name, language), and their status/category/quality history. */
export class Templates1763900000200 implements MigrationInterface {
  name = 'Templates1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE "templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "waba_id" uuid NOT NULL,
        "meta_template_id" text, "name" text NOT NULL, "language" text NOT NULL, "category" text NOT NULL, "sub_category" text, "previous_category" text, "correct_category" text,
        "correct_category_effective_at" ${TS}, "status" text NOT NULL, "quality_score" text NOT NULL DEFAULT 'UNKNOWN', "quality_updated_at" ${TS}, "rejection_reason" text,
        "parameter_format" text NOT NULL DEFAULT 'POSITIONAL', "components" jsonb NOT NULL, "message_send_ttl_seconds" integer,
        "created_at" ${TS} NOT NULL DEFAULT now(), "updated_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "ck_templates_parameter_format" CHECK (parameter_format IN ('POSITIONAL', 'NAMED')),
        CONSTRAINT "ck_templates_quality" CHECK (quality_score IN ('GREEN', 'YELLOW', 'RED', 'UNKNOWN')),
        CONSTRAINT "ck_templates_status" CHECK (status IN ('APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL',
          'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED', 'ARCHIVED')),
        CONSTRAINT "ck_templates_correct_category" CHECK (correct_category IN ${CATEGORIES}),
        CONSTRAINT "ck_templates_previous_category" CHECK (previous_category IN ${CATEGORIES}),
        CONSTRAINT "ck_templates_category" CHECK (category IN ${CATEGORIES}),
        CONSTRAINT "pk_templates" PRIMARY KEY ("id"),
        CONSTRAINT "fk_templates_waba" FOREIGN KEY ("waba_id") REFERENCES "whatsapp_business_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      `CREATE UNIQUE INDEX "uq_templates_meta_id" ON "templates" ("meta_template_id") WHERE meta_template_id IS NOT NULL`,
      `CREATE INDEX "ix_templates_tenant_name" ON "templates" ("tenant_id", "name", "language")`,
      `CREATE UNIQUE INDEX "uq_templates_waba_name_language" ON "templates" ("waba_id", "name", "language")`,

      `CREATE TABLE "template_history" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "tenant_id" uuid NOT NULL, "template_id" uuid NOT NULL,
        "kind" text NOT NULL, "previous_value" text, "new_value" text NOT NULL, "reason" text, "occurred_at" ${TS} NOT NULL,
        "recorded_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "ck_template_history_kind" CHECK (kind IN ('STATUS', 'CATEGORY', 'QUALITY')),
        CONSTRAINT "pk_template_history" PRIMARY KEY ("id"),
        CONSTRAINT "fk_template_history_template" FOREIGN KEY ("template_id") REFERENCES "templates"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_template_history_template" ON "template_history" ("tenant_id", "template_id", "occurred_at")`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`DROP TABLE "template_history"`, `DROP TABLE "templates"`]);
  }
}
