import type { Logger } from 'typeorm';

/** A TypeORM logger that counts the statements sent, to assert how many a function needs. */
export class QueryCounter implements Logger {
  private count = 0;
  readonly queries: { query: string; parameters: unknown[] }[] = [];

  logQuery(query: string, parameters?: unknown[]): void {
    this.count += 1;
    this.queries.push({ query, parameters: parameters ?? [] });
  }

  /** The statements `work` sends, with their parameters. */
  async capture(work: () => Promise<unknown>): Promise<{ query: string; parameters: unknown[] }[]> {
    const from = this.queries.length;
    await work();
    return this.queries.slice(from);
  }

  async measure<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
    const before = this.count;
    const result = await work();
    return { result, queries: this.count - before };
  }

  // Only statements are counted; the other events are of no interest here.
  logQueryError = (): void => undefined;
  logQuerySlow = (): void => undefined;
  logSchemaBuild = (): void => undefined;
  logMigration = (): void => undefined;
  log = (): void => undefined;
}
