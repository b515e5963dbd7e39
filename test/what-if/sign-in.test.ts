/* eslint-disable @stylistic/max-len */
// Typed sign-ins (issue 10 point 8): SignIn.user / guest / servicePrincipal with the library's enum-like classes
// produce exactly the Graph evaluate request body (v1.0 conditionalAccessRoot: evaluate, request body and examples).
import { IDS, policy, whatIfOf } from './helpers';
import {
  AuthenticationFlow,
  ClientAppType,
  DevicePlatform,
  DirectoryRole,
  GuestOrExternalUserType,
  InsiderRiskLevel,
  RiskLevel,
  SignIn,
  UserAction,
  WhatIfAccess,
} from '../../src';

describe('toGraphRequest: exactly the Graph request body', () => {
  test('Graph evaluate example 1 (a user signing in to SharePoint Online), property for property', () => {
    const signIn = SignIn.user({
      userId: '15dc174b-f34c-4588-ac45-61d6e05dce93',
      applications: ['00000003-0000-0ff1-ce00-000000000000'],
      devicePlatform: DevicePlatform.ANDROID,
      clientAppType: ClientAppType.BROWSER,
      signInRiskLevel: RiskLevel.HIGH,
      userRiskLevel: RiskLevel.HIGH,
      country: 'US',
      ipAddress: '40.77.182.32',
      insiderRiskLevel: InsiderRiskLevel.ELEVATED,
      authenticationFlow: AuthenticationFlow.DEVICE_CODE_FLOW,
      device: { isCompliant: true },
      appliedPoliciesOnly: true,
    });
    expect(signIn.toGraphRequest()).toEqual({
      signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', 'userId': '15dc174b-f34c-4588-ac45-61d6e05dce93' },
      signInContext: { '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': ['00000003-0000-0ff1-ce00-000000000000'] },
      signInConditions: {
        ipAddress: '40.77.182.32',
        country: 'US',
        clientAppType: 'browser',
        devicePlatform: 'android',
        signInRiskLevel: 'high',
        userRiskLevel: 'high',
        insiderRiskLevel: 'elevated',
        authenticationFlow: { transferMethod: 'deviceCodeFlow' },
        deviceInfo: { isCompliant: true },
      },
      appliedPoliciesOnly: true,
    });
  });

  test('a guest registering security info: the user action is sent by its sign-in name, not the policy URN', () => {
    const signIn = SignIn.guest({
      userId: IDS.bob,
      externalUserType: GuestOrExternalUserType.B2B_COLLABORATION_GUEST,
      externalTenantId: IDS.partnerTenant,
      userAction: UserAction.REGISTER_SECURITY_INFORMATION,
      ipAddress: '198.51.100.7',
    });
    expect(signIn.toGraphRequest()).toEqual({
      signInIdentity: {
        '@odata.type': '#microsoft.graph.userSignIn',
        'userId': IDS.bob,
        'externalUserType': 'b2bCollaborationGuest',
        'externalTenantId': IDS.partnerTenant,
      },
      signInContext: { '@odata.type': '#microsoft.graph.userActionContext', 'userAction': 'registerSecurityInformation' },
      signInConditions: { ipAddress: '198.51.100.7' },
      appliedPoliciesOnly: false,
    });
  });

  test('a service principal (Graph evaluate example 4 shape)', () => {
    const signIn = SignIn.servicePrincipal({
      servicePrincipalId: IDS.spA,
      applications: [IDS.customApp],
      servicePrincipalRiskLevel: RiskLevel.LOW,
      ipAddress: '40.77.182.32',
    });
    expect(signIn.toGraphRequest()).toEqual({
      signInIdentity: { '@odata.type': '#microsoft.graph.servicePrincipalSignIn', 'servicePrincipalId': IDS.spA },
      signInContext: { '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': [IDS.customApp] },
      signInConditions: { ipAddress: '40.77.182.32', servicePrincipalRiskLevel: 'low' },
      appliedPoliciesOnly: false,
    });
  });

  test('an authentication context, and device properties including extension attributes', () => {
    const signIn = SignIn.user({
      userId: IDS.alice,
      authenticationContext: 'c37',
      device: { trustType: 'AzureAD', ownership: 'Company', systemLabels: ['M365Managed'], extensionAttributes: { 1: 'SAW', 15: 'x' } },
    });
    expect(signIn.toGraphRequest()).toEqual({
      signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', 'userId': IDS.alice },
      signInContext: { '@odata.type': '#microsoft.graph.authContext', 'authenticationContextValue': 'c37' },
      signInConditions: { deviceInfo: { trustType: 'AzureAD', ownership: 'Company', systemLabels: ['M365Managed'], extensionAttribute1: 'SAW', extensionAttribute15: 'x' } },
      appliedPoliciesOnly: false,
    });
  });

  test('groups and roles are the offline directory extension: in toJson, not in the Graph body', () => {
    const signIn = SignIn.user({ userId: IDS.alice, applications: [IDS.customApp], memberOf: ['azuread_group.admins'], roles: [DirectoryRole.GLOBAL_ADMINISTRATOR] });
    expect(signIn.toGraphRequest().directory).toBeUndefined();
    expect(signIn.toJson()).toEqual({ ...signIn.toGraphRequest(), directory: { memberOf: ['azuread_group.admins'], roles: [IDS.globalAdminRole] } });
    expect(SignIn.user({ userId: IDS.alice, applications: [IDS.customApp] }).toJson().directory).toBeUndefined();
  });

  test('the returned objects are copies', () => {
    const signIn = SignIn.user({ userId: IDS.alice, applications: [IDS.customApp] });
    signIn.toGraphRequest().signInContext.includeApplications.push('x');
    expect(signIn.toGraphRequest().signInContext.includeApplications).toEqual([IDS.customApp]);
  });
});

describe('WhatIf.evaluate takes a SignIn as well as raw JSON, with the same result', () => {
  const w = whatIfOf({
    block: policy({ grant_controls: { built_in_controls: ['block'] }, conditions: { users: { included_users: ['GuestsOrExternalUsers'] } } }),
    mfa: policy({ conditions: { users: { included_users: undefined, included_groups: ['${azuread_group.admins.object_id}'] } } }),
  });

  test('a member in the admins group', () => {
    const typed = SignIn.user({ userId: IDS.alice, applications: [IDS.customApp], memberOf: ['azuread_group.admins'], roles: [] });
    expect(w.evaluate(typed)).toEqual(w.evaluate(typed.toJson()));
    expect(w.evaluate(typed).outcome.access).toBe(WhatIfAccess.REQUIRES_CONTROLS);
    expect(w.validate(typed)).toEqual([]);
  });

  test('a guest is blocked', () => {
    const typed = SignIn.guest({ userId: IDS.bob, externalUserType: GuestOrExternalUserType.INTERNAL_GUEST, applications: [IDS.customApp], memberOf: [] });
    expect(w.evaluate(typed).outcome.access).toBe(WhatIfAccess.BLOCKED);
  });

  test('without memberOf, the group policy is undetermined', () => {
    const typed = SignIn.user({ userId: IDS.alice, applications: [IDS.customApp] });
    expect(w.evaluate(typed).outcome).toMatchObject({ access: 'undetermined', missing: ['directory.memberOf'] });
  });
});

describe('bad input names the property, the value and the fix', () => {
  const message = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('did not throw');
  };

  test.each<[string, () => unknown, string]>([
    ['userId', () => SignIn.user({ userId: 'alice', applications: [IDS.customApp] }), 'SignIn.user: userId "alice" is neither a GUID nor a Terraform address; use an object id or an address such as azuread_user.alice'],
    ['no target', () => SignIn.user({ userId: IDS.alice }), 'SignIn.user: give exactly one of applications, userAction and authenticationContext (none is given)'],
    [
      'two targets',
      () => SignIn.user({ userId: IDS.alice, applications: [IDS.customApp], userAction: UserAction.REGISTER_SECURITY_INFORMATION }),
      'SignIn.user: give exactly one of applications, userAction and authenticationContext (2 are given)',
    ],
    ['ip', () => SignIn.user({ userId: IDS.alice, applications: [IDS.customApp], ipAddress: '300.1.1.1' }), "SignIn.user: ipAddress '300.1.1.1' is not an IPv4 or IPv6 address; use e.g. 198.51.100.7 or 2001:db8::1"],
    ['country', () => SignIn.user({ userId: IDS.alice, applications: [IDS.customApp], country: 'FRA' }), "SignIn.user: country 'FRA' is not an ISO 3166-1 alpha-2 country code; use two letters such as FR or US"],
    [
      'an escape-hatch value that is no sign-in value',
      () => SignIn.user({ userId: IDS.alice, applications: [IDS.customApp], clientAppType: ClientAppType.of('web') }),
      "SignIn.user: clientAppType 'web' is not a sign-in client app type; use a ClientAppType constant or one of all, browser, mobileAppsAndDesktopClients, exchangeActiveSync, easSupported, other, unknownFutureValue",
    ],
    ['an authentication context', () => SignIn.user({ userId: IDS.alice, authenticationContext: 'c100' }), "SignIn.user: authenticationContext 'c100' is not an authentication context; use c1 to c99"],
    [
      'a tenant id',
      () => SignIn.guest({ userId: IDS.bob, externalUserType: GuestOrExternalUserType.INTERNAL_GUEST, externalTenantId: 'contoso', applications: [IDS.customApp] }),
      "SignIn.guest: externalTenantId 'contoso' is not a GUID; use the guest's home tenant id",
    ],
    [
      'a guest that is none',
      () => SignIn.guest({ userId: IDS.bob, externalUserType: GuestOrExternalUserType.of('none'), applications: [IDS.customApp] }),
      "SignIn.guest: externalUserType 'none' is not a guest or external user type; use a GuestOrExternalUserType constant (for a member, use SignIn.user)",
    ],
    ['memberOf', () => SignIn.user({ userId: IDS.alice, applications: [IDS.customApp], memberOf: ['Admins'] }), 'SignIn.user: memberOf[0] "Admins" is neither a GUID nor a Terraform address; use an object id or an address such as azuread_group.admins'],
  ])('%s', (_, f, expected) => {
    expect(message(f)).toBe(expected);
  });

  test('every problem is reported at once, one per line', () => {
    expect(message(() => SignIn.servicePrincipal({ servicePrincipalId: 'app', applications: [], country: 'XX' })).split('\n')).toEqual([
      'SignIn.servicePrincipal: servicePrincipalId "app" is neither a GUID nor a Terraform address; use an object id or an address such as azuread_service_principal.app',
      'SignIn.servicePrincipal: applications is empty; list at least one application id',
      "SignIn.servicePrincipal: country 'XX' is not an ISO 3166-1 alpha-2 country code; use two letters such as FR or US",
    ]);
  });

  test('sign-in-only values are reachable through the escape hatches (insider risk none, flow none)', () => {
    const s = SignIn.user({ userId: IDS.alice, applications: [IDS.customApp], insiderRiskLevel: InsiderRiskLevel.of('none'), authenticationFlow: AuthenticationFlow.of('none') });
    expect(s.toGraphRequest().signInConditions).toEqual({ insiderRiskLevel: 'none', authenticationFlow: { transferMethod: 'none' } });
  });
});
