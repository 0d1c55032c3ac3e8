import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Fixture {
  readonly file: string;
  /** The CloudEvents type the file name promises: `send-command.text.json` → `com.recado.send-command.v1`. */
  readonly type: string;
  readonly json: unknown;
}

/** The committed payloads of one contract version; they must keep validating forever. */
export const loadFixtures = (version = 'v1'): Fixture[] => {
  const dir = join(__dirname, '..', 'fixtures', version);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      type: `com.recado.${file.split('.')[0] ?? ''}.${version}`,
      json: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown,
    }));
};

/** The `data` of one fixture, freshly copied: `fixtureData('send-command.text')`. */
export const fixtureData = (name: string, version = 'v1'): Record<string, unknown> => {
  const json = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', version, `${name}.json`), 'utf8')) as { data: Record<string, unknown> };
  return json.data;
};

const DELETE = Symbol('delete');
/** Marks a property for removal in `patched`. */
export const absent: unknown = DELETE;

/** A deep copy of `value` with the dotted `path` set (or removed, with `absent`). */
export const patched = <T>(value: T, path: string, replacement: unknown): T => {
  const copy = structuredClone(value) as Record<string, unknown>;
  const segments = path.split('.');
  const last = segments.pop() ?? '';
  let target: Record<string, unknown> = copy;
  for (const segment of segments) target = target[segment] as Record<string, unknown>;
  if (replacement === DELETE) delete target[last];
  else target[last] = replacement;
  return copy as T;
};
