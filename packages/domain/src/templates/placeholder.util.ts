/** A `{{…}}` occurrence in template text. */
export interface Placeholder {
  readonly raw: string;
  readonly key: string;
  readonly kind: 'positional' | 'named' | 'invalid';
  readonly start: number;
  readonly end: number;
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const POSITIONAL_KEY = /^[1-9][0-9]*$/;
/** Meta: named parameters use lowercase letters and underscores only [M8]. */
export const NAMED_KEY = /^[a-z_]+$/;

function kindOf(key: string): Placeholder['kind'] {
  if (POSITIONAL_KEY.test(key)) return 'positional';
  if (NAMED_KEY.test(key)) return 'named';
  return 'invalid';
}

export function findPlaceholders(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => {
    const key = match[1] ?? '';
    return { raw: match[0], key, kind: kindOf(key), start: match.index, end: match.index + match[0].length };
  });
}

/** True when braces remain unbalanced once every well-formed `{{…}}` is removed. */
export function hasStrayBraces(text: string): boolean {
  const rest = text.replace(PLACEHOLDER, ' ');
  return rest.includes('{{') || rest.includes('}}');
}

/** Distinct keys in order of first appearance. */
export function distinctKeys(placeholders: readonly Placeholder[]): string[] {
  return [...new Set(placeholders.map((p) => p.key))];
}

/** Characters as Meta counts them (code points, so an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}
