import { IConditionalAccessRule, RuleSeverity, RuleViolation } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';
import { PolicyModel } from '../model/model';
import { INTUNE_ENROLLMENT_APP_ID } from '../vocabulary/applications';
import { USER_ACTIONS } from '../vocabulary/user-actions';

/**
 * CA11: sign-in frequency "every time" outside the scopes the Graph v1.0 reference names. Graph accepts
 * it wherever a policy can target (its beta reference lists any application, authentication context and
 * user actions, and real tenants hold such policies, e.g. every-time reauthentication on "Register
 * security information"), so the constructs accept it; this rule says where it applies, so that a
 * policy that prompts at every sign-in is a choice.
 */
export const CA11_EVERY_TIME_SIGN_IN_FREQUENCY: IConditionalAccessRule = {
  id: 'CA11',
  name: 'every-time-sign-in-frequency',
  severity: RuleSeverity.WARNING,
  explanation: 'Sign-in frequency "every time" outside risky users, risky sign-ins and Intune enrollment (the scopes the Graph v1.0 reference names): Graph accepts it and asks for reauthentication at every sign-in in scope.',
  source: 'Graph beta signInFrequencySessionControl: everyTime "is available for risky users, risky sign-ins, Intune device enrollment, any application, authentication context, and user actions"; the v1.0 page names only the first three',
  check: (model: ConditionalAccessModel): RuleViolation[] => model.policies.flatMap((p) => {
    if (p.sessionControls?.signInFrequency?.frequencyInterval !== 'everyTime') return [];
    const c = p.conditions;
    if (c.userRiskLevels.length > 0 || c.signInRiskLevels.length > 0) return [];
    if (c.applications.includeApplications.some((a) => a.toLowerCase() === INTUNE_ENROLLMENT_APP_ID)) return [];
    return [{
      address: p.address,
      message: `policy '${p.displayName}' sets sign-in frequency every time on ${scope(p)} without a user or sign-in risk condition; `
        + 'Graph accepts it (its beta reference lists any application and user actions) and asks for reauthentication at every sign-in in scope, '
        + 'while its v1.0 reference names only risky users, risky sign-ins and Intune enrollment',
      fix: 'if reauthentication at every sign-in is intended (e.g. before registering security information), suppress CA11 with that reason; '
        + 'otherwise use SignInFrequency.hours(n) or .days(n), or add userRiskLevels / signInRiskLevels',
    }];
  }),
};

function scope(p: PolicyModel): string {
  const a = p.conditions.applications;
  if (a.includeUserActions.length > 0) {
    return `the user action ${a.includeUserActions.map((v) => `'${USER_ACTIONS.byValue(v)?.label ?? v}'`).join(', ')}`;
  }
  if (a.includeApplications.includes('All')) return 'all resources';
  return `${a.includeApplications.length} selected application(s)`;
}
