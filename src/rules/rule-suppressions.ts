import { IConstruct } from 'constructs';

const SUPPRESSIONS = Symbol.for('cdktf-entra-conditional-access.RuleSuppressions');

/** The minimum length of a suppression reason: a reason must say something. */
const MIN_REASON = 10;

/**
 * Suppresses lint rules on a construct and everything below it, with a written
 * reason (like cdk-nag's `NagSuppressions`):
 *
 * ```ts
 * RuleSuppressions.of(policy).add('CA2', 'Tested with What-If scenarios in CI');
 * ```
 */
export class RuleSuppressions {
  /**
   * The suppressions of a construct (a policy, a location, a stack or the app).
   * @param scope the construct
   */
  public static of(scope: IConstruct): RuleSuppressions {
    return new RuleSuppressions(scope);
  }

  /**
   * @param scope the construct
   */
  private constructor(private readonly scope: IConstruct) {}

  /**
   * Suppress a rule here and below.
   * @param ruleId the rule id, e.g. `CA2`
   * @param reason why the finding is acceptable (at least 10 characters)
   */
  public add(ruleId: string, reason: string): void {
    // Loaded lazily: the rules module imports this one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ConditionalAccessRules } = require('./conditional-access-rules') as { ConditionalAccessRules: { RULES: { id: string }[] } };
    const known = ConditionalAccessRules.RULES.map((r) => r.id);
    if (!known.includes(ruleId)) {
      throw new Error(`ruleId: '${ruleId}' is not a rule id; use an id from the README's rule table (${known.join(', ')})`);
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON) {
      throw new Error(`reason: '${reason ?? ''}' is too short; write why suppressing ${ruleId} is safe here (at least ${MIN_REASON} characters)`);
    }
    const host = this.scope as unknown as { [SUPPRESSIONS]?: Map<string, string> };
    if (!host[SUPPRESSIONS]) {
      Object.defineProperty(host, SUPPRESSIONS, { value: new Map<string, string>() });
    }
    host[SUPPRESSIONS]!.set(ruleId, reason.trim());
  }

  /**
   * The reason a rule is suppressed on this construct or one of its scopes, or undefined.
   * @param ruleId the rule id
   */
  public reasonFor(ruleId: string): string | undefined {
    for (const c of [...this.scope.node.scopes].reverse()) {
      const map = (c as unknown as { [SUPPRESSIONS]?: Map<string, string> })[SUPPRESSIONS];
      const reason = map?.get(ruleId);
      if (reason) return reason;
    }
    return undefined;
  }
}
