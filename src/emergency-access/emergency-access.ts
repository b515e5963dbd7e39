import { IConstruct } from 'constructs';
import { recordEmergencyAccess } from './emergency-access-registry';
import { EmergencyAccessAccounts } from '../policy/emergency-access-accounts';

/**
 * Excludes the organisation's emergency-access ("break-glass") accounts from
 * every Conditional Access policy in a scope, like `Tags.of(scope)` in the AWS CDK:
 *
 * ```ts
 * EmergencyAccess.of(app).exclude({ groups: [Principal.fromGroupData(breakGlass)] });
 * ```
 *
 * The scope may be the app, a stack or any construct. The exclusion is applied
 * at synth, so it also covers policies added after the call; workload identity
 * policies (which include no users) are left alone.
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
    recordEmergencyAccess(this.scope, accounts);
  }
}
