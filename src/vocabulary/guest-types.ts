import { Vocabulary } from './vocabulary';

/**
 * Guest or external user types (Graph `conditionalAccessGuestOrExternalUserTypes`, a flags enum: the
 * table order is Graph's flag order, which is the order the provider must emit them in).
 */
export const GUEST_OR_EXTERNAL_USER_TYPES = new Vocabulary('guest or external user type', {
  // not a policy value in Graph's docs, but provider 3.7.0's StringInSlice takes it
  NONE: { value: 'none', label: 'Member (not a guest)', policy: false, provider: true },
  INTERNAL_GUEST: { value: 'internalGuest', label: 'Local guest users' },
  B2B_COLLABORATION_GUEST: { value: 'b2bCollaborationGuest', label: 'B2B collaboration guest users' },
  B2B_COLLABORATION_MEMBER: { value: 'b2bCollaborationMember', label: 'B2B collaboration member users' },
  B2B_DIRECT_CONNECT_USER: { value: 'b2bDirectConnectUser', label: 'B2B direct connect users' },
  OTHER_EXTERNAL_USER: { value: 'otherExternalUser', label: 'Other external users' },
  SERVICE_PROVIDER: { value: 'serviceProvider', label: 'Service provider users' },
  UNKNOWN_FUTURE_VALUE: { value: 'unknownFutureValue', label: 'Unknown future value', policy: false },
});

/** `externalTenants.membershipKind` (Graph `conditionalAccessExternalTenantsMembershipKind`). */
export const EXTERNAL_TENANTS_MEMBERSHIP_KINDS = new Vocabulary('external tenants membership kind', {
  ALL: { value: 'all', label: 'All external tenants' },
  ENUMERATED: { value: 'enumerated', label: 'Selected external tenants' },
});
