import { Vocabulary } from './vocabulary';

/** `state` of a policy (Graph `conditionalAccessPolicyState`; provider 3.7.0 `state`). */
export const POLICY_STATES = new Vocabulary('policy state', {
  ON: { value: 'enabled', label: 'On' },
  OFF: { value: 'disabled', label: 'Off' },
  REPORT_ONLY: { value: 'enabledForReportingButNotEnforced', label: 'Report-only' },
});
