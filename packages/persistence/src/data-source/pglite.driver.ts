import { EventEmitter } from 'node:events';
import { PGlite, types, type PGliteOptions, type Results } from '@electric-sql/pglite';

type Callback = (error: Error | null, result?: PgResult) => void;

interface PgResult {
  rows: unknown[];
  rowCount: number | null;
  command: string | undefined;
  fields: Results['fields'];
}

type Release = (error?: Error) => void;
type ConnectCallback = (error: Error | null, client: PgliteClient | null, release: Release) => void;

/** pg's parsing where PGlite differs, so both back ends return the same values. */
const PG_COMPATIBLE_PARSERS: PGliteOptions['parsers'] = {
  [types.INT8]: (value: string) => value,
  [types.BYTEA]: (value: string) => Buffer.from(value.slice(2), 'hex'),
};

function toPgliteParameter(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return new Uint8Array(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

function toPgResult(result: Results | undefined): PgResult {
  return {
    rows: result?.rows ?? [],
    rowCount: result?.affectedRows ?? result?.rows.length ?? null,
    command: (result as { command?: string } | undefined)?.command,
    fields: result?.fields ?? [],
  };
}

/** Without parameters pg uses the simple protocol, which accepts several statements. */
async function run(db: PGlite, text: string, params: unknown[] | undefined): Promise<PgResult> {
  if (params === undefined || params.length === 0) {
    const results = await db.exec(text);
    return toPgResult(results[results.length - 1]);
  }
  return toPgResult(await db.query(text, params.map(toPgliteParameter)));
}

/** A pg-like client over the single PGlite session. */
class PgliteClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  query(text: string, paramsOrCallback?: unknown[] | Callback, callback?: Callback): Promise<PgResult> | undefined {
    const params = typeof paramsOrCallback === 'function' ? undefined : paramsOrCallback;
    const done = typeof paramsOrCallback === 'function' ? paramsOrCallback : callback;
    const promise = run(this.db, text, params);
    if (!done) return promise;
    promise.then((result) => done(null, result), (error: Error) => done(error));
    return undefined;
  }
}

/**
 * PGlite has one session, so the "pool" lends its only client to one query runner at a
 * time: a transaction must never interleave with another query runner's statements.
 */
class PglitePool extends EventEmitter {
  private readonly client: PgliteClient;
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly db: PGlite) {
    super();
    this.client = new PgliteClient(db);
  }

  connect(callback: ConnectCallback): void {
    this.acquire().then(
      () => {
        let released = false;
        const release = (): void => {
          if (released) return;
          released = true;
          this.release();
        };
        callback(null, this.client, release);
      },
      (error: Error) => callback(error, null, () => undefined),
    );
  }

  async query(text: string, params?: unknown[]): Promise<PgResult> {
    await this.acquire();
    try {
      return await run(this.db, text, params);
    } finally {
      this.release();
    }
  }

  end(callback?: (error: Error | null) => void): void {
    this.db.close().then(() => callback?.(null), (error: Error) => callback?.(error));
  }

  private acquire(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }
}

export interface PgliteDriverHandle {
  /** Goes to TypeORM's `driver` option in place of the `pg` module. */
  readonly driver: { Pool: new () => PglitePool };
  readonly db: PGlite;
}

/** Opens PGlite (a data folder, or memory when `dataDir` is undefined) behind a pg-compatible driver. */
export async function openPgliteDriver(dataDir: string | undefined): Promise<PgliteDriverHandle> {
  const db = await PGlite.create({ ...(dataDir === undefined ? {} : { dataDir }), parsers: PG_COMPATIBLE_PARSERS });
  const pool = new PglitePool(db);
  // TypeORM creates the pool itself; every "new Pool()" must share the one session.
  const Pool = function SharedPglitePool() {
    return pool;
  } as unknown as new () => PglitePool;
  return { driver: { Pool }, db };
}
