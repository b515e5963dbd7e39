import { IConditionalAccessRule, RuleSeverity } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';
import { PolicyModel } from '../model/model';

/**
 * CA10: conditions azuread provider 3.7.0 can set but never remove from an existing policy. The
 * insider risk level is Optional + Computed (removing it keeps the old value in state and sends it
 * again, CAP:407-412); `client_applications` is sent with `omitempty` (removing the block sends
 * nothing, so Graph keeps it). The README section "Known provider 3.7.0 limitations" has the
 * workaround: replace the resource.
 */
export const CA10_PROVIDER_CANNOT_REMOVE: IConditionalAccessRule = {
  id: 'CA10',
  name: 'provider-cannot-remove',
  severity: RuleSeverity.WARNING,
  explanation: 'The policy uses a condition azuread provider 3.7.0 cannot remove later (insider risk, workload identities): deleting it from code changes nothing in the tenant.',
  source: 'terraform-provider-azuread v3.7.0: conditional_access_policy_resource.go (insider_risk_levels Optional+Computed), conditionalaccess.go (clientApplications omitempty)',
  check: (model: ConditionalAccessModel) => model.policies.flatMap((p) => {
    const uses = used(p);
    return uses.length === 0 ? [] : [{
      address: p.address,
      message: `policy '${p.displayName}' uses ${uses.join(' and ')}, which azuread provider 3.7.0 cannot remove from the policy later`,
      fix: "to remove it, replace the policy: 'cdktf deploy' with Terraform's -replace=<address>, or give the construct a new id",
    }];
  }),
};

function used(p: PolicyModel): string[] {
  const out: string[] = [];
  if (p.conditions.insiderRiskLevels.length > 0) out.push('an insider risk condition');
  if (p.conditions.clientApplications !== undefined) out.push('workload identities');
  return out;
}
