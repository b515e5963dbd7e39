/* eslint-disable @stylistic/max-len */
/**
 * Issue 14: what synthesizes must read back unchanged with azuread provider 3.7.0. Every resource of the
 * example stacks, of every template and of one policy per option group goes through a model of the
 * provider's expand -> Graph -> flatten (./read-back-model.ts, written from the provider's source at
 * v3.7.0); the plan after apply must be empty. Removing an option in code must be a planned change,
 * except the two removals provider 3.7.0 cannot apply (README "Known provider 3.7.0 limitations").
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { applyOver, namedLocationReadBack, NAMED_LOCATION_OPTIONAL_COMPUTED, planDiff, policyFromGraph, policyToGraph, strengthReadBack } from './read-back-model';
import { addExampleStacks } from '../../examples/stacks';
import {
  AuthenticationFlow,
  AuthenticationMethodCombination,
  AuthenticationStrength,
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
  ExternalTenants,
  FilterMode,
  GrantControls,
  GuestOrExternalUserType,
  GuestsOrExternalUsers,
  IncludedUsers,
  InsiderRiskLevel,
  IpNamedLocation,
  Location,
  PersistentBrowserMode,
  PolicyState,
  PolicyTemplate,
  Principal,
  RiskLevel,
  SignInFrequency,
  SignInFrequencyAuthenticationType,
  TargetResources,
} from '../../src';
import { exampleTenant } from '../helpers/examples';
import { templateStack } from '../templates/helpers';

type Json = Record<string, any>;

const BREAK_GLASS = Principal.fromObjectId('00000000-0000-0000-0000-00000000e000');
const SP = '3c0e1f5a-9d2b-4a61-8e7f-0a1b2c3d4e5f';
const TENANT = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

/** The resource bodies of a synthesized stack, without Terraform meta-arguments and metadata. */
function bodies(stack: TerraformStack): { type: string; name: string; body: Json }[] {
  const json = JSON.parse(Testing.synth(stack));
  return Object.entries(json.resource ?? {}).flatMap(([type, byName]) => Object.entries(byName as Json).map(([name, body]) => ({
    type,
    name,
    body: Object.fromEntries(Object.entries(body as Json).filter(([k]) => !k.startsWith('//') && !['lifecycle', 'provider', 'depends_on', 'count', 'for_each'].includes(k))),
  })));
}

/** The plan right after applying a body: empty when the provider reads back what was configured. */
function diffAfterApply(type: string, body: Json): string[] {
  switch (type) {
    case 'azuread_conditional_access_policy':
      return planDiff(body, policyFromGraph(policyToGraph(body)));
    case 'azuread_named_location':
      return planDiff(body, namedLocationReadBack(body), NAMED_LOCATION_OPTIONAL_COMPUTED, []);
    case 'azuread_authentication_strength_policy':
      return planDiff(body, strengthReadBack(body), [], []);
    default:
      return [];
  }
}

const readBack = (c: Json) => policyFromGraph(policyToGraph(c));

/** One policy per option group, each on its own: the props that differ from a plain MFA policy. */
const OPTION_GROUPS: Record<string, (stack: TerraformStack) => Partial<ConditionalAccessPolicyProps>> = {
  'users: roles, groups, guests with enumerated tenants': () => ({
    includeUsers: IncludedUsers.select({
      guestsOrExternalUsers: GuestsOrExternalUsers.of({
        types: [GuestOrExternalUserType.SERVICE_PROVIDER, GuestOrExternalUserType.B2B_COLLABORATION_GUEST],
        externalTenants: ExternalTenants.enumerated(TENANT),
      }),
    }),
  }),
  'guests in all tenants': () => ({ includeUsers: IncludedUsers.allGuestsOrExternalUsers() }),
  'client app types and platforms': () => ({
    clientAppTypes: [ClientAppType.EXCHANGE_ACTIVE_SYNC, ClientAppType.OTHER],
    includePlatforms: [DevicePlatform.ALL],
    excludePlatforms: [DevicePlatform.IOS, DevicePlatform.ANDROID],
  }),
  'risk levels': () => ({ signInRiskLevels: [RiskLevel.HIGH, RiskLevel.MEDIUM], userRiskLevels: [RiskLevel.HIGH] }),
  'insider risk': () => ({ insiderRiskLevel: InsiderRiskLevel.ELEVATED }),
  'authentication flows': () => ({ authenticationFlows: [AuthenticationFlow.DEVICE_CODE_FLOW, AuthenticationFlow.AUTHENTICATION_TRANSFER] }),
  'device filter': () => ({ deviceFilter: { mode: FilterMode.EXCLUDE, rule: 'device.isCompliant -eq True' } }),
  'locations by construct': (stack) => ({
    includeLocations: [Location.ALL],
    excludeLocations: [Location.ALL_TRUSTED, new CountryNamedLocation(stack, 'Countries', { displayName: 'Countries', countriesAndRegions: ['NL', 'BE'], countryLookupMethod: CountryLookupMethod.AUTHENTICATOR_APP_GPS })],
  }),
  'workload identities': () => ({
    includeUsers: IncludedUsers.none(),
    workloadIdentities: { allServicePrincipalsInMyTenant: true, excludeServicePrincipals: [Principal.fromObjectId(SP)] },
    servicePrincipalRiskLevels: [RiskLevel.HIGH],
    grant: GrantControls.block(),
  }),
  'grant: strength': () => ({ grant: GrantControls.requireAuthenticationStrength(AuthenticationStrength.PHISHING_RESISTANT_MFA) }),
  'grant: custom strength by construct': (stack) => ({
    grant: GrantControls.requireAuthenticationStrength(new CustomAuthenticationStrength(stack, 'Strength', {
      displayName: 'Keys or Hello',
      allowedCombinations: [AuthenticationMethodCombination.FIDO2, AuthenticationMethodCombination.WINDOWS_HELLO_FOR_BUSINESS, AuthenticationMethodCombination.of('sms,password')],
    })),
  }),
  'grant: all of several controls': () => ({ grant: GrantControls.requireAll({ builtInControls: [BuiltInControl.MFA, BuiltInControl.COMPLIANT_DEVICE], termsOfUse: ['8f0e1d2c-3b4a-4596-8778-695a4b3c2d1e'] }) }),
  'session: hours, secondary': () => ({ session: { signInFrequency: SignInFrequency.hours(4, SignInFrequencyAuthenticationType.SECONDARY) } }),
  'session: days': () => ({ session: { signInFrequency: SignInFrequency.days(7) } }),
  'session: every time with sign-in risk': () => ({ signInRiskLevels: [RiskLevel.HIGH], session: { signInFrequency: SignInFrequency.everyTime() } }),
  'session: persistent browser, app-enforced, cloud app security, resilience': () => ({
    session: {
      persistentBrowserMode: PersistentBrowserMode.NEVER,
      applicationEnforcedRestrictions: true,
      cloudAppSecurityPolicy: CloudAppSecurityPolicy.MONITOR_ONLY,
      disableResilienceDefaults: true,
    },
  }),
  'state: disabled': () => ({ state: PolicyState.OFF }),
};

function optionStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'options');
  new IpNamedLocation(stack, 'Office', { displayName: 'Office', ipRanges: ['2001:DB8:0:0::/48', '203.0.113.0/24'], trusted: true });
  Object.entries(OPTION_GROUPS).forEach(([name, props], i) => {
    new ConditionalAccessPolicy(stack, `P${i}`, {
      displayName: name,
      state: PolicyState.REPORT_ONLY,
      includeUsers: IncludedUsers.all(),
      emergencyAccess: { groups: [BREAK_GLASS] },
      target: TargetResources.allResources(),
      grant: GrantControls.requireMfa(),
      ...props(stack),
    });
  });
  return stack;
}

describe('every synthesized resource reads back without a diff', () => {
  test('each option group', () => {
    const all = bodies(optionStack());
    expect(all.filter((b) => b.type === 'azuread_conditional_access_policy')).toHaveLength(Object.keys(OPTION_GROUPS).length);
    const diffs = all.map((b) => [b.body.display_name, diffAfterApply(b.type, b.body)]).filter(([, d]) => d.length > 0);
    expect(diffs).toEqual([]);
  });

  test('the example stacks', () => {
    const app = Testing.app() as App;
    const stacks = addExampleStacks(app, exampleTenant());
    const all = stacks.flatMap((s) => bodies(s));
    expect(all.length).toBeGreaterThan(10);
    expect(all.map((b) => [b.name, diffAfterApply(b.type, b.body)]).filter(([, d]) => d.length > 0)).toEqual([]);
  });

  test.each(PolicyTemplate.ALL.map((t) => [t.name, t] as const))('template %s', (_name, template) => {
    const all = bodies(templateStack(template).stack);
    expect(all.map((b) => [b.name, diffAfterApply(b.type, b.body)]).filter(([, d]) => d.length > 0)).toEqual([]);
  });

  test('the model is not blind: a shape the provider changes on the way shows as a diff', () => {
    // what a raw L1 resource might hold: upper-case GUID, guest types out of Graph's order, a mixed-case strength id
    const raw = {
      display_name: 'raw',
      state: 'enabled',
      conditions: {
        client_app_types: ['all'],
        applications: { included_applications: ['All'] },
        users: {
          included_users: ['All'],
          excluded_groups: ['00000000-0000-0000-0000-00000000E000'],
          included_guests_or_external_users: [{ guest_or_external_user_types: ['serviceProvider', 'internalGuest'] }],
        },
      },
      grant_controls: { operator: 'OR', authentication_strength_policy_id: '/policies/authenticationStrengthPolicies/ABCDEF00-0000-0000-0000-000000000000' },
      session_controls: { sign_in_frequency_interval: 'everyTime', application_enforced_restrictions_enabled: true },
    };
    expect(diffAfterApply('azuread_conditional_access_policy', raw).sort()).toEqual([
      'conditions.users.excluded_groups',
      'conditions.users.included_guests_or_external_users.guest_or_external_user_types',
      'grant_controls.authentication_strength_policy_id',
      'session_controls.application_enforced_restrictions_enabled',
    ]);
    expect(diffAfterApply('azuread_authentication_strength_policy', { display_name: 's', allowed_combinations: ['sms,password'] })).toEqual(['allowed_combinations']);
    expect(diffAfterApply('azuread_named_location', { display_name: 'l', ip: { ip_ranges: ['2001:DB8::/48'], trusted: false } })).toEqual(['ip.ip_ranges']);
  });
});

/** Synthesizes two versions of one policy (before and after a change in code) and returns their bodies. */
function versions(before: Partial<ConditionalAccessPolicyProps>, after: Partial<ConditionalAccessPolicyProps>): [Json, Json] {
  const body = (props: Partial<ConditionalAccessPolicyProps>) => {
    const stack = new TerraformStack(Testing.app(), 'change');
    new ConditionalAccessPolicy(stack, 'Policy', {
      displayName: 'Change',
      includeUsers: IncludedUsers.all(),
      emergencyAccess: { groups: [BREAK_GLASS] },
      target: TargetResources.allResources(),
      grant: GrantControls.requireMfa(),
      ...props,
    });
    return bodies(stack)[0].body;
  };
  return [body(before), body(after)];
}

/** The plan for `after` over the state `before` left. */
function planOfChange(before: Partial<ConditionalAccessPolicyProps>, after: Partial<ConditionalAccessPolicyProps>): string[] {
  const [b, a] = versions(before, after);
  const state = applyOver(b, undefined, readBack);
  return planDiff(a, state);
}

describe('a change in code the provider can apply is a planned change', () => {
  test.each<[string, Partial<ConditionalAccessPolicyProps>, Partial<ConditionalAccessPolicyProps>, string]>([
    ['secondary authentication back to the default', { session: { signInFrequency: SignInFrequency.hours(4, SignInFrequencyAuthenticationType.SECONDARY) } }, { session: { signInFrequency: SignInFrequency.hours(4) } }, 'session_controls.sign_in_frequency_authentication_type'],
    ['every time to a time-based frequency', { userRiskLevels: [RiskLevel.HIGH], session: { signInFrequency: SignInFrequency.everyTime() } }, { userRiskLevels: [RiskLevel.HIGH], session: { signInFrequency: SignInFrequency.hours(1) } }, 'session_controls.sign_in_frequency_interval'],
    ['dropping the whole session', { session: { signInFrequency: SignInFrequency.days(1) } }, {}, 'session_controls'],
    ['dropping the device filter', { deviceFilter: { mode: FilterMode.INCLUDE, rule: 'device.trustType -eq "ServerAD"' } }, {}, 'conditions.devices'],
    ['dropping the persistent browser mode', { session: { persistentBrowserMode: PersistentBrowserMode.ALWAYS, applicationEnforcedRestrictions: true } }, { session: { applicationEnforcedRestrictions: true } }, 'session_controls.persistent_browser_mode'],
    ['dropping a platform condition', { includePlatforms: [DevicePlatform.ANDROID] }, {}, 'conditions.platforms'],
  ])('%s', (_name, before, after, changed) => {
    const plan = planOfChange(before, after);
    expect(plan.some((p) => p === changed || p.startsWith(`${changed}.`))).toBe(true);
    // and once applied, the plan is empty again
    const [b, a] = versions(before, after);
    expect(planDiff(a, applyOver(a, applyOver(b, undefined, readBack), readBack))).toEqual([]);
  });
});

describe('the removals provider 3.7.0 cannot apply (README: Known provider 3.7.0 limitations)', () => {
  test('removing an insider risk condition plans nothing, and CA10 warns on the policy', () => {
    expect(planOfChange({ insiderRiskLevel: InsiderRiskLevel.ELEVATED }, {})).toEqual([]);
    const stack = new TerraformStack(Testing.app(), 'insider');
    new ConditionalAccessPolicy(stack, 'Policy', {
      displayName: 'Insider',
      includeUsers: IncludedUsers.all(),
      emergencyAccess: { groups: [BREAK_GLASS] },
      target: TargetResources.allResources(),
      insiderRiskLevel: InsiderRiskLevel.ELEVATED,
      grant: GrantControls.block(),
    });
    expect(ConditionalAccessRules.check(stack).filter((f) => f.ruleId === 'CA10').map((f) => f.message))
      .toEqual(["policy 'Insider' uses an insider risk condition, which azuread provider 3.7.0 cannot remove from the policy later"]);
  });

  test('removing workload identities sends no clientApplications at all, so Graph keeps them', () => {
    const [, after] = versions({ includeUsers: IncludedUsers.none(), workloadIdentities: { allServicePrincipalsInMyTenant: true }, grant: GrantControls.block() }, { grant: GrantControls.block() });
    expect(Object.keys(policyToGraph(after).conditions)).not.toContain('clientApplications');
  });
});
