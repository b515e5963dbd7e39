import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { addExampleStacks, EXAMPLE_STACKS } from '../../examples/stacks';
import { runCli } from '../../src/cli/run';
import { exampleTenant } from '../helpers/examples';

/**
 * Every example stack ships What-If scenarios (examples/scenarios/<stack>.json);
 * `cdktf-entra-ca test` passes them against the synthesized stack, as CI runs it.
 */
const SCENARIOS = path.join(__dirname, '..', '..', 'examples', 'scenarios');
let outdir: string;

beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-scenarios-'));
  const app = new App({ outdir });
  addExampleStacks(app, exampleTenant());
  app.synth();
});

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

test('there is a scenarios file for every example stack, and no other', () => {
  expect(fs.readdirSync(SCENARIOS).sort()).toEqual(EXAMPLE_STACKS.map(([name]) => `${name}.json`).sort());
});

test.each(EXAMPLE_STACKS.map(([name]) => name))('the What-If scenarios of %s pass', (name) => {
  const result = runCli(['test', path.join(outdir, 'stacks', name), path.join(SCENARIOS, `${name}.json`)]);
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(/(\d+) scenarios: \1 passed, 0 failed/);
  expect(result.exitCode).toBe(0);
});
