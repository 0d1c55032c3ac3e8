import { z } from 'zod';

/** Reusable environment-variable readers: strings in, typed values out, with clear messages. */
export const envInteger = (defaultValue: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(defaultValue);

/** A comma-separated list; empty items are ignored. */
export const envList = (itemSchema: z.ZodString = z.string()) =>
  z
    .string()
    .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item.length > 0))
    .pipe(z.array(itemSchema));

export const envLogLevel = z.enum(['error', 'warn', 'info', 'debug']).default('info');

/** `host:port`, as Kafka bootstrap lists give them. */
export const hostPort = z.string().regex(/^[^\s:,]+:\d{1,5}$/, 'must be host:port');
