import { FilterProps } from './filter';
import { Principal } from './principal';

/**
 * Service principals a workload identity policy applies to
 * (portal: Users or workload identities > Workload identities). Such a policy
 * includes no users: use `IncludedUsers.none()`.
 */
export interface WorkloadIdentitiesProps {
  /**
   * Include every service principal owned by the tenant (`ServicePrincipalsInMyTenant`).
   * @default false
   */
  readonly allServicePrincipalsInMyTenant?: boolean;
  /**
   * Service principals to include.
   * @default - none
   */
  readonly includeServicePrincipals?: Principal[];
  /**
   * Service principals to exclude.
   * @default - none
   */
  readonly excludeServicePrincipals?: Principal[];
  /**
   * A filter on service principal attributes.
   * @default - no filter
   */
  readonly filter?: FilterProps;
}
