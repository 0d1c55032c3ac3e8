import { Pool } from 'undici';

export interface LoadResult {
  readonly ok: number;
  readonly failed: number;
  readonly seconds: number;
  readonly perSecond: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly path: string;
  readonly body: (i: number) => string;
  readonly connections: number;
  readonly inFlight: number;
  readonly warmupMs: number;
  readonly measureMs: number;
}

/** Keeps `inFlight` POSTs outstanding; counts 200s answered inside the measured span. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(options.url, { connections: options.connections });
  const start = Date.now();
  const measureFrom = start + options.warmupMs;
  const measureTo = measureFrom + options.measureMs;
  let ok = 0;
  let failed = 0;
  let sequence = 0;
  const worker = async () => {
    while (Date.now() < measureTo) {
      const i = sequence++;
      const answer = await pool.request({ method: 'POST', path: options.path, headers: { 'content-type': 'application/json' }, body: options.body(i) });
      await answer.body.dump();
      const now = Date.now();
      if (now < measureFrom || now >= measureTo) continue;
      if (answer.statusCode === 200) ok += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, worker));
  await pool.close();
  const seconds = options.measureMs / 1000;
  return { ok, failed, seconds, perSecond: Math.round(ok / seconds) };
}
