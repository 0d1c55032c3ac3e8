import { z } from 'zod';
import { templateMessageSchema } from './template-message.schema';

// `content` is the type-specific part of Meta's send request (`type` plus the object of that
// name), in Meta's shape (RULES.md §9.1), so the dispatcher forwards it without mapping.

const mediaObject = (extra: z.core.$ZodLooseShape) =>
  z
    .looseObject({ id: z.string().min(1).optional(), link: z.url().optional(), ...extra })
    .refine((media) => (media.id === undefined) !== (media.link === undefined), {
      message: 'exactly one of id or link is required',
    });

const caption = { caption: z.string().max(1024).optional() };

const replyButton = z.looseObject({
  type: z.literal('reply'),
  reply: z.looseObject({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
});

const listRow = z.looseObject({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(24),
  description: z.string().max(72).optional(),
});

const interactiveText = z.looseObject({ text: z.string().min(1).max(1024) });
const interactiveFooter = z.looseObject({ text: z.string().min(1).max(60) });

export const interactiveMessageSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('button'),
    header: z.looseObject({ type: z.string() }).optional(),
    body: interactiveText,
    footer: interactiveFooter.optional(),
    action: z.looseObject({ buttons: z.array(replyButton).min(1).max(3) }),
  }),
  z.looseObject({
    type: z.literal('list'),
    header: z.looseObject({ type: z.literal('text'), text: z.string().min(1).max(60) }).optional(),
    body: interactiveText,
    footer: interactiveFooter.optional(),
    action: z.looseObject({
      button: z.string().min(1).max(20),
      sections: z
        .array(z.looseObject({ title: z.string().max(24).optional(), rows: z.array(listRow).min(1) }))
        .min(1)
        .max(10),
    }),
  }),
]);

export const sendContentSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('text'),
    text: z.looseObject({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
  }),
  z.looseObject({ type: z.literal('image'), image: mediaObject(caption) }),
  z.looseObject({ type: z.literal('video'), video: mediaObject(caption) }),
  z.looseObject({ type: z.literal('audio'), audio: mediaObject({}) }),
  z.looseObject({
    type: z.literal('document'),
    document: mediaObject({ ...caption, filename: z.string().min(1).max(240).optional() }),
  }),
  z.looseObject({ type: z.literal('sticker'), sticker: mediaObject({}) }),
  z.looseObject({ type: z.literal('interactive'), interactive: interactiveMessageSchema }),
  z.looseObject({ type: z.literal('template'), template: templateMessageSchema }),
]);

export type SendContent = z.infer<typeof sendContentSchema>;
export type SendContentType = SendContent['type'];
export type InteractiveMessage = z.infer<typeof interactiveMessageSchema>;
