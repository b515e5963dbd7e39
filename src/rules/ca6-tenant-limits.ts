import { IConditionalAccessRule, RuleSeverity, RuleViolation } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';

/** Tenant limits (Learn: "Plan a Conditional Access deployment", "Location condition", "Authentication strengths"). */
export const MAX_POLICIES = 195;
/** IP named locations per tenant. */
export const MAX_IP_LOCATIONS = 195;
/** Custom authentication strengths per tenant. */
export const MAX_CUSTOM_STRENGTHS = 15;

/** CA6: a stack is one tenant, and a tenant holds at most so many policies, IP locations and strengths. */
export const CA6_TENANT_LIMITS: IConditionalAccessRule = {
  id: 'CA6',
  name: 'tenant-limits',
  severity: RuleSeverity.ERROR,
  explanation: `A tenant holds at most ${MAX_POLICIES} Conditional Access policies, ${MAX_IP_LOCATIONS} IP named locations and ${MAX_CUSTOM_STRENGTHS} custom authentication strengths; more fails at apply.`,
  source: 'Learn: "Plan a Conditional Access deployment", "Location condition", "Custom authentication strengths"',
  check: (model: ConditionalAccessModel) => {
    const out: RuleViolation[] = [];
    const limit = (count: number, max: number, what: string) => {
      if (count > max) {
        out.push({ message: `the stack defines ${count} ${what}; a tenant holds at most ${max}`, fix: 'split them over tenants or remove some' });
      }
    };
    limit(model.policies.length, MAX_POLICIES, 'Conditional Access policies');
    limit(model.namedLocations.filter((l) => l.kind === 'ip').length, MAX_IP_LOCATIONS, 'IP named locations');
    limit(model.authenticationStrengths.length, MAX_CUSTOM_STRENGTHS, 'custom authentication strengths');
    return out;
  },
};
