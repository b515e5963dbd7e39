import { IConditionalAccessRule, RuleSeverity, RuleViolation } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';
import { ModelSource } from '../model/model';
import { NAMED_LOCATION_TYPE, POLICY_TYPE, STRENGTH_TYPE } from '../model/terraform-parser';
import { quote } from '../private/validation';
import { l2PropOf } from '../provider/l2-props';
import { checkNamedLocationContract, checkPolicyContract, checkStrengthContract, ContractKind, ContractProblem } from '../provider/provider-contract';

const WHAT: { [kind in ContractKind]: string } = {
  plan: 'terraform plan fails',
  diff: 'every plan shows a change',
  apply: 'Graph rejects it at apply',
};

/**
 * CA9: every synthesized resource against azuread provider 3.7.0's own contract (its schema
 * validations, what its expand sends and its flatten reads back) and the Graph rules the provider
 * does not check. Catches values passed through `of()` escape hatches, raw L1 resources and
 * escape-hatch overrides that would fail plan, diff forever or fail at apply.
 */
export const CA9_PROVIDER_CONTRACT: IConditionalAccessRule = {
  id: 'CA9',
  name: 'provider-contract',
  severity: RuleSeverity.ERROR,
  explanation: 'The synthesized resource breaks azuread provider 3.7.0\'s contract: the provider rejects it at plan, reads back something else (a change on every plan) or sends what Graph rejects.',
  source: 'terraform-provider-azuread v3.7.0: conditional_access_policy_resource.go, named_location_resource.go, authentication_strength_policy_resource.go, conditionalaccess.go',
  check: (model: ConditionalAccessModel): RuleViolation[] => [
    ...model.policies.flatMap((p) => violations(model, p, POLICY_TYPE, checkPolicyContract)),
    ...model.namedLocations.flatMap((l) => violations(model, l, NAMED_LOCATION_TYPE, checkNamedLocationContract)),
    ...model.authenticationStrengths.flatMap((s) => violations(model, s, STRENGTH_TYPE, checkStrengthContract)),
  ],
};

function violations(model: ConditionalAccessModel, o: ModelSource, type: string, check: (body: any) => ContractProblem[]): RuleViolation[] {
  const body = model.terraformBody(o.address);
  if (body === undefined) return [];
  const l2 = o.constructPath?.endsWith('/Resource') === true;
  return check(body).map((p) => {
    const prop = l2 ? l2PropOf(type, p.attribute) : undefined;
    const where = prop ? `${prop} (${p.attribute})` : p.attribute;
    const value = p.value === undefined ? '' : `${quote(p.value)} `;
    return { address: o.address, message: `${where}: ${value}${p.problem} (${WHAT[p.kind]})`, fix: p.fix };
  });
}
