/**
 * How a rule finding is reported.
 */
export enum RuleSeverity {
  /** Fails `cdktf synth`. */
  ERROR = 'error',
  /** Printed by `cdktf synth`; does not fail it. */
  WARNING = 'warning',
}

/**
 * A lint rule that runs over the whole app at synth.
 */
export interface RuleInfo {
  /** Stable id, e.g. `CA1`. Used to suppress the rule. */
  readonly id: string;
  /** Short name. */
  readonly name: string;
  /** Error or warning. */
  readonly severity: RuleSeverity;
  /** One line: what it catches and why. */
  readonly rationale: string;
  /** Where the fact behind the rule is documented. */
  readonly source: string;
}

/**
 * One finding of a rule on one construct.
 */
export interface RuleFinding {
  /** The rule's id. */
  readonly ruleId: string;
  /** The rule's severity. */
  readonly severity: RuleSeverity;
  /** The construct path of the offending construct. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}
