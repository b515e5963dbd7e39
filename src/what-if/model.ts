/**
 * The access decision of a What-If evaluation, computed over the policies that apply.
 */
export enum WhatIfAccess {
  /** At least one applying policy has the `block` grant control. */
  BLOCKED = 'blocked',
  /** No applying policy blocks, and at least one requires grant controls (MFA, an authentication strength, ...). */
  REQUIRES_CONTROLS = 'requiresControls',
  /** No applying policy blocks or requires a grant control (session controls may still apply). */
  ALLOWED = 'allowed',
  /**
   * No applying policy blocks, but a policy that would block, or would add a grant requirement not already
   * required, is `notEnoughInformation`: the decision depends on sign-in details the sign-in does not give (or on
   * values known only at apply time). `undeterminedBy` lists those policies and `missing` what would decide them.
   */
  UNDETERMINED = 'undetermined',
}

/**
 * An authentication strength required by a policy, resolved from the stack when possible.
 */
export interface WhatIfAuthenticationStrength {
  /**
   * The value of `authentication_strength_policy_id` as written in the stack: a path such as
   * `/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002`, or a reference such as
   * `${azuread_authentication_strength_policy.tap.id}`.
   */
  readonly id: string;

  /**
   * Terraform address of the `azuread_authentication_strength_policy` the id refers to, when it is in the stack.
   *
   * @default - the strength is a built-in one, or could not be resolved
   */
  readonly address?: string;

  /**
   * Whether the strength was resolved (a built-in strength, or a strength defined in the stack). When false,
   * `displayName` and `allowedCombinations` are unknown offline.
   */
  readonly resolved: boolean;

  /**
   * Display name of the strength.
   *
   * @default - unknown (the strength could not be resolved)
   */
  readonly displayName?: string;

  /**
   * The allowed authentication method combinations, e.g. `password,microsoftAuthenticatorPush`.
   *
   * @default - unknown (the strength could not be resolved)
   */
  readonly allowedCombinations?: string[];
}

/**
 * The grant controls of a policy, in Microsoft Graph's camelCase shape.
 */
export interface WhatIfGrantControls {
  /** `AND` (all controls) or `OR` (one of the controls). */
  readonly operator: string;

  /** Built-in controls such as `mfa`, `block`, `compliantDevice`; empty when there are none. */
  readonly builtInControls: string[];

  /**
   * The required authentication strength.
   *
   * @default - no authentication strength is required
   */
  readonly authenticationStrength?: WhatIfAuthenticationStrength;

  /** Terms of use agreement ids (or references); empty when there are none. */
  readonly termsOfUse: string[];

  /** Custom authentication factors; empty when there are none. */
  readonly customAuthenticationFactors: string[];
}

/**
 * The evaluation of one `azuread_conditional_access_policy` against the sign-in (Graph's `whatIfAnalysisResult`).
 */
export interface WhatIfPolicyResult {
  /** Terraform address, e.g. `azuread_conditional_access_policy.baseline_members_Resource_1A2B3C4D`. */
  readonly address: string;

  /** The policy's `display_name`. */
  readonly displayName: string;

  /** The policy's `state`: `enabled`, `disabled` or `enabledForReportingButNotEnforced`. */
  readonly state: string;

  /** Whether the policy applies to the sign-in. */
  readonly policyApplies: boolean;

  /**
   * `notSet` when the policy applies; otherwise every reason it does not apply, comma-joined in the order of
   * Graph's `whatIfAnalysisReasons` enum, e.g. `notEnoughInformation,users`.
   */
  readonly analysisReasons: string;

  /**
   * The policy's grant controls.
   *
   * @default - the policy has no grant controls
   */
  readonly grantControls?: WhatIfGrantControls;

  /**
   * The policy's session controls, with camelCase keys (e.g. `signInFrequency`, `signInFrequencyPeriod`).
   *
   * @default - the policy has no session controls
   */
  readonly sessionControls?: { [key: string]: any };
}

/**
 * What one applying policy requires: its grant controls plus which policy it is.
 */
export interface WhatIfRequirement extends WhatIfGrantControls {
  /** Terraform address of the policy. */
  readonly address: string;

  /** Display name of the policy. */
  readonly displayName: string;
}

/**
 * The access decision over one set of policies (enabled, or report-only).
 */
export interface WhatIfAccessDecision {
  /** The decision: `blocked`, `requiresControls`, `allowed` or `undetermined`. */
  readonly access: WhatIfAccess;

  /**
   * The grant controls each applying policy requires when `access` is `requiresControls` (or `undetermined`: the
   * requirements already certain); every policy's requirement must be satisfied. Empty when `access` is `blocked`
   * or `allowed`.
   */
  readonly requirements: WhatIfRequirement[];

  /** Addresses of the applying policies that block; empty unless `access` is `blocked`. */
  readonly blockedBy: string[];

  /**
   * Addresses of policies whose only reason for not applying is `notEnoughInformation`: with more sign-in
   * details they might apply and change `access`. Empty when the decision is certain.
   */
  readonly undetermined: string[];

  /**
   * Addresses of the policies that make `access` `undetermined`: each is `notEnoughInformation` and, if it applied,
   * would block or add a grant requirement that the applying policies do not already impose. Empty unless `access`
   * is `undetermined`.
   */
  readonly undeterminedBy: string[];

  /**
   * What would decide the policies of `undeterminedBy`: sign-in details to add, as paths in the request
   * (`directory.memberOf`, `signInConditions.ipAddress`, `signInConditions.deviceInfo.trustType`, ...), or, for a
   * value the stack only knows at apply time, a sentence that says which condition depends on it. Empty unless
   * `access` is `undetermined`.
   */
  readonly missing: string[];
}

/**
 * The outcome of a What-If evaluation: the decision over enabled policies, and separately over report-only ones.
 */
export interface WhatIfOutcome extends WhatIfAccessDecision {
  /** The same decision computed over the applying report-only (`enabledForReportingButNotEnforced`) policies. */
  readonly reportOnly: WhatIfAccessDecision;
}

/**
 * The result of `WhatIf.evaluate`: plain data, ready for `JSON.stringify`.
 */
export interface WhatIfReport {
  /**
   * One result per policy, in stack order (only the applying ones when the sign-in sets
   * `appliedPoliciesOnly: true`).
   */
  readonly results: WhatIfPolicyResult[];

  /** The access decision. */
  readonly outcome: WhatIfOutcome;

  /**
   * Things about the sign-in that may surprise, e.g. a group of apps named in `includeApplications` (Graph's What
   * If matches no policy on it) or a private IP address (no sign-in to Entra ID comes from one). Empty when none.
   */
  readonly warnings: string[];
}

/**
 * A policy found in the stack.
 */
export interface WhatIfPolicyInfo {
  /** Terraform address, e.g. `azuread_conditional_access_policy.guests`. */
  readonly address: string;

  /** The policy's `display_name`. */
  readonly displayName: string;

  /** The policy's `state`. */
  readonly state: string;
}
