import type { JsonSchema } from './openapi-normalise';

/** A defect of Meta's description that would refuse requests Meta documents and accepts. */
export interface DescriptionCorrection {
  readonly id: string;
  readonly why: string;
  applies(schema: JsonSchema): boolean;
  fix(schema: JsonSchema): void;
}

const BUTTON_SUB_TYPES = ['quick_reply', 'url', 'catalog'];

export const DESCRIPTION_CORRECTIONS: readonly DescriptionCorrection[] = [
  {
    id: 'button-index-pattern',
    why: 'The index pattern is a citation artefact; the same schema says "Position index of the button (0-9)".',
    applies: (schema) => schema['pattern'] === '^[2-6, 11-14]$',
    fix: (schema) => {
      schema['pattern'] = '^[0-9]$';
    },
  },
  {
    id: 'button-sub-types',
    why: 'Authentication (copy_code) and flow buttons are sent with these sub_types [M16] [M19].',
    applies: (schema) => Array.isArray(schema['enum']) && JSON.stringify(schema['enum']) === JSON.stringify(BUTTON_SUB_TYPES),
    fix: (schema) => {
      schema['enum'] = [...BUTTON_SUB_TYPES, 'copy_code', 'flow'];
    },
  },
];

/** Applies every correction to one schema node; returns the ids applied. */
export function correctSchema(schema: JsonSchema): string[] {
  return DESCRIPTION_CORRECTIONS.filter((correction) => correction.applies(schema)).map((correction) => {
    correction.fix(schema);
    return correction.id;
  });
}
