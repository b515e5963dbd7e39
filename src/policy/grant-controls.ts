import { IAuthenticationStrength, validateAuthenticationStrengthId } from '../authentication-strength/authentication-strength';
import { fail, failProp, isToken, validateGuid } from '../private/validation';
import { BUILT_IN_CONTROLS } from '../vocabulary/grant-controls';

/**
 * A built-in grant control (portal: Grant > Grant access). Block is not one of
 * them: use {@link GrantControls.block}.
 */
export class BuiltInControl {
  /** "Require multifactor authentication". */
  public static readonly MFA = new BuiltInControl(BUILT_IN_CONTROLS.value('MFA'));
  /** "Require device to be marked as compliant". */
  public static readonly COMPLIANT_DEVICE = new BuiltInControl(BUILT_IN_CONTROLS.value('COMPLIANT_DEVICE'));
  /** "Require Microsoft Entra hybrid joined device". */
  public static readonly DOMAIN_JOINED_DEVICE = new BuiltInControl(BUILT_IN_CONTROLS.value('DOMAIN_JOINED_DEVICE'));
  /** "Require approved client app". */
  public static readonly APPROVED_APPLICATION = new BuiltInControl(BUILT_IN_CONTROLS.value('APPROVED_APPLICATION'));
  /** "Require app protection policy". */
  public static readonly COMPLIANT_APPLICATION = new BuiltInControl(BUILT_IN_CONTROLS.value('COMPLIANT_APPLICATION'));
  /**
   * "Require password change": only together with MFA under "require all",
   * in a policy on all resources whose only condition is user risk.
   */
  public static readonly PASSWORD_CHANGE = new BuiltInControl(BUILT_IN_CONTROLS.value('PASSWORD_CHANGE'));

  /**
   * Escape hatch for a control newer than this library. The value is passed through unchecked
   * (except `block`, which must be {@link GrantControls.block}).
   * @param value the Graph `builtInControls` value
   */
  public static of(value: string): BuiltInControl {
    return new BuiltInControl(value);
  }

  /**
   * @param builtInControlValue the Graph `builtInControls` value
   */
  private constructor(private readonly builtInControlValue: string) {}

  /** The Graph `builtInControls` value. */
  public get value(): string {
    return this.builtInControlValue;
  }
}

/**
 * What the user must satisfy to be granted access.
 */
export interface GrantRequirements {
  /**
   * Built-in controls.
   * @default - none
   */
  readonly builtInControls?: BuiltInControl[];
  /**
   * An authentication strength. Graph rejects it together with `BuiltInControl.MFA` (error 1108).
   * @default - none
   */
  readonly authenticationStrength?: IAuthenticationStrength;
  /**
   * Terms of use agreement ids (GUIDs).
   * @default - none
   */
  readonly termsOfUse?: string[];
  /**
   * Custom authentication factor ids.
   * @default - none
   */
  readonly customAuthenticationFactors?: string[];
}

/**
 * The grant controls of a policy (portal: Access controls > Grant).
 */
export class GrantControls {
  /** "Block access". */
  public static block(): GrantControls {
    return new GrantControls('OR', ['block'], undefined, [], []);
  }

  /** "Grant access" + "Require multifactor authentication". */
  public static requireMfa(): GrantControls {
    return GrantControls.requireOneOf({ builtInControls: [BuiltInControl.MFA] });
  }

  /**
   * "Grant access" + "Require authentication strength".
   * @param strength a built-in, custom or imported authentication strength
   */
  public static requireAuthenticationStrength(strength: IAuthenticationStrength): GrantControls {
    return GrantControls.requireOneOf({ authenticationStrength: strength });
  }

  /**
   * "Grant access", "Require one of the selected controls".
   * @param requirements the controls
   */
  public static requireOneOf(requirements: GrantRequirements): GrantControls {
    return GrantControls.require('OR', requirements);
  }

  /**
   * "Grant access", "Require all the selected controls".
   * @param requirements the controls
   */
  public static requireAll(requirements: GrantRequirements): GrantControls {
    return GrantControls.require('AND', requirements);
  }

  private static require(operator: string, r: GrantRequirements): GrantControls {
    const builtIns = (r.builtInControls ?? []).map((b) => b.value);
    const termsOfUse = r.termsOfUse ?? [];
    const factors = r.customAuthenticationFactors ?? [];
    if (builtIns.length === 0 && !r.authenticationStrength && termsOfUse.length === 0) {
      if (factors.length > 0) {
        // Provider 3.7.0: grant_controls takes AtLeastOneOf built_in_controls / authentication_strength_policy_id / terms_of_use.
        failProp('grant.customAuthenticationFactors', 'cannot be the only requirement; the provider needs builtInControls, authenticationStrength or termsOfUse as well');
      }
      failProp('grant', 'requires nothing; pass builtInControls, authenticationStrength or termsOfUse, or use GrantControls.block()');
    }
    builtIns.forEach((b, i) => {
      if (b === 'block') {
        const alone = builtIns.length === 1 && !r.authenticationStrength && termsOfUse.length === 0 && factors.length === 0;
        fail(`grant.builtInControls[${i}]`, b, alone ? 'is not a requirement' : 'cannot be combined with other controls', 'use GrantControls.block() on its own');
      }
    });
    if (r.authenticationStrength) {
      validateAuthenticationStrengthId('grant.authenticationStrength', r.authenticationStrength.authenticationStrengthId);
      if (builtIns.includes('mfa')) {
        fail('grant.builtInControls', 'mfa', 'is combined with an authentication strength', 'Graph rejects both together (error 1108); drop BuiltInControl.MFA, the strength already requires MFA');
      }
    }
    if (builtIns.includes('passwordChange') && (operator !== 'AND' || !builtIns.includes('mfa') || builtIns.length !== 2 || r.authenticationStrength || termsOfUse.length > 0)) {
      fail('grant.builtInControls', builtIns.join(','), 'uses passwordChange outside its rules', 'Graph takes passwordChange only as GrantControls.requireAll({ builtInControls: [MFA, PASSWORD_CHANGE] })');
    }
    const termsOfUseIds = termsOfUse.map((t, i) => validateGuid(`grant.termsOfUse[${i}]`, t, "the terms of use agreement's id"));
    if (!isToken(builtIns) && new Set(builtIns).size !== builtIns.length) {
      failProp('grant.builtInControls', `repeats a control (${builtIns.join(', ')}); name each control once`);
    }
    return new GrantControls(operator, builtIns, r.authenticationStrength, termsOfUseIds, factors);
  }

  /**
   * @param operator `AND` or `OR`
   * @param builtInControls built-in control values
   * @param authenticationStrength the strength, if any
   * @param termsOfUse terms of use ids
   * @param customAuthenticationFactors custom factor ids
   */
  private constructor(
    /** `AND` ("require all") or `OR` ("require one"). */
    public readonly operator: string,
    /** Built-in control values, `['block']` for block. */
    public readonly builtInControls: string[],
    /** The required authentication strength, if any. */
    public readonly authenticationStrength: IAuthenticationStrength | undefined,
    /** Terms of use agreement ids. */
    public readonly termsOfUse: string[],
    /** Custom authentication factor ids. */
    public readonly customAuthenticationFactors: string[],
  ) {}

  /** True for "Block access". */
  public get isBlock(): boolean {
    return this.builtInControls.includes('block');
  }
}
