import { IConstruct } from 'constructs';
import { recordSuppression, suppressionsOf } from '../private/suppression-store';

/** The minimum length of a suppression reason: a reason must say something. */
const MIN_REASON = 10;

/** The library's rule ids (`CA1`...); other ids belong to users' own rules. */
const LIBRARY_RULE = /^ca\d+$/i;

/**
 * Suppresses lint rules on a construct and everything below it, with a written
 * reason (like cdk-nag's `NagSuppressions`):
 *
 * ```ts
 * RuleSuppressions.of(policy).add('CA2', 'Tested with What-If scenarios in CI');
 * ```
 *
 * Suppressions are written into the synthesized resources (their `//` metadata), so
 * `cdktf-entra-ca lint` honours them too.
 */
export class RuleSuppressions {
  /**
   * The suppressions of a construct (a policy, a location, a raw resource, a stack or the app).
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
   * @param ruleId the rule id, e.g. `CA2`, or the id of one of your own rules
   * @param reason why the finding is acceptable (at least 10 characters)
   */
  public add(ruleId: string, reason: string): void {
    // Loaded lazily: the rules module imports this one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DEFAULT_RULES } = require('./default-rules') as typeof import('./default-rules');
    const known = DEFAULT_RULES.map((r) => r.id);
    // a typo of a library rule (an unknown CA id in any case, or a rule's name) is caught; other ids are users' own rules
    const looksLikeLibrary = LIBRARY_RULE.test(ruleId) || DEFAULT_RULES.some((r) => r.name === ruleId);
    if (typeof ruleId !== 'string' || ruleId.trim() === '' || (looksLikeLibrary && !known.includes(ruleId))) {
      throw new Error(`ruleId: '${ruleId}' is not a rule id; use an id from the README's rule table (${known.join(', ')}) or of one of your own rules`);
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON) {
      throw new Error(`reason: '${reason ?? ''}' is too short; write why suppressing ${ruleId} is safe here (at least ${MIN_REASON} characters)`);
    }
    recordSuppression(this.scope, ruleId, reason.trim());
  }

  /**
   * The reason a rule is suppressed on this construct or one of its scopes, or undefined.
   * @param ruleId the rule id
   */
  public reasonFor(ruleId: string): string | undefined {
    return this.all()[ruleId];
  }

  /**
   * Every rule suppressed on this construct or one of its scopes, with its reason (the innermost
   * reason wins).
   */
  public all(): { [ruleId: string]: string } {
    return suppressionsOf(this.scope);
  }
}
