/* eslint-disable @stylistic/max-len */
/**
 * Issue 14: no enum-like value, `of()` value or option synthesizes what azuread provider 3.7.0 rejects at
 * plan. Every documented constant of every enum-like class is accepted by the contract (written from the
 * provider's StringInSlice validations at v3.7.0); a value the provider does not know fails synth, in the
 * construct (naming the prop and the class) and, for raw L1 resources and escape hatches, in rule CA9.
 */
import { ConditionalAccessPolicy as RawPolicy } from '@cdktf/provider-azuread/lib/conditional-access-policy';
import { TerraformStack, Testing } from 'cdktf';
import {
  AuthenticationFlow,
  AuthenticationMethodCombination,
  BuiltInControl,
  ClientAppType,
  CloudAppSecurityPolicy,
  ConditionalAccessPolicy,
  ConditionalAccessPolicyProps,
  ConditionalAccessRules,
  CountryLookupMethod,
  CountryNamedLocation,
  CustomAuthenticationStrength,
  DevicePlatform,
  GrantControls,
  GuestOrExternalUserType,
  GuestsOrExternalUsers,
  IncludedUsers,
  InsiderRiskLevel,
  PersistentBrowserMode,
  PolicyState,
  Principal,
  RiskLevel,
  SignInFrequency,
  SignInFrequencyAuthenticationType,
  TargetResources,
} from '../../src';
import { checkNamedLocationContract, checkPolicyContract, checkStrengthContract } from '../../src/provider/provider-contract';
import { ValidationError } from '../../src/validation-error';

type Json = Record<string, any>;

/** A policy body the provider accepts. */
function base(): Json {
  return {
    display_name: 'p',
    state: 'enabledForReportingButNotEnforced',
    conditions: {
      client_app_types: ['all'],
      applications: { included_applications: ['All'] },
      users: { included_users: ['All'], excluded_groups: ['00000000-0000-0000-0000-00000000e000'] },
    },
    grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
  };
}

/** The constants of an enum-like class. */
function constants<T>(cls: any): T[] {
  return Object.values(cls).filter((v) => v instanceof cls) as T[];
}

/** Where each enum-like class's value goes in a policy body. */
const POLICY_ATTRIBUTES: [string, any, (body: Json, value: string) => void, string][] = [
  ['PolicyState', PolicyState, (b, v) => { b.state = v; }, 'state'],
  ['ClientAppType', ClientAppType, (b, v) => { b.conditions.client_app_types = [v]; }, 'conditions.client_app_types[0]'],
  ['DevicePlatform', DevicePlatform, (b, v) => { b.conditions.platforms = { included_platforms: [v] }; }, 'conditions.platforms.included_platforms[0]'],
  ['RiskLevel (sign-in)', RiskLevel, (b, v) => { b.conditions.sign_in_risk_levels = [v]; }, 'conditions.sign_in_risk_levels[0]'],
  ['RiskLevel (user)', RiskLevel, (b, v) => { b.conditions.user_risk_levels = [v]; }, 'conditions.user_risk_levels[0]'],
  ['InsiderRiskLevel', InsiderRiskLevel, (b, v) => { b.conditions.insider_risk_levels = v; }, 'conditions.insider_risk_levels'],
  ['AuthenticationFlow', AuthenticationFlow, (b, v) => { b.conditions.authentication_flow_transfer_methods = [v]; }, 'conditions.authentication_flow_transfer_methods[0]'],
  ['GuestOrExternalUserType', GuestOrExternalUserType, (b, v) => { b.conditions.users.included_guests_or_external_users = { guest_or_external_user_types: [v] }; }, 'conditions.users.included_guests_or_external_users.guest_or_external_user_types[0]'],
  ['CloudAppSecurityPolicy', CloudAppSecurityPolicy, (b, v) => { b.session_controls = { cloud_app_security_policy: v }; }, 'session_controls.cloud_app_security_policy'],
  ['PersistentBrowserMode', PersistentBrowserMode, (b, v) => { b.session_controls = { persistent_browser_mode: v }; }, 'session_controls.persistent_browser_mode'],
  ['SignInFrequencyAuthenticationType', SignInFrequencyAuthenticationType, (b, v) => { b.session_controls = { sign_in_frequency: 4, sign_in_frequency_period: 'hours', sign_in_frequency_interval: 'timeBased', sign_in_frequency_authentication_type: v }; }, 'session_controls.sign_in_frequency_authentication_type'],
];

const planProblems = (problems: { kind: string; attribute: string }[]) => problems.filter((p) => p.kind === 'plan').map((p) => p.attribute);

describe('the provider 3.7.0 contract', () => {
  test('the base body passes', () => {
    expect(checkPolicyContract(base())).toEqual([]);
  });

  test.each(POLICY_ATTRIBUTES)('every %s constant is a value the provider accepts', (_name, cls, put) => {
    const values = constants<{ value: string }>(cls).map((c) => c.value);
    expect(values.length).toBeGreaterThan(1);
    for (const v of values) {
      const body = base();
      put(body, v);
      expect([v, planProblems(checkPolicyContract(body))]).toEqual([v, []]);
    }
  });

  test.each(POLICY_ATTRIBUTES)('a %s value the provider does not know fails at plan, named by attribute', (_name, _cls, put, attribute) => {
    const body = base();
    put(body, 'valueFromTheFuture');
    const problems = checkPolicyContract(body).filter((p) => p.kind === 'plan');
    expect(problems.map((p) => p.attribute)).toEqual([attribute]);
    expect(problems[0].problem).toMatch(/^is not a value azuread provider 3\.7\.0 accepts \(/);
  });

  test('every BuiltInControl constant passes the plan checks; passwordChange carries its Graph rules', () => {
    for (const c of constants<BuiltInControl>(BuiltInControl)) {
      const body = base();
      body.grant_controls.built_in_controls = [c.value];
      expect([c.value, planProblems(checkPolicyContract(body))]).toEqual([c.value, []]);
    }
    const body = base();
    body.grant_controls.built_in_controls = ['riskRemediation'];
    expect(planProblems(checkPolicyContract(body))).toEqual(['grant_controls.built_in_controls[0]']);
  });

  test('every CountryLookupMethod and AuthenticationMethodCombination constant is accepted; unknown ones are not', () => {
    for (const m of constants<CountryLookupMethod>(CountryLookupMethod)) {
      expect(checkNamedLocationContract({ display_name: 'c', country: { countries_and_regions: ['NL'], country_lookup_method: m.value } })).toEqual([]);
    }
    expect(planProblems(checkNamedLocationContract({ display_name: 'c', country: { countries_and_regions: ['NL'], country_lookup_method: 'satellite' } })))
      .toEqual(['country.country_lookup_method']);
    const combinations = constants<AuthenticationMethodCombination>(AuthenticationMethodCombination).map((c) => c.value);
    expect(combinations.length).toBeGreaterThan(10);
    expect(checkStrengthContract({ display_name: 's', allowed_combinations: combinations })).toEqual([]);
    expect(planProblems(checkStrengthContract({ display_name: 's', allowed_combinations: ['fido2', 'carrierPigeon'] }))).toEqual(['allowed_combinations[1]']);
  });

  test('empty workload identity filter rules and empty custom factors fail at plan', () => {
    const body = base();
    body.conditions.client_applications = { included_service_principals: ['ServicePrincipalsInMyTenant'], filter: { mode: 'include', rule: '' } };
    body.grant_controls.custom_authentication_factors = [''];
    expect(planProblems(checkPolicyContract(body)).sort()).toEqual(['conditions.client_applications.filter.rule', 'grant_controls.custom_authentication_factors[0]']);
  });

  test('shapes that diff on every plan are reported as diffs', () => {
    const body = base();
    body.conditions.user_risk_levels = ['high'];
    body.session_controls = { sign_in_frequency_interval: 'everyTime', application_enforced_restrictions_enabled: true, disable_resilience_defaults: true };
    body.grant_controls.authentication_strength_policy_id = '/policies/authenticationStrengthPolicies/ABC00000-0000-0000-0000-000000000000';
    body.grant_controls.built_in_controls = [];
    expect(checkPolicyContract(body).filter((p) => p.kind === 'diff').map((p) => p.attribute).sort()).toEqual([
      'grant_controls.authentication_strength_policy_id',
      'session_controls.application_enforced_restrictions_enabled',
      'session_controls.disable_resilience_defaults',
    ]);
    expect(checkStrengthContract({ display_name: 's', allowed_combinations: ['sms,password'] }).map((p) => [p.kind, p.fix]))
      .toEqual([['diff', "write 'password,sms'"]]);
  });
});

function policy(props: Partial<ConditionalAccessPolicyProps>): () => void {
  return () => {
    const stack = new TerraformStack(Testing.app(), 'of');
    new ConditionalAccessPolicy(stack, 'Policy', {
      displayName: 'Of',
      includeUsers: IncludedUsers.all(),
      emergencyAccess: { groups: [Principal.fromObjectId('00000000-0000-0000-0000-00000000e000')] },
      target: TargetResources.allResources(),
      grant: GrantControls.requireMfa(),
      ...props,
    });
  };
}

describe('of() values the pinned provider does not know fail at construction, naming the prop and the class', () => {
  test.each<[string, () => void, string]>([
    ['PolicyState', policy({ state: PolicyState.of('paused') }), "state: 'paused' is not a value azuread provider 3.7.0 accepts"],
    ['ClientAppType', policy({ clientAppTypes: [ClientAppType.of('futureClientType')] }), "clientAppTypes[0]: 'futureClientType' is not a value azuread provider 3.7.0 accepts"],
    ['DevicePlatform', policy({ includePlatforms: [DevicePlatform.of('visionOS')] }), "includePlatforms[0]: 'visionOS' is not a value azuread provider 3.7.0 accepts"],
    ['RiskLevel', policy({ signInRiskLevels: [RiskLevel.of('extreme')] }), "signInRiskLevels[0]: 'extreme' is not a value azuread provider 3.7.0 accepts"],
    ['InsiderRiskLevel', policy({ insiderRiskLevel: InsiderRiskLevel.of('severe') }), "insiderRiskLevel: 'severe' is not a value azuread provider 3.7.0 accepts"],
    ['AuthenticationFlow', policy({ authenticationFlows: [AuthenticationFlow.of('qrCode')] }), "authenticationFlows[0]: 'qrCode' is not a value azuread provider 3.7.0 accepts"],
    ['BuiltInControl', policy({ grant: GrantControls.requireOneOf({ builtInControls: [BuiltInControl.of('riskRemediation')] }) }), "'riskRemediation' is not a value azuread provider 3.7.0 accepts"],
    // the factory checks its types (a jsii struct cannot wait for the policy)
    ['GuestOrExternalUserType', () => policy({ includeUsers: IncludedUsers.select({ guestsOrExternalUsers: GuestsOrExternalUsers.of({ types: [GuestOrExternalUserType.of('agentGuest')] }) }) })(),
      "guestsOrExternalUsers.types[0]: 'agentGuest' is not a value azuread provider 3.7.0 accepts"],
    ['CloudAppSecurityPolicy', policy({ session: { cloudAppSecurityPolicy: CloudAppSecurityPolicy.of('blockEverything') } }), "'blockEverything' is not a value azuread provider 3.7.0 accepts"],
    ['CountryLookupMethod', () => new CountryNamedLocation(new TerraformStack(Testing.app(), 'c'), 'C', { displayName: 'C', countriesAndRegions: ['NL'], countryLookupMethod: CountryLookupMethod.of('satellite') }), "'satellite' is not a value azuread provider 3.7.0 accepts"],
    ['AuthenticationMethodCombination', () => new CustomAuthenticationStrength(new TerraformStack(Testing.app(), 's'), 'S', { displayName: 'S', allowedCombinations: [AuthenticationMethodCombination.of('carrierPigeon')] }), 'carrierPigeon'],
  ])('%s.of()', (cls, build, message) => {
    let error: unknown;
    try {
      build();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(message);
    if (cls !== 'AuthenticationMethodCombination') expect((error as Error).message).toContain(`${cls}.of() passes values newer than this library, but the pinned provider does not know this one yet`);
  });
});

test('CA9 judges what is synthesized: a raw L1 resource with a value the provider rejects fails, naming the attribute', () => {
  const stack = new TerraformStack(Testing.app(), 'raw');
  new RawPolicy(stack, 'Raw', {
    displayName: 'Raw',
    state: 'enabledForReportingButNotEnforced',
    conditions: {
      clientAppTypes: ['futureClientType'],
      applications: { includedApplications: ['All'] },
      users: { includedUsers: ['All'], excludedGroups: ['00000000-0000-0000-0000-00000000e000'] },
    },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  });
  ConditionalAccessRules.of(stack);
  const ca9 = ConditionalAccessRules.check(stack).filter((f) => f.ruleId === 'CA9');
  expect(ca9.map((f) => [f.path, f.message.startsWith("conditions.client_app_types[0]: 'futureClientType' is not a value azuread provider 3.7.0 accepts")])).toEqual([['raw/Raw', true]]);
});

test('every-time frequency is taken wherever Graph beta lists it (any application, user actions), and its read-back-unstable companions are rejected at construction', () => {
  expect(policy({ userRiskLevels: [RiskLevel.HIGH], session: { signInFrequency: SignInFrequency.everyTime() } })).not.toThrow();
  expect(policy({ session: { signInFrequency: SignInFrequency.everyTime() } })).not.toThrow();
  expect(policy({ userRiskLevels: [RiskLevel.HIGH], session: { signInFrequency: SignInFrequency.everyTime(), applicationEnforcedRestrictions: true } })).toThrow(ValidationError);
});

test('Graph-accepted shapes are not contract problems: every time without risk, password change without every time', () => {
  const body = base();
  body.session_controls = { sign_in_frequency_interval: 'everyTime' };
  expect(checkPolicyContract(body)).toEqual([]);
  const change = base();
  change.conditions.user_risk_levels = ['high'];
  change.grant_controls = { operator: 'AND', built_in_controls: ['mfa', 'passwordChange'] };
  expect(checkPolicyContract(change)).toEqual([]);
  // what Graph does reject stays: password change without user risk
  change.conditions.user_risk_levels = [];
  expect(checkPolicyContract(change).map((p) => [p.kind, p.attribute])).toEqual([['apply', 'conditions.user_risk_levels']]);
});
