import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from './run-statements';

const TS = 'TIMESTAMP WITH TIME ZONE';

/** Tenants, API keys and the Meta account tree: portfolio → WABA → phone numbers. */
export class Tenancy1763900000000 implements MigrationInterface {
  name = 'Tenancy1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE "tenants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL,
        "created_at" ${TS} NOT NULL DEFAULT now(), CONSTRAINT "pk_tenants" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "uq_tenants_slug" ON "tenants" ("slug")`,

      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "name" text NOT NULL,
        "prefix" text NOT NULL, "hash" text NOT NULL, "scopes" jsonb NOT NULL DEFAULT '[]', "created_at" ${TS} NOT NULL DEFAULT now(),
        "last_used_at" ${TS}, "revoked_at" ${TS},
        CONSTRAINT "ck_api_keys_hash" CHECK (hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "ck_api_keys_prefix" CHECK (char_length(prefix) BETWEEN 4 AND 16),
        CONSTRAINT "pk_api_keys" PRIMARY KEY ("id"),
        CONSTRAINT "fk_api_keys_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_api_keys_tenant" ON "api_keys" ("tenant_id")`,
      `CREATE UNIQUE INDEX "uq_api_keys_prefix" ON "api_keys" ("prefix")`,

      `CREATE TABLE "business_portfolios" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL,
        "meta_business_id" text NOT NULL, "name" text NOT NULL, "messaging_limit_tier" text,
        "created_at" ${TS} NOT NULL DEFAULT now(), "updated_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "pk_business_portfolios" PRIMARY KEY ("id"),
        CONSTRAINT "fk_business_portfolios_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_business_portfolios_tenant" ON "business_portfolios" ("tenant_id")`,
      `CREATE UNIQUE INDEX "uq_business_portfolios_meta_id" ON "business_portfolios" ("meta_business_id")`,

      `CREATE TABLE "whatsapp_business_accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL,
        "portfolio_id" uuid, "meta_waba_id" text NOT NULL, "name" text NOT NULL, "timezone_id" text, "currency" text,
        "access_token_ciphertext" bytea, "access_token_key_id" text,
        "created_at" ${TS} NOT NULL DEFAULT now(), "updated_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "ck_waba_token_key" CHECK ((access_token_ciphertext IS NULL) = (access_token_key_id IS NULL)),
        CONSTRAINT "pk_whatsapp_business_accounts" PRIMARY KEY ("id"),
        CONSTRAINT "fk_waba_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_waba_portfolio" FOREIGN KEY ("portfolio_id") REFERENCES "business_portfolios"("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_waba_tenant" ON "whatsapp_business_accounts" ("tenant_id")`,
      `CREATE INDEX "ix_waba_portfolio" ON "whatsapp_business_accounts" ("portfolio_id")`,
      `CREATE UNIQUE INDEX "uq_waba_meta_id" ON "whatsapp_business_accounts" ("meta_waba_id")`,

      `CREATE TABLE "phone_numbers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "waba_id" uuid NOT NULL,
        "portfolio_id" uuid, "meta_phone_number_id" text NOT NULL, "display_phone_number" text NOT NULL, "verified_name" text,
        "quality_rating" text NOT NULL DEFAULT 'UNKNOWN', "messaging_limit_tier" text, "throughput_level" text, "halted_until" ${TS},
        "created_at" ${TS} NOT NULL DEFAULT now(), "updated_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "ck_phone_numbers_quality" CHECK (quality_rating IN ('GREEN', 'YELLOW', 'RED', 'UNKNOWN')),
        CONSTRAINT "ck_phone_numbers_display" CHECK (display_phone_number ~ '^[1-9][0-9]{6,14}$'),
        CONSTRAINT "pk_phone_numbers" PRIMARY KEY ("id"),
        CONSTRAINT "fk_phone_numbers_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_phone_numbers_waba" FOREIGN KEY ("waba_id") REFERENCES "whatsapp_business_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_phone_numbers_portfolio" FOREIGN KEY ("portfolio_id") REFERENCES "business_portfolios"("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_phone_numbers_tenant" ON "phone_numbers" ("tenant_id")`,
      `CREATE INDEX "ix_phone_numbers_waba" ON "phone_numbers" ("waba_id")`,
      `CREATE INDEX "ix_phone_numbers_portfolio" ON "phone_numbers" ("portfolio_id")`,
      `CREATE UNIQUE INDEX "uq_phone_numbers_meta_id" ON "phone_numbers" ("meta_phone_number_id")`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `DROP TABLE "phone_numbers"`,
      `DROP TABLE "whatsapp_business_accounts"`,
      `DROP TABLE "business_portfolios"`,
      `DROP TABLE "api_keys"`,
      `DROP TABLE "tenants"`,
    ]);
  }
}
