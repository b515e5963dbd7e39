/**
 * Reads a synthesized stack (`cdk.tf.json`) once and compiles every `azuread_conditional_access_policy` into a
 * compact structure the evaluator can match many sign-ins against. Internal module.
 */
import { DeviceRule, parseDeviceRule } from './device-filter';
import { RangeSet } from './ip';
import {
  EnumList,
  IdList,
  isExpression,
  K_ADDRESS,
  K_GUID,
  K_OPAQUE,
  parseReference,
  Term,
  Tri,
  F,
  T,
  U,
} from './logic';
import {
  ADMIN_PORTAL_APP_IDS,
  CLIENT_APP_TYPES,
  DEVICE_PLATFORMS,
  EXTERNAL_USER_TYPES,
  OFFICE_365_APP_IDS,
  R_EMPTY_POLICY,
  R_INVALID_CONDITION,
  R_INVALID_POLICY,
  R_NOT_ENOUGH_INFORMATION,
  RISK_LEVELS,
  TRANSFER_METHODS,
  USER_ACTIONS,
} from './microsoft-data';
import { WhatIfAuthenticationStrength, WhatIfGrantControls, WhatIfPolicyInfo } from './model';
import { AUTHENTICATION_STRENGTH_PATH, AuthenticationStrength } from '../authentication-strength/authentication-strength';
import { isGuid } from '../private/validation';

/** Policy states. */
export const ST_ENABLED = 0;
/** `enabledForReportingButNotEnforced`. */
export const ST_REPORT_ONLY = 1;
/** `disabled`. */
export const ST_DISABLED = 2;
/** A Terraform expression or an invalid value: the state is not known offline. */
export const ST_UNKNOWN = 3;

/** Location entry codes; values >= 0 index `CompiledStack.locations`. */
export const LOC_ALL = -1;
/** `AllTrusted`. */
export const LOC_ALL_TRUSTED = -2;
/** A named location whose definition is not in the stack. */
export const LOC_UNKNOWN = -3;

/** Target kinds. */
export const TG_APPS = 0;
/** The policy targets user actions. */
export const TG_ACTIONS = 1;
/** The policy's target is invalid (both or neither of applications and user actions). */
export const TG_INVALID = 2;

/** A named location defined in the stack. */
export interface CompiledLocation {
  readonly address: string;
  /** IP ranges; `null` for a country location or when the ranges are an expression. */
  readonly ranges: RangeSet | null;
  /** Whether this is an IP location. */
  readonly isIp: boolean;
  /** Whether the IP location is trusted (U when an expression). */
  readonly trusted: Tri;
  /** Upper-case country codes; `null` for an IP location or when unknown. */
  readonly countries: Set<string> | null;
  /** `include_unknown_countries_and_regions`. */
  readonly includeUnknown: Tri;
  /** The country is looked up from the client IP (`clientIpAddress`, default) rather than GPS. */
  readonly lookupByIp: boolean;
}

/** A compiled `*_guests_or_external_users` block. */
export interface GuestBlock {
  readonly types: EnumList;
  /** `membership_kind = all` (or no `external_tenants`). */
  readonly allTenants: Tri;
  /** Enumerated tenant ids. */
  readonly tenants: IdList;
}

/** A compiled application list. */
export interface AppList {
  readonly ids: IdList;
  readonly all: boolean;
  readonly office365: boolean;
  readonly adminPortals: boolean;
  /** Some listed GUID is a member of the Office 365 suite. */
  readonly hasOfficeMember: boolean;
  /** Some listed GUID is a member of the Microsoft Admin Portals. */
  readonly hasAdminMember: boolean;
}

/** A compiled policy. Every field is always present so the evaluator's hot loop sees one shape. */
export interface CompiledPolicy {
  readonly info: WhatIfPolicyInfo;
  readonly stateKind: number;
  /** Reasons known at compile time (invalidCondition, invalidPolicy, emptyPolicy, notEnoughInformation). */
  readonly staticMask: number;

  readonly hasUsers: boolean;
  readonly incAllUsers: boolean;
  readonly incGuestsSpecial: boolean;
  readonly incUsers: IdList;
  readonly incGroups: IdList;
  readonly incRoles: IdList;
  readonly incGuestBlock: GuestBlock | null;
  readonly excGuestsSpecial: boolean;
  readonly excUsers: IdList;
  readonly excGroups: IdList;
  readonly excRoles: IdList;
  readonly excGuestBlock: GuestBlock | null;

  readonly targetKind: number;
  readonly userActions: EnumList;
  readonly incApps: AppList;
  readonly excApps: AppList;

  readonly hasClientApplications: boolean;
  readonly incSpAllInTenant: boolean;
  readonly incSps: IdList;
  readonly excSps: IdList;
  readonly spFilter: boolean;
  readonly spRisk: EnumList | null;

  readonly clientAppTypes: EnumList | null;
  readonly platformsInc: EnumList | null;
  readonly platformsExc: EnumList | null;
  readonly locInc: number[] | null;
  readonly locExc: number[];
  readonly signInRisk: EnumList | null;
  readonly userRisk: EnumList | null;
  readonly insiderRisk: EnumList | null;
  readonly transferMethods: EnumList | null;
  readonly hasDeviceFilter: boolean;
  readonly deviceFilterExclude: boolean;
  readonly deviceRule: DeviceRule | undefined;

  readonly grantControls: WhatIfGrantControls | undefined;
  readonly sessionControls: { [key: string]: any } | undefined;
  readonly isBlock: boolean;
  readonly hasGrant: boolean;
}

/** The compiled stack. */
export interface CompiledStack {
  readonly policies: CompiledPolicy[];
  readonly locations: CompiledLocation[];
  /** The tenant may have named locations the stack does not define (data sources, literal ids, unresolved refs). */
  readonly hasUnknownNamedLocations: boolean;
  /** Addresses defined in the stack (for error messages). */
  readonly addresses: string[];
  readonly warnings: string[];
  /** Resolves a Terraform address given in a sign-in; `undefined` when the stack neither defines nor references it. */
  resolveAddress(address: string, attributes: readonly string[]): Term | undefined;
}

type Json = { [key: string]: any };

const POLICY_TYPE = 'azuread_conditional_access_policy';
const LOCATION_TYPE = 'azuread_named_location';
const STRENGTH_TYPE = 'azuread_authentication_strength_policy';
const INSIDER_LEVELS = ['minor', 'moderate', 'elevated'];

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A nested block: cdktf writes an object, hand-written Terraform JSON may write a list of objects. */
function block(v: unknown): Json | undefined {
  if (Array.isArray(v)) return isObject(v[0]) ? v[0] : undefined;
  return isObject(v) ? v : undefined;
}

/** A list attribute: its string items, or `unknown` when the whole list is an expression. */
function list(v: unknown): { items: string[]; unknown: boolean } {
  if (Array.isArray(v)) return { items: v.filter((x) => x !== null && x !== undefined).map((x) => String(x)), unknown: false };
  if (typeof v === 'string') return isExpression(v) ? { items: [], unknown: true } : { items: [v], unknown: false };
  return { items: [], unknown: false };
}

function triOf(v: unknown): Tri {
  if (v === true || v === 'true') return T;
  if (v === undefined || v === null || v === false || v === 'false') return F;
  return U;
}

/** Compiles a parsed `cdk.tf.json`. */
export function compileStack(json: unknown): CompiledStack {
  const root: Json = isObject(json) ? json : {};
  const resources = new Map<string, Json>();
  const data = new Map<string, Json>();
  for (const [type, byName] of Object.entries(isObject(root.resource) ? root.resource : {})) {
    if (type === '//' || !isObject(byName)) continue;
    for (const [name, body] of Object.entries(byName)) {
      if (name !== '//' && isObject(body)) resources.set(`${type}.${name}`, body);
    }
  }
  for (const [type, byName] of Object.entries(isObject(root.data) ? root.data : {})) {
    if (type === '//' || !isObject(byName)) continue;
    for (const [name, body] of Object.entries(byName)) {
      if (name !== '//' && isObject(body)) data.set(`data.${type}.${name}`, body);
    }
  }
  return new StackCompiler(resources, data).compile();
}

class StackCompiler {
  private readonly warnings: string[] = [];
  private readonly referenced = new Set<string>();
  private readonly locations: CompiledLocation[] = [];
  private readonly locationIndex = new Map<string, number>();
  private hasUnknownNamedLocations = false;

  constructor(private readonly resources: Map<string, Json>, private readonly data: Map<string, Json>) {}

  public compile(): CompiledStack {
    for (const [address, body] of this.resources) {
      if (address.startsWith(`${LOCATION_TYPE}.`)) this.compileLocation(address, body);
    }
    for (const address of this.data.keys()) {
      if (address.startsWith(`data.${LOCATION_TYPE}.`)) this.hasUnknownNamedLocations = true;
    }
    const policies: CompiledPolicy[] = [];
    for (const [address, body] of this.resources) {
      if (address.startsWith(`${POLICY_TYPE}.`)) policies.push(new PolicyCompiler(this, address, body).compile());
    }
    const resources = this.resources;
    const data = this.data;
    const referenced = this.referenced;
    return {
      policies,
      locations: this.locations,
      hasUnknownNamedLocations: this.hasUnknownNamedLocations,
      addresses: [...resources.keys(), ...data.keys()],
      warnings: this.warnings,
      resolveAddress(address: string, attributes: readonly string[]): Term | undefined {
        const isData = address.startsWith('data.');
        const body = isData ? data.get(address) : resources.get(address);
        if (body) {
          for (const attribute of attributes) {
            const literal = body[attribute];
            if (typeof literal === 'string' && isGuid(literal)) return { key: literal.toLowerCase(), kind: K_GUID };
          }
          return { key: address, kind: isData ? K_OPAQUE : K_ADDRESS };
        }
        return referenced.has(address) ? { key: address, kind: K_OPAQUE } : undefined;
      },
    };
  }

  public warn(message: string): void {
    this.warnings.push(message);
  }

  /** A policy value naming an identity: a GUID, a reference, or (for `invalid`) anything else. */
  public term(value: string): Term | 'invalid' {
    if (isGuid(value)) return { key: value.toLowerCase(), kind: K_GUID };
    const ref = parseReference(value);
    if (ref) {
      this.referenced.add(ref.address);
      const isData = ref.address.startsWith('data.');
      const body = isData ? this.data.get(ref.address) : this.resources.get(ref.address);
      // a literal id in the referenced block (e.g. a data source looked up by object_id); `id` and `object_id`
      // both name the object id of users, groups and service principals
      const attributes = ref.attribute === 'id' ? ['id', 'object_id'] : [ref.attribute];
      for (const attribute of attributes) {
        const literal = body?.[attribute];
        if (typeof literal === 'string' && isGuid(literal)) return { key: literal.toLowerCase(), kind: K_GUID };
      }
      return { key: ref.address, kind: body && !isData ? K_ADDRESS : K_OPAQUE };
    }
    if (isExpression(value)) return { key: value, kind: K_OPAQUE };
    return 'invalid';
  }

  /** Resolves a policy location entry to a location code. */
  public location(value: string, where: string): number | 'invalid' {
    if (value === 'All') return LOC_ALL;
    if (value === 'AllTrusted') return LOC_ALL_TRUSTED;
    const ref = parseReference(value);
    if (ref) {
      this.referenced.add(ref.address);
      const index = this.locationIndex.get(ref.address);
      if (index !== undefined) {
        if (ref.attribute === 'id') {
          this.warn(`${where}: '${value}' uses the named location's id (a path); Graph rejects it (error 1040), use .object_id`);
        }
        return index;
      }
      this.hasUnknownNamedLocations = true;
      return LOC_UNKNOWN;
    }
    if (isGuid(value) || isExpression(value)) {
      this.hasUnknownNamedLocations = true;
      return LOC_UNKNOWN;
    }
    return 'invalid';
  }

  /** Resolves `authentication_strength_policy_id`. */
  public strength(value: string): WhatIfAuthenticationStrength {
    if (value.startsWith(AUTHENTICATION_STRENGTH_PATH)) {
      const builtIn = AuthenticationStrength.builtIn(value);
      if (builtIn) {
        return { id: value, resolved: true, displayName: builtIn.displayName, allowedCombinations: builtIn.allowedCombinations!.map((c) => c.value) };
      }
      return { id: value, resolved: false };
    }
    const ref = parseReference(value);
    if (ref) {
      this.referenced.add(ref.address);
      const body = ref.address.startsWith(`${STRENGTH_TYPE}.`) ? this.resources.get(ref.address) : undefined;
      if (body) {
        const combos = list(body.allowed_combinations);
        const displayName = typeof body.display_name === 'string' ? body.display_name : undefined;
        if (!combos.unknown && !combos.items.some(isExpression)) {
          return { id: value, address: ref.address, resolved: true, displayName, allowedCombinations: combos.items };
        }
        return { id: value, address: ref.address, resolved: false, displayName };
      }
    }
    return { id: value, resolved: false };
  }

  private compileLocation(address: string, body: Json): void {
    const ip = block(body.ip);
    const country = block(body.country);
    let location: CompiledLocation;
    if (ip) {
      const ranges = list(ip.ip_ranges);
      let set: RangeSet | null = null;
      if (!ranges.unknown && !ranges.items.some(isExpression)) {
        const built = RangeSet.fromCidrs(ranges.items);
        if (built.invalid.length > 0) {
          this.warn(`${address}: ip_ranges ${built.invalid.map((r) => `'${r}'`).join(', ')} are not CIDR ranges; they match nothing`);
        }
        set = built.set;
      }
      location = { address, isIp: true, ranges: set, trusted: triOf(ip.trusted), countries: null, includeUnknown: F, lookupByIp: true };
    } else if (country) {
      const codes = list(country.countries_and_regions);
      const known = !codes.unknown && !codes.items.some(isExpression);
      location = {
        address,
        isIp: false,
        ranges: null,
        trusted: F,
        countries: known ? new Set(codes.items.map((c) => c.toUpperCase())) : null,
        includeUnknown: triOf(country.include_unknown_countries_and_regions),
        lookupByIp: country.country_lookup_method !== 'authenticatorAppGps',
      };
    } else {
      this.warn(`${address}: neither an ip nor a country block; the location is treated as unknown`);
      location = { address, isIp: false, ranges: null, trusted: U, countries: null, includeUnknown: U, lookupByIp: true };
    }
    this.locationIndex.set(address, this.locations.length);
    this.locations.push(location);
  }
}

class PolicyCompiler {
  private mask = 0;

  constructor(private readonly stack: StackCompiler, private readonly address: string, private readonly body: Json) {}

  public compile(): CompiledPolicy {
    const body = this.body;
    const displayName = typeof body.display_name === 'string' ? body.display_name : this.address;
    const state = typeof body.state === 'string' ? body.state : String(body.state);
    let stateKind: number;
    switch (state) {
      case 'enabled':
        stateKind = ST_ENABLED;
        break;
      case 'enabledForReportingButNotEnforced':
        stateKind = ST_REPORT_ONLY;
        break;
      case 'disabled':
        stateKind = ST_DISABLED;
        break;
      default:
        stateKind = ST_UNKNOWN;
        if (isExpression(state)) {
          this.mask |= R_NOT_ENOUGH_INFORMATION; // eslint-disable-line no-bitwise
        } else {
          this.invalid('invalidPolicy', `state '${state}' is not enabled, disabled or enabledForReportingButNotEnforced`);
        }
    }
    if (body.count !== undefined || body.for_each !== undefined) {
      this.stack.warn(`${this.address}: count/for_each cannot be expanded offline; the policy is evaluated once`);
    }

    const conditions = block(body.conditions) ?? {};
    const users = block(conditions.users);
    const applications = block(conditions.applications);
    const clientApplications = block(conditions.client_applications);
    const platforms = block(conditions.platforms);
    const locations = block(conditions.locations);
    const devices = block(conditions.devices);
    const filter = devices ? block(devices.filter) : undefined;
    const grant = block(body.grant_controls);
    const session = block(body.session_controls);

    // ---- users
    let incAllUsers = false;
    let incGuestsSpecial = false;
    let excGuestsSpecial = false;
    let hasNone = false;
    const incUsers = new IdList();
    const excUsers = new IdList();
    const incGroups = this.ids(users?.included_groups, 'users.included_groups');
    const excGroups = this.ids(users?.excluded_groups, 'users.excluded_groups');
    const incRoles = this.ids(users?.included_roles, 'users.included_roles');
    const excRoles = this.ids(users?.excluded_roles, 'users.excluded_roles');
    const included = list(users?.included_users);
    if (included.unknown) incUsers.hasOpaque = true;
    for (const v of included.items) {
      if (v === 'All') incAllUsers = true;
      else if (v === 'None') hasNone = true;
      else if (v === 'GuestsOrExternalUsers') incGuestsSpecial = true;
      else this.addId(incUsers, v, 'users.included_users');
    }
    const excluded = list(users?.excluded_users);
    if (excluded.unknown) excUsers.hasOpaque = true;
    for (const v of excluded.items) {
      if (v === 'GuestsOrExternalUsers') excGuestsSpecial = true;
      else this.addId(excUsers, v, 'users.excluded_users');
    }
    const incGuestBlock = this.guestBlock(users?.included_guests_or_external_users, 'users.included_guests_or_external_users');
    const excGuestBlock = this.guestBlock(users?.excluded_guests_or_external_users, 'users.excluded_guests_or_external_users');
    if (!users) {
      this.invalid('invalidPolicy', 'conditions.users is missing');
    } else if (!incAllUsers && !incGuestsSpecial && !hasNone && incUsers.empty && incGroups.empty && incRoles.empty && !incGuestBlock) {
      this.invalid('invalidPolicy', 'conditions.users includes nobody (set included_users, included_groups, included_roles or included_guests_or_external_users)');
    }

    // ---- target resources
    const apps = list(applications?.included_applications);
    const actions = list(applications?.included_user_actions);
    const hasApps = apps.unknown || apps.items.length > 0;
    const hasActions = actions.unknown || actions.items.length > 0;
    let targetKind = TG_INVALID;
    if (hasApps && hasActions) {
      this.invalid('invalidPolicy', 'conditions.applications sets both included_applications and included_user_actions');
    } else if (!hasApps && !hasActions) {
      this.invalid('invalidPolicy', 'conditions.applications sets neither included_applications nor included_user_actions');
    } else {
      targetKind = hasApps ? TG_APPS : TG_ACTIONS;
    }
    const userActions = this.enumList(actions, [...USER_ACTIONS.values()], undefined, 'applications.included_user_actions');
    const incApps = this.apps(apps, true, 'applications.included_applications');
    const excApps = this.apps(list(applications?.excluded_applications), false, 'applications.excluded_applications');

    // ---- workload identities
    let incSpAllInTenant = false;
    const incSps = new IdList();
    const includedSps = list(clientApplications?.included_service_principals);
    if (includedSps.unknown) incSps.hasOpaque = true;
    for (const v of includedSps.items) {
      if (v === 'ServicePrincipalsInMyTenant') incSpAllInTenant = true;
      else this.addId(incSps, v, 'client_applications.included_service_principals');
    }
    const excSps = this.ids(clientApplications?.excluded_service_principals, 'client_applications.excluded_service_principals');

    // ---- conditions
    const clientAppTypes = this.enumList(list(conditions.client_app_types), CLIENT_APP_TYPES, 'all', 'client_app_types');
    let platformsInc: EnumList | null = null;
    let platformsExc: EnumList | null = null;
    if (platforms) {
      const inc = list(platforms.included_platforms);
      platformsInc = inc.unknown || inc.items.length > 0 ? this.enumList(inc, DEVICE_PLATFORMS, 'all', 'platforms.included_platforms') : allList();
      platformsExc = this.enumList(list(platforms.excluded_platforms), DEVICE_PLATFORMS, 'all', 'platforms.excluded_platforms');
    }
    let locInc: number[] | null = null;
    const locExc: number[] = [];
    if (locations) {
      locInc = this.locationCodes(locations.included_locations, 'locations.included_locations');
      locExc.push(...this.locationCodes(locations.excluded_locations, 'locations.excluded_locations'));
    }
    const insider = list(conditions.insider_risk_levels);
    const insiderItems = insider.items.flatMap((s) => (isExpression(s) ? [s] : s.split(',').map((x) => x.trim()).filter((x) => x)));

    let hasDeviceFilter = false;
    let deviceFilterExclude = false;
    let deviceRule: DeviceRule | undefined;
    if (filter) {
      hasDeviceFilter = true;
      const mode = filter.mode;
      if (mode === 'exclude') deviceFilterExclude = true;
      else if (mode !== 'include' && !isExpression(mode)) this.invalid('invalidCondition', `devices.filter.mode '${mode}' is not include or exclude`);
      if (typeof filter.rule === 'string' && !isExpression(filter.rule)) {
        deviceRule = parseDeviceRule(filter.rule);
        if (!deviceRule) {
          this.stack.warn(`${this.address}: devices.filter.rule '${filter.rule}' uses syntax the offline evaluator does not support; the device condition is notEnoughInformation`);
        }
      }
    }

    // ---- controls
    let grantControls: WhatIfGrantControls | undefined;
    let isBlock = false;
    let hasGrant = false;
    if (grant) {
      const builtIn = list(grant.built_in_controls).items;
      const strengthId = typeof grant.authentication_strength_policy_id === 'string' ? grant.authentication_strength_policy_id : undefined;
      const termsOfUse = list(grant.terms_of_use).items;
      const custom = list(grant.custom_authentication_factors).items;
      grantControls = deepFreeze({
        operator: typeof grant.operator === 'string' ? grant.operator : 'OR',
        builtInControls: builtIn,
        ...(strengthId ? { authenticationStrength: this.stack.strength(strengthId) } : {}),
        termsOfUse,
        customAuthenticationFactors: custom,
      });
      isBlock = builtIn.includes('block');
      hasGrant = builtIn.length > 0 || strengthId !== undefined || termsOfUse.length > 0 || custom.length > 0;
    }
    let sessionControls: { [key: string]: any } | undefined;
    if (session) {
      const out: { [key: string]: any } = {};
      for (const [k, v] of Object.entries(session)) {
        if (k !== '//' && v !== null && v !== undefined) out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
      }
      if (Object.keys(out).length > 0) sessionControls = deepFreeze(out);
    }
    if (!hasGrant && !sessionControls) {
      this.invalid('emptyPolicy', 'neither grant_controls nor session_controls sets a control');
    }

    return {
      info: { address: this.address, displayName, state },
      stateKind,
      staticMask: this.mask,
      hasUsers: users !== undefined,
      incAllUsers,
      incGuestsSpecial,
      incUsers,
      incGroups,
      incRoles,
      incGuestBlock,
      excGuestsSpecial,
      excUsers,
      excGroups,
      excRoles,
      excGuestBlock,
      targetKind,
      userActions,
      incApps,
      excApps,
      hasClientApplications: clientApplications !== undefined && (incSpAllInTenant || !incSps.empty),
      incSpAllInTenant,
      incSps,
      excSps,
      spFilter: clientApplications !== undefined && block(clientApplications.filter) !== undefined,
      spRisk: this.optionalEnumList(conditions.service_principal_risk_levels, RISK_LEVELS, 'service_principal_risk_levels'),
      clientAppTypes: clientAppTypes.all || (clientAppTypes.values.size === 0 && !clientAppTypes.unknown) ? null : clientAppTypes,
      platformsInc,
      platformsExc,
      locInc,
      locExc,
      signInRisk: this.optionalEnumList(conditions.sign_in_risk_levels, RISK_LEVELS, 'sign_in_risk_levels'),
      userRisk: this.optionalEnumList(conditions.user_risk_levels, RISK_LEVELS, 'user_risk_levels'),
      insiderRisk:
        insider.unknown || insiderItems.length > 0
          ? this.enumList({ items: insiderItems, unknown: insider.unknown }, INSIDER_LEVELS, undefined, 'insider_risk_levels')
          : null,
      transferMethods: this.optionalEnumList(
        conditions.authentication_flow_transfer_methods,
        TRANSFER_METHODS.filter((m) => m !== 'none'),
        'authentication_flow_transfer_methods',
      ),
      hasDeviceFilter,
      deviceFilterExclude,
      deviceRule,
      grantControls,
      sessionControls,
      isBlock,
      hasGrant,
    };
  }

  private invalid(reason: 'invalidPolicy' | 'invalidCondition' | 'emptyPolicy', message: string): void {
    /* eslint-disable no-bitwise */
    this.mask |= reason === 'invalidPolicy' ? R_INVALID_POLICY : reason === 'invalidCondition' ? R_INVALID_CONDITION : R_EMPTY_POLICY;
    /* eslint-enable no-bitwise */
    this.stack.warn(`${this.address}: ${message} (${reason})`);
  }

  private addId(target: IdList, value: string, field: string): void {
    const term = this.stack.term(value);
    if (term === 'invalid') {
      this.invalid('invalidCondition', `${field} has '${value}', which is not an object id, a reference or a special value`);
    } else {
      target.add(term);
    }
  }

  private ids(value: unknown, field: string): IdList {
    const out = new IdList();
    const l = list(value);
    if (l.unknown) out.hasOpaque = true;
    for (const v of l.items) this.addId(out, v, field);
    return out;
  }

  private enumList(l: { items: string[]; unknown: boolean }, allowed: readonly string[], all: string | undefined, field: string): EnumList {
    const out = new EnumList();
    out.unknown = l.unknown;
    for (const v of l.items) {
      if (all !== undefined && v === all) out.all = true;
      else if (allowed.includes(v)) out.values.add(v);
      else if (isExpression(v)) out.unknown = true;
      else this.invalid('invalidCondition', `${field} has '${v}', which is not one of ${allowed.join(', ')}`);
    }
    return out;
  }

  private optionalEnumList(value: unknown, allowed: readonly string[], field: string): EnumList | null {
    const l = list(value);
    return l.unknown || l.items.length > 0 ? this.enumList(l, allowed, undefined, field) : null;
  }

  private guestBlock(value: unknown, field: string): GuestBlock | null {
    if (value === undefined || value === null) return null;
    if (Array.isArray(value) && value.length === 0) return null;
    if (Array.isArray(value) && value.length > 1) {
      this.stack.warn(`${this.address}: ${field} has ${value.length} blocks; the provider reads only the first`);
    }
    const b = block(value);
    if (!b) {
      // an expression for the whole block
      const types = new EnumList();
      types.unknown = true;
      return { types, allTenants: U, tenants: new IdList() };
    }
    const types = this.enumList(
      list(b.guest_or_external_user_types),
      EXTERNAL_USER_TYPES.filter((t) => t !== 'none'),
      undefined,
      `${field}.guest_or_external_user_types`,
    );
    const tenantsBlock = block(b.external_tenants);
    const tenants = new IdList();
    let allTenants: Tri = T;
    if (tenantsBlock) {
      const kind = tenantsBlock.membership_kind;
      if (kind === 'enumerated') {
        allTenants = F;
        const members = list(tenantsBlock.members);
        if (members.unknown) tenants.hasOpaque = true;
        for (const m of members.items) this.addId(tenants, m, `${field}.external_tenants.members`);
      } else if (kind !== 'all' && kind !== undefined) {
        if (isExpression(kind)) allTenants = U;
        else this.invalid('invalidCondition', `${field}.external_tenants.membership_kind '${kind}' is not all or enumerated`);
      }
    }
    return { types, allTenants, tenants };
  }

  private apps(l: { items: string[]; unknown: boolean }, include: boolean, field: string): AppList {
    const ids = new IdList();
    if (l.unknown) ids.hasOpaque = true;
    let all = false;
    let office365 = false;
    let adminPortals = false;
    let hasOfficeMember = false;
    let hasAdminMember = false;
    for (const v of l.items) {
      if (include && v === 'All') {
        all = true;
      } else if (include && v === 'None') {
        continue;
      } else if (v === 'Office365') {
        office365 = true;
      } else if (v === 'MicrosoftAdminPortals') {
        adminPortals = true;
      } else {
        const term = this.stack.term(v);
        if (term === 'invalid') {
          this.invalid('invalidCondition', `${field} has '${v}', which is not an application id, a reference or a special value`);
          continue;
        }
        ids.add(term);
        if (term.kind === K_GUID) {
          hasOfficeMember ||= OFFICE_365_APP_IDS.has(term.key);
          hasAdminMember ||= ADMIN_PORTAL_APP_IDS.has(term.key);
        }
      }
    }
    return { ids, all, office365, adminPortals, hasOfficeMember, hasAdminMember };
  }

  private locationCodes(value: unknown, field: string): number[] {
    const l = list(value);
    const out: number[] = [];
    if (l.unknown) out.push(LOC_UNKNOWN);
    for (const v of l.items) {
      const code = this.stack.location(v, `${this.address}: ${field}`);
      if (code === 'invalid') {
        this.invalid('invalidCondition', `${field} has '${v}', which is not All, AllTrusted, a named location id or a reference`);
      } else {
        out.push(code);
      }
    }
    return out;
  }
}

function allList(): EnumList {
  const l = new EnumList();
  l.all = true;
  return l;
}

function deepFreeze<O>(o: O): O {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
