/**
 * Tenant-specific values for the example stacks, read from environment
 * variables. The defaults are clearly fake (all-zero GUIDs, documentation IP
 * ranges from RFC 5737 / RFC 3849) so the examples synthesize anywhere.
 */
export interface TenantConfig {
  /** EMERGENCY_ACCESS_USER_IDS: comma-separated object ids of the break-glass users. */
  readonly emergencyAccessUserIds: string[];
  /** EMERGENCY_ACCESS_GROUP_ID: object id of the group holding the break-glass users. */
  readonly emergencyAccessGroupId: string;
  /** TRUSTED_IP_RANGES: comma-separated public egress CIDR ranges of the organisation. */
  readonly trustedIpRanges: string[];
  /** REGISTRATION_GROUP_ID: object id of the group the "trusted location only" recipe applies to. */
  readonly registrationGroupId: string;
}

function list(name: string, fallback: string): string[] {
  return (process.env[name] ?? fallback).split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** The environment variables `tenantConfig` reads. */
export const TENANT_VARIABLES = ['EMERGENCY_ACCESS_USER_IDS', 'EMERGENCY_ACCESS_GROUP_ID', 'TRUSTED_IP_RANGES', 'REGISTRATION_GROUP_ID'];

/** The tenant configuration from the environment, with the fake defaults for unset variables. */
export function tenantConfig(): TenantConfig {
  return {
    emergencyAccessUserIds: list('EMERGENCY_ACCESS_USER_IDS', '00000000-0000-0000-0000-00000000e001,00000000-0000-0000-0000-00000000e002'),
    emergencyAccessGroupId: process.env.EMERGENCY_ACCESS_GROUP_ID ?? '00000000-0000-0000-0000-00000000e000',
    trustedIpRanges: list('TRUSTED_IP_RANGES', '203.0.113.0/24,2001:db8:1234::/48'),
    registrationGroupId: process.env.REGISTRATION_GROUP_ID ?? '00000000-0000-0000-0000-00000000a001',
  };
}
