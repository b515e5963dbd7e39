import { AuthenticationMethodCombination } from './authentication-method';
import { fail, isGuid, isToken } from '../private/validation';
import { AUTHENTICATION_STRENGTH_PATH, BUILT_IN_STRENGTHS, builtInStrength } from '../vocabulary/authentication-strengths';

export { AUTHENTICATION_STRENGTH_PATH };

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

function builtIn(constant: string): IAuthenticationStrength {
  const s = BUILT_IN_STRENGTHS.find((x) => x.constant === constant)!;
  return {
    authenticationStrengthId: s.id,
    displayName: s.displayName,
    allowedCombinations: s.allowedCombinations.map((v) => AuthenticationMethodCombination.of(v)),
  };
}

/**
 * Built-in authentication strengths, and importers for existing ones.
 */
export class AuthenticationStrength {
  /**
   * Built-in "Multifactor authentication" (Temporary Access Pass satisfies it).
   * Combinations as Graph returns them (v1.0 "conditionalAccessRoot: evaluate", examples 2 and 3).
   */
  public static readonly MULTIFACTOR_AUTHENTICATION: IAuthenticationStrength = builtIn('MULTIFACTOR_AUTHENTICATION');

  /** Built-in "Passwordless MFA" (Learn: "Authentication strengths", built-in strengths table). */
  public static readonly PASSWORDLESS_MFA: IAuthenticationStrength = builtIn('PASSWORDLESS_MFA');

  /** Built-in "Phishing-resistant MFA" (does not include Temporary Access Pass; same Learn table). */
  public static readonly PHISHING_RESISTANT_MFA: IAuthenticationStrength = builtIn('PHISHING_RESISTANT_MFA');

  /**
   * An existing authentication strength by its full-path id
   * (`/policies/authenticationStrengthPolicies/<id>`, as the provider's `id` attribute gives it).
   * A bare GUID is rejected: the provider requires the full path. The GUID is written lower-case.
   * @param authenticationStrengthId the full-path id, or a token
   */
  public static fromId(authenticationStrengthId: string): IAuthenticationStrength {
    validateAuthenticationStrengthId('authenticationStrengthId', authenticationStrengthId);
    if (isToken(authenticationStrengthId)) return { authenticationStrengthId };
    // Lower-case GUID, as Graph returns ids: the provider reads back the path with Graph's id, so any other case diffs.
    const id = AUTHENTICATION_STRENGTH_PATH + authenticationStrengthId.slice(AUTHENTICATION_STRENGTH_PATH.length).toLowerCase();
    return AuthenticationStrength.builtIn(id) ?? { authenticationStrengthId: id };
  }

  /**
   * The built-in strength with this full-path id (any letter case), or undefined.
   * @param authenticationStrengthId the full-path id
   */
  public static builtIn(authenticationStrengthId: string): IAuthenticationStrength | undefined {
    const s = builtInStrength(authenticationStrengthId);
    const byConstant: { [constant: string]: IAuthenticationStrength } = {
      MULTIFACTOR_AUTHENTICATION: AuthenticationStrength.MULTIFACTOR_AUTHENTICATION,
      PASSWORDLESS_MFA: AuthenticationStrength.PASSWORDLESS_MFA,
      PHISHING_RESISTANT_MFA: AuthenticationStrength.PHISHING_RESISTANT_MFA,
    };
    return s ? byConstant[s.constant] : undefined;
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
