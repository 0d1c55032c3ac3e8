import type { BodyComponent, FooterComponent, HeaderComponent, Template, TemplateButton } from './template.model';

type Parts = Pick<Template, 'category' | 'components'>;

export function headerOf(template: Parts): HeaderComponent | undefined {
  return template.components.find((c): c is HeaderComponent => c.type === 'HEADER');
}

export function bodyOf(template: Parts): BodyComponent | undefined {
  return template.components.find((c): c is BodyComponent => c.type === 'BODY');
}

export function footerOf(template: Parts): FooterComponent | undefined {
  return template.components.find((c): c is FooterComponent => c.type === 'FOOTER');
}

export function buttonsOf(template: Parts): readonly TemplateButton[] {
  return template.components.flatMap((c) => (c.type === 'BUTTONS' ? c.buttons : []));
}

/** Meta's English preset for authentication bodies [M16]; localised presets come back on GET. */
export const AUTH_PRESET_BODY = '{{1}} is your verification code.';
export const AUTH_SECURITY_RECOMMENDATION = 'For your security, do not share this code.';

/** The body text the recipient sees before substitution (the preset for authentication submissions). */
export function effectiveBodyText(template: Parts): string {
  const body = bodyOf(template);
  if (body?.text !== undefined) return body.text;
  if (template.category !== 'AUTHENTICATION') return '';
  return body?.addSecurityRecommendation ? `${AUTH_PRESET_BODY} ${AUTH_SECURITY_RECOMMENDATION}` : AUTH_PRESET_BODY;
}

export function effectiveFooterText(template: Parts): string | undefined {
  const footer = footerOf(template);
  if (footer?.text !== undefined) return footer.text;
  const minutes = footer?.codeExpirationMinutes;
  return minutes === undefined ? undefined : `This code expires in ${minutes} minutes.`;
}
