/**
 * Each recipe, synthesized with its defaults, equals field by field the policy
 * the portal steps in the docs (shared/reference/microsoft-docs) produce. The
 * expected JSON is written by hand from the docs, not copied from the output.
 */
import { TerraformStack } from 'cdktf';
import {
  AuthenticationStrength,
  BlockGuestSecurityInfoRegistration,
  IncludedUsers,
  PolicyState,
  Principal,
  RequireMfaForSecurityInfoRegistration,
  RequireTrustedLocationForSecurityInfoRegistration,
  SecureSecurityInfoRegistration,
  UntrustedLocationAction,
} from '../../src';
import { only, synth } from '../helpers/synth';

const BREAK_GLASS_USER = 'e0000000-0000-4000-8000-000000000001';
const BREAK_GLASS_GROUP = 'e0000000-0000-4000-8000-000000000002';
const SELECTED_GROUP = 'a0000000-0000-4000-8000-000000000001';
const emergencyAccess = { users: [Principal.fromObjectId(BREAK_GLASS_USER)], groups: [Principal.fromObjectId(BREAK_GLASS_GROUP)] };

function policyOf(build: (stack: TerraformStack) => void): any {
  return only(synth(build), 'azuread_conditional_access_policy');
}

describe('doc 000: Combined Security Info Registration with TAP', () => {
  test('defaults + emergency accounts = the portal steps (state set On as in the doc)', () => {
    const policy = policyOf((stack) => new RequireMfaForSecurityInfoRegistration(stack, 'R', { emergencyAccess, state: PolicyState.ON }));
    expect(policy).toEqual({
      // "In Name, Enter a Name for this policy. For example, Combined Security Info Registration with TAP."
      display_name: 'Combined Security Info Registration with TAP',
      // "Set Enable policy to On."
      state: 'enabled',
      conditions: {
        users: {
          // "Under Include, select All users."
          included_users: ['All'],
          // "Under Exclude: Select All guest and external users" + "choose your organization's emergency access or break-glass accounts"
          excluded_users: ['GuestsOrExternalUsers', BREAK_GLASS_USER],
          excluded_groups: [BREAK_GLASS_GROUP],
        },
        // "Under Cloud apps or actions, select User actions, check Register security information."
        applications: { included_user_actions: ['urn:user:registersecurityinfo'] },
        // Client apps not configured: the provider requires the list, "all" is the portal default.
        client_app_types: ['all'],
      },
      // "Select Grant access. Select Require multi-factor authentication."
      grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
    });
  });

  test('default state is report-only (safe first deploy)', () => {
    expect(policyOf((stack) => new RequireMfaForSecurityInfoRegistration(stack, 'R')).state).toBe('enabledForReportingButNotEnforced');
  });
});

describe('doc 001: require an authentication strength outside trusted locations', () => {
  test('the portal steps, report-only', () => {
    const policy = policyOf((stack) => new RequireMfaForSecurityInfoRegistration(stack, 'R', {
      emergencyAccess,
      authenticationStrength: AuthenticationStrength.MULTIFACTOR_AUTHENTICATION,
      onlyOutsideTrustedLocations: true,
    }));
    expect(policy).toEqual({
      display_name: 'Combined Security Info Registration with TAP',
      // "Confirm your settings and set Enable policy to Report-only."
      state: 'enabledForReportingButNotEnforced',
      conditions: {
        users: {
          included_users: ['All'],
          excluded_users: ['GuestsOrExternalUsers', BREAK_GLASS_USER],
          excluded_groups: [BREAK_GLASS_GROUP],
        },
        applications: { included_user_actions: ['urn:user:registersecurityinfo'] },
        client_app_types: ['all'],
        // "Include Any location. Exclude All trusted locations."
        locations: { included_locations: ['All'], excluded_locations: ['AllTrusted'] },
      },
      // "Select Require authentication strength" — and no "mfa" control next to it (Graph error 1108).
      grant_controls: {
        operator: 'OR',
        authentication_strength_policy_id: '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002',
      },
    });
  });
});

describe('docs 000/001: Guest user registration', () => {
  test('the portal steps', () => {
    const policy = policyOf((stack) => new BlockGuestSecurityInfoRegistration(stack, 'G', { emergencyAccess }));
    expect(policy).toEqual({
      // "Combined Security Info Registration on Trusted Networks"
      display_name: 'Combined Security Info Registration on Trusted Networks',
      state: 'enabledForReportingButNotEnforced',
      conditions: {
        users: {
          // "Under Include, select All guest and external users."
          included_users: ['GuestsOrExternalUsers'],
          excluded_users: [BREAK_GLASS_USER],
          excluded_groups: [BREAK_GLASS_GROUP],
        },
        applications: { included_user_actions: ['urn:user:registersecurityinfo'] },
        client_app_types: ['all'],
        // "Include Any location. Exclude All trusted locations."
        locations: { included_locations: ['All'], excluded_locations: ['AllTrusted'] },
      },
      // "Select Block access."
      grant_controls: { operator: 'OR', built_in_controls: ['block'] },
    });
  });
});

describe('docs 002/003/004: require registration from a trusted location', () => {
  const selected = IncludedUsers.select({ groups: [Principal.fromObjectId(SELECTED_GROUP)] });
  const expected = (grant: object) => ({
    display_name: 'Combined Security Info Registration on Trusted Networks',
    // "Set Enable policy to On."
    state: 'enabled',
    conditions: {
      // "select the users and groups you want this policy to apply to"
      users: { included_groups: [SELECTED_GROUP] },
      applications: { included_user_actions: ['urn:user:registersecurityinfo'] },
      client_app_types: ['all'],
      locations: { included_locations: ['All'], excluded_locations: ['AllTrusted'] },
    },
    grant_controls: grant,
  });

  test('doc 002 (2025): Require multifactor authentication — the default', () => {
    const policy = policyOf((stack) => new RequireTrustedLocationForSecurityInfoRegistration(stack, 'T', { includeUsers: selected, state: PolicyState.ON }));
    expect(policy).toEqual(expected({ operator: 'OR', built_in_controls: ['mfa'] }));
  });

  test('docs 003/004 (2019/2020): Block access', () => {
    const policy = policyOf((stack) => new RequireTrustedLocationForSecurityInfoRegistration(stack, 'T', {
      includeUsers: selected,
      state: PolicyState.ON,
      untrustedLocationAction: UntrustedLocationAction.BLOCK,
    }));
    expect(policy).toEqual(expected({ operator: 'OR', built_in_controls: ['block'] }));
  });
});

describe('SecureSecurityInfoRegistration (the whole baseline)', () => {
  test('creates a trusted location and both recipes with a shared prefix, state and exclusions', () => {
    const json = synth((stack) => {
      new SecureSecurityInfoRegistration(stack, 'B', {
        trustedIpRanges: ['198.18.0.0/15'],
        emergencyAccess,
        displayNamePrefix: 'CA100 - ',
        state: PolicyState.ON,
      });
    });
    expect(only(json, 'azuread_named_location')).toEqual({
      display_name: 'CA100 - Trusted networks',
      ip: { ip_ranges: ['198.18.0.0/15'], trusted: true },
    });
    const policies = Object.values(json.resource.azuread_conditional_access_policy) as any[];
    expect(policies.map((p) => p.display_name).sort()).toEqual([
      'CA100 - Combined Security Info Registration on Trusted Networks',
      'CA100 - Combined Security Info Registration with TAP',
    ]);
    for (const p of policies) {
      expect(p.state).toBe('enabled');
      expect(p.conditions.users.excluded_groups).toEqual([BREAK_GLASS_GROUP]);
      expect(p.conditions.users.excluded_users).toContain(BREAK_GLASS_USER);
      expect(p.conditions.applications).toEqual({ included_user_actions: ['urn:user:registersecurityinfo'] });
    }
    const guests = policies.find((p) => p.display_name.endsWith('Trusted Networks'));
    expect(guests.grant_controls).toEqual({ operator: 'OR', built_in_controls: ['block'] });
    expect(guests.conditions.locations).toEqual({ included_locations: ['All'], excluded_locations: ['AllTrusted'] });
  });

  test('requires a trusted location and emergency accounts', () => {
    expect(() => synth((stack) => new SecureSecurityInfoRegistration(stack, 'B', { emergencyAccess })))
      .toThrow(/trustedIpRanges: and trustedLocations are both unset/);
    expect(() => synth((stack) => new SecureSecurityInfoRegistration(stack, 'B', { trustedIpRanges: ['198.18.0.0/15'], emergencyAccess: {} })))
      .toThrow(/emergencyAccess: names no account/);
  });
});
