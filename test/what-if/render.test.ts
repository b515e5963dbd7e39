// The human-readable report (CLI output and matcher messages).
import { IDS, policy, signIn, whatIfOf } from './helpers';
import { WhatIf } from '../../src/analysis';

test('a table with one row per policy, then the outcome over enabled and report-only policies', () => {
  const w = whatIfOf({
    mfa: policy({ display_name: 'Require MFA' }),
    guests: policy({
      display_name: 'Block guests',
      state: 'enabledForReportingButNotEnforced',
      conditions: { users: { included_users: ['GuestsOrExternalUsers'] } },
      grant_controls: { built_in_controls: ['block'] },
    }),
    strength: policy({
      display_name: 'Strength',
      state: 'disabled',
      grant_controls: { built_in_controls: undefined, authentication_strength_policy_id: '${azuread_authentication_strength_policy.tap.id}' },
      session_controls: { sign_in_frequency: 1, sign_in_frequency_period: 'hours' },
    }),
    risky: policy({ display_name: 'Risky', conditions: { sign_in_risk_levels: ['high'] } }),
  });
  expect(WhatIf.formatReport(w.evaluate(signIn()))).toBe(
    [
      'APPLIES  STATE        POLICY        REASONS               CONTROLS                  ADDRESS',
      'yes      on           Require MFA   notSet                mfa                       azuread_conditional_access_policy.mfa',
      'no       report-only  Block guests  users                 block                     azuread_conditional_access_policy.guests',
      "no       off          Strength      policyNotEnabled      strength 'TAP' + session  azuread_conditional_access_policy.strength",
      'no       on           Risky         notEnoughInformation  mfa                       azuread_conditional_access_policy.risky',
      '',
      'Outcome (enabled policies): requiresControls',
      '  Require MFA (azuread_conditional_access_policy.mfa) requires mfa',
      '  undetermined (notEnoughInformation, might apply with more sign-in details): Risky (azuread_conditional_access_policy.risky)',
      'Outcome (report-only policies): allowed',
      '',
    ].join('\n'),
  );
});

test('blocked outcomes name the blocking policy; an empty report says so', () => {
  const w = whatIfOf({ stop: policy({ display_name: 'Stop', grant_controls: { built_in_controls: ['block'] } }) });
  const text = WhatIf.formatReport(w.evaluate(signIn({ appliedPoliciesOnly: true, signInIdentity: { userId: IDS.bob } })));
  expect(text).toContain('Outcome (enabled policies): blocked\n  blocked by Stop (azuread_conditional_access_policy.stop)\n');
  const none = WhatIf.formatReport(WhatIf.fromStackJson('{}').evaluate(signIn({ directory: undefined })));
  expect(none).toBe('(no policies to show)\n\nOutcome (enabled policies): allowed\nOutcome (report-only policies): allowed\n');
});
