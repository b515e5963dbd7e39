// Every analysis reason the offline evaluator can produce, each reached by a minimal policy + sign-in.
import { IDS, policy, reasons, registering, signIn } from './helpers';
import { ANALYSIS_REASONS } from '../../src/what-if/microsoft-data';

const spSignIn = {
  signInIdentity: { '@odata.type': '#microsoft.graph.servicePrincipalSignIn', 'servicePrincipalId': IDS.spA, 'userId': undefined },
  directory: undefined,
};

const cases: Array<[string, object, object]> = [
  ['notEnoughInformation', policy({ conditions: { locations: { included_locations: ['AllTrusted'] } } }), signIn()],
  ['invalidCondition', policy({ conditions: { client_app_types: ['web'] } }), signIn()],
  ['users', policy({ conditions: { users: { excluded_users: [IDS.alice] } } }), signIn()],
  ['workloadIdentities', policy(), signIn(spSignIn)],
  ['application', policy({ conditions: { applications: { included_applications: [IDS.customApp] } } }), signIn()],
  ['userActions', policy({ conditions: { applications: { included_applications: undefined, included_user_actions: ['urn:user:registersecurityinfo'] } } }), signIn()],
  ['authenticationContext', policy(), signIn({ signInContext: { '@odata.type': '#microsoft.graph.authContext', 'authenticationContextValue': 'c1', 'includeApplications': undefined } })],
  ['devicePlatform', policy({ conditions: { platforms: { included_platforms: ['iOS'] } } }), signIn({ signInConditions: { devicePlatform: 'android' } })],
  [
    'devices',
    policy({ conditions: { devices: { filter: { mode: 'include', rule: 'device.isCompliant -eq True' } } } }),
    signIn({ signInConditions: { deviceInfo: { isCompliant: false } } }),
  ],
  ['clientApps', policy({ conditions: { client_app_types: ['browser'] } }), signIn({ signInConditions: { clientAppType: 'mobileAppsAndDesktopClients' } })],
  [
    'location',
    policy({ conditions: { locations: { included_locations: ['${azuread_named_location.partner.object_id}'] } } }),
    signIn({ signInConditions: { ipAddress: '192.0.2.200' } }),
  ],
  ['signInRisk', policy({ conditions: { sign_in_risk_levels: ['high'] } }), signIn({ signInConditions: { signInRiskLevel: 'low' } })],
  ['emptyPolicy', policy({ grant_controls: undefined }), signIn()],
  ['invalidPolicy', policy({ conditions: { applications: { included_user_actions: ['urn:user:registersecurityinfo'] } } }), signIn()],
  ['policyNotEnabled', policy({ state: 'disabled' }), signIn()],
  ['userRisk', policy({ conditions: { user_risk_levels: ['high', 'medium'] } }), signIn({ signInConditions: { userRiskLevel: 'none' } })],
  ['insiderRisk', policy({ conditions: { insider_risk_levels: 'elevated' } }), signIn({ signInConditions: { insiderRiskLevel: 'minor' } })],
  [
    'authenticationFlow',
    policy({ conditions: { authentication_flow_transfer_methods: ['deviceCodeFlow'] } }),
    signIn({ signInConditions: { authenticationFlow: { transferMethod: 'none' } } }),
  ],
];

test.each(cases)('%s', (expected, p, s) => {
  expect(reasons(p, s)).toBe(expected);
});

test('the cases cover every reason except time (provider 3.7.0 has no times condition)', () => {
  expect(cases.map((c) => c[0]).sort()).toEqual(ANALYSIS_REASONS.filter((r) => r !== 'time').sort());
});

test('an applying policy reports notSet', () => {
  expect(reasons(policy(), signIn())).toBe('notSet');
});

test('all failing conditions are reported, in the order of Graph\'s enum', () => {
  const p = policy({
    conditions: {
      users: { included_users: ['GuestsOrExternalUsers'] },
      client_app_types: ['browser'],
      sign_in_risk_levels: ['high'],
      locations: { included_locations: ['${azuread_named_location.partner.object_id}'] },
      platforms: { included_platforms: ['iOS'] },
      insider_risk_levels: 'elevated',
    },
  });
  const s = signIn({
    signInConditions: { ipAddress: '198.51.100.1', clientAppType: 'other', signInRiskLevel: 'low', insiderRiskLevel: 'none' },
  });
  // devicePlatform is not given: unknown, hence notEnoughInformation first
  expect(reasons(p, s)).toBe('notEnoughInformation,users,clientApps,location,signInRisk,insiderRisk');
});

test('a disabled policy reports only policyNotEnabled, whatever else fails', () => {
  const p = policy({ state: 'disabled', conditions: { users: { excluded_users: [IDS.alice] }, client_app_types: ['browser'] } });
  expect(reasons(p, signIn({ signInConditions: { clientAppType: 'other' } }))).toBe('policyNotEnabled');
});

test('a user action sign-in matches an All-resources policy (Graph evaluate example 3), whose app exclusions do not apply', () => {
  const p = policy({ conditions: { applications: { excluded_applications: [IDS.sharePoint, 'Office365'] } } });
  expect(reasons(p, signIn(registering()))).toBe('notSet');
  expect(reasons(p, signIn(registering('registerOrJoinDevices')))).toBe('notSet');
});

test('a user action sign-in does not match a policy on specific apps: application', () => {
  const p = policy({ conditions: { applications: { included_applications: ['Office365'] } } });
  expect(reasons(p, signIn(registering()))).toBe('application');
});

test('a user action policy applies only to its own action: userActions', () => {
  const p = policy({ conditions: { applications: { included_applications: undefined, included_user_actions: ['urn:user:registerdevice'] } } });
  expect(reasons(p, signIn(registering('registerOrJoinDevices')))).toBe('notSet');
  expect(reasons(p, signIn(registering('registerSecurityInformation')))).toBe('userActions');
});

test('a policy whose state is a Terraform expression cannot be decided', () => {
  expect(reasons(policy({ state: '${var.state}' }), signIn())).toBe('notEnoughInformation');
});
