import type { HeaderComponent, Template, TemplateButton } from './template.model';
import type { BodyParameter, ButtonParameter, HeaderParameter, TemplateSendParameters } from './send-parameters.model';
import { distinctKeys, findPlaceholders } from './placeholder.util';
import { bodyOf, buttonsOf, headerOf } from './template-parts.util';

/** Stand-in for Meta's `{{1}}` in authentication bodies, which carry no example of their own. */
const SAMPLE_CODE = '123456';

function headerValue(header: HeaderComponent | undefined, named: boolean): HeaderParameter | undefined {
  switch (header?.format) {
    case undefined:
      return undefined;
    case 'TEXT': {
      const key = distinctKeys(findPlaceholders(header.text))[0];
      if (key === undefined) return undefined;
      const text = (named ? header.example?.headerTextNamedParams?.[0]?.example : header.example?.headerText?.[0]) ?? key;
      return named ? { type: 'text', text, parameterName: key } : { type: 'text', text };
    }
    case 'IMAGE':
      return { type: 'image', image: { id: header.example?.headerHandle?.[0] ?? 'sample' } };
    case 'VIDEO':
      return { type: 'video', video: { id: header.example?.headerHandle?.[0] ?? 'sample' } };
    case 'DOCUMENT':
      return { type: 'document', document: { id: header.example?.headerHandle?.[0] ?? 'sample' } };
    case 'LOCATION':
      return { type: 'location', location: { latitude: -23.5505, longitude: -46.6333, name: 'São Paulo' } };
  }
}

function bodyValues(template: Template): BodyParameter[] {
  const body = bodyOf(template);
  if (template.category === 'AUTHENTICATION' && body?.text === undefined) return [{ type: 'text', text: SAMPLE_CODE }];
  if (template.parameterFormat === 'NAMED') {
    return (body?.example?.bodyTextNamedParams ?? []).map((e) => ({ type: 'text', text: e.example, parameterName: e.paramName }));
  }
  return (body?.example?.bodyText?.[0] ?? []).map((text) => ({ type: 'text', text }));
}

function buttonValue(button: TemplateButton, index: number, code: string): ButtonParameter[] {
  switch (button.type) {
    case 'OTP':
      return [{ subType: 'url', index, text: code }];
    case 'COPY_CODE':
      return [{ subType: 'copy_code', index, couponCode: button.example ?? '' }];
    case 'URL': {
      const at = button.url.indexOf('{{1}}');
      return at < 0 ? [] : [{ subType: 'url', index, text: (button.example?.[0] ?? '').slice(at) }];
    }
    case 'QUICK_REPLY':
    case 'PHONE_NUMBER':
    case 'FLOW':
    case 'VOICE_CALL':
    case 'REQUEST_CONTACT_INFO':
    case 'CATALOG':
    case 'MPM':
    case 'SPM':
      return [];
  }
}

/** Send values taken from the template's own examples: what Meta reviewed, for previews and tests. */
export function exampleSendParameters(template: Template): TemplateSendParameters {
  const header = headerValue(headerOf(template), template.parameterFormat === 'NAMED');
  const body = bodyValues(template);
  const first = body[0];
  const code = first?.type === 'text' ? first.text : SAMPLE_CODE;
  const buttons = buttonsOf(template).flatMap((b, i) => buttonValue(b, i, code));
  return { ...(header ? { header } : {}), ...(body.length > 0 ? { body } : {}), ...(buttons.length > 0 ? { buttons } : {}) };
}
