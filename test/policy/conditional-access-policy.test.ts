import { DataAzureadGroup } from '@cdktf/provider-azuread/lib/data-azuread-group';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { User } from '@cdktf/provider-azuread/lib/user';
import { TerraformOutput, TerraformStack } from 'cdktf';
import {
  AuthenticationFlow,
  AuthenticationStrength,
  BuiltInControl,
  ClientAppType,
  CloudAppSecurityPolicy,
  CloudApplication,
  ConditionalAccessPolicy,
  ConditionalAccessPolicyProps,
  CountryNamedLocation,
  DevicePlatform,
  DirectoryRole,
  ExternalTenants,
  FilterMode,
  GrantControls,
  GuestOrExternalUserType,
  GuestsOrExternalUsers,
  IncludedUsers,
  InsiderRiskLevel,
  Location,
  PersistentBrowserMode,
  PolicyState,
  Principal,
  RiskLevel,
  SignInFrequency,
  SignInFrequencyAuthenticationType,
  TargetResources,
  UserAction,
} from '../../src';
import { only, synth } from '../helpers/synth';

const G1 = '11111111-1111-4111-8111-111111111111';
const G2 = '22222222-2222-4222-8222-222222222222';
const G3 = '33333333-3333-4333-8333-333333333333';
const APP = '00000003-0000-0ff1-ce00-000000000000';

const base: ConditionalAccessPolicyProps = {
  displayName: 'Policy',
  includeUsers: IncludedUsers.all(),
  target: TargetResources.allResources(),
  grant: GrantControls.requireMfa(),
};

function policyJson(props: Partial<ConditionalAccessPolicyProps>, extra?: (stack: TerraformStack) => Partial<ConditionalAccessPolicyProps>): any {
  const json = synth((stack) => {
    new ConditionalAccessPolicy(stack, 'P', { ...base, ...props, ...(extra ? extra(stack) : {}) });
  });
  return only(json, 'azuread_conditional_access_policy');
}

describe('ConditionalAccessPolicy', () => {
  test('minimal policy: report-only by default, all client apps, no empty lists', () => {
    expect(policyJson({})).toEqual({
      display_name: 'Policy',
      state: 'enabledForReportingButNotEnforced',
      conditions: {
        applications: { included_applications: ['All'] },
        client_app_types: ['all'],
        users: { included_users: ['All'] },
      },
      grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
    });
  });

  test.each([
    [PolicyState.ON, 'enabled'],
    [PolicyState.OFF, 'disabled'],
    [PolicyState.REPORT_ONLY, 'enabledForReportingButNotEnforced'],
  ])('state %#', (state, value) => {
    expect(policyJson({ state }).state).toBe(value);
  });

  test('exposes the L1 resource as Resource and the policy GUID (object_id)', () => {
    let key = '';
    const json: any = synth((stack) => {
      const p = new ConditionalAccessPolicy(stack, 'P', base);
      expect(p.resource.node.id).toBe('Resource');
      key = p.resource.friendlyUniqueId;
      new TerraformOutput(stack, 'policy_id', { value: p.policyId });
      expect(ConditionalAccessPolicy.isConditionalAccessPolicy(p)).toBe(true);
      expect(ConditionalAccessPolicy.isConditionalAccessPolicy({})).toBe(false);
    });
    expect(json.output.policy_id.value).toBe(`\${azuread_conditional_access_policy.${key}.object_id}`);
  });

  describe('users', () => {
    test('IncludedUsers.none()', () => {
      expect(policyJson({ includeUsers: IncludedUsers.none() }).conditions.users).toEqual({ included_users: ['None'] });
    });

    test('all guests as the special value on either side', () => {
      expect(policyJson({ includeUsers: IncludedUsers.allGuestsOrExternalUsers() }).conditions.users)
        .toEqual({ included_users: ['GuestsOrExternalUsers'] });
      expect(policyJson({ excludeUsers: { guestsOrExternalUsers: GuestsOrExternalUsers.ALL } }).conditions.users)
        .toEqual({ included_users: ['All'], excluded_users: ['GuestsOrExternalUsers'] });
    });

    test('structured guest block: types in Graph order, tenants', () => {
      const users = policyJson({
        includeUsers: IncludedUsers.select({
          guestsOrExternalUsers: GuestsOrExternalUsers.of({
            types: [
              GuestOrExternalUserType.SERVICE_PROVIDER,
              GuestOrExternalUserType.INTERNAL_GUEST,
              GuestOrExternalUserType.B2B_COLLABORATION_GUEST,
            ],
            externalTenants: ExternalTenants.enumerated(G2, G1),
          }),
        }),
        excludeUsers: {
          guestsOrExternalUsers: GuestsOrExternalUsers.of({ types: [GuestOrExternalUserType.B2B_DIRECT_CONNECT_USER] }),
        },
      }).conditions.users;
      expect(users).toEqual({
        included_guests_or_external_users: [{
          guest_or_external_user_types: ['internalGuest', 'b2bCollaborationGuest', 'serviceProvider'],
          external_tenants: [{ membership_kind: 'enumerated', members: [G1, G2] }],
        }],
        excluded_guests_or_external_users: [{
          guest_or_external_user_types: ['b2bDirectConnectUser'],
          external_tenants: [{ membership_kind: 'all' }],
        }],
      });
    });

    test('users, groups and roles by GUID, sorted', () => {
      const users = policyJson({
        includeUsers: IncludedUsers.select({
          users: [Principal.fromObjectId(G2), Principal.fromObjectId(G1)],
          groups: [Principal.fromObjectId(G1)],
          roles: [DirectoryRole.GLOBAL_ADMINISTRATOR, DirectoryRole.CONDITIONAL_ACCESS_ADMINISTRATOR],
        }),
        excludeUsers: { users: [Principal.fromObjectId(G3)], groups: [Principal.fromObjectId(G2)], roles: [DirectoryRole.fromTemplateId(G1)] },
      }).conditions.users;
      expect(users).toEqual({
        included_users: [G1, G2],
        included_groups: [G1],
        included_roles: ['62e90394-69f5-4237-9190-012177145e10', 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9'],
        excluded_users: [G3],
        excluded_groups: [G2],
        excluded_roles: [G1],
      });
    });

    test('GUIDs are written lower-case, as Graph returns them', () => {
      const users = policyJson({
        includeUsers: IncludedUsers.select({ users: [Principal.fromObjectId('AAAAAAAA-1111-4111-8111-111111111111')] }),
      }).conditions.users;
      expect(users).toEqual({ included_users: ['aaaaaaaa-1111-4111-8111-111111111111'] });
    });

    test('users and groups by construct reference (resources and data sources) use object_id', () => {
      const users = policyJson({}, (stack) => {
        const group = new Group(stack, 'Admins', { displayName: 'Admins', securityEnabled: true });
        const existing = new DataAzureadGroup(stack, 'BreakGlass', { displayName: 'Break glass' });
        const user = new User(stack, 'Alice', { displayName: 'Alice', userPrincipalName: 'alice@example.com' });
        return {
          includeUsers: IncludedUsers.select({ groups: [Principal.fromGroup(group)], users: [Principal.fromUser(user)] }),
          excludeUsers: { groups: [Principal.fromGroupData(existing)] },
        };
      }).conditions.users;
      expect(users).toEqual({
        included_users: ['${azuread_user.Alice.object_id}'],
        included_groups: ['${azuread_group.Admins.object_id}'],
        excluded_groups: ['${data.azuread_group.BreakGlass.object_id}'],
      });
    });

    test('a group in users is rejected with the construct path', () => {
      expect(() => policyJson({}, (stack) => {
        const group = new Group(stack, 'Admins', { displayName: 'Admins', securityEnabled: true });
        return { includeUsers: IncludedUsers.select({ users: [Principal.fromGroup(group)] }) };
      })).toThrow('includeUsers.users[0]: test/Admins is a group, not a user; move it to the matching list');
    });
  });

  describe('target resources', () => {
    test('user actions', () => {
      expect(policyJson({ target: TargetResources.userActions(UserAction.REGISTER_SECURITY_INFORMATION) }).conditions.applications)
        .toEqual({ included_user_actions: ['urn:user:registersecurityinfo'] });
      expect(policyJson({ target: TargetResources.userActions(UserAction.REGISTER_OR_JOIN_DEVICES) }).conditions.applications)
        .toEqual({ included_user_actions: ['urn:user:registerdevice'] });
    });

    test('applications with exclusions', () => {
      expect(policyJson({
        target: TargetResources.applications({
          include: [CloudApplication.OFFICE_365, CloudApplication.MICROSOFT_ADMIN_PORTALS],
          exclude: [CloudApplication.fromAppId(APP)],
        }),
      }).conditions.applications).toEqual({
        included_applications: ['MicrosoftAdminPortals', 'Office365'],
        excluded_applications: [APP],
      });
    });
  });

  describe('conditions', () => {
    test('locations include/exclude by well-known targets and named locations (object_id)', () => {
      let key = '';
      const locations = policyJson({}, (stack) => {
        const c = new CountryNamedLocation(stack, 'Blocked', { displayName: 'Blocked', countriesAndRegions: ['KP'] });
        key = c.resource.friendlyUniqueId;
        return { includeLocations: [c], excludeLocations: [Location.ALL_TRUSTED] };
      }).conditions.locations;
      expect(locations).toEqual({
        included_locations: [`\${azuread_named_location.${key}.object_id}`],
        excluded_locations: ['AllTrusted'],
      });
    });

    test('client apps, platforms, risks, insider risk, flows, device filter', () => {
      const c = policyJson({
        clientAppTypes: [ClientAppType.OTHER, ClientAppType.EXCHANGE_ACTIVE_SYNC],
        includePlatforms: [DevicePlatform.ALL],
        excludePlatforms: [DevicePlatform.IOS, DevicePlatform.ANDROID],
        signInRiskLevels: [RiskLevel.HIGH, RiskLevel.MEDIUM],
        userRiskLevels: [RiskLevel.HIGH],
        insiderRiskLevel: InsiderRiskLevel.ELEVATED,
        authenticationFlows: [AuthenticationFlow.DEVICE_CODE_FLOW, AuthenticationFlow.AUTHENTICATION_TRANSFER],
        deviceFilter: { mode: FilterMode.EXCLUDE, rule: 'device.isCompliant -eq True' },
      }).conditions;
      expect(c).toEqual({
        applications: { included_applications: ['All'] },
        users: { included_users: ['All'] },
        client_app_types: ['exchangeActiveSync', 'other'],
        platforms: { included_platforms: ['all'], excluded_platforms: ['android', 'iOS'] },
        sign_in_risk_levels: ['high', 'medium'],
        user_risk_levels: ['high'],
        insider_risk_levels: 'elevated',
        authentication_flow_transfer_methods: ['authenticationTransfer', 'deviceCodeFlow'],
        devices: { filter: { mode: 'exclude', rule: 'device.isCompliant -eq True' } },
      });
    });

    test('workload identities', () => {
      const c = policyJson({}, (stack) => {
        const sp = new ServicePrincipal(stack, 'Sp', { clientId: APP });
        return {
          includeUsers: IncludedUsers.none(),
          workloadIdentities: {
            allServicePrincipalsInMyTenant: true,
            excludeServicePrincipals: [Principal.fromServicePrincipal(sp)],
            filter: { mode: FilterMode.INCLUDE, rule: 'CustomSecurityAttribute.x -eq "y"' },
          },
          servicePrincipalRiskLevels: [RiskLevel.HIGH],
          grant: GrantControls.block(),
        };
      }).conditions;
      expect(c.users).toEqual({ included_users: ['None'] });
      expect(c.client_applications).toEqual({
        included_service_principals: ['ServicePrincipalsInMyTenant'],
        excluded_service_principals: ['${azuread_service_principal.Sp.object_id}'],
        filter: { mode: 'include', rule: 'CustomSecurityAttribute.x -eq "y"' },
      });
      expect(c.service_principal_risk_levels).toEqual(['high']);
    });
  });

  describe('grant controls', () => {
    test('block', () => {
      expect(policyJson({ grant: GrantControls.block() }).grant_controls).toEqual({ operator: 'OR', built_in_controls: ['block'] });
    });

    test('require all of several controls plus terms of use', () => {
      expect(policyJson({
        grant: GrantControls.requireAll({
          builtInControls: [BuiltInControl.MFA, BuiltInControl.COMPLIANT_DEVICE],
          termsOfUse: [G1],
        }),
      }).grant_controls).toEqual({ operator: 'AND', built_in_controls: ['compliantDevice', 'mfa'], terms_of_use: [G1] });
    });

    test('authentication strength: the built-in full path, no mfa control', () => {
      const grant = GrantControls.requireAuthenticationStrength(AuthenticationStrength.PHISHING_RESISTANT_MFA);
      expect(policyJson({ grant }).grant_controls).toEqual({
        operator: 'OR',
        authentication_strength_policy_id: '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004',
      });
    });

    test('password change with MFA under AND, user risk, all resources', () => {
      const p = policyJson({
        userRiskLevels: [RiskLevel.HIGH],
        grant: GrantControls.requireAll({ builtInControls: [BuiltInControl.MFA, BuiltInControl.PASSWORD_CHANGE] }),
        session: { signInFrequency: SignInFrequency.everyTime() },
      });
      expect(p.grant_controls).toEqual({ operator: 'AND', built_in_controls: ['mfa', 'passwordChange'] });
      expect(p.session_controls).toEqual({ sign_in_frequency_interval: 'everyTime', sign_in_frequency_authentication_type: 'primaryAndSecondaryAuthentication' });
    });
  });

  describe('session controls', () => {
    test('every session control', () => {
      expect(policyJson({
        grant: undefined,
        session: {
          applicationEnforcedRestrictions: true,
          cloudAppSecurityPolicy: CloudAppSecurityPolicy.MONITOR_ONLY,
          disableResilienceDefaults: true,
          persistentBrowserMode: PersistentBrowserMode.NEVER,
          signInFrequency: SignInFrequency.hours(4, SignInFrequencyAuthenticationType.SECONDARY),
        },
      }).session_controls).toEqual({
        application_enforced_restrictions_enabled: true,
        cloud_app_security_policy: 'monitorOnly',
        disable_resilience_defaults: true,
        persistent_browser_mode: 'never',
        sign_in_frequency: 4,
        sign_in_frequency_period: 'hours',
        sign_in_frequency_interval: 'timeBased',
        sign_in_frequency_authentication_type: 'secondaryAuthentication',
      });
    });

    test('every time has no frequency value or period', () => {
      // the authentication type is written explicitly: it is Optional + Computed, so leaving it out would keep an old value
      expect(policyJson({ signInRiskLevels: [RiskLevel.HIGH], session: { signInFrequency: SignInFrequency.everyTime() } }).session_controls)
        .toEqual({ sign_in_frequency_interval: 'everyTime', sign_in_frequency_authentication_type: 'primaryAndSecondaryAuthentication' });
      expect(policyJson({ session: { signInFrequency: SignInFrequency.days(30) } }).session_controls)
        .toEqual({ sign_in_frequency: 30, sign_in_frequency_period: 'days', sign_in_frequency_interval: 'timeBased', sign_in_frequency_authentication_type: 'primaryAndSecondaryAuthentication' });
    });
  });
});
