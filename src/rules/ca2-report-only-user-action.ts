import { IConditionalAccessRule, RuleSeverity } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';

/** CA2: report-only is not evaluated for user actions, so a report-only user-action policy logs nothing. */
export const CA2_REPORT_ONLY_USER_ACTION: IConditionalAccessRule = {
  id: 'CA2',
  name: 'report-only-user-action',
  severity: RuleSeverity.WARNING,
  explanation: 'Report-only is not evaluated for user actions, so a report-only "Register security information" policy logs nothing; test it with What-If instead.',
  source: 'Learn: "Conditional Access report-only mode"',
  check: (model: ConditionalAccessModel) => model.policies
    .filter((p) => p.state === 'enabledForReportingButNotEnforced' && p.conditions.applications.includeUserActions.length > 0)
    .map((p) => ({
      address: p.address,
      message: `policy '${p.displayName}' is report-only on a user action`,
      fix: 'report-only is not evaluated for user actions, so test it with What-If (cdktf-entra-ca what-if) before turning it on',
    })),
};
