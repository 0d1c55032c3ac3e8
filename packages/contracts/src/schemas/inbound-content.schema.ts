import { z } from 'zod';
import { metaErrorSchema, wamidSchema } from './common.schema';

// One item of Meta's `messages[]` webhook array, in Meta's shape (RULES.md §8.6), so nothing
// Meta sends is lost in translation; unknown fields pass through.

const media = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  url: z.string().optional(),
});

export const inboundContextSchema = z.looseObject({
  from: z.string().optional(),
  id: wamidSchema.optional(),
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
  referred_product: z.looseObject({ catalog_id: z.string(), product_retailer_id: z.string() }).optional(),
});

/** Click-to-WhatsApp ad referral (opens the free entry point window). */
export const referralSchema = z.looseObject({
  source_url: z.string().optional(),
  source_id: z.string().optional(),
  source_type: z.string().optional(),
  body: z.string().optional(),
  headline: z.string().optional(),
  media_type: z.string().optional(),
  ctwa_clid: z.string().optional(),
});

const common = {
  id: wamidSchema,
  from: z.string().min(1),
  timestamp: z.string().regex(/^\d+$/, 'must be Unix seconds as a string'),
  context: inboundContextSchema.optional(),
  referral: referralSchema.optional(),
  errors: z.array(metaErrorSchema).optional(),
};

const interactiveReply = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('button_reply'), button_reply: z.looseObject({ id: z.string(), title: z.string() }) }),
  z.looseObject({
    type: z.literal('list_reply'),
    list_reply: z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }),
  }),
  z.looseObject({ type: z.literal('nfm_reply'), nfm_reply: z.looseObject({ response_json: z.string() }) }),
]);

export const inboundMessageContentSchema = z.discriminatedUnion('type', [
  z.looseObject({ ...common, type: z.literal('text'), text: z.looseObject({ body: z.string() }) }),
  z.looseObject({ ...common, type: z.literal('image'), image: media }),
  z.looseObject({ ...common, type: z.literal('audio'), audio: media.extend({ voice: z.boolean().optional() }) }),
  z.looseObject({ ...common, type: z.literal('video'), video: media }),
  z.looseObject({ ...common, type: z.literal('document'), document: media.extend({ filename: z.string().optional() }) }),
  z.looseObject({ ...common, type: z.literal('sticker'), sticker: media.extend({ animated: z.boolean().optional() }) }),
  z.looseObject({
    ...common,
    type: z.literal('location'),
    location: z.looseObject({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() }),
  }),
  z.looseObject({
    ...common,
    type: z.literal('contacts'),
    contacts: z.array(z.looseObject({ name: z.looseObject({ formatted_name: z.string() }) })).min(1),
  }),
  z.looseObject({ ...common, type: z.literal('interactive'), interactive: interactiveReply }),
  z.looseObject({ ...common, type: z.literal('button'), button: z.looseObject({ payload: z.string().optional(), text: z.string() }) }),
  z.looseObject({
    ...common,
    type: z.literal('reaction'),
    // No emoji means the user removed their reaction.
    reaction: z.looseObject({ message_id: wamidSchema, emoji: z.string().optional() }),
  }),
  z.looseObject({
    ...common,
    type: z.literal('order'),
    order: z.looseObject({
      catalog_id: z.string(),
      text: z.string().optional(),
      product_items: z.array(
        z.looseObject({ product_retailer_id: z.string(), quantity: z.number(), item_price: z.number(), currency: z.string() }),
      ),
    }),
  }),
  z.looseObject({
    ...common,
    type: z.literal('system'),
    system: z.looseObject({ body: z.string().optional(), type: z.string().optional(), wa_id: z.string().optional() }),
  }),
  z.looseObject({ ...common, type: z.literal('unsupported') }),
]);

export type InboundMessageContent = z.infer<typeof inboundMessageContentSchema>;
export type InboundMessageType = InboundMessageContent['type'];
