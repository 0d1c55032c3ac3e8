export * from './template.model';
export * from './send-parameters.model';
export { PARAMETER_VIOLATION_CODES, type ParameterViolation, type ParameterViolationCode } from './parameter-violation.model';
export { TEMPLATE_VIOLATION_CODES, type TemplateViolation, type TemplateViolationCode } from './template-violation.model';
export * from './template-payload.model';
export { TEMPLATE_LIMITS, BUTTON_TYPE_LIMITS, TTL_RANGES } from './template-limits.data';
export { META_TEMPLATE_LANGUAGES, LANGUAGE_CODE_FORMAT } from './template-languages.data';
export { MARKETING_TERMS, marketingTermsFor, type LexiconLanguage } from './marketing-lexicon.data';
export { findPlaceholders, type Placeholder } from './placeholder.util';
export { checkSendParameters } from './check-send-parameters.rule';
export { validateTemplate, type ValidateTemplateOptions } from './validate-template';
export { checkCategoryAllowed, type TenantTemplatePolicy } from './category-policy.rule';
export { lintUtilityTemplate, findMarketingTerms, type TemplateLintWarning } from './marketing-lint.rule';
export {
  renderTemplateMessage,
  renderPreview,
  type RenderResult,
  type RenderedTemplate,
  type RenderedHeader,
  type RenderedButton,
} from './render-template';
export { exampleSendParameters } from './example-parameters';
export { sendParametersFromPayload, type PayloadReadResult } from './payload-parameters';
export {
  SAMPLE_TEMPLATES,
  SAMPLE_ORDER_UPDATE,
  SAMPLE_RESERVATION,
  SAMPLE_PROMOTION,
  SAMPLE_OTP,
} from './sample-templates.data';
