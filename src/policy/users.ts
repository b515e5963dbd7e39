import { GuestsOrExternalUsers } from './guests-or-external-users';
import { DirectoryRole, Principal } from './principal';

/**
 * Users, groups, directory roles and guest or external users
 * (portal: Users > "Select users and groups" / Exclude).
 */
export interface UserSelection {
  /**
   * Users, by object id or by `azuread_user` resource / data source.
   * @default - no users
   */
  readonly users?: Principal[];
  /**
   * Groups, by object id or by `azuread_group` resource / data source.
   * @default - no groups
   */
  readonly groups?: Principal[];
  /**
   * Directory roles.
   * @default - no roles
   */
  readonly roles?: DirectoryRole[];
  /**
   * Guest or external users: {@link GuestsOrExternalUsers.ALL} or selected types and tenants.
   * @default - no guest or external users
   */
  readonly guestsOrExternalUsers?: GuestsOrExternalUsers;
}

/**
 * Who a policy applies to (portal: Users > Include).
 */
export class IncludedUsers {
  /** "All users": every user in the directory, including guests. */
  public static all(): IncludedUsers {
    return new IncludedUsers('All', {});
  }

  /** "None": no user (used for workload identity policies and for staging). */
  public static none(): IncludedUsers {
    return new IncludedUsers('None', {});
  }

  /** "All guest and external users". */
  public static allGuestsOrExternalUsers(): IncludedUsers {
    return new IncludedUsers(undefined, { guestsOrExternalUsers: GuestsOrExternalUsers.ALL });
  }

  /**
   * "Select users and groups": the listed users, groups, roles and guests.
   * @param selection what to include; must select something
   */
  public static select(selection: UserSelection): IncludedUsers {
    return new IncludedUsers(undefined, selection);
  }

  /**
   * @param special `All` or `None`, or undefined for a selection
   * @param selection the selection
   */
  private constructor(
    /** `All` or `None` for those portal choices; undefined for a selection. */
    public readonly special: string | undefined,
    /** The selected users, groups, roles and guests (empty for all / none). */
    public readonly selection: UserSelection,
  ) {}
}
