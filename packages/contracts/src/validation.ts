import type { z } from 'zod';

/** One validation problem: a dotted path into the value (`content.text.body`, `errors.0.code`) and why. */
export interface ValidationError {
  readonly path: string;
  readonly message: string;
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly ValidationError[] };

export const formatPath = (path: readonly PropertyKey[]): string =>
  path.map((segment) => (typeof segment === 'symbol' ? segment.description ?? '' : String(segment))).join('.');

export const toValidationErrors = (issues: readonly z.core.$ZodIssue[], prefix = ''): ValidationError[] =>
  issues.map((issue) => {
    const path = formatPath(issue.path);
    return { path: prefix && path ? `${prefix}.${path}` : prefix || path, message: issue.message };
  });

/** A parser that never throws: unknown fields pass through untouched (see docs/CONTRACTS.md). */
export const parserFor =
  <S extends z.ZodType>(schema: S) =>
  (value: unknown): ParseResult<z.output<S>> => {
    const result = schema.safeParse(value);
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, errors: toValidationErrors(result.error.issues) };
  };
