import { IConditionalAccessRule, RuleSeverity, RuleViolation } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';
import { GuestsOrExternalUsersModel } from '../model/model';

/**
 * CA13: guest or external users "from selected tenants" with no tenant selected (`externalTenants`
 * `enumerated`, empty `members`). Graph and provider 3.7.0's schema accept it (one real tenant has four
 * such policies), so the constructs accept it; the selection matches guests of those types from none of
 * the listed tenants, i.e. nobody. Graph's reference does not say what an empty list matches
 * (*unverified*): it is read as "no tenant", as the What-If evaluator reads it.
 */
export const CA13_ENUMERATED_TENANTS_WITHOUT_MEMBERS: IConditionalAccessRule = {
  id: 'CA13',
  name: 'enumerated-tenants-without-members',
  severity: RuleSeverity.WARNING,
  explanation: 'A guest or external user selection is limited to an enumerated list of external tenants that lists none; Graph accepts it, and it matches no guest, so an inclusion selects nobody and an exclusion excludes nobody.',
  source: 'Graph conditionalAccessEnumeratedExternalTenants (members: the tenant ids the selection is limited to); azuread provider 3.7.0 expandExternalTenants (sends members only when enumerated, an empty list as is)',
  check: (model: ConditionalAccessModel): RuleViolation[] => model.policies.flatMap((p) => {
    const u = p.conditions.users;
    if (!u) return [];
    const sides: Array<[string, GuestsOrExternalUsersModel | undefined, string]> = [
      ['includes', u.includeGuestsOrExternalUsers, 'so this part of the inclusion selects nobody'],
      ['excludes', u.excludeGuestsOrExternalUsers, 'so the exclusion excludes nobody'],
    ];
    return sides
      .filter(([, g]) => g !== undefined && g.membershipKind === 'enumerated' && g.members.length === 0)
      .map(([verb, g, effect]) => ({
        address: p.address,
        message: `policy '${p.displayName}' ${verb} guest or external users (${g!.guestOrExternalUserTypes.join(', ')}) from an enumerated list of external tenants that lists none; `
          + `Graph accepts it and matches no guest from it, ${effect}`,
        fix: 'list the tenant ids (ExternalTenants.enumerated(tenantId, ...)), use ExternalTenants.all(), or remove the selection',
      }));
  }),
};
