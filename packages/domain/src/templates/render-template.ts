import type { MediaHeaderFormat, Template, TemplateButton, TemplateButtonType } from './template.model';
import type { ButtonParameter, LocationParameter, MediaSource, TemplateSendParameters } from './send-parameters.model';
import type { TemplateMessagePayload } from './template-payload.model';
import { parameterViolation, type ParameterViolation } from './parameter-violation.model';
import { checkSendParameters } from './check-send-parameters.rule';
import { bodyValues } from './body-parameters.rule';
import { toPayloadComponents } from './payload-builder';
import { buttonsOf, effectiveBodyText, effectiveFooterText, headerOf } from './template-parts.util';
import { substitute } from './send-values.rule';

export type RenderedHeader =
  | { readonly format: 'TEXT'; readonly text: string }
  | { readonly format: MediaHeaderFormat; readonly media: MediaSource | undefined }
  | { readonly format: 'LOCATION'; readonly location: LocationParameter['location'] | undefined };

export interface RenderedButton {
  readonly type: TemplateButtonType;
  readonly text: string;
  readonly url?: string;
}

/** What the recipient would see, for previews. */
export interface RenderedTemplate {
  readonly header?: RenderedHeader;
  readonly body: string;
  readonly footer?: string;
  readonly buttons: readonly RenderedButton[];
}

export type RenderResult =
  | { readonly ok: true; readonly payload: TemplateMessagePayload; readonly preview: RenderedTemplate }
  | { readonly ok: false; readonly violations: readonly ParameterViolation[] };

function renderHeader(template: Template, parameters: TemplateSendParameters): RenderedHeader | undefined {
  const header = headerOf(template);
  const p = parameters.header;
  if (!header) return undefined;
  switch (header.format) {
    case 'TEXT': {
      const value = p?.type === 'text' ? p.text : undefined;
      return { format: 'TEXT', text: value === undefined ? header.text : header.text.replace(/\{\{[^{}]*\}\}/, () => value) };
    }
    case 'LOCATION':
      return { format: 'LOCATION', location: p?.type === 'location' ? p.location : undefined };
    case 'IMAGE':
      return { format: header.format, media: p?.type === 'image' ? p.image : undefined };
    case 'VIDEO':
      return { format: header.format, media: p?.type === 'video' ? p.video : undefined };
    case 'DOCUMENT':
      return { format: header.format, media: p?.type === 'document' ? p.document : undefined };
  }
}

function renderButton(button: TemplateButton, value: ButtonParameter | undefined): RenderedButton {
  const text = 'text' in button && button.text !== undefined ? button.text : button.type;
  if (button.type !== 'URL') return { type: button.type, text };
  const url = value?.subType === 'url' ? button.url.replace(/\{\{1\}\}$/, () => value.text) : button.url;
  return { type: button.type, text, url };
}

/** Fills the template with the values it has; unknown placeholders stay visible as `{{…}}`. */
export function renderPreview(template: Template, parameters: TemplateSendParameters): RenderedTemplate {
  const header = renderHeader(template, parameters);
  const footer = effectiveFooterText(template);
  const body = substitute(effectiveBodyText(template), bodyValues(template, parameters.body ?? []));
  const buttons = buttonsOf(template).map((b, i) => renderButton(b, parameters.buttons?.find((p) => p.index === i)));
  return { ...(header ? { header } : {}), body, ...(footer === undefined ? {} : { footer }), buttons };
}

/** Checks the values against an APPROVED template and builds Meta's `template` payload and a preview. */
export function renderTemplateMessage(template: Template, parameters: TemplateSendParameters): RenderResult {
  const violations = checkSendParameters(template, parameters);
  if (template.status !== 'APPROVED') {
    violations.unshift(parameterViolation('status', 'TEMPLATE_NOT_SENDABLE', `Only APPROVED templates can be sent; this one is ${template.status}.`));
  }
  if (violations.length > 0) return { ok: false, violations };
  const components = toPayloadComponents(parameters.header, parameters.body ?? [], parameters.buttons ?? []);
  const payload: TemplateMessagePayload = {
    name: template.name,
    language: { code: template.language },
    ...(components.length > 0 ? { components } : {}),
  };
  return { ok: true, payload, preview: renderPreview(template, parameters) };
}
