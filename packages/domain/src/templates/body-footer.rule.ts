import type { ComponentContext } from './component-context.model';
import type { BodyComponent, FooterComponent } from './template.model';
import { TEMPLATE_LIMITS } from './template-limits.data';
import { violation, type TemplateViolation } from './template-violation.model';
import { charCount, findPlaceholders } from './placeholder.util';
import { checkPlaceholders } from './parameters.rule';
import { checkExamples } from './examples.rule';

/** BODY rules [M9] [M10]: required text ≤1,024 chars, parameter rules, an example per parameter. */
export function checkBody(body: BodyComponent, ctx: ComponentContext): TemplateViolation[] {
  const path = `${ctx.path}.text`;
  if (body.text === undefined) {
    // Authentication bodies carry Meta's preset text; the authentication rule reports custom text.
    return ctx.category === 'AUTHENTICATION' ? [] : [violation(path, 'BODY_TEXT_MISSING', 'The body text is required.')];
  }
  const found: TemplateViolation[] = [];
  if (body.text.trim() === '') found.push(violation(path, 'BODY_TEXT_MISSING', 'The body text is required.'));
  if (charCount(body.text) > TEMPLATE_LIMITS.bodyTextMaxLength) {
    found.push(violation(path, 'TEXT_TOO_LONG', `Body text must have at most ${TEMPLATE_LIMITS.bodyTextMaxLength} characters.`));
  }
  found.push(...checkPlaceholders(body.text, ctx.parameterFormat, path, { checkPlacement: true }));
  found.push(
    ...checkExamples({
      text: body.text,
      format: ctx.parameterFormat,
      positional: body.example?.bodyText?.[0],
      named: body.example?.bodyTextNamedParams,
      positionalPath: `${ctx.path}.example.bodyText[0]`,
      namedPath: `${ctx.path}.example.bodyTextNamedParams`,
    }),
  );
  return found;
}

/** FOOTER rules [M9]: plain text ≤60 chars, no parameters. */
export function checkFooter(footer: FooterComponent, ctx: ComponentContext): TemplateViolation[] {
  const path = `${ctx.path}.text`;
  if (footer.text === undefined || footer.text.trim() === '') {
    return ctx.category === 'AUTHENTICATION' ? [] : [violation(path, 'FOOTER_TEXT_MISSING', 'A footer needs text.')];
  }
  const found: TemplateViolation[] = [];
  if (charCount(footer.text) > TEMPLATE_LIMITS.footerTextMaxLength) {
    found.push(violation(path, 'TEXT_TOO_LONG', `Footer text must have at most ${TEMPLATE_LIMITS.footerTextMaxLength} characters.`));
  }
  if (findPlaceholders(footer.text).length > 0) {
    found.push(violation(path, 'FOOTER_PARAMETERS_NOT_ALLOWED', 'Footers may not contain parameters.'));
  }
  return found;
}
