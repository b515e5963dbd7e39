import { Testing } from 'cdktf';
import * as fc from 'fast-check';
import * as ipaddr from 'ipaddr.js';
import { anyCidrArb, build, compareKeys, GRANT_BUILT_INS, guidArb, PolicySpec, Spec, specArb } from './stack-specs';
import {
  AuthenticationStrength,
  BuiltInControl,
  CloudApplication,
  DirectoryRole,
  ExternalTenants,
  GuestOrExternalUserType,
  PersistentBrowserMode,
  Principal,
} from '../../src';
import { ValidationError } from '../../src/validation-error';
import { checkConditionalAccessFacts } from '../facts/conditional-access-facts';

/**
 * Issue 3, property-based tests: every valid input synthesizes (validations on)
 * into JSON that breaks no fact; every valid input with one invalidating
 * mutation throws a ValidationError naming what is wrong.
 */

// each run synthesizes a stack; CI machines are slow (2 throttled cores)
const NUM_RUNS = 60;


// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe('generators', () => {
  test('CIDRs are canonical public unicast network addresses with a mask longer than /8', () => {
    fc.assert(fc.property(anyCidrArb, (c) => {
      const [address, prefix] = ipaddr.parseCIDR(c.canonical);
      expect(prefix).toBeGreaterThan(8);
      expect(address.range()).toBe('unicast');
      const network = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(c.canonical) : ipaddr.IPv6.networkAddressFromCIDR(c.canonical);
      expect(`${network.toString()}/${prefix}`).toBe(c.canonical);
    }), { numRuns: 300 });
  });

  test('both families and all three spellings are generated', () => {
    const sample = fc.sample(anyCidrArb, { numRuns: 400, seed: 42 });
    expect(sample.some((c) => c.key[0] === 4)).toBe(true);
    expect(sample.some((c) => c.key[0] === 6 && c.input === c.canonical)).toBe(true);
    expect(sample.some((c) => c.key[0] === 6 && c.input !== c.canonical)).toBe(true);
  });

  test('every policy variant is generated', () => {
    const variants = new Set(fc.sample(specArb, { numRuns: 200, seed: 7 }).map((s) => s.policy.variant));
    expect([...variants].sort()).toEqual(['general', 'passwordChange', 'registerDevice', 'workload']);
  });
});

describe('every valid input synthesizes and obeys every fact', () => {
  test('whole option sets', () => {
    fc.assert(fc.property(specArb, (spec) => {
      const json = JSON.parse(Testing.synth(build(spec), true));
      expect(checkConditionalAccessFacts(json)).toEqual([]);
      // The ranges come out canonical, sorted and complete.
      const expected = [...spec.ipRanges].sort((a, b) => compareKeys(a.key, b.key)).map((c) => c.canonical);
      expect((Object.values(json.resource.azuread_named_location) as any[]).find((l) => l.ip).ip.ip_ranges).toEqual(expected);
      expect(Object.keys(json.resource.azuread_conditional_access_policy)).toHaveLength(1);
    }), { numRuns: NUM_RUNS });
  });

  test('GUIDs are accepted in every GUID position', () => {
    fc.assert(fc.property(guidArb, (g) => {
      expect(Principal.fromObjectId(g).objectId).toBe(g);
      expect(DirectoryRole.fromTemplateId(g).templateId).toBe(g);
      expect(CloudApplication.fromAppId(g).value).toBe(g);
      expect(ExternalTenants.enumerated(g).members).toEqual([g]);
      expect(AuthenticationStrength.fromId(`/policies/authenticationStrengthPolicies/${g}`).authenticationStrengthId).toContain(g);
    }), { numRuns: NUM_RUNS });
  });
});

// ---------------------------------------------------------------------------
// Mutations: each turns a valid spec invalid in one way
// ---------------------------------------------------------------------------

type Mutation = [name: string, apply: (spec: Spec, seed: number) => Spec, message: RegExp];

const withPolicy = (spec: Spec, p: Partial<PolicySpec>): Spec => ({ ...spec, policy: { ...spec.policy, ...p } });

const MUTATIONS: Mutation[] = [
  ['a mask of /8 or wider', (s, n) => ({ ...s, extraRanges: [`${s.ipRanges[0].canonical.split('/')[0]}/${n % 9}`] }),
    /^ipRanges\[\d+\]: '.+\/[0-8]' is wider than \/9; Graph accepts only masks longer than \/8; split it into \/9 or narrower ranges$/],
  ['host bits set', (s, n) => ({ ...s, extraRanges: [`20.${n % 200}.7.1/${9 + (n % 23)}`] }),
    /^ipRanges\[\d+\]: '20\.\d+\.7\.1\/\d+' has host bits set; use the network address '20\.\d+\.\d+\.0\/\d+'$/],
  ['a duplicate range, maybe spelled differently', (s) => ({ ...s, extraRanges: [s.ipRanges[0].input.toUpperCase()] }),
    /^ipRanges\[\d+\]: '.+' duplicates ipRanges\[0\] \('.+'\); remove one of them$/],
  ['a range that is not a CIDR', (s, n) => ({ ...s, extraRanges: [['10.0.0/24', '300.1.1.0/24', 'office', '20.40.0.0/33', '2001:db8:::/48', '20.40.0.0'][n % 6]] }),
    /^ipRanges\[\d+\]: '.+' is (not a CIDR range|an address, not a CIDR range); /],
  ['a country code that is not alpha-2', (s, n) => ({ ...s, countries: [...s.countries, ['USA', 'GBR', 'XX', 'UK', 'EU', 'U', '12'][n % 7]] }),
    /^countriesAndRegions\[\d+\]: '.+' is not an ISO 3166-1 alpha-2 country code( \(it looks like an alpha-3 code\))?; use a two-letter code such as 'US' or 'FR'$/],
  ['a duplicate country', (s) => ({ ...s, countries: [...s.countries, s.countries[0].toLowerCase()] }),
    /^countriesAndRegions\[\d+\]: '[a-z]{2}' duplicates countriesAndRegions\[0\]; remove one of them$/],
  ['an empty display name', (s, n) => {
    const blank = ['', ' ', '\t'][n % 3];
    switch (n % 4) {
      case 0: return { ...s, ipName: blank };
      case 1: return { ...s, countryName: blank };
      case 2: return { ...s, strengthName: blank };
      default: return withPolicy(s, { displayName: blank });
    }
  }, /^displayName: '\s*' is empty; give the object a display name that says what it does$/],
  ['email in a combination', (s) => ({ ...s, combinations: [...s.combinations, 'password,email'] }),
    /^allowedCombinations: 'password,email' uses email one-time passcode; /],
  ['a user id that is not a GUID', (s) => withPolicy(s, { exclude: { users: ['alice@contoso.com'], groups: [], roles: [] } }),
    /^objectId: 'alice@contoso.com' is not a GUID; /],
  ['a tenant id that is not a GUID', (s) => withPolicy(s, { users: { kind: 'select', users: [], groups: [], roles: [], guests: { types: [GuestOrExternalUserType.INTERNAL_GUEST], tenants: ['contoso.com'] } } }),
    /^externalTenants\[0\]: 'contoso.com' is not a GUID; /],
  ['a selection of nobody', (s) => withPolicy(s, { users: { kind: 'select', users: [], groups: [], roles: [] } }),
    /^includeUsers: selects nobody; /],
  ['excluded locations without included locations', (s) => withPolicy(s, { locations: { exclude: ['AllTrusted'] } }),
    /^excludeLocations: is set without includeLocations; /],
  ['Location.ALL excluded', (s) => withPolicy(s, { locations: { include: ['All'], exclude: ['All'] } }),
    /^excludeLocations\[0\]: 'All' cannot be excluded; /],
  ['MFA with an authentication strength', (s) => withPolicy(s, { grant: { kind: 'require', operator: 'OR', builtIns: [BuiltInControl.MFA], strength: 'phishingResistant', termsOfUse: [] } }),
    /^grant\.builtInControls: 'mfa' is combined with an authentication strength; /],
  ['block with another control', (s, n) => withPolicy(s, {
    grant: { kind: 'require', operator: 'OR', builtIns: [BuiltInControl.of('block'), GRANT_BUILT_INS[n % GRANT_BUILT_INS.length]], termsOfUse: [] },
  }), /^grant\.builtInControls\[0\]: 'block' cannot be combined with other controls; use GrantControls\.block\(\) on its own$/],
  ['passwordChange under OR', (s) => withPolicy(s, { grant: { kind: 'require', operator: 'OR', builtIns: [BuiltInControl.MFA, BuiltInControl.PASSWORD_CHANGE], termsOfUse: [] } }),
    /^grant\.builtInControls: 'mfa,passwordChange' uses passwordChange outside its rules; /],
  ['a sign-in frequency out of range', (s, n) => withPolicy(s, {
    session: { frequency: n % 2 ? { kind: 'hours', n: n % 3 ? 24 + n : -n } : { kind: 'days', n: n % 3 ? 366 + n : 0 } },
  }), /^signInFrequency\.(hours|days): -?\d+ is not a whole number from 1 to (23|365); /],
  ['a persistent browser session on selected apps', (s) => withPolicy(s, {
    target: { kind: 'apps', include: ['Office365'], exclude: [] }, session: { persistent: PersistentBrowserMode.NEVER },
  }), /^session\.persistentBrowserMode: 'never' needs a policy on all resources; /],
  ['empty client app types', (s) => withPolicy(s, { clientApps: [] }), /^clientAppTypes: is empty; /],
  ['workload identities with users', (s) => withPolicy(s, { users: { kind: 'all' }, workload: { all: true, include: [], exclude: [] } }),
    /^workloadIdentities: is set while includeUsers includes users; /],
];

describe('every mutated-invalid input throws', () => {
  test('the mutations are distinct', () => {
    expect(new Set(MUTATIONS.map((m) => m[0])).size).toBe(MUTATIONS.length);
  });

  test('one random mutation of a valid option set', () => {
    fc.assert(fc.property(specArb, fc.nat(MUTATIONS.length - 1), fc.nat(1000), (spec, which, seed) => {
      const [, mutate, message] = MUTATIONS[which];
      let error: unknown;
      try {
        build(mutate(spec, seed));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expectProblem(error, message);
    }), { numRuns: NUM_RUNS });
  });

  test.each(MUTATIONS.map((m, i) => [m[0], i] as const))('%s', (_name, which) => {
    const [, mutate, message] = MUTATIONS[which];
    fc.assert(fc.property(specArb, fc.nat(1000), (spec, seed) => {
      let error: unknown;
      try {
        build(mutate(spec, seed));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expectProblem(error, message);
    }), { numRuns: 10 });
  });
});

/** A construct's ValidationError carries every problem (its message prefixes the construct path): one matches. */
function expectProblem(error: unknown, message: string | RegExp): void {
  const problems = error instanceof ValidationError ? error.problems : [(error as Error).message];
  expect([problems.some((p) => (typeof message === 'string' ? p.includes(message) : message.test(p))), problems]).toEqual([true, problems]);
}
