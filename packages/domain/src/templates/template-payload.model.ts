/** The Cloud API `template` object of a send request, exactly as Meta reads it [M9] [M19] (§4.7). */

export type PayloadMedia = { readonly id: string } | { readonly link: string };

export type PayloadParameter =
  | { readonly type: 'text'; readonly text: string; readonly parameter_name?: string }
  | {
      readonly type: 'currency';
      readonly currency: { readonly fallback_value: string; readonly code: string; readonly amount_1000: number };
      readonly parameter_name?: string;
    }
  | { readonly type: 'date_time'; readonly date_time: { readonly fallback_value: string }; readonly parameter_name?: string }
  | { readonly type: 'image'; readonly image: PayloadMedia }
  | { readonly type: 'video'; readonly video: PayloadMedia }
  | { readonly type: 'document'; readonly document: PayloadMedia & { readonly filename?: string } }
  | {
      readonly type: 'location';
      readonly location: { readonly latitude: number; readonly longitude: number; readonly name?: string; readonly address?: string };
    };

export type PayloadButtonParameter =
  | { readonly type: 'payload'; readonly payload: string }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'coupon_code'; readonly coupon_code: string }
  | {
      readonly type: 'action';
      readonly action: { readonly flow_token?: string; readonly flow_action_data?: Readonly<Record<string, unknown>> };
    };

export type PayloadComponent =
  | { readonly type: 'header'; readonly parameters: readonly PayloadParameter[] }
  | { readonly type: 'body'; readonly parameters: readonly PayloadParameter[] }
  | {
      readonly type: 'button';
      readonly sub_type: 'quick_reply' | 'url' | 'copy_code' | 'flow';
      /** A string, as in Meta's examples ("0"). */
      readonly index: string;
      readonly parameters: readonly PayloadButtonParameter[];
    };

export interface TemplateMessagePayload {
  readonly name: string;
  /** Must equal the template's code exactly, else 132001. */
  readonly language: { readonly code: string };
  readonly components?: readonly PayloadComponent[];
}
