// The executable itself, spawned as a process (through ts-node, so no compiled lib/ is needed).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'what-if');

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register', MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'test', 'tsconfig.json'), TS_NODE_TRANSPILE_ONLY: 'true' },
    // generous: a throttled CI machine needs minutes to start ts-node and load cdktf
    timeout: 900_000,
  });
}

test('main.ts starts with a node shebang (package.json bin points at its compiled form)', () => {
  expect(fs.readFileSync(MAIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
});

test('the process exits 0 when every scenario passes, printing the summary', () => {
  const r = cli('test', path.join(FIXTURES, 'recipes'), path.join(FIXTURES, 'recipes.scenarios.json'));
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^4 scenarios: 4 passed, 0 failed$/m);
});

test('the process exits 2 on bad input, with the message on stderr', () => {
  const r = cli('what-if', path.join(FIXTURES, 'recipes'), '--scenario', path.join(FIXTURES, 'does-not-exist.json'));
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`error: ${path.join(FIXTURES, 'does-not-exist.json')}: cannot read the scenario (ENOENT); check the path\n`);
});
