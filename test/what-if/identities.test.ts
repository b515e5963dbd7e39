// The users condition (users, groups, roles, guests and external users) and workload identities.
import { IDS, policy, reasons, signIn } from './helpers';

/** The base policy with its users block replaced by `u`. */
const users = (u: object) => {
  const p = policy();
  return { ...p, conditions: { ...p.conditions, users: u } };
};
/** A sign-in with this identity; `directory` replaces the default one (null removes it). */
const as = (identity: object, directory?: object | null) => {
  const s = signIn({ signInIdentity: identity });
  if (directory === null) delete s.directory;
  else if (directory !== undefined) s.directory = directory;
  return s;
};
const guestOf = (type: string, tenant?: string) => as({ userId: IDS.bob, externalUserType: type, externalTenantId: tenant });

describe('users', () => {
  test('All includes members and guests', () => {
    expect(reasons(users({ included_users: ['All'] }), as({ userId: IDS.alice }))).toBe('notSet');
    expect(reasons(users({ included_users: ['All'] }), guestOf('internalGuest'))).toBe('notSet');
  });

  test('GuestsOrExternalUsers is any externalUserType but none (absent means none)', () => {
    const p = users({ included_users: ['GuestsOrExternalUsers'] });
    expect(reasons(p, guestOf('serviceProvider'))).toBe('notSet');
    expect(reasons(p, guestOf('none'))).toBe('users');
    expect(reasons(p, as({ userId: IDS.alice }))).toBe('users');
    expect(reasons(users({ included_users: ['All'], excluded_users: ['GuestsOrExternalUsers'] }), guestOf('otherExternalUser'))).toBe('users');
  });

  test('a guest block matches its types, and its tenants when enumerated', () => {
    const p = users({
      included_guests_or_external_users: [
        {
          guest_or_external_user_types: ['b2bCollaborationGuest', 'b2bDirectConnectUser'],
          external_tenants: [{ membership_kind: 'enumerated', members: [IDS.partnerTenant] }],
        },
      ],
    });
    expect(reasons(p, guestOf('b2bCollaborationGuest', IDS.partnerTenant))).toBe('notSet');
    expect(reasons(p, guestOf('b2bCollaborationGuest', IDS.otherTenant))).toBe('users');
    expect(reasons(p, guestOf('internalGuest', IDS.partnerTenant))).toBe('users');
    expect(reasons(p, guestOf('b2bDirectConnectUser'))).toBe('notEnoughInformation');
    expect(reasons(p, as({ userId: IDS.alice }))).toBe('users');
  });

  test('a guest block with membership_kind all matches any tenant; as an exclusion it wins', () => {
    const block = [{ guest_or_external_user_types: ['internalGuest'], external_tenants: [{ membership_kind: 'all' }] }];
    expect(reasons(users({ included_guests_or_external_users: block }), guestOf('internalGuest'))).toBe('notSet');
    expect(reasons(users({ included_users: ['All'], excluded_guests_or_external_users: block }), guestOf('internalGuest'))).toBe('users');
    expect(reasons(users({ included_users: ['All'], excluded_guests_or_external_users: block }), guestOf('b2bCollaborationGuest'))).toBe('notSet');
  });

  test('user ids: GUIDs, and addresses of users defined in the stack', () => {
    const p = users({ included_users: [IDS.alice, '${azuread_user.breakglass.object_id}'] });
    expect(reasons(p, as({ userId: IDS.alice }))).toBe('notSet');
    expect(reasons(p, as({ userId: IDS.alice.toUpperCase() }))).toBe('notSet');
    expect(reasons(p, as({ userId: 'azuread_user.breakglass' }))).toBe('notSet');
    // a user created by the stack cannot have a pre-existing object id
    expect(reasons(p, as({ userId: IDS.bob }))).toBe('users');
  });

  test('a data source user is unknown offline unless it names its object id', () => {
    const data = {
      azuread_user: { lookedUp: { user_principal_name: 'carol@contoso.example' }, byId: { object_id: IDS.bob } },
    };
    const p = users({ included_users: ['All'], excluded_users: ['${data.azuread_user.lookedUp.object_id}'] });
    expect(reasons(p, as({ userId: IDS.alice }), { data })).toBe('notEnoughInformation');
    expect(reasons(p, as({ userId: 'data.azuread_user.lookedUp' }), { data })).toBe('users');
    const byId = users({ included_users: ['All'], excluded_users: ['${data.azuread_user.byId.id}'] });
    expect(reasons(byId, as({ userId: IDS.bob }), { data })).toBe('users');
    expect(reasons(byId, as({ userId: IDS.alice }), { data })).toBe('notSet');
  });

  test('a reference to a resource the stack does not define is unknown, and can still be named by its address', () => {
    const p = users({ included_users: ['All'], excluded_users: ['${azuread_user.elsewhere.object_id}'] });
    expect(reasons(p, as({ userId: IDS.alice }))).toBe('notEnoughInformation');
    expect(reasons(p, as({ userId: 'azuread_user.elsewhere' }))).toBe('users');
    // a resource the stack does define is a different object
    expect(reasons(p, as({ userId: 'azuread_user.breakglass' }))).toBe('notSet');
  });

  test('without userId, id-based conditions are unknown', () => {
    expect(reasons(users({ included_users: [IDS.alice] }), as({ userId: undefined }))).toBe('notEnoughInformation');
    expect(reasons(users({ included_users: ['All'] }), as({ userId: undefined }))).toBe('notSet');
  });

  test('groups come from directory.memberOf (GUIDs or addresses); without it they are unknown', () => {
    const p = users({ included_users: ['All'], excluded_groups: [IDS.groupA, '${azuread_group.admins.object_id}'] });
    expect(reasons(p, as({ userId: IDS.alice }, { memberOf: [IDS.groupA] }))).toBe('users');
    expect(reasons(p, as({ userId: IDS.alice }, { memberOf: ['azuread_group.admins'] }))).toBe('users');
    expect(reasons(p, as({ userId: IDS.alice }, { memberOf: [IDS.groupB] }))).toBe('notSet');
    expect(reasons(p, as({ userId: IDS.alice }, { memberOf: [] }))).toBe('notSet');
    expect(reasons(p, as({ userId: IDS.alice }, null))).toBe('notEnoughInformation');
    expect(reasons(p, as({ userId: IDS.alice }, { roles: [] }))).toBe('notEnoughInformation');
  });

  test('roles come from directory.roles (role template ids)', () => {
    const p = users({ included_roles: [IDS.globalAdminRole] });
    expect(reasons(p, as({ userId: IDS.alice }, { roles: [IDS.globalAdminRole] }))).toBe('notSet');
    expect(reasons(p, as({ userId: IDS.alice }, { roles: [IDS.securityReaderRole] }))).toBe('users');
    expect(reasons(p, as({ userId: IDS.alice }, { memberOf: [] }))).toBe('notEnoughInformation');
  });

  test('a role referenced through a directory role resource resolves to its template id', () => {
    const resource = { azuread_directory_role: { ga: { template_id: IDS.globalAdminRole } } };
    const p = users({ included_roles: ['${azuread_directory_role.ga.template_id}'] });
    expect(reasons(p, as({ userId: IDS.alice }, { roles: [IDS.globalAdminRole] }), { resource })).toBe('notSet');
    expect(reasons(p, as({ userId: IDS.alice }, { roles: ['azuread_directory_role.ga'] }), { resource })).toBe('notSet');
  });

  test('a user sign-in never matches a policy whose users are only None', () => {
    const p = users({ included_users: ['None'] });
    expect(reasons(p, as({ userId: IDS.alice }))).toBe('users');
  });
});

describe('workload identities', () => {
  const sp = (id: string, conditions: object = {}) =>
    signIn({
      signInIdentity: { '@odata.type': '#microsoft.graph.servicePrincipalSignIn', 'servicePrincipalId': id, 'userId': undefined },
      signInConditions: conditions,
      directory: undefined,
    });
  const workload = (clientApplications: object, extra: object = {}) =>
    policy({ conditions: { users: { included_users: ['None'] }, client_applications: clientApplications, ...extra } });

  test('ServicePrincipalsInMyTenant matches any service principal (Graph evaluate example 4)', () => {
    expect(reasons(workload({ included_service_principals: ['ServicePrincipalsInMyTenant'] }), sp(IDS.spA))).toBe('notSet');
  });

  test('listed and excluded service principals', () => {
    expect(reasons(workload({ included_service_principals: [IDS.spA] }), sp(IDS.spA))).toBe('notSet');
    expect(reasons(workload({ included_service_principals: [IDS.spA] }), sp(IDS.spB))).toBe('workloadIdentities');
    const excluding = workload({ included_service_principals: ['ServicePrincipalsInMyTenant'], excluded_service_principals: [IDS.spB] });
    expect(reasons(excluding, sp(IDS.spB))).toBe('workloadIdentities');
  });

  test('a policy without client_applications never applies to a service principal', () => {
    expect(reasons(policy(), sp(IDS.spA))).toBe('workloadIdentities');
  });

  test('a service principal filter cannot be evaluated offline', () => {
    const p = workload({ included_service_principals: ['ServicePrincipalsInMyTenant'], filter: { mode: 'include', rule: 'CustomSecurityAttribute.x -eq "y"' } });
    expect(reasons(p, sp(IDS.spA))).toBe('notEnoughInformation');
  });

  test('service principal risk', () => {
    const p = workload({ included_service_principals: ['ServicePrincipalsInMyTenant'] }, { service_principal_risk_levels: ['high'] });
    expect(reasons(p, sp(IDS.spA, { servicePrincipalRiskLevel: 'high' }))).toBe('notSet');
    expect(reasons(p, sp(IDS.spA, { servicePrincipalRiskLevel: 'low' }))).toBe('workloadIdentities');
    expect(reasons(p, sp(IDS.spA))).toBe('notEnoughInformation');
  });

  test('user-only conditions do not apply to service principals', () => {
    const p = workload({ included_service_principals: ['ServicePrincipalsInMyTenant'] }, { client_app_types: ['browser'], sign_in_risk_levels: ['high'] });
    expect(reasons(p, sp(IDS.spA))).toBe('notSet');
  });
});
