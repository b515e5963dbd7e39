/* eslint-disable @stylistic/max-len */
/**
 * A model of what azuread provider 3.7.0 does with a synthesized resource, written from its source at
 * tag v3.7.0 (`conditionalaccess.go` expand/flatten, `conditional_access_policy_resource.go` schema,
 * `named_location_resource.go`, `authentication_strength_policy_resource.go`), with the normalisations
 * Graph documents or is known to apply (GUIDs in lower case, guest types and method combinations in its
 * own order, IP ranges in canonical form):
 *
 *   config --expand--> Graph request --Graph--> Graph response --flatten--> state
 *
 * and of the plan that compares a configuration with a state (SDKv2: an attribute absent from the
 * configuration equals its zero value, except Optional + Computed attributes, which keep the state's).
 * Test code only: the library's own contract checks live in `src/provider/provider-contract.ts`.
 */
import { parseCidr } from '../../src/private/cidr';
import { canonicalCombination } from '../../src/vocabulary/authentication-methods';
import { GUEST_OR_EXTERNAL_USER_TYPES } from '../../src/vocabulary/guest-types';

type Json = Record<string, any>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STRENGTH_PATH = '/policies/authenticationStrengthPolicies/';

/** A nested block as cdktf writes it (an object) or as hand-written JSON does (a one-element list). */
function block(v: unknown): Json | undefined {
  const b = Array.isArray(v) ? v[0] : v;
  return b !== null && typeof b === 'object' ? (b as Json) : undefined;
}

const isExpression = (v: unknown): boolean => typeof v === 'string' && v.includes('${');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
/** Graph stores object ids and returns them in lower case. */
const graphIds = (v: unknown): string[] => strings(v).map((s) => (GUID.test(s) ? s.toLowerCase() : s));

// ---------------------------------------------------------------- azuread_conditional_access_policy

/** Expand (CA:382-667) followed by Graph's normalisations: the policy as Graph returns it. */
export function policyToGraph(config: Json): Json {
  const c = block(config.conditions) ?? {};
  const apps = block(c.applications) ?? {};
  const users = block(c.users) ?? {};
  const guests = (g: unknown) => {
    const b = block(g);
    if (!b) return null;
    const order = GUEST_OR_EXTERNAL_USER_TYPES.terms.map((t) => t.value);
    const types = strings(b.guest_or_external_user_types).sort((x, y) => order.indexOf(x) - order.indexOf(y));
    const tenants = block(b.external_tenants);
    return {
      guestOrExternalUserTypes: types.join(','),
      externalTenants: tenants
        ? tenants.membership_kind === 'all' ? { membershipKind: 'all' } : { membershipKind: tenants.membership_kind, members: graphIds(tenants.members) }
        : null,
    };
  };
  const filter = (f: unknown) => {
    const b = block(f);
    return b ? { mode: b.mode, rule: b.rule } : null;
  };
  const sp = block(c.client_applications);
  const devices = block(c.devices);
  const locations = block(c.locations);
  const platforms = block(c.platforms);
  const flows = strings(c.authentication_flow_transfer_methods);
  const conditions: Json = {
    applications: {
      includeApplications: graphIds(apps.included_applications),
      excludeApplications: graphIds(apps.excluded_applications),
      includeUserActions: strings(apps.included_user_actions),
    },
    authenticationFlows: flows.length > 0 ? { transferMethods: flows.join(',') } : null,
    clientAppTypes: strings(c.client_app_types),
    devices: devices ? { deviceFilter: filter(devices.filter) } : null,
    locations: locations ? { includeLocations: graphIds(locations.included_locations), excludeLocations: graphIds(locations.excluded_locations) } : null,
    platforms: platforms ? { includePlatforms: strings(platforms.included_platforms), excludePlatforms: strings(platforms.excluded_platforms) } : null,
    servicePrincipalRiskLevels: strings(c.service_principal_risk_levels),
    signInRiskLevels: strings(c.sign_in_risk_levels),
    userRiskLevels: strings(c.user_risk_levels),
    users: {
      includeUsers: graphIds(users.included_users),
      excludeUsers: graphIds(users.excluded_users),
      includeGroups: graphIds(users.included_groups),
      excludeGroups: graphIds(users.excluded_groups),
      includeRoles: graphIds(users.included_roles),
      excludeRoles: graphIds(users.excluded_roles),
      includeGuestsOrExternalUsers: guests(users.included_guests_or_external_users),
      excludeGuestsOrExternalUsers: guests(users.excluded_guests_or_external_users),
    },
  };
  // omitempty: absent, not null (CA:418-420, 437-440)
  if (c.insider_risk_levels) conditions.insiderRiskLevels = c.insider_risk_levels;
  if (sp) {
    conditions.clientApplications = {
      includeServicePrincipals: graphIds(sp.included_service_principals),
      excludeServicePrincipals: graphIds(sp.excluded_service_principals),
      servicePrincipalFilter: filter(sp.filter),
    };
  }
  const g = block(config.grant_controls);
  const grantControls = g ? {
    operator: g.operator,
    builtInControls: strings(g.built_in_controls),
    customAuthenticationFactors: strings(g.custom_authentication_factors),
    termsOfUse: graphIds(g.terms_of_use),
    // only the last segment is sent; Graph returns the id it stores, in lower case
    // a reference (`${azuread_authentication_strength_policy.x.id}`) resolves to the id Graph returns: kept as is
    authenticationStrength: g.authentication_strength_policy_id
      ? { id: isExpression(g.authentication_strength_policy_id) ? g.authentication_strength_policy_id : String(g.authentication_strength_policy_id).split('/').pop()!.toLowerCase() }
      : null,
  } : null;
  return { displayName: config.display_name, state: config.state, conditions, grantControls, sessionControls: sessionToGraph(block(config.session_controls)) };
}

/** CA:594-667, step by step. */
function sessionToGraph(s: Json | undefined): Json | null {
  if (!s) return null;
  const out: Json = {};
  if (s.cloud_app_security_policy) out.cloudAppSecurity = { isEnabled: true, cloudAppSecurityType: s.cloud_app_security_policy };
  if (s.persistent_browser_mode) out.persistentBrowser = { isEnabled: true, mode: s.persistent_browser_mode };
  const sif: Json = {};
  if (typeof s.sign_in_frequency === 'number' && s.sign_in_frequency > 0) {
    Object.assign(sif, { isEnabled: true, type: s.sign_in_frequency_period, value: s.sign_in_frequency, authenticationType: 'primaryAndSecondaryAuthentication', frequencyInterval: 'timeBased' });
  }
  if (s.sign_in_frequency_authentication_type) sif.authenticationType = s.sign_in_frequency_authentication_type;
  if (s.sign_in_frequency_interval) {
    sif.isEnabled = true;
    sif.authenticationType = s.sign_in_frequency_authentication_type || 'primaryAndSecondaryAuthentication';
    sif.frequencyInterval = s.sign_in_frequency_interval;
  }
  const everyTime = sif.frequencyInterval === 'everyTime';
  if (!everyTime) {
    // issue #1225: both are left out with every time
    out.applicationEnforcedRestrictions = { isEnabled: s.application_enforced_restrictions_enabled === true };
    out.disableResilienceDefaults = s.disable_resilience_defaults === true;
  }
  const sifIncluded = sif.isEnabled === true || (sif.frequencyInterval !== undefined && sif.frequencyInterval !== 'timeBased')
    || (sif.authenticationType !== undefined && sif.authenticationType !== 'primaryAndSecondaryAuthentication');
  if (sifIncluded) out.signInFrequency = sif;
  const ineffectual = out.applicationEnforcedRestrictions?.isEnabled !== true && out.cloudAppSecurity === undefined
    && out.disableResilienceDefaults !== true && out.persistentBrowser === undefined && out.signInFrequency === undefined;
  return ineffectual ? null : out;
}

/** Flatten (CAP:739-771; CA:40-380): the state the provider writes from Graph's response. */
export function policyFromGraph(g: Json): Json {
  const c = g.conditions;
  const guests = (x: Json | null) => (x ? [{
    guest_or_external_user_types: String(x.guestOrExternalUserTypes ?? '').split(',').map((t) => t.trim()),
    external_tenants: x.externalTenants ? [{ membership_kind: x.externalTenants.membershipKind, members: x.externalTenants.members ?? [] }] : [],
  }] : []);
  const filter = (f: Json | null | undefined) => (f ? [{ mode: f.mode, rule: f.rule }] : []);
  const s = g.sessionControls;
  const sif = s?.signInFrequency;
  return {
    display_name: g.displayName,
    state: g.state,
    conditions: [{
      applications: [{ included_applications: c.applications.includeApplications, excluded_applications: c.applications.excludeApplications, included_user_actions: c.applications.includeUserActions }],
      authentication_flow_transfer_methods: c.authenticationFlows?.transferMethods ? String(c.authenticationFlows.transferMethods).split(',') : [],
      client_app_types: c.clientAppTypes,
      client_applications: c.clientApplications ? [{
        included_service_principals: c.clientApplications.includeServicePrincipals,
        excluded_service_principals: c.clientApplications.excludeServicePrincipals,
        filter: filter(c.clientApplications.servicePrincipalFilter),
      }] : [],
      devices: c.devices ? [{ filter: filter(c.devices.deviceFilter) }] : [],
      locations: c.locations ? [{ included_locations: c.locations.includeLocations, excluded_locations: c.locations.excludeLocations }] : [],
      platforms: c.platforms ? [{ included_platforms: c.platforms.includePlatforms, excluded_platforms: c.platforms.excludePlatforms }] : [],
      service_principal_risk_levels: c.servicePrincipalRiskLevels,
      sign_in_risk_levels: c.signInRiskLevels,
      user_risk_levels: c.userRiskLevels,
      insider_risk_levels: c.insiderRiskLevels ?? '',
      users: [{
        included_users: c.users.includeUsers,
        excluded_users: c.users.excludeUsers,
        included_groups: c.users.includeGroups,
        excluded_groups: c.users.excludeGroups,
        included_roles: c.users.includeRoles,
        excluded_roles: c.users.excludeRoles,
        included_guests_or_external_users: guests(c.users.includeGuestsOrExternalUsers),
        excluded_guests_or_external_users: guests(c.users.excludeGuestsOrExternalUsers),
      }],
    }],
    grant_controls: g.grantControls ? [{
      operator: g.grantControls.operator ?? '',
      built_in_controls: g.grantControls.builtInControls,
      custom_authentication_factors: g.grantControls.customAuthenticationFactors,
      terms_of_use: g.grantControls.termsOfUse,
      authentication_strength_policy_id: !g.grantControls.authenticationStrength ? ''
        : isExpression(g.grantControls.authenticationStrength.id) ? g.grantControls.authenticationStrength.id : `${STRENGTH_PATH}${g.grantControls.authenticationStrength.id}`,
    }] : [],
    session_controls: s ? [{
      application_enforced_restrictions_enabled: s.applicationEnforcedRestrictions?.isEnabled ?? false,
      cloud_app_security_policy: s.cloudAppSecurity?.cloudAppSecurityType ?? '',
      disable_resilience_defaults: s.disableResilienceDefaults ?? false,
      persistent_browser_mode: s.persistentBrowser?.mode ?? '',
      sign_in_frequency: sif?.value != null && sif?.type != null ? sif.value : 0,
      sign_in_frequency_period: sif?.value != null && sif?.type != null ? sif.type : '',
      sign_in_frequency_authentication_type: sif?.authenticationType ?? '',
      sign_in_frequency_interval: sif?.frequencyInterval ?? '',
    }] : [],
  };
}

/** The policy attributes that are Optional + Computed (CAP:407-412, 506-518): absent in config, the state's value stays. */
export const POLICY_OPTIONAL_COMPUTED = ['conditions.insider_risk_levels', 'session_controls.sign_in_frequency_authentication_type', 'session_controls.sign_in_frequency_interval'];

/** The policy's set-typed attributes (order does not matter). */
const POLICY_SETS = ['conditions.authentication_flow_transfer_methods'];

// ---------------------------------------------------------------- azuread_named_location

/** Expand, Graph, flatten (NL:242-284; CA:304-366) of a named location. */
export function namedLocationReadBack(config: Json): Json {
  const ip = block(config.ip);
  const country = block(config.country);
  return {
    display_name: config.display_name,
    ip: ip ? [{ ip_ranges: strings(ip.ip_ranges).map((r) => parseCidr('ip_ranges', r).canonical), trusted: ip.trusted === true }] : [],
    country: country ? [{
      countries_and_regions: strings(country.countries_and_regions),
      include_unknown_countries_and_regions: country.include_unknown_countries_and_regions === true,
      country_lookup_method: country.country_lookup_method ?? 'clientIpAddress',
    }] : [],
  };
}

/** Optional + Computed named location attributes. */
export const NAMED_LOCATION_OPTIONAL_COMPUTED = ['country.country_lookup_method'];

// ---------------------------------------------------------------- azuread_authentication_strength_policy

/** Expand, Graph, flatten (ASP:185-216) of a custom authentication strength. */
export function strengthReadBack(config: Json): Json {
  return {
    display_name: config.display_name,
    description: config.description ?? '',
    allowed_combinations: strings(config.allowed_combinations).map(canonicalCombination),
  };
}

// ---------------------------------------------------------------- the plan

/** A configuration against a state: the attribute paths the plan would show as changed. */
export function planDiff(config: Json, state: Json, optionalComputed: readonly string[] = POLICY_OPTIONAL_COMPUTED, sets: readonly string[] = POLICY_SETS): string[] {
  const out: string[] = [];
  walk(config, state, '', out, optionalComputed, sets);
  return out;
}

function isZero(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.every(isZero);
  if (typeof v === 'object') return Object.values(v as Json).every(isZero);
  return false;
}

function walk(config: unknown, state: unknown, path: string, out: string[], oc: readonly string[], sets: readonly string[]): void {
  if (config === undefined || config === null) {
    if (oc.includes(path)) return; // Optional + Computed: the state's value is kept
    if (!isZero(state)) out.push(path);
    return;
  }
  const cb = typeof config === 'object' && !Array.isArray(config) ? config as Json : Array.isArray(config) && config.length > 0 && typeof config[0] === 'object' ? config[0] as Json : undefined;
  const sb = Array.isArray(state) ? (typeof state[0] === 'object' ? state[0] as Json : undefined) : typeof state === 'object' && state !== null ? state as Json : undefined;
  if (cb !== undefined) {
    if (sb === undefined) {
      if (!isZero(cb)) out.push(path);
      return;
    }
    for (const key of new Set([...Object.keys(cb), ...Object.keys(sb)])) {
      walk(cb[key], sb[key], path ? `${path}.${key}` : key, out, oc, sets);
    }
    return;
  }
  if (Array.isArray(config)) {
    const c = config.map(String);
    const s = Array.isArray(state) ? state.map(String) : [];
    const same = sets.includes(path) ? [...c].sort().join('\n') === [...s].sort().join('\n') : c.join('\n') === s.join('\n');
    if (!same) out.push(path);
    return;
  }
  if (config !== state && !(isZero(config) && isZero(state))) out.push(path);
}

/** What the state is after applying `config` over a previous `state` (Optional + Computed values absent from config are kept). */
export function applyOver(config: Json, previous: Json | undefined, readBack: (c: Json) => Json, oc: readonly string[] = POLICY_OPTIONAL_COMPUTED): Json {
  const effective: Json = JSON.parse(JSON.stringify(config));
  for (const p of oc) {
    const [outer, inner] = p.split('.');
    const prev = previous ? block(previous[outer])?.[inner] : undefined;
    const target = block(effective[outer]);
    if (target && target[inner] === undefined && prev !== undefined && prev !== '') target[inner] = prev;
  }
  return readBack(effective);
}
