import { POLICY_STATES } from '../vocabulary/policy-states';

/**
 * Whether a Conditional Access policy is enforced (portal: "Enable policy").
 */
export class PolicyState {
  /** "On": the policy is evaluated and enforced. */
  public static readonly ON = new PolicyState(POLICY_STATES.value('ON'));
  /** "Off": the policy is never evaluated. */
  public static readonly OFF = new PolicyState(POLICY_STATES.value('OFF'));
  /**
   * "Report-only": evaluated and logged, not enforced.
   *
   * Report-only is NOT evaluated for user actions such as "Register security
   * information"; use the What-If evaluator to test those policies.
   */
  public static readonly REPORT_ONLY = new PolicyState(POLICY_STATES.value('REPORT_ONLY'));

  /**
   * Escape hatch for a state value newer than this library. The value is passed through unchecked.
   * @param value the Graph `state` value
   */
  public static of(value: string): PolicyState {
    return new PolicyState(value);
  }

  /**
   * @param policyStateValue the Graph `state` value
   */
  private constructor(private readonly policyStateValue: string) {}

  /** The Graph `state` value. */
  public get value(): string {
    return this.policyStateValue;
  }
}
