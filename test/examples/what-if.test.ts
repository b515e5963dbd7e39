import { Testing } from 'cdktf';
import { SecurityInfoBaselineStack } from '../../examples/stacks';
import { WhatIfAccess } from '../../src';
import { setupWhatIfMatchers, whatIf } from '../../src/testing';
import { exampleTenant } from '../helpers/examples';

setupWhatIfMatchers();

const stack = new SecurityInfoBaselineStack(Testing.app(), 'security-info-baseline', exampleTenant());
const registration = { '@odata.type': '#microsoft.graph.userActionContext', 'userAction': 'registerSecurityInformation' };
const signIn = (identity: object, ipAddress: string, memberOf: string[] = []) => ({
  signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', ...identity },
  signInContext: registration,
  signInConditions: { ipAddress, clientAppType: 'browser' },
  directory: { memberOf, roles: [] },
});
const MEMBER = { userId: '11111111-1111-4111-8111-111111111111' };
const GUEST = { userId: '22222222-2222-4222-8222-222222222222', externalUserType: 'b2bCollaborationGuest' };
const MEMBERS_POLICY = 'CA100 - Combined Security Info Registration with TAP';
const GUESTS_POLICY = 'CA100 - Combined Security Info Registration on Trusted Networks';

describe('README What-If claims, on the baseline example (report-only)', () => {
  test('a guest from an untrusted IP would be blocked once the policy is on', () => {
    const report = whatIf(stack, signIn(GUEST, '198.51.100.7'));
    expect(report).toBeBlocked({ reportOnly: true });
    expect(report).toBeAllowed();
    expect(report.outcome.reportOnly.access).toBe(WhatIfAccess.BLOCKED);
  });

  test('a guest from the trusted IPv6 range is not blocked (location)', () => {
    expect(whatIf(stack, signIn(GUEST, '2001:db8:1234::10'))).toSkipPolicy(GUESTS_POLICY, 'location');
  });

  test('a member from an untrusted IP must do MFA (TAP satisfies it)', () => {
    const report = whatIf(stack, signIn(MEMBER, '198.51.100.7'));
    expect(report).toRequireControls(['mfa'], { reportOnly: true });
    expect(report).toApplyPolicy(MEMBERS_POLICY);
    expect(report).toSkipPolicy(GUESTS_POLICY, 'users');
  });

  test('a member of the emergency-access group is excluded from both policies', () => {
    const report = whatIf(stack, signIn(MEMBER, '198.51.100.7', ['00000000-0000-0000-0000-00000000e000']));
    expect(report).toSkipPolicy(MEMBERS_POLICY, 'users');
    expect(report).toSkipPolicy(GUESTS_POLICY, 'users');
    expect(report).toBeAllowed({ reportOnly: true });
  });
});
