import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { eventKindOfType, type EventKind } from '../event-catalog';
import { buildAsyncApiDocument, type Examples } from './asyncapi-document';

// Both src/asyncapi and dist/asyncapi sit two levels below the package root.
export const FIXTURES_DIR = join(__dirname, '../../src/fixtures/v1');
export const ASYNCAPI_PATH = join(__dirname, '../../../../docs/asyncapi.yaml');

const HEADER = '# GENERATED from packages/contracts by `npm run asyncapi` (in packages/contracts). Do not edit:\n# a test fails when this file differs from what the schemas produce.\n';

/** Every send-command fixture (what integrators copy) and the first fixture of every other kind. */
export const readExamples = (dir = FIXTURES_DIR): Examples => {
  const examples: Partial<Record<EventKind, unknown[]>> = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const payload = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { type?: string };
    const kind = eventKindOfType(payload.type ?? '');
    if (kind === undefined) continue;
    const list = (examples[kind] ??= []);
    if (list.length === 0 || kind === 'sendCommand') list.push(payload);
  }
  return examples;
};

export const renderAsyncApiYaml = (examples: Examples = readExamples()): string =>
  HEADER + stringify(buildAsyncApiDocument(examples), { lineWidth: 0, aliasDuplicateObjects: false });
