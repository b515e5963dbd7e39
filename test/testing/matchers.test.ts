// The jest helpers users get from cdktf-entra-conditional-access/lib/testing.
import * as fs from 'fs';
import * as path from 'path';
import { ConditionalAccessPolicy } from '@cdktf/provider-azuread/lib/conditional-access-policy';
import { TerraformStack, Testing } from 'cdktf';
import { GuestOrExternalUserType, UserAction } from '../../src';
import { WhatIf } from '../../src/analysis';
import { setupWhatIfMatchers, whatIf } from '../../src/testing';
import { SignIn } from '../../src/what-if';

setupWhatIfMatchers();

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'what-if', 'recipes');
const MEMBERS = 'Combined Security Info Registration with TAP';
const stackFile = WhatIf.fromFile(FIXTURE);

const registering = (identity: object, ipAddress: string) => ({
  signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', ...identity },
  signInContext: { '@odata.type': '#microsoft.graph.userActionContext', 'userAction': 'registerSecurityInformation' },
  signInConditions: { ipAddress },
  directory: { memberOf: [], roles: [] },
});
const member = registering({ userId: '11111111-1111-4111-8111-111111111111' }, '198.51.100.7');
const memberAtHq = registering({ userId: '11111111-1111-4111-8111-111111111111' }, '203.0.113.7');
const guest = registering({ userId: '22222222-2222-4222-8222-222222222222', externalUserType: 'internalGuest' }, '198.51.100.7');

// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/** The message of a failing expectation. */
function failure(f: () => void): string {
  try {
    f();
  } catch (e) {
    return plain((e as Error).message);
  }
  throw new Error('the expectation passed');
}

describe('access matchers', () => {
  test('toBeBlocked, toBeAllowed, toRequireControls', () => {
    expect(whatIf(stackFile, guest)).toBeBlocked();
    expect(whatIf(stackFile, member)).not.toBeBlocked();
    expect(whatIf(stackFile, memberAtHq)).toBeAllowed();
    expect(whatIf(stackFile, member)).toRequireControls();
    expect(whatIf(stackFile, member)).toRequireControls('TAP or phishing-resistant');
    expect(whatIf(stackFile, member)).toRequireControls(['azuread_authentication_strength_policy.tap']);
    expect(whatIf(stackFile, member)).not.toRequireControls(['mfa']);
    expect(whatIf(stackFile, guest)).not.toRequireControls();
  });

  test('{ reportOnly: true } checks the report-only outcome', () => {
    const json = fs.readFileSync(path.join(FIXTURE, 'cdk.tf.json'), 'utf8').replace(/"state": "enabled"/g, '"state": "enabledForReportingButNotEnforced"');
    const pilot = WhatIf.fromStackJson(json);
    expect(whatIf(pilot, guest)).toBeAllowed();
    expect(whatIf(pilot, guest)).toBeBlocked({ reportOnly: true });
    expect(whatIf(pilot, member)).toRequireControls('TAP or phishing-resistant', { reportOnly: true });
  });

  test('a failing matcher explains the decision and shows the report', () => {
    const message = failure(() => expect(whatIf(stackFile, member)).toBeBlocked());
    expect(message).toContain('expect(report).toBeBlocked()');
    expect(message).toContain('Expected the sign-in to be blocked under enabled policies, but access is requiresControls.');
    expect(message).toContain(
      `  ${MEMBERS} (azuread_conditional_access_policy.members) requires strength 'TAP or phishing-resistant'`,
    );
    expect(message).toMatch(/What-If report:\n {2}APPLIES {2}STATE/);

    expect(failure(() => expect(whatIf(stackFile, member)).toRequireControls(['mfa', 'compliantDevice']))).toContain(
      `Expected mfa, compliantDevice to be required under enabled policies, but the requirements are ${MEMBERS}: strength 'TAP or phishing-resistant'.`,
    );
    expect(failure(() => expect(whatIf(stackFile, guest)).not.toBeBlocked())).toContain(
      'Expected the sign-in not to be blocked under enabled policies, but it is.',
    );
  });
});

describe('undetermined (issue 10): never a false pass', () => {
  // no directory: the members policy excludes a group, so whether it applies is unknown
  const { directory: _unused, ...forgetful } = member;

  test('toBeAllowed and toRequireControls fail on undetermined, saying what to add to the sign-in', () => {
    const report = whatIf(stackFile, forgetful);
    expect(report.outcome.access).toBe('undetermined');
    expect(report).toBeUndetermined();
    expect(report).not.toBeAllowed();
    const allowed = failure(() => expect(report).toBeAllowed());
    expect(allowed).toContain('Expected the sign-in to be allowed under enabled policies, but access is undetermined.');
    expect(allowed).toContain(
      `The decision is undetermined: notEnoughInformation for ${MEMBERS} (azuread_conditional_access_policy.members), which would change access if it applied; add to the sign-in: directory.memberOf.`,
    );
    expect(failure(() => expect(report).toRequireControls())).toContain('add to the sign-in: directory.memberOf.');
    expect(failure(() => expect(whatIf(stackFile, member)).toBeUndetermined())).toContain(
      'Expected the sign-in to be undetermined under enabled policies, but access is requiresControls.',
    );
  });

  test('whatIf takes a typed SignIn', () => {
    const typed = SignIn.guest({
      userId: '22222222-2222-4222-8222-222222222222',
      externalUserType: GuestOrExternalUserType.INTERNAL_GUEST,
      userAction: UserAction.REGISTER_SECURITY_INFORMATION,
      ipAddress: '198.51.100.7',
      memberOf: [],
      roles: [],
    });
    expect(whatIf(stackFile, typed)).toBeBlocked();
  });
});

describe('policy matchers', () => {
  test('toApplyPolicy and toSkipPolicy by address or display name', () => {
    const report = whatIf(stackFile, memberAtHq);
    expect(report).toSkipPolicy(MEMBERS, 'location');
    expect(report).toSkipPolicy('azuread_conditional_access_policy.guests', ['location', 'users']);
    expect(report).toSkipPolicy('azuread_conditional_access_policy.guests', 'users,location');
    expect(report).toSkipPolicy('azuread_conditional_access_policy.guests');
    expect(report).not.toSkipPolicy('azuread_conditional_access_policy.guests', 'users');
    expect(whatIf(stackFile, member)).toApplyPolicy(MEMBERS);
    expect(whatIf(stackFile, member)).not.toApplyPolicy('azuread_conditional_access_policy.guests');
  });

  test('failure messages give the actual reasons', () => {
    expect(failure(() => expect(whatIf(stackFile, memberAtHq)).toApplyPolicy(MEMBERS))).toContain(
      `Expected ${MEMBERS} (azuread_conditional_access_policy.members) to apply, but it does not: location.`,
    );
    expect(failure(() => expect(whatIf(stackFile, memberAtHq)).toSkipPolicy(MEMBERS, 'users'))).toContain(
      `Expected ${MEMBERS} (azuread_conditional_access_policy.members) not to apply because of users, but its reasons are location.`,
    );
    expect(failure(() => expect(whatIf(stackFile, member)).toSkipPolicy(MEMBERS))).toContain(
      `Expected ${MEMBERS} (azuread_conditional_access_policy.members) not to apply, but it applies.`,
    );
  });

  test('an unknown policy fails with or without .not, listing the policies', () => {
    const expected =
      "toApplyPolicy: no policy with address or display name 'Members' in the report; policies in it: " +
      `${MEMBERS} (azuread_conditional_access_policy.members), Combined Security Info Registration on Trusted Networks (azuread_conditional_access_policy.guests)` +
      ' (a sign-in with appliedPoliciesOnly: true leaves out the policies that do not apply)';
    expect(failure(() => expect(whatIf(stackFile, member)).toApplyPolicy('Members'))).toBe(expected);
    expect(failure(() => expect(whatIf(stackFile, member)).not.toApplyPolicy('Members'))).toBe(expected);
  });

  test('matchers reject values that are not reports', () => {
    expect(failure(() => expect({ outcome: 'blocked' }).toBeBlocked())).toBe(
      'toBeBlocked: expected a What-If report (the result of whatIf(stack, signIn) or WhatIf.evaluate), got object',
    );
  });
});

describe('whatIf sources', () => {
  test('a TerraformStack, a path, JSON text or a WhatIf', () => {
    const stack = new TerraformStack(Testing.app(), 'src');
    new ConditionalAccessPolicy(stack, 'block_all', {
      displayName: 'Block everyone',
      state: 'enabled',
      conditions: { clientAppTypes: ['all'], applications: { includedApplications: ['All'] }, users: { includedUsers: ['All'] } },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    });
    expect(whatIf(stack, member)).toBeBlocked();
    expect(whatIf(Testing.synth(stack), member)).toBeBlocked();
    expect(whatIf(FIXTURE, guest)).toBeBlocked();
    expect(whatIf(path.join(FIXTURE, 'cdk.tf.json'), guest)).toBeBlocked();
  });

  test('invalid sign-ins throw the validation error', () => {
    expect(() => whatIf(stackFile, { ...member, signInConditions: { ipAddress: '999.1.1.1' } })).toThrow(
      "signInConditions.ipAddress: '999.1.1.1' is not an IPv4 or IPv6 address",
    );
  });
});
