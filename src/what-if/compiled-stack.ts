/**
 * The compiled form of a stack's policies: compact structures the evaluator matches many sign-ins
 * against, built once from the policy model by `compileModel` (compile-stack.ts). Internal module.
 */
import { DeviceRule } from '../model/device-filter-rule';
import { RangeSet } from './ip';
import { EnumList, IdList, Term, Tri } from './logic';
import { WhatIfGrantControls, WhatIfPolicyInfo } from './model';

/** The state of a compiled policy: a literal type, so the evaluator's switch stays on small integers. */
export type StateKind = 0 | 1 | 2 | 3;
/** `enabled`. */
export const ST_ENABLED: StateKind = 0;
/** `enabledForReportingButNotEnforced`. */
export const ST_REPORT_ONLY: StateKind = 1;
/** `disabled`. */
export const ST_DISABLED: StateKind = 2;
/** A Terraform expression or an invalid value: the state is not known offline. */
export const ST_UNKNOWN: StateKind = 3;

/** Which states a decision reads, one bit per `StateKind` (a state known only at apply time is always read). */
export type StateScope = number;
/** The enabled policies: what the tenant enforces now. */
export const SCOPE_ENABLED: StateScope = (1 << ST_ENABLED) | (1 << ST_UNKNOWN); // eslint-disable-line no-bitwise
/** The report-only policies alone (What-If's `outcome.reportOnly`). */
export const SCOPE_REPORT_ONLY: StateScope = (1 << ST_REPORT_ONLY) | (1 << ST_UNKNOWN); // eslint-disable-line no-bitwise
/**
 * The enabled and the report-only policies together, as if the report-only ones were on: what the tenant would
 * enforce after switching them on (the question asked of a mixed tenant before switching).
 */
export const SCOPE_REPORT_ONLY_AS_ON: StateScope = SCOPE_ENABLED | (1 << ST_REPORT_ONLY); // eslint-disable-line no-bitwise

/** A location entry: `LOC_ALL`, `LOC_ALL_TRUSTED`, `LOC_UNKNOWN`, or (>= 0) an index into `CompiledStack.locations`. */
export type LocationCode = number;
/** `All`. */
export const LOC_ALL: LocationCode = -1;
/** `AllTrusted`. */
export const LOC_ALL_TRUSTED: LocationCode = -2;
/** A named location whose definition is not in the stack. */
export const LOC_UNKNOWN: LocationCode = -3;

/** What a policy targets. */
export type TargetKind = 0 | 1 | 2;
/** Applications. */
export const TG_APPS: TargetKind = 0;
/** User actions. */
export const TG_ACTIONS: TargetKind = 1;
/** Invalid: both or neither of applications and user actions. */
export const TG_INVALID: TargetKind = 2;

/** A named location defined in the stack. */
export interface CompiledLocation {
  readonly address: string;
  /** The display name (the address when it is an expression). */
  readonly displayName: string;
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
  readonly stateKind: StateKind;
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

  readonly targetKind: TargetKind;
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
  readonly locInc: LocationCode[] | null;
  readonly locExc: LocationCode[];
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
  /**
   * Display names of the objects the stack defines or reads, by Terraform address and by literal object / client /
   * template id (for descriptions in portal words).
   */
  readonly names: ReadonlyMap<string, string>;
  /**
   * Identities excluded on purpose, by term key (the same keys the policies' lists hold), with why: the
   * emergency-access accounts the stack declares, the Directory Synchronization Accounts role the templates exclude,
   * and the roles a policy excludes where rule CA7 (excluded directory roles) is suppressed with a reason.
   */
  readonly deliberate: ReadonlyMap<string, string>;
  /** Resolves a Terraform address given in a sign-in; `undefined` when the stack neither defines nor references it. */
  resolveAddress(address: string, attributes: readonly string[]): Term | undefined;
}

