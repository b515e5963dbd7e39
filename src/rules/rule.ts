import type { ConditionalAccessModel } from '../model/conditional-access-model';

/**
 * How a rule finding is reported.
 */
export enum RuleSeverity {
  /** Fails `cdktf synth` (and makes `cdktf-entra-ca lint` exit 1). */
  ERROR = 'error',
  /** Printed by `cdktf synth` and `lint`; does not fail them. */
  WARNING = 'warning',
}

/**
 * What a rule reports about one object of the model.
 */
export interface RuleViolation {
  /**
   * Terraform address of the offending policy, named location or strength (its `address` in the
   * model).
   * @default - the whole stack (e.g. a tenant limit)
   */
  readonly address?: string;
  /** What is wrong, naming the object and the value. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * A severity for this finding other than the rule's own (e.g. a lockout rule that only warns
   * for a policy on guests).
   * @default - the rule's severity
   */
  readonly severity?: RuleSeverity;
}

/**
 * A lint rule over the policy model of one stack (one tenant), like a cdk-nag rule: an id, a
 * severity, an explanation with its source, and a check. The built-in rules are
 * `ConditionalAccessRules.RULES`; add your own with `ConditionalAccessRules.of(scope).addRules(...)`.
 *
 * @example
 * const noDisabled: IConditionalAccessRule = {
 *   id: 'ACME1', name: 'no-disabled-policies', severity: RuleSeverity.WARNING,
 *   explanation: 'Disabled policies rot; delete them from code instead.', source: 'ACME baseline 4.2',
 *   check: (model) => model.policies.filter((p) => p.state === 'disabled')
 *     .map((p) => ({ address: p.address, message: `policy '${p.displayName}' is disabled`, fix: 'delete it' })),
 * };
 */
export interface IConditionalAccessRule {
  /**
   * Stable id, used to suppress the rule. The `CA` prefix is reserved for the library's rules.
   */
  readonly id: string;
  /** Short name, e.g. `lockout`. */
  readonly name: string;
  /** Error or warning. */
  readonly severity: RuleSeverity;
  /** One line: what the rule catches and why. */
  readonly explanation: string;
  /** Where the fact behind the rule is documented. */
  readonly source: string;

  /**
   * Judges the model of one stack.
   * @param model the stack's Conditional Access objects, as synthesized
   * @returns one violation per offending object (empty when the stack is fine)
   */
  check(model: ConditionalAccessModel): RuleViolation[];
}

/**
 * A named set of rules (e.g. a company baseline) to add in one call.
 */
export interface IRulePack {
  /** The pack's name, for messages. */
  readonly name: string;
  /** The rules. */
  readonly rules: IConditionalAccessRule[];
}

/**
 * One unsuppressed finding of a rule.
 */
export interface RuleFinding {
  /** The rule's id. */
  readonly ruleId: string;
  /** The finding's severity. */
  readonly severity: RuleSeverity;
  /**
   * Where: the construct path of the offending construct (a library construct, or the L1 resource),
   * or its Terraform address when the stack was not synthesized by cdktf; the stack for findings
   * on the whole stack.
   */
  readonly path: string;
  /**
   * Terraform address of the offending resource.
   * @default - the finding is on the whole stack
   */
  readonly address?: string;
  /**
   * Display name of the offending object.
   * @default - the finding is on the whole stack
   */
  readonly displayName?: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}
