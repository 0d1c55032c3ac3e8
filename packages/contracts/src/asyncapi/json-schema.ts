import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** JSON Schema (draft-07, as AsyncAPI 3.0 expects) of a zod schema, without zod's long date-time regex. */
export const toJsonSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, {
    target: 'draft-7',
    override: (ctx) => {
      // `format: date-time` says it all; the regex zod adds would repeat 300 characters per field.
      if (ctx.jsonSchema.format === 'date-time') delete ctx.jsonSchema.pattern;
    },
  });
  return jsonSchema;
};
