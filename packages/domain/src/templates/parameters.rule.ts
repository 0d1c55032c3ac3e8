import type { TemplateParameterFormat } from './template.model';
import { violation, type TemplateViolation } from './template-violation.model';
import { distinctKeys, findPlaceholders, hasStrayBraces, type Placeholder } from './placeholder.util';

export interface PlaceholderRuleOptions {
  /** Body only: Meta rejects a leading/trailing parameter (2388299) and too many parameters for the length (2388293). */
  readonly checkPlacement: boolean;
}

const TRAILING_PUNCTUATION = /[\s.,;:!?¡¿…'"”’)\]-]*$/u;

/** Shape of each `{{…}}`: braces, names, positional vs named [M8] [M10]. */
function checkShapes(text: string, placeholders: readonly Placeholder[], format: TemplateParameterFormat, path: string) {
  const found: TemplateViolation[] = [];
  if (hasStrayBraces(text)) found.push(violation(path, 'PARAMETER_MALFORMED', 'A parameter has missing or mismatched braces.'));
  for (const p of placeholders) {
    if (p.kind === 'invalid') {
      found.push(violation(path, 'PARAMETER_INVALID_NAME', `${p.raw}: use {{1}}, {{2}}… or lowercase names with underscores.`));
    } else if ((p.kind === 'named') !== (format === 'NAMED')) {
      found.push(violation(path, 'PARAMETER_FORMAT_MISMATCH', `${p.raw} does not match the template's ${format} parameter format.`));
    }
  }
  return found;
}

/** Positional parameters must be exactly 1..n [M8]. */
function checkSequence(placeholders: readonly Placeholder[], path: string): TemplateViolation[] {
  const numbers = distinctKeys(placeholders.filter((p) => p.kind === 'positional')).map(Number).sort((a, b) => a - b);
  const sequential = numbers.every((n, i) => n === i + 1);
  return sequential
    ? []
    : [violation(path, 'PARAMETER_NOT_SEQUENTIAL', `Positional parameters must be {{1}} to {{${numbers.length}}} without gaps; found ${numbers.map((n) => `{{${n}}}`).join(', ')}.`)];
}

/** Two parameters with only whitespace between them are rejected (INVALID_FORMAT) [M22] [T7]. */
function checkAdjacency(text: string, placeholders: readonly Placeholder[], path: string): TemplateViolation[] {
  const found: TemplateViolation[] = [];
  placeholders.forEach((p, i) => {
    const next = placeholders[i + 1];
    if (next && text.slice(p.end, next.start).trim() === '') {
      found.push(violation(path, 'PARAMETER_ADJACENT', `${p.raw} and ${next.raw} need text between them.`));
    }
  });
  return found;
}

/** 2388299: no parameter at the very start or end; trailing punctuation does not help [M27] [T7]. */
function checkEdges(text: string, placeholders: readonly Placeholder[], path: string): TemplateViolation[] {
  const found: TemplateViolation[] = [];
  const first = placeholders[0];
  const last = placeholders[placeholders.length - 1];
  if (first && text.slice(0, first.start).trim() === '') {
    found.push(violation(path, 'PARAMETER_AT_START', `The text may not start with ${first.raw}.`));
  }
  const tail = text.slice(last?.end ?? 0);
  if (last && tail.replace(TRAILING_PUNCTUATION, '') === '') {
    found.push(violation(path, 'PARAMETER_AT_END', `The text may not end with ${last.raw}.`));
  }
  return found;
}

/** 2388293 heuristic: at least 2·P+1 words that are not parameters [T7] [T8]. */
function checkRatio(text: string, placeholders: readonly Placeholder[], path: string): TemplateViolation[] {
  const words = text.replace(/\{\{[^{}]*\}\}/g, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const needed = 2 * placeholders.length + 1;
  return placeholders.length > 0 && words < needed
    ? [violation(path, 'PARAMETER_RATIO_TOO_HIGH', `${placeholders.length} parameter(s) need at least ${needed} other words; found ${words}.`)]
    : [];
}

export function checkPlaceholders(
  text: string,
  format: TemplateParameterFormat,
  path: string,
  options: PlaceholderRuleOptions,
): TemplateViolation[] {
  const placeholders = findPlaceholders(text);
  const found = [...checkShapes(text, placeholders, format, path), ...checkAdjacency(text, placeholders, path)];
  if (format === 'POSITIONAL') found.push(...checkSequence(placeholders, path));
  if (options.checkPlacement) found.push(...checkEdges(text, placeholders, path), ...checkRatio(text, placeholders, path));
  return found;
}
