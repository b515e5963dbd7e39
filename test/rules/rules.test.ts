import { App, Testing } from 'cdktf';
import { breakGlass, check, GROUP, newStack, quietPolicy } from './fixtures';
import {
  AuthenticationMethodCombination,
  AuthenticationStrength,
  ConditionalAccessRules,
  CountryNamedLocation,
  CustomAuthenticationStrength,
  DirectoryRole,
  EmergencyAccess,
  GrantControls,
  GuestsOrExternalUsers,
  IncludedUsers,
  IpNamedLocation,
  Location,
  NamedLocation,
  PolicyState,
  Principal,
  RuleSeverity,
  TargetResources,
  UserAction,
} from '../../src';

/**
 * One test per rule that triggers it (id, severity, path, message) and one that
 * shows it quiet for the correct configuration.
 */

const MFA_ALL = 'Require MFA (Policy)';

describe('rule catalogue', () => {
  test('CA1-CA14, each with a severity, a one-line explanation and a source', () => {
    expect(ConditionalAccessRules.RULES.map((r) => [r.id, r.severity])).toEqual([
      ['CA1', RuleSeverity.ERROR],
      ['CA2', RuleSeverity.WARNING],
      ['CA3', RuleSeverity.WARNING],
      ['CA4', RuleSeverity.WARNING],
      ['CA5', RuleSeverity.ERROR],
      ['CA6', RuleSeverity.ERROR],
      ['CA7', RuleSeverity.WARNING],
      ['CA8', RuleSeverity.WARNING],
      ['CA9', RuleSeverity.ERROR],
      ['CA10', RuleSeverity.WARNING],
      ['CA11', RuleSeverity.WARNING],
      ['CA12', RuleSeverity.WARNING],
      ['CA13', RuleSeverity.WARNING],
      ['CA14', RuleSeverity.WARNING],
    ]);
    for (const r of ConditionalAccessRules.RULES) {
      expect(r.explanation).not.toContain('\n');
      expect(r.explanation.length).toBeGreaterThan(20);
      expect(r.source.length).toBeGreaterThan(5);
    }
  });

  test('a quiet app has no findings', () => {
    const stack = newStack();
    quietPolicy(stack);
    expect(check(stack)).toEqual([]);
  });
});

describe('CA1 lockout', () => {
  test('an ON policy that requires controls for All users without emergency access is an error', () => {
    const stack = newStack();
    quietPolicy(stack, 'Policy', { includeUsers: IncludedUsers.all() });
    expect(check(stack)).toEqual([{
      ruleId: 'CA1',
      severity: RuleSeverity.ERROR,
      path: 'stack/Policy',
      message: `[CA1] policy '${MFA_ALL}' is on and requires controls for All users without excluding emergency-access accounts; set emergencyAccess or call EmergencyAccess.of(scope).exclude(...)`,
    }]);
  });

  test('an ON policy that blocks all guests without emergency access is a warning (guests cannot lock members out)', () => {
    const stack = newStack();
    quietPolicy(stack, 'Policy', { includeUsers: IncludedUsers.allGuestsOrExternalUsers(), grant: GrantControls.block() });
    expect(check(stack)).toEqual([expect.objectContaining({
      ruleId: 'CA1',
      severity: RuleSeverity.WARNING,
      message: `[CA1] policy '${MFA_ALL}' is on and blocks all guest and external users without excluding emergency-access accounts; set emergencyAccess or call EmergencyAccess.of(scope).exclude(...)`,
    })]);
  });

  test('quiet with an emergency-access exclusion, when report-only, when off, or for selected users', () => {
    const stack = newStack();
    quietPolicy(stack, 'Excluded', { includeUsers: IncludedUsers.all(), grant: GrantControls.block(), emergencyAccess: breakGlass });
    quietPolicy(stack, 'ReportOnly', { includeUsers: IncludedUsers.all(), state: PolicyState.REPORT_ONLY });
    quietPolicy(stack, 'Off', { includeUsers: IncludedUsers.all(), grant: GrantControls.block(), state: PolicyState.OFF });
    quietPolicy(stack, 'Selected', { grant: GrantControls.block() });
    expect(check(stack)).toEqual([]);
  });

  test('EmergencyAccess.of(scope) counts before synth, when its aspect has not run yet', () => {
    const stack = newStack();
    quietPolicy(stack, 'Policy', { includeUsers: IncludedUsers.all() });
    expect(check(stack).map((f) => f.ruleId)).toEqual(['CA1']);
    EmergencyAccess.of(stack).exclude({ groups: [Principal.fromObjectId(GROUP)] });
    expect(check(stack)).toEqual([]);
  });

  test('a later excludeEmergencyAccess() call also counts', () => {
    const stack = newStack();
    const p = quietPolicy(stack, 'Policy', { includeUsers: IncludedUsers.all() });
    expect(check(stack).map((f) => f.ruleId)).toEqual(['CA1']);
    p.excludeEmergencyAccess({ users: [Principal.fromObjectId(GROUP)] });
    expect(check(stack)).toEqual([]);
  });
});

describe('CA2 report-only user action', () => {
  test('a report-only policy on a user action is a warning', () => {
    const stack = newStack();
    quietPolicy(stack, 'Policy', { state: PolicyState.REPORT_ONLY, target: TargetResources.userActions(UserAction.REGISTER_SECURITY_INFORMATION) });
    expect(check(stack)).toEqual([{
      ruleId: 'CA2',
      severity: RuleSeverity.WARNING,
      path: 'stack/Policy',
      message: `[CA2] policy '${MFA_ALL}' is report-only on a user action; report-only is not evaluated for user actions, so test it with What-If (cdktf-entra-ca what-if) before turning it on`,
    }]);
  });

  test('quiet for an ON user-action policy and for a report-only application policy', () => {
    const stack = newStack();
    quietPolicy(stack, 'On', { target: TargetResources.userActions(UserAction.REGISTER_SECURITY_INFORMATION) });
    quietPolicy(stack, 'ReportOnlyApps', { state: PolicyState.REPORT_ONLY });
    expect(check(stack)).toEqual([]);
  });
});

describe('CA3 a strength guests cannot satisfy', () => {
  type TerraformStackOf = ReturnType<typeof newStack>;
  function strength(stack: TerraformStackOf, id: string, ...combinations: AuthenticationMethodCombination[]): CustomAuthenticationStrength {
    return new CustomAuthenticationStrength(stack, id, { displayName: id, allowedCombinations: combinations });
  }
  const TAP = AuthenticationMethodCombination.TEMPORARY_ACCESS_PASS_ONE_TIME;

  test('a strength whose every combination needs TAP (or another method guests cannot use) while All users are in scope is a warning naming the methods', () => {
    const stack = newStack();
    quietPolicy(stack, 'Policy', {
      includeUsers: IncludedUsers.all(),
      emergencyAccess: breakGlass,
      grant: GrantControls.requireAuthenticationStrength(strength(stack, 'TAP or federated', TAP, AuthenticationMethodCombination.FEDERATED_MULTI_FACTOR)),
    });
    expect(check(stack)).toEqual([{
      ruleId: 'CA3',
      severity: RuleSeverity.WARNING,
      path: 'stack/Policy',
      message: `[CA3] policy '${MFA_ALL}' requires the strength 'TAP or federated' while guests are included, and every one of its combinations needs a method guests cannot use `
        + '(Temporary Access Pass (one-time use), Federated multifactor); Graph accepts it, and guests in scope cannot satisfy it, so they are blocked; '
        + 'exclude guests (GuestsOrExternalUsers.ALL) or allow a combination guests have, e.g. password with Microsoft Authenticator push, SMS or an OATH token',
    }]);
  });

  test('quiet when one combination is usable by guests: the built-in Multifactor authentication (it also allows TAP), TAP or passkey, and the other built-ins', () => {
    const stack = newStack();
    const all = { includeUsers: IncludedUsers.all(), emergencyAccess: breakGlass };
    quietPolicy(stack, 'BuiltInMfa', { ...all, grant: GrantControls.requireAuthenticationStrength(AuthenticationStrength.MULTIFACTOR_AUTHENTICATION) });
    quietPolicy(stack, 'TapOrPasskey', { ...all, grant: GrantControls.requireAuthenticationStrength(strength(stack, 'TAP or passkey', TAP, AuthenticationMethodCombination.FIDO2)) });
    quietPolicy(stack, 'Passwordless', { ...all, grant: GrantControls.requireAuthenticationStrength(AuthenticationStrength.PASSWORDLESS_MFA) });
    quietPolicy(stack, 'PhishingResistant', { ...all, grant: GrantControls.requireAuthenticationStrength(AuthenticationStrength.PHISHING_RESISTANT_MFA) });
    expect(check(stack)).toEqual([]);
  });

  test('quiet when guests are excluded', () => {
    const stack = newStack();
    quietPolicy(stack, 'GuestsExcluded', {
      includeUsers: IncludedUsers.all(),
      excludeUsers: { guestsOrExternalUsers: GuestsOrExternalUsers.ALL },
      emergencyAccess: breakGlass,
      grant: GrantControls.requireAuthenticationStrength(strength(stack, 'TAP only', TAP)),
    });
    expect(check(stack)).toEqual([]);
  });
});

describe('CA4 AllTrusted without a trusted location', () => {
  function outsideTrusted(stack: ReturnType<typeof newStack>): void {
    quietPolicy(stack, 'Policy', { includeLocations: [Location.ALL], excludeLocations: [Location.ALL_TRUSTED] });
  }

  test('excluding AllTrusted with no trusted IP location in the stack is a warning (a country location does not count)', () => {
    const stack = newStack();
    new IpNamedLocation(stack, 'Untrusted', { displayName: 'Untrusted', ipRanges: ['20.40.0.0/16'] });
    new CountryNamedLocation(stack, 'Countries', { displayName: 'Countries', countriesAndRegions: ['FR'] });
    outsideTrusted(stack);
    expect(check(stack)).toEqual([{
      ruleId: 'CA4',
      severity: RuleSeverity.WARNING,
      path: 'stack/Policy',
      message: `[CA4] policy '${MFA_ALL}' excludes Location.ALL_TRUSTED but the stack defines or imports no trusted IP location; add an IpNamedLocation with trusted: true or import the tenant's trusted locations`,
    }]);
  });

  test('quiet with a trusted IP location in the stack; one in another stack (another tenant) does not count', () => {
    const stack = newStack();
    const other = newStack(stack.node.root as App, 'network');
    new IpNamedLocation(other, 'Office', { displayName: 'Office', ipRanges: ['20.40.0.0/16'], trusted: true });
    outsideTrusted(stack);
    expect(check(stack).map((f) => f.ruleId)).toEqual(['CA4']);
    new IpNamedLocation(stack, 'Office', { displayName: 'Office', ipRanges: ['20.40.0.0/16'], trusted: true });
    expect(check(stack)).toEqual([]);
  });

  test('quiet when a policy names a location the stack does not define (a tenant location, trust unknown)', () => {
    const stack = newStack();
    quietPolicy(stack, 'Policy', { includeLocations: [NamedLocation.fromObjectId(stack, 'Hq', '0f0f0f0f-0000-4000-8000-000000000001')], excludeLocations: [Location.ALL_TRUSTED] });
    expect(check(stack)).toEqual([]);
  });

  test('quiet with an imported location (its trust is unknown)', () => {
    const stack = newStack();
    NamedLocation.fromDisplayName(stack, 'Existing', 'Corporate networks');
    outsideTrusted(stack);
    expect(check(stack)).toEqual([]);
  });
});

describe('CA5 duplicate display names', () => {
  test('two policies with one name in one stack are both errors', () => {
    const stack = newStack();
    quietPolicy(stack, 'One', { displayName: 'Same name' });
    quietPolicy(stack, 'Two', { displayName: 'Same name' });
    expect(check(stack)).toEqual([
      {
        ruleId: 'CA5',
        severity: RuleSeverity.ERROR,
        path: 'stack/One',
        message: "[CA5] display name 'Same name' is also used by stack/Two; give each policy a unique name",
      },
      {
        ruleId: 'CA5',
        severity: RuleSeverity.ERROR,
        path: 'stack/Two',
        message: "[CA5] display name 'Same name' is also used by stack/One; give each policy a unique name",
      },
    ]);
  });

  test('two stacks (two tenants) with the same names are quiet and synthesize', () => {
    const stack = newStack();
    const other = newStack(stack.node.root as App, 'other');
    quietPolicy(stack, 'One', { displayName: 'Same name' });
    quietPolicy(other, 'Two', { displayName: 'Same name' });
    expect(check(stack.node.root)).toEqual([]);
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(() => Testing.synth(other, true)).not.toThrow();
  });

  test('quiet for distinct names (case matters to Graph)', () => {
    const stack = newStack();
    quietPolicy(stack, 'One', { displayName: 'Same name' });
    quietPolicy(stack, 'Two', { displayName: 'Same Name' });
    expect(check(stack)).toEqual([]);
  });
});

describe('CA6 tenant limits', () => {
  test('196 policies is an error on the stack; 195 is quiet', () => {
    const stack = newStack();
    for (let i = 0; i < 195; i++) quietPolicy(stack, `P${i}`);
    expect(check(stack)).toEqual([]);
    quietPolicy(stack, 'P195');
    expect(check(stack)).toEqual([{
      ruleId: 'CA6',
      severity: RuleSeverity.ERROR,
      path: 'stack',
      message: '[CA6] the stack defines 196 Conditional Access policies; a tenant holds at most 195; split them over tenants or remove some',
    }]);
  });

  test('196 IP named locations is an error; country locations do not count', () => {
    const stack = newStack();
    for (let i = 0; i < 195; i++) {
      new IpNamedLocation(stack, `L${i}`, { displayName: `L${i}`, ipRanges: [`20.${40 + Math.floor(i / 256)}.${i % 256}.0/24`] });
    }
    new CountryNamedLocation(stack, 'Countries', { displayName: 'Countries', countriesAndRegions: ['FR'] });
    expect(check(stack)).toEqual([]);
    new IpNamedLocation(stack, 'L195', { displayName: 'L195', ipRanges: ['20.41.0.0/24'] });
    expect(check(stack)).toEqual([expect.objectContaining({
      ruleId: 'CA6',
      severity: RuleSeverity.ERROR,
      path: 'stack',
      message: '[CA6] the stack defines 196 IP named locations; a tenant holds at most 195; split them over tenants or remove some',
    })]);
  });

  test('16 custom authentication strengths in one stack is an error; spread over two stacks (tenants) it is not', () => {
    const stack = newStack();
    const other = newStack(stack.node.root as App, 'other');
    for (let i = 0; i < 15; i++) {
      new CustomAuthenticationStrength(stack, `S${i}`, { displayName: `S${i}`, allowedCombinations: [AuthenticationMethodCombination.FIDO2] });
    }
    new CustomAuthenticationStrength(other, 'S15', { displayName: 'S15', allowedCombinations: [AuthenticationMethodCombination.FIDO2] });
    expect(check(stack.node.root)).toEqual([]);
    new CustomAuthenticationStrength(stack, 'S16', { displayName: 'S16', allowedCombinations: [AuthenticationMethodCombination.FIDO2] });
    expect(check(stack.node.root)).toEqual([{
      ruleId: 'CA6',
      severity: RuleSeverity.ERROR,
      path: 'stack',
      message: '[CA6] the stack defines 16 custom authentication strengths; a tenant holds at most 15; split them over tenants or remove some',
    }]);
  });
});

describe('CA7 excluded directory roles', () => {
  test('excluding a role is a warning', () => {
    const stack = newStack();
    quietPolicy(stack, 'Policy', { excludeUsers: { roles: [DirectoryRole.GLOBAL_ADMINISTRATOR, DirectoryRole.SECURITY_ADMINISTRATOR] } });
    expect(check(stack)).toEqual([{
      ruleId: 'CA7',
      severity: RuleSeverity.WARNING,
      path: 'stack/Policy',
      message: `[CA7] policy '${MFA_ALL}' excludes 2 directory role(s); cover privileged roles and exclude emergency-access accounts instead`,
    }]);
  });

  test('including roles is quiet', () => {
    const stack = newStack();
    quietPolicy(stack, 'Policy', { includeUsers: IncludedUsers.select({ roles: [DirectoryRole.GLOBAL_ADMINISTRATOR] }), emergencyAccess: breakGlass });
    expect(check(stack)).toEqual([]);
  });
});

describe('CA8 non-public IP ranges', () => {
  test.each([
    ['10.1.0.0/16', 'private'],
    ['192.168.10.0/24', 'private'],
    ['203.0.113.0/24', 'reserved'],
    ['100.64.0.0/10', 'carrierGradeNat'],
    ['fd00:1234::/32', 'uniqueLocal'],
    ['2001:db8::/32', 'reserved'],
  ])('%s (%s) is a warning on the location', (range, kind) => {
    const stack = newStack();
    new IpNamedLocation(stack, 'Office', { displayName: 'Office', ipRanges: ['20.40.0.0/16', range] });
    expect(check(stack)).toEqual([{
      ruleId: 'CA8',
      severity: RuleSeverity.WARNING,
      path: 'stack/Office',
      message: `[CA8] ipRanges: '${range}' is in ${kind} address space, which sign-ins to Entra ID never come from; list the network's public egress ranges`,
    }]);
  });

  test('public unicast ranges are quiet', () => {
    const stack = newStack();
    new IpNamedLocation(stack, 'Office', { displayName: 'Office', ipRanges: ['20.40.0.0/16', '131.107.0.0/16', '2603:1000::/24'] });
    expect(check(stack)).toEqual([]);
  });
});
