/**
 * How many rows an `UPDATE … RETURNING` touched: TypeORM's PostgreSQL driver answers UPDATE
 * and DELETE with `[rows, affectedCount]`, INSERT and SELECT with the rows alone.
 */
export function updatedCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0].length;
  return Array.isArray(result) ? result.length : 0;
}
