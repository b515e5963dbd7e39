/**
 * Built-in authentication strengths and the path form of strength ids. Internal module; the public
 * constants are `AuthenticationStrength.MULTIFACTOR_AUTHENTICATION` etc.
 */

/** The path prefix of authentication strength policy ids (provider 3.7.0 `authentication_strength_policy_id`). */
export const AUTHENTICATION_STRENGTH_PATH = '/policies/authenticationStrengthPolicies/';

/** A built-in strength. */
export interface BuiltInStrength {
  /** The enum-like constant's name. */
  readonly constant: string;
  /** The full-path id. */
  readonly id: string;
  /** The display name. */
  readonly displayName: string;
  /** Allowed combinations, as Graph returns them. */
  readonly allowedCombinations: readonly string[];
}

/**
 * The three built-in strengths. Combinations of "Multifactor authentication" as Graph returns them
 * (v1.0 "conditionalAccessRoot: evaluate", examples 2 and 3); the others from Learn "Authentication
 * strengths", built-in strengths table (the phishing-resistant strength has no Temporary Access Pass).
 */
export const BUILT_IN_STRENGTHS: readonly BuiltInStrength[] = [
  {
    constant: 'MULTIFACTOR_AUTHENTICATION',
    id: `${AUTHENTICATION_STRENGTH_PATH}00000000-0000-0000-0000-000000000002`,
    displayName: 'Multifactor authentication',
    allowedCombinations: [
      'windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush',
      'temporaryAccessPassOneTime', 'temporaryAccessPassMultiUse',
      'password,microsoftAuthenticatorPush', 'password,softwareOath', 'password,hardwareOath',
      'password,x509CertificateSingleFactor', 'password,x509CertificateMultiFactor',
      'password,sms', 'password,voice', 'federatedMultiFactor',
      'microsoftAuthenticatorPush,federatedSingleFactor', 'softwareOath,federatedSingleFactor',
      'hardwareOath,federatedSingleFactor', 'sms,federatedSingleFactor', 'voice,federatedSingleFactor',
    ],
  },
  {
    constant: 'PASSWORDLESS_MFA',
    id: `${AUTHENTICATION_STRENGTH_PATH}00000000-0000-0000-0000-000000000003`,
    displayName: 'Passwordless MFA',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush'],
  },
  {
    constant: 'PHISHING_RESISTANT_MFA',
    id: `${AUTHENTICATION_STRENGTH_PATH}00000000-0000-0000-0000-000000000004`,
    displayName: 'Phishing-resistant MFA',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'],
  },
];

/** The built-in strength with this full-path id (any letter case), or undefined. */
export function builtInStrength(id: string): BuiltInStrength | undefined {
  const lower = id.toLowerCase();
  return BUILT_IN_STRENGTHS.find((s) => s.id.toLowerCase() === lower);
}
