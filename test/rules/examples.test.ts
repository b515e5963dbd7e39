import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing, TerraformStack } from 'cdktf';
import { addExampleStacks, EXAMPLE_STACKS } from '../../examples/stacks';
import {
  ConditionalAccessPolicy,
  ConditionalAccessRules,
  GrantControls,
  IncludedUsers,
  Principal,
  RuleSeverity,
  RuleSuppressions,
  TargetResources,
} from '../../src';
import { checkConditionalAccessFacts } from '../facts/conditional-access-facts';
import { exampleTenant } from '../helpers/examples';

/**
 * Issue 3: "None of the documented recipes in the examples may trigger an error."
 * The example app is built exactly as examples/main.ts builds it.
 */

function exampleApp(app: App): TerraformStack[] {
  return addExampleStacks(app, exampleTenant());
}

test('the example app has no error findings (checked before synth, as a user would)', () => {
  const app = Testing.app();
  exampleApp(app);
  const findings = ConditionalAccessRules.check(app);
  expect(findings.filter((f) => f.severity === RuleSeverity.ERROR)).toEqual([]);
  // The examples suppress CA2 and CA8 with written reasons; nothing else is left over.
  expect(findings).toEqual([]);
});

test.each(EXAMPLE_STACKS.map(([id]) => id))('example stack %s synthesizes with validations on and obeys every fact', (id) => {
  const app = Testing.app();
  const stack = exampleApp(app).find((s) => s.node.id === id)!;
  const json = Testing.synth(stack, true);
  expect(checkConditionalAccessFacts(json)).toEqual([]);
  expect(Object.keys(JSON.parse(json).resource.azuread_conditional_access_policy).length).toBeGreaterThanOrEqual(1);
  // Every policy stays report-only or off: the recipes are never switched on by an example.
  for (const p of Object.values<any>(JSON.parse(json).resource.azuread_conditional_access_policy)) {
    expect(['enabledForReportingButNotEnforced', 'disabled']).toContain(p.state);
  }
});

test('the example app synthesizes with app.synth() into a temporary directory', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-examples-'));
  try {
    const app = new App({ outdir });
    exampleApp(app);
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf-8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(EXAMPLE_STACKS.map(([id]) => id).sort());
    for (const s of Object.values<any>(manifest.stacks)) {
      expect(s.annotations.filter((a: any) => a.level === '@cdktf/error')).toEqual([]);
      const tf = JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), 'utf-8'));
      expect(checkConditionalAccessFacts(tf)).toEqual([]);
    }
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});

test('the rules do see the example stacks', () => {
  const app = Testing.app();
  const stacks = exampleApp(app);
  // The example warnings are suppressed per stack, with written reasons.
  for (const s of stacks) {
    expect(RuleSuppressions.of(s).reasonFor('CA2')).toMatch(/What-If/);
    expect(RuleSuppressions.of(s).reasonFor('CA8')).toMatch(/documentation ranges/);
  }
  // A policy that copies a recipe's display name into the same example stack is an error on both.
  new ConditionalAccessPolicy(stacks[0], 'Copy', {
    displayName: 'Combined Security Info Registration with TAP',
    includeUsers: IncludedUsers.select({ groups: [Principal.fromObjectId('00000000-0000-0000-0000-00000000a001')] }),
    target: TargetResources.allResources(),
    grant: GrantControls.requireMfa(),
  });
  expect(ConditionalAccessRules.check(app).map((f) => [f.ruleId, f.severity, f.path])).toEqual([
    ['CA5', RuleSeverity.ERROR, 'require-mfa-registration/Copy'],
    ['CA5', RuleSeverity.ERROR, 'require-mfa-registration/RequireMfa/Policy'],
  ]);
  expect(() => Testing.synth(stacks[0], true)).toThrow(/CA5/);
});
