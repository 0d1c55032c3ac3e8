import type { NamedParameterExample, TemplateParameterFormat } from './template.model';
import { violation, type TemplateViolation } from './template-violation.model';
import { distinctKeys, findPlaceholders } from './placeholder.util';

export interface ExampleInput {
  readonly text: string;
  readonly format: TemplateParameterFormat;
  readonly positional: readonly string[] | undefined;
  readonly named: readonly NamedParameterExample[] | undefined;
  /** Paths of the positional values and the named list, e.g. `components[1].example.bodyText[0]`. */
  readonly positionalPath: string;
  readonly namedPath: string;
}

function checkPositional(count: number, values: readonly string[] | undefined, path: string): TemplateViolation[] {
  if (values === undefined) {
    return [violation(path, 'EXAMPLE_MISSING', `Give an example value for each of the ${count} parameter(s).`)];
  }
  const found: TemplateViolation[] = [];
  if (values.length !== count) {
    found.push(violation(path, 'EXAMPLE_COUNT_MISMATCH', `Expected ${count} example value(s), got ${values.length}.`));
  }
  values.forEach((value, i) => {
    if (value.trim() === '') found.push(violation(`${path}[${i}]`, 'EXAMPLE_EMPTY', 'Example values may not be empty.'));
  });
  return found;
}

function checkNamed(names: readonly string[], examples: readonly NamedParameterExample[], path: string): TemplateViolation[] {
  const found: TemplateViolation[] = [];
  const seen = new Set<string>();
  examples.forEach((example, i) => {
    if (!names.includes(example.paramName)) {
      found.push(violation(`${path}[${i}].paramName`, 'EXAMPLE_UNKNOWN_PARAMETER', `No {{${example.paramName}}} in the text.`));
    } else if (seen.has(example.paramName)) {
      found.push(violation(`${path}[${i}].paramName`, 'EXAMPLE_DUPLICATE', `{{${example.paramName}}} has more than one example.`));
    }
    seen.add(example.paramName);
    if (example.example.trim() === '') {
      found.push(violation(`${path}[${i}].example`, 'EXAMPLE_EMPTY', 'Example values may not be empty.'));
    }
  });
  for (const name of names.filter((n) => !seen.has(n))) {
    found.push(violation(path, 'EXAMPLE_MISSING', `Give an example value for {{${name}}}.`));
  }
  return found;
}

/** Meta's review needs a sample for every parameter [M10]. */
export function checkExamples(input: ExampleInput): TemplateViolation[] {
  const placeholders = findPlaceholders(input.text);
  if (input.format === 'POSITIONAL') {
    const count = distinctKeys(placeholders.filter((p) => p.kind === 'positional')).length;
    return count === 0 ? [] : checkPositional(count, input.positional, input.positionalPath);
  }
  const names = distinctKeys(placeholders.filter((p) => p.kind === 'named'));
  return names.length === 0 ? [] : checkNamed(names, input.named ?? [], input.namedPath);
}
