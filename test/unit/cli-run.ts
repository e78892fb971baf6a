// Running the compiled `kam` (tsc's output, so a suite needs no bundle) as users run it: an English
// environment unless a test says otherwise, and JSON output checked against a schema fixture.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import Ajv from 'ajv';
import { readRepoFile, REPO_ROOT } from '../helpers';

const KAM = path.join(REPO_ROOT, 'out', 'server', 'src', 'cli', 'main.js');

export function kam(args: string[], cwd = REPO_ROOT) {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' };
  for (const key of ['LC_ALL', 'LC_MESSAGES']) delete env[key];
  return spawnSync(process.execPath, [KAM, ...args], { cwd, env, encoding: 'utf8' });
}

/** Parses JSON output and asserts it has exactly the shape of `test/fixtures/cli/<schema>.schema.json`. */
export function validJson<T>(output: string, schema: 'portfolio' | 'diff'): T {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readRepoFile('test', 'fixtures', 'cli', `${schema}.schema.json`)));
  const value = JSON.parse(output) as T;
  assert.ok(validate(value), JSON.stringify(validate.errors, null, 2));
  return value;
}
