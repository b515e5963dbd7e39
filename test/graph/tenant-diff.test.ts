// GraphExport.diff: what applying a stack changes in a tenant, per policy and named location, in portal words.
import { TerraformStack, Testing } from 'cdktf';
import { APP_A, CUSTOM_STRENGTH, GROUP_BREAK_GLASS, LOCATION_OFFICE, POLICY_BLOCK, POLICY_MFA, countryLocation, ipLocation, list, pascal, policy } from './fixtures';
import {
  ConditionalAccessPolicy, ExportedObjectKind, GrantControls, GraphExport, IncludedUsers, IpNamedLocation, Location, PolicyState, TargetResources,
  TenantChange, TenantMatch, UserAction,
} from '../../src';

const MFA = 'azuread_conditional_access_policy.mfa';

/** The stack as synthesized Terraform JSON: the fixture tenant's policy and location, written as code. */
function stack(patch: Record<string, any> = {}, extra: Record<string, any> = {}): GraphExport {
  const json = {
    resource: {
      azuread_named_location: { office: { display_name: 'Office egress', ip: { ip_ranges: ['198.51.100.0/24', '2001:db8:1234::/48'], trusted: true } } },
      azuread_conditional_access_policy: {
        mfa: {
          display_name: 'Require MFA outside the office',
          state: 'enabled',
          conditions: {
            client_app_types: ['browser', 'mobileAppsAndDesktopClients'],
            applications: { included_applications: ['All'], excluded_applications: [APP_A] },
            users: { included_users: ['All'], excluded_users: ['GuestsOrExternalUsers'], excluded_groups: [GROUP_BREAK_GLASS] },
            locations: { included_locations: ['All'], excluded_locations: ['${azuread_named_location.office.object_id}'] },
          },
          grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
          ...patch,
        },
      },
      ...extra.resource,
    },
    ...(extra.data ? { data: extra.data } : {}),
    ...(extra.import ? { import: extra.import } : {}),
  };
  return GraphExport.fromTerraformJson(json, 'cdk.tf.json');
}

const texts = (d: { changes: Array<{ text: string }> }) => d.changes.map((c) => c.text);

describe('matching', () => {
  test('the same policy and location: nothing changes; matched by display name, the location reference resolved to the tenant id', () => {
    const diff = stack().diff(list(policy(), ipLocation()));
    expect(diff.hasChanges).toBe(false);
    expect(diff.objects.map((o) => [o.kind, o.displayName, o.change, o.matchedBy, o.id])).toEqual([
      [ExportedObjectKind.POLICY, 'Require MFA outside the office', TenantChange.UNCHANGED, TenantMatch.DISPLAY_NAME, POLICY_MFA],
      [ExportedObjectKind.NAMED_LOCATION, 'Office egress', TenantChange.UNCHANGED, TenantMatch.DISPLAY_NAME, LOCATION_OFFICE],
    ]);
    expect(diff.toText()).toBe(
      `= unchanged policy "Require MFA outside the office" (matched by display name, id ${POLICY_MFA})\n` +
        `= unchanged named location "Office egress" (matched by display name, id ${LOCATION_OFFICE})\n` +
        '0 to create, 0 to update, 0 to delete, 2 unchanged, 0 left alone\n',
    );
  });

  test('the same tenant as the PowerShell SDK exports it (PascalCase keys, one object per document) also matches', () => {
    expect(stack().diff([pascal(policy()), pascal(ipLocation())]).hasChanges).toBe(false);
  });

  test('an adopted policy (import block) matches by id though the tenant renamed it', () => {
    const diff = stack({}, { import: [{ to: MFA, id: `/identity/conditionalAccess/policies/${POLICY_MFA}` }] })
      .diff(list(policy({ displayName: 'MFA (renamed in the portal)' }), ipLocation()));
    const p = diff.objects[0];
    expect(p).toMatchObject({ change: TenantChange.UPDATE, matchedBy: TenantMatch.ID, adopted: true, id: POLICY_MFA, address: MFA });
    expect(texts(p)).toEqual(['Name: MFA (renamed in the portal) → Require MFA outside the office']);
    expect(diff.toText()).toContain(`~ update policy "Require MFA outside the office" (matched by id ${POLICY_MFA}, adopted)\n    Name: MFA (renamed in the portal) → Require MFA outside the office\n`);
  });

  test('importFrom on the L2 constructs: GraphExport.fromStack(stack).diff(...) matches by id', () => {
    const s = new TerraformStack(Testing.app(), 'adopting');
    const office = new IpNamedLocation(s, 'Office', { displayName: 'Office', ipRanges: ['198.51.100.0/24', '2001:db8:1234::/48'], trusted: true });
    const p = new ConditionalAccessPolicy(s, 'Registration', {
      displayName: 'Register security info from the office only',
      state: PolicyState.REPORT_ONLY,
      includeUsers: IncludedUsers.all(),
      target: TargetResources.userActions(UserAction.REGISTER_SECURITY_INFORMATION),
      includeLocations: [Location.ALL],
      excludeLocations: [office],
      grant: GrantControls.block(),
    });
    office.resource.importFrom(`/identity/conditionalAccess/namedLocations/${LOCATION_OFFICE}`);
    p.resource.importFrom(`/identity/conditionalAccess/policies/${POLICY_MFA}`);
    const diff = GraphExport.fromStack(s).diff(list(policy({ state: 'enabled' }), ipLocation()));
    expect(diff.objects.map((o) => [o.displayName, o.change, o.matchedBy, o.adopted])).toEqual([
      ['Register security info from the office only', TenantChange.UPDATE, TenantMatch.ID, true],
      ['Office', TenantChange.UPDATE, TenantMatch.ID, true],
    ]);
    expect(diff.objects[0].stateChange).toBe('On → Report-only');
    expect(texts(diff.objects[0])).toEqual([
      'Name: Require MFA outside the office → Register security info from the office only',
      'State: On → Report-only',
      'Users › Exclude › Users: − All guest and external users',
      'Users › Exclude › Groups: − 0b5e5c9e-5a52-4c36-9a0f-3f3a0b9a0a02',
      'Target resources › Include: All resources → none',
      `Target resources › Exclude: − ${APP_A}`,
      'Target resources › User actions: + Register security information',
      'Conditions › Client apps: Browser, Mobile apps and desktop clients → Any client app',
      'Grant: + Block access, − Require multifactor authentication',
    ]);
    expect(texts(diff.objects[1])).toEqual(['Name: Office egress → Office']);
  });

  test('an adopted id the export does not hold: created, with a note saying the import will fail', () => {
    const diff = stack({}, { import: [{ to: MFA, id: `/identity/conditionalAccess/policies/${POLICY_BLOCK}` }] }).diff(list(policy(), ipLocation()));
    expect(diff.objects.map((o) => [o.displayName, o.change])).toEqual([
      ['Require MFA outside the office', TenantChange.CREATE],
      ['Require MFA outside the office', TenantChange.LEFT_ALONE],
      ['Office egress', TenantChange.UNCHANGED],
    ]);
    expect(diff.objects[0].notes).toEqual([`the stack adopts id ${POLICY_BLOCK}, which the tenant export does not hold: the import fails unless the object exists (export the tenant again, or remove the importFrom)`]);
  });

  test('an object only in the tenant is left alone; with the state holding its id under an address the stack dropped, deleted', () => {
    const legacy = policy({ id: POLICY_BLOCK, displayName: 'Block legacy authentication', state: 'enabledForReportingButNotEnforced' });
    const tenant = list(policy(), legacy, ipLocation());
    expect(stack().diff(tenant).objects[1]).toMatchObject({ displayName: 'Block legacy authentication', change: TenantChange.LEFT_ALONE, id: POLICY_BLOCK, changes: [] });
    const diff = stack().diff(tenant, { stateIds: { 'azuread_conditional_access_policy.legacy': `/identity/conditionalAccess/policies/${POLICY_BLOCK}` } });
    expect(diff.objects[1]).toMatchObject({ displayName: 'Block legacy authentication', change: TenantChange.DELETE, address: 'azuread_conditional_access_policy.legacy' });
    expect(diff.counts).toEqual({ create: 0, update: 0, delete: 1, unchanged: 2, leftAlone: 0 });
    expect(diff.hasChanges).toBe(true);
    expect(diff.toText()).toContain(`- delete policy "Block legacy authentication" (id ${POLICY_BLOCK}: in the Terraform state, no longer in the stack)\n`);
  });

  test('the state\'s id wins over the display name: a policy renamed in code updates the object it manages', () => {
    const diff = stack({ display_name: 'MFA away from the office' }).diff(list(policy(), ipLocation()), { stateIds: { [MFA]: POLICY_MFA } });
    expect(diff.objects[0]).toMatchObject({ change: TenantChange.UPDATE, matchedBy: TenantMatch.ID, adopted: false });
    expect(texts(diff.objects[0])).toEqual(['Name: Require MFA outside the office → MFA away from the office']);
    // without the state the renamed policy is a new one, and the old one is left alone
    expect(stack({ display_name: 'MFA away from the office' }).diff(list(policy(), ipLocation())).counts).toEqual({ create: 1, update: 0, delete: 0, unchanged: 1, leftAlone: 1 });
  });

  test('a location renamed in the tenant: its policy\'s reference is unresolved, the policy shows the location as a value known at apply time', () => {
    const diff = stack().diff(list(policy(), ipLocation({ displayName: 'HQ' })));
    expect(diff.objects.map((o) => [o.displayName, o.change])).toEqual([
      ['Require MFA outside the office', TenantChange.UPDATE],
      ['Office egress', TenantChange.CREATE],
      ['HQ', TenantChange.LEFT_ALONE],
    ]);
    expect(diff.objects[0].changes).toEqual([
      expect.objectContaining({
        field: 'Conditions › Locations › Exclude',
        added: ['Office egress (azuread_named_location.office)'],
        removed: ['HQ'],
        knownAtApply: true,
        text: 'Conditions › Locations › Exclude: + Office egress (azuread_named_location.office), − HQ',
      }),
    ]);
    expect(diff.toText()).toContain('    Conditions › Locations › Exclude: + Office egress (azuread_named_location.office), − HQ (a value known only at apply time: may already match)\n');
  });

  test('a location the stack looks up by display name (NamedLocation.fromDisplayName) is the tenant\'s: the policy matches, the location is left alone', () => {
    const lookedUp = {
      resource: { azuread_conditional_access_policy: { mfa: { ...stackPolicy(), conditions: { ...baseConditions(), locations: { included_locations: ['All'], excluded_locations: ['${data.azuread_named_location.office.object_id}'] } } } } },
      data: { azuread_named_location: { office: { display_name: 'Office egress' } } },
    };
    const diff = GraphExport.fromTerraformJson(lookedUp).diff(list(policy(), ipLocation()));
    expect(diff.objects.map((o) => [o.displayName, o.change])).toEqual([
      ['Require MFA outside the office', TenantChange.UNCHANGED],
      ['Office egress', TenantChange.LEFT_ALONE],
    ]);
    // another name than the tenant's: the reference stays unresolved and is named by the data source
    lookedUp.data.azuread_named_location.office.display_name = 'HQ';
    expect(texts(GraphExport.fromTerraformJson(lookedUp).diff(list(policy(), ipLocation())).objects[0])).toEqual([
      'Conditions › Locations › Exclude: + HQ (data.azuread_named_location.office), − Office egress',
    ]);
  });
});

describe('portal words', () => {
  test('a state change is flagged; removed exclusions and added controls are named', () => {
    const diff = stack({ grant_controls: { operator: 'AND', built_in_controls: ['mfa', 'compliantDevice'] } }).diff(
      list(policy({ state: 'enabledForReportingButNotEnforced' }, { users: { ...policy().conditions.users, excludeGroups: [GROUP_BREAK_GLASS, '0b5e5c9e-5a52-4c36-9a0f-3f3a0b9a0a09'] } }), ipLocation()),
    );
    const p = diff.objects[0];
    expect(p.stateChange).toBe('Report-only → On');
    expect(texts(p)).toEqual([
      'State: Report-only → On',
      'Users › Exclude › Groups: − 0b5e5c9e-5a52-4c36-9a0f-3f3a0b9a0a09',
      'Grant: + Require device to be marked as compliant',
      'Grant › For multiple controls: Require one of the selected controls → Require all the selected controls',
    ]);
    expect(diff.toText().split('\n').slice(0, 6)).toEqual([
      `~ update policy "Require MFA outside the office" (matched by display name, id ${POLICY_MFA})`,
      '    ! state change: Report-only → On',
      '    Users › Exclude › Groups: − 0b5e5c9e-5a52-4c36-9a0f-3f3a0b9a0a09',
      '    Grant: + Require device to be marked as compliant',
      '    Grant › For multiple controls: Require one of the selected controls → Require all the selected controls',
      `= unchanged named location "Office egress" (matched by display name, id ${LOCATION_OFFICE})`,
    ]);
  });

  test('a group the stack looks up is named, and marked as known only at apply time', () => {
    const diff = stack(
      { conditions: { ...baseConditions(), users: { included_users: ['All'], excluded_users: ['GuestsOrExternalUsers'], excluded_groups: ['${data.azuread_group.bg.object_id}'] } } },
      { data: { azuread_group: { bg: { display_name: 'Break glass' } } } },
    ).diff(list(policy(), ipLocation()));
    expect(diff.objects[0].changes).toEqual([
      expect.objectContaining({ added: ['Break glass (data.azuread_group.bg)'], removed: [GROUP_BREAK_GLASS], knownAtApply: true }),
    ]);
    expect(diff.hasChanges).toBe(true);
  });

  test('roles, well-known applications, built-in strengths and session controls in portal words', () => {
    const diff = stack({
      conditions: {
        ...baseConditions(),
        users: { included_roles: ['62e90394-69f5-4237-9190-012177145e10'] },
        applications: { included_applications: ['797f4846-ba00-4fd7-ba43-dac1f8f63013'] },
        sign_in_risk_levels: ['high', 'medium'],
      },
      grant_controls: { operator: 'OR', authentication_strength_policy_id: '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004' },
      session_controls: { sign_in_frequency: 4, sign_in_frequency_period: 'hours', persistent_browser_mode: 'never' },
    }).diff(list(policy(), ipLocation()));
    expect(texts(diff.objects[0])).toEqual([
      'Users › Include › Users: All users → none',
      'Users › Include › Directory roles: + Global Administrator',
      'Users › Exclude › Users: − All guest and external users',
      'Users › Exclude › Groups: − 0b5e5c9e-5a52-4c36-9a0f-3f3a0b9a0a02',
      'Target resources › Include: All resources → Windows Azure Service Management API',
      `Target resources › Exclude: − ${APP_A}`,
      'Conditions › Sign-in risk: + High, + Medium',
      'Grant: − Require multifactor authentication',
      'Grant › Require authentication strength: none → Phishing-resistant MFA',
      'Session › Sign-in frequency: off → 4 hours',
      'Session › Persistent browser session: off → Never persistent',
    ]);
  });

  test('a named location: ranges added and removed, trust and country settings', () => {
    const diff = stack({}, {
      resource: {
        azuread_named_location: {
          office: { display_name: 'Office egress', ip: { ip_ranges: ['203.0.113.0/24', '2001:db8:1234::/48'], trusted: false } },
          countries: { display_name: 'Allowed countries', country: { countries_and_regions: ['NL', 'DE'], include_unknown_countries_and_regions: true } },
        },
      },
    }).diff(list(policy(), ipLocation(), countryLocation()));
    const [, office, countries] = diff.objects;
    expect(texts(office)).toEqual(['Mark as trusted location: yes → no', 'IP ranges: + 203.0.113.0/24, − 198.51.100.0/24']);
    expect(texts(countries)).toEqual(['Countries › Countries/Regions: + DE, − BE', 'Countries › Include unknown countries/regions: no → yes']);
  });

  test('a field provider 3.7.0 cannot express is shown, not dropped silently', () => {
    const diff = stack().diff(list(policy({ sessionControls: { continuousAccessEvaluation: { mode: 'strictLocation' } } }), ipLocation()));
    expect(texts(diff.objects[0])).toEqual(['sessionControls.continuousAccessEvaluation (not expressible with azuread provider 3.7.0): {"mode":"strictLocation"} → none']);
  });

  test('a new policy and location: every field they set, none of Graph\'s defaults', () => {
    const diff = stack().diff({ value: [] });
    expect(diff.objects.map((o) => [o.displayName, o.change, o.address])).toEqual([
      ['Require MFA outside the office', TenantChange.CREATE, MFA],
      ['Office egress', TenantChange.CREATE, 'azuread_named_location.office'],
    ]);
    expect(texts(diff.objects[0])).toEqual([
      'State: On',
      'Users › Include › Users: All users',
      'Users › Exclude › Users: All guest and external users',
      `Users › Exclude › Groups: ${GROUP_BREAK_GLASS}`,
      'Target resources › Include: All resources',
      `Target resources › Exclude: ${APP_A}`,
      'Conditions › Locations › Include: Any network or location',
      'Conditions › Locations › Exclude: Office egress (azuread_named_location.office)',
      'Conditions › Client apps: Browser, Mobile apps and desktop clients',
      'Grant: Require multifactor authentication',
    ]);
    expect(texts(diff.objects[1])).toEqual(['Type: IP ranges location', 'Mark as trusted location: yes', 'IP ranges: 198.51.100.0/24, 2001:db8:1234::/48']);
    expect(diff.toText().split('\n')[0]).toBe(`+ create policy "Require MFA outside the office" (${MFA})`);
    // a reference in a new object is named, without the "may already match" an update's gets
    expect(diff.toText()).toContain('    Conditions › Locations › Exclude: Office egress (azuread_named_location.office)\n');
  });

  test('a tenant object without an id matches by name, and the text says no id; the stack\'s warnings are the diff\'s', () => {
    const { id: _id, ...noId } = ipLocation();
    const diff = stack({}, { resource: { azuread_named_location: { office: { display_name: 'Office egress', ip: { ip_ranges: ['198.51.100.0/24', '2001:db8:1234::/48'], trusted: true } }, empty: { display_name: 'Nothing' } } } })
      .diff([policy(), noId]);
    expect(diff.toText()).toContain('= unchanged named location "Office egress" (matched by display name)\n');
    expect(diff.warnings).toEqual(['azuread_named_location.empty: has neither an ip nor a country block; not exported']);
  });

  test('toJson carries the counts, the objects and their changes', () => {
    const j = JSON.parse(JSON.stringify(stack().diff(list(policy({ state: 'disabled' }), ipLocation())).toJson()));
    expect(j.hasChanges).toBe(true);
    expect(j.counts).toEqual({ create: 0, update: 1, delete: 0, unchanged: 1, leftAlone: 0 });
    expect(j.objects[0]).toMatchObject({ kind: 'policy', change: 'update', stateChange: 'Off → On', changes: [{ path: 'state', field: 'State', before: 'Off', after: 'On', knownAtApply: false }] });
  });
});

describe('bad input', () => {
  test('a tenant policy without a display name: an error naming where it was read', () => {
    const p = policy();
    delete p.displayName;
    expect(() => stack().diff(list(p))).toThrow(/^<json>#0: a policy without a displayName; the diff names and matches objects by it: export the object with its displayName \(GET \/identity\/conditionalAccess\/policies returns it\) or leave it out$/);
  });

  test('two tenant objects with the same name and no id: an error naming both', () => {
    const p = policy();
    delete p.id;
    expect(() => stack().diff(list(p, { ...p }))).toThrow('<json>#0 and <json>#1: two tenant policies named "Require MFA outside the office" and no id to tell them apart');
  });

  test('two tenant objects with the same name and their ids: fine until the stack must pick one by name', () => {
    const twins = list(policy(), policy({ id: POLICY_BLOCK }), ipLocation());
    expect(() => stack().diff(twins)).toThrow(
      `the stack's policy "Require MFA outside the office" (${MFA}) matches 2 tenant policies by display name (${POLICY_MFA} in <json>#0, ${POLICY_BLOCK} in <json>#1); adopt the one it stands for with importFrom('/identity/conditionalAccess/policies/<id>'), or rename one of them`,
    );
    expect(stack({}, { import: [{ to: MFA, id: `/identity/conditionalAccess/policies/${POLICY_BLOCK}` }] }).diff(twins).objects.map((o) => [o.id, o.change])).toEqual([
      [POLICY_BLOCK, TenantChange.UNCHANGED],
      [POLICY_MFA, TenantChange.LEFT_ALONE],
      [LOCATION_OFFICE, TenantChange.UNCHANGED],
    ]);
  });

  test('the same object read twice (a folder and its value list) counts once; two different objects with one id are an error', () => {
    expect(stack().diff([policy(), ipLocation(), policy()]).counts).toEqual({ create: 0, update: 0, delete: 0, unchanged: 2, leftAlone: 0 });
    expect(() => stack().diff([policy(), policy({ state: 'disabled' })])).toThrow(`<json>#0 and <json>#1: two different policies with the id ${POLICY_MFA}; give one export of the tenant`);
  });

  test('a custom authentication strength in the export resolves the policy\'s reference to it', () => {
    const strength = { '@odata.type': '#microsoft.graph.authenticationStrengthPolicy', 'id': CUSTOM_STRENGTH, 'displayName': 'TAP', 'allowedCombinations': ['temporaryAccessPassOneTime'] };
    const withStrength = stack(
      { grant_controls: { operator: 'OR', authentication_strength_policy_id: '${azuread_authentication_strength_policy.tap.id}' } },
      { resource: { azuread_authentication_strength_policy: { tap: { display_name: 'TAP', allowed_combinations: ['temporaryAccessPassOneTime'] } } } },
    );
    const tenantPolicy = policy({ grantControls: { operator: 'OR', builtInControls: [], authenticationStrength: { id: CUSTOM_STRENGTH } } });
    expect(withStrength.diff(list(tenantPolicy, strength, ipLocation())).hasChanges).toBe(false);
    expect(texts(withStrength.diff(list(tenantPolicy, ipLocation())).objects[0])).toEqual([
      `Grant › Require authentication strength: ${CUSTOM_STRENGTH} → TAP (azuread_authentication_strength_policy.tap)`,
    ]);
  });
});

function stackPolicy(): Record<string, any> {
  return { display_name: 'Require MFA outside the office', state: 'enabled', conditions: baseConditions(), grant_controls: { operator: 'OR', built_in_controls: ['mfa'] } };
}

function baseConditions(): Record<string, any> {
  return {
    client_app_types: ['browser', 'mobileAppsAndDesktopClients'],
    applications: { included_applications: ['All'], excluded_applications: [APP_A] },
    users: { included_users: ['All'], excluded_users: ['GuestsOrExternalUsers'], excluded_groups: [GROUP_BREAK_GLASS] },
    locations: { included_locations: ['All'], excluded_locations: ['${azuread_named_location.office.object_id}'] },
  };
}
