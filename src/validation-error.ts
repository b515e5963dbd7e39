/**
 * The error constructs and factories throw for input that Graph or the provider would reject, or
 * that would make an unsafe policy.
 *
 * It extends `Error`, which jsii cannot represent, so it is not re-exported from the package root.
 * TypeScript / JavaScript users import it from `cdktf-entra-conditional-access/lib/validation-error`;
 * users of other languages see an error whose message holds the same text.
 */
import { Token } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Thrown for input that Graph or the provider would reject, or that would make an unsafe policy.
 * Each problem names the property, the bad value and the fix. A construct reports every problem
 * it finds at once, with its construct path and display name (like TerraConstructs'
 * `ValidationError(msg, scope)`); a factory such as `Principal.fromObjectId` reports its one
 * problem without a path.
 *
 * ```
 * Tenant/MfaForAdmins ('Require MFA for admins'): 2 problems:
 *   - includeUsers.groups[0]: ...
 *   - grant.builtInControls: ...
 * ```
 */
export class ValidationError extends Error {
  /** Every problem, each `prop: 'value' problem; fix`. */
  public readonly problems: string[];
  /** The construct path of the construct that rejected its input, when a construct did. */
  public readonly constructPath?: string;
  /** The display name of that construct's object, when it has one. */
  public readonly displayName?: string;

  /**
   * @param problems one problem or every problem
   * @param scope the construct whose input it is
   * @param displayName the display name of its object
   */
  constructor(problems: string | string[], scope?: IConstruct, displayName?: string) {
    const list = typeof problems === 'string' ? [problems] : problems;
    // (cdktf's check, not private/validation's isToken: that module imports this one)
    const named = displayName && !Token.isUnresolved(displayName) ? ` ('${displayName}')` : '';
    const where = scope ? `${scope.node.path}${named}: ` : '';
    super(list.length === 1 ? `${where}${list[0]}` : `${where}${list.length} problems:\n${list.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ValidationError';
    this.problems = list;
    this.constructPath = scope?.node.path;
    this.displayName = displayName;
  }
}
