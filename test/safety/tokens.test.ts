import { DataAzureadGroup } from '@cdktf/provider-azuread/lib/data-azuread-group';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { Fn, Testing, TerraformStack, TerraformVariable } from 'cdktf';
import {
  AuthenticationStrength,
  CloudApplication,
  ConditionalAccessPolicy,
  ConditionalAccessRules,
  CountryNamedLocation,
  CustomAuthenticationStrength,
  AuthenticationMethodCombination,
  DirectoryRole,
  ExternalTenants,
  FilterMode,
  GrantControls,
  GuestOrExternalUserType,
  GuestsOrExternalUsers,
  IncludedUsers,
  IpNamedLocation,
  Location,
  NamedLocation,
  Principal,
  SignInFrequency,
  TargetResources,
  UserAction,
} from '../../src';
import { checkConditionalAccessFacts } from '../facts/conditional-access-facts';

/**
 * Issue 3: "Every check skips unresolved tokens." Values only known at deploy
 * time (Terraform variables, references, `Fn.*` expressions) pass every check
 * and reach the synthesized JSON unchanged.
 */

interface Fixture {
  readonly stack: TerraformStack;
  str(name: string): string;
  list(name: string): string[];
  num(name: string): number;
}

function fixture(): Fixture {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AzureadProvider(stack, 'azuread', {});
  return {
    stack,
    str: (name) => new TerraformVariable(stack, name, { type: 'string' }).stringValue,
    list: (name) => new TerraformVariable(stack, name, { type: 'list(string)' }).listValue,
    num: (name) => new TerraformVariable(stack, name, { type: 'number' }).numberValue,
  };
}

function synth(stack: TerraformStack): any {
  const out = Testing.synth(stack, true);
  expect(checkConditionalAccessFacts(out)).toEqual([]);
  return JSON.parse(out);
}

function onlyPolicy(json: any): any {
  return Object.values(json.resource.azuread_conditional_access_policy)[0];
}

describe('GUID checks skip tokens', () => {
  test('users, groups, roles, applications, tenants and terms of use from variables', () => {
    const f = fixture();
    new ConditionalAccessPolicy(f.stack, 'Policy', {
      displayName: 'Tokens everywhere',
      includeUsers: IncludedUsers.select({
        users: [Principal.fromObjectId(f.str('user'))],
        groups: [Principal.fromObjectId(f.str('group'))],
        roles: [DirectoryRole.fromTemplateId(f.str('role'))],
        guestsOrExternalUsers: GuestsOrExternalUsers.of({
          types: [GuestOrExternalUserType.B2B_COLLABORATION_GUEST],
          externalTenants: ExternalTenants.enumerated(f.str('tenant')),
        }),
      }),
      excludeUsers: { groups: [Principal.fromObjectId(Fn.lower(f.str('breakglass')))] },
      target: TargetResources.applications({ include: [CloudApplication.fromAppId(f.str('app'))] }),
      grant: GrantControls.requireAll({ termsOfUse: [f.str('tou')], authenticationStrength: AuthenticationStrength.fromId(f.str('strength')) }),
    });
    const p = onlyPolicy(synth(f.stack));
    expect(p.conditions.users.included_users).toEqual(['${var.user}']);
    expect(p.conditions.users.included_groups).toEqual(['${var.group}']);
    expect(p.conditions.users.included_roles).toEqual(['${var.role}']);
    expect(p.conditions.users.excluded_groups).toEqual(['${lower(var.breakglass)}']);
    expect(p.conditions.users.included_guests_or_external_users[0].external_tenants[0]).toEqual({ membership_kind: 'enumerated', members: ['${var.tenant}'] });
    expect(p.conditions.applications.included_applications).toEqual(['${var.app}']);
    expect(p.grant_controls).toEqual({ operator: 'AND', terms_of_use: ['${var.tou}'], authentication_strength_policy_id: '${var.strength}' });
  });

  test('references to data sources work as principals', () => {
    const f = fixture();
    const admins = new DataAzureadGroup(f.stack, 'Admins', { displayName: 'Admins' });
    new ConditionalAccessPolicy(f.stack, 'Policy', {
      displayName: 'Admins need MFA',
      includeUsers: IncludedUsers.select({ groups: [Principal.fromGroupData(admins)] }),
      target: TargetResources.allResources(),
      grant: GrantControls.requireMfa(),
    });
    expect(onlyPolicy(synth(f.stack)).conditions.users.included_groups).toEqual(['${data.azuread_group.Admins.object_id}']);
  });

  test('named locations imported by a token id or by display name', () => {
    const f = fixture();
    const byId = NamedLocation.fromObjectId(f.stack, 'ById', f.str('location'));
    const byName = NamedLocation.fromDisplayName(f.stack, 'ByName', f.str('location_name'));
    new ConditionalAccessPolicy(f.stack, 'Policy', {
      displayName: 'Outside known places',
      includeUsers: IncludedUsers.all(),
      emergencyAccess: { groups: [Principal.fromObjectId(f.str('emergency'))] },
      target: TargetResources.userActions(UserAction.REGISTER_SECURITY_INFORMATION),
      includeLocations: [Location.ALL],
      excludeLocations: [byId, byName, { locationId: f.str('raw_location') }],
      grant: GrantControls.requireMfa(),
    });
    const json = synth(f.stack);
    const [dataId, data] = Object.entries(json.data.azuread_named_location)[0] as [string, any];
    expect(data.display_name).toBe('${var.location_name}');
    expect(onlyPolicy(json).conditions.locations.excluded_locations).toEqual([
      `\${data.azuread_named_location.${dataId}.object_id}`,
      '${var.location}',
      '${var.raw_location}',
    ]);
    expect(onlyPolicy(json).conditions.users.excluded_groups).toEqual(['${var.emergency}']);
  });
});

describe('CIDR and country checks skip tokens', () => {
  test('a whole IP range list from a variable', () => {
    const f = fixture();
    new IpNamedLocation(f.stack, 'Office', { displayName: 'Office', ipRanges: f.list('ranges'), trusted: true });
    synth(f.stack);
    expect(findLocation(f.stack, 'Office').ip).toEqual({ ip_ranges: '${var.ranges}', trusted: true });
  });

  test('token ranges mixed with literal ranges: literals are checked and sorted, tokens kept after them', () => {
    const f = fixture();
    new IpNamedLocation(f.stack, 'Office', {
      displayName: 'Office',
      ipRanges: [Fn.cidrsubnet(f.str('base'), 8, 1), '203.0.113.0/24', Fn.element(f.list('more'), 0), '198.51.100.0/24'],
    });
    expect(findLocation(f.stack, 'Office').ip.ip_ranges).toEqual([
      '198.51.100.0/24', '203.0.113.0/24', '${cidrsubnet(var.base, 8, 1)}', '${element(var.more, 0)}',
    ]);
    // The literal ranges are still checked.
    expect(() => new IpNamedLocation(f.stack, 'Bad', { displayName: 'Bad', ipRanges: [f.str('ok'), '10.0.0.0/8'] }))
      .toThrow("ipRanges[1]: '10.0.0.0/8' is wider than /9");
  });

  test('a split string of ranges (Fn.split) is a token list', () => {
    const f = fixture();
    new IpNamedLocation(f.stack, 'Office', { displayName: 'Office', ipRanges: Fn.split(',', f.str('csv')) });
    synth(f.stack);
    expect(findLocation(f.stack, 'Office').ip.ip_ranges).toBe('${split(",", var.csv)}');
  });

  test('country codes from a variable, alone or among literal codes', () => {
    const f = fixture();
    new CountryNamedLocation(f.stack, 'All', { displayName: 'From variable', countriesAndRegions: f.list('countries') });
    new CountryNamedLocation(f.stack, 'Mixed', { displayName: 'Mixed', countriesAndRegions: ['us', Fn.upper(f.str('extra')), 'CA'] });
    expect(findLocation(f.stack, 'All').country.countries_and_regions).toBe('${var.countries}');
    expect(findLocation(f.stack, 'Mixed').country.countries_and_regions).toEqual(['CA', 'US', '${upper(var.extra)}']);
  });

  test('the non-public range rule (CA8) skips token ranges and token range lists', () => {
    const f = fixture();
    new IpNamedLocation(f.stack, 'One', { displayName: 'One', ipRanges: [f.str('range')] });
    new IpNamedLocation(f.stack, 'List', { displayName: 'List', ipRanges: f.list('ranges') });
    new IpNamedLocation(f.stack, 'Split', { displayName: 'Split', ipRanges: Fn.split(',', f.str('csv')) });
    expect(ConditionalAccessRules.check(f.stack)).toEqual([]);
    expect(() => Testing.synth(f.stack, true)).not.toThrow();
  });
});

describe('display name and value checks skip tokens', () => {
  test('display names from variables and functions', () => {
    const f = fixture();
    const prefix = f.str('prefix');
    new IpNamedLocation(f.stack, 'Office', { displayName: f.str('location_name'), ipRanges: ['20.40.0.0/24'] });
    new CountryNamedLocation(f.stack, 'Countries', { displayName: Fn.format('%s countries', [prefix]), countriesAndRegions: ['FR'] });
    new CustomAuthenticationStrength(f.stack, 'Strength', { displayName: `${prefix} strength`, allowedCombinations: [AuthenticationMethodCombination.FIDO2] });
    // Two policies with token names: the duplicate-name rule (CA5) cannot compare them and stays quiet.
    for (const id of ['One', 'Two']) {
      new ConditionalAccessPolicy(f.stack, id, {
        displayName: f.str(`name_${id.toLowerCase()}`),
        includeUsers: IncludedUsers.select({ groups: [Principal.fromObjectId(f.str(`group_${id.toLowerCase()}`))] }),
        target: TargetResources.allResources(),
        grant: GrantControls.requireMfa(),
      });
    }
    const json = synth(f.stack);
    expect(findLocation(f.stack, 'Office').display_name).toBe('${var.location_name}');
    expect(findLocation(f.stack, 'Countries').display_name).toBe('${format("%s countries", var.prefix)}');
    expect(Object.values(json.resource.azuread_authentication_strength_policy)[0]).toMatchObject({ display_name: '${var.prefix} strength' });
    expect(Object.values(json.resource.azuread_conditional_access_policy).map((p: any) => p.display_name).sort())
      .toEqual(['${var.name_one}', '${var.name_two}']);
    expect(ConditionalAccessRules.check(f.stack)).toEqual([]);
  });

  test('sign-in frequency and device filter rule from variables', () => {
    const f = fixture();
    new ConditionalAccessPolicy(f.stack, 'Policy', {
      displayName: 'Re-authenticate',
      includeUsers: IncludedUsers.select({ groups: [Principal.fromObjectId(f.str('group'))] }),
      target: TargetResources.allResources(),
      deviceFilter: { mode: FilterMode.EXCLUDE, rule: f.str('rule') },
      session: { signInFrequency: SignInFrequency.hours(f.num('hours')) },
    });
    const p = onlyPolicy(synth(f.stack));
    expect(p.session_controls).toEqual({
      sign_in_frequency: '${var.hours}', sign_in_frequency_period: 'hours', sign_in_frequency_interval: 'timeBased', sign_in_frequency_authentication_type: 'primaryAndSecondaryAuthentication',
    });
    expect(p.conditions.devices).toEqual({ filter: { mode: 'exclude', rule: '${var.rule}' } });
  });
});

function findLocation(stack: TerraformStack, id: string): any {
  const json = JSON.parse(Testing.synth(stack));
  const entry = Object.entries(json.resource.azuread_named_location).find(([k]) => k.startsWith(`${id}_`));
  if (!entry) throw new Error(`no named location ${id}`);
  return entry[1];
}
