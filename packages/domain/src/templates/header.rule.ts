import type { ComponentContext } from './component-context.model';
import type { HeaderComponent, TextHeaderComponent } from './template.model';
import { TEMPLATE_LIMITS } from './template-limits.data';
import { violation, type TemplateViolation } from './template-violation.model';
import { charCount, findPlaceholders } from './placeholder.util';
import { checkPlaceholders } from './parameters.rule';
import { checkExamples } from './examples.rule';

const MARKDOWN = /\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~|```/;

function checkTextHeader(header: TextHeaderComponent, ctx: ComponentContext): TemplateViolation[] {
  const path = `${ctx.path}.text`;
  const found: TemplateViolation[] = [];
  if (charCount(header.text) > TEMPLATE_LIMITS.headerTextMaxLength) {
    found.push(violation(path, 'TEXT_TOO_LONG', `Header text must have at most ${TEMPLATE_LIMITS.headerTextMaxLength} characters.`));
  }
  if (findPlaceholders(header.text).length > TEMPLATE_LIMITS.headerMaxParameters) {
    found.push(violation(path, 'HEADER_TOO_MANY_PARAMETERS', 'A text header may have at most one parameter.'));
  }
  if (MARKDOWN.test(header.text.replace(/\{\{[^{}]*\}\}/g, ' ')) || header.text.includes('\n')) {
    found.push(violation(path, 'HEADER_FORMATTING_NOT_ALLOWED', 'Header text may not use markdown or line breaks.'));
  }
  found.push(...checkPlaceholders(header.text, ctx.parameterFormat, path, { checkPlacement: false }));
  found.push(
    ...checkExamples({
      text: header.text,
      format: ctx.parameterFormat,
      positional: header.example?.headerText,
      named: header.example?.headerTextNamedParams,
      positionalPath: `${ctx.path}.example.headerText`,
      namedPath: `${ctx.path}.example.headerTextNamedParams`,
    }),
  );
  return found;
}

/** HEADER rules [M9]: text ≤60 chars with ≤1 parameter; media needs an uploaded sample. */
export function checkHeader(header: HeaderComponent, ctx: ComponentContext): TemplateViolation[] {
  switch (header.format) {
    case 'TEXT':
      return checkTextHeader(header, ctx);
    case 'IMAGE':
    case 'VIDEO':
    case 'DOCUMENT':
      return (header.example?.headerHandle ?? []).length > 0
        ? []
        : [violation(`${ctx.path}.example.headerHandle`, 'HEADER_MEDIA_EXAMPLE_MISSING', `A ${header.format} header needs a sample media handle.`)];
    case 'LOCATION':
      return [];
  }
}
