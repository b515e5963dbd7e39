import { Construct } from 'constructs';
import { registrationPolicy, MEMBER_RECIPE_NAME, SecurityInfoRegistrationOptions } from './security-info-registration';
import { IAuthenticationStrength } from '../authentication-strength/authentication-strength';
import { ILocation, Location } from '../locations/location';
import { ConditionalAccessPolicy } from '../policy/conditional-access-policy';
import { GrantControls } from '../policy/grant-controls';
import { GuestsOrExternalUsers } from '../policy/guests-or-external-users';
import { IncludedUsers, UserSelection } from '../policy/users';
import { failProp, Problems } from '../private/validation';

/**
 * Properties of {@link RequireMfaForSecurityInfoRegistration}.
 */
export interface RequireMfaForSecurityInfoRegistrationProps extends SecurityInfoRegistrationOptions {
  /**
   * Require this authentication strength instead of the "Require multifactor
   * authentication" control (doc 001). Graph takes one or the other, not both.
   * @default - require multifactor authentication (Temporary Access Pass satisfies it)
   */
  readonly authenticationStrength?: IAuthenticationStrength;
  /**
   * Apply only outside trusted locations: include Any location, exclude
   * `trustedLocations` (doc 001).
   * @default false - every location (doc 000)
   */
  readonly onlyOutsideTrustedLocations?: boolean;
  /**
   * The trusted locations, used when `onlyOutsideTrustedLocations` is true.
   * @default [Location.ALL_TRUSTED]
   */
  readonly trustedLocations?: ILocation[];
  /**
   * Who the policy applies to.
   * @default IncludedUsers.all()
   */
  readonly includeUsers?: IncludedUsers;
  /**
   * Guest and external users to exclude (Temporary Access Pass does not work for guests).
   * @default GuestsOrExternalUsers.ALL
   */
  readonly excludeGuestsOrExternalUsers?: GuestsOrExternalUsers;
  /**
   * More users, groups or roles to exclude.
   * @default - none
   */
  readonly excludeUsers?: UserSelection;
}

/**
 * Recipe: require MFA (or an authentication strength) to register security info.
 *
 * Docs 000/001 ("Securing security info registration"): include All users;
 * exclude All guest and external users and the emergency-access accounts;
 * target the user action "Register security information"; grant access
 * requiring multifactor authentication, or (newer docs) an authentication
 * strength with locations Any minus All trusted. Report-only first.
 */
export class RequireMfaForSecurityInfoRegistration extends Construct {
  /** The policy. */
  public readonly policy: ConditionalAccessPolicy;

  /**
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   */
  constructor(scope: Construct, id: string, props: RequireMfaForSecurityInfoRegistrationProps = {}) {
    super(scope, id);
    const extra = props.excludeUsers ?? {};
    const problems = new Problems();
    problems.check(() => {
      if (extra.guestsOrExternalUsers) {
        failProp('excludeUsers.guestsOrExternalUsers', 'set excludeGuestsOrExternalUsers instead; Graph rejects the special GuestsOrExternalUsers value and a guest block on the same side');
      }
    });
    problems.check(() => {
      if (props.trustedLocations && !props.onlyOutsideTrustedLocations) {
        failProp('trustedLocations', 'is set but onlyOutsideTrustedLocations is not; set onlyOutsideTrustedLocations: true to apply the policy outside them only');
      }
    });
    problems.throwIfAny(this, props.displayName ?? MEMBER_RECIPE_NAME);
    const except = props.onlyOutsideTrustedLocations ? (props.trustedLocations ?? [Location.ALL_TRUSTED]) : undefined;
    this.policy = registrationPolicy(this, MEMBER_RECIPE_NAME, props, {
      includeUsers: props.includeUsers ?? IncludedUsers.all(),
      excludeUsers: { ...extra, guestsOrExternalUsers: props.excludeGuestsOrExternalUsers ?? GuestsOrExternalUsers.ALL },
      includeLocations: except ? [Location.ALL] : undefined,
      excludeLocations: except,
      grant: props.authenticationStrength
        ? GrantControls.requireAuthenticationStrength(props.authenticationStrength)
        : GrantControls.requireMfa(),
    }, { 'excludeLocations': 'trustedLocations', 'excludeUsers.guestsOrExternalUsers': 'excludeGuestsOrExternalUsers' });
  }
}
