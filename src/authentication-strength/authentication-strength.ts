import { AuthenticationMethodCombination } from './authentication-method';
import { fail, isGuid, isToken } from '../private/validation';

/** The path prefix of authentication strength policy ids. */
export const AUTHENTICATION_STRENGTH_PATH = '/policies/authenticationStrengthPolicies/';

/**
 * An authentication strength a policy can require (portal: Grant > Require authentication strength).
 */
export interface IAuthenticationStrength {
  /** The full-path id `/policies/authenticationStrengthPolicies/<id>` that grant controls take. */
  readonly authenticationStrengthId: string;
  /** The display name, when known. */
  readonly displayName?: string;
  /** The allowed combinations, when known (undefined for an imported custom strength). */
  readonly allowedCombinations?: AuthenticationMethodCombination[];
}

const c = AuthenticationMethodCombination;

/**
 * Built-in authentication strengths, and importers for existing ones.
 */
export class AuthenticationStrength {
  /**
   * Built-in "Multifactor authentication" (Temporary Access Pass satisfies it).
   * Combinations as Graph returns them (v1.0 "conditionalAccessRoot: evaluate", examples 2 and 3).
   */
  public static readonly MULTIFACTOR_AUTHENTICATION: IAuthenticationStrength = {
    authenticationStrengthId: `${AUTHENTICATION_STRENGTH_PATH}00000000-0000-0000-0000-000000000002`,
    displayName: 'Multifactor authentication',
    allowedCombinations: [
      c.WINDOWS_HELLO_FOR_BUSINESS, c.FIDO2, c.X509_CERTIFICATE_MULTI_FACTOR, c.DEVICE_BASED_PUSH,
      c.TEMPORARY_ACCESS_PASS_ONE_TIME, c.TEMPORARY_ACCESS_PASS_MULTI_USE,
      c.PASSWORD_MICROSOFT_AUTHENTICATOR_PUSH, c.PASSWORD_SOFTWARE_OATH, c.PASSWORD_HARDWARE_OATH,
      c.of('password,x509CertificateSingleFactor'), c.of('password,x509CertificateMultiFactor'),
      c.PASSWORD_SMS, c.PASSWORD_VOICE, c.FEDERATED_MULTI_FACTOR,
      c.FEDERATED_SINGLE_FACTOR_MICROSOFT_AUTHENTICATOR_PUSH, c.FEDERATED_SINGLE_FACTOR_SOFTWARE_OATH,
      c.FEDERATED_SINGLE_FACTOR_HARDWARE_OATH, c.FEDERATED_SINGLE_FACTOR_SMS, c.FEDERATED_SINGLE_FACTOR_VOICE,
    ],
  };

  /** Built-in "Passwordless MFA" (Learn: "Authentication strengths", built-in strengths table). */
  public static readonly PASSWORDLESS_MFA: IAuthenticationStrength = {
    authenticationStrengthId: `${AUTHENTICATION_STRENGTH_PATH}00000000-0000-0000-0000-000000000003`,
    displayName: 'Passwordless MFA',
    allowedCombinations: [c.WINDOWS_HELLO_FOR_BUSINESS, c.FIDO2, c.X509_CERTIFICATE_MULTI_FACTOR, c.DEVICE_BASED_PUSH],
  };

  /** Built-in "Phishing-resistant MFA" (does not include Temporary Access Pass; same Learn table). */
  public static readonly PHISHING_RESISTANT_MFA: IAuthenticationStrength = {
    authenticationStrengthId: `${AUTHENTICATION_STRENGTH_PATH}00000000-0000-0000-0000-000000000004`,
    displayName: 'Phishing-resistant MFA',
    allowedCombinations: [c.WINDOWS_HELLO_FOR_BUSINESS, c.FIDO2, c.X509_CERTIFICATE_MULTI_FACTOR],
  };

  /**
   * An existing authentication strength by its full-path id
   * (`/policies/authenticationStrengthPolicies/<id>`, as the provider's `id` attribute gives it).
   * A bare GUID is rejected: the provider requires the full path.
   * @param authenticationStrengthId the full-path id, or a token
   */
  public static fromId(authenticationStrengthId: string): IAuthenticationStrength {
    validateAuthenticationStrengthId('authenticationStrengthId', authenticationStrengthId);
    return AuthenticationStrength.builtIn(authenticationStrengthId) ?? { authenticationStrengthId };
  }

  /**
   * The built-in strength with this full-path id (any letter case), or undefined.
   * @param authenticationStrengthId the full-path id
   */
  public static builtIn(authenticationStrengthId: string): IAuthenticationStrength | undefined {
    const id = authenticationStrengthId.toLowerCase();
    return [
      AuthenticationStrength.MULTIFACTOR_AUTHENTICATION,
      AuthenticationStrength.PASSWORDLESS_MFA,
      AuthenticationStrength.PHISHING_RESISTANT_MFA,
    ].find((s) => s.authenticationStrengthId.toLowerCase() === id);
  }

  private constructor() {}
}

/** Validate the full-path form of an authentication strength id (tokens pass). */
export function validateAuthenticationStrengthId(prop: string, value: string): void {
  if (isToken(value)) return;
  if (isGuid(value)) {
    fail(prop, value, 'is a bare GUID', `the provider needs the full path: '${AUTHENTICATION_STRENGTH_PATH}${value}'`);
  }
  if (!value.startsWith(AUTHENTICATION_STRENGTH_PATH) || !isGuid(value.slice(AUTHENTICATION_STRENGTH_PATH.length))) {
    fail(prop, value, 'is not an authentication strength id', `use the form '${AUTHENTICATION_STRENGTH_PATH}<guid>' or an AuthenticationStrength constant`);
  }
}
