import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { App, Testing, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import {
  ConditionalAccessRules,
  ConditionalAccessPolicy,
  ConditionalAccessPolicyProps,
  GrantControls,
  IncludedUsers,
  PolicyState,
  Principal,
  TargetResources,
} from '../../src';

/** Helpers shared by the rule tests (not a test file). */

export const BREAK_GLASS = '00000000-0000-0000-0000-00000000e000';
export const GROUP = '00000000-0000-0000-0000-00000000a001';

export function newStack(app: App = Testing.app(), id = 'stack'): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzureadProvider(stack, 'azuread', {});
  return stack;
}

/**
 * A policy that triggers no rule: on, MFA for one group, all resources. Rows
 * override what they need to trigger (or not) one rule.
 */
export function quietPolicy(scope: TerraformStack, id = 'Policy', overrides: Partial<ConditionalAccessPolicyProps> = {}): ConditionalAccessPolicy {
  return new ConditionalAccessPolicy(scope, id, {
    displayName: `Require MFA (${id})`,
    state: PolicyState.ON,
    includeUsers: IncludedUsers.select({ groups: [Principal.fromObjectId(GROUP)] }),
    target: TargetResources.allResources(),
    grant: GrantControls.requireMfa(),
    ...overrides,
  });
}

export const breakGlass = { groups: [Principal.fromObjectId(BREAK_GLASS)] };

/** The text the stack validation gives a finding. */
export function suppressHint(ruleId: string): string {
  return `(suppress: RuleSuppressions.of(construct).add('${ruleId}', reason))`;
}

/** A finding as the synth error shows it: id, severity, path and `[id] message; fix`. */
export interface FindingSummary {
  readonly ruleId: string;
  readonly severity: string;
  readonly path: string;
  readonly message: string;
}

/** `ConditionalAccessRules.check(scope)`, each finding summarized as the synth error text shows it. */
export function check(scope: IConstruct): FindingSummary[] {
  return ConditionalAccessRules.check(scope).map((f) => ({ ruleId: f.ruleId, severity: f.severity, path: f.path, message: `[${f.ruleId}] ${f.message}; ${f.fix}` }));
}
