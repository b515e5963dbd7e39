/**
 * The `templates-secure-foundation` example stack: Secure foundation from one TemplateBaseline, synthesized as
 * `cdktf synth` writes it, passes its What-If scenarios (examples/scenarios/templates-secure-foundation.json),
 * the lint rules and the provider facts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { EXAMPLE_STACKS, TemplatesSecureFoundationStack } from '../../examples/stacks';
import { ConditionalAccessRules, PolicyTemplate, TemplateCategory } from '../../src';
import { runCli } from '../../src/cli/run';
import { checkConditionalAccessFacts } from '../facts/conditional-access-facts';
import { exampleTenant } from '../helpers/examples';

const NAME = 'templates-secure-foundation';
const SCENARIOS = path.join(__dirname, '..', '..', 'examples', 'scenarios', `${NAME}.json`);

test('is one of the example stacks, with a scenarios file', () => {
  expect(EXAMPLE_STACKS.find(([name]) => name === NAME)?.[1]).toBe(TemplatesSecureFoundationStack);
  expect(fs.existsSync(SCENARIOS)).toBe(true);
});

test('deploys the Secure foundation templates, report-only, with no finding left and every fact kept', () => {
  const stack = new TemplatesSecureFoundationStack(Testing.app(), NAME, exampleTenant());
  expect(stack.baseline.templates).toEqual(PolicyTemplate.inCategory(TemplateCategory.SECURE_FOUNDATION));
  expect(ConditionalAccessRules.check(stack)).toEqual([]);
  const json = Testing.synth(stack, true);
  expect(checkConditionalAccessFacts(json)).toEqual([]);
  const policies = Object.values<any>(JSON.parse(json).resource.azuread_conditional_access_policy);
  expect(policies.map((p) => p.display_name).sort()).toEqual(stack.baseline.templates.map((t) => `CA200 - ${t.portalName}`).sort());
  for (const p of policies) expect(p.state).toBe('enabledForReportingButNotEnforced');
});

test('passes its What-If scenarios (cdktf-entra-ca test, as CI runs it)', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-templates-'));
  try {
    const app = new App({ outdir });
    new TemplatesSecureFoundationStack(app, NAME, exampleTenant());
    app.synth();
    const result = runCli(['test', path.join(outdir, 'stacks', NAME), SCENARIOS]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/(\d+) scenarios: \1 passed, 0 failed/);
    expect(result.exitCode).toBe(0);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
