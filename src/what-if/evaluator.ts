/**
 * The hot path: evaluates every compiled policy against one prepared sign-in. Internal module.
 *
 * Each condition is decided three-valued (see logic.ts); a failing condition sets its reason bit, an
 * undecidable one sets `notEnoughInformation`. A policy applies iff its mask is 0. Bit operations are the point
 * of this file, hence the lint exception.
 */
/* eslint-disable no-bitwise */
import {
  AppList,
  CompiledLocation,
  LOC_UNKNOWN,
  CompiledPolicy,
  CompiledStack,
  GuestBlock,
  LOC_ALL,
  LOC_ALL_TRUSTED,
  SCOPE_ENABLED,
  SCOPE_REPORT_ONLY,
  ST_DISABLED,
  ST_UNKNOWN,
  StateScope,
  TG_ACTIONS,
  TG_APPS,
} from './compiled-stack';
import { DeviceFacts, evaluateDeviceRule } from './device-filter';
import { ParsedIp, RangeIndex } from './ip';
import { and3, decide, EnumList, F, hasAnyPartial, IdList, K_GUID, K_OPAQUE, not3, or3, T, Term, Tri, U } from './logic';
import {
  ANALYSIS_REASONS,
  R_APPLICATION,
  R_AUTHENTICATION_CONTEXT,
  R_AUTHENTICATION_FLOW,
  R_CLIENT_APPS,
  R_DEVICE_PLATFORM,
  R_DEVICES,
  R_INSIDER_RISK,
  R_LOCATION,
  R_NOT_ENOUGH_INFORMATION,
  R_POLICY_NOT_ENABLED,
  R_SIGN_IN_RISK,
  R_USER_ACTIONS,
  R_USER_RISK,
  R_USERS,
  R_WORKLOAD_IDENTITIES,
} from './microsoft-data';
import { WhatIfAccess, WhatIfAccessDecision, WhatIfGrantControls, WhatIfPolicyResult, WhatIfReport, WhatIfRequirement } from './model';
import { AppTerm, CTX_APPLICATION, CTX_USER_ACTION, PreparedSignIn } from './prepare-sign-in';
import { deviceRuleProperties } from '../model/device-filter-rule';
import { ADMIN_PORTAL_APP_IDS, OFFICE_365_APP_IDS } from '../vocabulary/applications';

const reasonStrings = new Map<number, string>([[0, 'notSet']]);

/** The `analysisReasons` string of a mask (cached: masks repeat). */
export function reasonsOf(mask: number): string {
  if (mask === 0) return 'notSet';
  let s = reasonStrings.get(mask);
  if (s === undefined) {
    const parts: string[] = [];
    for (let i = 0; i < ANALYSIS_REASONS.length; i++) {
      if (mask & (1 << i)) parts.push(ANALYSIS_REASONS[i]);
    }
    s = parts.join(',');
    reasonStrings.set(mask, s);
  }
  return s;
}

/** `IdentityIndex` slot flags: the list is empty; a GUID term may equal an entry; an opaque term may. */
const LIST_EMPTY = 1;
const UNKNOWN_FOR_GUID = 2;
const UNKNOWN_FOR_OPAQUE = 4;

/**
 * Which of the policies' include and exclude lists for one sign-in field (users, groups, roles or service
 * principals) hold a term of the current sign-in: `has(slot)` is `list.hasAny(terms)` for the list in that slot
 * (policy i's include list in slot 2i, its exclude list in 2i + 1).
 *
 * Why: looking every term of the sign-in up in every list of every policy was a fifth of the What-If time. Here each
 * key maps, once per stack, to the slots of the lists that hold it; `mark` looks each term of a sign-in up once and
 * stamps those slots with the sign-in's generation, and `has` reads a stamp. A list that holds no term is unknown
 * when one of them could still equal an entry (`IdList.has`: a GUID term against an opaque entry, an opaque term
 * against a GUID or opaque one).
 */
class IdentityIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly flags: Uint8Array;
  private readonly stamps: Int32Array;
  private generation = 0;
  private terms: readonly Term[] | null = null;
  /** `UNKNOWN_FOR_GUID` / `UNKNOWN_FOR_OPAQUE` when the sign-in has a GUID / an opaque term. */
  private kinds = 0;

  constructor(policies: readonly CompiledPolicy[], lists: (p: CompiledPolicy) => [IdList, IdList]) {
    this.flags = new Uint8Array(2 * policies.length);
    this.stamps = new Int32Array(2 * policies.length);
    policies.forEach((p, i) => lists(p).forEach((list, k) => {
      const slot = 2 * i + k;
      this.flags[slot] =
        (list.empty ? LIST_EMPTY : 0) | (list.hasOpaque ? UNKNOWN_FOR_GUID : 0) | (list.hasOpaque || list.hasGuid ? UNKNOWN_FOR_OPAQUE : 0);
      for (const key of list.keys) {
        const slots = this.byKey.get(key);
        if (slots === undefined) this.byKey.set(key, [slot]);
        else slots.push(slot);
      }
    }));
  }

  /** Takes in the sign-in's terms for the field (`null`: the sign-in does not say). */
  public mark(terms: readonly Term[] | null): void {
    if (++this.generation === 0x40000000) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    this.terms = terms;
    this.kinds = 0;
    if (terms === null) return;
    for (const t of terms) {
      if (t.kind === K_GUID) this.kinds |= UNKNOWN_FOR_GUID;
      else if (t.kind === K_OPAQUE) this.kinds |= UNKNOWN_FOR_OPAQUE;
      const slots = this.byKey.get(t.key);
      if (slots !== undefined) for (const slot of slots) this.stamps[slot] = this.generation;
    }
  }

  /** Whether the list in `slot` holds a term of the sign-in (`IdList.hasAny`). */
  public has(slot: number): Tri {
    const flags = this.flags[slot];
    if ((flags & LIST_EMPTY) !== 0) return F;
    if (this.terms === null) return U;
    if (this.stamps[slot] === this.generation) return T;
    return (flags & this.kinds) !== 0 ? U : F;
  }
}

/**
 * One condition of every policy (client app types, a risk level, the applications, ...) for the current sign-in:
 * `of(i)` is policy i's. Policies whose condition has the same form (the same `key`) share a slot, worked out once
 * per sign-in with `test` on the first of them: policies repeat the same few lists, and matching each policy's own
 * was a tenth of the What-If time.
 */
class SharedCondition {
  /** Per policy: its slot, -1 when it has no such condition. */
  private readonly slotOf: Int32Array;
  /** Per slot: the first policy with that form of the condition. */
  private readonly representatives: CompiledPolicy[] = [];
  /** Per slot: the result for the current sign-in, -1 until worked out. */
  private readonly results: Int8Array;

  /**
   * @param key the form of a policy's condition (equal keys: equal results for every sign-in); `undefined` for none
   * @param test the condition of a policy for the current sign-in
   */
  constructor(
    policies: readonly CompiledPolicy[],
    key: (p: CompiledPolicy) => string | undefined,
    private readonly test: (p: CompiledPolicy) => Tri,
  ) {
    this.slotOf = new Int32Array(policies.length).fill(-1);
    const slots = new Map<string, number>();
    policies.forEach((p, i) => {
      const k = key(p);
      if (k === undefined) return;
      let slot = slots.get(k);
      if (slot === undefined) {
        slot = this.representatives.length;
        slots.set(k, slot);
        this.representatives.push(p);
      }
      this.slotOf[i] = slot;
    });
    this.results = new Int8Array(this.representatives.length);
  }

  /** Forgets the results: a new sign-in. */
  public reset(): void {
    this.results.fill(-1);
  }

  /** Policy i's condition (the policy has one). */
  public of(i: number): Tri {
    const slot = this.slotOf[i];
    let r = this.results[slot];
    if (r < 0) {
      r = this.test(this.representatives[slot]);
      this.results[slot] = r;
    }
    return r as Tri;
  }
}

/** The form of an enum list: what `EnumList.match` reads. */
function enumKey(l: EnumList | null): string | undefined {
  if (l === null) return undefined;
  const values = (set: ReadonlySet<string> | null) => (set === null ? '' : [...set].sort().join(','));
  return `${l.all}|${l.unknown}|${values(l.values)}|${values(l.maybe)}`;
}

/** The form of an application list: what `appIn` reads. */
function appsKey(l: AppList): string {
  return `${l.all}|${l.office365}|${l.adminPortals}|${l.ids.hasGuid}|${l.ids.hasOpaque}|${[...l.ids.keys].sort().join(',')}`;
}

/** Evaluates compiled policies; holds per-sign-in caches, so one instance serves one stack. */
export class Evaluator {
  /** Per named location: its match for the current sign-in, -1 until worked out (see `bind`). */
  private readonly locationCache: Int8Array;
  /** The IP locations with known ranges, for `bind` to find those that hold the sign-in's IP in one search. */
  private readonly ipLocations: RangeIndex;
  /**
   * `locationCache` before the IP is looked up, when the sign-in has no IP, a special one, or another one: each IP
   * location is then unknown, false, or (unknown ranges) unknown and else false until found holding it. A country
   * location is matched on demand.
   */
  private readonly locationsWithoutIp: Int8Array;
  private readonly locationsForSpecialIp: Int8Array;
  private readonly locationsForIp: Int8Array;
  /** The IP locations that may be trusted (`AllTrusted`). */
  private readonly trustedLocations: number[];
  private signIn!: PreparedSignIn;
  private trusted: Tri = U;
  /** The sign-in is a guest's or an external user's. */
  private isGuest = false;
  /** The reason bits of the conditions of the current policy that were unknown. */
  private unknown = 0;
  /** Per policy of the last `masks` call: the reason bits of its unknown conditions. */
  private unknownMasks: Int32Array = new Int32Array(0);
  /**
   * `report`'s masks and unknown-condition bits, reused from one call to the next: `report` keeps neither, and two
   * typed arrays per sign-in were a measurable part of the What-If throughput.
   */
  private readonly reportMasks: Int32Array;
  private readonly reportUnknown: Int32Array;
  private readonly users: IdentityIndex;
  private readonly groups: IdentityIndex;
  private readonly roles: IdentityIndex;
  private readonly servicePrincipals: IdentityIndex;
  /** The conditions that are worked out once per sign-in for each form of them (see `SharedCondition`). */
  private readonly shared: SharedCondition[];
  private readonly applications: SharedCondition;
  private readonly userActions: SharedCondition;
  private readonly clientAppTypes: SharedCondition;
  private readonly platforms: SharedCondition;
  private readonly signInRisk: SharedCondition;
  private readonly userRisk: SharedCondition;
  private readonly insiderRisk: SharedCondition;
  private readonly transferMethods: SharedCondition;
  private readonly servicePrincipalRisk: SharedCondition;
  /** Per policy: the last mask `report` turned into reasons, and those reasons (a policy's mask often repeats). */
  private readonly lastMasks: Int32Array;
  private readonly lastReasons: string[];

  constructor(private readonly stack: CompiledStack) {
    const { policies, locations } = stack;
    this.locationCache = new Int8Array(locations.length);
    this.ipLocations = RangeIndex.of(locations.map((l) => (l.isIp ? l.ranges : null)));
    this.locationsWithoutIp = Int8Array.from(locations, (l) => (l.isIp ? U : -1));
    this.locationsForSpecialIp = Int8Array.from(locations, (l) => (l.isIp ? F : -1));
    this.locationsForIp = Int8Array.from(locations, (l) => (!l.isIp ? -1 : l.ranges === null ? U : F));
    this.trustedLocations = locations.flatMap((l, k) => (l.isIp && l.trusted !== F ? [k] : []));
    this.reportMasks = new Int32Array(policies.length);
    this.reportUnknown = new Int32Array(policies.length);
    this.users = new IdentityIndex(policies, (p) => [p.incUsers, p.excUsers]);
    this.groups = new IdentityIndex(policies, (p) => [p.incGroups, p.excGroups]);
    this.roles = new IdentityIndex(policies, (p) => [p.incRoles, p.excRoles]);
    this.servicePrincipals = new IdentityIndex(policies, (p) => [p.incSps, p.excSps]);
    const shared = (key: (p: CompiledPolicy) => string | undefined, test: (p: CompiledPolicy) => Tri) =>
      new SharedCondition(policies, key, test);
    this.applications = shared(
      (p) => (p.targetKind === TG_APPS ? `${appsKey(p.incApps)}/${appsKey(p.excApps)}` : undefined),
      (p) => this.appCondition(p),
    );
    this.userActions = shared(
      (p) => (p.targetKind === TG_ACTIONS ? enumKey(p.userActions) : undefined),
      (p) => p.userActions.match(this.signIn.userActionUrn),
    );
    this.clientAppTypes = shared((p) => enumKey(p.clientAppTypes), (p) => p.clientAppTypes!.match(this.signIn.clientAppType));
    this.platforms = shared(
      (p) => (p.platformsInc === null ? undefined : `${enumKey(p.platformsInc)}/${enumKey(p.platformsExc)}`),
      (p) => decide(p.platformsInc!.match(this.signIn.devicePlatform), excluded(p.platformsExc!, this.signIn.devicePlatform)),
    );
    this.signInRisk = shared((p) => enumKey(p.signInRisk), (p) => p.signInRisk!.match(this.signIn.signInRisk));
    this.userRisk = shared((p) => enumKey(p.userRisk), (p) => p.userRisk!.match(this.signIn.userRisk));
    this.insiderRisk = shared((p) => enumKey(p.insiderRisk), (p) => p.insiderRisk!.match(this.signIn.insiderRisk));
    this.transferMethods = shared((p) => enumKey(p.transferMethods), (p) => p.transferMethods!.match(this.signIn.transferMethod));
    this.servicePrincipalRisk = shared((p) => enumKey(p.spRisk), (p) => p.spRisk!.match(this.signIn.servicePrincipalRisk));
    this.shared = [
      this.applications,
      this.userActions,
      this.clientAppTypes,
      this.platforms,
      this.signInRisk,
      this.userRisk,
      this.insiderRisk,
      this.transferMethods,
      this.servicePrincipalRisk,
    ];
    this.lastMasks = new Int32Array(policies.length).fill(-1);
    this.lastReasons = policies.map(() => '');
  }

  /** Evaluates every policy; returns one reason mask per policy (0 = applies). */
  public masks(signIn: PreparedSignIn): Int32Array {
    const out = new Int32Array(this.stack.policies.length);
    const unknown = new Int32Array(this.stack.policies.length);
    this.evaluateAll(signIn, out, unknown);
    this.unknownMasks = unknown;
    return out;
  }

  /**
   * Re-evaluates only the policies at `indices` (for a sign-in that narrows the one the masks came from: the other
   * policies are already decided), writing their masks and unknown-condition bits into `masks` / `unknown`.
   */
  public masksFor(signIn: PreparedSignIn, indices: readonly number[], masks: Int32Array, unknown: Int32Array): void {
    this.bind(signIn);
    const policies = this.stack.policies;
    for (const i of indices) {
      this.unknown = 0;
      masks[i] = this.policyMask(policies[i], i);
      unknown[i] = this.unknown;
    }
  }

  /**
   * The reason bits of the conditions that were unknown for each policy in the last `masks` call (0 when none;
   * `R_NOT_ENOUGH_INFORMATION` itself for an unknown state).
   */
  public lastUnknownMasks(): Int32Array {
    return this.unknownMasks;
  }

  /** Evaluates and builds the report. */
  public report(signIn: PreparedSignIn): WhatIfReport {
    const masks = this.reportMasks;
    const unknown = this.reportUnknown;
    this.evaluateAll(signIn, masks, unknown);
    const policies = this.stack.policies;
    const results: WhatIfPolicyResult[] = [];
    const appliedOnly = signIn.appliedPoliciesOnly;
    for (let i = 0; i < policies.length; i++) {
      const mask = masks[i];
      if (appliedOnly && mask !== 0) continue;
      if (mask !== this.lastMasks[i]) {
        this.lastMasks[i] = mask;
        this.lastReasons[i] = reasonsOf(mask);
      }
      results.push(policyResult(policies[i], mask, this.lastReasons[i]));
    }
    const explain = (i: number): string[] => missingDetails(policies[i], unknown[i], signIn, this.stack);
    const enabled = decision(policies, masks, SCOPE_ENABLED, explain);
    return {
      results,
      // the fields of `enabled` written out rather than spread (a spread copy is slow), in its order
      outcome: {
        access: enabled.access,
        requirements: enabled.requirements,
        blockedBy: enabled.blockedBy,
        undetermined: enabled.undetermined,
        undeterminedBy: enabled.undeterminedBy,
        missing: enabled.missing,
        reportOnly: decision(policies, masks, SCOPE_REPORT_ONLY, explain),
      },
      warnings: signIn.warnings,
    };
  }

  /** Takes in a sign-in: what every policy reads of it the same way is worked out once. */
  private bind(signIn: PreparedSignIn): void {
    this.signIn = signIn;
    this.isGuest = signIn.externalUserType !== 'none';
    this.bindLocations(signIn.ip);
    this.users.mark(signIn.user);
    this.groups.mark(signIn.memberOf);
    this.roles.mark(signIn.roles);
    this.servicePrincipals.mark(signIn.servicePrincipal);
    for (const c of this.shared) c.reset();
  }

  /** Evaluates every policy into `masks` and `unknown` (see `masks` and `lastUnknownMasks`). */
  private evaluateAll(signIn: PreparedSignIn, masks: Int32Array, unknown: Int32Array): void {
    this.bind(signIn);
    const policies = this.stack.policies;
    for (let i = 0; i < policies.length; i++) {
      this.unknown = 0;
      masks[i] = this.policyMask(policies[i], i);
      unknown[i] = this.unknown;
    }
  }

  /** Policy `p`, at index `i`: its reason mask. */
  private policyMask(p: CompiledPolicy, i: number): number {
    if (p.stateKind === ST_DISABLED) return R_POLICY_NOT_ENABLED;
    const s = this.signIn;
    let mask = p.staticMask;
    let r: Tri;

    // ---- identity
    if (s.isServicePrincipal) {
      if (!p.hasClientApplications) {
        mask |= R_WORKLOAD_IDENTITIES;
      } else {
        const inc = p.incSpAllInTenant ? T : this.servicePrincipals.has(2 * i);
        r = decide(inc, this.servicePrincipals.has(2 * i + 1));
        if (p.spFilter && r !== F) r = U; // the filter reads custom security attributes the sign-in cannot give
        mask |= this.bit(r, R_WORKLOAD_IDENTITIES);
      }
      if (p.spRisk !== null) mask |= this.bit(this.servicePrincipalRisk.of(i), R_WORKLOAD_IDENTITIES);
    } else if (p.hasUsers) {
      mask |= this.bit(this.userCondition(p, i), R_USERS);
    }

    // ---- target resources
    if (s.context === CTX_USER_ACTION) {
      if (p.targetKind === TG_ACTIONS) mask |= this.bit(this.userActions.of(i), R_USER_ACTIONS);
      else if (p.targetKind === TG_APPS && !p.incApps.all) mask |= R_APPLICATION;
    } else if (s.context === CTX_APPLICATION) {
      if (p.targetKind === TG_ACTIONS) mask |= R_USER_ACTIONS;
      else if (p.targetKind === TG_APPS) mask |= this.bit(this.applications.of(i), R_APPLICATION);
    } else {
      // authentication context: provider 3.7.0 policies cannot target one (unverified which reason Graph gives)
      mask |= R_AUTHENTICATION_CONTEXT;
    }

    // ---- network
    if (p.locInc !== null) mask |= this.bit(decide(this.anyLocation(p.locInc), this.anyLocation(p.locExc)), R_LOCATION);

    // ---- user-only conditions
    if (!s.isServicePrincipal) {
      if (p.clientAppTypes !== null) mask |= this.bit(this.clientAppTypes.of(i), R_CLIENT_APPS);
      if (p.platformsInc !== null) mask |= this.bit(this.platforms.of(i), R_DEVICE_PLATFORM);
      if (p.hasDeviceFilter) mask |= this.bit(this.deviceFilter(p, s.device), R_DEVICES);
      if (p.signInRisk !== null) mask |= this.bit(this.signInRisk.of(i), R_SIGN_IN_RISK);
      if (p.userRisk !== null) mask |= this.bit(this.userRisk.of(i), R_USER_RISK);
      if (p.insiderRisk !== null) mask |= this.bit(this.insiderRisk.of(i), R_INSIDER_RISK);
      if (p.transferMethods !== null) mask |= this.bit(this.transferMethods.of(i), R_AUTHENTICATION_FLOW);
    }
    if (p.stateKind === ST_UNKNOWN) {
      mask |= R_NOT_ENOUGH_INFORMATION;
      this.unknown |= R_NOT_ENOUGH_INFORMATION;
    }
    return mask;
  }

  /** A condition's contribution to the mask: 0 when it holds, its reason when it fails, notEnoughInformation when unknown. */
  private bit(r: Tri, reason: number): number {
    if (r === T) return 0;
    if (r === F) return reason;
    this.unknown |= reason;
    return R_NOT_ENOUGH_INFORMATION;
  }

  /** The users condition of policy `p` at index `i` (include and exclude lists in slots 2i and 2i + 1). */
  private userCondition(p: CompiledPolicy, i: number): Tri {
    const s = this.signIn;
    const isGuest = this.isGuest;
    // (each part is pure, so the first that settles a side settles it)
    let inc: Tri = p.incAllUsers || (p.incGuestsSpecial && isGuest) ? T : F;
    if (inc !== T) inc = or3(inc, s.userPartial === undefined ? this.users.has(2 * i) : hasAnyPartial(p.incUsers, s.userPartial));
    if (inc !== T) inc = or3(inc, s.memberOfPartial === undefined ? this.groups.has(2 * i) : hasAnyPartial(p.incGroups, s.memberOfPartial));
    if (inc !== T) inc = or3(inc, s.rolesPartial === undefined ? this.roles.has(2 * i) : hasAnyPartial(p.incRoles, s.rolesPartial));
    if (inc !== T && p.incGuestBlock !== null) inc = or3(inc, this.guest(p.incGuestBlock));
    if (inc === F) return F;
    let exc: Tri = p.excGuestsSpecial && isGuest ? T : F;
    if (exc !== T) exc = or3(exc, s.userPartial === undefined ? this.users.has(2 * i + 1) : hasAnyPartial(p.excUsers, s.userPartial));
    if (exc !== T) exc = or3(exc, s.memberOfPartial === undefined ? this.groups.has(2 * i + 1) : hasAnyPartial(p.excGroups, s.memberOfPartial));
    if (exc !== T) exc = or3(exc, s.rolesPartial === undefined ? this.roles.has(2 * i + 1) : hasAnyPartial(p.excRoles, s.rolesPartial));
    if (exc !== T && p.excGuestBlock !== null) exc = or3(exc, this.guest(p.excGuestBlock));
    return decide(inc, exc);
  }

  private guest(b: GuestBlock): Tri {
    const s = this.signIn;
    if (!this.isGuest) return F;
    const type = b.types.match(s.externalUserType);
    if (type === F) return F;
    const tenant = b.allTenants === F ? b.tenants.hasAny(s.externalTenant) : b.allTenants;
    return and3(type, tenant);
  }

  /** The applications condition of a policy that targets applications. */
  private appCondition(p: CompiledPolicy): Tri {
    let r: Tri = F;
    for (const app of this.signIn.apps) {
      r = or3(r, and3(appIn(p.incApps, app, true), not3(appIn(p.excApps, app, false))));
      if (r === T) break;
    }
    return r;
  }

  /**
   * Matches the IP locations against the sign-in's IP, all at once (one search of every range instead of one per
   * location and sign-in was a third of the policies' time), and works out `AllTrusted`.
   */
  private bindLocations(ip: ParsedIp | null): void {
    const cache = this.locationCache;
    if (ip === null) {
      cache.set(this.locationsWithoutIp);
    } else if (ip.special !== null) {
      // no named location holds a private, loopback or link-local address
      cache.set(this.locationsForSpecialIp);
    } else {
      cache.set(this.locationsForIp);
      for (const k of this.ipLocations.containing(ip)) cache[k] = T;
    }
    this.trusted = this.computeTrusted(ip);
  }

  private anyLocation(codes: number[]): Tri {
    let r: Tri = F;
    for (const code of codes) {
      r = or3(r, this.location(code));
      if (r === T) return T;
    }
    return r;
  }

  private location(code: number): Tri {
    if (code === LOC_ALL) return T;
    if (code === LOC_ALL_TRUSTED) return this.trusted;
    if (code < 0) return U;
    let r = this.locationCache[code];
    if (r < 0) {
      r = this.countryMatch(this.stack.locations[code]);
      this.locationCache[code] = r;
    }
    return r as Tri;
  }

  /** A country location (`bindLocations` matched the IP ones). */
  private countryMatch(loc: CompiledLocation): Tri {
    // A country location needs `country`: the evaluator does not geolocate, whatever the IP.
    const country = this.signIn.country;
    if (loc.countries === null || country === null) return U;
    return loc.countries.has(country) ? T : F;
  }

  /** `AllTrusted`: the IP is inside a trusted IP location (read from the IP locations' matches). */
  private computeTrusted(ip: ParsedIp | null): Tri {
    if (ip !== null && ip.special !== null) return F;
    let r: Tri = this.stack.hasUnknownNamedLocations ? U : F;
    for (const k of this.trustedLocations) {
      r = or3(r, and3(this.locationCache[k] as Tri, this.stack.locations[k].trusted));
      if (r === T) break;
    }
    return r;
  }

  private deviceFilter(p: CompiledPolicy, device: DeviceFacts | null): Tri {
    const matches = device === null || p.deviceRule === undefined ? U : evaluateDeviceRule(p.deviceRule, device);
    return p.deviceFilterExclude ? not3(matches) : matches;
  }
}

function excluded(list: EnumList, value: string | null): Tri {
  if (!list.all && list.values.size === 0 && !list.unknown) return F;
  return list.match(value);
}

function appIn(list: AppList, app: AppTerm, include: boolean): Tri {
  if (include && list.all) return T;
  if (app.term === null) {
    // A group of apps named in the request matches no policy on apps (Learn what-if-tool.md: "Groups of apps, such
    // as Office 365 or Microsoft Admin Portals, don't result in a match"); it is an app outside every list, which
    // only All resources includes.
    return include && list.all ? T : F;
  }
  const term = app.term;
  let r = list.ids.has(term);
  if (r === T) return T;
  if (term.kind === K_GUID) {
    if ((list.office365 && OFFICE_365_APP_IDS.has(term.key)) || (list.adminPortals && ADMIN_PORTAL_APP_IDS.has(term.key))) return T;
  } else if (term.kind === K_OPAQUE && (list.office365 || list.adminPortals)) {
    r = or3(r, U);
  }
  return r;
}

/** Atoms of a grant requirement: built-in controls, the strength, terms of use, custom factors. */
export function atoms(g: WhatIfGrantControls): string[] {
  const out = [...g.builtInControls];
  if (g.authenticationStrength) out.push(`strength:${g.authenticationStrength.id}`);
  for (const t of g.termsOfUse) out.push(`terms:${t}`);
  for (const c of g.customAuthenticationFactors) out.push(`custom:${c}`);
  return out;
}

/**
 * Whether the requirements of the applying policies already imply `g` (every way to satisfy them satisfies `g`),
 * treating controls as independent: the applying requirements form a conjunction of clauses (an `AND` policy gives
 * one clause per control, an `OR` policy one clause of all its controls). `g` with `AND` is implied when each of its
 * controls is a one-control clause; `g` with `OR` when some clause lies within its controls.
 */
export function implied(g: WhatIfGrantControls, requirements: readonly WhatIfRequirement[]): boolean {
  const wanted = atoms(g);
  if (wanted.length === 0) return true;
  const clauses: string[][] = [];
  for (const r of requirements) {
    const a = atoms(r);
    if (r.operator === 'AND' || a.length === 1) for (const x of a) clauses.push([x]);
    else clauses.push(a);
  }
  if (g.operator === 'AND' || wanted.length === 1) return wanted.every((w) => clauses.some((c) => c.length === 1 && c[0] === w));
  return clauses.some((c) => c.every((x) => wanted.includes(x)));
}

/**
 * The access decision of the policies in `scope` from their masks: blocked, the requirements of the applying grants,
 * or undetermined when a policy that might apply (a value known only at apply time) could add a block or a control.
 */
export function decision(
  policies: CompiledPolicy[],
  masks: Int32Array,
  scope: StateScope,
  explain: (i: number) => string[],
  only?: readonly number[],
): WhatIfAccessDecision {
  const blockedBy: string[] = [];
  const requirements: WhatIfRequirement[] = [];
  const undetermined: string[] = [];
  let maybe: number[] | undefined;
  // `only`: the policies to read, in order (gap analysis reads the ones it explores); by default all of them
  const count = only ? only.length : policies.length;
  for (let k = 0; k < count; k++) {
    const i = only ? only[k] : k;
    const p = policies[i];
    const mask = masks[i];
    // (a state only known at apply time is in every scope)
    if (((scope >> p.stateKind) & 1) === 0) continue;
    if (mask === R_NOT_ENOUGH_INFORMATION) {
      undetermined.push(p.info.address);
      if (p.isBlock || p.hasGrant) (maybe ??= []).push(i);
    } else if (mask === 0) {
      if (p.isBlock) blockedBy.push(p.info.address);
      else if (p.hasGrant) requirements.push(requirementOf(p));
    }
  }
  if (blockedBy.length > 0) return { access: WhatIfAccess.BLOCKED, requirements: [], blockedBy, undetermined, undeterminedBy: [], missing: [] };
  const undeterminedBy: string[] = [];
  if (maybe === undefined) {
    const access = requirements.length > 0 ? WhatIfAccess.REQUIRES_CONTROLS : WhatIfAccess.ALLOWED;
    return { access, requirements, blockedBy, undetermined, undeterminedBy, missing: [] };
  }
  const missing = new Set<string>();
  for (const i of maybe) {
    const p = policies[i];
    if (p.isBlock || !implied(p.grantControls!, requirements)) {
      undeterminedBy.push(p.info.address);
      for (const m of explain(i)) missing.add(m);
    }
  }
  return {
    access: undeterminedBy.length > 0 ? WhatIfAccess.UNDETERMINED : requirements.length > 0 ? WhatIfAccess.REQUIRES_CONTROLS : WhatIfAccess.ALLOWED,
    requirements,
    blockedBy,
    undetermined,
    undeterminedBy,
    missing: [...missing],
  };
}

/**
 * A policy's result in the report. One object literal per combination of the optional controls, so that results
 * share a few shapes (adding the controls one by one made each result a chain of shape changes).
 */
function policyResult(p: CompiledPolicy, mask: number, analysisReasons: string): WhatIfPolicyResult {
  const { address, displayName, state } = p.info;
  const policyApplies = mask === 0;
  const { grantControls, sessionControls } = p;
  if (grantControls !== undefined) {
    return sessionControls !== undefined
      ? { address, displayName, state, policyApplies, analysisReasons, grantControls, sessionControls }
      : { address, displayName, state, policyApplies, analysisReasons, grantControls };
  }
  return sessionControls !== undefined
    ? { address, displayName, state, policyApplies, analysisReasons, sessionControls }
    : { address, displayName, state, policyApplies, analysisReasons };
}

/** Per policy with a grant: its requirement, which `requirementOf` copies. */
const requirementTemplates = new WeakMap<CompiledPolicy, WhatIfRequirement>();

/**
 * A policy's requirement, `{ address, displayName, ...grantControls }`: a copy of one built once per policy (copying
 * a whole object is several times faster than spreading the grant controls into a new literal).
 */
function requirementOf(p: CompiledPolicy): WhatIfRequirement {
  let r = requirementTemplates.get(p);
  if (r === undefined) {
    r = { address: p.info.address, displayName: p.info.displayName, ...p.grantControls! };
    requirementTemplates.set(p, r);
  }
  return { ...r };
}

const APPLY_TIME = 'a value known only at apply time (a data source, a reference outside the stack or an expression)';

/**
 * What would decide a policy whose conditions in `unknown` (reason bits) were unknown: the sign-in details it lacks,
 * as request paths, or a sentence naming the condition that depends on an apply-time value.
 */
export function missingDetails(p: CompiledPolicy, unknown: number, s: PreparedSignIn, stack: CompiledStack): string[] {
  const out: string[] = [];
  const need = (condition: string, details: Array<string | false>): void => {
    const given = details.filter((d): d is string => d !== false);
    if (given.length > 0) out.push(...given);
    else out.push(`${condition}: ${APPLY_TIME}`);
  };
  if (unknown & R_NOT_ENOUGH_INFORMATION) out.push(`state: ${APPLY_TIME}`);
  if (unknown & R_USERS) {
    const guestTenants = (b: GuestBlock | null) => b !== null && b.allTenants !== T;
    need('users', [
      s.user === null && (!p.incUsers.empty || !p.excUsers.empty) && 'signInIdentity.userId',
      s.memberOf === null && (!p.incGroups.empty || !p.excGroups.empty) && 'directory.memberOf',
      s.roles === null && (!p.incRoles.empty || !p.excRoles.empty) && 'directory.roles',
      s.externalTenant === null && (guestTenants(p.incGuestBlock) || guestTenants(p.excGuestBlock)) && 'signInIdentity.externalTenantId',
    ]);
  }
  if (unknown & R_WORKLOAD_IDENTITIES) {
    if (p.spFilter) out.push('workloadIdentities: the service principal filter reads custom security attributes, which a sign-in does not carry');
    else need('workloadIdentities', [p.spRisk !== null && s.servicePrincipalRisk === null && 'signInConditions.servicePrincipalRiskLevel']);
  }
  if (unknown & R_APPLICATION) out.push(`application: ${APPLY_TIME}`);
  if (unknown & R_USER_ACTIONS) out.push(`userActions: ${APPLY_TIME}`);
  if (unknown & R_DEVICE_PLATFORM) need('devicePlatform', [s.devicePlatform === null && 'signInConditions.devicePlatform']);
  if (unknown & R_DEVICES) {
    if (p.deviceRule === undefined) {
      out.push('devices: the filter rule could not be read offline (see the stack warnings)');
    } else {
      const device = s.device;
      need('devices', deviceRuleProperties(p.deviceRule).map((prop) => (device === null || !device.has(prop.toLowerCase())) && `signInConditions.deviceInfo.${prop}`));
    }
  }
  if (unknown & R_CLIENT_APPS) {
    if (s.clientAppType === null) {out.push('signInConditions.clientAppType');} else if (p.clientAppTypes?.maybe?.has(s.clientAppType)) {
      out.push('signInConditions.clientAppType: easSupported when the Exchange ActiveSync client is on a supported platform (exchangeActiveSync covers both)');
    } else {out.push(`clientApps: ${APPLY_TIME}`);}
  }
  if (unknown & R_LOCATION) {
    const codes = [...(p.locInc ?? []), ...p.locExc];
    const usesIp = codes.some((c) => c === LOC_ALL_TRUSTED || (c >= 0 && stack.locations[c].isIp));
    const usesCountry = codes.some((c) => c >= 0 && !stack.locations[c].isIp);
    const details = [s.ip === null && usesIp && 'signInConditions.ipAddress', s.country === null && usesCountry && 'signInConditions.country'];
    if (details.some((d) => d !== false) || !(codes.includes(LOC_UNKNOWN) || stack.hasUnknownNamedLocations)) need('location', details);
    else out.push('location: a named location defined outside the stack (its ranges, countries or trust are not known offline)');
  }
  if (unknown & R_SIGN_IN_RISK) need('signInRisk', [s.signInRisk === null && 'signInConditions.signInRiskLevel']);
  if (unknown & R_USER_RISK) need('userRisk', [s.userRisk === null && 'signInConditions.userRiskLevel']);
  if (unknown & R_INSIDER_RISK) need('insiderRisk', [s.insiderRisk === null && 'signInConditions.insiderRiskLevel']);
  if (unknown & R_AUTHENTICATION_FLOW) need('authenticationFlow', [s.transferMethod === null && 'signInConditions.authenticationFlow.transferMethod']);
  return out;
}
