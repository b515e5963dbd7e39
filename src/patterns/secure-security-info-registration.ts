import { Construct } from 'constructs';
import { BlockGuestSecurityInfoRegistration } from './block-guest-security-info-registration';
import { RequireMfaForSecurityInfoRegistration } from './require-mfa-for-security-info-registration';
import { MEMBER_RECIPE_NAME, recipeInput, TRUSTED_NETWORKS_RECIPE_NAME } from './security-info-registration';
import { IAuthenticationStrength } from '../authentication-strength/authentication-strength';
import { IpNamedLocation } from '../locations/ip-named-location';
import { ILocation, Location } from '../locations/location';
import { INamedLocation } from '../locations/named-location';
import { EmergencyAccessAccounts } from '../policy/emergency-access-accounts';
import { PolicyState } from '../policy/policy-state';
import { UserSelection } from '../policy/users';
import { failProp, Problems } from '../private/validation';

/**
 * Properties of {@link SecureSecurityInfoRegistration}.
 */
export interface SecureSecurityInfoRegistrationProps {
  /**
   * Public egress ranges of the organisation's networks. A trusted IP named
   * location is created from them.
   * @default - none created; pass `trustedLocations` instead
   */
  readonly trustedIpRanges?: string[];
  /**
   * Display name of the trusted IP location created from `trustedIpRanges`.
   * @default `${displayNamePrefix}Trusted networks`
   */
  readonly trustedLocationName?: string;
  /**
   * Existing trusted named locations (e.g. `NamedLocation.fromDisplayName`).
   * Guests are blocked from registering outside "All trusted locations", which
   * covers these and the created one.
   * @default - none
   */
  readonly trustedLocations?: INamedLocation[];
  /**
   * Emergency-access ("break-glass") accounts, excluded from both policies.
   */
  readonly emergencyAccess: EmergencyAccessAccounts;
  /**
   * Prefix for every display name, e.g. `'CA001 - '`.
   * @default ''
   */
  readonly displayNamePrefix?: string;
  /**
   * State of both policies (see `memberState` and `guestState` to set them apart, e.g. to turn the
   * guest block on while the member policy stays report-only).
   * @default PolicyState.REPORT_ONLY
   */
  readonly state?: PolicyState;
  /**
   * State of the member policy.
   * @default - `state`
   */
  readonly memberState?: PolicyState;
  /**
   * State of the guest policy.
   * @default - `state`
   */
  readonly guestState?: PolicyState;
  /**
   * Display name of the member policy.
   * @default `${displayNamePrefix}Combined Security Info Registration with TAP`
   */
  readonly memberDisplayName?: string;
  /**
   * Display name of the guest policy.
   * @default `${displayNamePrefix}Combined Security Info Registration on Trusted Networks`
   */
  readonly guestDisplayName?: string;
  /**
   * More users, groups or roles to exclude from the member policy, e.g. service accounts and
   * directory synchronization accounts (doc 001 "User exclusions"). The guest policy includes
   * guests only.
   * @default - none
   */
  readonly excludeUsers?: UserSelection;
  /**
   * Require this authentication strength from members instead of "Require
   * multifactor authentication".
   * @default - require multifactor authentication
   */
  readonly memberAuthenticationStrength?: IAuthenticationStrength;
  /**
   * Ask members for MFA only outside trusted locations (doc 001).
   * @default false
   */
  readonly memberOnlyOutsideTrustedLocations?: boolean;
}

/**
 * The whole security info registration baseline in one construct: a trusted IP
 * location, the member recipe ({@link RequireMfaForSecurityInfoRegistration}) and
 * the guest recipe ({@link BlockGuestSecurityInfoRegistration}), sharing
 * emergency-access exclusions, a display-name prefix and one state.
 */
export class SecureSecurityInfoRegistration extends Construct {
  /** The trusted IP location created from `trustedIpRanges`, if any. */
  public readonly trustedLocation?: IpNamedLocation;
  /** The member policy: require MFA (or a strength) to register. */
  public readonly members: RequireMfaForSecurityInfoRegistration;
  /** The guest policy: block registration outside trusted locations. */
  public readonly guests: BlockGuestSecurityInfoRegistration;

  /**
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   */
  constructor(scope: Construct, id: string, props: SecureSecurityInfoRegistrationProps) {
    super(scope, id);
    const prefix = props.displayNamePrefix ?? '';
    const imported = props.trustedLocations ?? [];
    const problems = new Problems();
    problems.check(() => {
      if (!props.trustedIpRanges && imported.length === 0) {
        failProp('trustedIpRanges', 'and trustedLocations are both unset; the guest policy blocks registration outside trusted locations, so pass the trusted egress ranges or import the trusted named locations');
      }
    });
    problems.check(() => {
      if (!props.emergencyAccess || (!(props.emergencyAccess.users ?? []).length && !(props.emergencyAccess.groups ?? []).length)) {
        failProp('emergencyAccess', 'names no account; pass the emergency-access users or groups so the baseline can never lock every administrator out');
      }
    });
    problems.throwIfAny(this);
    if (props.trustedIpRanges) {
      this.trustedLocation = recipeInput(this, undefined, { ipRanges: 'trustedIpRanges', displayName: 'trustedLocationName' }, () => new IpNamedLocation(this, 'TrustedLocation', {
        displayName: props.trustedLocationName ?? `${prefix}Trusted networks`,
        ipRanges: props.trustedIpRanges!,
        trusted: true,
      }));
    }
    const trusted: ILocation[] = [Location.ALL_TRUSTED];
    this.members = new RequireMfaForSecurityInfoRegistration(this, 'Members', {
      displayName: props.memberDisplayName ?? `${prefix}${MEMBER_RECIPE_NAME}`,
      state: props.memberState ?? props.state,
      excludeUsers: props.excludeUsers,
      emergencyAccess: props.emergencyAccess,
      authenticationStrength: props.memberAuthenticationStrength,
      onlyOutsideTrustedLocations: props.memberOnlyOutsideTrustedLocations,
      trustedLocations: props.memberOnlyOutsideTrustedLocations ? trusted : undefined,
    });
    this.guests = new BlockGuestSecurityInfoRegistration(this, 'Guests', {
      displayName: props.guestDisplayName ?? `${prefix}${TRUSTED_NETWORKS_RECIPE_NAME}`,
      state: props.guestState ?? props.state,
      emergencyAccess: props.emergencyAccess,
      trustedLocations: trusted,
    });
  }
}
