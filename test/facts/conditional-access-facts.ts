/**
 * One checker for the facts in `/work/shared/reference/conditional-access-facts.md`
 * (provider azuread 3.7.0, Microsoft Graph v1.0, Microsoft Learn), applied to
 * synthesized Terraform JSON: the string or parsed object that `Testing.synth`
 * returns, or a parsed `cdk.tf.json`.
 *
 * Every `azuread_conditional_access_policy`, `azuread_named_location` and
 * `azuread_authentication_strength_policy` is checked; each broken fact is one
 * {@link FactViolation}. Unresolved Terraform expressions (`${...}`) are opaque
 * and pass, except references whose shape is itself a known mistake (a named
 * location's path `id` instead of its `object_id`, provider #1504).
 *
 * This is a test helper, not a test file.
 */
import * as ipaddr from 'ipaddr.js';

/** One broken fact on one resource. */
export interface FactViolation {
  /** `type.name` of the resource, or `(stack)` for tenant-wide facts. */
  readonly resource: string;
  /** Stable id of the fact, e.g. `grant.block-alone`. */
  readonly fact: string;
  /** What is wrong, with the offending value. */
  readonly message: string;
}

// ---------------------------------------------------------------------------
// The facts, as data
// ---------------------------------------------------------------------------

export const POLICY_STATES = ['enabled', 'disabled', 'enabledForReportingButNotEnforced'];
export const CLIENT_APP_TYPES = ['all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other'];
export const APPLICATION_SPECIALS_INCLUDE = ['All', 'Office365', 'MicrosoftAdminPortals', 'None'];
export const APPLICATION_SPECIALS_EXCLUDE = ['Office365', 'MicrosoftAdminPortals'];
export const USER_ACTIONS = ['urn:user:registersecurityinfo', 'urn:user:registerdevice'];
export const INCLUDED_USER_SPECIALS = ['All', 'None', 'GuestsOrExternalUsers'];
export const EXCLUDED_USER_SPECIALS = ['GuestsOrExternalUsers'];
/** In Graph's flag order: the provider joins them with "," and a reordering shows as a diff. */
export const GUEST_TYPES_IN_GRAPH_ORDER = [
  'internalGuest', 'b2bCollaborationGuest', 'b2bCollaborationMember', 'b2bDirectConnectUser', 'otherExternalUser', 'serviceProvider',
];
export const MEMBERSHIP_KINDS = ['all', 'enumerated'];
export const LOCATION_SPECIALS = ['All', 'AllTrusted'];
export const PLATFORMS = ['all', 'android', 'iOS', 'linux', 'macOS', 'windows', 'windowsPhone'];
export const RISK_LEVELS = ['low', 'medium', 'high', 'hidden', 'none'];
export const INSIDER_RISK_LEVELS = ['minor', 'moderate', 'elevated'];
export const AUTHENTICATION_FLOWS = ['authenticationTransfer', 'deviceCodeFlow'];
export const FILTER_MODES = ['include', 'exclude'];
export const GRANT_OPERATORS = ['AND', 'OR'];
export const BUILT_IN_CONTROLS = ['block', 'mfa', 'compliantDevice', 'domainJoinedDevice', 'approvedApplication', 'compliantApplication', 'passwordChange'];
export const STRENGTH_PATH = '/policies/authenticationStrengthPolicies/';
export const SIGN_IN_FREQUENCY_PERIODS = ['days', 'hours'];
export const SIGN_IN_FREQUENCY_INTERVALS = ['timeBased', 'everyTime'];
export const SIGN_IN_FREQUENCY_AUTH_TYPES = ['primaryAndSecondaryAuthentication', 'secondaryAuthentication'];
export const PERSISTENT_BROWSER_MODES = ['always', 'never'];
export const CLOUD_APP_SECURITY_POLICIES = ['blockDownloads', 'mcasConfigured', 'monitorOnly'];
export const COUNTRY_LOOKUP_METHODS = ['clientIpAddress', 'authenticatorAppGps'];
export const AUTHENTICATION_METHOD_MODES = [
  'deviceBasedPush', 'email', 'federatedMultiFactor', 'federatedSingleFactor', 'fido2', 'hardwareOath',
  'microsoftAuthenticatorPush', 'password', 'sms', 'softwareOath', 'temporaryAccessPassMultiUse',
  'temporaryAccessPassOneTime', 'voice', 'windowsHelloForBusiness', 'x509CertificateMultiFactor', 'x509CertificateSingleFactor',
];
/** The combinations the provider's acceptance test creates (the documented list). */
export const DOCUMENTED_COMBINATIONS = [
  'deviceBasedPush', 'federatedMultiFactor', 'federatedSingleFactor', 'fido2',
  'hardwareOath,federatedSingleFactor', 'microsoftAuthenticatorPush,federatedSingleFactor',
  'password', 'password,hardwareOath', 'password,microsoftAuthenticatorPush', 'password,sms',
  'password,softwareOath', 'password,voice', 'sms', 'sms,federatedSingleFactor',
  'softwareOath,federatedSingleFactor', 'temporaryAccessPassMultiUse',
  'temporaryAccessPassOneTime', 'voice,federatedSingleFactor', 'windowsHelloForBusiness',
  'x509CertificateMultiFactor', 'x509CertificateSingleFactor',
];
export const MAX_IP_RANGES = 2000;
export const MAX_POLICIES = 195;
export const MAX_IP_LOCATIONS = 195;
export const MAX_CUSTOM_STRENGTHS = 15;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let alpha2: Set<string> | undefined;
function countryCodes(): Set<string> {
  if (!alpha2) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
    alpha2 = new Set(Object.keys(countries.getAlpha2Codes()));
  }
  return alpha2;
}

// ---------------------------------------------------------------------------
// JSON helpers
// ---------------------------------------------------------------------------

type Obj = Record<string, any>;

/** True for a string holding a Terraform expression (an unresolved token). */
export function isExpression(v: unknown): boolean {
  return typeof v === 'string' && v.includes('${');
}

/** Terraform JSON allows a block as an object or as a list of objects. */
function blocks(v: unknown): Obj[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v as Obj[];
  return [v as Obj];
}

function list(v: unknown): unknown[] | undefined {
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) ? v : [v];
}

function has(v: unknown): boolean {
  const l = list(v);
  return l !== undefined && l.length > 0;
}

class Collector {
  public readonly violations: FactViolation[] = [];
  constructor(public resource: string) {}

  public add(fact: string, message: string): void {
    this.violations.push({ resource: this.resource, fact, message });
  }

  /** At most one block (schema MaxItems 1); returns it, or undefined. */
  public single(parent: Obj | undefined, key: string, path: string, required: boolean): Obj | undefined {
    const b = blocks(parent?.[key]);
    if (b.length === 0) {
      if (required) this.add('schema.required-block', `${path} is required`);
      return undefined;
    }
    if (b.length > 1) this.add('schema.max-one-block', `${path} has ${b.length} blocks; the schema takes at most one`);
    return b[0];
  }

  public enumList(values: unknown, allowed: string[], fact: string, path: string): void {
    for (const v of list(values) ?? []) {
      if (isExpression(v)) continue;
      if (typeof v !== 'string' || !allowed.includes(v)) {
        this.add(fact, `${path}: ${JSON.stringify(v)} is not one of ${allowed.join(', ')}`);
      }
    }
  }

  public enumValue(v: unknown, allowed: string[], fact: string, path: string): void {
    if (v === undefined || v === null || isExpression(v)) return;
    if (typeof v !== 'string' || !allowed.includes(v)) {
      this.add(fact, `${path}: ${JSON.stringify(v)} is not one of ${allowed.join(', ')}`);
    }
  }

  /** Each value is a literal GUID, one of the specials, or a Terraform expression. */
  public guidList(values: unknown, specials: string[], fact: string, path: string): void {
    for (const v of list(values) ?? []) {
      if (isExpression(v)) continue;
      if (typeof v !== 'string' || !(GUID.test(v) || specials.includes(v))) {
        this.add(fact, `${path}: ${JSON.stringify(v)} is not a GUID${specials.length ? ` or one of ${specials.join(', ')}` : ''}`);
      }
    }
  }

  public displayName(v: unknown): void {
    if (isExpression(v)) return;
    if (typeof v !== 'string' || v.trim() === '') {
      this.add('display-name.non-empty', `display_name ${JSON.stringify(v)} is empty`);
    }
  }
}

/** Sorted and unique, ignoring expressions (the library's determinism promise). */
function checkSortedUnique(c: Collector, values: unknown[], path: string, compare: (a: string, b: string) => number = defaultCompare): void {
  const literals = values.filter((v): v is string => typeof v === 'string' && !isExpression(v));
  const all = values.filter((v): v is string => typeof v === 'string');
  if (new Set(all).size !== all.length) {
    c.add('list.unique', `${path} repeats a value: ${JSON.stringify(values)}`);
  }
  for (let i = 1; i < literals.length; i++) {
    if (compare(literals[i - 1], literals[i]) > 0) {
      c.add('list.sorted', `${path} is not in stable order: ${JSON.stringify(values)}`);
      return;
    }
  }
}

function defaultCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** No `[]` anywhere (provider #1150: an empty list is a perpetual diff). */
function checkNoEmptyLists(c: Collector, v: unknown, path: string): void {
  if (Array.isArray(v)) {
    if (v.length === 0) c.add('list.no-empty', `${path} is an empty list; omit it (provider #1150 perpetual diff)`);
    v.forEach((x, i) => checkNoEmptyLists(c, x, `${path}[${i}]`));
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === '//') continue;
      checkNoEmptyLists(c, x, path ? `${path}.${k}` : k);
    }
  }
}

/** Every list of strings in a policy is sorted and unique, except guest types (Graph order). */
function checkPolicyListsStable(c: Collector, v: unknown, path: string): void {
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) {
      if (!path.endsWith('guest_or_external_user_types')) checkSortedUnique(c, v, path);
      return;
    }
    v.forEach((x, i) => checkPolicyListsStable(c, x, `${path}[${i}]`));
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === '//') continue;
      checkPolicyListsStable(c, x, path ? `${path}.${k}` : k);
    }
  }
}

const REFERENCE = /^\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}$/;

interface ParsedReference {
  readonly data: boolean;
  readonly type: string;
  readonly name: string;
  readonly attribute: string;
}

function parseReference(v: string): ParsedReference | undefined {
  const m = REFERENCE.exec(v);
  return m ? { data: !!m[1], type: m[2], name: m[3], attribute: m[4] } : undefined;
}

// ---------------------------------------------------------------------------
// The checker
// ---------------------------------------------------------------------------

/**
 * Check a synthesized stack against every fact.
 * @param synthesized `Testing.synth(stack)` output, or a parsed `cdk.tf.json`
 */
export function checkConditionalAccessFacts(synthesized: string | object): FactViolation[] {
  const json: Obj = typeof synthesized === 'string' ? JSON.parse(synthesized) : synthesized as Obj;
  const resources: Obj = json.resource ?? {};
  const data: Obj = json.data ?? {};
  const exists = (ref: ParsedReference): boolean => {
    const section = ref.data ? data : resources;
    return section[ref.type] !== undefined && section[ref.type][ref.name] !== undefined;
  };
  const out: FactViolation[] = [];

  const policies = entries(resources.azuread_conditional_access_policy);
  const locations = entries(resources.azuread_named_location);
  const strengths = entries(resources.azuread_authentication_strength_policy);

  for (const [name, policy] of policies) {
    out.push(...checkPolicy(`azuread_conditional_access_policy.${name}`, policy, exists));
  }
  for (const [name, location] of locations) {
    out.push(...checkNamedLocation(`azuread_named_location.${name}`, location));
  }
  for (const [name, strength] of strengths) {
    out.push(...checkStrength(`azuread_authentication_strength_policy.${name}`, strength));
  }

  const stack = new Collector('(stack)');
  if (policies.length > MAX_POLICIES) {
    stack.add('tenant.max-policies', `${policies.length} Conditional Access policies; a tenant holds at most ${MAX_POLICIES}`);
  }
  const ipLocations = locations.filter(([, l]) => blocks(l.ip).length > 0).length;
  if (ipLocations > MAX_IP_LOCATIONS) {
    stack.add('tenant.max-ip-locations', `${ipLocations} IP named locations; a tenant holds at most ${MAX_IP_LOCATIONS}`);
  }
  if (strengths.length > MAX_CUSTOM_STRENGTHS) {
    stack.add('tenant.max-custom-strengths', `${strengths.length} custom authentication strengths; a tenant holds at most ${MAX_CUSTOM_STRENGTHS}`);
  }
  out.push(...stack.violations);
  return out;
}

function entries(section: Obj | undefined): [string, Obj][] {
  return Object.entries(section ?? {}).filter(([k]) => k !== '//') as [string, Obj][];
}

function checkPolicy(id: string, p: Obj, exists: (r: ParsedReference) => boolean): FactViolation[] {
  const c = new Collector(id);
  c.displayName(p.display_name);
  if (p.state === undefined) c.add('policy.state', 'state is required');
  c.enumValue(p.state, POLICY_STATES, 'policy.state', 'state');

  const cond = c.single(p, 'conditions', 'conditions', true) ?? {};

  // Applications: exactly one of included applications / user actions.
  const apps = c.single(cond, 'applications', 'conditions.applications', true) ?? {};
  const hasApps = has(apps.included_applications);
  const hasActions = has(apps.included_user_actions);
  if (hasApps === hasActions) {
    c.add('applications.exactly-one', `conditions.applications needs exactly one of included_applications / included_user_actions (Graph error 1012); got ${hasApps ? 'both' : 'neither'}`);
  }
  if (apps.filter !== undefined) c.add('applications.no-filter', 'conditions.applications.filter does not exist in provider 3.7.0');
  c.guidList(apps.included_applications, APPLICATION_SPECIALS_INCLUDE, 'applications.values', 'included_applications');
  c.guidList(apps.excluded_applications, APPLICATION_SPECIALS_EXCLUDE, 'applications.values', 'excluded_applications');
  c.enumList(apps.included_user_actions, USER_ACTIONS, 'applications.user-actions', 'included_user_actions');
  const includedApps = (list(apps.included_applications) ?? []) as string[];
  if (includedApps.includes('None') && includedApps.length > 1) {
    c.add('applications.none-alone', `included_applications mixes None with ${JSON.stringify(includedApps)}`);
  }

  // Users.
  const users = c.single(cond, 'users', 'conditions.users', true) ?? {};
  if (!has(users.included_users) && !has(users.included_groups) && !has(users.included_roles) && !has(users.included_guests_or_external_users)) {
    c.add('users.include', 'conditions.users includes nobody: set one of included_users, included_groups, included_roles, included_guests_or_external_users');
  }
  c.guidList(users.included_users, INCLUDED_USER_SPECIALS, 'users.values', 'included_users');
  c.guidList(users.excluded_users, EXCLUDED_USER_SPECIALS, 'users.values', 'excluded_users');
  for (const k of ['included_groups', 'excluded_groups', 'included_roles', 'excluded_roles']) {
    c.guidList(users[k], [], 'users.values', k);
  }
  const includedUsers = (list(users.included_users) ?? []) as string[];
  if (includedUsers.includes('None')
    && (includedUsers.length > 1 || has(users.included_groups) || has(users.included_roles) || has(users.included_guests_or_external_users))) {
    c.add('users.none-alone', `included_users None is mixed with other users: ${JSON.stringify(includedUsers)}`);
  }
  for (const side of ['included', 'excluded']) {
    const special = ((list(users[`${side}_users`]) ?? []) as string[]).includes('GuestsOrExternalUsers');
    const guestBlocks = blocks(users[`${side}_guests_or_external_users`]);
    if (special && guestBlocks.length > 0) {
      c.add('users.guests-special-and-block', `${side}_users has GuestsOrExternalUsers and ${side}_guests_or_external_users is set; Graph rejects both on one side (provider #1196)`);
    }
    if (guestBlocks.length > 1) {
      c.add('users.guests-one-block', `${side}_guests_or_external_users has ${guestBlocks.length} blocks; the provider reads only the first`);
    }
    guestBlocks.forEach((g, i) => checkGuestBlock(c, g, `${side}_guests_or_external_users[${i}]`));
  }

  // Client apps.
  const clientApps = list(cond.client_app_types);
  if (!clientApps || clientApps.length === 0) {
    c.add('client-app-types.required', 'conditions.client_app_types is required');
  }
  c.enumList(clientApps, CLIENT_APP_TYPES, 'client-app-types.values', 'client_app_types');
  const clientAppsAll = !clientApps || (clientApps.length === 1 && clientApps[0] === 'all');

  // Locations.
  const loc = c.single(cond, 'locations', 'conditions.locations', false);
  if (loc) {
    if (!has(loc.included_locations)) c.add('locations.include', 'conditions.locations.included_locations is required');
    for (const k of ['included_locations', 'excluded_locations']) {
      for (const v of list(loc[k]) ?? []) checkLocationValue(c, v, k, exists);
    }
    if (((list(loc.excluded_locations) ?? []) as string[]).includes('All')) {
      c.add('locations.exclude-all', 'excluded_locations has All; an exclusion wins, so the policy could never apply');
    }
  }

  // Platforms.
  const plat = c.single(cond, 'platforms', 'conditions.platforms', false);
  if (plat) {
    if (!has(plat.included_platforms)) c.add('platforms.include', 'conditions.platforms.included_platforms is required');
    c.enumList(plat.included_platforms, PLATFORMS, 'platforms.values', 'included_platforms');
    c.enumList(plat.excluded_platforms, PLATFORMS, 'platforms.values', 'excluded_platforms');
  }

  // Risk, insider risk, authentication flows.
  for (const k of ['sign_in_risk_levels', 'user_risk_levels', 'service_principal_risk_levels']) {
    c.enumList(cond[k], RISK_LEVELS, 'risk.values', k);
  }
  if (Array.isArray(cond.insider_risk_levels)) {
    c.add('risk.insider-single', 'insider_risk_levels is a single string in provider 3.7.0, not a list');
  } else {
    c.enumValue(cond.insider_risk_levels, INSIDER_RISK_LEVELS, 'risk.insider-values', 'insider_risk_levels');
  }
  c.enumList(cond.authentication_flow_transfer_methods, AUTHENTICATION_FLOWS, 'authentication-flows.values', 'authentication_flow_transfer_methods');

  // Devices.
  const devices = c.single(cond, 'devices', 'conditions.devices', false);
  const deviceFilter = devices ? c.single(devices, 'filter', 'conditions.devices.filter', false) : undefined;
  if (deviceFilter) checkFilter(c, deviceFilter, 'conditions.devices.filter');

  // Workload identities.
  const clientApplications = c.single(cond, 'client_applications', 'conditions.client_applications', false);
  if (clientApplications) {
    c.guidList(clientApplications.included_service_principals, ['ServicePrincipalsInMyTenant'], 'workload.values', 'included_service_principals');
    c.guidList(clientApplications.excluded_service_principals, [], 'workload.values', 'excluded_service_principals');
    if (!has(clientApplications.included_service_principals)) {
      c.add('workload.include', 'conditions.client_applications includes no service principal');
    }
    const onlyNone = includedUsers.length === 1 && includedUsers[0] === 'None'
      && !has(users.included_groups) && !has(users.included_roles) && !has(users.included_guests_or_external_users);
    if (!onlyNone) {
      c.add('workload.users-none', 'conditions.client_applications is set but users are included; a workload identity policy includes users None only');
    }
    const filter = c.single(clientApplications, 'filter', 'conditions.client_applications.filter', false);
    if (filter) checkFilter(c, filter, 'conditions.client_applications.filter');
  }
  if (has(cond.service_principal_risk_levels) && !clientApplications) {
    c.add('workload.risk', 'service_principal_risk_levels is set on a policy without client_applications');
  }

  // Grant and session.
  const grant = c.single(p, 'grant_controls', 'grant_controls', false);
  const session = c.single(p, 'session_controls', 'session_controls', false);
  if (!grant && !session) c.add('controls.required', 'a policy needs grant_controls or session_controls');
  const builtIns = ((grant && list(grant.built_in_controls)) ?? []) as string[];
  const strengthId = grant?.authentication_strength_policy_id;
  const termsOfUse = ((grant && list(grant.terms_of_use)) ?? []) as string[];
  if (grant) {
    if (grant.operator === undefined) c.add('grant.operator', 'grant_controls.operator is required');
    c.enumValue(grant.operator, GRANT_OPERATORS, 'grant.operator', 'grant_controls.operator');
    c.enumList(builtIns, BUILT_IN_CONTROLS, 'grant.built-in-values', 'built_in_controls');
    if (builtIns.length === 0 && strengthId === undefined && termsOfUse.length === 0) {
      c.add('grant.something', 'grant_controls needs at least one of built_in_controls, authentication_strength_policy_id, terms_of_use');
    }
    if (builtIns.includes('block') && (builtIns.length > 1 || strengthId !== undefined || termsOfUse.length > 0 || has(grant.custom_authentication_factors))) {
      c.add('grant.block-alone', `block is combined with other controls: ${JSON.stringify(builtIns)}${strengthId ? ' + authentication strength' : ''}`);
    }
    if (builtIns.includes('mfa') && strengthId !== undefined) {
      c.add('grant.mfa-with-strength', 'mfa together with an authentication strength (Graph error 1108)');
    }
    if (strengthId !== undefined) checkStrengthId(c, strengthId, exists);
    c.guidList(termsOfUse, [], 'grant.terms-of-use', 'terms_of_use');
  }

  // Password change.
  if (builtIns.includes('passwordChange')) {
    const others = builtIns.filter((b) => b !== 'passwordChange');
    if (grant?.operator !== 'AND' || others.length !== 1 || others[0] !== 'mfa' || strengthId !== undefined || termsOfUse.length > 0) {
      c.add('password-change.grant', `passwordChange needs operator AND with exactly mfa; got ${grant?.operator} ${JSON.stringify(builtIns)}`);
    }
    if (!has(cond.user_risk_levels)) c.add('password-change.user-risk', 'passwordChange without user_risk_levels');
    if (!(includedApps.length === 1 && includedApps[0] === 'All' && !has(apps.excluded_applications))) {
      c.add('password-change.all-apps', 'passwordChange needs included_applications [All] with no exclusions');
    }
    const otherConditions = ['locations', 'platforms', 'sign_in_risk_levels', 'insider_risk_levels', 'authentication_flow_transfer_methods', 'devices']
      .filter((k) => cond[k] !== undefined && !(Array.isArray(cond[k]) && cond[k].length === 0));
    if (otherConditions.length > 0 || !clientAppsAll) {
      c.add('password-change.no-other-conditions', `passwordChange with other conditions: ${[...otherConditions, ...(clientAppsAll ? [] : ['client_app_types'])].join(', ')}`);
    }
  }

  // Register or join devices.
  if (((list(apps.included_user_actions) ?? []) as string[]).includes('urn:user:registerdevice')) {
    const onlyMfa = builtIns.length === 1 && builtIns[0] === 'mfa' && strengthId === undefined && termsOfUse.length === 0;
    const onlyStrength = builtIns.length === 0 && strengthId !== undefined && termsOfUse.length === 0;
    if (!onlyMfa && !onlyStrength) {
      c.add('register-device.grant', `urn:user:registerdevice takes only mfa or an authentication strength; got ${JSON.stringify(builtIns)}${strengthId ? ' + strength' : ''}`);
    }
    if (!clientAppsAll) c.add('register-device.client-apps', `urn:user:registerdevice with client_app_types ${JSON.stringify(clientApps)}`);
    if (devices) c.add('register-device.devices', 'urn:user:registerdevice with a device condition');
  }

  // Session controls.
  if (session) {
    const freq = session.sign_in_frequency;
    const period = session.sign_in_frequency_period;
    const interval = session.sign_in_frequency_interval;
    c.enumValue(period, SIGN_IN_FREQUENCY_PERIODS, 'session.sign-in-frequency-period', 'sign_in_frequency_period');
    c.enumValue(interval, SIGN_IN_FREQUENCY_INTERVALS, 'session.sign-in-frequency-interval', 'sign_in_frequency_interval');
    c.enumValue(session.sign_in_frequency_authentication_type, SIGN_IN_FREQUENCY_AUTH_TYPES, 'session.sign-in-frequency-auth-type', 'sign_in_frequency_authentication_type');
    if ((freq === undefined) !== (period === undefined)) {
      c.add('session.sign-in-frequency-pair', 'sign_in_frequency and sign_in_frequency_period need each other');
    }
    if (interval === 'everyTime' && (freq !== undefined || period !== undefined)) {
      c.add('session.every-time', 'sign_in_frequency_interval everyTime with a frequency value or period');
    }
    if (typeof freq === 'number') {
      const max = period === 'hours' ? 23 : 365;
      if (!Number.isInteger(freq) || freq < 1 || freq > max) {
        c.add('session.sign-in-frequency-range', `sign_in_frequency ${freq} is outside 1..${max} ${period}`);
      }
    }
    c.enumValue(session.persistent_browser_mode, PERSISTENT_BROWSER_MODES, 'session.persistent-browser-mode', 'persistent_browser_mode');
    if (session.persistent_browser_mode !== undefined && !includedApps.includes('All')) {
      c.add('session.persistent-browser-all-apps', 'persistent_browser_mode needs included_applications All');
    }
    c.enumValue(session.cloud_app_security_policy, CLOUD_APP_SECURITY_POLICIES, 'session.cloud-app-security', 'cloud_app_security_policy');
    const effective = session.application_enforced_restrictions_enabled === true || session.cloud_app_security_policy !== undefined
      || session.disable_resilience_defaults === true || session.persistent_browser_mode !== undefined
      || freq !== undefined || interval === 'everyTime';
    if (!effective && !grant) {
      c.add('session.effective', 'session_controls without grant_controls sets no effective session control');
    }
  }

  checkNoEmptyLists(c, p, '');
  checkPolicyListsStable(c, p, '');
  return c.violations;
}

function checkGuestBlock(c: Collector, g: Obj, path: string): void {
  const types = (list(g.guest_or_external_user_types) ?? []) as string[];
  if (types.length === 0) c.add('guests.types-non-empty', `${path}.guest_or_external_user_types is empty`);
  c.enumList(types, GUEST_TYPES_IN_GRAPH_ORDER, 'guests.types-values', `${path}.guest_or_external_user_types`);
  if (new Set(types).size !== types.length) c.add('guests.types-order', `${path}.guest_or_external_user_types repeats a type`);
  const order = types.map((t) => GUEST_TYPES_IN_GRAPH_ORDER.indexOf(t)).filter((i) => i >= 0);
  for (let i = 1; i < order.length; i++) {
    if (order[i - 1] >= order[i]) {
      c.add('guests.types-order', `${path}.guest_or_external_user_types ${JSON.stringify(types)} is not in Graph's order`);
      break;
    }
  }
  const tenants = blocks(g.external_tenants);
  if (tenants.length > 1) c.add('guests.one-tenants-block', `${path}.external_tenants has ${tenants.length} blocks`);
  for (const t of tenants) {
    c.enumValue(t.membership_kind, MEMBERSHIP_KINDS, 'guests.membership-kind', `${path}.external_tenants.membership_kind`);
    // Enumerated without members is accepted by provider 3.7.0's schema and by Graph (issue 20; lint rule CA13).
    if (t.membership_kind !== 'enumerated' && t.members !== undefined) {
      c.add('guests.members-only-enumerated', `${path}.external_tenants has members while membership_kind is ${t.membership_kind}`);
    }
    c.guidList(t.members, [], 'guests.tenant-ids', `${path}.external_tenants.members`);
  }
}

function checkFilter(c: Collector, f: Obj, path: string): void {
  c.enumValue(f.mode, FILTER_MODES, 'filter.mode', `${path}.mode`);
  if (f.mode === undefined) c.add('filter.mode', `${path}.mode is required`);
  if (typeof f.rule !== 'string' || f.rule.trim() === '') c.add('filter.rule', `${path}.rule is empty`);
}

function checkLocationValue(c: Collector, v: unknown, path: string, exists: (r: ParsedReference) => boolean): void {
  if (typeof v !== 'string') {
    c.add('locations.values', `${path}: ${JSON.stringify(v)} is not a string`);
    return;
  }
  if (LOCATION_SPECIALS.includes(v) || GUID.test(v)) return;
  if (!isExpression(v)) {
    c.add('locations.values', `${path}: '${v}' is not All, AllTrusted or a named location GUID`);
    return;
  }
  const ref = parseReference(v);
  if (ref && ref.type === 'azuread_named_location') {
    if (ref.attribute !== 'object_id') {
      c.add('locations.object-id', `${path}: '${v}' references the named location's ${ref.attribute}; policies take its object_id (Graph error 1040, provider #1504)`);
    } else if (!exists(ref)) {
      c.add('locations.dangling-reference', `${path}: '${v}' references a named location that is not in this stack`);
    }
  }
}

function checkStrengthId(c: Collector, v: unknown, exists: (r: ParsedReference) => boolean): void {
  if (typeof v !== 'string') {
    c.add('grant.strength-id', `authentication_strength_policy_id ${JSON.stringify(v)} is not a string`);
    return;
  }
  if (isExpression(v)) {
    const ref = parseReference(v);
    if (ref && ref.type === 'azuread_authentication_strength_policy') {
      if (ref.attribute !== 'id') {
        c.add('grant.strength-id', `authentication_strength_policy_id '${v}' references ${ref.attribute}; the full-path id is the resource's id`);
      } else if (!exists(ref)) {
        c.add('grant.strength-dangling-reference', `authentication_strength_policy_id '${v}' references a strength that is not in this stack`);
      }
    }
    return;
  }
  if (!v.startsWith(STRENGTH_PATH) || !GUID.test(v.slice(STRENGTH_PATH.length))) {
    c.add('grant.strength-id', `authentication_strength_policy_id '${v}' is not ${STRENGTH_PATH}<guid>`);
  }
}

function checkNamedLocation(id: string, l: Obj): FactViolation[] {
  const c = new Collector(id);
  c.displayName(l.display_name);
  const ip = blocks(l.ip);
  const country = blocks(l.country);
  if (ip.length + country.length !== 1) {
    c.add('named-location.exactly-one', `needs exactly one ip or country block; got ${ip.length} ip and ${country.length} country`);
  }
  for (const b of ip) {
    const ranges = list(b.ip_ranges) ?? [];
    if (ranges.length === 0) c.add('ip.non-empty', 'ip.ip_ranges is empty');
    if (ranges.length > MAX_IP_RANGES) c.add('ip.max-ranges', `ip.ip_ranges has ${ranges.length} ranges; at most ${MAX_IP_RANGES}`);
    const parsed: { text: string; key: number[] }[] = [];
    ranges.forEach((r, i) => {
      if (isExpression(r)) return;
      const cidr = parseCanonicalCidr(c, r, `ip.ip_ranges[${i}]`);
      if (cidr) parsed.push(cidr);
    });
    const keys = new Map(parsed.map((x) => [x.text, x.key]));
    checkSortedUnique(c, parsed.map((x) => x.text), 'ip.ip_ranges', (x, y) => {
      const ka = keys.get(x)!;
      const kb = keys.get(y)!;
      for (let i = 0; i < Math.min(ka.length, kb.length); i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
      return ka.length - kb.length;
    });
    if (b.trusted !== undefined && typeof b.trusted !== 'boolean' && !isExpression(b.trusted)) {
      c.add('ip.trusted', `ip.trusted ${JSON.stringify(b.trusted)} is not a boolean`);
    }
  }
  for (const b of country) {
    const codes = list(b.countries_and_regions) ?? [];
    if (codes.length === 0) c.add('country.non-empty', 'country.countries_and_regions is empty');
    codes.forEach((code, i) => {
      if (isExpression(code)) return;
      if (typeof code !== 'string' || !countryCodes().has(code)) {
        c.add('country.alpha2', `country.countries_and_regions[${i}]: ${JSON.stringify(code)} is not an upper-case ISO 3166-1 alpha-2 code`);
      }
    });
    checkSortedUnique(c, codes, 'country.countries_and_regions');
    c.enumValue(b.country_lookup_method, COUNTRY_LOOKUP_METHODS, 'country.lookup-method', 'country.country_lookup_method');
    if (b.trusted !== undefined) c.add('country.no-trusted', 'country locations cannot be trusted (Graph has no such flag)');
  }
  checkNoEmptyLists(c, l, '');
  return c.violations;
}

/** Parse one CIDR, reporting every way it differs from what Graph and the provider's read-back take. */
function parseCanonicalCidr(c: Collector, r: unknown, path: string): { text: string; key: number[] } | undefined {
  if (typeof r !== 'string' || !r.includes('/')) {
    c.add('ip.cidr', `${path}: ${JSON.stringify(r)} is not a CIDR range`);
    return undefined;
  }
  const isV4 = !r.split('/')[0].includes(':');
  const valid = isV4 ? ipaddr.IPv4.isValidCIDRFourPartDecimal(r) : ipaddr.IPv6.isValidCIDR(r);
  if (!valid) {
    c.add('ip.cidr', `${path}: '${r}' is not a CIDR range`);
    return undefined;
  }
  const [address, prefix] = ipaddr.parseCIDR(r);
  if (prefix <= 8) c.add('ip.prefix', `${path}: '${r}' has a mask of /${prefix}; Graph takes only masks longer than /8`);
  const network = isV4 ? ipaddr.IPv4.networkAddressFromCIDR(r) : ipaddr.IPv6.networkAddressFromCIDR(r);
  if (network.toString() !== address.toString()) c.add('ip.host-bits', `${path}: '${r}' has host bits set`);
  const canonical = `${network.toString()}/${prefix}`;
  if (canonical !== r) c.add('ip.canonical', `${path}: '${r}' is not canonical ('${canonical}'); the provider's read-back would never match`);
  return { text: r, key: [isV4 ? 4 : 6, ...network.toByteArray(), prefix] };
}

function checkStrength(id: string, s: Obj): FactViolation[] {
  const c = new Collector(id);
  c.displayName(s.display_name);
  const combos = list(s.allowed_combinations) ?? [];
  if (combos.length === 0) c.add('strength.non-empty', 'allowed_combinations is empty');
  combos.forEach((v, i) => {
    if (isExpression(v)) return;
    const path = `allowed_combinations[${i}]`;
    if (typeof v !== 'string') {
      c.add('strength.combination', `${path}: ${JSON.stringify(v)} is not a string`);
      return;
    }
    if (/\s/.test(v)) c.add('strength.no-spaces', `${path}: '${v}' has spaces`);
    const modes = v.split(',').map((m) => m.trim());
    const unknown = modes.filter((m) => !AUTHENTICATION_METHOD_MODES.includes(m));
    if (unknown.length > 0) c.add('strength.modes', `${path}: '${v}' has unknown modes ${unknown.join(', ')}`);
    if (modes.includes('email')) c.add('strength.no-email', `${path}: '${v}' uses email OTP, which cannot be used in combinations`);
    if (!DOCUMENTED_COMBINATIONS.includes(v)) c.add('strength.documented', `${path}: '${v}' is not a documented combination`);
  });
  checkSortedUnique(c, combos, 'allowed_combinations');
  checkNoEmptyLists(c, s, '');
  return c.violations;
}
