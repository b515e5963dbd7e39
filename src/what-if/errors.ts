/**
 * Errors thrown by the What-If evaluator.
 *
 * These classes extend `Error`, which jsii cannot represent, so they are not re-exported from the package root.
 * TypeScript / JavaScript users can import them from `cdktf-entra-conditional-access/lib/what-if/errors`;
 * users of other languages see a plain error whose message names the field, the bad value and the fix, and can
 * call `WhatIf.validate(signIn)` to get the problems as strings instead.
 */

/**
 * A sign-in given to `WhatIf.evaluate` is not a valid Graph evaluate request body.
 *
 * `message` lists every problem, one per line; `problems` has them as an array. Each problem starts with the
 * path of the field (`signInConditions.ipAddress: ...`).
 */
export class WhatIfInputError extends Error {
  /** Every problem found, each starting with the path of the offending field. */
  public readonly problems: string[];

  /**
   * @param problems the problems found (at least one)
   */
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'WhatIfInputError';
    this.problems = problems;
  }
}

/**
 * A synthesized stack could not be read: missing or unreadable file, invalid JSON, or a directory without a
 * `cdk.tf.json`.
 */
export class WhatIfStackError extends Error {
  /**
   * @param message what is wrong and how to fix it
   */
  constructor(message: string) {
    super(message);
    this.name = 'WhatIfStackError';
  }
}
