/* eslint-disable @stylistic/max-len */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { App, Testing, TerraformStack } from 'cdktf';
import * as fc from 'fast-check';
import {
  AuthenticationMethodCombination,
  ClientAppType,
  ConditionalAccessPolicy,
  CountryNamedLocation,
  CustomAuthenticationStrength,
  DevicePlatform,
  DirectoryRole,
  EmergencyAccess,
  ExternalTenants,
  GrantControls,
  GuestOrExternalUserType,
  GuestsOrExternalUsers,
  IncludedUsers,
  IpNamedLocation,
  Location,
  Principal,
  RiskLevel,
  SecureSecurityInfoRegistration,
  TargetResources,
} from '../../src';

/**
 * Issue 3, "Determinism": the same app synthesizes to byte-identical JSON, and
 * list-valued options give the same output whatever order they are passed in.
 */

const GUIDS = [
  '0b5e9f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
  '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  'a0000000-0000-4000-8000-000000000001',
  'f0000000-0000-4000-8000-0000000000ff',
];

/** An app using every kind of list the library emits. */
function buildApp(app: App): void {
  const stack = new TerraformStack(app, 'tenant');
  new AzureadProvider(stack, 'azuread', {});
  const office = new IpNamedLocation(stack, 'Office', {
    displayName: 'Office', ipRanges: ['20.40.0.0/16', '2603:1000::/24', '131.107.0.0/16'], trusted: true,
  });
  const countries = new CountryNamedLocation(stack, 'Blocked', { displayName: 'Blocked countries', countriesAndRegions: ['RU', 'KP', 'IR'] });
  const strength = new CustomAuthenticationStrength(stack, 'Strength', {
    displayName: 'Passkey or TAP',
    allowedCombinations: [AuthenticationMethodCombination.TEMPORARY_ACCESS_PASS_ONE_TIME, AuthenticationMethodCombination.FIDO2],
  });
  const admins = new Group(stack, 'AdminGroup', { displayName: 'Admins', securityEnabled: true });
  new ConditionalAccessPolicy(stack, 'Admins', {
    displayName: 'Admins need a passkey',
    includeUsers: IncludedUsers.select({
      groups: [Principal.fromGroup(admins)],
      roles: [DirectoryRole.GLOBAL_ADMINISTRATOR, DirectoryRole.SECURITY_ADMINISTRATOR],
    }),
    target: TargetResources.allResources(),
    includeLocations: [Location.ALL],
    excludeLocations: [office, countries],
    clientAppTypes: [ClientAppType.MOBILE_APPS_AND_DESKTOP_CLIENTS, ClientAppType.BROWSER],
    includePlatforms: [DevicePlatform.WINDOWS, DevicePlatform.ANDROID],
    signInRiskLevels: [RiskLevel.MEDIUM, RiskLevel.HIGH],
    grant: GrantControls.requireAuthenticationStrength(strength),
  });
  new SecureSecurityInfoRegistration(stack, 'Baseline', {
    trustedIpRanges: ['2001:db8::/48', '198.51.100.0/24'],
    emergencyAccess: { users: [Principal.fromObjectId(GUIDS[1]), Principal.fromObjectId(GUIDS[0])] },
    displayNamePrefix: 'CA100 - ',
  });
  EmergencyAccess.of(stack).exclude({ groups: [Principal.fromObjectId(GUIDS[2])] });
}

function synthToDir(): Map<string, Buffer> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-determinism-'));
  try {
    const app = new App({ outdir });
    buildApp(app);
    app.synth();
    const files = new Map<string, Buffer>();
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else files.set(path.relative(outdir, full), fs.readFileSync(full));
      }
    };
    walk(outdir);
    return files;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('the same app twice', () => {
  test('app.synth() writes byte-identical files', () => {
    // One call site: the manifest's warning annotations carry the stack trace of the synth call.
    const [first, second] = [1, 2].map(() => synthToDir());
    expect([...first.keys()].sort()).toEqual([...second.keys()].sort());
    expect([...first.keys()]).toContain(path.join('stacks', 'tenant', 'cdk.tf.json'));
    for (const [name, bytes] of first) {
      expect({ name, equal: bytes.equals(second.get(name)!) }).toEqual({ name, equal: true });
    }
  });

  test('Testing.synth gives identical strings, and synthesizing one stack twice does not drift', () => {
    const a = Testing.app();
    buildApp(a);
    const b = Testing.app();
    buildApp(b);
    const stackA = a.node.findChild('tenant') as TerraformStack;
    const first = Testing.synth(stackA, true);
    expect(Testing.synth(b.node.findChild('tenant') as TerraformStack, true)).toBe(first);
    // Aspects (emergency access) and lazy lists run again on a second synth of the same stack.
    expect(Testing.synth(stackA, true)).toBe(first);
    expect(Object.keys(JSON.parse(first).resource.azuread_conditional_access_policy)).toHaveLength(3);
  });
});

// ---------------------------------------------------------------------------
// Order independence
// ---------------------------------------------------------------------------

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AzureadProvider(stack, 'azuread', {});
  return stack;
}

/** Synthesized JSON of the only resource of a type. */
function only(stack: TerraformStack, type: string): string {
  const json = JSON.parse(Testing.synth(stack, true));
  const values = Object.values(json.resource[type]);
  expect(values).toHaveLength(1);
  return JSON.stringify(values[0]);
}

function policyJson(make: (stack: TerraformStack) => void): string {
  const stack = newStack();
  make(stack);
  return only(stack, 'azuread_conditional_access_policy');
}

// CI machines are slow (2 throttled cores): each run synthesizes a whole app twice
const RUNS = { numRuns: 10 };

/** Two independent shuffles of the same list. */
function twoOrders<T>(items: T[]): fc.Arbitrary<[T[], T[]]> {
  return fc.tuple(fc.shuffledSubarray(items, { minLength: items.length }), fc.shuffledSubarray(items, { minLength: items.length }));
}

describe('list order does not change the output', () => {
  test('IP ranges (IPv4 and IPv6, in any order and spelling)', () => {
    const ranges = ['20.40.0.0/16', '9.9.9.0/24', '131.107.0.0/16', '2603:1000::/24', '2001:4860::/32', '10.0.0.0/9'];
    const spellings: Record<string, string> = { '2603:1000::/24': '2603:1000:0::/24', '2001:4860::/32': '2001:4860:0000::/32' };
    const sorted = ['9.9.9.0/24', '10.0.0.0/9', '20.40.0.0/16', '131.107.0.0/16', '2001:4860::/32', '2603:1000::/24'];
    fc.assert(fc.property(twoOrders(ranges), fc.boolean(), ([a, b], respell) => {
      const json = (list: string[]) => {
        const stack = newStack();
        new IpNamedLocation(stack, 'Office', { displayName: 'Office', ipRanges: list.map((r) => (respell ? spellings[r] ?? r : r)) });
        return only(stack, 'azuread_named_location');
      };
      const out = json(a);
      expect(json(b)).toBe(out);
      expect(JSON.parse(out).ip.ip_ranges).toEqual(sorted);
    }), RUNS);
  });

  test('countries (in any order and case)', () => {
    const codes = ['US', 'fr', 'De', 'JP', 'br'];
    fc.assert(fc.property(twoOrders(codes), ([a, b]) => {
      const json = (list: string[]) => {
        const stack = newStack();
        new CountryNamedLocation(stack, 'C', { displayName: 'C', countriesAndRegions: list });
        return only(stack, 'azuread_named_location');
      };
      const out = json(a);
      expect(json(b)).toBe(out);
      expect(JSON.parse(out).country.countries_and_regions).toEqual(['BR', 'DE', 'FR', 'JP', 'US']);
    }), RUNS);
  });

  test('users and groups as GUIDs', () => {
    fc.assert(fc.property(twoOrders(GUIDS), twoOrders(GUIDS.slice(0, 3)), ([ua, ub], [ga, gb]) => {
      const json = (users: string[], groups: string[]) => policyJson((s) => new ConditionalAccessPolicy(s, 'P', {
        displayName: 'P',
        includeUsers: IncludedUsers.select({ users: users.map((u) => Principal.fromObjectId(u)) }),
        excludeUsers: { groups: groups.map((g) => Principal.fromObjectId(g)) },
        target: TargetResources.allResources(),
        grant: GrantControls.requireMfa(),
      }));
      const out = json(ua, ga);
      expect(json(ub, gb)).toBe(out);
      expect(JSON.parse(out).conditions.users.included_users).toEqual([...GUIDS].sort());
    }), RUNS);
  });

  test('groups as references to azuread_group resources created in different orders', () => {
    const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'];
    const excluded = ['Echo', 'Foxtrot'];
    fc.assert(fc.property(twoOrders(names), twoOrders(names), ([createA, createB], [passA, passB]) => {
      const json = (createOrder: string[], passOrder: string[]) => policyJson((s) => {
        const groups = new Map(createOrder.map((n) => [n, new Group(s, n, { displayName: n, securityEnabled: true })]));
        new ConditionalAccessPolicy(s, 'P', {
          displayName: 'P',
          includeUsers: IncludedUsers.select({ groups: passOrder.filter((n) => !excluded.includes(n)).map((n) => Principal.fromGroup(groups.get(n)!)) }),
          excludeUsers: { groups: passOrder.filter((n) => excluded.includes(n)).map((n) => Principal.fromGroup(groups.get(n)!)) },
          target: TargetResources.allResources(),
          grant: GrantControls.requireMfa(),
        });
      });
      const out = json(createA, passA);
      expect(json(createB, passB)).toBe(out);
      expect(JSON.parse(out).conditions.users.included_groups).toEqual(names.filter((n) => !excluded.includes(n)).map((n) => `\${azuread_group.${n}.object_id}`));
      expect(JSON.parse(out).conditions.users.excluded_groups).toEqual(excluded.map((n) => `\${azuread_group.${n}.object_id}`));
    }), RUNS);
  });

  test('client app types, platforms, risk levels and authentication flows', () => {
    const apps = [ClientAppType.BROWSER, ClientAppType.MOBILE_APPS_AND_DESKTOP_CLIENTS, ClientAppType.EXCHANGE_ACTIVE_SYNC, ClientAppType.OTHER];
    const platforms = [DevicePlatform.ANDROID, DevicePlatform.IOS, DevicePlatform.WINDOWS, DevicePlatform.MACOS, DevicePlatform.LINUX];
    const risks = [RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH];
    fc.assert(fc.property(twoOrders(apps), twoOrders(platforms), twoOrders(risks), twoOrders(risks), ([aa, ab], [pa, pb], [sa, sb], [ra, rb]) => {
      type Lists = [ClientAppType[], DevicePlatform[], RiskLevel[], RiskLevel[]];
      const json = (...[a, p, s, r]: Lists) => policyJson((st) => new ConditionalAccessPolicy(st, 'P', {
        displayName: 'P',
        includeUsers: IncludedUsers.select({ groups: [Principal.fromObjectId(GUIDS[0])] }),
        target: TargetResources.allResources(),
        clientAppTypes: a,
        includePlatforms: p,
        signInRiskLevels: s,
        userRiskLevels: r,
        grant: GrantControls.block(),
      }));
      const out = json(aa, pa, sa, ra);
      expect(json(ab, pb, sb, rb)).toBe(out);
      const c = JSON.parse(out).conditions;
      expect(c.client_app_types).toEqual(['browser', 'exchangeActiveSync', 'mobileAppsAndDesktopClients', 'other']);
      expect(c.platforms.included_platforms).toEqual(['android', 'iOS', 'linux', 'macOS', 'windows']);
      expect(c.sign_in_risk_levels).toEqual(['high', 'low', 'medium']);
    }), RUNS);
  });

  test('guest types (always in Graph order) and external tenants', () => {
    const types = GuestOrExternalUserType.all();
    fc.assert(fc.property(twoOrders(types), twoOrders(GUIDS), ([ta, tb], [na, nb]) => {
      const json = (t: GuestOrExternalUserType[], n: string[]) => policyJson((s) => new ConditionalAccessPolicy(s, 'P', {
        displayName: 'P',
        includeUsers: IncludedUsers.select({
          guestsOrExternalUsers: GuestsOrExternalUsers.of({ types: t, externalTenants: ExternalTenants.enumerated(...n) }),
        }),
        target: TargetResources.allResources(),
        grant: GrantControls.block(),
      }));
      const out = json(ta, na);
      expect(json(tb, nb)).toBe(out);
      const block = JSON.parse(out).conditions.users.included_guests_or_external_users[0];
      expect(block.guest_or_external_user_types).toEqual([
        'internalGuest', 'b2bCollaborationGuest', 'b2bCollaborationMember', 'b2bDirectConnectUser', 'otherExternalUser', 'serviceProvider',
      ]);
      expect(block.external_tenants[0].members).toEqual([...GUIDS].sort());
    }), RUNS);
  });

  test('allowed combinations of a custom authentication strength', () => {
    const combos = AuthenticationMethodCombination.all().slice(0, 8);
    fc.assert(fc.property(twoOrders(combos), ([a, b]) => {
      const json = (list: AuthenticationMethodCombination[]) => {
        const stack = newStack();
        new CustomAuthenticationStrength(stack, 'S', { displayName: 'S', allowedCombinations: list });
        return only(stack, 'azuread_authentication_strength_policy');
      };
      const out = json(a);
      expect(json(b)).toBe(out);
      expect(JSON.parse(out).allowed_combinations).toEqual(combos.map((c) => c.value).sort());
    }), RUNS);
  });

  test('included and excluded locations, and emergency-access accounts added in any order', () => {
    const orders = fc.tuple(fc.boolean(), fc.boolean());
    fc.assert(fc.property(orders, ([flipLocations, flipEmergency]) => {
      const stack = newStack();
      const a = new IpNamedLocation(stack, 'A', { displayName: 'A', ipRanges: ['20.40.0.0/16'], trusted: true });
      const b = new CountryNamedLocation(stack, 'B', { displayName: 'B', countriesAndRegions: ['FR'] });
      const excluded = flipLocations ? [b, a, Location.ALL_TRUSTED] : [Location.ALL_TRUSTED, a, b];
      const emergency = flipEmergency ? [GUIDS[3], GUIDS[0]] : [GUIDS[0], GUIDS[3]];
      new ConditionalAccessPolicy(stack, 'P', {
        displayName: 'P',
        includeUsers: IncludedUsers.all(),
        emergencyAccess: { users: [Principal.fromObjectId(emergency[0])] },
        target: TargetResources.allResources(),
        includeLocations: [Location.ALL],
        excludeLocations: excluded,
        grant: GrantControls.requireMfa(),
      });
      EmergencyAccess.of(stack).exclude({ users: [Principal.fromObjectId(emergency[1])] });
      const p = JSON.parse(only(stack, 'azuread_conditional_access_policy'));
      const ids = Object.keys(JSON.parse(Testing.synth(stack)).resource.azuread_named_location);
      const ref = (prefix: string) => `\${azuread_named_location.${ids.find((k) => k.startsWith(`${prefix}_`))}.object_id}`;
      expect(p.conditions.locations.excluded_locations).toEqual([ref('A'), ref('B'), 'AllTrusted']);
      expect(p.conditions.users.excluded_users).toEqual([GUIDS[0], GUIDS[3]].sort());
    }), { numRuns: 4 });
  });
});
