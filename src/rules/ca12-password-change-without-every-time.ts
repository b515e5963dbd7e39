import { IConditionalAccessRule, RuleSeverity, RuleViolation } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';

/**
 * CA12: "Require password change" without sign-in frequency "every time". Graph accepts it (real
 * tenants and published baselines hold such policies), so the constructs accept it; Learn's recipe for
 * the user-risk policy selects "every time" with it, which this rule points out.
 *
 * Whether Graph adds "every time" itself to a policy created without it is not documented
 * (*unverified*); if it does, the next plan shows the session block as a change, and the fix below
 * removes that too.
 */
export const CA12_PASSWORD_CHANGE_WITHOUT_EVERY_TIME: IConditionalAccessRule = {
  id: 'CA12',
  name: 'password-change-without-every-time',
  severity: RuleSeverity.WARNING,
  explanation: 'The policy requires a password change without sign-in frequency "every time"; Graph accepts it as written, but Learn\'s user-risk recipe pairs the two so the risky user reauthenticates before the change.',
  source: 'Learn: "Require password change for high-risk users" (Session: "Ensure Every time is selected"); Graph conditionalAccessGrantControls (passwordChange)',
  check: (model: ConditionalAccessModel): RuleViolation[] => model.policies
    .filter((p) => (p.grantControls?.builtInControls ?? []).includes('passwordChange'))
    .filter((p) => p.sessionControls?.signInFrequency?.frequencyInterval !== 'everyTime')
    .map((p) => ({
      address: p.address,
      message: `policy '${p.displayName}' requires a password change without sign-in frequency every time; `
        + 'Graph accepts and keeps it as written (no reauthentication is forced), while Learn\'s recipe selects every time with it',
      fix: 'add session: { signInFrequency: SignInFrequency.everyTime() } (sign_in_frequency_interval = "everyTime"), or suppress CA12 with the reason',
    })),
};
