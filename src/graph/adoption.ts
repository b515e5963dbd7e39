/**
 * Terraform import ids of the objects `--adopt` adopts (provider 3.7.0 resource ids). Internal module.
 */

/** The Terraform import id prefix of a policy: `/identity/conditionalAccess/policies/<id>`. */
export const POLICY_IMPORT_PREFIX = '/identity/conditionalAccess/policies/';

/** The Terraform import id prefix of a named location: `/identity/conditionalAccess/namedLocations/<id>`. */
export const NAMED_LOCATION_IMPORT_PREFIX = '/identity/conditionalAccess/namedLocations/';
