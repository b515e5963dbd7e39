import { Aspects, IAspect } from 'cdktf';
import { IConstruct } from 'constructs';
import { ConditionalAccessPolicy } from '../policy/conditional-access-policy';
import { EmergencyAccessAccounts } from '../policy/emergency-access-accounts';

/**
 * Excludes the organisation's emergency-access ("break-glass") accounts from
 * every Conditional Access policy in a scope, like `Tags.of(scope)` in the AWS CDK:
 *
 * ```ts
 * EmergencyAccess.of(stack).exclude({ groups: [Principal.fromGroupData(breakGlass)] });
 * ```
 *
 * The exclusion is applied at synth, so it also covers policies added after the call.
 */
export class EmergencyAccess {
  /**
   * The emergency-access exclusions of a scope.
   * @param scope an app, stack or any construct containing policies
   */
  public static of(scope: IConstruct): EmergencyAccess {
    return new EmergencyAccess(scope);
  }

  /**
   * @param scope the scope
   */
  private constructor(private readonly scope: IConstruct) {}

  /**
   * Exclude these accounts from every `ConditionalAccessPolicy` in the scope.
   * @param accounts the emergency-access users and groups
   */
  public exclude(accounts: EmergencyAccessAccounts): void {
    if (!(accounts.users ?? []).length && !(accounts.groups ?? []).length) {
      throw new Error('EmergencyAccess.exclude: accounts is empty; pass the emergency-access users or groups');
    }
    Aspects.of(this.scope).add(new ExcludeEmergencyAccess(accounts));
    const registered = (this.scope as unknown as { [SCOPE_ACCOUNTS]?: EmergencyAccessAccounts[] });
    if (!registered[SCOPE_ACCOUNTS]) {
      Object.defineProperty(registered, SCOPE_ACCOUNTS, { value: [] });
    }
    registered[SCOPE_ACCOUNTS]!.push(accounts);
  }
}

const SCOPE_ACCOUNTS = Symbol.for('cdktf-entra-conditional-access.EmergencyAccessAccounts');

/**
 * True when `EmergencyAccess.of(s).exclude(...)` was called on `construct` or
 * one of its scopes, so its policies get (or got) the exclusion at synth.
 * Lets the lint rules see the exclusion before the aspect has run.
 */
export function isCoveredByEmergencyAccess(construct: IConstruct): boolean {
  return construct.node.scopes.some((s) => ((s as unknown as { [SCOPE_ACCOUNTS]?: unknown[] })[SCOPE_ACCOUNTS] ?? []).length > 0);
}

/** Workload identity policies include no users, so user exclusions do not apply to them. */
function isUserPolicy(policy: ConditionalAccessPolicy): boolean {
  return policy.props.includeUsers.special !== 'None';
}

/** The aspect behind {@link EmergencyAccess.exclude}. */
class ExcludeEmergencyAccess implements IAspect {
  private readonly done = new WeakSet<IConstruct>();

  constructor(private readonly accounts: EmergencyAccessAccounts) {}

  public visit(node: IConstruct): void {
    if (ConditionalAccessPolicy.isConditionalAccessPolicy(node) && isUserPolicy(node) && !this.done.has(node)) {
      this.done.add(node);
      node.excludeEmergencyAccess(this.accounts);
    }
  }
}
