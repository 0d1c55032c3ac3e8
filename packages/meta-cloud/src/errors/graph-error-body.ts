/** Meta's Graph API error body [M27] (RULES.md §6.1). */
export interface GraphErrorBody {
  readonly error: {
    readonly message: string;
    readonly type?: string;
    readonly code: number;
    readonly error_subcode?: number;
    readonly error_data?: { readonly messaging_product?: string; readonly details?: string };
    readonly fbtrace_id?: string;
    readonly is_transient?: boolean;
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isGraphErrorBody(value: unknown): value is GraphErrorBody {
  if (!isRecord(value) || !isRecord(value['error'])) return false;
  const error = value['error'];
  return typeof error['code'] === 'number' && typeof error['message'] === 'string';
}
