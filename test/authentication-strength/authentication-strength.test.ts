import {
  AuthenticationMethodCombination,
  AuthenticationMethodMode,
  AuthenticationStrength,
  ConditionalAccessPolicy,
  CustomAuthenticationStrength,
  GrantControls,
  IncludedUsers,
  TargetResources,
} from '../../src';
import { only, synth } from '../helpers/synth';

describe('built-in authentication strengths', () => {
  test.each([
    [AuthenticationStrength.MULTIFACTOR_AUTHENTICATION, '00000000-0000-0000-0000-000000000002'],
    [AuthenticationStrength.PASSWORDLESS_MFA, '00000000-0000-0000-0000-000000000003'],
    [AuthenticationStrength.PHISHING_RESISTANT_MFA, '00000000-0000-0000-0000-000000000004'],
  ])('%# has the full-path id', (strength, guid) => {
    expect(strength.authenticationStrengthId).toBe(`/policies/authenticationStrengthPolicies/${guid}`);
  });

  test('Temporary Access Pass satisfies the MFA strength but not the phishing-resistant one', () => {
    const tap = (s: typeof AuthenticationStrength.MULTIFACTOR_AUTHENTICATION) =>
      (s.allowedCombinations ?? []).some((c) => c.value.startsWith('temporaryAccessPass'));
    expect(tap(AuthenticationStrength.MULTIFACTOR_AUTHENTICATION)).toBe(true);
    expect(tap(AuthenticationStrength.PHISHING_RESISTANT_MFA)).toBe(false);
  });

  test('fromId recognises a built-in and accepts a custom full path', () => {
    expect(AuthenticationStrength.fromId('/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004'))
      .toBe(AuthenticationStrength.PHISHING_RESISTANT_MFA);
    const custom = AuthenticationStrength.fromId('/policies/authenticationStrengthPolicies/8c7e2f0a-1b2c-4d3e-9f40-5a6b7c8d9e0f');
    expect(custom.allowedCombinations).toBeUndefined();
  });

  test('fromId rejects a bare GUID and shows the full path', () => {
    expect(() => AuthenticationStrength.fromId('8c7e2f0a-1b2c-4d3e-9f40-5a6b7c8d9e0f')).toThrow(
      "authenticationStrengthId: '8c7e2f0a-1b2c-4d3e-9f40-5a6b7c8d9e0f' is a bare GUID; the provider needs the full path: '/policies/authenticationStrengthPolicies/8c7e2f0a-1b2c-4d3e-9f40-5a6b7c8d9e0f'",
    );
  });
});

describe('AuthenticationMethodCombination', () => {
  test('parse and fromModes accept documented combinations in any order', () => {
    expect(AuthenticationMethodCombination.parse('sms,password').value).toBe('password,sms');
    expect(AuthenticationMethodCombination.fromModes(AuthenticationMethodMode.FEDERATED_SINGLE_FACTOR, AuthenticationMethodMode.SMS).value)
      .toBe('sms,federatedSingleFactor');
    expect(AuthenticationMethodCombination.all()).toHaveLength(21);
  });

  test.each([
    ['password,email', /uses email one-time passcode; email OTP cannot be used in authentication strength combinations/],
    ['passwrd,sms', /has an unknown authentication method mode 'passwrd'/],
    ['fido2,sms', /is not a combination Graph accepts/],
    ['sms,sms', /repeats a mode/],
  ])('rejects %s', (value, message) => {
    expect(() => AuthenticationMethodCombination.parse(value)).toThrow(message);
  });
});

describe('CustomAuthenticationStrength', () => {
  test('synthesizes sorted unique combinations and is referenced by its path id', () => {
    let key = '';
    const json = synth((stack) => {
      const strength = new CustomAuthenticationStrength(stack, 'Tap', {
        displayName: 'TAP or FIDO2',
        description: 'Registration',
        allowedCombinations: [
          AuthenticationMethodCombination.TEMPORARY_ACCESS_PASS_ONE_TIME,
          AuthenticationMethodCombination.FIDO2,
          AuthenticationMethodCombination.TEMPORARY_ACCESS_PASS_MULTI_USE,
          AuthenticationMethodCombination.FIDO2,
        ],
      });
      expect(strength.resource.node.id).toBe('Resource');
      key = strength.resource.friendlyUniqueId;
      new ConditionalAccessPolicy(stack, 'P', {
        displayName: 'p',
        includeUsers: IncludedUsers.all(),
        target: TargetResources.allResources(),
        grant: GrantControls.requireAuthenticationStrength(strength),
      });
    });
    expect(only(json, 'azuread_authentication_strength_policy')).toEqual({
      display_name: 'TAP or FIDO2',
      description: 'Registration',
      allowed_combinations: ['fido2', 'temporaryAccessPassMultiUse', 'temporaryAccessPassOneTime'],
    });
    expect(only(json, 'azuread_conditional_access_policy').grant_controls).toEqual({
      operator: 'OR',
      authentication_strength_policy_id: `\${azuread_authentication_strength_policy.${key}.id}`,
    });
  });

  test('rejects an empty combination list', () => {
    expect(() => synth((stack) => {
      new CustomAuthenticationStrength(stack, 'S', { displayName: 'S', allowedCombinations: [] });
    })).toThrow('allowedCombinations: is empty; pass at least one AuthenticationMethodCombination');
  });
});
