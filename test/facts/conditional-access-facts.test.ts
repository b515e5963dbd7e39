import { checkConditionalAccessFacts, FactViolation } from './conditional-access-facts';

/**
 * Proves the fact checker can fail: a hand-written valid stack has no
 * violations, and each hand-written mutation breaks exactly the fact it targets.
 */

const G1 = '00000000-0000-0000-0000-000000000001';
const G2 = '00000000-0000-0000-0000-000000000002';
const STRENGTH = '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004';

type Json = Record<string, any>;

function validStack(): Json {
  return {
    resource: {
      azuread_conditional_access_policy: {
        Members: {
          display_name: 'Require MFA to register security info',
          state: 'enabledForReportingButNotEnforced',
          conditions: {
            applications: { included_user_actions: ['urn:user:registersecurityinfo'] },
            users: { included_users: ['All'], excluded_users: [G1, 'GuestsOrExternalUsers'], excluded_groups: [G2] },
            client_app_types: ['all'],
            locations: { included_locations: ['All'], excluded_locations: ['${azuread_named_location.Office.object_id}', 'AllTrusted'] },
          },
          grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
        },
        Guests: {
          display_name: 'Block guest registration',
          state: 'enabled',
          conditions: {
            applications: { included_user_actions: ['urn:user:registersecurityinfo'] },
            users: {
              included_guests_or_external_users: [{
                guest_or_external_user_types: ['internalGuest', 'b2bCollaborationGuest', 'serviceProvider'],
                external_tenants: [{ membership_kind: 'enumerated', members: [G1, G2] }],
              }],
              excluded_groups: [G2],
            },
            client_app_types: ['browser', 'mobileAppsAndDesktopClients'],
            platforms: { included_platforms: ['all'], excluded_platforms: ['iOS'] },
          },
          grant_controls: { operator: 'OR', built_in_controls: ['block'] },
        },
        Strength: {
          display_name: 'Strength for apps',
          state: 'disabled',
          conditions: {
            applications: { included_applications: ['All'], excluded_applications: [G1, 'Office365'] },
            users: { included_groups: [G1], included_roles: [G2] },
            client_app_types: ['all'],
            sign_in_risk_levels: ['high', 'medium'],
            insider_risk_levels: 'elevated',
            devices: { filter: { mode: 'exclude', rule: 'device.isCompliant -eq True' } },
          },
          grant_controls: { operator: 'AND', authentication_strength_policy_id: '${azuread_authentication_strength_policy.Tap.id}', terms_of_use: [G1] },
          session_controls: { sign_in_frequency: 4, sign_in_frequency_period: 'hours', persistent_browser_mode: 'never' },
        },
        Risk: {
          display_name: 'Password change on high user risk',
          state: 'enabled',
          conditions: {
            applications: { included_applications: ['All'] },
            users: { included_users: ['All'], excluded_groups: [G2] },
            client_app_types: ['all'],
            user_risk_levels: ['high'],
          },
          grant_controls: { operator: 'AND', built_in_controls: ['mfa', 'passwordChange'] },
          session_controls: { sign_in_frequency_interval: 'everyTime' },
        },
        Workload: {
          display_name: 'Block risky service principals',
          state: 'enabled',
          conditions: {
            applications: { included_applications: ['All'] },
            users: { included_users: ['None'] },
            client_app_types: ['all'],
            client_applications: { included_service_principals: ['ServicePrincipalsInMyTenant'], excluded_service_principals: [G1] },
            service_principal_risk_levels: ['high'],
          },
          grant_controls: { operator: 'OR', built_in_controls: ['block'] },
        },
        Devices: {
          display_name: 'MFA to join devices',
          state: 'enabled',
          conditions: {
            applications: { included_user_actions: ['urn:user:registerdevice'] },
            users: { included_users: ['All'], excluded_groups: [G2] },
            client_app_types: ['all'],
          },
          grant_controls: { operator: 'OR', authentication_strength_policy_id: STRENGTH },
        },
      },
      azuread_named_location: {
        Office: { display_name: 'Office', ip: { ip_ranges: ['9.0.0.0/24', '10.0.0.0/24', '2001:db8::/48'], trusted: true } },
        Countries: {
          display_name: 'Countries',
          country: { countries_and_regions: ['CA', 'US'], include_unknown_countries_and_regions: false, country_lookup_method: 'clientIpAddress' },
        },
      },
      azuread_authentication_strength_policy: {
        Tap: { display_name: 'TAP or phishing-resistant', allowed_combinations: ['fido2', 'temporaryAccessPassOneTime'] },
      },
    },
  };
}

function facts(v: FactViolation[]): string[] {
  return [...new Set(v.map((x) => x.fact))].sort();
}

test('a valid hand-written stack has no violations (string and object input)', () => {
  expect(checkConditionalAccessFacts(validStack())).toEqual([]);
  expect(checkConditionalAccessFacts(JSON.stringify(validStack()))).toEqual([]);
});

test('a cdk.tf.json with metadata keys and blocks as lists is understood', () => {
  const stack = validStack();
  stack['//'] = { metadata: {} };
  stack.resource.azuread_conditional_access_policy['//'] = {};
  const p = stack.resource.azuread_conditional_access_policy.Members;
  p['//'] = { metadata: { path: 'x' } };
  p.conditions = [p.conditions];
  p.grant_controls = [p.grant_controls];
  expect(checkConditionalAccessFacts(stack)).toEqual([]);
});

type Mutation = (s: Json) => void;
const pol = (s: Json, name: string): Json => s.resource.azuread_conditional_access_policy[name];
const loc = (s: Json, name: string): Json => s.resource.azuread_named_location[name];

const cases: [string, Mutation, string][] = [
  ['state not in the enum', (s) => { pol(s, 'Members').state = 'on'; }, 'policy.state'],
  ['state missing', (s) => { delete pol(s, 'Members').state; }, 'policy.state'],
  ['empty display name', (s) => { pol(s, 'Members').display_name = ' '; }, 'display-name.non-empty'],
  ['conditions missing', (s) => { delete pol(s, 'Members').conditions; }, 'schema.required-block'],
  ['two conditions blocks', (s) => { const p = pol(s, 'Members'); p.conditions = [p.conditions, p.conditions]; }, 'schema.max-one-block'],
  ['both included apps and user actions', (s) => { pol(s, 'Members').conditions.applications.included_applications = ['All']; }, 'applications.exactly-one'],
  ['neither included apps nor user actions', (s) => { delete pol(s, 'Members').conditions.applications.included_user_actions; }, 'applications.exactly-one'],
  ['applications.filter (not in 3.7.0)', (s) => { pol(s, 'Strength').conditions.applications.filter = { mode: 'include', rule: 'x' }; }, 'applications.no-filter'],
  ['application id not a GUID', (s) => { pol(s, 'Strength').conditions.applications.excluded_applications = ['Office365', 'outlook']; }, 'applications.values'],
  ['All excluded from applications', (s) => { pol(s, 'Strength').conditions.applications.excluded_applications = ['All']; }, 'applications.values'],
  ['None mixed with apps', (s) => { pol(s, 'Strength').conditions.applications.included_applications = ['None', 'Office365']; }, 'applications.none-alone'],
  ['unknown user action', (s) => { pol(s, 'Members').conditions.applications.included_user_actions = ['urn:user:registerapp']; }, 'applications.user-actions'],
  ['users include nobody', (s) => { pol(s, 'Members').conditions.users = { excluded_groups: [G2] }; }, 'users.include'],
  ['user id not a GUID', (s) => { pol(s, 'Members').conditions.users.excluded_users = ['alice@contoso.com']; }, 'users.values'],
  ['All in excluded users', (s) => { pol(s, 'Members').conditions.users.excluded_users = ['All']; }, 'users.values'],
  ['group id not a GUID', (s) => { pol(s, 'Strength').conditions.users.included_groups = ['admins']; }, 'users.values'],
  ['role id not a GUID', (s) => { pol(s, 'Strength').conditions.users.included_roles = ['Global Administrator']; }, 'users.values'],
  ['None mixed with other users', (s) => { pol(s, 'Workload').conditions.users.included_users = [G1, 'None']; }, 'users.none-alone'],
  ['special GuestsOrExternalUsers and a guest block on one side', (s) => {
    pol(s, 'Guests').conditions.users.included_users = ['GuestsOrExternalUsers'];
  }, 'users.guests-special-and-block'],
  ['two guest blocks on one side', (s) => {
    const u = pol(s, 'Guests').conditions.users;
    u.included_guests_or_external_users = [u.included_guests_or_external_users[0], u.included_guests_or_external_users[0]];
  }, 'users.guests-one-block'],
  ['empty guest types', (s) => { pol(s, 'Guests').conditions.users.included_guests_or_external_users[0].guest_or_external_user_types = undefined; }, 'guests.types-non-empty'],
  ['unknown guest type', (s) => { pol(s, 'Guests').conditions.users.included_guests_or_external_users[0].guest_or_external_user_types = ['guest']; }, 'guests.types-values'],
  ['guest types out of Graph order', (s) => {
    pol(s, 'Guests').conditions.users.included_guests_or_external_users[0].guest_or_external_user_types = ['serviceProvider', 'internalGuest'];
  }, 'guests.types-order'],
  ['members with membership kind all', (s) => {
    pol(s, 'Guests').conditions.users.included_guests_or_external_users[0].external_tenants = [{ membership_kind: 'all', members: [G1] }];
  }, 'guests.members-only-enumerated'],
  ['unknown membership kind', (s) => {
    pol(s, 'Guests').conditions.users.included_guests_or_external_users[0].external_tenants = [{ membership_kind: 'some' }];
  }, 'guests.membership-kind'],
  ['tenant id not a GUID', (s) => {
    pol(s, 'Guests').conditions.users.included_guests_or_external_users[0].external_tenants = [{ membership_kind: 'enumerated', members: ['contoso.com'] }];
  }, 'guests.tenant-ids'],
  ['client app types missing', (s) => { delete pol(s, 'Members').conditions.client_app_types; }, 'client-app-types.required'],
  ['unknown client app type', (s) => { pol(s, 'Members').conditions.client_app_types = ['legacy']; }, 'client-app-types.values'],
  ['locations without include', (s) => { pol(s, 'Members').conditions.locations = { excluded_locations: ['AllTrusted'] }; }, 'locations.include'],
  ['location that is not All/AllTrusted/GUID', (s) => { pol(s, 'Members').conditions.locations.excluded_locations = ['Office']; }, 'locations.values'],
  ['location by path id literal', (s) => {
    pol(s, 'Members').conditions.locations.excluded_locations = [`/identity/conditionalAccess/namedLocations/${G1}`];
  }, 'locations.values'],
  ['location by the named location .id reference', (s) => {
    pol(s, 'Members').conditions.locations.excluded_locations = ['${azuread_named_location.Office.id}'];
  }, 'locations.object-id'],
  ['location reference to a missing resource', (s) => {
    pol(s, 'Members').conditions.locations.excluded_locations = ['${azuread_named_location.Nowhere.object_id}'];
  }, 'locations.dangling-reference'],
  ['All excluded', (s) => { pol(s, 'Members').conditions.locations.excluded_locations = ['All']; }, 'locations.exclude-all'],
  ['platforms without include', (s) => { pol(s, 'Guests').conditions.platforms = { excluded_platforms: ['iOS'] }; }, 'platforms.include'],
  ['unknown platform', (s) => { pol(s, 'Guests').conditions.platforms.excluded_platforms = ['ios']; }, 'platforms.values'],
  ['unknown risk level', (s) => { pol(s, 'Strength').conditions.sign_in_risk_levels = ['critical']; }, 'risk.values'],
  ['insider risk as a list', (s) => { pol(s, 'Strength').conditions.insider_risk_levels = ['minor']; }, 'risk.insider-single'],
  ['unknown insider risk', (s) => { pol(s, 'Strength').conditions.insider_risk_levels = 'high'; }, 'risk.insider-values'],
  ['unknown authentication flow', (s) => { pol(s, 'Strength').conditions.authentication_flow_transfer_methods = ['qr']; }, 'authentication-flows.values'],
  ['device filter with an empty rule', (s) => { pol(s, 'Strength').conditions.devices.filter.rule = ''; }, 'filter.rule'],
  ['device filter with a bad mode', (s) => { pol(s, 'Strength').conditions.devices.filter.mode = 'only'; }, 'filter.mode'],
  ['workload identities with users', (s) => { pol(s, 'Workload').conditions.users.included_users = ['All']; }, 'workload.users-none'],
  ['workload identities including nobody', (s) => { delete pol(s, 'Workload').conditions.client_applications.included_service_principals; }, 'workload.include'],
  ['service principal risk without workload identities', (s) => { pol(s, 'Members').conditions.service_principal_risk_levels = ['high']; }, 'workload.risk'],
  ['neither grant nor session', (s) => { delete pol(s, 'Members').grant_controls; }, 'controls.required'],
  ['grant requires nothing', (s) => { pol(s, 'Members').grant_controls = { operator: 'OR' }; }, 'grant.something'],
  ['grant with only custom factors', (s) => { pol(s, 'Members').grant_controls = { operator: 'OR', custom_authentication_factors: ['x'] }; }, 'grant.something'],
  ['unknown grant operator', (s) => { pol(s, 'Members').grant_controls.operator = 'XOR'; }, 'grant.operator'],
  ['unknown built-in control', (s) => { pol(s, 'Members').grant_controls.built_in_controls = ['requireMfa']; }, 'grant.built-in-values'],
  ['block with other controls', (s) => { pol(s, 'Guests').grant_controls.built_in_controls = ['block', 'mfa']; }, 'grant.block-alone'],
  ['block with terms of use', (s) => { pol(s, 'Guests').grant_controls.terms_of_use = [G1]; }, 'grant.block-alone'],
  ['mfa with an authentication strength', (s) => { pol(s, 'Strength').grant_controls.built_in_controls = ['mfa']; }, 'grant.mfa-with-strength'],
  ['strength id as a bare GUID', (s) => { pol(s, 'Devices').grant_controls.authentication_strength_policy_id = G1; }, 'grant.strength-id'],
  ['strength id with a wrong path', (s) => {
    pol(s, 'Devices').grant_controls.authentication_strength_policy_id = `/identity/conditionalAccess/namedLocations/${G1}`;
  }, 'grant.strength-id'],
  ['strength reference to the wrong attribute', (s) => {
    pol(s, 'Strength').grant_controls.authentication_strength_policy_id = '${azuread_authentication_strength_policy.Tap.display_name}';
  }, 'grant.strength-id'],
  ['strength reference to a missing resource', (s) => {
    pol(s, 'Strength').grant_controls.authentication_strength_policy_id = '${azuread_authentication_strength_policy.Gone.id}';
  }, 'grant.strength-dangling-reference'],
  ['terms of use not a GUID', (s) => { pol(s, 'Strength').grant_controls.terms_of_use = ['tou']; }, 'grant.terms-of-use'],
  ['passwordChange under OR', (s) => { pol(s, 'Risk').grant_controls.operator = 'OR'; }, 'password-change.grant'],
  ['passwordChange without mfa', (s) => { pol(s, 'Risk').grant_controls.built_in_controls = ['passwordChange']; }, 'password-change.grant'],
  ['passwordChange without user risk', (s) => { delete pol(s, 'Risk').conditions.user_risk_levels; }, 'password-change.user-risk'],
  ['passwordChange on selected apps', (s) => { pol(s, 'Risk').conditions.applications.included_applications = ['Office365']; }, 'password-change.all-apps'],
  ['passwordChange with exclusions', (s) => { pol(s, 'Risk').conditions.applications.excluded_applications = ['Office365']; }, 'password-change.all-apps'],
  ['passwordChange with sign-in risk', (s) => { pol(s, 'Risk').conditions.sign_in_risk_levels = ['high']; }, 'password-change.no-other-conditions'],
  ['passwordChange with client apps', (s) => { pol(s, 'Risk').conditions.client_app_types = ['browser']; }, 'password-change.no-other-conditions'],
  ['register device with block', (s) => { pol(s, 'Devices').grant_controls = { operator: 'OR', built_in_controls: ['block'] }; }, 'register-device.grant'],
  ['register device with compliant device', (s) => {
    pol(s, 'Devices').grant_controls = { operator: 'OR', built_in_controls: ['compliantDevice'] };
  }, 'register-device.grant'],
  ['register device with client apps', (s) => { pol(s, 'Devices').conditions.client_app_types = ['browser']; }, 'register-device.client-apps'],
  ['register device with a device filter', (s) => {
    pol(s, 'Devices').conditions.devices = { filter: { mode: 'include', rule: 'device.isCompliant -eq True' } };
  }, 'register-device.devices'],
  ['sign-in frequency without period', (s) => { delete pol(s, 'Strength').session_controls.sign_in_frequency_period; }, 'session.sign-in-frequency-pair'],
  ['sign-in frequency period without value', (s) => { delete pol(s, 'Strength').session_controls.sign_in_frequency; }, 'session.sign-in-frequency-pair'],
  ['unknown sign-in frequency period', (s) => { pol(s, 'Strength').session_controls.sign_in_frequency_period = 'weeks'; }, 'session.sign-in-frequency-period'],
  ['every time with a value', (s) => { Object.assign(pol(s, 'Risk').session_controls, { sign_in_frequency: 1, sign_in_frequency_period: 'hours' }); }, 'session.every-time'],
  ['24 hours', (s) => { pol(s, 'Strength').session_controls.sign_in_frequency = 24; }, 'session.sign-in-frequency-range'],
  ['0 hours', (s) => { pol(s, 'Strength').session_controls.sign_in_frequency = 0; }, 'session.sign-in-frequency-range'],
  ['persistent browser on selected apps', (s) => { pol(s, 'Strength').conditions.applications.included_applications = ['Office365']; }, 'session.persistent-browser-all-apps'],
  ['unknown persistent browser mode', (s) => { pol(s, 'Strength').session_controls.persistent_browser_mode = 'sometimes'; }, 'session.persistent-browser-mode'],
  ['unknown cloud app security policy', (s) => { pol(s, 'Strength').session_controls.cloud_app_security_policy = 'blockUploads'; }, 'session.cloud-app-security'],
  ['ineffective session without grant', (s) => {
    const p = pol(s, 'Risk');
    delete p.grant_controls;
    delete p.session_controls.sign_in_frequency_interval;
    p.session_controls.application_enforced_restrictions_enabled = false;
  }, 'session.effective'],
  ['an empty list (provider #1150)', (s) => { pol(s, 'Members').grant_controls.terms_of_use = []; }, 'list.no-empty'],
  ['an unsorted list', (s) => { pol(s, 'Guests').conditions.client_app_types = ['mobileAppsAndDesktopClients', 'browser']; }, 'list.sorted'],
  ['a repeated value', (s) => { pol(s, 'Members').conditions.users.excluded_groups = [G2, G2]; }, 'list.unique'],
  ['named location with ip and country', (s) => { loc(s, 'Office').country = { countries_and_regions: ['US'] }; }, 'named-location.exactly-one'],
  ['named location with neither', (s) => { delete loc(s, 'Office').ip; }, 'named-location.exactly-one'],
  ['named location with an empty name', (s) => { loc(s, 'Office').display_name = ''; }, 'display-name.non-empty'],
  ['no ranges', (s) => { loc(s, 'Office').ip.ip_ranges = undefined; }, 'ip.non-empty'],
  ['not a CIDR', (s) => { loc(s, 'Office').ip.ip_ranges = ['10.0.0.0']; }, 'ip.cidr'],
  ['bad IPv6', (s) => { loc(s, 'Office').ip.ip_ranges = ['2001:db8:::/48']; }, 'ip.cidr'],
  ['a /8', (s) => { loc(s, 'Office').ip.ip_ranges = ['10.0.0.0/8']; }, 'ip.prefix'],
  ['an IPv6 /8', (s) => { loc(s, 'Office').ip.ip_ranges = ['2000::/8']; }, 'ip.prefix'],
  ['host bits set', (s) => { loc(s, 'Office').ip.ip_ranges = ['10.0.0.1/24']; }, 'ip.host-bits'],
  ['non-canonical IPv6', (s) => { loc(s, 'Office').ip.ip_ranges = ['2001:DB8:0::/48']; }, 'ip.canonical'],
  ['ranges out of order', (s) => { loc(s, 'Office').ip.ip_ranges = ['10.0.0.0/24', '9.0.0.0/24']; }, 'list.sorted'],
  ['IPv6 before IPv4', (s) => { loc(s, 'Office').ip.ip_ranges = ['2001:db8::/48', '10.0.0.0/24']; }, 'list.sorted'],
  ['duplicate ranges', (s) => { loc(s, 'Office').ip.ip_ranges = ['10.0.0.0/24', '10.0.0.0/24']; }, 'list.unique'],
  ['2001 ranges', (s) => {
    loc(s, 'Office').ip.ip_ranges = Array.from({ length: 2001 }, (_, i) => `100.${64 + Math.floor(i / 256)}.${i % 256}.0/24`);
  }, 'ip.max-ranges'],
  ['trusted not a boolean', (s) => { loc(s, 'Office').ip.trusted = 'yes'; }, 'ip.trusted'],
  ['no countries', (s) => { loc(s, 'Countries').country.countries_and_regions = []; }, 'country.non-empty'],
  ['alpha-3 country', (s) => { loc(s, 'Countries').country.countries_and_regions = ['USA']; }, 'country.alpha2'],
  ['lower-case country', (s) => { loc(s, 'Countries').country.countries_and_regions = ['us']; }, 'country.alpha2'],
  ['unknown country', (s) => { loc(s, 'Countries').country.countries_and_regions = ['XX']; }, 'country.alpha2'],
  ['countries out of order', (s) => { loc(s, 'Countries').country.countries_and_regions = ['US', 'CA']; }, 'list.sorted'],
  ['trusted country location', (s) => { loc(s, 'Countries').country.trusted = true; }, 'country.no-trusted'],
  ['unknown lookup method', (s) => { loc(s, 'Countries').country.country_lookup_method = 'gps'; }, 'country.lookup-method'],
  ['strength without combinations', (s) => { s.resource.azuread_authentication_strength_policy.Tap.allowed_combinations = undefined; }, 'strength.non-empty'],
  ['email in a combination', (s) => { s.resource.azuread_authentication_strength_policy.Tap.allowed_combinations = ['password,email']; }, 'strength.no-email'],
  ['unknown mode', (s) => { s.resource.azuread_authentication_strength_policy.Tap.allowed_combinations = ['password,pin']; }, 'strength.modes'],
  ['undocumented pair', (s) => { s.resource.azuread_authentication_strength_policy.Tap.allowed_combinations = ['fido2,sms']; }, 'strength.documented'],
  ['combination with a space', (s) => { s.resource.azuread_authentication_strength_policy.Tap.allowed_combinations = ['password, sms']; }, 'strength.no-spaces'],
  ['more than 195 policies', (s) => {
    const ps = s.resource.azuread_conditional_access_policy;
    for (let i = 0; i < 190; i++) ps[`P${i}`] = { ...ps.Members, display_name: `P${i}` };
  }, 'tenant.max-policies'],
  ['more than 195 IP locations', (s) => {
    for (let i = 0; i < 195; i++) s.resource.azuread_named_location[`L${i}`] = loc(s, 'Office');
  }, 'tenant.max-ip-locations'],
  ['more than 15 custom strengths', (s) => {
    const ss = s.resource.azuread_authentication_strength_policy;
    for (let i = 0; i < 15; i++) ss[`S${i}`] = ss.Tap;
  }, 'tenant.max-custom-strengths'],
];

test.each(cases)('catches: %s', (_name, mutate, fact) => {
  const stack = validStack();
  mutate(stack);
  const found = checkConditionalAccessFacts(stack);
  expect(facts(found)).toContain(fact);
  // Every violation names the resource it is on.
  for (const v of found) expect(v.resource).toMatch(/^(azuread_[a-z_]+\.\S+|\(stack\))$/);
});

test('the mutations are distinct and cover at least 70 different facts', () => {
  expect(new Set(cases.map((c) => c[0])).size).toBe(cases.length);
  expect(new Set(cases.map((c) => c[2])).size).toBeGreaterThanOrEqual(70);
});

test('unresolved expressions are opaque, except named location ids', () => {
  const stack = validStack();
  const p = pol(stack, 'Strength');
  p.conditions.users.included_groups = ['${var.group}', '${azuread_group.admins.object_id}'];
  p.conditions.applications.excluded_applications = ['${var.app}'];
  p.grant_controls.terms_of_use = ['${var.tou}'];
  loc(stack, 'Office').ip.ip_ranges = ['10.0.0.0/24', '${var.ranges}'];
  loc(stack, 'Countries').country.countries_and_regions = ['US', '${var.country}'];
  expect(checkConditionalAccessFacts(stack)).toEqual([]);
});

test('a violation message names the bad value', () => {
  const stack = validStack();
  loc(stack, 'Office').ip.ip_ranges = ['10.0.0.1/24'];
  expect(checkConditionalAccessFacts(stack)).toEqual([
    { resource: 'azuread_named_location.Office', fact: 'ip.host-bits', message: "ip.ip_ranges[0]: '10.0.0.1/24' has host bits set" },
    {
      resource: 'azuread_named_location.Office',
      fact: 'ip.canonical',
      message: "ip.ip_ranges[0]: '10.0.0.1/24' is not canonical ('10.0.0.0/24'); the provider's read-back would never match",
    },
  ]);
});
