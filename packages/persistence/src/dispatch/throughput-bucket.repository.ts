import type { Db } from '../data-source/db';
import { returnedRows } from './returned-rows';

export interface TokenGrant {
  readonly granted: number;
  /** When the next token will be there, if fewer than asked were granted. */
  readonly retryAfterMs: number;
}

/**
 * Takes up to `wanted` tokens from the number's bucket (refilled at `perSecond`, holding at most
 * `burst`), atomically in PostgreSQL so that every dispatcher instance shares one budget. The
 * database clock is used, so instances with skewed clocks still agree.
 */
export async function takeThroughputTokens(db: Db, phoneNumberId: string, wanted: number, perSecond: number, burst: number): Promise<TokenGrant> {
  if (wanted <= 0) return { granted: 0, retryAfterMs: 0 };
  const take = async () => returnedRows<{ granted: number; available: number }>(await db.query(
    `WITH current AS (
       SELECT phone_number_id, LEAST($3::double precision, tokens + $2::double precision * EXTRACT(EPOCH FROM clock_timestamp() - updated_at)) AS available
       FROM throughput_buckets WHERE phone_number_id = $1 FOR UPDATE)
     UPDATE throughput_buckets b
     SET tokens = c.available - LEAST(FLOOR(c.available), $4), updated_at = clock_timestamp()
     FROM current c WHERE b.phone_number_id = c.phone_number_id
     RETURNING LEAST(FLOOR(c.available), $4)::integer AS granted, c.available::double precision AS available`,
    [phoneNumberId, perSecond, burst, wanted],
  ))[0];
  let row = await take();
  if (row === undefined) {
    // The number's first take: a full bucket.
    await db.query(
      `INSERT INTO throughput_buckets (phone_number_id, tokens, updated_at) VALUES ($1, $2, clock_timestamp()) ON CONFLICT (phone_number_id) DO NOTHING`,
      [phoneNumberId, burst],
    );
    row = await take();
  }
  const granted = Math.max(0, row?.granted ?? 0);
  const available = row?.available ?? 0;
  const missing = granted < wanted ? Math.max(1 - (available - granted), 0) : 0;
  return { granted, retryAfterMs: granted < wanted ? Math.ceil((missing / perSecond) * 1000) : 0 };
}
