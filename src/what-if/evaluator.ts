/**
 * The hot path: evaluates every compiled policy against one prepared sign-in. Internal module.
 *
 * Each condition is decided three-valued (see logic.ts); a failing condition sets its reason bit, an
 * undecidable one sets `notEnoughInformation`. A policy applies iff its mask is 0. Bit operations are the point
 * of this file, hence the lint exception.
 */
/* eslint-disable no-bitwise */
import { DeviceFacts, evaluateDeviceRule } from './device-filter';
import { and3, decide, EnumList, F, K_GUID, K_OPAQUE, not3, or3, T, Tri, U } from './logic';
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
import { WhatIfAccess, WhatIfAccessDecision, WhatIfPolicyResult, WhatIfReport, WhatIfRequirement } from './model';
import { AppTerm, CTX_APPLICATION, CTX_USER_ACTION, PreparedSignIn } from './prepare-sign-in';
import {
  AppList,
  CompiledLocation,
  CompiledPolicy,
  CompiledStack,
  GuestBlock,
  LOC_ALL,
  LOC_ALL_TRUSTED,
  ST_DISABLED,
  ST_ENABLED,
  ST_REPORT_ONLY,
  ST_UNKNOWN,
  TG_ACTIONS,
  TG_APPS,
} from './compiled-stack';
import { ADMIN_PORTAL_APP_IDS, OFFICE_365_APP_IDS } from '../vocabulary/applications';

const reasonStrings = new Map<number, string>([[0, 'notSet']]);

/** The `analysisReasons` string of a mask (cached: masks repeat). */
export function reasonsOf(mask: number): string {
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

/** Evaluates compiled policies; holds per-sign-in caches, so one instance serves one stack. */
export class Evaluator {
  private readonly locationCache: Int8Array;
  private signIn!: PreparedSignIn;
  private trusted: Tri = U;

  constructor(private readonly stack: CompiledStack) {
    this.locationCache = new Int8Array(stack.locations.length);
  }

  /** Evaluates every policy; returns one reason mask per policy (0 = applies). */
  public masks(signIn: PreparedSignIn): Int32Array {
    this.signIn = signIn;
    this.locationCache.fill(-1);
    this.trusted = this.computeTrusted();
    const policies = this.stack.policies;
    const out = new Int32Array(policies.length);
    for (let i = 0; i < policies.length; i++) out[i] = this.policyMask(policies[i]);
    return out;
  }

  /** Evaluates and builds the report. */
  public report(signIn: PreparedSignIn): WhatIfReport {
    const masks = this.masks(signIn);
    const policies = this.stack.policies;
    const results: WhatIfPolicyResult[] = [];
    for (let i = 0; i < policies.length; i++) {
      const mask = masks[i];
      if (signIn.appliedPoliciesOnly && mask !== 0) continue;
      const p = policies[i];
      const result: { -readonly [K in keyof WhatIfPolicyResult]: WhatIfPolicyResult[K] } = {
        address: p.info.address,
        displayName: p.info.displayName,
        state: p.info.state,
        policyApplies: mask === 0,
        analysisReasons: reasonsOf(mask),
      };
      if (p.grantControls) result.grantControls = p.grantControls;
      if (p.sessionControls) result.sessionControls = p.sessionControls;
      results.push(result);
    }
    return {
      results,
      outcome: { ...decision(policies, masks, ST_ENABLED), reportOnly: decision(policies, masks, ST_REPORT_ONLY) },
    };
  }

  private policyMask(p: CompiledPolicy): number {
    if (p.stateKind === ST_DISABLED) return R_POLICY_NOT_ENABLED;
    const s = this.signIn;
    let mask = p.staticMask;
    let r: Tri;

    // ---- identity
    if (s.isServicePrincipal) {
      if (!p.hasClientApplications) {
        mask |= R_WORKLOAD_IDENTITIES;
      } else {
        const inc = p.incSpAllInTenant ? T : p.incSps.hasAny(s.servicePrincipal);
        r = decide(inc, p.excSps.hasAny(s.servicePrincipal));
        if (p.spFilter && r !== F) r = U; // the filter reads custom security attributes the sign-in cannot give
        mask |= bit(r, R_WORKLOAD_IDENTITIES);
      }
      if (p.spRisk !== null) mask |= bit(p.spRisk.match(s.servicePrincipalRisk), R_WORKLOAD_IDENTITIES);
    } else if (p.hasUsers) {
      mask |= bit(this.users(p), R_USERS);
    }

    // ---- target resources
    if (s.context === CTX_USER_ACTION) {
      if (p.targetKind === TG_ACTIONS) mask |= bit(p.userActions.match(s.userActionUrn), R_USER_ACTIONS);
      else if (p.targetKind === TG_APPS && !p.incApps.all) mask |= R_APPLICATION;
    } else if (s.context === CTX_APPLICATION) {
      if (p.targetKind === TG_ACTIONS) mask |= R_USER_ACTIONS;
      else if (p.targetKind === TG_APPS) mask |= bit(this.applications(p), R_APPLICATION);
    } else {
      // authentication context: provider 3.7.0 policies cannot target one (unverified which reason Graph gives)
      mask |= R_AUTHENTICATION_CONTEXT;
    }

    // ---- network
    if (p.locInc !== null) mask |= bit(decide(this.anyLocation(p.locInc), this.anyLocation(p.locExc)), R_LOCATION);

    // ---- user-only conditions
    if (!s.isServicePrincipal) {
      if (p.clientAppTypes !== null) mask |= bit(p.clientAppTypes.match(s.clientAppType), R_CLIENT_APPS);
      if (p.platformsInc !== null) {
        mask |= bit(decide(p.platformsInc.match(s.devicePlatform), excluded(p.platformsExc!, s.devicePlatform)), R_DEVICE_PLATFORM);
      }
      if (p.hasDeviceFilter) mask |= bit(this.deviceFilter(p, s.device), R_DEVICES);
      if (p.signInRisk !== null) mask |= bit(p.signInRisk.match(s.signInRisk), R_SIGN_IN_RISK);
      if (p.userRisk !== null) mask |= bit(p.userRisk.match(s.userRisk), R_USER_RISK);
      if (p.insiderRisk !== null) mask |= bit(p.insiderRisk.match(s.insiderRisk), R_INSIDER_RISK);
      if (p.transferMethods !== null) mask |= bit(p.transferMethods.match(s.transferMethod), R_AUTHENTICATION_FLOW);
    }
    if (p.stateKind === ST_UNKNOWN) mask |= R_NOT_ENOUGH_INFORMATION;
    return mask;
  }

  private users(p: CompiledPolicy): Tri {
    const s = this.signIn;
    const isGuest = s.externalUserType !== 'none';
    let inc: Tri = p.incAllUsers ? T : F;
    if (inc !== T) {
      if (p.incGuestsSpecial && isGuest) inc = T;
      inc = or3(inc, p.incUsers.hasAny(s.user));
      inc = or3(inc, p.incGroups.hasAny(s.memberOf));
      inc = or3(inc, p.incRoles.hasAny(s.roles));
      if (p.incGuestBlock !== null) inc = or3(inc, this.guest(p.incGuestBlock));
    }
    if (inc === F) return F;
    let exc: Tri = p.excGuestsSpecial && isGuest ? T : F;
    if (exc !== T) {
      exc = or3(exc, p.excUsers.hasAny(s.user));
      exc = or3(exc, p.excGroups.hasAny(s.memberOf));
      exc = or3(exc, p.excRoles.hasAny(s.roles));
      if (p.excGuestBlock !== null) exc = or3(exc, this.guest(p.excGuestBlock));
    }
    return decide(inc, exc);
  }

  private guest(b: GuestBlock): Tri {
    const s = this.signIn;
    if (s.externalUserType === 'none') return F;
    const type = b.types.match(s.externalUserType);
    if (type === F) return F;
    const tenant = b.allTenants === F ? b.tenants.hasAny(s.externalTenant) : b.allTenants;
    return and3(type, tenant);
  }

  private applications(p: CompiledPolicy): Tri {
    let r: Tri = F;
    for (const app of this.signIn.apps) {
      r = or3(r, and3(appIn(p.incApps, app, true), not3(appIn(p.excApps, app, false))));
      if (r === T) break;
    }
    return r;
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
      r = this.locationMatch(this.stack.locations[code]);
      this.locationCache[code] = r;
    }
    return r as Tri;
  }

  private locationMatch(loc: CompiledLocation): Tri {
    const s = this.signIn;
    if (loc.isIp) {
      if (loc.ranges === null || s.ip === null) return U;
      return loc.ranges.contains(s.ip) ? T : F;
    }
    if (loc.countries === null) return U;
    if (s.country !== null) return loc.countries.has(s.country) ? T : F;
    // No country given: a private/reserved client IP has no country ("unknown country or region").
    if (loc.lookupByIp && s.ip !== null && !s.ip.unicast) return loc.includeUnknown;
    return U;
  }

  /** `AllTrusted`: the IP is inside a trusted IP location. */
  private computeTrusted(): Tri {
    const s = this.signIn;
    let r: Tri = this.stack.hasUnknownNamedLocations ? U : F;
    for (const loc of this.stack.locations) {
      if (!loc.isIp || loc.trusted === F) continue;
      const inside: Tri = s.ip === null || loc.ranges === null ? U : loc.ranges.contains(s.ip) ? T : F;
      r = or3(r, and3(inside, loc.trusted));
      if (r === T) break;
    }
    return r;
  }

  private deviceFilter(p: CompiledPolicy, device: DeviceFacts | null): Tri {
    const matches = device === null || p.deviceRule === undefined ? U : evaluateDeviceRule(p.deviceRule, device);
    return p.deviceFilterExclude ? not3(matches) : matches;
  }
}

function bit(r: Tri, reason: number): number {
  return r === T ? 0 : r === F ? reason : R_NOT_ENOUGH_INFORMATION;
}

function excluded(list: EnumList, value: string | null): Tri {
  if (!list.all && list.values.size === 0 && !list.unknown) return F;
  return list.match(value);
}

function appIn(list: AppList, app: AppTerm, include: boolean): Tri {
  if (include && list.all) return T;
  if (app.term === null) {
    // the sign-in names a whole suite
    if ((app.suite === 'Office365' && list.office365) || (app.suite === 'MicrosoftAdminPortals' && list.adminPortals)) return T;
    const member = app.suite === 'Office365' ? list.hasOfficeMember : list.hasAdminMember;
    return member || list.ids.hasOpaque ? U : F;
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

function decision(policies: CompiledPolicy[], masks: Int32Array, state: number): WhatIfAccessDecision {
  const blockedBy: string[] = [];
  const requirements: WhatIfRequirement[] = [];
  const undetermined: string[] = [];
  for (let i = 0; i < policies.length; i++) {
    const p = policies[i];
    const mask = masks[i];
    const inScope = p.stateKind === state || (state === ST_ENABLED && p.stateKind === ST_UNKNOWN);
    if (!inScope) continue;
    if (mask === R_NOT_ENOUGH_INFORMATION) {
      undetermined.push(p.info.address);
    } else if (mask === 0) {
      if (p.isBlock) blockedBy.push(p.info.address);
      else if (p.hasGrant) requirements.push({ address: p.info.address, displayName: p.info.displayName, ...p.grantControls! });
    }
  }
  if (blockedBy.length > 0) return { access: WhatIfAccess.BLOCKED, requirements: [], blockedBy, undetermined };
  return {
    access: requirements.length > 0 ? WhatIfAccess.REQUIRES_CONTROLS : WhatIfAccess.ALLOWED,
    requirements,
    blockedBy,
    undetermined,
  };
}
