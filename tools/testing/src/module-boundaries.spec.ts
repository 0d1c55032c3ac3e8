import { execFileSync } from 'node:child_process';
import path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../../..');
const BOUNDARY_RULES = ['@nx/enforce-module-boundaries', 'no-restricted-imports'];

interface LintCase {
  project: string;
  code: string;
}

// ESLint loads its config with a dynamic import, which jest's sandbox refuses: lint in a child process.
const LINT_CASES_SCRIPT = `
const { ESLint } = require('eslint');
const path = require('node:path');
const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
(async () => {
  const out = [];
  for (const { project, code } of cases) {
    const [result] = await eslint.lintText(code, { filePath: path.join(process.cwd(), project, 'src/index.ts') });
    out.push(result.messages.filter((m) => ${JSON.stringify(BOUNDARY_RULES)}.includes(m.ruleId)).map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

/** Lints each case's code as if it were its project's entry file, with the workspace's real ESLint config. */
function boundaryViolations(cases: LintCase[]): string[][] {
  const output = execFileSync('node', ['-e', LINT_CASES_SCRIPT], {
    cwd: workspaceRoot,
    input: JSON.stringify(cases),
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  return JSON.parse(output) as string[][];
}

const forbidden: Array<[string, string, string]> = [
  ['packages/domain', "import '@recado/contracts';", 'domain imports another project of ours'],
  ['packages/domain', "import { DataSource } from 'typeorm';", 'domain imports the ORM'],
  ['packages/domain', "import { Client } from 'pg';", 'domain imports the database driver'],
  ['packages/domain', "import 'typeorm';", 'domain imports an I/O package'],
  ['packages/domain', "import 'kafkajs';", 'domain imports the Kafka client'],
  ['packages/contracts', "import '@recado/persistence';", 'contracts import something other than domain'],
  ['services/gateway', "import '@recado/dispatcher';", 'a service imports another service'],
  ['services/dispatcher', "import '@recado/webhook-ingest';", 'a service imports another service'],
  ['packages/persistence', "import '@recado/testing';", 'production code imports a test tool'],
];

const allowed: Array<[string, string]> = [
  ['packages/contracts', "import '@recado/domain';"],
  ['services/dispatcher', "import '@recado/persistence';"],
  ['services/gateway', "import '@recado/contracts';"],
];

describe('module boundaries (lint)', () => {
  beforeAll(() => {
    // The Nx rule reads the cached project graph; without it the rule would silently skip.
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: workspaceRoot, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  }, 60_000);

  let forbiddenResults: string[][];
  let allowedResults: string[][];

  beforeAll(() => {
    const results = boundaryViolations([...forbidden, ...allowed].map(([project, code]) => ({ project, code })));
    forbiddenResults = results.slice(0, forbidden.length);
    allowedResults = results.slice(forbidden.length);
  }, 120_000);

  it.each(forbidden.map((row, index) => [...row, index] as const))('%s: %s fails lint (%s)', (_project, _code, _why, index) => {
    expect(forbiddenResults[index]).not.toEqual([]);
  });

  it.each(allowed.map((row, index) => [...row, index] as const))('%s: %s is allowed', (_project, _code, index) => {
    expect(allowedResults[index]).toEqual([]);
  });
});
