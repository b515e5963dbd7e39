// Property tests (fast-check) over random policies and sign-ins drawn from small pools of values.
import * as fc from 'fast-check';
import { IDS, whatIfOf } from './helpers';
import { GUEST_OR_EXTERNAL_USER_TYPES } from '../../src/vocabulary/guest-types';
import { WhatIfAccess } from '../../src/what-if';

const EXTERNAL_USER_TYPES = GUEST_OR_EXTERNAL_USER_TYPES.signInValues.filter((t) => t !== 'unknownFutureValue');

type Json = { [key: string]: any };

const USERS = [IDS.alice, IDS.bob, 'azuread_user.breakglass'];
const USER_REFS = [IDS.alice, IDS.bob, '${azuread_user.breakglass.object_id}', '${data.azuread_user.lookup.object_id}'];
const GROUPS = [IDS.groupA, IDS.groupB, 'azuread_group.admins'];
const GROUP_REFS = [IDS.groupA, IDS.groupB, '${azuread_group.admins.object_id}'];
const ROLES = [IDS.globalAdminRole, IDS.securityReaderRole];
const TENANTS = [IDS.partnerTenant, IDS.otherTenant];
const APPS = [IDS.sharePoint, IDS.exchange, IDS.customApp, IDS.azurePortal];
const APP_VALUES = [...APPS, 'Office365', 'MicrosoftAdminPortals'];
const IPS = ['203.0.113.9', '192.0.2.9', '198.51.100.9', '2001:db8:1::9', '2001:db8:2::9', '10.0.0.1', '40.77.182.32'];
const LOCATION_VALUES = [
  'All',
  'AllTrusted',
  '${azuread_named_location.hq.object_id}',
  '${azuread_named_location.partner.object_id}',
  '${azuread_named_location.france.object_id}',
  '${azuread_named_location.germany.object_id}',
  IDS.unknownLocation,
];
const PLATFORMS = ['android', 'iOS', 'windows', 'macOS', 'linux'];
const CLIENT_APPS = ['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other'];
const RISKS = ['low', 'medium', 'high', 'none'];
const GUEST_TYPES = EXTERNAL_USER_TYPES.filter((t) => t !== 'none');
const RULES = ['device.isCompliant -eq True', 'device.trustType -eq "AzureAD"', 'device.model -match "x"'];

const some = <T>(values: T[]) => fc.subarray(values, { minLength: 1 });
const none = <T>(values: T[]) => fc.subarray(values);
/** Mostly absent: random conditions must be rare, or almost no random policy would ever apply. */
const rare = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: a, weight: 1 });
/** Mostly present: sign-ins describe most conditions. */
const often = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: a, weight: 5 }, { arbitrary: fc.constant(undefined), weight: 1 });
const mostly = <T>(usual: T, others: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(usual), weight: 3 }, { arbitrary: others, weight: 1 });

const guestBlock = fc.record({
  guest_or_external_user_types: some(GUEST_TYPES),
  external_tenants: fc.oneof(
    fc.constant([{ membership_kind: 'all' }]),
    some(TENANTS).map((members) => [{ membership_kind: 'enumerated', members }]),
  ),
});

const policyArb: fc.Arbitrary<Json> = fc.record({
  display_name: fc.constant('Random policy'),
  state: fc.constantFrom('enabled', 'enabledForReportingButNotEnforced', 'disabled'),
  conditions: fc.record({
    client_app_types: mostly(['all'], some([...CLIENT_APPS, 'easSupported'])),
    applications: fc.oneof(
      fc.record({ included_applications: mostly(['All'], some(['All', ...APP_VALUES])), excluded_applications: rare(some(APP_VALUES)) }),
      fc.record({ included_user_actions: some(['urn:user:registersecurityinfo', 'urn:user:registerdevice']) }),
    ),
    users: fc.record({
      included_users: mostly(['All'], some(['All', 'GuestsOrExternalUsers', ...USER_REFS])),
      excluded_users: rare(some(['GuestsOrExternalUsers', ...USER_REFS])),
      included_groups: rare(some(GROUP_REFS)),
      excluded_groups: rare(some(GROUP_REFS)),
      included_roles: rare(some(ROLES)),
      excluded_roles: rare(some(ROLES)),
      excluded_guests_or_external_users: rare(guestBlock.map((b) => [b])),
    }),
    locations: rare(fc.record({ included_locations: mostly(['All'], some(LOCATION_VALUES)), excluded_locations: rare(some(LOCATION_VALUES)) })),
    platforms: rare(fc.record({ included_platforms: mostly(['all'], some(PLATFORMS)), excluded_platforms: rare(some(PLATFORMS)) })),
    sign_in_risk_levels: rare(some(RISKS)),
    user_risk_levels: rare(some(RISKS)),
    insider_risk_levels: rare(fc.constantFrom('minor', 'moderate', 'elevated')),
    authentication_flow_transfer_methods: rare(some(['deviceCodeFlow', 'authenticationTransfer'])),
    devices: rare(fc.record({ filter: fc.record({ mode: fc.constantFrom('include', 'exclude'), rule: fc.constantFrom(...RULES) }) })),
  }),
  grant_controls: fc.record({ operator: fc.constant('OR'), built_in_controls: fc.constantFrom(['block'], ['mfa'], ['compliantDevice']) }),
});

const signInArb: fc.Arbitrary<Json> = fc.record({
  signInIdentity: fc.record({
    '@odata.type': fc.constant('#microsoft.graph.userSignIn'),
    'userId': often(fc.constantFrom(...USERS)),
    'externalUserType': often(fc.constantFrom(...EXTERNAL_USER_TYPES)),
    'externalTenantId': often(fc.constantFrom(...TENANTS)),
  }),
  signInContext: fc.oneof(
    fc.record({ '@odata.type': fc.constant('#microsoft.graph.applicationContext'), 'includeApplications': some(APP_VALUES) }),
    fc.record({
      '@odata.type': fc.constant('#microsoft.graph.userActionContext'),
      'userAction': fc.constantFrom('registerSecurityInformation', 'registerOrJoinDevices'),
    }),
  ),
  signInConditions: fc.record({
    ipAddress: often(fc.constantFrom(...IPS)),
    country: often(fc.constantFrom('FR', 'DE', 'US')),
    clientAppType: often(fc.constantFrom('all', ...CLIENT_APPS)),
    devicePlatform: often(fc.constantFrom(...PLATFORMS)),
    signInRiskLevel: often(fc.constantFrom(...RISKS)),
    userRiskLevel: often(fc.constantFrom(...RISKS)),
    insiderRiskLevel: often(fc.constantFrom('none', 'minor', 'moderate', 'elevated')),
    authenticationFlow: often(fc.record({ transferMethod: fc.constantFrom('none', 'deviceCodeFlow', 'authenticationTransfer') })),
    deviceInfo: often(fc.record({ isCompliant: fc.boolean(), trustType: fc.constantFrom('AzureAD', 'Workplace') })),
  }),
  directory: often(fc.record({ memberOf: often(none(GROUPS)), roles: often(none(ROLES)) })),
});

/** JSON without the undefined (absent) fields, as a file would have it. */
const plain = (v: Json): Json => JSON.parse(JSON.stringify(v));

const data = { azuread_user: { lookup: { user_principal_name: 'someone@contoso.example' } } };

function evaluate(policies: Json, s: Json) {
  return whatIfOf(policies, { data }).evaluate(plain(s));
}

function applies(p: Json, s: Json): boolean {
  return evaluate({ p }, s).results[0].policyApplies;
}

/** Adds one exclusion of some kind to a copy of the policy. */
const exclusionArb: fc.Arbitrary<(p: Json) => Json> = fc.oneof(
  fc.constantFrom(...USER_REFS, 'GuestsOrExternalUsers').map((u) => (p: Json) => edit(p, (c) => push(c.users, 'excluded_users', u))),
  fc.constantFrom(...GROUP_REFS).map((g) => (p: Json) => edit(p, (c) => push(c.users, 'excluded_groups', g))),
  fc.constantFrom(...ROLES).map((r) => (p: Json) => edit(p, (c) => push(c.users, 'excluded_roles', r))),
  guestBlock.map((b) => (p: Json) => edit(p, (c) => (c.users.excluded_guests_or_external_users ??= [b]))),
  fc.constantFrom(...LOCATION_VALUES).map((l) => (p: Json) =>
    edit(p, (c) => {
      c.locations ??= { included_locations: ['All'] };
      push(c.locations, 'excluded_locations', l);
    }),
  ),
  fc.constantFrom(...PLATFORMS).map((pl) => (p: Json) =>
    edit(p, (c) => {
      c.platforms ??= { included_platforms: ['all'] };
      push(c.platforms, 'excluded_platforms', pl);
    }),
  ),
  fc.constantFrom(...APP_VALUES).map((a) => (p: Json) =>
    edit(p, (c) => {
      if (c.applications.included_applications) push(c.applications, 'excluded_applications', a);
    }),
  ),
);

function edit(p: Json, f: (conditions: Json) => void): Json {
  const copy = plain(p);
  f(copy.conditions);
  return copy;
}

function push(target: Json, key: string, value: unknown): void {
  target[key] = [...(target[key] ?? []), value];
}

test('adding an exclusion never makes a policy apply', () => {
  fc.assert(
    fc.property(policyArb, exclusionArb, signInArb, (p, exclude, s) => {
      const after = applies(exclude(p), s);
      if (after) expect(applies(p, s)).toBe(true);
    }),
    { numRuns: 400 },
  );
});

test('a disabled policy never applies, and says only policyNotEnabled', () => {
  fc.assert(
    fc.property(policyArb, signInArb, (p, s) => {
      const result = evaluate({ p: { ...p, state: 'disabled' } }, s).results[0];
      expect(result.policyApplies).toBe(false);
      expect(result.analysisReasons).toBe('policyNotEnabled');
    }),
  );
});

test('switching report-only and on never changes whether (or why) a policy applies', () => {
  fc.assert(
    fc.property(policyArb, signInArb, (p, s) => {
      const on = evaluate({ p: { ...p, state: 'enabled' } }, s).results[0];
      const reportOnly = evaluate({ p: { ...p, state: 'enabledForReportingButNotEnforced' } }, s).results[0];
      expect(reportOnly.policyApplies).toBe(on.policyApplies);
      expect(reportOnly.analysisReasons).toBe(on.analysisReasons);
    }),
  );
});

test('a block from any applying enabled policy always yields blocked (and only then)', () => {
  fc.assert(
    fc.property(fc.array(policyArb, { minLength: 1, maxLength: 6 }), signInArb, (list, s) => {
      const policies = Object.fromEntries(list.map((p, i) => [`p${i}`, p]));
      const report = evaluate(policies, s);
      const blocking = report.results.filter(
        (r) => r.policyApplies && r.state === 'enabled' && r.grantControls?.builtInControls.includes('block'),
      );
      expect(report.outcome.access === WhatIfAccess.BLOCKED).toBe(blocking.length > 0);
      expect(report.outcome.blockedBy).toEqual(blocking.map((r) => r.address));
    }),
    { numRuns: 300 },
  );
});

test('a policy applies exactly when its analysisReasons are notSet', () => {
  fc.assert(
    fc.property(policyArb, signInArb, (p, s) => {
      const result = evaluate({ p }, s).results[0];
      expect(result.analysisReasons === 'notSet').toBe(result.policyApplies);
    }),
  );
});

test('the generators are not vacuous: random policies do apply, and random sets do get blocked', () => {
  const pairs = fc.sample(fc.tuple(policyArb, exclusionArb, signInArb), { numRuns: 300, seed: 4 });
  expect(pairs.filter(([p, exclude, s]) => applies(exclude(p), s)).length).toBeGreaterThan(10);
  const sets = fc.sample(fc.tuple(fc.array(policyArb, { minLength: 1, maxLength: 6 }), signInArb), { numRuns: 300, seed: 4 });
  const blocked = sets.filter(([list, s]) => evaluate(Object.fromEntries(list.map((p, i) => [`p${i}`, p])), s).outcome.access === WhatIfAccess.BLOCKED);
  expect(blocked.length).toBeGreaterThan(5);
});

test('a sign-in evaluates alike whatever the evaluator saw before and whatever the order of the policies', () => {
  // The evaluator keeps per-sign-in state from one call to the next and shares work between policies with equal
  // lists: a report must not depend on either, nor change once returned.
  fc.assert(
    fc.property(fc.array(policyArb, { minLength: 1, maxLength: 8 }), fc.array(signInArb, { minLength: 2, maxLength: 5 }), (list, signIns) => {
      // every policy twice (under another name): equal lists in different policies
      const entries = list.flatMap((p, i) => [[`p${i}`, p], [`q${i}`, p]] as Array<[string, Json]>);
      const reused = whatIfOf(Object.fromEntries(entries), { data });
      const reversed = whatIfOf(Object.fromEntries([...entries].reverse()), { data });
      const byAddress = (results: Json[]) => [...results].sort((a, b) => (a.address < b.address ? -1 : 1));
      const seen: Array<{ report: Json; json: string }> = [];
      for (const s of signIns) {
        const report = reused.evaluate(plain(s));
        seen.push({ report, json: JSON.stringify(report) });
        expect(report).toEqual(whatIfOf(Object.fromEntries(entries), { data }).evaluate(plain(s)));
        expect(byAddress(reversed.evaluate(plain(s)).results)).toEqual(byAddress(report.results));
      }
      for (const { report, json } of seen) expect(JSON.stringify(report)).toBe(json);
    }),
    { numRuns: 150 },
  );
});
