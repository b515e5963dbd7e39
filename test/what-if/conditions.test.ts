// Client apps, platforms, risks, authentication flows and the filter for devices, three-valued.
import { policy, reasons, signIn, whatIfOf } from './helpers';

const conditions = (c: object) => policy({ conditions: c });
const withConditions = (c: object) => signIn({ signInConditions: c });

describe('client app types', () => {
  const p = conditions({ client_app_types: ['browser', 'mobileAppsAndDesktopClients'] });
  test.each([
    ['browser', 'notSet'],
    ['mobileAppsAndDesktopClients', 'notSet'],
    ['exchangeActiveSync', 'clientApps'],
    ['other', 'clientApps'],
    ['all', 'notEnoughInformation'],
    [undefined, 'notEnoughInformation'],
  ])('%s → %s', (clientAppType, expected) => {
    expect(reasons(p, withConditions({ clientAppType }))).toBe(expected);
  });

  test('exchangeActiveSync "includes EAS supported and unsupported platforms" (Graph conditionalAccessConditionSet)', () => {
    const eas = conditions({ client_app_types: ['exchangeActiveSync'] });
    expect(reasons(eas, withConditions({ clientAppType: 'easSupported' }))).toBe('notSet');
    expect(reasons(eas, withConditions({ clientAppType: 'exchangeActiveSync' }))).toBe('notSet');
    expect(reasons(eas, withConditions({ clientAppType: 'browser' }))).toBe('clientApps');
    // a policy on supported platforms only: an exchangeActiveSync sign-in may be on either
    const supported = conditions({ client_app_types: ['easSupported'] });
    expect(reasons(supported, withConditions({ clientAppType: 'easSupported' }))).toBe('notSet');
    expect(reasons(supported, withConditions({ clientAppType: 'exchangeActiveSync' }))).toBe('notEnoughInformation');
    expect(reasons(supported, withConditions({ clientAppType: 'other' }))).toBe('clientApps');
  });

  test('a policy on all client apps does not need the client app type', () => {
    expect(reasons(conditions({ client_app_types: ['all'] }), withConditions({}))).toBe('notSet');
  });
});

describe('device platforms', () => {
  const p = conditions({ platforms: { included_platforms: ['all'], excluded_platforms: ['iOS', 'android'] } });
  test.each([
    ['windows', 'notSet'],
    ['iOS', 'devicePlatform'],
    ['android', 'devicePlatform'],
    [undefined, 'notEnoughInformation'],
  ])('all except iOS and android: %s → %s', (devicePlatform, expected) => {
    expect(reasons(p, withConditions({ devicePlatform }))).toBe(expected);
  });

  test('an included platform list', () => {
    const only = conditions({ platforms: { included_platforms: ['linux', 'macOS'] } });
    expect(reasons(only, withConditions({ devicePlatform: 'linux' }))).toBe('notSet');
    expect(reasons(only, withConditions({ devicePlatform: 'windowsPhone' }))).toBe('devicePlatform');
  });

  test('all platforms without exclusions need no platform', () => {
    expect(reasons(conditions({ platforms: { included_platforms: ['all'] } }), withConditions({}))).toBe('notSet');
  });
});

describe('risk levels and flows', () => {
  test.each([
    [{ sign_in_risk_levels: ['high', 'medium'] }, { signInRiskLevel: 'medium' }, 'notSet'],
    [{ sign_in_risk_levels: ['high', 'medium'] }, { signInRiskLevel: 'hidden' }, 'signInRisk'],
    [{ sign_in_risk_levels: ['high'] }, {}, 'notEnoughInformation'],
    [{ user_risk_levels: ['high'] }, { userRiskLevel: 'high' }, 'notSet'],
    [{ user_risk_levels: ['high'] }, { userRiskLevel: 'low' }, 'userRisk'],
    [{ insider_risk_levels: 'elevated' }, { insiderRiskLevel: 'elevated' }, 'notSet'],
    [{ insider_risk_levels: 'elevated' }, { insiderRiskLevel: 'none' }, 'insiderRisk'],
    [{ insider_risk_levels: 'minor,moderate' }, { insiderRiskLevel: 'moderate' }, 'notSet'],
    [{ authentication_flow_transfer_methods: ['deviceCodeFlow', 'authenticationTransfer'] }, { authenticationFlow: { transferMethod: 'authenticationTransfer' } }, 'notSet'],
    [{ authentication_flow_transfer_methods: ['deviceCodeFlow'] }, {}, 'notEnoughInformation'],
  ])('%j with %j → %s', (c, s, expected) => {
    expect(reasons(conditions(c), withConditions(s))).toBe(expected);
  });
});

describe('filter for devices', () => {
  const filtered = (mode: string, rule: string) => conditions({ devices: { filter: { mode, rule } } });

  test('include mode: the policy applies to matching devices only', () => {
    const p = filtered('include', 'device.trustType -eq "AzureAD" -and device.isCompliant -eq True');
    expect(reasons(p, withConditions({ deviceInfo: { trustType: 'AzureAD', isCompliant: true } }))).toBe('notSet');
    expect(reasons(p, withConditions({ deviceInfo: { trustType: 'Workplace', isCompliant: true } }))).toBe('devices');
    expect(reasons(p, withConditions({ deviceInfo: { trustType: 'azuread' } }))).toBe('notEnoughInformation');
    expect(reasons(p, withConditions({ deviceInfo: { trustType: 'Workplace' } }))).toBe('devices');
    expect(reasons(p, withConditions({}))).toBe('notEnoughInformation');
  });

  test('exclude mode: matching devices are left out (Learn: SAW devices)', () => {
    const p = filtered('exclude', 'device.extensionAttribute1 -eq "SAW"');
    expect(reasons(p, withConditions({ deviceInfo: { extensionAttribute1: 'SAW' } }))).toBe('devices');
    expect(reasons(p, withConditions({ deviceInfo: { extensionAttribute1: 'laptop' } }))).toBe('notSet');
  });

  test('a rule the evaluator cannot read is reported with the error, and the condition is notEnoughInformation', () => {
    const w = whatIfOf({ p: filtered('include', 'device.model -match "Surface.*"') });
    expect(w.evaluate(withConditions({ deviceInfo: { model: 'Surface Pro' } })).results[0].analysisReasons).toBe('notEnoughInformation');
    expect(w.warnings).toEqual([
      'azuread_conditional_access_policy.p: devices.filter.rule \'device.model -match "Surface.*"\': expected an operator (-eq, -ne, -startsWith, -notStartsWith, -endsWith, -notEndsWith, -contains, -notContains, -in, -notIn) after device.model, got \'-match\' (-match is not supported in device filters) (at character 14); the device condition is notEnoughInformation',
    ]);
  });

  test('operators without the hyphen work in a policy (Learn dynamic membership rules: "with or without the hyphen prefix")', () => {
    const p = filtered('include', 'device.trustType eq "AzureAD" and device.model startsWith "Surface"');
    expect(reasons(p, withConditions({ deviceInfo: { trustType: 'AzureAD', model: 'Surface Pro' } }))).toBe('notSet');
    expect(reasons(p, withConditions({ deviceInfo: { trustType: 'AzureAD', model: 'ThinkPad' } }))).toBe('devices');
  });

  test('a property given as null has no value: positive operators fail, negative ones match (Learn: unregistered devices)', () => {
    const positive = filtered('include', 'device.model -eq "Surface"');
    const negative = filtered('include', 'device.model -ne "Surface"');
    expect(reasons(positive, withConditions({ deviceInfo: { model: null } }))).toBe('devices');
    expect(reasons(negative, withConditions({ deviceInfo: { model: null } }))).toBe('notSet');
  });
});
