import { ConditionalAccessPolicy as RawPolicy } from '@cdktf/provider-azuread/lib/conditional-access-policy';
import { Testing } from 'cdktf';
import { BREAK_GLASS, breakGlass, check, GROUP, newStack, quietPolicy } from './fixtures';
import {
  ConditionalAccessModel,
  ConditionalAccessRules,
  DirectoryRole,
  EmergencyAccess,
  GrantControls,
  IConditionalAccessRule,
  IncludedUsers,
  PolicyState,
  Principal,
  RuleSeverity,
  RuleSuppressions,
} from '../../src';

/**
 * Issue 8: the rules judge what is synthesized, so a raw L1 policy and an L2 policy changed
 * through its escape hatch are linted exactly like a plain L2 policy.
 */

const LOCKOUT = /\[CA1\] policy 'Block everyone' is on and blocks All users without excluding emergency-access accounts/;

function rawLockout(scope: ReturnType<typeof newStack>, id = 'Raw', excludedGroups?: string[]): RawPolicy {
  return new RawPolicy(scope, id, {
    displayName: 'Block everyone',
    state: 'enabled',
    conditions: {
      clientAppTypes: ['all'],
      applications: { includedApplications: ['All'] },
      users: { includedUsers: ['All'], excludedGroups },
    },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  });
}

describe('raw L1 resources and escape hatches are linted', () => {
  test('a raw L1 lockout policy fails synth with CA1 (once a library construct or ConditionalAccessRules.of registers the rules)', () => {
    const stack = newStack();
    rawLockout(stack);
    ConditionalAccessRules.of(stack);
    expect(() => Testing.synth(stack, true)).toThrow(LOCKOUT);
    expect(check(stack).map((f) => [f.ruleId, f.path])).toEqual([['CA1', 'stack/Raw']]);
  });

  test('a raw L1 lockout policy in a stack with library constructs fails synth without any opt-in', () => {
    const stack = newStack();
    quietPolicy(stack);
    rawLockout(stack);
    expect(() => Testing.synth(stack, true)).toThrow(LOCKOUT);
  });

  test('an L2 policy switched on through its escape hatch fails synth like a plain L2', () => {
    const stack = newStack();
    const p = quietPolicy(stack, 'Policy', { displayName: 'Block everyone', includeUsers: IncludedUsers.all(), grant: GrantControls.block(), state: PolicyState.REPORT_ONLY });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    p.resource.state = 'enabled';
    expect(() => Testing.synth(stack, true)).toThrow(LOCKOUT);
  });

  test('an L2 policy whose exclusions are overridden away fails synth', () => {
    const stack = newStack();
    const p = quietPolicy(stack, 'Policy', { displayName: 'Block everyone', includeUsers: IncludedUsers.all(), grant: GrantControls.block(), emergencyAccess: breakGlass });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    // cdktf appends list overrides; undefined deletes the attribute
    p.resource.addOverride('conditions.users.excluded_groups', undefined);
    expect(() => Testing.synth(stack, true)).toThrow(`but does not exclude the emergency-access account(s) declared for it: ${BREAK_GLASS}`);
  });

  test('a raw L1 policy must exclude the accounts EmergencyAccess.of(scope) declares', () => {
    const stack = newStack();
    EmergencyAccess.of(stack).exclude(breakGlass);
    rawLockout(stack, 'Raw', [GROUP]);
    ConditionalAccessRules.of(stack);
    expect(check(stack).map((f) => f.message)).toEqual([
      `[CA1] policy 'Block everyone' is on and blocks All users but does not exclude the emergency-access account(s) declared for it: ${BREAK_GLASS}; exclude them (excludeUsers / excludeGroups), or let the library add them: keep the policy an L2 ConditionalAccessPolicy and do not override its exclusions`,
    ]);
  });

  test('a suppression on the raw resource or its scope is honoured', () => {
    const stack = newStack();
    const raw = rawLockout(stack);
    ConditionalAccessRules.of(stack);
    RuleSuppressions.of(raw).add('CA1', 'Break-glass accounts are excluded by a policy exclusion group managed elsewhere');
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe('lockout (issue 9)', () => {
  test('an enabled requirement on a privileged directory role without emergency access is an error', () => {
    const stack = newStack();
    quietPolicy(stack, 'Admins', { includeUsers: IncludedUsers.select({ roles: [DirectoryRole.GLOBAL_ADMINISTRATOR, DirectoryRole.PRIVILEGED_ROLE_ADMINISTRATOR] }) });
    expect(check(stack)).toEqual([{
      ruleId: 'CA1',
      severity: RuleSeverity.ERROR,
      path: 'stack/Admins',
      message: "[CA1] policy 'Require MFA (Admins)' is on and requires controls for privileged directory roles (Global Administrator, Privileged Role Administrator) without excluding emergency-access accounts; set emergencyAccess or call EmergencyAccess.of(scope).exclude(...)",
    }]);
  });

  test('a non-privileged role (Billing Administrator) is not a lockout', () => {
    const stack = newStack();
    quietPolicy(stack, 'Billing', { includeUsers: IncludedUsers.select({ roles: [DirectoryRole.BILLING_ADMINISTRATOR] }) });
    expect(check(stack)).toEqual([]);
  });

  test('a policy only on guests is a warning, not an error, and synth passes', () => {
    const stack = newStack();
    quietPolicy(stack, 'Guests', { includeUsers: IncludedUsers.allGuestsOrExternalUsers(), grant: GrantControls.block() });
    expect(check(stack).map((f) => [f.ruleId, f.severity])).toEqual([['CA1', RuleSeverity.WARNING]]);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('accounts declared with EmergencyAccess but excluded through excludeUsers count as excluded', () => {
    const stack = newStack();
    rawLockout(stack, 'Raw', [BREAK_GLASS]);
    EmergencyAccess.of(stack).exclude(breakGlass);
    ConditionalAccessRules.of(stack);
    quietPolicy(stack, 'L2', { includeUsers: IncludedUsers.all(), excludeUsers: { groups: [Principal.fromObjectId(BREAK_GLASS)] } });
    expect(check(stack)).toEqual([]);
  });
});

describe('your own rules', () => {
  const noDisabled: IConditionalAccessRule = {
    id: 'ACME1',
    name: 'no-disabled-policies',
    severity: RuleSeverity.ERROR,
    explanation: 'Disabled policies rot; delete them from code instead.',
    source: 'ACME baseline 4.2',
    check: (model) => model.policies
      .filter((p) => p.state === 'disabled')
      .map((p) => ({ address: p.address, message: `policy '${p.displayName}' is disabled`, fix: 'delete it' })),
  };

  test('a rule added on the app runs on its stacks, fails synth, and can be suppressed', () => {
    const app = Testing.app();
    const stack = newStack(app);
    const p = quietPolicy(stack, 'Off', { state: PolicyState.OFF });
    ConditionalAccessRules.of(app).addRules(noDisabled);
    expect(check(stack)).toEqual([{ ruleId: 'ACME1', severity: RuleSeverity.ERROR, path: 'stack/Off', message: "[ACME1] policy 'Require MFA (Off)' is disabled; delete it" }]);
    expect(() => Testing.synth(stack, true)).toThrow("stack/Off: [ACME1] policy 'Require MFA (Off)' is disabled; delete it");
    RuleSuppressions.of(p).add('ACME1', 'Kept off until the pilot group is ready');
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('a pack adds its rules; ids of the library are refused', () => {
    const stack = newStack();
    quietPolicy(stack, 'Off', { state: PolicyState.OFF });
    ConditionalAccessRules.of(stack).addPack({ name: 'acme', rules: [noDisabled] });
    expect(check(stack).map((f) => f.ruleId)).toEqual(['ACME1']);
    expect(() => ConditionalAccessRules.of(stack).addRules({ ...noDisabled, id: 'CA1' })).toThrow("rules[0]: 'CA1' is not a rule of your own");
  });

  test('ConditionalAccessRules.lint judges a model read from a synthesized file, with its recorded suppressions', () => {
    const stack = newStack();
    const p = quietPolicy(stack, 'Policy', { includeUsers: IncludedUsers.all(), state: PolicyState.ON });
    RuleSuppressions.of(p).add('CA1', 'Break-glass accounts are excluded by a policy exclusion group managed elsewhere');
    const model = ConditionalAccessModel.fromStack(stack);
    expect(model.policies[0].suppressions).toEqual({ CA1: 'Break-glass accounts are excluded by a policy exclusion group managed elsewhere' });
    expect(ConditionalAccessRules.lint(model)).toEqual([]);
    expect(ConditionalAccessRules.lint(model, [noDisabled])).toEqual([]);
  });
});
