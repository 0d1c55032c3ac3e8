import { z } from 'zod';

/** Reusable environment-variable readers: strings in, typed values out, with clear messages. */
const wholeNumber = ({ min = 0, max = Number.MAX_SAFE_INTEGER } = {}) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

export const envInteger = (defaultValue: number, bounds: { min?: number; max?: number } = {}) => wholeNumber(bounds).default(defaultValue);

/** A whole number that may be left unset (undefined). */
export const envOptionalInteger = (bounds: { min?: number; max?: number } = {}) => wholeNumber(bounds).optional();

/** A comma-separated list; empty items are ignored. */
export const envList = (itemSchema: z.ZodString = z.string()) =>
  z
    .string()
    .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item.length > 0))
    .pipe(z.array(itemSchema));

export const envLogLevel = z.enum(['error', 'warn', 'info', 'debug']).default('info');

/** `host:port`, as Kafka bootstrap lists give them. */
export const hostPort = z.string().regex(/^[^\s:,]+:\d{1,5}$/, 'must be host:port');
