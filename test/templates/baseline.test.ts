/**
 * The lint rules and the provider facts on every template, and TemplateBaseline: whole categories with shared
 * settings, named locations created or passed once, and its errors.
 */
import { Testing } from 'cdktf';
import { EMERGENCY_ACCESS, EMERGENCY_GROUP, EMERGENCY_USER, newStack, templateStack, TRUSTED_RANGE } from './helpers';
import {
  CloudApplication,
  ConditionalAccessModel,
  ConditionalAccessRules,
  DevicePlatform,
  GuestsOrExternalUsers,
  NamedLocation,
  PolicyState,
  PolicyTemplate,
  Principal,
  RuleSeverity,
  TemplateBaseline,
  TemplateBaselineProps,
  TemplateCategory,
  TemplatePolicy,
} from '../../src';
import { checkConditionalAccessFacts } from '../facts/conditional-access-facts';

/** The templates that target a user action: report-only is not evaluated for them (CA2 says so). */
const USER_ACTION_TEMPLATES = [PolicyTemplate.SECURING_SECURITY_INFO_REGISTRATION, PolicyTemplate.REQUIRE_MFA_FOR_DEVICE_REGISTRATION];

describe.each(PolicyTemplate.ALL.map((t) => [t.name, t] as const))('%s with emergency access', (_, template) => {
  test('the lint rules are quiet, on and report-only (CA2 reminds that report-only logs nothing for user actions)', () => {
    // CA10 warns on the one template with an insider risk condition: provider 3.7.0 cannot remove it later
    const ca10 = template === PolicyTemplate.BLOCK_INSIDER_RISK ? [['CA10', RuleSeverity.WARNING]] : [];
    const on = templateStack(template, { state: PolicyState.ON }).stack;
    expect(ConditionalAccessRules.check(on).map((f) => [f.ruleId, f.severity])).toEqual(ca10);
    const reportOnly = templateStack(template).stack;
    const expected = [...(USER_ACTION_TEMPLATES.includes(template) ? [['CA2', RuleSeverity.WARNING]] : []), ...ca10];
    expect(ConditionalAccessRules.check(reportOnly).map((f) => [f.ruleId, f.severity])).toEqual(expected);
  });

  test('synthesizes with validations on and obeys every provider and Graph fact', () => {
    const { stack } = templateStack(template, { state: PolicyState.ON });
    const json = Testing.synth(stack, true);
    expect(checkConditionalAccessFacts(json)).toEqual([]);
  });
});

test('without emergency access an enabled template that requires controls for All users is a CA1 error', () => {
  const stack = newStack();
  new TemplateBaseline(stack, 'Baseline', { categories: [TemplateCategory.SECURE_FOUNDATION], emergencyAccess: EMERGENCY_ACCESS, trustedIpRanges: [TRUSTED_RANGE], state: PolicyState.ON });
  expect(ConditionalAccessRules.check(stack)).toEqual([]);
  const bare = newStack();
  new TemplatePolicy(bare, 'Mfa', { template: PolicyTemplate.REQUIRE_MFA_FOR_ALL_USERS, state: PolicyState.ON });
  expect(ConditionalAccessRules.check(bare).map((f) => [f.ruleId, f.severity, f.path])).toEqual([['CA1', RuleSeverity.ERROR, 'templates/Mfa/Policy']]);
});

describe('TemplateBaseline', () => {
  function baseline(props: Partial<TemplateBaselineProps> = {}) {
    const stack = newStack();
    const b = new TemplateBaseline(stack, 'Baseline', {
      categories: [TemplateCategory.SECURE_FOUNDATION],
      emergencyAccess: EMERGENCY_ACCESS,
      trustedIpRanges: [TRUSTED_RANGE],
      ...props,
    });
    return { stack, baseline: b, model: ConditionalAccessModel.fromStack(stack) };
  }

  test('Secure foundation: its eight templates, one trusted location, shared exclusions, prefix and state', () => {
    const { baseline: b, model } = baseline({ displayNamePrefix: 'CA200 - ', state: PolicyState.OFF });
    expect(b.templates).toEqual(PolicyTemplate.inCategory(TemplateCategory.SECURE_FOUNDATION));
    expect(b.policies.map((p) => p.node.id)).toEqual([
      'RequireMfaForAdmins', 'SecuringSecurityInfoRegistration', 'BlockLegacyAuthentication', 'RequireMfaForAdminPortals',
      'RequireMfaForAllUsers', 'RequireMfaForAzureManagement', 'RequireCompliantOrHybridJoinedDeviceOrMfa', 'RequireCompliantDevice',
    ]);
    expect(model.policies.map((p) => p.displayName)).toEqual(b.templates.map((t) => `CA200 - ${t.portalName}`));
    for (const p of model.policies) {
      expect(p.state).toBe('disabled');
      expect(p.conditions.users!.excludeUsers).toContain(EMERGENCY_USER);
      expect(p.conditions.users!.excludeGroups).toEqual([EMERGENCY_GROUP]);
    }
    expect(model.namedLocations.map((l) => [l.displayName, l.kind, l.isTrusted, l.ipRanges])).toEqual([['CA200 - Trusted networks', 'ip', true, [TRUSTED_RANGE]]]);
    expect(b.trustedLocation).toBeDefined();
    expect(b.policyFor(PolicyTemplate.REQUIRE_MFA_FOR_ADMINS)!.template).toBe(PolicyTemplate.REQUIRE_MFA_FOR_ADMINS);
    expect(b.policyFor(PolicyTemplate.BLOCK_INSIDER_RISK)).toBeUndefined();
  });

  test('report-only by default, without prefix', () => {
    const { model } = baseline();
    expect(model.policies.map((p) => p.state)).toEqual(Array(8).fill('enabledForReportingButNotEnforced'));
    expect(model.policies[0].displayName).toBe('Require multifactor authentication for admins');
  });

  test('several categories deploy each template once, in the templates page\'s order', () => {
    const { baseline: b } = baseline({ categories: [TemplateCategory.PROTECT_ADMINISTRATOR, TemplateCategory.SECURE_FOUNDATION] });
    const either = (t: PolicyTemplate) => t.isIn(TemplateCategory.SECURE_FOUNDATION) || t.isIn(TemplateCategory.PROTECT_ADMINISTRATOR);
    expect(b.templates).toEqual(PolicyTemplate.ALL.filter(either));
    expect(new Set(b.templates).size).toBe(b.templates.length);
    expect(b.templates).toHaveLength(10);
  });

  test('exclude leaves templates out; include adds "Other common policies" with the data they need, created once', () => {
    const { baseline: b, model } = baseline({
      exclude: [PolicyTemplate.REQUIRE_COMPLIANT_DEVICE],
      include: [
        PolicyTemplate.BLOCK_ACCESS_BY_LOCATION,
        PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS,
        PolicyTemplate.BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS,
      ],
      blockedCountries: ['kp', 'RU'],
      allowedApplications: [CloudApplication.OFFICE_365],
      supportedPlatforms: [DevicePlatform.WINDOWS],
      displayNamePrefix: 'CA300 - ',
    });
    expect(b.templates).not.toContain(PolicyTemplate.REQUIRE_COMPLIANT_DEVICE);
    expect(b.templates.slice(-3)).toEqual([
      PolicyTemplate.BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS,
      PolicyTemplate.BLOCK_ACCESS_BY_LOCATION,
      PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS,
    ]);
    const country = model.namedLocations.find((l) => l.kind === 'country')!;
    expect([country.displayName, country.countriesAndRegions]).toEqual(['CA300 - Blocked countries', ['KP', 'RU']]);
    const byName = (t: PolicyTemplate) => model.policies.find((p) => p.displayName === `CA300 - ${t.portalName}`)!;
    expect(byName(PolicyTemplate.BLOCK_ACCESS_BY_LOCATION).conditions.locations!.includeLocations).toEqual([`\${${country.address}.object_id}`]);
    expect(byName(PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS).conditions.applications.excludeApplications).toEqual(['Office365']);
    expect(byName(PolicyTemplate.BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS).conditions.platforms!.excludePlatforms).toEqual(['windows']);
    expect(model.namedLocations).toHaveLength(2);
  });

  test('the tenant\'s existing trusted locations stand in for trustedIpRanges', () => {
    const stack = newStack();
    const hq = NamedLocation.fromDisplayName(stack, 'Hq', 'Headquarters');
    new TemplateBaseline(stack, 'Baseline', { categories: [TemplateCategory.SECURE_FOUNDATION], emergencyAccess: EMERGENCY_ACCESS, trustedLocations: [hq], state: PolicyState.ON });
    expect(ConditionalAccessModel.fromStack(stack).namedLocations).toEqual([]);
    expect(ConditionalAccessRules.check(stack)).toEqual([]);
  });

  test('excludeDirectorySynchronizationAccounts reaches the templates whose pages exclude the role', () => {
    const { model } = baseline({ excludeDirectorySynchronizationAccounts: false });
    expect(model.policies.flatMap((p) => p.conditions.users!.excludeRoles)).toEqual([]);
    const withRole = baseline().model.policies.filter((p) => p.conditions.users!.excludeRoles.length > 0).map((p) => p.displayName);
    expect(withRole).toEqual([
      PolicyTemplate.REQUIRE_MFA_FOR_ALL_USERS.portalName,
      PolicyTemplate.REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA.portalName,
      PolicyTemplate.REQUIRE_COMPLIANT_DEVICE.portalName,
    ]);
  });

  test('excludeUsers is excluded from every policy', () => {
    const service = '00000000-0000-0000-0000-0000000000cc';
    const { model } = baseline({ excludeUsers: { users: [Principal.fromObjectId(service)] } });
    for (const p of model.policies) expect(p.conditions.users!.excludeUsers).toContain(service);
  });

  test.each<[string, Partial<TemplateBaselineProps>, string]>([
    ['no category', { categories: [] },
      'categories: is empty; pass at least one TemplateCategory, e.g. [TemplateCategory.SECURE_FOUNDATION], or templates in include'],
    ['no emergency-access account', { emergencyAccess: {} },
      'emergencyAccess: names no account; pass the emergency-access users or groups so the baseline can never lock every administrator out'],
    ['excluding a template the categories do not hold', { exclude: [PolicyTemplate.BLOCK_INSIDER_RISK] },
      "exclude[0]: 'BLOCK_INSIDER_RISK' is not in the selected categories (Secure foundation); remove it; exclude only removes templates the categories would deploy"],
    ['including a template the categories already hold', { include: [PolicyTemplate.REQUIRE_MFA_FOR_ADMINS] },
      "include[0]: 'REQUIRE_MFA_FOR_ADMINS' is already in the selected categories; remove it from include"],
    ['excluding every template', { categories: [TemplateCategory.EMERGING_THREATS], exclude: [PolicyTemplate.REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS], trustedIpRanges: undefined },
      'exclude: excludes every template of the categories; nothing is left to deploy'],
    ['no trusted location for the security-info template', { trustedIpRanges: undefined },
      'trustedIpRanges: and trustedLocations are both unset; PolicyTemplate.SECURING_SECURITY_INFO_REGISTRATION exclude All trusted locations, so pass the trusted egress ranges or import the trusted named locations'],
    ['trusted ranges nobody uses', { categories: [TemplateCategory.EMERGING_THREATS] },
      'trustedIpRanges: is set but no deployed template uses trusted locations (PolicyTemplate.SECURING_SECURITY_INFO_REGISTRATION, PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS); remove it'],
    ['blocked countries without the location template', { blockedCountries: ['KP'] },
      'blockedCountries: is set but PolicyTemplate.BLOCK_ACCESS_BY_LOCATION is not deployed; add it to include (or to the categories) or remove blockedCountries'],
    ['the location template without locations', { include: [PolicyTemplate.BLOCK_ACCESS_BY_LOCATION] },
      "blockedCountries: and blockedLocations are both unset; PolicyTemplate.BLOCK_ACCESS_BY_LOCATION blocks the locations you choose, so pass the country codes to block (e.g. ['KP']) or the named locations"],
    ['the block-except template without applications', { include: [PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS] },
      'allowedApplications: is unset; PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS blocks every other application outside trusted locations, so pass the applications to keep open, e.g. [CloudApplication.OFFICE_365]'],
    ['supported platforms without the platform template', { supportedPlatforms: [DevicePlatform.WINDOWS] },
      'supportedPlatforms: is set but PolicyTemplate.BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS is not deployed; add it to include (or to the categories) or remove supportedPlatforms'],
    ['a guest exclusion on templates that exclude guests', { excludeUsers: { guestsOrExternalUsers: GuestsOrExternalUsers.ALL } },
      'excludeUsers.guestsOrExternalUsers: is set, but PolicyTemplate.SECURING_SECURITY_INFO_REGISTRATION already excludes guest and external users as its Learn page says, and Graph takes one guest exclusion per policy; remove it'],
  ])('error: %s', (_, props, message) => {
    expect(() => baseline(props)).toThrow(message);
  });
});
