import { IConditionalAccessRule, RuleSeverity } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';

/** CA7: baselines ask that policies cover directory roles rather than exclude them. */
export const CA7_EXCLUDED_DIRECTORY_ROLES: IConditionalAccessRule = {
  id: 'CA7',
  name: 'excluded-directory-roles',
  severity: RuleSeverity.WARNING,
  explanation: 'The policy excludes directory roles; privileged roles should be covered, and baselines such as CISA SCuBA ask for no role exclusions.',
  source: 'CISA SCuBA Microsoft Entra ID baseline (MS.AAD)',
  check: (model: ConditionalAccessModel) => model.policies
    .filter((p) => (p.conditions.users?.excludeRoles ?? []).length > 0)
    .map((p) => ({
      address: p.address,
      message: `policy '${p.displayName}' excludes ${p.conditions.users!.excludeRoles.length} directory role(s)`,
      fix: 'cover privileged roles and exclude emergency-access accounts instead',
    })),
};
