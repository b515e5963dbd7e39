import { mayIncludeGuests } from './policy-facts';
import { IConditionalAccessRule, RuleSeverity } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';
import { builtInStrength } from '../vocabulary/authentication-strengths';

/** CA3: Temporary Access Pass does not work for guests. */
export const CA3_TAP_FOR_GUESTS: IConditionalAccessRule = {
  id: 'CA3',
  name: 'tap-for-guests',
  severity: RuleSeverity.WARNING,
  explanation: 'The required authentication strength relies on Temporary Access Pass while guests are included; TAP does not work for guest users.',
  source: 'doc 000/001: "Temporary Access Pass does not work for guest users"',
  check: (model: ConditionalAccessModel) => model.policies
    .filter((p) => {
      const id = p.grantControls?.authenticationStrength?.id;
      if (!id || !mayIncludeGuests(p)) return false;
      const combinations = builtInStrength(id)?.allowedCombinations ?? model.authenticationStrength(id)?.allowedCombinations ?? [];
      return combinations.some((c) => c.startsWith('temporaryAccessPass'));
    })
    .map((p) => ({
      address: p.address,
      message: `policy '${p.displayName}' requires a strength that relies on Temporary Access Pass while guests are included`,
      fix: 'TAP does not work for guests, so exclude GuestsOrExternalUsers.ALL or add a method guests have',
    })),
};
