/** The parts of a validated `/messages` body the sandbox reads. */
export interface SendBody {
  readonly to: string;
  readonly type: string;
  readonly template?: { readonly name: string; readonly language: { readonly code: string } };
  readonly biz_opaque_callback_data?: string;
  readonly context?: { readonly message_id?: string };
}

export interface MarkReadBody {
  readonly status: 'read';
  readonly message_id: string;
}

export const isMarkRead = (body: Record<string, unknown>): boolean => body['status'] === 'read' && typeof body['message_id'] === 'string';
