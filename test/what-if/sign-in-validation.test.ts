// Invalid sign-ins are rejected with messages that name the field, the bad value and the fix.
import { IDS, policy, signIn, whatIfOf } from './helpers';
import { WhatIfInputError } from '../../src/what-if/errors';

const whatIf = whatIfOf({ p: policy() });

/** The message `evaluate` throws for this sign-in. */
function errorOf(s: unknown): string {
  try {
    whatIf.evaluate(s);
  } catch (e) {
    expect(e).toBeInstanceOf(WhatIfInputError);
    return (e as Error).message;
  }
  throw new Error('evaluate did not throw');
}

test.each<[string, object, string]>([
  [
    'a malformed IP',
    { signInConditions: { ipAddress: '999.1.1.1' } },
    "signInConditions.ipAddress: '999.1.1.1' is not an IPv4 or IPv6 address; use a dotted IPv4 address such as 198.51.100.7 or an IPv6 address such as 2001:db8::1",
  ],
  [
    'a shortened IPv4 address',
    { signInConditions: { ipAddress: '10.1' } },
    "signInConditions.ipAddress: '10.1' is not an IPv4 or IPv6 address; use a dotted IPv4 address such as 198.51.100.7 or an IPv6 address such as 2001:db8::1",
  ],
  [
    'an unknown enum value, with a hint',
    { signInConditions: { devicePlatform: 'ios' } },
    "signInConditions.devicePlatform: 'ios' is not a device platform; did you mean 'iOS'? use one of all, android, iOS, linux, macOS, windows, windowsPhone, unknownFutureValue",
  ],
  [
    'an unknown risk level',
    { signInConditions: { signInRiskLevel: 'severe' } },
    "signInConditions.signInRiskLevel: 'severe' is not a risk level; use one of low, medium, high, hidden, none, unknownFutureValue",
  ],
  [
    'a misspelt field',
    { signInConditions: { ipAdress: '198.51.100.7' } },
    "signInConditions.ipAdress: unknown field; did you mean 'ipAddress'?",
  ],
  [
    'a country that is not ISO 3166-1 alpha-2',
    { signInConditions: { country: 'France' } },
    "signInConditions.country: 'France' is not an ISO 3166-1 alpha-2 country code; use two letters such as FR or US",
  ],
  [
    'an authentication flow given as a string',
    { signInConditions: { authenticationFlow: 'deviceCodeFlow' } },
    'signInConditions.authenticationFlow: expected an object such as { "transferMethod": "deviceCodeFlow" }, got \'deviceCodeFlow\'',
  ],
  [
    'a non-boolean compliance flag',
    { signInConditions: { deviceInfo: { isCompliant: 'yes' } } },
    "signInConditions.deviceInfo.isCompliant: expected true or false, got 'yes'",
  ],
  [
    'a user id that is neither a GUID nor an address',
    { signInIdentity: { userId: 'alice@contoso.example' } },
    "signInIdentity.userId: 'alice@contoso.example' is neither a GUID nor a Terraform address; use an object id or an address such as azuread_user.alice",
  ],
  [
    'a group address that is not in the stack',
    { directory: { memberOf: ['azuread_group.admin'] } },
    "directory.memberOf[0]: 'azuread_group.admin' is not a resource or data source in this stack; use a GUID or one of azuread_group.admins",
  ],
  [
    'an unknown external user type',
    { signInIdentity: { externalUserType: 'guest' } },
    "signInIdentity.externalUserType: 'guest' is not an external user type; use one of none, internalGuest, b2bCollaborationGuest, b2bCollaborationMember, b2bDirectConnectUser, otherExternalUser, serviceProvider, unknownFutureValue",
  ],
  [
    'an external tenant that is not a GUID',
    { signInIdentity: { externalTenantId: 'fabrikam.example' } },
    "signInIdentity.externalTenantId: 'fabrikam.example' is not a GUID; use the guest's home tenant id",
  ],
  [
    'an unsupported identity type',
    { signInIdentity: { '@odata.type': '#microsoft.graph.groupSignIn' } },
    "signInIdentity.@odata.type: '#microsoft.graph.groupSignIn' is not supported; use '#microsoft.graph.userSignIn' or '#microsoft.graph.servicePrincipalSignIn'",
  ],
  [
    'an empty application list',
    { signInContext: { includeApplications: [] } },
    'signInContext.includeApplications: is empty; list at least one application id (e.g. 00000003-0000-0ff1-ce00-000000000000 for SharePoint Online)',
  ],
  [
    'an unknown user action',
    { signInContext: { '@odata.type': '#microsoft.graph.userActionContext', 'userAction': 'registerSecurityInfo', 'includeApplications': undefined } },
    "signInContext.userAction: 'registerSecurityInfo' is not a user action; did you mean 'registerSecurityInformation'? use registerSecurityInformation or registerOrJoinDevices or unknownFutureValue",
  ],
  [
    'an authentication context out of range',
    { signInContext: { '@odata.type': '#microsoft.graph.authContext', 'authenticationContextValue': 'c100', 'includeApplications': undefined } },
    "signInContext.authenticationContextValue: 'c100' is not an authentication context; use c1 to c99",
  ],
  ['a non-boolean appliedPoliciesOnly', { appliedPoliciesOnly: 'yes' }, "appliedPoliciesOnly: expected true or false, got 'yes'"],
  ['an unknown top-level field', { directroy: {} }, "directroy: unknown field; did you mean 'directory'?"],
])('%s', (_, patch, message) => {
  expect(errorOf(signIn(patch))).toBe(message);
});

test('a missing identity, context and conditions are each reported', () => {
  expect(errorOf({})).toBe(
    [
      'signInIdentity: is required; add { "@odata.type": "#microsoft.graph.userSignIn", "userId": "<object id or azuread_user address>" }',
      'signInContext: is required; add { "@odata.type": "#microsoft.graph.userActionContext", "userAction": "registerSecurityInformation" } or { "@odata.type": "#microsoft.graph.applicationContext", "includeApplications": ["<app id>"] }',
      'signInConditions: is required; use {} to have every condition the policies use reported as notEnoughInformation',
    ].join('\n'),
  );
});

test('a sign-in that is not an object', () => {
  expect(errorOf(['signInIdentity'])).toBe('sign-in: expected a JSON object (the body of a Graph evaluate request), got ["signInIdentity"]');
});

test('a service principal cannot perform user actions, and needs its id', () => {
  const s = {
    signInIdentity: { '@odata.type': '#microsoft.graph.servicePrincipalSignIn' },
    signInContext: { '@odata.type': '#microsoft.graph.userActionContext', 'userAction': 'registerSecurityInformation' },
    signInConditions: {},
  };
  expect(whatIf.validate(s)).toEqual([
    "signInIdentity.servicePrincipalId: is required for #microsoft.graph.servicePrincipalSignIn; use the service principal's object id",
    'signInContext: a service principal cannot perform user actions; use #microsoft.graph.applicationContext',
  ]);
});

test('validate lists every problem and evaluate throws them all', () => {
  const s = signIn({ signInConditions: { ipAddress: 'nope', clientAppType: 'web' }, directory: { memberOf: [42] } });
  const problems = whatIf.validate(s);
  expect(problems).toEqual([
    'directory.memberOf[0]: expected a string (an object id or a Terraform address), got 42',
    "signInConditions.ipAddress: 'nope' is not an IPv4 or IPv6 address; use a dotted IPv4 address such as 198.51.100.7 or an IPv6 address such as 2001:db8::1",
    "signInConditions.clientAppType: 'web' is not a client app type; use one of all, browser, mobileAppsAndDesktopClients, exchangeActiveSync, easSupported, other, unknownFutureValue",
  ]);
  try {
    whatIf.evaluate(s);
    throw new Error('not thrown');
  } catch (e) {
    expect((e as WhatIfInputError).problems).toEqual(problems);
    expect((e as Error).name).toBe('WhatIfInputError');
  }
});

test('valid sign-ins pass validation, including the @odata.type without # and null fields', () => {
  expect(whatIf.validate(signIn())).toEqual([]);
  expect(
    whatIf.validate({
      signInIdentity: { '@odata.type': 'microsoft.graph.userSignIn', 'userId': IDS.alice, 'externalTenantId': null },
      signInContext: { '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': ['Office365'] },
      signInConditions: { '@odata.type': '#microsoft.graph.signInConditions', 'country': null, 'ipAddress': '2001:db8::1' },
      appliedPoliciesOnly: false,
    }),
  ).toEqual([]);
});

test('a sign-in valid for Graph evaluate example 1 is accepted as is', () => {
  const example1 = {
    signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', 'userId': '15dc174b-f34c-4588-ac45-61d6e05dce93' },
    signInContext: { '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': ['00000003-0000-0ff1-ce00-000000000000'] },
    signInConditions: {
      devicePlatform: 'android',
      clientAppType: 'browser',
      signInRiskLevel: 'high',
      userRiskLevel: 'high',
      country: 'US',
      ipAddress: '40.77.182.32',
      insiderRiskLevel: 'elevated',
      authenticationFlow: { transferMethod: 'deviceCodeFlow' },
      deviceInfo: { isCompliant: true },
    },
    appliedPoliciesOnly: true,
  };
  expect(whatIf.validate(example1)).toEqual([]);
});

describe('every documented enum value is accepted (Graph v1.0 metadata, docs-facts section 4)', () => {
  // verbatim from the v1.0 CSDL enum declarations (sign-in side)
  const ENUMS: Array<[string, string[], (v: string) => object]> = [
    ['conditionalAccessDevicePlatform', ['android', 'iOS', 'windows', 'windowsPhone', 'macOS', 'all', 'unknownFutureValue', 'linux'], (v) => ({ signInConditions: { devicePlatform: v } })],
    ['conditionalAccessClientApp', ['all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other', 'unknownFutureValue'], (v) => ({ signInConditions: { clientAppType: v } })],
    ['riskLevel (sign-in)', ['low', 'medium', 'high', 'hidden', 'none', 'unknownFutureValue'], (v) => ({ signInConditions: { signInRiskLevel: v } })],
    ['riskLevel (user)', ['low', 'medium', 'high', 'hidden', 'none', 'unknownFutureValue'], (v) => ({ signInConditions: { userRiskLevel: v } })],
    ['riskLevel (service principal)', ['low', 'medium', 'high', 'hidden', 'none', 'unknownFutureValue'], (v) => ({ signInConditions: { servicePrincipalRiskLevel: v } })],
    ['insiderRiskLevel', ['none', 'minor', 'moderate', 'elevated', 'unknownFutureValue'], (v) => ({ signInConditions: { insiderRiskLevel: v } })],
    ['conditionalAccessTransferMethods', ['none', 'deviceCodeFlow', 'authenticationTransfer', 'unknownFutureValue'], (v) => ({ signInConditions: { authenticationFlow: { transferMethod: v } } })],
    [
      'conditionalAccessGuestOrExternalUserTypes',
      ['none', 'internalGuest', 'b2bCollaborationGuest', 'b2bCollaborationMember', 'b2bDirectConnectUser', 'otherExternalUser', 'serviceProvider', 'unknownFutureValue'],
      (v) => ({ signInIdentity: { externalUserType: v } }),
    ],
    [
      'userAction',
      ['registerSecurityInformation', 'registerOrJoinDevices', 'unknownFutureValue'],
      (v) => ({ signInContext: { '@odata.type': '#microsoft.graph.userActionContext', 'userAction': v, 'includeApplications': undefined } }),
    ],
  ];
  test.each(ENUMS)('%s', (_, values, patch) => {
    for (const v of values) {
      expect([v, whatIf.validate(signIn(patch(v)))]).toEqual([v, []]);
      expect(() => whatIf.evaluate(signIn(patch(v)))).not.toThrow();
    }
  });

  test('devicePlatform unknownFutureValue matches a policy on all platforms and no policy on listed ones', () => {
    const w = whatIfOf({
      all: policy({ conditions: { platforms: { included_platforms: ['all'] } } }),
      listed: policy({ conditions: { platforms: { included_platforms: ['android', 'iOS'] } } }),
    });
    const report = w.evaluate(signIn({ signInConditions: { devicePlatform: 'unknownFutureValue' } }));
    expect(report.results.map((r) => r.analysisReasons)).toEqual(['notSet', 'devicePlatform']);
  });
});
