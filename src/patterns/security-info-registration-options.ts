import { EmergencyAccessAccounts } from '../policy/emergency-access-accounts';
import { PolicyState } from '../policy/policy-state';

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

/** The default state of every recipe: report-only, the safe first deploy. */
export function defaultState(state: PolicyState | undefined): PolicyState {
  return state ?? PolicyState.REPORT_ONLY;
}
