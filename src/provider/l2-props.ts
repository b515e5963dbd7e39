/**
 * Which L2 construct prop writes which provider attribute, so that a contract problem on a resource
 * of the library's constructs names the prop the user set. Internal module.
 */

/** Attribute path prefix (most specific first) → L2 prop, per resource type. */
const PROPS: { readonly [type: string]: ReadonlyArray<readonly [string, string]> } = {
  azuread_conditional_access_policy: [
    ['display_name', 'displayName'],
    ['state', 'state'],
    ['conditions.client_app_types', 'clientAppTypes'],
    ['conditions.platforms.included_platforms', 'includePlatforms'],
    ['conditions.platforms.excluded_platforms', 'excludePlatforms'],
    ['conditions.sign_in_risk_levels', 'signInRiskLevels'],
    ['conditions.user_risk_levels', 'userRiskLevels'],
    ['conditions.service_principal_risk_levels', 'servicePrincipalRiskLevels'],
    ['conditions.insider_risk_levels', 'insiderRiskLevel'],
    ['conditions.authentication_flow_transfer_methods', 'authenticationFlows'],
    ['conditions.devices.filter', 'deviceFilter'],
    ['conditions.client_applications.filter', 'workloadIdentities.filter'],
    ['conditions.client_applications', 'workloadIdentities'],
    ['conditions.locations.included_locations', 'includeLocations'],
    ['conditions.locations.excluded_locations', 'excludeLocations'],
    ['conditions.users.included', 'includeUsers'],
    ['conditions.users.excluded', 'excludeUsers'],
    ['conditions.users', 'includeUsers'],
    ['conditions.applications', 'target'],
    ['grant_controls.built_in_controls', 'grant.builtInControls'],
    ['grant_controls.authentication_strength_policy_id', 'grant.authenticationStrength'],
    ['grant_controls.custom_authentication_factors', 'grant.customAuthenticationFactors'],
    ['grant_controls.terms_of_use', 'grant.termsOfUse'],
    ['grant_controls', 'grant'],
    ['session_controls.cloud_app_security_policy', 'session.cloudAppSecurityPolicy'],
    ['session_controls.persistent_browser_mode', 'session.persistentBrowserMode'],
    ['session_controls.application_enforced_restrictions_enabled', 'session.applicationEnforcedRestrictions'],
    ['session_controls.disable_resilience_defaults', 'session.disableResilienceDefaults'],
    ['session_controls.sign_in_frequency', 'session.signInFrequency'],
    ['session_controls', 'session'],
  ],
  azuread_named_location: [
    ['display_name', 'displayName'],
    ['ip.ip_ranges', 'ipRanges'],
    ['ip.trusted', 'trusted'],
    ['country.countries_and_regions', 'countriesAndRegions'],
    ['country.include_unknown_countries_and_regions', 'includeUnknownCountriesAndRegions'],
    ['country.country_lookup_method', 'countryLookupMethod'],
  ],
  azuread_authentication_strength_policy: [
    ['display_name', 'displayName'],
    ['description', 'description'],
    ['allowed_combinations', 'allowedCombinations'],
  ],
};

/** The L2 prop that writes an attribute (`clientAppTypes` for `conditions.client_app_types[1]`), or undefined. */
export function l2PropOf(type: string, attribute: string): string | undefined {
  return (PROPS[type] ?? []).find(([prefix]) => attribute === prefix || attribute.startsWith(`${prefix}[`) || attribute.startsWith(`${prefix}.`) || attribute.startsWith(`${prefix}_`))?.[1];
}
