import type { Template, TextHeaderComponent } from './template.model';
import type { HeaderParameter, MediaSource } from './send-parameters.model';
import { parameterViolation, type ParameterViolation } from './parameter-violation.model';
import { charCount, distinctKeys, findPlaceholders } from './placeholder.util';
import { TEMPLATE_LIMITS } from './template-limits.data';
import { headerOf } from './template-parts.util';
import { checkTextValue, substitute } from './send-values.rule';

function checkSource(source: MediaSource, path: string): ParameterViolation[] {
  const ok = 'id' in source ? source.id.trim() !== '' : /^https:\/\/\S+$/i.test(source.link);
  return ok ? [] : [parameterViolation(path, 'MEDIA_SOURCE_INVALID', 'Give an uploaded media id or an https link.')];
}

function checkTextHeader(template: Template, header: TextHeaderComponent, p: HeaderParameter | undefined): ParameterViolation[] {
  const key = distinctKeys(findPlaceholders(header.text))[0];
  if (key === undefined) {
    return p ? [parameterViolation('header', 'HEADER_PARAMETER_UNEXPECTED', 'This header has no parameter.')] : [];
  }
  if (!p) return [parameterViolation('header', 'HEADER_PARAMETER_MISSING', `The header needs a value for {{${key}}}.`)];
  if (p.type !== 'text') return [parameterViolation('header.type', 'HEADER_PARAMETER_TYPE_MISMATCH', 'A text header takes a text value.')];
  const found = checkTextValue(p.text, 'header.text');
  if (template.parameterFormat === 'NAMED' && p.parameterName !== key) {
    const code = p.parameterName ? 'PARAMETER_NAME_UNKNOWN' : 'PARAMETER_NAME_MISSING';
    found.push(parameterViolation('header.parameterName', code, `The header value must be named "${key}".`));
  }
  if (template.parameterFormat === 'POSITIONAL' && p.parameterName !== undefined) {
    found.push(parameterViolation('header.parameterName', 'PARAMETER_NAME_NOT_ALLOWED', 'Positional templates take values without parameterName.'));
  }
  if (charCount(substitute(header.text, new Map([[key, p.text]]))) > TEMPLATE_LIMITS.headerTextMaxLength) {
    found.push(parameterViolation('header.text', 'RENDERED_TEXT_TOO_LONG', `The filled-in header exceeds ${TEMPLATE_LIMITS.headerTextMaxLength} characters.`));
  }
  return found;
}

function checkLocation(p: HeaderParameter): ParameterViolation[] {
  if (p.type !== 'location') return [parameterViolation('header.type', 'HEADER_PARAMETER_TYPE_MISMATCH', 'A LOCATION header takes a location value.')];
  const { latitude, longitude } = p.location;
  return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180
    ? []
    : [parameterViolation('header.location', 'PARAMETER_VALUE_INVALID', 'Latitude must be within ±90 and longitude within ±180.')];
}

/** Header value: text for a `{{…}}` header, media of the header's format, or coordinates [M9]. */
export function checkHeaderParameter(template: Template, p: HeaderParameter | undefined): ParameterViolation[] {
  const header = headerOf(template);
  if (!header) return p ? [parameterViolation('header', 'HEADER_PARAMETER_UNEXPECTED', 'The template has no header.')] : [];
  if (header.format === 'TEXT') return checkTextHeader(template, header, p);
  if (!p) return [parameterViolation('header', 'HEADER_PARAMETER_MISSING', `The ${header.format} header needs a value at send time.`)];
  if (header.format === 'LOCATION') return checkLocation(p);
  const expected = header.format.toLowerCase();
  if (p.type === 'image' && expected === 'image') return checkSource(p.image, 'header.image');
  if (p.type === 'video' && expected === 'video') return checkSource(p.video, 'header.video');
  if (p.type === 'document' && expected === 'document') return checkSource(p.document, 'header.document');
  return [parameterViolation('header.type', 'HEADER_PARAMETER_TYPE_MISMATCH', `The header expects ${expected}, got ${p.type}.`)];
}
