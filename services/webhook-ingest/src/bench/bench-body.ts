import { signatureHeader } from '../signature';

export const BENCH_SECRET = 'bench-app-secret';

/** A typical Meta call: one status with pricing, as Meta sends three of per outbound message. */
export function statusWebhook(index: number): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
      statuses: [{
        id: `wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEjBENENGQjc4${index.toString(16).padStart(8, '0')}`,
        status: ['sent', 'delivered', 'read'][index % 3],
        timestamp: String(1_763_900_000 + index),
        recipient_id: `5511${String(900_000_000 + (index % 10_000))}`,
        biz_opaque_callback_data: `cmd-${index}`,
        pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' },
      }],
    } }] }],
  });
}

export interface SignedBody {
  readonly body: string;
  readonly signature: string;
}

export const signedBodies = (count: number): SignedBody[] =>
  Array.from({ length: count }, (_, index) => {
    const body = statusWebhook(index);
    return { body, signature: signatureHeader(body, BENCH_SECRET) };
  });
