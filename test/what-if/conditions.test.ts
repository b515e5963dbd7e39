// Client apps, platforms, risks, authentication flows and the filter for devices, three-valued.
import { policy, reasons, signIn, whatIfOf } from './helpers';
import { evaluateDeviceRule, parseDeviceRule } from '../../src/what-if/device-filter';

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

  test('a rule the evaluator cannot read is reported, and the condition is notEnoughInformation', () => {
    const w = whatIfOf({ p: filtered('include', 'device.model -match "Surface.*"') });
    expect(w.evaluate(withConditions({ deviceInfo: { model: 'Surface Pro' } })).results[0].analysisReasons).toBe('notEnoughInformation');
    expect(w.warnings).toEqual([
      'azuread_conditional_access_policy.p: devices.filter.rule \'device.model -match "Surface.*"\' uses syntax the offline evaluator does not support; the device condition is notEnoughInformation',
    ]);
  });
});

describe('device rule language', () => {
  const device = new Map<string, string | string[] | boolean>([
    ['displayname', 'contoso-laptop-042'],
    ['operatingsystem', 'windows'],
    ['operatingsystemversion', '10.0.19045'],
    ['iscompliant', false],
    ['systemlabels', ['m365managed', 'multiuser']],
    ['ownership', 'company'],
  ]);
  const run = (rule: string) => {
    const parsed = parseDeviceRule(rule);
    if (!parsed) throw new Error(`not parsed: ${rule}`);
    return evaluateDeviceRule(parsed, device);
  };

  test.each([
    ['device.displayName -startsWith "Contoso"', 1],
    ['device.displayName -notStartsWith "contoso"', 0],
    ['device.displayName -endsWith "-042"', 1],
    ['device.displayName -contains "LAPTOP"', 1],
    ['device.displayName -notContains "desktop"', 1],
    ['device.operatingSystemVersion -in ["10.0.19045", "10.0.22000"]', 1],
    ['device.operatingSystemVersion -notIn ["10.0.19045"]', 0],
    ['device.isCompliant -eq True', 0],
    ['device.isCompliant -ne "True"', 1],
    ['device.systemLabels -contains "M365Managed"', 1],
    ['device.deviceOwnership -eq "Company"', 1],
    ['device.model -eq "x"', 2],
    ['device.model -ne "x"', 2],
    ['device.model -eq "x" -and device.isCompliant -eq True', 0],
    ['device.model -eq "x" -or device.isCompliant -eq False', 1],
    ['-not (device.operatingSystem -eq "Windows")', 0],
    ["(device.operatingSystem -eq 'windows') -and (device.displayName -contains 'laptop' -or device.model -eq 'y')", 1],
  ])('%s → %d', (rule, expected) => {
    expect(run(rule)).toBe(expected);
  });

  test.each(['device.model -match "x"', 'model -eq "x"', 'device.model -eq', '(device.model -eq "x"', 'device.model -in "x"', 'device.model -eq "x" extra', ''])(
    'unsupported: %s',
    (rule) => {
      expect(parseDeviceRule(rule)).toBeUndefined();
    },
  );
});
