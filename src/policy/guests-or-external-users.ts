import { failProp, isToken, Problems, validateGuid, validateProviderValue } from '../private/validation';
import { GUEST_OR_EXTERNAL_USER_TYPES } from '../vocabulary/guest-types';

/**
 * A kind of guest or external user (portal: Users > Guest or external users).
 */
export class GuestOrExternalUserType {
  /** Local guest users (internal users whose user type is guest). */
  public static readonly INTERNAL_GUEST = new GuestOrExternalUserType(GUEST_OR_EXTERNAL_USER_TYPES.value('INTERNAL_GUEST'));
  /** B2B collaboration guest users. */
  public static readonly B2B_COLLABORATION_GUEST = new GuestOrExternalUserType(GUEST_OR_EXTERNAL_USER_TYPES.value('B2B_COLLABORATION_GUEST'));
  /** B2B collaboration member users. */
  public static readonly B2B_COLLABORATION_MEMBER = new GuestOrExternalUserType(GUEST_OR_EXTERNAL_USER_TYPES.value('B2B_COLLABORATION_MEMBER'));
  /** B2B direct connect users. */
  public static readonly B2B_DIRECT_CONNECT_USER = new GuestOrExternalUserType(GUEST_OR_EXTERNAL_USER_TYPES.value('B2B_DIRECT_CONNECT_USER'));
  /** Other external users. */
  public static readonly OTHER_EXTERNAL_USER = new GuestOrExternalUserType(GUEST_OR_EXTERNAL_USER_TYPES.value('OTHER_EXTERNAL_USER'));
  /** Service provider users (e.g. partners with delegated admin privileges). */
  public static readonly SERVICE_PROVIDER = new GuestOrExternalUserType(GUEST_OR_EXTERNAL_USER_TYPES.value('SERVICE_PROVIDER'));

  /** Every documented guest or external user type, in Graph's order. */
  public static all(): GuestOrExternalUserType[] {
    return [
      GuestOrExternalUserType.INTERNAL_GUEST,
      GuestOrExternalUserType.B2B_COLLABORATION_GUEST,
      GuestOrExternalUserType.B2B_COLLABORATION_MEMBER,
      GuestOrExternalUserType.B2B_DIRECT_CONNECT_USER,
      GuestOrExternalUserType.OTHER_EXTERNAL_USER,
      GuestOrExternalUserType.SERVICE_PROVIDER,
    ];
  }

  /**
   * Escape hatch for a value newer than this library. The value is passed through unchecked.
   * @param value the Graph `guestOrExternalUserTypes` flag
   */
  public static of(value: string): GuestOrExternalUserType {
    return new GuestOrExternalUserType(value);
  }

  /**
   * @param value the Graph `guestOrExternalUserTypes` flag
   */
  private constructor(public readonly value: string) {}

  /**
   * Position in Graph's flag order: the provider joins the types with "," and Graph returns them in
   * this order, so any other order shows as a diff. Values the table does not know come last.
   * @internal
   */
  public get _order(): number {
    const i = GUEST_OR_EXTERNAL_USER_TYPES.terms.findIndex((t) => t.value === this.value);
    return i < 0 ? GUEST_OR_EXTERNAL_USER_TYPES.terms.length : i;
  }
}

/**
 * Which external Entra tenants the guest or external users come from.
 */
export class ExternalTenants {
  /** Users from any external tenant. */
  public static all(): ExternalTenants {
    return new ExternalTenants('all', []);
  }

  /**
   * Users from the listed external tenants only. With no tenant id it selects users from no tenant:
   * Graph and azuread provider 3.7.0 accept an empty `members` list (real tenants hold such
   * policies), so it is accepted; lint rule CA13 reports it.
   * @param tenantIds the tenant ids (GUIDs)
   */
  public static enumerated(...tenantIds: string[]): ExternalTenants {
    return new ExternalTenants('enumerated', tenantIds.map((t, i) => validateGuid(`externalTenants[${i}]`, t, "the external tenant's id")));
  }

  /**
   * @param membershipKind `all` or `enumerated`
   * @param members the tenant ids when enumerated
   */
  private constructor(public readonly membershipKind: string, public readonly members: string[]) {}
}

/**
 * Guest and external user types, and the tenants they come from.
 */
export interface GuestsOrExternalUsersProps {
  /** The guest or external user types. Must not be empty. */
  readonly types: GuestOrExternalUserType[];
  /**
   * The external tenants the users come from.
   * @default ExternalTenants.all()
   */
  readonly externalTenants?: ExternalTenants;
}

/**
 * Guest or external users a policy includes or excludes.
 */
export class GuestsOrExternalUsers {
  /**
   * "All guest and external users": the special `GuestsOrExternalUsers` value
   * of `includeUsers` / `excludeUsers`, as the documented recipes use it.
   */
  public static readonly ALL = new GuestsOrExternalUsers(undefined);

  /**
   * Selected guest or external user types, optionally from selected tenants
   * (the structured `includeGuestsOrExternalUsers` / `excludeGuestsOrExternalUsers` block).
   * @param props the types and tenants
   */
  public static of(props: GuestsOrExternalUsersProps): GuestsOrExternalUsers {
    if (!isToken(props.types) && (!props.types || props.types.length === 0)) {
      failProp('guestsOrExternalUsers.types', 'is empty; pass at least one GuestOrExternalUserType, or use GuestsOrExternalUsers.ALL');
    }
    if (!isToken(props.types)) {
      const problems = new Problems();
      const accepted = GUEST_OR_EXTERNAL_USER_TYPES.providerValues;
      problems.each(props.types, (t, i) => validateProviderValue(`guestsOrExternalUsers.types[${i}]`, t.value, { accepted, className: 'GuestOrExternalUserType' }));
      problems.throwIfAnyWithoutScope();
    }
    return new GuestsOrExternalUsers(props);
  }

  /**
   * @param props the structured selection, or undefined for the special "all" value
   */
  private constructor(private readonly props: GuestsOrExternalUsersProps | undefined) {}

  /**
   * True for {@link GuestsOrExternalUsers.ALL}, which is rendered as the special
   * `GuestsOrExternalUsers` user value rather than as a structured block.
   */
  public get isAll(): boolean {
    return this.props === undefined;
  }

  /** @internal the provider block, or undefined for the special value */
  public _renderBlock(): { guestOrExternalUserTypes: string[]; externalTenants: { membershipKind: string; members?: string[] }[] } | undefined {
    if (!this.props) return undefined;
    const types = [...new Map(this.props.types.map((t) => [t.value, t])).values()]
      .sort((a, b) => a._order - b._order || a.value.localeCompare(b.value))
      .map((t) => t.value);
    const tenants = this.props.externalTenants ?? ExternalTenants.all();
    return {
      guestOrExternalUserTypes: types,
      externalTenants: [{
        membershipKind: tenants.membershipKind,
        // No members (enumerated from no tenant) are left out rather than written as []: provider 3.7.0 sends an
        // empty list either way (expandExternalTenants), and an empty list in the config is what provider #1150 diffs on.
        members: tenants.membershipKind === 'enumerated' && tenants.members.length > 0 ? [...new Set(tenants.members)].sort() : undefined,
      }],
    };
  }

  /** @internal the guest types this selection covers (all of them for ALL) */
  public get _types(): string[] {
    return this.props ? this.props.types.map((t) => t.value) : GuestOrExternalUserType.all().map((t) => t.value);
  }
}
