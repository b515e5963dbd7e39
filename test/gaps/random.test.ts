/* eslint-disable @stylistic/max-len */
// Gap analysis on generated random stacks (fast-check): sound and complete whatever the policies say.
import * as fc from 'fast-check';
import { checkSoundAndComplete, CheckCounts, signInsFor } from './helpers';
import { WhatIf } from '../../src/analysis';
import { GapRequirement, GapUsers } from '../../src/gaps';

type Json = { [key: string]: any };

const IDS = {
  alice: '11111111-1111-4111-8111-111111111111',
  bob: '22222222-2222-4222-8222-222222222222',
  groupA: 'aaaaaaaa-0000-4000-8000-000000000001',
  groupB: 'aaaaaaaa-0000-4000-8000-000000000002',
  admin: '62e90394-69f5-4237-9190-012177145e10',
  partner: 'bbbbbbbb-0000-4000-8000-000000000001',
  app: 'dddddddd-0000-4000-8000-000000000001',
  sharePoint: '00000003-0000-0ff1-ce00-000000000000',
  spA: 'cccccccc-0000-4000-8000-000000000001',
};

const LOCATIONS: Json = {
  hq: { display_name: 'HQ', ip: { ip_ranges: ['203.0.113.0/24', '2001:db8:1::/48'], trusted: true } },
  branch: { display_name: 'Branch', ip: { ip_ranges: ['203.0.113.128/25', '198.51.100.0/24'], trusted: false } },
  france: { display_name: 'France', country: { countries_and_regions: ['FR'] } },
};
const LOCATION_VALUES = ['All', 'AllTrusted', '${azuread_named_location.hq.object_id}', '${azuread_named_location.branch.object_id}', '${azuread_named_location.france.object_id}'];

const some = <T>(values: T[]) => fc.subarray(values, { minLength: 1 });
const rare = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: a, weight: 1 });

const guestBlock = fc.record({
  guest_or_external_user_types: some(['internalGuest', 'b2bCollaborationGuest', 'b2bDirectConnectUser']),
  external_tenants: fc.oneof(fc.constant([{ membership_kind: 'all' }]), fc.constant([{ membership_kind: 'enumerated', members: [IDS.partner] }])),
});

const policyArb: fc.Arbitrary<Json> = fc.record({
  display_name: fc.constant('Random'),
  state: fc.constantFrom('enabled', 'enabled', 'enabledForReportingButNotEnforced', 'disabled'),
  conditions: fc.record({
    client_app_types: fc.oneof(fc.constant(['all']), some(['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other'])),
    applications: fc.oneof(
      fc.record({ included_applications: some(['All', 'Office365', 'MicrosoftAdminPortals', IDS.app, IDS.sharePoint]), excluded_applications: rare(some(['Office365', IDS.app])) }),
      fc.record({ included_user_actions: some(['urn:user:registersecurityinfo', 'urn:user:registerdevice']) }),
    ),
    users: fc.record({
      included_users: fc.oneof(fc.constant(['All']), some(['All', 'GuestsOrExternalUsers', IDS.alice, '${azuread_user.breakglass.object_id}'])),
      excluded_users: rare(some(['GuestsOrExternalUsers', IDS.bob, '${azuread_user.breakglass.object_id}'])),
      included_groups: rare(some([IDS.groupA, '${azuread_group.admins.object_id}'])),
      excluded_groups: rare(some([IDS.groupB, '${azuread_group.admins.object_id}'])),
      included_roles: rare(fc.constant([IDS.admin])),
      excluded_roles: rare(fc.constant([IDS.admin])),
      included_guests_or_external_users: rare(guestBlock.map((b) => [b])),
      excluded_guests_or_external_users: rare(guestBlock.map((b) => [b])),
    }),
    locations: rare(fc.record({ included_locations: some(LOCATION_VALUES), excluded_locations: rare(some(LOCATION_VALUES.slice(1))) })),
    platforms: rare(fc.record({ included_platforms: fc.oneof(fc.constant(['all']), some(['android', 'iOS', 'windows'])), excluded_platforms: rare(some(['iOS', 'linux'])) })),
    sign_in_risk_levels: rare(some(['low', 'medium', 'high'])),
    user_risk_levels: rare(some(['medium', 'high'])),
    insider_risk_levels: rare(fc.constantFrom('minor', 'elevated')),
    authentication_flow_transfer_methods: rare(some(['deviceCodeFlow', 'authenticationTransfer'])),
    devices: rare(
      fc.record({
        filter: fc.record({
          mode: fc.constantFrom('include', 'exclude'),
          rule: fc.constantFrom('device.isCompliant -eq True', 'device.trustType eq "AzureAD" or device.model -startsWith "Surface"', 'device.systemLabels -contains "M365Managed"'),
        }),
      }),
    ),
  }),
  grant_controls: fc.oneof(
    fc.record({ operator: fc.constantFrom('OR', 'AND'), built_in_controls: some(['mfa', 'compliantDevice', 'domainJoinedDevice']) }),
    fc.constant({ operator: 'OR', built_in_controls: ['block'] }),
    fc.constant({ operator: 'OR', authentication_strength_policy_id: '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004' }),
  ),
});

function stackOf(policies: Json[]): WhatIf {
  return WhatIf.fromStackJson(
    JSON.stringify({
      resource: {
        azuread_named_location: LOCATIONS,
        azuread_user: { breakglass: { display_name: 'Break glass', user_principal_name: 'bg@contoso.example' } },
        azuread_group: { admins: { display_name: 'Admins', security_enabled: true } },
        azuread_conditional_access_policy: Object.fromEntries(policies.map((p, i) => [`p${i}`, p])),
      },
    }),
  );
}

/**
 * One enabled policy per requirement that meets it for part of the sign-ins, beside the random ones, so every
 * random stack has sign-ins that meet the requirement and sign-ins that miss it (whatever the seed).
 */
function anchor(name: string, users: Json, locations: Json | undefined, control: string): Json {
  return {
    display_name: name,
    state: 'enabled',
    conditions: { client_app_types: ['all'], applications: { included_applications: ['All'] }, users, ...(locations ? { locations } : {}) },
    grant_controls: { operator: 'OR', built_in_controls: [control] },
  };
}

test.each<[string, GapRequirement, GapUsers, Json]>([
  ['mfa over members and guests', GapRequirement.MFA, GapUsers.ALL, anchor('MFA for group A', { included_groups: [IDS.groupA] }, undefined, 'mfa')],
  [
    'block over guests', GapRequirement.BLOCK, GapUsers.GUESTS,
    anchor('Block guests in France', { included_users: ['GuestsOrExternalUsers'] }, { included_locations: ['${azuread_named_location.france.object_id}'] }, 'block'),
  ],
  ['a compliant device over members', GapRequirement.COMPLIANT_DEVICE, GapUsers.MEMBERS, anchor('Compliant device for group A', { included_groups: [IDS.groupA] }, undefined, 'compliantDevice')],
])('random stacks: %s', (_, require, users, anchorPolicy) => {
  const counts: CheckCounts = { gaps: 0, classes: 0, failingSignIns: 0, passingSignIns: 0 };
  fc.assert(
    fc.property(fc.array(policyArb, { minLength: 1, maxLength: 5 }), fc.integer(), (policies, seed) => {
      const w = stackOf([anchorPolicy, ...policies]);
      checkSoundAndComplete(w, require, users, fc.sample(signInsFor(w, users), { numRuns: 40, seed }), counts);
    }),
    // 10 random stacks × 40 sign-ins each: CI machines are slow (2 throttled cores), and the sign-ins carry the weight
    { numRuns: 10 },
  );
  // not vacuous: gaps were found, and sign-ins both missed and met the requirement
  // (seen: 45–97 gaps, 218–286 sign-ins missing and 114–182 meeting it, of 400)
  expect(counts.gaps).toBeGreaterThan(5);
  expect(counts.failingSignIns).toBeGreaterThan(40);
  expect(counts.passingSignIns).toBeGreaterThan(40);
});

test('service principals: workload identity policies only block', () => {
  const counts: CheckCounts = { gaps: 0, classes: 0, failingSignIns: 0, passingSignIns: 0 };
  const block = (patch: Json): Json => ({
    display_name: 'Block workloads',
    state: 'enabled',
    conditions: {
      client_app_types: ['all'],
      applications: { included_applications: ['All'] },
      users: { included_users: ['None'] },
      client_applications: { included_service_principals: ['ServicePrincipalsInMyTenant'], excluded_service_principals: [IDS.spA] },
      ...patch,
    },
    grant_controls: { operator: 'OR', built_in_controls: ['block'] },
  });
  const w = stackOf([block({ locations: { included_locations: ['All'], excluded_locations: ['${azuread_named_location.hq.object_id}'] } }), block({ service_principal_risk_levels: ['high'] })]);
  checkSoundAndComplete(w, GapRequirement.BLOCK, GapUsers.SERVICE_PRINCIPALS, fc.sample(signInsFor(w, GapUsers.SERVICE_PRINCIPALS), { numRuns: 100, seed: 3 }), counts);
  expect(counts.gaps).toBeGreaterThan(0);
  expect(w.findGaps({ require: GapRequirement.BLOCK, users: GapUsers.SERVICE_PRINCIPALS }).gaps.map((g) => g.description)).toContain(
    // user actions are not for service principals: every app they can reach is "any other app"
    'service principals · any other app · service principal cccccccc-0000-4000-8000-000000000001',
  );
});
