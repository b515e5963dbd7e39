/**
 * The azuread provider 3.7.0 contract for the three Conditional Access resources, written from the
 * provider's source at tag v3.7.0 (schema and validations in
 * `internal/services/conditionalaccess/conditional_access_policy_resource.go` (CAP),
 * `named_location_resource.go` (NL), `internal/services/policies/authentication_strength_policy_resource.go`
 * (ASP); expand/flatten in `conditionalaccess.go` (CA)). Each check names the attribute, the value,
 * what goes wrong and the fix, in one of three kinds:
 *
 * - `plan`: the provider rejects the configuration at `terraform plan` (a validation);
 * - `diff`: the provider accepts it, but reads back something else, so every plan shows a change;
 * - `apply`: the provider sends it, and Graph rejects it (documented Graph rules).
 *
 * Internal module: `CA9_PROVIDER_CONTRACT` runs it over every synthesized resource.
 */
import { isExpression } from '../model/references';
import { parseCidr } from '../private/cidr';
import { isObject, Json } from '../private/json';
import { TRANSFER_METHODS } from '../vocabulary/authentication-flows';
import { AUTHENTICATION_METHOD_MODES, canonicalCombination } from '../vocabulary/authentication-methods';
import { AUTHENTICATION_STRENGTH_PATH } from '../vocabulary/authentication-strengths';
import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';
import { FILTER_MODES } from '../vocabulary/filters';
import { BUILT_IN_CONTROLS, GRANT_OPERATORS } from '../vocabulary/grant-controls';
import { EXTERNAL_TENANTS_MEMBERSHIP_KINDS, GUEST_OR_EXTERNAL_USER_TYPES } from '../vocabulary/guest-types';
import { COUNTRY_LOOKUP_METHODS } from '../vocabulary/named-locations';
import { POLICY_STATES } from '../vocabulary/policy-states';
import { INSIDER_RISK_LEVELS, RISK_LEVELS } from '../vocabulary/risk-levels';
import {
  CLOUD_APP_SECURITY_TYPES,
  PERSISTENT_BROWSER_MODES,
  SIGN_IN_FREQUENCY_AUTHENTICATION_TYPES,
  SIGN_IN_FREQUENCY_INTERVALS,
  SIGN_IN_FREQUENCY_PERIODS,
} from '../vocabulary/session-controls';

/** What goes wrong: a plan error, a diff on every plan, or an apply error from Graph. */
export type ContractKind = 'plan' | 'diff' | 'apply';

/** One breach of the contract. */
export interface ContractProblem {
  /** The Terraform attribute path, e.g. `conditions.client_app_types[1]`. */
  readonly attribute: string;
  /** The offending value (omitted for a missing attribute). */
  readonly value?: unknown;
  /** What is wrong. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
  /** When it goes wrong. */
  readonly kind: ContractKind;
}

/** The provider's accepted values of an enum attribute (StringInSlice, case-sensitive, CAP lines cited). */
interface EnumAttribute {
  readonly path: string;
  readonly values: readonly string[];
}

const POLICY_ENUM_LISTS: readonly EnumAttribute[] = [
  { path: 'conditions.client_app_types', values: CLIENT_APP_TYPES.providerValues }, // CAP:306-313
  { path: 'conditions.platforms.included_platforms', values: DEVICE_PLATFORMS.providerValues }, // CAP:359-366
  { path: 'conditions.platforms.excluded_platforms', values: DEVICE_PLATFORMS.providerValues }, // CAP:368-375
  { path: 'conditions.sign_in_risk_levels', values: RISK_LEVELS.providerValues }, // CAP:389-396
  { path: 'conditions.user_risk_levels', values: RISK_LEVELS.providerValues }, // CAP:398-405
  { path: 'conditions.service_principal_risk_levels', values: RISK_LEVELS.providerValues }, // CAP:380-387
  { path: 'conditions.authentication_flow_transfer_methods', values: TRANSFER_METHODS.providerValues }, // CAP:118-128
  { path: 'grant_controls.built_in_controls', values: BUILT_IN_CONTROLS.providerValues }, // CAP:430-438
];

const POLICY_ENUM_VALUES: readonly EnumAttribute[] = [
  { path: 'state', values: POLICY_STATES.providerValues }, // CAP:68-72
  { path: 'conditions.insider_risk_levels', values: INSIDER_RISK_LEVELS.providerValues }, // CAP:407-412
  { path: 'grant_controls.operator', values: GRANT_OPERATORS.providerValues }, // CAP:424-428
  { path: 'session_controls.cloud_app_security_policy', values: CLOUD_APP_SECURITY_TYPES.providerValues }, // CAP:482-486
  { path: 'session_controls.persistent_browser_mode', values: PERSISTENT_BROWSER_MODES.providerValues }, // CAP:493-497
  { path: 'session_controls.sign_in_frequency_authentication_type', values: SIGN_IN_FREQUENCY_AUTHENTICATION_TYPES.providerValues }, // CAP:506-511
  { path: 'session_controls.sign_in_frequency_interval', values: SIGN_IN_FREQUENCY_INTERVALS.providerValues }, // CAP:513-518
  { path: 'session_controls.sign_in_frequency_period', values: SIGN_IN_FREQUENCY_PERIODS.providerValues }, // CAP:520-525
  { path: 'conditions.devices.filter.mode', values: FILTER_MODES.providerValues }, // CA:24-28
  { path: 'conditions.client_applications.filter.mode', values: FILTER_MODES.providerValues }, // CA:24-28
];

/** List attributes whose elements must be non-empty strings (`StringIsNotEmpty`). */
const POLICY_NON_EMPTY_LISTS: readonly string[] = [
  'conditions.applications.included_applications',
  'conditions.applications.excluded_applications',
  'conditions.applications.included_user_actions',
  'conditions.client_applications.included_service_principals',
  'conditions.client_applications.excluded_service_principals',
  'conditions.users.included_users',
  'conditions.users.excluded_users',
  'conditions.users.included_groups',
  'conditions.users.excluded_groups',
  'conditions.users.included_roles',
  'conditions.users.excluded_roles',
  'conditions.locations.included_locations',
  'conditions.locations.excluded_locations',
  'grant_controls.custom_authentication_factors',
  'grant_controls.terms_of_use',
];

/** The parts of each dotted path `at` was given (the contract reads the same few dozen paths of every resource). */
const PATH_PARTS = new Map<string, string[]>();

/** The value at a dotted path; nested blocks may be objects (cdktf) or one-element lists (hand-written JSON). */
export function at(body: Json, path: string): unknown {
  let v: unknown = body;
  let parts = PATH_PARTS.get(path);
  if (!parts) PATH_PARTS.set(path, (parts = path.split('.')));
  for (const part of parts) {
    if (Array.isArray(v)) v = v[0];
    if (!isObject(v)) return undefined;
    v = v[part];
  }
  return v;
}

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Checks one `azuread_conditional_access_policy` body. */
export function checkPolicyContract(body: Json): ContractProblem[] {
  const out: ContractProblem[] = [];
  const plan = (attribute: string, value: unknown, problem: string, fix: string) => out.push({ attribute, value, problem, fix, kind: 'plan' });
  const diff = (attribute: string, value: unknown, problem: string, fix: string) => out.push({ attribute, value, problem, fix, kind: 'diff' });
  const apply = (attribute: string, value: unknown, problem: string, fix: string) => out.push({ attribute, value, problem, fix, kind: 'apply' });

  if (typeof body.display_name !== 'string' || body.display_name === '') plan('display_name', body.display_name, 'is required and may not be empty', 'give the policy a display name');
  for (const e of POLICY_ENUM_LISTS) {
    list(at(body, e.path)).forEach((v, i) => enumValue(`${e.path}[${i}]`, v, e.values, plan));
  }
  for (const e of POLICY_ENUM_VALUES) {
    const v = at(body, e.path);
    if (isSet(v)) enumValue(e.path, v, e.values, plan);
  }
  for (const path of POLICY_NON_EMPTY_LISTS) {
    list(at(body, path)).forEach((v, i) => {
      if (v === '') plan(`${path}[${i}]`, v, 'is empty', 'the provider takes no empty strings here (StringIsNotEmpty); remove it');
    });
  }

  // conditions.applications: ExactlyOneOf included_applications / included_user_actions; [] counts as set (SDK schemaMap.validate).
  const apps = at(body, 'conditions.applications.included_applications');
  const actions = at(body, 'conditions.applications.included_user_actions');
  if (isSet(apps) === isSet(actions)) {
    plan('conditions.applications', undefined, isSet(apps) ? 'sets both included_applications and included_user_actions (an empty list counts as set)' : 'sets neither included_applications nor included_user_actions', 'set exactly one of them and leave the other out');
  }
  if (!isSet(at(body, 'conditions.client_app_types'))) plan('conditions.client_app_types', undefined, 'is required', "set it, e.g. ['all']");
  const users = at(body, 'conditions.users');
  if (!['included_users', 'included_groups', 'included_roles', 'included_guests_or_external_users'].some((k) => isSet(at(body, `conditions.users.${k}`)))) {
    plan('conditions.users', users, 'includes nobody: at least one of included_users, included_groups, included_roles, included_guests_or_external_users is required', "include someone, e.g. included_users = ['All']");
  }
  if (isSet(at(body, 'conditions.locations')) && !isSet(at(body, 'conditions.locations.included_locations'))) {
    plan('conditions.locations.included_locations', undefined, 'is required when the locations block is set', "set it, e.g. ['All']");
  }
  if (isSet(at(body, 'conditions.platforms')) && !isSet(at(body, 'conditions.platforms.included_platforms'))) {
    plan('conditions.platforms.included_platforms', undefined, 'is required when the platforms block is set', "set it, e.g. ['all']");
  }
  for (const f of ['conditions.devices.filter', 'conditions.client_applications.filter']) {
    if (!isSet(at(body, f))) continue;
    const rule = at(body, `${f}.rule`);
    if (typeof rule !== 'string' || rule === '') plan(`${f}.rule`, rule, 'is required and may not be empty', 'write the filter rule');
    if (!isSet(at(body, `${f}.mode`))) plan(`${f}.mode`, undefined, 'is required', "set 'include' or 'exclude'");
  }
  for (const side of ['included', 'excluded']) checkGuests(`conditions.users.${side}_guests_or_external_users`, at(body, `conditions.users.${side}_guests_or_external_users`), plan, diff);
  checkGrant(body, plan, diff, apply);
  checkSession(body, plan, diff);
  checkGraphRules(body, apply);
  return out;
}

type Report = (attribute: string, value: unknown, problem: string, fix: string) => void;

function enumValue(path: string, v: unknown, values: readonly string[], plan: Report): void {
  if (isExpression(v) || (typeof v === 'string' && values.includes(v))) return;
  const known = typeof v === 'string' ? values.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
  plan(path, v, `is not a value azuread provider 3.7.0 accepts (${values.join(', ')})`,
    known ? `values are case-sensitive: use '${known}'` : 'use one of them; a value newer than the pinned provider cannot be deployed with it');
}

function checkGuests(path: string, v: unknown, plan: Report, diff: Report): void {
  const blocks = Array.isArray(v) ? v : isObject(v) ? [v] : [];
  if (blocks.length > 1) diff(path, undefined, `has ${blocks.length} blocks; the provider sends and reads only the first`, 'merge them into one block');
  const b = blocks[0];
  if (!isObject(b)) return;
  const types = b.guest_or_external_user_types;
  if (!isSet(types)) {
    plan(`${path}.guest_or_external_user_types`, undefined, 'is required', 'list the guest or external user types');
  } else if (Array.isArray(types)) {
    types.forEach((t, i) => enumValue(`${path}.guest_or_external_user_types[${i}]`, t, GUEST_OR_EXTERNAL_USER_TYPES.providerValues, plan));
    const order = GUEST_OR_EXTERNAL_USER_TYPES.terms.map((t) => t.value);
    const literal = types.filter((t): t is string => typeof t === 'string' && !isExpression(t));
    const sorted = [...literal].sort((a, c) => order.indexOf(a) - order.indexOf(c));
    if (literal.join(',') !== sorted.join(',')) {
      diff(`${path}.guest_or_external_user_types`, literal.join(','), 'is not in the order Graph returns the types in, so every plan shows a change', `write them as '${sorted.join(',')}'`);
    }
  }
  const tenants = Array.isArray(b.external_tenants) ? b.external_tenants[0] : b.external_tenants;
  if (isObject(tenants)) {
    if (!isSet(tenants.membership_kind)) plan(`${path}.external_tenants.membership_kind`, undefined, 'is required', "set 'all' or 'enumerated'");
    else enumValue(`${path}.external_tenants.membership_kind`, tenants.membership_kind, EXTERNAL_TENANTS_MEMBERSHIP_KINDS.providerValues, plan);
    if (tenants.membership_kind === 'all' && list(tenants.members).length > 0) {
      diff(`${path}.external_tenants.members`, tenants.members, "is set with membership_kind 'all'; the provider drops the members when it sends the block (CA:724-727), so every plan shows them again", "use membership_kind 'enumerated' for selected tenants, or drop the members");
    }
  }
}

function checkGrant(body: Json, plan: Report, diff: Report, apply: Report): void {
  if (!isSet(at(body, 'grant_controls')) && !isSet(at(body, 'session_controls'))) {
    plan('grant_controls', undefined, 'and session_controls are both missing; the provider requires one of them', 'add grant or session controls');
  }
  if (!isSet(at(body, 'grant_controls'))) return;
  if (!isSet(at(body, 'grant_controls.operator'))) plan('grant_controls.operator', undefined, 'is required', "set 'OR' or 'AND'");
  const strength = at(body, 'grant_controls.authentication_strength_policy_id');
  if (!['built_in_controls', 'authentication_strength_policy_id', 'terms_of_use'].some((k) => isSet(at(body, `grant_controls.${k}`)))) {
    plan('grant_controls', undefined, 'requires nothing; the provider needs built_in_controls, authentication_strength_policy_id or terms_of_use', "add a control, e.g. built_in_controls = ['mfa']");
  }
  if (typeof strength === 'string' && !isExpression(strength)) {
    const path = strength.startsWith('/') ? strength : `/${strength}`;
    if (!path.startsWith(AUTHENTICATION_STRENGTH_PATH) || path.length === AUTHENTICATION_STRENGTH_PATH.length || path.slice(AUTHENTICATION_STRENGTH_PATH.length).includes('/')) {
      plan('grant_controls.authentication_strength_policy_id', strength, 'is not an authentication strength id', `use the full path '${AUTHENTICATION_STRENGTH_PATH}<id>' (a bare GUID is rejected)`);
    } else if (path.slice(AUTHENTICATION_STRENGTH_PATH.length) !== path.slice(AUTHENTICATION_STRENGTH_PATH.length).toLowerCase()) {
      diff('grant_controls.authentication_strength_policy_id', strength, 'has an upper-case id; the provider reads back the id Graph returns, in lower case, so every plan shows a change', `write '${path.toLowerCase()}'`);
    }
  }
  if (isSet(strength) && list(at(body, 'grant_controls.built_in_controls')).includes('mfa')) {
    apply('grant_controls.built_in_controls', 'mfa', 'is combined with an authentication strength; Graph rejects both together (error 1108)', 'drop mfa: the strength already requires multifactor authentication');
  }
}

function checkSession(body: Json, plan: Report, diff: Report): void {
  const s = at(body, 'session_controls');
  if (!isSet(s)) return;
  const v = (k: string) => at(body, `session_controls.${k}`);
  const frequency = v('sign_in_frequency');
  const period = v('sign_in_frequency_period');
  const interval = v('sign_in_frequency_interval');
  if (typeof frequency === 'number' && frequency < 0) plan('session_controls.sign_in_frequency', frequency, 'is negative', 'use a positive number of hours or days');
  if (isSet(frequency) && !isSet(period)) plan('session_controls.sign_in_frequency_period', undefined, 'is required with sign_in_frequency', "set 'hours' or 'days'");
  if (isSet(period) && !isSet(frequency)) plan('session_controls.sign_in_frequency', undefined, 'is required with sign_in_frequency_period', 'set the number of hours or days');
  if (interval === 'everyTime' && (isSet(frequency) || isSet(period))) {
    plan('session_controls.sign_in_frequency_interval', interval, 'is everyTime while sign_in_frequency or sign_in_frequency_period is set (a CustomizeDiff error, CAP:555-561)', 'drop the frequency and period, or use timeBased');
  }
  if (interval === 'everyTime') {
    for (const k of ['application_enforced_restrictions_enabled', 'disable_resilience_defaults']) {
      if (v(k) === true) {
        diff(`session_controls.${k}`, true, 'is set with sign_in_frequency_interval everyTime; the provider does not send it then (its issue #1225) and reads back false, so every plan shows a change', 'put it in another policy');
      }
    }
  }
  const effective = v('application_enforced_restrictions_enabled') === true || isSet(v('cloud_app_security_policy')) || v('disable_resilience_defaults') === true
    || isSet(v('persistent_browser_mode')) || (typeof frequency === 'number' && frequency > 0) || isSet(interval)
    || (isSet(v('sign_in_frequency_authentication_type')) && v('sign_in_frequency_authentication_type') !== 'primaryAndSecondaryAuthentication');
  if (!effective) {
    diff('session_controls', s, 'sets nothing effective; the provider sends it as null and reads back no block, so every plan adds it again', 'remove the block or set a session control');
  }
  if (typeof frequency === 'number' && frequency > 0 && !isSet(interval)) {
    diff('session_controls.sign_in_frequency_interval', undefined, 'is not written with a sign-in frequency; it is Optional + Computed, so later changes to it never reach the tenant', "write 'timeBased' explicitly");
  }
}

/** What Graph rejects at apply that the provider does not check (Graph v1.0 conditionalAccessGrantControls). */
function checkGraphRules(body: Json, apply: Report): void {
  const controls = list(at(body, 'grant_controls.built_in_controls'));
  const userRisk = list(at(body, 'conditions.user_risk_levels'));
  if (controls.includes('passwordChange')) {
    if (at(body, 'grant_controls.operator') !== 'AND' || !controls.includes('mfa')) {
      apply('grant_controls.built_in_controls', controls.join(','), 'uses passwordChange without mfa under AND', "Graph takes passwordChange only as operator 'AND' with mfa");
    }
    if (userRisk.length === 0) apply('conditions.user_risk_levels', undefined, 'is not set while grant_controls require passwordChange', 'Graph takes passwordChange only in a policy on user risk');
  }
  // Not checked here, because Graph accepts them (real tenants hold such policies; issue 20): password change without
  // sign-in frequency every time (lint rule CA12), and every time outside the v1.0 sentence's scopes; Graph's beta
  // signInFrequencySessionControl lists "any application, authentication context, and user actions" (lint rule CA11).
  const excludedSps = list(at(body, 'conditions.client_applications.excluded_service_principals'));
  const includedSps = list(at(body, 'conditions.client_applications.included_service_principals'));
  if (excludedSps.length > 0 && !includedSps.includes('ServicePrincipalsInMyTenant')) {
    apply('conditions.client_applications.excluded_service_principals', excludedSps, "is set without 'ServicePrincipalsInMyTenant' included", "include 'ServicePrincipalsInMyTenant' and exclude from it, or list only included service principals");
  }
}

/** Checks one `azuread_named_location` body. */
export function checkNamedLocationContract(body: Json): ContractProblem[] {
  const out: ContractProblem[] = [];
  const plan: Report = (attribute, value, problem, fix) => out.push({ attribute, value, problem, fix, kind: 'plan' });
  const apply: Report = (attribute, value, problem, fix) => out.push({ attribute, value, problem, fix, kind: 'apply' });
  if (typeof body.display_name !== 'string' || body.display_name === '') plan('display_name', body.display_name, 'is required and may not be empty', 'give the location a display name');
  const ip = at(body, 'ip');
  const country = at(body, 'country');
  if (isSet(ip) === isSet(country)) plan(isSet(ip) ? 'ip' : 'country', undefined, isSet(ip) ? 'and country are both set' : 'and ip are both missing', 'set exactly one of the ip and country blocks');
  if (isSet(ip)) {
    const ranges = at(body, 'ip.ip_ranges');
    if (!isSet(ranges)) plan('ip.ip_ranges', undefined, 'is required', 'list the CIDR ranges');
    list(ranges).forEach((r, i) => {
      if (isExpression(r)) return;
      const slash = typeof r === 'string' ? r.indexOf('/') : -1;
      const prefix = slash >= 0 ? Number((r as string).slice(slash + 1)) : NaN;
      if (typeof r !== 'string' || slash < 0 || !Number.isInteger(prefix)) {
        plan(`ip.ip_ranges[${i}]`, r, 'is not a CIDR prefix', "write a range such as '203.0.113.0/24'");
      } else if (prefix < 8) {
        plan(`ip.ip_ranges[${i}]`, r, 'has a prefix shorter than /8 (PrefixLengthAtLeast(8))', 'split it into narrower ranges');
      } else {
        let canonical: string | undefined;
        try {
          canonical = parseCidr(`ip.ip_ranges[${i}]`, r).canonical;
        } catch {
          canonical = undefined;
        }
        if (canonical !== undefined && canonical !== r) {
          // the provider waits for 5 reads equal to the config (NL:356-369); a range Graph rewrites never matches
          apply(`ip.ip_ranges[${i}]`, r, 'is not in canonical form; the provider waits until Graph returns exactly the configured ranges, which can time out', `write '${canonical}'`);
        }
      }
    });
  }
  if (isSet(country)) {
    if (!isSet(at(body, 'country.countries_and_regions'))) plan('country.countries_and_regions', undefined, 'is required', 'list ISO 3166-1 alpha-2 codes');
    list(at(body, 'country.countries_and_regions')).forEach((c, i) => {
      if (c === '') plan(`country.countries_and_regions[${i}]`, c, 'is empty', 'remove it');
    });
    const method = at(body, 'country.country_lookup_method');
    if (isSet(method)) enumValue('country.country_lookup_method', method, COUNTRY_LOOKUP_METHODS.providerValues, plan);
  }
  return out;
}

/** Checks one `azuread_authentication_strength_policy` body. */
export function checkStrengthContract(body: Json): ContractProblem[] {
  const out: ContractProblem[] = [];
  const plan: Report = (attribute, value, problem, fix) => out.push({ attribute, value, problem, fix, kind: 'plan' });
  const diff: Report = (attribute, value, problem, fix) => out.push({ attribute, value, problem, fix, kind: 'diff' });
  if (typeof body.display_name !== 'string' || body.display_name === '') plan('display_name', body.display_name, 'is required and may not be empty', 'give the strength a display name');
  const combinations = body.allowed_combinations;
  if (!isSet(combinations)) plan('allowed_combinations', undefined, 'is required', 'list the allowed combinations');
  list(combinations).forEach((c, i) => {
    if (isExpression(c) || typeof c !== 'string') return;
    const modes = c.split(',');
    const unknown = modes.find((m) => !AUTHENTICATION_METHOD_MODES.providerValues.includes(m.trim()));
    if (unknown !== undefined) {
      plan(`allowed_combinations[${i}]`, c, `has '${unknown}', which azuread provider 3.7.0 does not know as an authentication method mode`, `use modes from ${AUTHENTICATION_METHOD_MODES.providerValues.join(', ')}`);
    } else if (canonicalCombination(c) !== c) {
      diff(`allowed_combinations[${i}]`, c, 'is not written the way Graph returns it (modes in flag order, no spaces), so every plan shows a change', `write '${canonicalCombination(c)}'`);
    }
  });
  return out;
}
