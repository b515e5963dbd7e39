// The documented security-info registration recipes (shared/reference/microsoft-docs), evaluated offline.
import * as path from 'path';
import { AuthenticationStrengthPolicy } from '@cdktf/provider-azuread/lib/authentication-strength-policy';
import { ConditionalAccessPolicy } from '@cdktf/provider-azuread/lib/conditional-access-policy';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { NamedLocation } from '@cdktf/provider-azuread/lib/named-location';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { User } from '@cdktf/provider-azuread/lib/user';
import { TerraformStack, Testing } from 'cdktf';
import { IDS, resultOf } from './helpers';
import { WhatIf } from '../../src/analysis';
import { WhatIfAccess } from '../../src/what-if';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'what-if', 'recipes');
const MEMBERS = 'Combined Security Info Registration with TAP';
const GUESTS = 'Combined Security Info Registration on Trusted Networks';

const UNTRUSTED_IP = '198.51.100.7';
const TRUSTED_IP = '203.0.113.10';

function registration(identity: object, ip: string, memberOf: string[] = []) {
  return {
    signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', ...identity },
    signInContext: { '@odata.type': '#microsoft.graph.userActionContext', 'userAction': 'registerSecurityInformation' },
    signInConditions: { ipAddress: ip, clientAppType: 'browser' },
    directory: { memberOf, roles: [] },
  };
}

const member = { userId: IDS.alice, externalUserType: 'none' };
const guest = { userId: IDS.bob, externalUserType: 'b2bCollaborationGuest', externalTenantId: IDS.partnerTenant };

/** The same recipes built with the raw provider (L1) classes, synthesized in memory. */
function l1Stack(membersState: string): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'recipes');
  new AzureadProvider(stack, 'azuread', {});
  const bg = new User(stack, 'breakglass', { displayName: 'Break glass', userPrincipalName: 'bg@contoso.example' });
  const emergency = new Group(stack, 'emergency', { displayName: 'Emergency access accounts', securityEnabled: true });
  new NamedLocation(stack, 'hq', { displayName: 'HQ', ip: { ipRanges: ['203.0.113.0/24', '2001:db8:1::/48'], trusted: true } });
  const tap = new AuthenticationStrengthPolicy(stack, 'tap', {
    displayName: 'TAP or phishing-resistant',
    allowedCombinations: ['temporaryAccessPassOneTime', 'fido2', 'windowsHelloForBusiness'],
  });
  new ConditionalAccessPolicy(stack, 'members', {
    displayName: MEMBERS,
    state: membersState,
    conditions: {
      clientAppTypes: ['all'],
      applications: { includedUserActions: ['urn:user:registersecurityinfo'] },
      users: { includedUsers: ['All'], excludedUsers: ['GuestsOrExternalUsers', bg.objectId], excludedGroups: [emergency.objectId] },
      locations: { includedLocations: ['All'], excludedLocations: ['AllTrusted'] },
    },
    grantControls: { operator: 'OR', authenticationStrengthPolicyId: tap.id },
  });
  new ConditionalAccessPolicy(stack, 'guests', {
    displayName: GUESTS,
    state: 'enabled',
    conditions: {
      clientAppTypes: ['all'],
      applications: { includedUserActions: ['urn:user:registersecurityinfo'] },
      users: { includedUsers: ['GuestsOrExternalUsers'], excludedUsers: [bg.objectId] },
      locations: { includedLocations: ['All'], excludedLocations: ['AllTrusted'] },
    },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  });
  return stack;
}

describe.each([
  ['hand-written cdk.tf.json', () => WhatIf.fromFile(FIXTURE)],
  ['raw provider classes', () => WhatIf.fromStack(l1Stack('enabled'))],
])('security info registration recipes (%s)', (_, load) => {
  const whatIf = load();

  test('a member registering from an untrusted IP must satisfy the authentication strength', () => {
    const report = whatIf.evaluate(registration(member, UNTRUSTED_IP));
    expect(resultOf(report, 'members').analysisReasons).toBe('notSet');
    expect(resultOf(report, 'guests').analysisReasons).toBe('users');
    expect(report.outcome.access).toBe(WhatIfAccess.REQUIRES_CONTROLS);
    expect(report.outcome.requirements).toHaveLength(1);
    expect(report.outcome.requirements[0].authenticationStrength).toEqual(
      expect.objectContaining({
        resolved: true,
        displayName: 'TAP or phishing-resistant',
        allowedCombinations: ['temporaryAccessPassOneTime', 'fido2', 'windowsHelloForBusiness'],
      }),
    );
  });

  test('a member registering from a trusted IP (v4 or v6) is not asked for anything: location', () => {
    for (const ip of [TRUSTED_IP, '2001:db8:1:ffff::1']) {
      const report = whatIf.evaluate(registration(member, ip));
      expect(resultOf(report, 'members').analysisReasons).toBe('location');
      expect(resultOf(report, 'guests').analysisReasons).toBe('users,location');
      expect(report.outcome.access).toBe(WhatIfAccess.ALLOWED);
    }
  });

  test('a guest registering from an untrusted IP is blocked', () => {
    const report = whatIf.evaluate(registration(guest, UNTRUSTED_IP));
    expect(resultOf(report, 'guests').policyApplies).toBe(true);
    expect(resultOf(report, 'members').analysisReasons).toBe('users');
    expect(report.outcome.access).toBe(WhatIfAccess.BLOCKED);
    expect(report.outcome.blockedBy).toEqual(['azuread_conditional_access_policy.guests']);
  });

  test('a guest registering from a trusted IP is not blocked: location', () => {
    const report = whatIf.evaluate(registration(guest, TRUSTED_IP));
    expect(resultOf(report, 'guests').analysisReasons).toBe('location');
    expect(report.outcome.access).toBe(WhatIfAccess.ALLOWED);
  });

  test('the emergency account (by address, or through its group) is excluded: users', () => {
    for (const s of [
      registration({ userId: 'azuread_user.breakglass' }, UNTRUSTED_IP),
      registration(member, UNTRUSTED_IP, ['azuread_group.emergency']),
    ]) {
      const report = whatIf.evaluate(s);
      expect(resultOf(report, 'members').analysisReasons).toBe('users');
      expect(report.outcome.access).toBe(WhatIfAccess.ALLOWED);
    }
  });

  test('a member opening an app (not registering) is not targeted: userActions', () => {
    const report = whatIf.evaluate({
      ...registration(member, UNTRUSTED_IP),
      signInContext: { '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': [IDS.sharePoint] },
    });
    expect(resultOf(report, 'members').analysisReasons).toBe('userActions');
    expect(resultOf(report, 'guests').analysisReasons).toBe('users,userActions');
  });
});

test('report-only recipe: the requirement shows only in the report-only outcome', () => {
  const whatIf = WhatIf.fromStack(l1Stack('enabledForReportingButNotEnforced'));
  const report = whatIf.evaluate(registration(member, UNTRUSTED_IP));
  expect(resultOf(report, 'members').policyApplies).toBe(true);
  expect(resultOf(report, 'members').state).toBe('enabledForReportingButNotEnforced');
  expect(report.outcome.access).toBe(WhatIfAccess.ALLOWED);
  expect(report.outcome.requirements).toEqual([]);
  expect(report.outcome.reportOnly.access).toBe(WhatIfAccess.REQUIRES_CONTROLS);
  expect(report.outcome.reportOnly.requirements.map((r) => r.address)).toEqual(['azuread_conditional_access_policy.members']);
});

test('the 2021 recipe (require MFA, no location condition) requires mfa from anywhere', () => {
  const stack = new TerraformStack(Testing.app(), 'mfa');
  new ConditionalAccessPolicy(stack, 'members', {
    displayName: MEMBERS,
    state: 'enabled',
    conditions: {
      clientAppTypes: ['all'],
      applications: { includedUserActions: ['urn:user:registersecurityinfo'] },
      users: { includedUsers: ['All'], excludedUsers: ['GuestsOrExternalUsers'] },
    },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  });
  const report = WhatIf.fromStack(stack).evaluate(registration(member, TRUSTED_IP));
  expect(report.outcome.access).toBe(WhatIfAccess.REQUIRES_CONTROLS);
  expect(report.outcome.requirements[0].builtInControls).toEqual(['mfa']);
});
