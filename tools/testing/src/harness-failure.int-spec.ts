import { spawnSync } from 'node:child_process';
import path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../../..');

describe('npm test without its infrastructure', () => {
  it('fails the whole run, saying why, when PostgreSQL cannot be reached', () => {
    const run = spawnSync('npx', ['jest', '-c', 'tools/testing/jest.config.js', 'tools/testing/src/kafka.spec.ts'], {
      cwd: workspaceRoot,
      env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres' },
      encoding: 'utf8',
      timeout: 60_000,
    });

    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/PostgreSQL is not reachable at postgres:\/\/postgres@127\.0\.0\.1:1\/postgres/);
    expect(run.stdout + run.stderr).not.toMatch(/Tests:\s+\d+ passed/);
  }, 90_000);
});
