/* eslint-disable @stylistic/max-len */
// Issue 20, "never stricter than Graph": shapes real tenants hold (so Graph accepted them) are
// accepted by the constructs, written by hand or imported, synthesize, round-trip through
// import → synth → export, and are reported by a lint rule (a warning) that says what Graph does
// with them. Fixtures are our own, modelled on the shapes the issue names.
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { Testing } from 'cdktf';
import { BREAK_GLASS, newStack } from './fixtures';
import {
  BuiltInControl,
  ConditionalAccessPolicy,
  ConditionalAccessPolicyProps,
  ConditionalAccessRules,
  ExternalTenants,
  GrantControls,
  GraphExport,
  GraphImport,
  GuestOrExternalUserType,
  GuestsOrExternalUsers,
  ImportStatus,
  IncludedUsers,
  Location,
  PolicyState,
  Principal,
  RiskLevel,
  RuleFinding,
  RuleSeverity,
  SignInFrequency,
  TargetResources,
  UserAction,
} from '../../src';
import { GROUP_BREAK_GLASS, USER_A, instantiate, list, policy } from '../graph/fixtures';

const USER = '1c6f6dae-6b63-4d47-8b10-404b1cab1b02';

/** The policy, synthesized: its resource body and the lint findings on it. */
function handWritten(props: Partial<ConditionalAccessPolicyProps>): { body: any; findings: RuleFinding[] } {
  const stack = newStack();
  new ConditionalAccessPolicy(stack, 'Policy', {
    displayName: 'Shape',
    state: PolicyState.ON,
    includeUsers: IncludedUsers.all(),
    emergencyAccess: { groups: [Principal.fromObjectId(BREAK_GLASS)] },
    target: TargetResources.allResources(),
    grant: GrantControls.requireMfa(),
    ...props,
  });
  const json = JSON.parse(Testing.synth(stack, true));
  const body = Object.values(json.resource.azuread_conditional_access_policy)[0] as any;
  return { body, findings: ConditionalAccessRules.check(stack) };
}

/** Graph JSON → import → generated module → synth → export; the lint findings of the synthesized stack. */
function imported(graph: Record<string, any>): { result: GraphImport; differences: unknown[]; findings: RuleFinding[] } {
  const input = list(graph);
  const result = GraphImport.fromJson(input, 'tenant.json');
  const { stack } = instantiate(result.toTypeScript());
  new AzureadProvider(stack, 'azuread', {});
  // with validations: the lint rules run, and no finding fails synth
  expect(() => Testing.synth(stack, true)).not.toThrow();
  return { result, differences: GraphExport.fromStack(stack).compareWith(input), findings: ConditionalAccessRules.check(stack) };
}

const summary = (findings: RuleFinding[]) => findings.map((f) => [f.ruleId, f.severity]);

describe('sign-in frequency every time on the register security information user action (doc 001 "Combined Security Info Registration with TAP", every-time reauthentication)', () => {
  const CA11 = "policy 'Shape' sets sign-in frequency every time on the user action 'Register security information' without a user or sign-in risk condition; Graph accepts it (its beta reference lists any application and user actions) and asks for reauthentication at every sign-in in scope, while its v1.0 reference names only risky users, risky sign-ins and Intune enrollment";

  test('written by hand: synthesizes every time on the user action, CA11 warns with what Graph does', () => {
    const { body, findings } = handWritten({
      excludeUsers: { guestsOrExternalUsers: GuestsOrExternalUsers.ALL },
      target: TargetResources.userActions(UserAction.REGISTER_SECURITY_INFORMATION),
      session: { signInFrequency: SignInFrequency.everyTime() },
    });
    expect(body.conditions.applications).toEqual({ included_user_actions: ['urn:user:registersecurityinfo'] });
    expect(body.session_controls).toEqual({ sign_in_frequency_interval: 'everyTime', sign_in_frequency_authentication_type: 'primaryAndSecondaryAuthentication' });
    expect(findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([['CA11', RuleSeverity.WARNING, CA11]]);
  });

  test('every time is accepted wherever the beta sentence lists it: all resources, selected apps, risky users and sign-ins; CA11 is quiet with a risk condition', () => {
    expect(summary(handWritten({ session: { signInFrequency: SignInFrequency.everyTime() } }).findings)).toEqual([['CA11', RuleSeverity.WARNING]]);
    expect(handWritten({ signInRiskLevels: [RiskLevel.HIGH], session: { signInFrequency: SignInFrequency.everyTime() } }).findings).toEqual([]);
    expect(handWritten({ userRiskLevels: [RiskLevel.HIGH], session: { signInFrequency: SignInFrequency.everyTime() } }).findings).toEqual([]);
  });

  test('imported: converted as is, synthesizes, round-trips, and CA11 warns', () => {
    const graph = policy({ displayName: 'Combined Security Info Registration with TAP', sessionControls: { signInFrequency: { isEnabled: true, frequencyInterval: 'everyTime', authenticationType: 'primaryAndSecondaryAuthentication', type: null, value: null } } }, {
      applications: { includeApplications: [], excludeApplications: [], includeUserActions: ['urn:user:registersecurityinfo'] }, clientAppTypes: ['all'], locations: null,
    });
    const { result, differences, findings } = imported(graph);
    expect(result.policies[0].status).toBe(ImportStatus.CONVERTED);
    expect(differences).toEqual([]);
    expect(summary(findings)).toEqual([['CA11', RuleSeverity.WARNING]]);
  });
});

describe('require password change (with MFA, user risk) without sign-in frequency every time', () => {
  const props: Partial<ConditionalAccessPolicyProps> = {
    userRiskLevels: [RiskLevel.HIGH],
    grant: GrantControls.requireAll({ builtInControls: [BuiltInControl.MFA, BuiltInControl.PASSWORD_CHANGE] }),
  };

  test('written by hand: synthesizes without a session block, CA12 warns with what Graph does', () => {
    const { body, findings } = handWritten(props);
    expect(body.grant_controls).toEqual({ operator: 'AND', built_in_controls: ['mfa', 'passwordChange'] });
    expect(body.session_controls).toBeUndefined();
    expect(findings.map((f) => [f.ruleId, f.severity, f.message, f.fix])).toEqual([['CA12', RuleSeverity.WARNING,
      "policy 'Shape' requires a password change without sign-in frequency every time; Graph accepts and keeps it as written (no reauthentication is forced), while Learn's recipe selects every time with it",
      'add session: { signInFrequency: SignInFrequency.everyTime() } (sign_in_frequency_interval = "everyTime"), or suppress CA12 with the reason']]);
  });

  test('with every time CA12 is quiet; what Graph rejects (no user risk) still throws', () => {
    expect(handWritten({ ...props, session: { signInFrequency: SignInFrequency.everyTime() } }).findings).toEqual([]);
    expect(() => handWritten({ ...props, userRiskLevels: undefined })).toThrow(/\('Shape'\): grant: requires passwordChange without userRiskLevels; /);
  });

  test('imported: converted as is, synthesizes, round-trips, and CA12 warns', () => {
    const graph = policy({ displayName: 'Require password change for high-risk users', grantControls: { operator: 'AND', builtInControls: ['mfa', 'passwordChange'], customAuthenticationFactors: [], termsOfUse: [], authenticationStrength: null } }, {
      userRiskLevels: ['high'], clientAppTypes: ['all'], locations: null, applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [] },
    });
    const { result, differences, findings } = imported(graph);
    expect(result.policies[0].status).toBe(ImportStatus.CONVERTED);
    expect(differences).toEqual([]);
    expect(summary(findings)).toEqual([['CA12', RuleSeverity.WARNING]]);
  });
});

describe('guests of type service provider from an enumerated list of no external tenant', () => {
  const serviceProviders = (tenants: ExternalTenants) => GuestsOrExternalUsers.of({ types: [GuestOrExternalUserType.SERVICE_PROVIDER], externalTenants: tenants });

  test('written by hand: ExternalTenants.enumerated() with no id synthesizes an enumerated block (no members), CA13 warns with what Graph does', () => {
    const { body, findings } = handWritten({ includeUsers: IncludedUsers.select({ guestsOrExternalUsers: serviceProviders(ExternalTenants.enumerated()) }) });
    expect(body.conditions.users.included_guests_or_external_users).toEqual([{ guest_or_external_user_types: ['serviceProvider'], external_tenants: [{ membership_kind: 'enumerated' }] }]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([['CA13', RuleSeverity.WARNING,
      "policy 'Shape' includes guest or external users (serviceProvider) from an enumerated list of external tenants that lists none; Graph accepts it and matches no guest from it, so this part of the inclusion selects nobody"]]);
  });

  test('on the excluded side CA13 says the exclusion excludes nobody; with a tenant listed it is quiet', () => {
    const excluded = handWritten({ excludeUsers: { guestsOrExternalUsers: serviceProviders(ExternalTenants.enumerated()) } });
    expect(excluded.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^policy 'Shape' excludes guest or external users \(serviceProvider\) .*so the exclusion excludes nobody$/)]);
    expect(handWritten({ excludeUsers: { guestsOrExternalUsers: serviceProviders(ExternalTenants.enumerated(USER)) } }).findings).toEqual([]);
  });

  test('imported: converted as is, synthesizes, round-trips (members: [] comes back), and CA13 warns', () => {
    const graph = policy({ displayName: 'Service providers: MFA' }, {
      users: {
        includeUsers: [],
        excludeUsers: [],
        includeGroups: [],
        excludeGroups: [GROUP_BREAK_GLASS],
        includeRoles: [],
        excludeRoles: [],
        excludeGuestsOrExternalUsers: null,
        includeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'serviceProvider', externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessEnumeratedExternalTenants', 'membershipKind': 'enumerated', 'members': [] } },
      },
    });
    const { result, differences, findings } = imported(graph);
    expect(result.policies[0].status).toBe(ImportStatus.CONVERTED);
    expect(differences).toEqual([]);
    expect(summary(findings)).toEqual([['CA13', RuleSeverity.WARNING]]);
  });
});

describe('the same user, or AllTrusted, both included and excluded', () => {
  test('written by hand: a user on both sides synthesizes on both sides, CA14 warns that the exclusion wins', () => {
    const { body, findings } = handWritten({
      includeUsers: IncludedUsers.select({ users: [Principal.fromObjectId(USER)], groups: [Principal.fromObjectId(GROUP_BREAK_GLASS)] }),
      excludeUsers: { users: [Principal.fromObjectId(USER)] },
    });
    expect(body.conditions.users.included_users).toEqual([USER]);
    expect(body.conditions.users.excluded_users).toEqual([USER]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.message, f.fix])).toEqual([['CA14', RuleSeverity.WARNING,
      `policy 'Shape' includes and excludes the same users: '${USER}'; Graph accepts it and the exclusion wins, so the policy never applies to it`, 'remove the value from one side']]);
  });

  test('written by hand: AllTrusted on both sides is the whole location condition, so CA14 says the policy never applies at all', () => {
    const { body, findings } = handWritten({ includeLocations: [Location.ALL_TRUSTED], excludeLocations: [Location.ALL_TRUSTED] });
    expect(body.conditions.locations).toEqual({ included_locations: ['AllTrusted'], excluded_locations: ['AllTrusted'] });
    expect(findings.filter((f) => f.ruleId === 'CA14').map((f) => f.message)).toEqual([
      "policy 'Shape' includes and excludes the same locations: 'AllTrusted'; Graph accepts it and the exclusion wins, so the policy never applies to it; nothing else is included in its locations, so it never applies at all",
    ]);
  });

  test('imported: converted as is, synthesizes, round-trips, and CA14 warns for the user and the location', () => {
    const graph = policy({ displayName: 'Included and excluded' }, {
      users: { includeUsers: [USER_A], excludeUsers: [USER_A], includeGroups: [GROUP_BREAK_GLASS], excludeGroups: [], includeRoles: [], excludeRoles: [], includeGuestsOrExternalUsers: null, excludeGuestsOrExternalUsers: null },
      locations: { includeLocations: ['AllTrusted'], excludeLocations: ['AllTrusted'] },
    });
    const { result, differences, findings } = imported(graph);
    expect(result.policies[0].status).toBe(ImportStatus.CONVERTED);
    expect(differences).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.message.replace(/:.*$/, '')])).toEqual([
      ['CA14', "policy 'Included and excluded' includes and excludes the same locations"],
      ['CA14', "policy 'Included and excluded' includes and excludes the same users"],
      // the module defines no trusted location (the tenant's are not part of the input)
      ['CA4', "policy 'Included and excluded' excludes Location.ALL_TRUSTED but the stack defines or imports no trusted IP location"],
    ]);
  });
});
