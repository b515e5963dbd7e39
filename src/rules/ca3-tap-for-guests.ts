import { mayIncludeGuests } from './policy-facts';
import { IConditionalAccessRule, RuleSeverity, RuleViolation } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';
import { AUTHENTICATION_METHOD_MODES } from '../vocabulary/authentication-methods';
import { builtInStrength } from '../vocabulary/authentication-strengths';

/**
 * Authentication method modes a guest cannot use to satisfy a strength:
 * - Temporary Access Pass: "does not work for guest users" (docs 000/001);
 * - email one-time passcode: strengths apply only to external users who authenticate with Microsoft
 *   Entra ID (Learn "Authentication strength for external users"; email OTP guests use the MFA control);
 * - federated single/multi factor and QR code: the resource tenant's own sign-in methods, not in the
 *   table of methods external users can use in their home or the resource tenant (same page).
 * Every other mode (password, SMS, voice, Authenticator push and phone sign-in, OATH tokens, FIDO2,
 * Windows Hello, certificates) is in that table. Unknown modes count as usable (no false alarm).
 */
const NOT_FOR_GUESTS: ReadonlySet<string> = new Set([
  'temporaryAccessPassOneTime', 'temporaryAccessPassMultiUse', 'email', 'federatedSingleFactor', 'federatedMultiFactor', 'qrCodePin',
]);

/**
 * CA3: the required authentication strength has no combination a guest can use, while guests are
 * included: every combination needs Temporary Access Pass or another method guests cannot use. A
 * strength with any combination guests can use (such as the built-in "Multifactor authentication",
 * which also allows TAP) is fine.
 */
export const CA3_TAP_FOR_GUESTS: IConditionalAccessRule = {
  id: 'CA3',
  name: 'tap-for-guests',
  severity: RuleSeverity.WARNING,
  explanation: 'Guests are included, but every combination of the required authentication strength needs Temporary Access Pass or another method guests cannot use; TAP does not work for guest users.',
  source: 'doc 000/001: "Temporary Access Pass does not work for guest users"; Learn: "Authentication strength for external users" (methods external users can use)',
  check: (model: ConditionalAccessModel): RuleViolation[] => model.policies.flatMap((p) => {
    const id = p.grantControls?.authenticationStrength?.id;
    if (!id || !mayIncludeGuests(p)) return [];
    const builtIn = builtInStrength(id);
    const custom = builtIn ? undefined : model.authenticationStrength(id);
    const combinations = builtIn?.allowedCombinations ?? custom?.allowedCombinations ?? [];
    if (combinations.length === 0 || !combinations.every((c) => c.split(',').some((m) => NOT_FOR_GUESTS.has(m.trim())))) return [];
    const used = new Set(combinations.flatMap((c) => c.split(',').map((m) => m.trim())));
    const modes = [...NOT_FOR_GUESTS].filter((m) => used.has(m));
    const name = builtIn?.displayName ?? custom?.displayName ?? id;
    return [{
      address: p.address,
      message: `policy '${p.displayName}' requires the strength '${name}' while guests are included, and every one of its combinations needs a method guests cannot use `
        + `(${modes.map((m) => AUTHENTICATION_METHOD_MODES.byValue(m)?.label ?? m).join(', ')}); Graph accepts it, and guests in scope cannot satisfy it, so they are blocked`,
      fix: 'exclude guests (GuestsOrExternalUsers.ALL) or allow a combination guests have, e.g. password with Microsoft Authenticator push, SMS or an OATH token',
    }];
  }),
};
