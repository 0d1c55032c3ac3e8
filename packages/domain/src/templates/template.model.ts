import type { TemplateButton } from './template-button.model';

export * from './template-button.model';

/** Template categories Meta accepts [M7]. */
export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';

export const TEMPLATE_CATEGORIES: readonly TemplateCategory[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

/** Every status a template can have on Meta's side; only APPROVED is sendable [M22] [C1]. */
export type TemplateStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED'
  | 'PAUSED'
  | 'DISABLED'
  | 'IN_APPEAL'
  | 'PENDING_DELETION'
  | 'DELETED'
  | 'LIMIT_EXCEEDED'
  | 'ARCHIVED';

export const TEMPLATE_STATUSES: readonly TemplateStatus[] = [
  'APPROVED',
  'PENDING',
  'REJECTED',
  'PAUSED',
  'DISABLED',
  'IN_APPEAL',
  'PENDING_DELETION',
  'DELETED',
  'LIMIT_EXCEEDED',
  'ARCHIVED',
];

export type TemplateParameterFormat = 'POSITIONAL' | 'NAMED';

export type TemplateQualityScore = 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';

/** One named-parameter example, as Meta's `*_named_params` entries. */
export interface NamedParameterExample {
  readonly paramName: string;
  readonly example: string;
}

export interface TextHeaderComponent {
  readonly type: 'HEADER';
  readonly format: 'TEXT';
  readonly text: string;
  readonly example?: {
    readonly headerText?: readonly string[];
    readonly headerTextNamedParams?: readonly NamedParameterExample[];
  };
}

export type MediaHeaderFormat = 'IMAGE' | 'VIDEO' | 'DOCUMENT';

export interface MediaHeaderComponent {
  readonly type: 'HEADER';
  readonly format: MediaHeaderFormat;
  /** Resumable-upload handles (`4::…`) Meta requires as the example. */
  readonly example?: { readonly headerHandle?: readonly string[] };
}

export interface LocationHeaderComponent {
  readonly type: 'HEADER';
  readonly format: 'LOCATION';
}

export type HeaderComponent = TextHeaderComponent | MediaHeaderComponent | LocationHeaderComponent;
export type HeaderFormat = HeaderComponent['format'];

export interface BodyComponent {
  readonly type: 'BODY';
  /** Absent on AUTHENTICATION submissions: Meta supplies the fixed text. */
  readonly text?: string;
  readonly example?: {
    readonly bodyText?: readonly (readonly string[])[];
    readonly bodyTextNamedParams?: readonly NamedParameterExample[];
  };
  /** AUTHENTICATION only. */
  readonly addSecurityRecommendation?: boolean;
}

export interface FooterComponent {
  readonly type: 'FOOTER';
  readonly text?: string;
  /** AUTHENTICATION only, 1–90. */
  readonly codeExpirationMinutes?: number;
}

export interface ButtonsComponent {
  readonly type: 'BUTTONS';
  readonly buttons: readonly TemplateButton[];
}

export type TemplateComponent = HeaderComponent | BodyComponent | FooterComponent | ButtonsComponent;
export type TemplateComponentType = TemplateComponent['type'];

/** A message template as Recado mirrors it from Meta, keyed by (WABA, name, language). */
export interface Template {
  readonly name: string;
  /** Meta's code, e.g. `pt_BR`; must match exactly at send time (132001). */
  readonly language: string;
  readonly category: TemplateCategory;
  readonly status: TemplateStatus;
  readonly parameterFormat: TemplateParameterFormat;
  readonly components: readonly TemplateComponent[];
  readonly id?: string;
  /** Category Meta will switch to (re-categorisation pending) [M7] [M24]. */
  readonly correctCategory?: TemplateCategory;
  readonly pendingCategoryAt?: Date;
  readonly qualityScore?: TemplateQualityScore;
  readonly messageSendTtlSeconds?: number;
  readonly rejectedReason?: string;
}

/** What a template submission (create/edit) carries; a mirrored `Template` is one too. */
export type TemplateSubmission = Pick<Template, 'name' | 'language' | 'category' | 'parameterFormat' | 'components' | 'messageSendTtlSeconds'>;
