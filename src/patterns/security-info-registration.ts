import { Construct } from 'constructs';
import { ConditionalAccessPolicy, ConditionalAccessPolicyProps } from '../policy/conditional-access-policy';
import { EmergencyAccessAccounts } from '../policy/emergency-access-accounts';
import { PolicyState } from '../policy/policy-state';
import { TargetResources, UserAction } from '../policy/target-resources';
import { renameProp } from '../private/validation';
import { ValidationError } from '../validation-error';

/**
 * Options shared by the security info registration recipes.
 */
export interface SecurityInfoRegistrationOptions {
  /**
   * The policy's display name.
   * @default - the name the Microsoft docs use for the recipe
   */
  readonly displayName?: string;
  /**
   * The policy's state. Report-only is not evaluated for user actions, so test
   * with the What-If evaluator before turning the policy on.
   * @default PolicyState.REPORT_ONLY
   */
  readonly state?: PolicyState;
  /**
   * Emergency-access ("break-glass") accounts to exclude.
   * @default - none (add them here or with `EmergencyAccess.of(scope)`)
   */
  readonly emergencyAccess?: EmergencyAccessAccounts;
}

/** The display name docs 000 and 001 give the member recipe. */
export const MEMBER_RECIPE_NAME = 'Combined Security Info Registration with TAP';
/** The display name docs 000–004 give the trusted-network recipes. */
export const TRUSTED_NETWORKS_RECIPE_NAME = 'Combined Security Info Registration on Trusted Networks';

/** What a recipe chooses itself; the rest is common to every recipe. */
type RecipeChoices = Omit<ConditionalAccessPolicyProps, 'displayName' | 'state' | 'emergencyAccess' | 'target'>;

/**
 * The policy of a security info registration recipe: the user action
 * "Register security information", the recipe's documented name unless
 * overridden, report-only unless overridden (the safe first deploy), and the
 * emergency-access exclusions; plus the recipe's own users, locations and grant.
 */
export function registrationPolicy(
  scope: Construct,
  defaultName: string,
  options: SecurityInfoRegistrationOptions,
  choices: RecipeChoices,
  rename: { [policyProp: string]: string } = {},
): ConditionalAccessPolicy {
  const displayName = options.displayName ?? defaultName;
  return recipeInput(scope, displayName, rename, () => new ConditionalAccessPolicy(scope, 'Policy', {
    displayName,
    state: options.state ?? PolicyState.REPORT_ONLY,
    emergencyAccess: options.emergencyAccess,
    target: TargetResources.userActions(UserAction.REGISTER_SECURITY_INFORMATION),
    ...choices,
  }));
}

/**
 * Builds what a recipe is made of and reports its input errors as the recipe's own: at the recipe's
 * path, with the recipe's prop names (`trustedLocations[0]`, not the policy's `excludeLocations[0]`).
 */
export function recipeInput<T>(scope: Construct, displayName: string | undefined, rename: { [innerProp: string]: string }, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw new ValidationError(e.problems.map((p) => renameProp(p, rename)), scope, displayName);
  }
}
