import { Vocabulary } from './vocabulary';

/**
 * Sign-in and user risk levels (Graph `riskLevel`; provider 3.7.0 `sign_in_risk_levels`,
 * `user_risk_levels`). The same values are a sign-in's `signInRiskLevel` / `userRiskLevel`.
 */
export const RISK_LEVELS = new Vocabulary('risk level', {
  LOW: { value: 'low', label: 'Low' },
  MEDIUM: { value: 'medium', label: 'Medium' },
  HIGH: { value: 'high', label: 'High' },
  HIDDEN: { value: 'hidden', label: 'Hidden' },
  NONE: { value: 'none', label: 'No risk' },
  UNKNOWN_FUTURE_VALUE: { value: 'unknownFutureValue', label: 'Unknown future value', policy: false },
});

/**
 * Service principal risk levels of a policy: Graph documents `low`, `medium`, `high`, `none` for
 * `servicePrincipalRiskLevels`, without `hidden` (Graph v1.0 `conditionalAccessConditionSet`). A
 * sign-in's `servicePrincipalRiskLevel` takes every `riskLevel` value.
 */
export const SERVICE_PRINCIPAL_RISK_LEVELS = new Vocabulary('service principal risk level', {
  LOW: { value: 'low', label: 'Low' },
  MEDIUM: { value: 'medium', label: 'Medium' },
  HIGH: { value: 'high', label: 'High' },
  HIDDEN: { value: 'hidden', label: 'Hidden', policy: false },
  NONE: { value: 'none', label: 'No risk' },
  UNKNOWN_FUTURE_VALUE: { value: 'unknownFutureValue', label: 'Unknown future value', policy: false },
});

/**
 * Insider risk levels (policy: Graph `conditionalAccessInsiderRiskLevels`, provider 3.7.0
 * `insider_risk_levels`; sign-in: Graph `insiderRiskLevel`, which adds `none`).
 */
export const INSIDER_RISK_LEVELS = new Vocabulary('insider risk level', {
  NONE: { value: 'none', label: 'None', policy: false },
  MINOR: { value: 'minor', label: 'Minor' },
  MODERATE: { value: 'moderate', label: 'Moderate' },
  ELEVATED: { value: 'elevated', label: 'Elevated' },
  UNKNOWN_FUTURE_VALUE: { value: 'unknownFutureValue', label: 'Unknown future value', policy: false },
});
