// GraphExport: a stack's objects as Graph v1.0 JSON, references listed, ids from adoption, comparison.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataAzureadGroup } from '@cdktf/provider-azuread/lib/data-azuread-group';
import { TerraformStack, Testing } from 'cdktf';
import { GROUP_BREAK_GLASS, LOCATION_OFFICE, POLICY_MFA, ipLocation, list, policy } from './fixtures';
import {
  AuthenticationMethodCombination, ClientAppType, CloudApplication, ConditionalAccessPolicy, CustomAuthenticationStrength, ExportedObjectKind,
  GrantControls, GraphExport, GraphImport, IncludedUsers, IpNamedLocation, Location, PolicyState, Principal, SignInFrequency, TargetResources,
} from '../../src';

function tenant(adopt: boolean): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'tenant');
  const office = new IpNamedLocation(stack, 'Office', { displayName: 'Office egress', ipRanges: ['2001:db8:1234::/48', '198.51.100.0/24'], trusted: true });
  const admins = new DataAzureadGroup(stack, 'Admins', { displayName: 'CA admins' });
  const tap = new CustomAuthenticationStrength(stack, 'Tap', { displayName: 'TAP', allowedCombinations: [AuthenticationMethodCombination.TEMPORARY_ACCESS_PASS_ONE_TIME] });
  const p = new ConditionalAccessPolicy(stack, 'Mfa', {
    displayName: 'Require MFA outside the office',
    state: PolicyState.ON,
    includeUsers: IncludedUsers.select({ groups: [Principal.fromGroupData(admins)] }),
    excludeUsers: { groups: [Principal.fromObjectId(GROUP_BREAK_GLASS)] },
    target: TargetResources.allResources(CloudApplication.OFFICE_365),
    includeLocations: [Location.ALL],
    excludeLocations: [office],
    clientAppTypes: [ClientAppType.MOBILE_APPS_AND_DESKTOP_CLIENTS, ClientAppType.BROWSER],
    grant: GrantControls.requireAuthenticationStrength(tap),
    session: { signInFrequency: SignInFrequency.hours(4) },
  });
  if (adopt) {
    office.resource.importFrom(`/identity/conditionalAccess/namedLocations/${LOCATION_OFFICE}`);
    p.resource.importFrom(`/identity/conditionalAccess/policies/${POLICY_MFA}`);
    tap.resource.importFrom('/policies/authenticationStrengthPolicies/5a03a1e2-af07-4b8b-8f54-848f50ef5f01');
  }
  return stack;
}

describe('export', () => {
  test('a policy in the shape Graph v1.0 returns it; references left in place and listed', () => {
    const e = GraphExport.fromStack(tenant(false));
    expect(e.objects.map((o) => [o.kind, o.displayName, o.fileName])).toEqual([
      [ExportedObjectKind.POLICY, 'Require MFA outside the office', 'policies/require-mfa-outside-the-office.json'],
      [ExportedObjectKind.NAMED_LOCATION, 'Office egress', 'named-locations/office-egress.json'],
      [ExportedObjectKind.AUTHENTICATION_STRENGTH, 'TAP', 'authentication-strengths/tap.json'],
    ]);
    const [p] = e.policies;
    expect(p).toEqual({
      '@odata.type': '#microsoft.graph.conditionalAccessPolicy',
      'displayName': 'Require MFA outside the office',
      'state': 'enabled',
      'conditions': {
        applications: { includeApplications: ['All'], excludeApplications: ['Office365'], includeUserActions: [] },
        users: {
          includeUsers: [],
          excludeUsers: [],
          includeGroups: ['${data.azuread_group.Admins.object_id}'],
          excludeGroups: [GROUP_BREAK_GLASS],
          includeRoles: [],
          excludeRoles: [],
          includeGuestsOrExternalUsers: null,
          excludeGuestsOrExternalUsers: null,
        },
        clientApplications: null,
        clientAppTypes: ['browser', 'mobileAppsAndDesktopClients'],
        platforms: null,
        locations: { includeLocations: ['All'], excludeLocations: [expect.stringMatching(/^\$\{azuread_named_location\.Office_[0-9A-F]+\.object_id\}$/)] },
        devices: null,
        signInRiskLevels: [],
        userRiskLevels: [],
        servicePrincipalRiskLevels: [],
        insiderRiskLevels: null,
        authenticationFlows: null,
      },
      'grantControls': {
        operator: 'OR',
        builtInControls: [],
        customAuthenticationFactors: [],
        termsOfUse: [],
        authenticationStrength: { id: expect.stringMatching(/^\$\{azuread_authentication_strength_policy\.Tap_[0-9A-F]+\.id\}$/) },
      },
      'sessionControls': {
        applicationEnforcedRestrictions: null,
        cloudAppSecurity: null,
        persistentBrowser: null,
        signInFrequency: { isEnabled: true, type: 'hours', value: 4, authenticationType: 'primaryAndSecondaryAuthentication', frequencyInterval: 'timeBased' },
        disableResilienceDefaults: false,
      },
    });
    expect(e.references.map((r) => [r.path, r.target, r.targetName])).toEqual([
      ['conditions.users.includeGroups[0]', 'data.azuread_group.Admins', 'CA admins'],
      ['conditions.locations.excludeLocations[0]', expect.stringMatching(/^azuread_named_location\.Office_/), 'Office egress'],
      ['grantControls.authenticationStrength.id', expect.stringMatching(/^azuread_authentication_strength_policy\.Tap_/), 'TAP'],
    ]);
    expect(e.namedLocations[0]).toEqual({
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      'displayName': 'Office egress',
      'isTrusted': true,
      'ipRanges': [
        { '@odata.type': '#microsoft.graph.iPv4CidrRange', 'cidrAddress': '198.51.100.0/24' },
        { '@odata.type': '#microsoft.graph.iPv6CidrRange', 'cidrAddress': '2001:db8:1234::/48' },
      ],
    });
  });

  test('adopted objects carry their ids, and references to them resolve to the ids', () => {
    const e = GraphExport.fromStack(tenant(true));
    const [p] = e.policies;
    expect(p.id).toBe(POLICY_MFA);
    expect(p.conditions.locations.excludeLocations).toEqual([LOCATION_OFFICE]);
    expect(p.grantControls.authenticationStrength).toEqual({ id: '5a03a1e2-af07-4b8b-8f54-848f50ef5f01' });
    expect(e.namedLocations[0].id).toBe(LOCATION_OFFICE);
    expect(e.references.map((r) => r.path)).toEqual(['conditions.users.includeGroups[0]']);
  });

  test('files: one per object, value.json, references.json; writeTo writes them', () => {
    const e = GraphExport.fromStack(tenant(false));
    expect(Object.keys(e.files()).sort()).toEqual([
      'authentication-strengths/tap.json', 'named-locations/office-egress.json', 'policies/require-mfa-outside-the-office.json', 'references.json', 'value.json',
    ]);
    expect(e.files()['value.json'].value).toHaveLength(3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-export-'));
    try {
      const written = e.writeTo(dir);
      expect(written).toHaveLength(5);
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'policies', 'require-mfa-outside-the-office.json'), 'utf8')).displayName).toBe('Require MFA outside the office');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('two objects with the same display name get distinct file names', () => {
    const stack = new TerraformStack(Testing.app(), 't');
    new IpNamedLocation(stack, 'A', { displayName: 'Office', ipRanges: ['198.51.100.0/24'] });
    new IpNamedLocation(stack, 'B', { displayName: 'Office', ipRanges: ['203.0.113.0/24'] });
    expect(GraphExport.fromStack(stack).objects.map((o) => o.fileName)).toEqual(['named-locations/office.json', 'named-locations/office2.json']);
  });
});

describe('compareWith', () => {
  const exported = () => GraphExport.fromModel(GraphImport.fromJson(list(ipLocation(), policy())).model);

  test('equal modulo order, GUID and enum case, annotations, read-only fields and defaults', () => {
    const shuffled = policy({ state: 'Enabled' }, {
      clientAppTypes: ['MobileAppsAndDesktopClients', 'browser'],
      users: { includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'], excludeGroups: [GROUP_BREAK_GLASS.toUpperCase()] },
    });
    delete shuffled.conditions.userRiskLevels;
    const office = ipLocation({ ipRanges: [{ cidrAddress: '2001:DB8:1234:0:0:0:0:0/48' }, { cidrAddress: '198.51.100.7/24' }] });
    expect(exported().compareWith({ value: [shuffled, office] })).toEqual([]);
  });

  test('a difference names the object, the path and both values', () => {
    const changed = policy({}, { users: { includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'], excludeGroups: [] }, signInRiskLevels: ['high'] });
    expect(exported().compareWith([ipLocation(), changed])).toEqual([
      { displayName: 'Require MFA outside the office', path: 'conditions.users.excludeGroups', expected: '[]', actual: `["${GROUP_BREAK_GLASS}"]`, message: `unexpected ["${GROUP_BREAK_GLASS}"]` },
      { displayName: 'Require MFA outside the office', path: 'conditions.signInRiskLevels', expected: '["high"]', actual: '[]', message: 'missing ["high"]' },
    ]);
  });

  test('a field provider 3.7.0 cannot express shows as a difference; missing and extra objects are named', () => {
    const withCae = policy({ sessionControls: { continuousAccessEvaluation: { mode: 'strictLocation' } } });
    const diffs = exported().compareWith([withCae, { ...ipLocation(), id: undefined, displayName: 'Other office' }]);
    expect(diffs).toEqual([
      expect.objectContaining({ path: 'other.sessionControls.continuousAccessEvaluation', actual: undefined, message: 'missing' }),
      expect.objectContaining({ displayName: 'Other office', message: 'named location is missing' }),
      expect.objectContaining({ displayName: 'Office egress', message: 'named location is not expected' }),
    ]);
  });
});
