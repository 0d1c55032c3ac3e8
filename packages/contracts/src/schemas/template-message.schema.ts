import { z } from 'zod';

// The `template` object of Meta's send request, kept in Meta's own (snake_case) shape so that
// it can be forwarded as is and compared with Meta's documentation (RULES.md §4.7).

const mediaSource = z.looseObject({ id: z.string().min(1).optional(), link: z.url().optional() });
const withOneSource = <T extends { id?: string | undefined; link?: string | undefined }>(value: T): boolean =>
  (value.id === undefined) !== (value.link === undefined);
const oneSource = { message: 'exactly one of id or link is required' };

const named = { parameter_name: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional() };

export const templateParameterSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text'), text: z.string(), ...named }),
  z.looseObject({
    type: z.literal('currency'),
    currency: z.looseObject({ fallback_value: z.string(), code: z.string().length(3), amount_1000: z.number().int() }),
    ...named,
  }),
  z.looseObject({ type: z.literal('date_time'), date_time: z.looseObject({ fallback_value: z.string() }), ...named }),
  z.looseObject({ type: z.literal('image'), image: mediaSource.refine(withOneSource, oneSource) }),
  z.looseObject({ type: z.literal('video'), video: mediaSource.refine(withOneSource, oneSource) }),
  z.looseObject({
    type: z.literal('document'),
    document: mediaSource.extend({ filename: z.string().optional() }).refine(withOneSource, oneSource),
  }),
  z.looseObject({
    type: z.literal('location'),
    location: z.looseObject({
      latitude: z.union([z.number(), z.string()]),
      longitude: z.union([z.number(), z.string()]),
      name: z.string().optional(),
      address: z.string().optional(),
    }),
  }),
  z.looseObject({ type: z.literal('payload'), payload: z.string() }),
  z.looseObject({ type: z.literal('coupon_code'), coupon_code: z.string() }),
  z.looseObject({ type: z.literal('action'), action: z.looseObject({}) }),
]);

const parameters = z.array(templateParameterSchema);

export const templateComponentSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('header'), parameters }),
  z.looseObject({ type: z.literal('body'), parameters }),
  z.looseObject({
    type: z.literal('button'),
    // Meta accepts `quick_reply`, `url`, `copy_code`, `flow`, `catalog`… in either case.
    sub_type: z.string().regex(/^[A-Za-z_]+$/),
    index: z.union([z.number().int().min(0).max(9), z.string().regex(/^\d$/)]),
    parameters,
  }),
]);

export const templateMessageSchema = z.looseObject({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'must be lowercase letters, digits and "_"'),
  language: z.looseObject({ code: z.string().regex(/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/), policy: z.literal('deterministic').optional() }),
  components: z.array(templateComponentSchema).optional(),
});

export type TemplateMessage = z.infer<typeof templateMessageSchema>;
export type TemplateComponent = z.infer<typeof templateComponentSchema>;
export type TemplateParameter = z.infer<typeof templateParameterSchema>;
