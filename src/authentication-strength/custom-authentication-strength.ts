import type { AuthenticationStrengthPolicy } from '@cdktf/provider-azuread/lib/authentication-strength-policy';
import { Construct } from 'constructs';
import { AuthenticationMethodCombination } from './authentication-method';
import { IAuthenticationStrength } from './authentication-strength';
import { failProp, Problems, validateDisplayName, validateNoTemplateSequence, validateProviderValue } from '../private/validation';
import { registerRules } from '../rules/register-rules';
import { AUTHENTICATION_METHOD_MODES } from '../vocabulary/authentication-methods';

/**
 * Properties of a {@link CustomAuthenticationStrength}.
 */
export interface CustomAuthenticationStrengthProps {
  /** Display name of the authentication strength. */
  readonly displayName: string;
  /**
   * Description shown in the portal.
   * @default - no description
   */
  readonly description?: string;
  /** The combinations that satisfy this strength. At least one. */
  readonly allowedCombinations: AuthenticationMethodCombination[];
}

/**
 * A custom authentication strength (`azuread_authentication_strength_policy`).
 * A tenant can have at most 15.
 */
export class CustomAuthenticationStrength extends Construct implements IAuthenticationStrength {
  /** True for constructs of this class, across copies of the library. */
  public static isCustomAuthenticationStrength(x: any): x is CustomAuthenticationStrength {
    return x !== null && typeof x === 'object' && CUSTOM_STRENGTH in x;
  }

  /** The underlying `azuread_authentication_strength_policy` resource (escape hatch). */
  public readonly resource: AuthenticationStrengthPolicy;
  /** The full-path id, for grant controls. */
  public readonly authenticationStrengthId: string;
  /** The display name. */
  public readonly displayName?: string;
  /** The allowed combinations, de-duplicated. */
  public readonly allowedCombinations?: AuthenticationMethodCombination[];

  /**
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   */
  constructor(scope: Construct, id: string, props: CustomAuthenticationStrengthProps) {
    super(scope, id);
    const problems = new Problems();
    problems.check(() => validateDisplayName('displayName', props.displayName));
    problems.check(() => validateNoTemplateSequence('description', props.description));
    problems.check(() => {
      if (!props.allowedCombinations || props.allowedCombinations.length === 0) {
        failProp('allowedCombinations', 'is empty; pass at least one AuthenticationMethodCombination');
      }
    });
    // The provider checks each mode of a combination against its list (authentication_strength_policy_resource.go).
    problems.each(props.allowedCombinations, (c, i) => c.modes.forEach((m) => validateProviderValue(`allowedCombinations[${i}]`, m, {
      accepted: AUTHENTICATION_METHOD_MODES.providerValues,
      className: 'AuthenticationMethodCombination',
    })));
    problems.throwIfAny(this, props.displayName);
    // Validate first: a strength that throws is not marked, so the rules skip it.
    Object.defineProperty(this, CUSTOM_STRENGTH, { value: true });
    registerRules(this);
    const values = [...new Set(props.allowedCombinations.map((x) => x.value))].sort();
    this.allowedCombinations = values.map((v) => props.allowedCombinations.find((x) => x.value === v)!);
    this.displayName = props.displayName;
    // Loaded here, not at import: apps without custom strengths never need the class.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const L1 = require('@cdktf/provider-azuread/lib/authentication-strength-policy') as typeof import('@cdktf/provider-azuread/lib/authentication-strength-policy');
    this.resource = new L1.AuthenticationStrengthPolicy(this, 'Resource', {
      displayName: props.displayName,
      description: props.description,
      allowedCombinations: values,
    });
    this.authenticationStrengthId = this.resource.id;
  }
}

const CUSTOM_STRENGTH = Symbol.for('cdktf-entra-conditional-access.CustomAuthenticationStrength');
