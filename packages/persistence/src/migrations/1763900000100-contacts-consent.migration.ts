import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from './run-statements';

const TS = 'TIMESTAMP WITH TIME ZONE';
const E164 = `'^[1-9][0-9]{6,14}$'`;

/**
 * Contacts and the consent ledger. The ledger is append-only, enforced by a trigger: only a
 * transaction that declared itself an erasure (SET LOCAL recado.erasure = 'on') may rewrite
 * the proof of a record, and nothing may delete one. It guards against mistakes, not against
 * someone with SQL access.
 */
export class ContactsConsent1763900000100 implements MigrationInterface {
  name = 'ContactsConsent1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "wa_id" text, "phone_number" text,
        "business_scoped_user_id" text, "profile_name" text, "locale" text, "time_zone" text, "attributes" jsonb NOT NULL DEFAULT '{}',
        "undeliverable_since" ${TS}, "marketing_held_until" ${TS}, "subject_digest" text, "erased_at" ${TS},
        "created_at" ${TS} NOT NULL DEFAULT now(), "updated_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "ck_contacts_phone_number" CHECK (phone_number ~ ${E164}),
        CONSTRAINT "ck_contacts_wa_id" CHECK (wa_id ~ ${E164}),
        CONSTRAINT "pk_contacts" PRIMARY KEY ("id"),
        CONSTRAINT "fk_contacts_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_contacts_tenant_created" ON "contacts" ("tenant_id", "created_at", "id")`,
      `CREATE UNIQUE INDEX "uq_contacts_tenant_bsuid" ON "contacts" ("tenant_id", "business_scoped_user_id") WHERE business_scoped_user_id IS NOT NULL`,
      `CREATE UNIQUE INDEX "uq_contacts_tenant_wa_id" ON "contacts" ("tenant_id", "wa_id") WHERE wa_id IS NOT NULL`,

      `CREATE TABLE "consent_records" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "tenant_id" uuid NOT NULL, "contact_id" uuid NOT NULL,
        "phone_number_id" uuid, "action" text NOT NULL, "scope" text NOT NULL, "source" text NOT NULL, "proof" jsonb NOT NULL,
        "actor" text NOT NULL, "occurred_at" ${TS} NOT NULL, "recorded_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "ck_consent_records_scope" CHECK (scope IN ('ALL', 'MARKETING', 'UTILITY', 'AUTHENTICATION')),
        CONSTRAINT "ck_consent_records_action" CHECK (action IN ('OPT_IN', 'OPT_OUT')),
        CONSTRAINT "pk_consent_records" PRIMARY KEY ("id"),
        CONSTRAINT "fk_consent_records_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_consent_records_phone_number" FOREIGN KEY ("phone_number_id") REFERENCES "phone_numbers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_consent_records_contact" ON "consent_records" ("tenant_id", "contact_id", "occurred_at")`,

      `CREATE FUNCTION "consent_records_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND current_setting('recado.erasure', true) = 'on'
            AND (NEW.id, NEW.tenant_id, NEW.contact_id, NEW.phone_number_id, NEW.action, NEW.scope, NEW.source, NEW.occurred_at, NEW.recorded_at)
                IS NOT DISTINCT FROM
                (OLD.id, OLD.tenant_id, OLD.contact_id, OLD.phone_number_id, OLD.action, OLD.scope, OLD.source, OLD.occurred_at, OLD.recorded_at)
         THEN
           RETURN NEW;
         END IF;
         RAISE EXCEPTION 'consent_records is append-only: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
       END
       $$`,
      `CREATE TRIGGER "consent_records_append_only" BEFORE UPDATE OR DELETE ON "consent_records"
        FOR EACH ROW EXECUTE FUNCTION "consent_records_append_only"()`,
      `CREATE TRIGGER "consent_records_no_truncate" BEFORE TRUNCATE ON "consent_records"
        FOR EACH STATEMENT EXECUTE FUNCTION "consent_records_append_only"()`,

      `CREATE TABLE "current_consents" ("contact_id" uuid NOT NULL, "category" text NOT NULL, "tenant_id" uuid NOT NULL, "status" text NOT NULL,
        "source" text NOT NULL, "since" ${TS} NOT NULL, "record_id" bigint NOT NULL,
        CONSTRAINT "ck_current_consents_status" CHECK (status IN ('OPTED_IN', 'OPTED_OUT')),
        CONSTRAINT "ck_current_consents_category" CHECK (category IN ('MARKETING', 'UTILITY', 'AUTHENTICATION')),
        CONSTRAINT "pk_current_consents" PRIMARY KEY ("contact_id", "category"),
        CONSTRAINT "fk_current_consents_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_current_consents_record" FOREIGN KEY ("record_id") REFERENCES "consent_records"("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
      `CREATE INDEX "ix_current_consents_tenant_contact" ON "current_consents" ("tenant_id", "contact_id")`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `DROP TABLE "current_consents"`,
      `DROP TABLE "consent_records"`,
      `DROP FUNCTION "consent_records_append_only"()`,
      `DROP TABLE "contacts"`,
    ]);
  }
}
