/**
 * The policy model → Microsoft Graph v1.0 JSON, the shape `GET /identity/conditionalAccess/policies`
 * returns (every property present, `null` for an absent block, comma-joined flags), with the
 * `@odata.type` annotations Graph requires on a POST (named locations, their ranges, external
 * tenants). Values only known at apply time (Terraform references) stay in place as
 * `${...}` text and are listed. Internal module.
 */
import { AuthenticationStrengthModel, GuestsOrExternalUsersModel, NamedLocationModel, PolicyModel } from '../model/model';
import { isExpression } from '../model/references';
import { Json } from '../private/json';
import { AUTHENTICATION_STRENGTH_PATH } from '../vocabulary/authentication-strengths';

/** Resolves a Terraform reference found at `path` of an object, or returns it unchanged (and lists it). */
export type ResolveReference = (value: string, path: string) => string;

const ODATA = '@odata.type';

/** What the export writes for a value the model only knows as "set at apply time" (no expression text). */
export const APPLY_TIME_VALUE = '${apply-time value}';

/** A policy as Graph v1.0 JSON. */
export function policyToGraph(p: PolicyModel, resolve: ResolveReference): Json {
  const c = p.conditions;
  const list = (values: string[], path: string): string[] => values.map((v, i) => (isExpression(v) ? resolve(v, `${path}[${i}]`) : v));
  const users = c.users;
  const out: Json = { [ODATA]: '#microsoft.graph.conditionalAccessPolicy' };
  if (p.id) out.id = p.id;
  out.displayName = p.displayName;
  out.state = p.state;
  out.conditions = {
    applications: {
      includeApplications: list(c.applications.includeApplications, 'conditions.applications.includeApplications'),
      excludeApplications: list(c.applications.excludeApplications, 'conditions.applications.excludeApplications'),
      includeUserActions: list(c.applications.includeUserActions, 'conditions.applications.includeUserActions'),
    },
    users: users ? {
      includeUsers: list(users.includeUsers, 'conditions.users.includeUsers'),
      excludeUsers: list(users.excludeUsers, 'conditions.users.excludeUsers'),
      includeGroups: list(users.includeGroups, 'conditions.users.includeGroups'),
      excludeGroups: list(users.excludeGroups, 'conditions.users.excludeGroups'),
      includeRoles: list(users.includeRoles, 'conditions.users.includeRoles'),
      excludeRoles: list(users.excludeRoles, 'conditions.users.excludeRoles'),
      includeGuestsOrExternalUsers: guests(users.includeGuestsOrExternalUsers, 'conditions.users.includeGuestsOrExternalUsers', resolve),
      excludeGuestsOrExternalUsers: guests(users.excludeGuestsOrExternalUsers, 'conditions.users.excludeGuestsOrExternalUsers', resolve),
    } : null,
    clientApplications: c.clientApplications ? {
      includeServicePrincipals: list(c.clientApplications.includeServicePrincipals, 'conditions.clientApplications.includeServicePrincipals'),
      excludeServicePrincipals: list(c.clientApplications.excludeServicePrincipals, 'conditions.clientApplications.excludeServicePrincipals'),
      servicePrincipalFilter: c.clientApplications.servicePrincipalFilter ? { ...c.clientApplications.servicePrincipalFilter } : null,
    } : null,
    clientAppTypes: [...c.clientAppTypes],
    platforms: c.platforms ? { includePlatforms: [...c.platforms.includePlatforms], excludePlatforms: [...c.platforms.excludePlatforms] } : null,
    locations: c.locations ? {
      includeLocations: list(c.locations.includeLocations, 'conditions.locations.includeLocations'),
      excludeLocations: list(c.locations.excludeLocations, 'conditions.locations.excludeLocations'),
    } : null,
    devices: c.deviceFilter ? { deviceFilter: { mode: c.deviceFilter.mode, rule: c.deviceFilter.rule } } : null,
    signInRiskLevels: [...c.signInRiskLevels],
    userRiskLevels: [...c.userRiskLevels],
    servicePrincipalRiskLevels: [...c.servicePrincipalRiskLevels],
    insiderRiskLevels: c.insiderRiskLevels.length > 0 ? c.insiderRiskLevels.join(',') : null,
    authenticationFlows: c.transferMethods.length > 0 ? { transferMethods: c.transferMethods.join(',') } : null,
  };
  const g = p.grantControls;
  out.grantControls = g ? {
    operator: g.operator,
    builtInControls: [...g.builtInControls],
    customAuthenticationFactors: list(g.customAuthenticationFactors, 'grantControls.customAuthenticationFactors'),
    termsOfUse: list(g.termsOfUse, 'grantControls.termsOfUse'),
    authenticationStrength: g.authenticationStrength ? { id: strengthId(g.authenticationStrength.id, resolve) } : null,
  } : null;
  const s = p.sessionControls;
  const f = s?.signInFrequency;
  out.sessionControls = s ? {
    applicationEnforcedRestrictions: s.applicationEnforcedRestrictions ? { isEnabled: true } : null,
    cloudAppSecurity: s.cloudAppSecurityType ? { isEnabled: true, cloudAppSecurityType: s.cloudAppSecurityType } : null,
    persistentBrowser: s.persistentBrowserMode ? { isEnabled: true, mode: s.persistentBrowserMode } : null,
    signInFrequency: f ? {
      isEnabled: f.isEnabled,
      type: f.type ?? null,
      value: f.value ?? (p.unresolved?.includes('sessionControls.signInFrequency.value') ? resolve(APPLY_TIME_VALUE, 'sessionControls.signInFrequency.value') : null),
      authenticationType: f.authenticationType ?? null,
      frequencyInterval: f.frequencyInterval ?? null,
    } : null,
    disableResilienceDefaults: s.disableResilienceDefaults ?? (f?.frequencyInterval === 'everyTime' ? null : false),
  } : null;
  return out;
}

/** The bare id Graph takes in `authenticationStrength.id` (the provider sends only the last segment). */
function strengthId(value: string, resolve: ResolveReference): string {
  if (isExpression(value)) {
    const resolved = resolve(value, 'grantControls.authenticationStrength.id');
    return resolved.startsWith(AUTHENTICATION_STRENGTH_PATH) ? resolved.slice(AUTHENTICATION_STRENGTH_PATH.length) : resolved;
  }
  return value.startsWith(AUTHENTICATION_STRENGTH_PATH) ? value.slice(AUTHENTICATION_STRENGTH_PATH.length) : value;
}

function guests(g: GuestsOrExternalUsersModel | undefined, path: string, resolve: ResolveReference): Json | null {
  if (!g) return null;
  const members = g.members.map((m, i) => (isExpression(m) ? resolve(m, `${path}.externalTenants.members[${i}]`) : m));
  return {
    guestOrExternalUserTypes: g.guestOrExternalUserTypes.join(','),
    externalTenants: g.membershipKind === 'enumerated'
      ? { [ODATA]: '#microsoft.graph.conditionalAccessEnumeratedExternalTenants', membershipKind: 'enumerated', members }
      : { [ODATA]: '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: g.membershipKind },
  };
}

/** A named location as Graph v1.0 JSON; undefined for a resource with neither an `ip` nor a `country` block. */
export function namedLocationToGraph(l: NamedLocationModel, resolve: ResolveReference): Json | undefined {
  const head: Json = {};
  if (l.id) head.id = l.id;
  head.displayName = l.displayName;
  if (l.kind === 'ip') {
    return {
      [ODATA]: '#microsoft.graph.ipNamedLocation',
      ...head,
      isTrusted: l.isTrusted ?? resolve(APPLY_TIME_VALUE, 'isTrusted'),
      ipRanges: l.ipRanges.map((r, i) => {
        const cidr = isExpression(r) ? resolve(r, `ipRanges[${i}].cidrAddress`) : r;
        return { [ODATA]: cidr.includes(':') ? '#microsoft.graph.iPv6CidrRange' : '#microsoft.graph.iPv4CidrRange', cidrAddress: cidr };
      }),
    };
  }
  if (l.kind === 'country') {
    return {
      [ODATA]: '#microsoft.graph.countryNamedLocation',
      ...head,
      countriesAndRegions: l.countriesAndRegions.map((c, i) => (isExpression(c) ? resolve(c, `countriesAndRegions[${i}]`) : c)),
      includeUnknownCountriesAndRegions: l.includeUnknownCountriesAndRegions ?? resolve(APPLY_TIME_VALUE, 'includeUnknownCountriesAndRegions'),
      countryLookupMethod: l.countryLookupMethod,
    };
  }
  return undefined;
}

/** A custom authentication strength as Graph v1.0 JSON. */
export function strengthToGraph(s: AuthenticationStrengthModel): Json {
  const out: Json = { [ODATA]: '#microsoft.graph.authenticationStrengthPolicy' };
  if (s.id) out.id = s.id;
  out.displayName = s.displayName;
  out.description = s.description ?? null;
  out.allowedCombinations = [...s.allowedCombinations];
  return out;
}
