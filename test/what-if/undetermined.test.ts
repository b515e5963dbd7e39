/* eslint-disable @stylistic/max-len */
// Issue 10: never a false pass. A policy that would block or add a requirement but is notEnoughInformation makes
// access `undetermined` (Graph evaluate, v1.0: "If your tenant has policies with specific conditions, and the sign-in
// details for those conditions are missing in the request, the 'What If' tool can't evaluate those conditions").
import * as fc from 'fast-check';
import { IDS, merge, policy, signIn, whatIfOf } from './helpers';
import { WhatIfAccess } from '../../src/what-if';

type Json = { [key: string]: any };
const block = (patch: object = {}) => merge(policy({ grant_controls: { built_in_controls: ['block'] } }), patch);
const requiring = (controls: string[], patch: object = {}) => merge(policy({ grant_controls: { built_in_controls: controls } }), patch);
const onGroup = (p: Json) => merge(p, { conditions: { users: { included_users: undefined, included_groups: ['${azuread_group.admins.object_id}'] } } });
const noDirectory = (patch: object = {}) => signIn({ directory: undefined, ...patch });

describe('the decision', () => {
  test('a forgotten directory.memberOf against a block on a group: undetermined, with the policy and the missing detail', () => {
    const report = whatIfOf({ admins: onGroup(block({ display_name: 'Block admins' })) }).evaluate(noDirectory());
    expect(report.outcome).toMatchObject({
      access: 'undetermined',
      undeterminedBy: ['azuread_conditional_access_policy.admins'],
      missing: ['directory.memberOf'],
    });
    // with the detail given, it is decided either way
    const w = whatIfOf({ admins: onGroup(block()) });
    expect(w.evaluate(signIn({ directory: { memberOf: [] } })).outcome.access).toBe(WhatIfAccess.ALLOWED);
    expect(w.evaluate(signIn({ directory: { memberOf: ['azuread_group.admins'] } })).outcome.access).toBe(WhatIfAccess.BLOCKED);
  });

  test('the same holds over report-only policies', () => {
    const report = whatIfOf({ pilot: onGroup(block({ state: 'enabledForReportingButNotEnforced' })) }).evaluate(noDirectory());
    expect(report.outcome.access).toBe(WhatIfAccess.ALLOWED);
    expect(report.outcome.reportOnly).toMatchObject({ access: 'undetermined', undeterminedBy: ['azuread_conditional_access_policy.pilot'], missing: ['directory.memberOf'] });
  });

  test('an applying block decides whatever else is unknown', () => {
    const report = whatIfOf({ stop: block(), maybe: onGroup(requiring(['compliantDevice'])) }).evaluate(noDirectory());
    expect(report.outcome).toMatchObject({ access: 'blocked', undeterminedBy: [], missing: [], undetermined: ['azuread_conditional_access_policy.maybe'] });
  });

  test('an unknown policy that would add a new requirement makes access undetermined; the certain requirements are kept', () => {
    const report = whatIfOf({ mfa: requiring(['mfa']), device: onGroup(requiring(['compliantDevice'])) }).evaluate(noDirectory());
    expect(report.outcome.access).toBe(WhatIfAccess.UNDETERMINED);
    expect(report.outcome.requirements.map((r) => r.address)).toEqual(['azuread_conditional_access_policy.mfa']);
    expect(report.outcome.undeterminedBy).toEqual(['azuread_conditional_access_policy.device']);
  });

  test.each([
    ['the same control', ['mfa'], 'OR', ['mfa'], 'OR', 'requiresControls'],
    ['one of the controls already required (OR)', ['mfa'], 'OR', ['mfa', 'compliantDevice'], 'OR', 'requiresControls'],
    ['controls all already required (AND)', ['mfa', 'compliantDevice'], 'AND', ['compliantDevice'], 'OR', 'requiresControls'],
    ['a control not yet required', ['mfa'], 'OR', ['compliantDevice'], 'OR', 'undetermined'],
    ['an AND of a required and a new control', ['mfa'], 'OR', ['mfa', 'compliantDevice'], 'AND', 'undetermined'],
    ['an OR already required only as a choice', ['mfa', 'compliantDevice'], 'OR', ['mfa'], 'OR', 'undetermined'],
  ])('an unknown policy requiring %s', (_, certain, certainOp, maybe, maybeOp, access) => {
    const report = whatIfOf({
      certain: requiring(certain, { grant_controls: { operator: certainOp } }),
      maybe: onGroup(requiring(maybe, { grant_controls: { operator: maybeOp } })),
    }).evaluate(noDirectory());
    expect(report.outcome.access).toBe(access);
  });

  test('an unknown policy with only session controls changes no access decision', () => {
    const session = onGroup(policy({ grant_controls: undefined, session_controls: { sign_in_frequency: 4, sign_in_frequency_period: 'hours' } }));
    const report = whatIfOf({ session }).evaluate(noDirectory());
    expect(report.outcome).toMatchObject({ access: 'allowed', undetermined: ['azuread_conditional_access_policy.session'], undeterminedBy: [] });
  });

  test('a state only known at apply time may be either enabled or report-only', () => {
    const report = whatIfOf({ p: block({ state: '${var.state}' }) }).evaluate(signIn());
    expect(report.outcome.access).toBe(WhatIfAccess.UNDETERMINED);
    expect(report.outcome.reportOnly.access).toBe(WhatIfAccess.UNDETERMINED);
    expect(report.outcome.missing).toEqual(['state: a value known only at apply time (a data source, a reference outside the stack or an expression)']);
  });
});

describe('what is missing, per condition', () => {
  const missing = (p: Json, s: Json, extra = {}) => whatIfOf({ p }, extra).evaluate(s).outcome.missing;

  test.each([
    ['users by id', block({ conditions: { users: { included_users: [IDS.alice] } } }), signIn({ signInIdentity: { userId: undefined } }), ['signInIdentity.userId']],
    ['roles', block({ conditions: { users: { included_users: undefined, included_roles: [IDS.globalAdminRole] } } }), signIn({ directory: { roles: undefined } }), ['directory.roles']],
    [
      'guests of selected tenants',
      block({
        conditions: {
          users: {
            included_users: undefined,
            included_guests_or_external_users: [{ guest_or_external_user_types: ['b2bCollaborationGuest'], external_tenants: [{ membership_kind: 'enumerated', members: [IDS.partnerTenant] }] }],
          },
        },
      }),
      signIn({ signInIdentity: { externalUserType: 'b2bCollaborationGuest' } }),
      ['signInIdentity.externalTenantId'],
    ],
    ['an IP location', block({ conditions: { locations: { included_locations: ['${azuread_named_location.hq.object_id}'] } } }), signIn(), ['signInConditions.ipAddress']],
    ['a country location', block({ conditions: { locations: { included_locations: ['${azuread_named_location.france.object_id}'] } } }), signIn(), ['signInConditions.country']],
    ['client apps', block({ conditions: { client_app_types: ['browser'] } }), signIn(), ['signInConditions.clientAppType']],
    ['platforms', block({ conditions: { platforms: { included_platforms: ['iOS'] } } }), signIn(), ['signInConditions.devicePlatform']],
    ['user risk', block({ conditions: { user_risk_levels: ['high'] } }), signIn(), ['signInConditions.userRiskLevel']],
    ['insider risk', block({ conditions: { insider_risk_levels: 'elevated' } }), signIn(), ['signInConditions.insiderRiskLevel']],
    ['authentication flows', block({ conditions: { authentication_flow_transfer_methods: ['deviceCodeFlow'] } }), signIn(), ['signInConditions.authenticationFlow.transferMethod']],
    [
      'the device properties a filter reads',
      block({ conditions: { devices: { filter: { mode: 'include', rule: 'device.trustType -eq "AzureAD" -and device.deviceOwnership -eq "Company"' } } } }),
      signIn({ signInConditions: { deviceInfo: { trustType: 'AzureAD' } } }),
      ['signInConditions.deviceInfo.ownership'],
    ],
  ])('%s', (_, p, s, expected) => {
    expect(missing(p, s)).toEqual(expected);
  });

  test('a value known only at apply time is named as such: adding to the sign-in would not help', () => {
    const data = { azuread_group: { lookup: { display_name: 'Looked up' } } };
    const p = block({ conditions: { users: { included_users: undefined, included_groups: ['${data.azuread_group.lookup.object_id}'] } } });
    expect(missing(p, signIn({ directory: { memberOf: [IDS.groupA] } }), { data })).toEqual([
      'users: a value known only at apply time (a data source, a reference outside the stack or an expression)',
    ]);
    const outside = block({ conditions: { locations: { included_locations: [IDS.unknownLocation] } } });
    expect(missing(outside, signIn({ signInConditions: { ipAddress: '198.51.100.7' } }))).toEqual([
      'location: a named location defined outside the stack (its ranges, countries or trust are not known offline)',
    ]);
  });
});

describe('never a false pass (fast-check)', () => {
  // Random policy sets and sign-ins with some details dropped: whenever the partial sign-in gets a decided access,
  // every completion of it (the full sign-in) gets the same access.
  const GROUPS = [IDS.groupA, IDS.groupB];
  const some = <T>(values: T[]) => fc.subarray(values, { minLength: 1 });
  const rare = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: a, weight: 1 });
  const policyArb = fc.record({
    display_name: fc.constant('Random'),
    state: fc.constantFrom('enabled', 'enabledForReportingButNotEnforced'),
    conditions: fc.record({
      client_app_types: fc.oneof(fc.constant(['all']), some(['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported'])),
      applications: fc.record({ included_applications: fc.constant(['All']) }),
      users: fc.oneof(
        fc.constant({ included_users: ['All'] }),
        some(GROUPS).map((g) => ({ included_groups: g })),
        some(GROUPS).map((g) => ({ included_users: ['All'], excluded_groups: g })),
        fc.constant({ included_users: [IDS.alice] }),
      ),
      locations: rare(
        fc.record({
          included_locations: some(['All', 'AllTrusted', '${azuread_named_location.france.object_id}', '${azuread_named_location.partner.object_id}']),
          excluded_locations: fc.subarray(['AllTrusted', '${azuread_named_location.germany.object_id}']),
        }),
      ),
      platforms: rare(fc.record({ included_platforms: some(['android', 'iOS', 'windows']) })),
      sign_in_risk_levels: rare(some(['low', 'medium', 'high'])),
      devices: rare(fc.record({ filter: fc.record({ mode: fc.constantFrom('include', 'exclude'), rule: fc.constantFrom('device.isCompliant eq True', 'device.trustType -eq "AzureAD" or device.model -startsWith "Surface"') }) })),
    }),
    grant_controls: fc.oneof(
      fc.record({ operator: fc.constantFrom('OR', 'AND'), built_in_controls: some(['mfa', 'compliantDevice', 'domainJoinedDevice']) }),
      fc.constant({ operator: 'OR', built_in_controls: ['block'] }),
    ),
  });
  const fullSignIn = fc.record({
    signInIdentity: fc.record({ '@odata.type': fc.constant('#microsoft.graph.userSignIn'), 'userId': fc.constantFrom(IDS.alice, IDS.bob) }),
    signInContext: fc.constant({ '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': [IDS.customApp] }),
    signInConditions: fc.record({
      ipAddress: fc.constantFrom('203.0.113.9', '192.0.2.9', '198.51.100.9'),
      country: fc.constantFrom('FR', 'DE', 'US'),
      clientAppType: fc.constantFrom('browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other'),
      devicePlatform: fc.constantFrom('android', 'iOS', 'windows', 'macOS'),
      signInRiskLevel: fc.constantFrom('none', 'low', 'high'),
      deviceInfo: fc.record({ isCompliant: fc.boolean(), trustType: fc.constantFrom('AzureAD', 'Workplace'), model: fc.constantFrom('Surface Pro', 'ThinkPad') }),
    }),
    directory: fc.record({ memberOf: fc.subarray(GROUPS), roles: fc.constant([]) }),
  });
  const DROPPABLE: Array<[string, string?]> = [
    ['signInConditions', 'ipAddress'],
    ['signInConditions', 'country'],
    ['signInConditions', 'clientAppType'],
    ['signInConditions', 'devicePlatform'],
    ['signInConditions', 'signInRiskLevel'],
    ['signInConditions', 'deviceInfo'],
    ['directory', 'memberOf'],
    ['signInIdentity', 'userId'],
  ];
  const drop = (s: Json, which: boolean[]): Json => {
    const copy = JSON.parse(JSON.stringify(s));
    DROPPABLE.forEach(([a, b], i) => {
      if (which[i]) delete copy[a][b!];
    });
    return copy;
  };

  test('a decided access never changes when the missing details are filled in', () => {
    let decided = 0;
    let undetermined = 0;
    fc.assert(
      fc.property(fc.array(policyArb, { minLength: 1, maxLength: 5 }), fullSignIn, fc.array(fc.boolean(), { minLength: DROPPABLE.length, maxLength: DROPPABLE.length }), (list, full, which) => {
        const w = whatIfOf(Object.fromEntries(list.map((p, i) => [`p${i}`, p])));
        const partial = w.evaluate(drop(full, which)).outcome;
        const complete = w.evaluate(full).outcome;
        for (const [before, after] of [[partial, complete], [partial.reportOnly, complete.reportOnly]] as const) {
          if (before.access === WhatIfAccess.UNDETERMINED) {
            undetermined++;
            expect(before.missing.length).toBeGreaterThan(0);
          } else {
            decided++;
            expect(after.access).toBe(before.access);
          }
        }
      }),
      { numRuns: 300 },
    );
    // not vacuous
    expect(decided).toBeGreaterThan(50);
    expect(undetermined).toBeGreaterThan(50);
  });
});
