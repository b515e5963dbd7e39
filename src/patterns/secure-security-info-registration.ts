import { Construct } from 'constructs';
import { BlockGuestSecurityInfoRegistration } from './block-guest-security-info-registration';
import { RequireMfaForSecurityInfoRegistration } from './require-mfa-for-security-info-registration';
import { MEMBER_RECIPE_NAME, TRUSTED_NETWORKS_RECIPE_NAME } from './security-info-registration';
import { IAuthenticationStrength } from '../authentication-strength/authentication-strength';
import { IpNamedLocation } from '../locations/ip-named-location';
import { ILocation, Location } from '../locations/location';
import { INamedLocation } from '../locations/named-location';
import { EmergencyAccessAccounts } from '../policy/emergency-access-accounts';
import { PolicyState } from '../policy/policy-state';
import { failProp } from '../private/validation';

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
   * State of both policies.
   * @default PolicyState.REPORT_ONLY
   */
  readonly state?: PolicyState;
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
    if (!props.trustedIpRanges && imported.length === 0) {
      failProp('trustedIpRanges', 'and trustedLocations are both unset; the guest policy blocks registration outside trusted locations, so pass the trusted egress ranges or import the trusted named locations');
    }
    if (!props.emergencyAccess || (!(props.emergencyAccess.users ?? []).length && !(props.emergencyAccess.groups ?? []).length)) {
      failProp('emergencyAccess', 'names no account; pass the emergency-access users or groups so the baseline can never lock every administrator out');
    }
    if (props.trustedIpRanges) {
      this.trustedLocation = new IpNamedLocation(this, 'TrustedLocation', {
        displayName: props.trustedLocationName ?? `${prefix}Trusted networks`,
        ipRanges: props.trustedIpRanges,
        trusted: true,
      });
    }
    const trusted: ILocation[] = [Location.ALL_TRUSTED];
    this.members = new RequireMfaForSecurityInfoRegistration(this, 'Members', {
      displayName: `${prefix}${MEMBER_RECIPE_NAME}`,
      state: props.state,
      emergencyAccess: props.emergencyAccess,
      authenticationStrength: props.memberAuthenticationStrength,
      onlyOutsideTrustedLocations: props.memberOnlyOutsideTrustedLocations,
      trustedLocations: props.memberOnlyOutsideTrustedLocations ? trusted : undefined,
    });
    this.guests = new BlockGuestSecurityInfoRegistration(this, 'Guests', {
      displayName: `${prefix}${TRUSTED_NETWORKS_RECIPE_NAME}`,
      state: props.state,
      emergencyAccess: props.emergencyAccess,
      trustedLocations: trusted,
    });
  }
}
