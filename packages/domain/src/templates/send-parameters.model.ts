/** Values for one send of a template, shaped like Meta's send payload [M9] [M19]. */

export interface TextParameter {
  readonly type: 'text';
  readonly text: string;
  /** Required for NAMED templates, forbidden for POSITIONAL ones. */
  readonly parameterName?: string;
}

export interface CurrencyParameter {
  readonly type: 'currency';
  readonly currency: {
    readonly fallbackValue: string;
    /** ISO 4217, e.g. `BRL`. */
    readonly code: string;
    /** Amount × 1000, e.g. R$ 10,99 → 10990. */
    readonly amount1000: number;
  };
  readonly parameterName?: string;
}

export interface DateTimeParameter {
  readonly type: 'date_time';
  readonly dateTime: { readonly fallbackValue: string };
  readonly parameterName?: string;
}

export type BodyParameter = TextParameter | CurrencyParameter | DateTimeParameter;

export type MediaSource = { readonly id: string } | { readonly link: string };

export interface ImageParameter {
  readonly type: 'image';
  readonly image: MediaSource;
}

export interface VideoParameter {
  readonly type: 'video';
  readonly video: MediaSource;
}

export interface DocumentParameter {
  readonly type: 'document';
  readonly document: MediaSource & { readonly filename?: string };
}

export interface LocationParameter {
  readonly type: 'location';
  readonly location: {
    readonly latitude: number;
    readonly longitude: number;
    readonly name?: string;
    readonly address?: string;
  };
}

export type HeaderParameter = TextParameter | ImageParameter | VideoParameter | DocumentParameter | LocationParameter;

export interface QuickReplyButtonParameter {
  readonly subType: 'quick_reply';
  /** Position of the button in the template's BUTTONS component (0-based). */
  readonly index: number;
  readonly payload: string;
}

export interface UrlButtonParameter {
  readonly subType: 'url';
  readonly index: number;
  /** Suffix substituted for the URL's `{{1}}` (or the OTP code for authentication). */
  readonly text: string;
}

export interface CopyCodeButtonParameter {
  readonly subType: 'copy_code';
  readonly index: number;
  readonly couponCode: string;
}

export interface FlowButtonParameter {
  readonly subType: 'flow';
  readonly index: number;
  readonly flowToken?: string;
  readonly flowActionData?: Readonly<Record<string, unknown>>;
}

export type ButtonParameter =
  | QuickReplyButtonParameter
  | UrlButtonParameter
  | CopyCodeButtonParameter
  | FlowButtonParameter;

export type ButtonSubType = ButtonParameter['subType'];

export interface TemplateSendParameters {
  readonly header?: HeaderParameter;
  /** In placeholder order for POSITIONAL templates; any order (each named) for NAMED ones. */
  readonly body?: readonly BodyParameter[];
  readonly buttons?: readonly ButtonParameter[];
}
