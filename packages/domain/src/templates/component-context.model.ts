import type { TemplateCategory, TemplateParameterFormat } from './template.model';

/** What component rules need to know about the template around them. */
export interface ComponentContext {
  readonly category: TemplateCategory;
  readonly parameterFormat: TemplateParameterFormat;
  /** e.g. `components[0]`. */
  readonly path: string;
}
