import type { QueryRunner } from 'typeorm';

/** One statement per call: PGlite's extended protocol (like pg's with parameters) takes one at a time. */
export async function runStatements(queryRunner: QueryRunner, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await queryRunner.query(statement);
}
