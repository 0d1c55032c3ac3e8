import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from './run-statements';

const TS = 'TIMESTAMP WITH TIME ZONE';

/** The embedded bus's log: records per topic-partition, the next offset of each, and each group's position. */
export class BusLog1763900000500 implements MigrationInterface {
  name = 'BusLog1763900000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE "bus_partitions" ("topic" text NOT NULL, "partition" integer NOT NULL, "next_offset" bigint NOT NULL,
        CONSTRAINT "pk_bus_partitions" PRIMARY KEY ("topic", "partition"))`,

      `CREATE TABLE "bus_records" ("topic" text NOT NULL, "partition" integer NOT NULL, "offset" bigint NOT NULL, "key" text NOT NULL,
        "value" bytea NOT NULL, "headers" jsonb NOT NULL DEFAULT '{}', "appended_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bus_records" PRIMARY KEY ("topic", "partition", "offset"))`,

      `CREATE TABLE "bus_group_offsets" ("group_name" text NOT NULL, "topic" text NOT NULL, "partition" integer NOT NULL,
        "next_offset" bigint NOT NULL, "committed_at" ${TS} NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bus_group_offsets" PRIMARY KEY ("group_name", "topic", "partition"))`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`DROP TABLE "bus_group_offsets"`, `DROP TABLE "bus_records"`, `DROP TABLE "bus_partitions"`]);
  }
}
