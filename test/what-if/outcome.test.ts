// The outcome: block wins, requirements add up, report-only policies are decided separately.
import { IDS, merge, policy, resultOf, signIn, whatIfOf } from './helpers';
import { WhatIfAccess } from '../../src/what-if';

const block = (patch: object = {}) => merge(policy({ grant_controls: { built_in_controls: ['block'] } }), patch);
const requiring = (controls: string[], patch: object = {}) => merge(policy({ grant_controls: { built_in_controls: controls } }), patch);

test('an applying block wins over every requirement', () => {
  const report = whatIfOf({ mfa: requiring(['mfa']), stop: block() }).evaluate(signIn());
  expect(report.outcome).toEqual({
    access: WhatIfAccess.BLOCKED,
    requirements: [],
    blockedBy: ['azuread_conditional_access_policy.stop'],
    undetermined: [],
    undeterminedBy: [],
    missing: [],
    reportOnly: { access: WhatIfAccess.ALLOWED, requirements: [], blockedBy: [], undetermined: [], undeterminedBy: [], missing: [] },
  });
});

test('each applying policy adds its requirement', () => {
  const report = whatIfOf({
    mfa: requiring(['mfa'], { display_name: 'MFA' }),
    device: requiring(['compliantDevice', 'domainJoinedDevice'], { display_name: 'Device', grant_controls: { operator: 'AND' } }),
    notMe: block({ conditions: { users: { excluded_users: [IDS.alice] } } }),
  }).evaluate(signIn());
  expect(report.outcome.access).toBe(WhatIfAccess.REQUIRES_CONTROLS);
  expect(report.outcome.requirements).toEqual([
    {
      address: 'azuread_conditional_access_policy.mfa',
      displayName: 'MFA',
      operator: 'OR',
      builtInControls: ['mfa'],
      termsOfUse: [],
      customAuthenticationFactors: [],
    },
    {
      address: 'azuread_conditional_access_policy.device',
      displayName: 'Device',
      operator: 'AND',
      builtInControls: ['compliantDevice', 'domainJoinedDevice'],
      termsOfUse: [],
      customAuthenticationFactors: [],
    },
  ]);
});

test('a policy with only session controls leaves access allowed and shows its controls in camelCase', () => {
  const session = policy({ grant_controls: undefined, session_controls: { sign_in_frequency: 4, sign_in_frequency_period: 'hours' } });
  const report = whatIfOf({ session }).evaluate(signIn());
  expect(report.outcome.access).toBe(WhatIfAccess.ALLOWED);
  // as the provider sends it: a frequency value forces timeBased and primary-and-secondary authentication
  expect(resultOf(report, 'session').sessionControls).toEqual({
    signInFrequency: 4,
    signInFrequencyPeriod: 'hours',
    signInFrequencyInterval: 'timeBased',
    signInFrequencyAuthenticationType: 'primaryAndSecondaryAuthentication',
  });
  expect(resultOf(report, 'session').grantControls).toBeUndefined();
});

test('report-only policies are decided separately from enabled ones; disabled ones in neither', () => {
  const report = whatIfOf({
    pilot: block({ state: 'enabledForReportingButNotEnforced' }),
    mfa: requiring(['mfa']),
    off: block({ state: 'disabled' }),
  }).evaluate(signIn());
  expect(report.outcome.access).toBe(WhatIfAccess.REQUIRES_CONTROLS);
  expect(report.outcome.blockedBy).toEqual([]);
  expect(report.outcome.reportOnly.access).toBe(WhatIfAccess.BLOCKED);
  expect(report.outcome.reportOnly.blockedBy).toEqual(['azuread_conditional_access_policy.pilot']);
});

test('a block that might apply with more details makes access undetermined, never allowed', () => {
  const report = whatIfOf({
    risky: block({ conditions: { sign_in_risk_levels: ['high'] } }),
    notMe: block({ conditions: { sign_in_risk_levels: ['high'], users: { excluded_users: [IDS.alice] } } }),
  }).evaluate(signIn());
  expect(resultOf(report, 'risky').analysisReasons).toBe('notEnoughInformation');
  expect(resultOf(report, 'notMe').analysisReasons).toBe('notEnoughInformation,users');
  expect(report.outcome).toMatchObject({
    access: WhatIfAccess.UNDETERMINED,
    requirements: [],
    blockedBy: [],
    undetermined: ['azuread_conditional_access_policy.risky'],
    undeterminedBy: ['azuread_conditional_access_policy.risky'],
    missing: ['signInConditions.signInRiskLevel'],
  });
});

test('appliedPoliciesOnly keeps only applying policies in results, not in the outcome', () => {
  const w = whatIfOf({ a: requiring(['mfa']), b: block({ state: 'disabled' }), c: block({ conditions: { users: { excluded_users: [IDS.alice] } } }) });
  const report = w.evaluate(signIn({ appliedPoliciesOnly: true }));
  expect(report.results.map((r) => r.address)).toEqual(['azuread_conditional_access_policy.a']);
  expect(report.outcome.access).toBe(WhatIfAccess.REQUIRES_CONTROLS);
});

describe('authentication strengths', () => {
  const strength = (id: string) => policy({ grant_controls: { built_in_controls: undefined, authentication_strength_policy_id: id } });
  const strengthOf = (id: string) => whatIfOf({ s: strength(id) }).evaluate(signIn()).outcome.requirements[0].authenticationStrength;

  test('built-in strengths are known by id', () => {
    expect(strengthOf('/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004')).toEqual({
      id: '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004',
      resolved: true,
      displayName: 'Phishing-resistant MFA',
      allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'],
    });
    expect(strengthOf('/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002')?.allowedCombinations).toContain(
      'temporaryAccessPassOneTime',
    );
  });

  test('a strength defined in the stack is resolved through its reference', () => {
    expect(strengthOf('${azuread_authentication_strength_policy.tap.id}')).toEqual({
      id: '${azuread_authentication_strength_policy.tap.id}',
      address: 'azuread_authentication_strength_policy.tap',
      resolved: true,
      displayName: 'TAP',
      allowedCombinations: ['temporaryAccessPassOneTime', 'fido2'],
    });
  });

  test.each([
    ['a custom strength id not in the stack', '/policies/authenticationStrengthPolicies/12345678-1234-4234-8234-123456789012'],
    ['a data source', '${data.azuread_authentication_strength_policy.x.id}'],
    ['a variable', '${var.strength}'],
  ])('%s stays unresolved', (_, id) => {
    expect(strengthOf(id)).toEqual({ id, resolved: false });
  });
});

test('the report is plain data: JSON round-trips unchanged', () => {
  const report = whatIfOf({ a: requiring(['mfa']), b: block({ state: 'enabledForReportingButNotEnforced' }) }).evaluate(signIn());
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
});
