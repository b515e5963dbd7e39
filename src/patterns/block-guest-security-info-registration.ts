import { Construct } from 'constructs';
import { registrationPolicy, SecurityInfoRegistrationOptions, TRUSTED_NETWORKS_RECIPE_NAME } from './security-info-registration';
import { ILocation, Location } from '../locations/location';
import { ConditionalAccessPolicy } from '../policy/conditional-access-policy';
import { GrantControls } from '../policy/grant-controls';
import { GuestsOrExternalUsers } from '../policy/guests-or-external-users';
import { IncludedUsers } from '../policy/users';

/**
 * Properties of {@link BlockGuestSecurityInfoRegistration}.
 */
export interface BlockGuestSecurityInfoRegistrationProps extends SecurityInfoRegistrationOptions {
  /**
   * The guests the policy applies to.
   * @default GuestsOrExternalUsers.ALL
   */
  readonly guestsOrExternalUsers?: GuestsOrExternalUsers;
  /**
   * The locations guests may register from.
   * @default [Location.ALL_TRUSTED]
   */
  readonly trustedLocations?: ILocation[];
}

/**
 * Recipe: block guests registering security info outside trusted locations.
 *
 * Docs 000/001 ("Guest user registration"): include All guest and external
 * users; target the user action "Register security information"; locations
 * Any minus All trusted; Block access. Report-only first.
 */
export class BlockGuestSecurityInfoRegistration extends Construct {
  /** The policy. */
  public readonly policy: ConditionalAccessPolicy;

  /**
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   */
  constructor(scope: Construct, id: string, props: BlockGuestSecurityInfoRegistrationProps = {}) {
    super(scope, id);
    this.policy = registrationPolicy(this, TRUSTED_NETWORKS_RECIPE_NAME, props, {
      includeUsers: IncludedUsers.select({ guestsOrExternalUsers: props.guestsOrExternalUsers ?? GuestsOrExternalUsers.ALL }),
      includeLocations: [Location.ALL],
      excludeLocations: props.trustedLocations ?? [Location.ALL_TRUSTED],
      grant: GrantControls.block(),
    }, { 'excludeLocations': 'trustedLocations', 'includeUsers.guestsOrExternalUsers': 'guestsOrExternalUsers' });
  }
}
