import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from './cursor';

export interface PageArgs {
  readonly first: number;
  readonly after?: string | null;
}

export interface Connection<T> {
  readonly edges: readonly { readonly node: T; readonly cursor: string }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean; readonly startCursor: string | null; readonly endCursor: string | null };
}

/** A sort key: a column of the query's alias and its PostgreSQL type (for the cursor comparison). */
export interface SortKey {
  readonly column: string;
  readonly type: 'timestamptz' | 'uuid' | 'text' | 'bigint';
}

export const MAX_PAGE_SIZE = 500;

// Cursors keep timestamps at microsecond precision: a JavaScript Date would round them and
// make the next page repeat or skip rows.
const asText = (key: SortKey): string =>
  key.type === 'timestamptz' ? `to_char(${key.column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : `${key.column}::text`;

/**
 * Forward keyset pagination (`first`/`after`) over `query`, ordered by `keys` ascending;
 * the last key must be unique (an id). One query, `first + 1` rows read.
 */
export async function paginate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, keys: readonly SortKey[], args: PageArgs): Promise<Connection<T>> {
  const first = Math.max(0, Math.min(args.first, MAX_PAGE_SIZE));
  if (args.after) {
    const values = decodeCursor(args.after, keys.length);
    const params = Object.fromEntries(values.map((value, index) => [`cursor${index}`, value]));
    const tuple = keys.map((key, index) => `CAST(:cursor${index} AS ${key.type})`).join(', ');
    query.andWhere(`(${keys.map((key) => key.column).join(', ')}) > (${tuple})`, params);
  }
  keys.forEach((key, index) => {
    query.addSelect(asText(key), `cursor_${index}`);
    query.addOrderBy(key.column, 'ASC');
  });
  const { entities, raw } = await query.limit(first + 1).getRawAndEntities<Record<string, string>>();
  const edges = entities.slice(0, first).map((node, row) => ({
    node,
    cursor: encodeCursor(keys.map((_key, index) => raw[row]?.[`cursor_${index}`] ?? '')),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: entities.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
