import { Construct } from 'constructs';
import { registrationPolicy, SecurityInfoRegistrationOptions, TRUSTED_NETWORKS_RECIPE_NAME } from './security-info-registration';
import { ILocation, Location } from '../locations/location';
import { ConditionalAccessPolicy } from '../policy/conditional-access-policy';
import { GrantControls } from '../policy/grant-controls';
import { IncludedUsers, UserSelection } from '../policy/users';

/**
 * What happens when a user registers security info from outside a trusted location.
 */
export enum UntrustedLocationAction {
  /** Block access (docs 003 and 004, 2019–2020). */
  BLOCK = 'block',
  /** Require multifactor authentication; a Temporary Access Pass satisfies it (doc 002, 2025). */
  REQUIRE_MFA = 'requireMfa',
}

/**
 * Properties of {@link RequireTrustedLocationForSecurityInfoRegistration}.
 */
export interface RequireTrustedLocationForSecurityInfoRegistrationProps extends SecurityInfoRegistrationOptions {
  /**
   * The selected users and groups the policy applies to.
   * @default IncludedUsers.all()
   */
  readonly includeUsers?: IncludedUsers;
  /**
   * Users, groups or roles to exclude.
   * @default - none
   */
  readonly excludeUsers?: UserSelection;
  /**
   * What to do outside trusted locations.
   * @default UntrustedLocationAction.REQUIRE_MFA
   */
  readonly untrustedLocationAction?: UntrustedLocationAction;
  /**
   * The trusted locations.
   * @default [Location.ALL_TRUSTED]
   */
  readonly trustedLocations?: ILocation[];
}

/**
 * Recipe: register security info only from trusted locations.
 *
 * Docs 002/003/004 ("Require registration from a trusted location"): the
 * selected users; target the user action "Register security information";
 * locations Any minus All trusted; Block access (older docs) or Require
 * multifactor authentication (newer docs).
 */
export class RequireTrustedLocationForSecurityInfoRegistration extends Construct {
  /** The policy. */
  public readonly policy: ConditionalAccessPolicy;

  /**
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   */
  constructor(scope: Construct, id: string, props: RequireTrustedLocationForSecurityInfoRegistrationProps = {}) {
    super(scope, id);
    const action = props.untrustedLocationAction ?? UntrustedLocationAction.REQUIRE_MFA;
    this.policy = registrationPolicy(this, TRUSTED_NETWORKS_RECIPE_NAME, props, {
      includeUsers: props.includeUsers ?? IncludedUsers.all(),
      excludeUsers: props.excludeUsers,
      includeLocations: [Location.ALL],
      excludeLocations: props.trustedLocations ?? [Location.ALL_TRUSTED],
      grant: action === UntrustedLocationAction.BLOCK ? GrantControls.block() : GrantControls.requireMfa(),
    }, { excludeLocations: 'trustedLocations' });
  }
}
