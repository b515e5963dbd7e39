/* eslint-disable @stylistic/max-len */
/**
 * The sign-ins of gap analysis's nodes: the partial sign-in the evaluator sees for a node (what is not split yet is
 * unknown), the same as the policies outside the exploration see it, and a concrete sign-in of the node (the ordinary
 * one). Internal module.
 */
import { Assignment, GROUP_FIELD, IdentityValue } from './dimensions';
import { COUNTRY_CANDIDATES, FreshIds, publicIpOutside } from './value-space';
import { deviceRuleProperties } from '../model/device-filter-rule';
import { CompiledPolicy, CompiledStack } from '../what-if/compiled-stack';
import { ParsedIp } from '../what-if/ip';
import { IdList, PartialMembership } from '../what-if/logic';
import { CTX_USER_ACTION, PreparedSignIn, prepareSignIn } from '../what-if/prepare-sign-in';

export /** A node's ordinary sign-in. */
interface OrdinarySignIn {
  readonly json: { [key: string]: any };
  readonly prepared: PreparedSignIn;
}

/** Builds the sign-ins of a stack's nodes. */
export class ClassSignIns {
  private readonly freshUser: IdentityValue;
  private readonly freshTenant: IdentityValue;
  private readonly freshSp: IdentityValue;
  private readonly otherGroup: string | undefined;
  private readonly otherRole: string | undefined;
  /** An address outside every IP location. */
  public readonly elsewhere: { text: string; ip: ParsedIp };
  /** A country in no country location (when the stack has one). */
  private readonly otherCountry: string | undefined;
  /** A device with none of the properties the device filters read (when the stack has a filter). */
  private readonly plainDevice: { [key: string]: null } | undefined;

  /**
   * @param stack the compiled stack
   * @param fresh GUIDs no policy uses
   * @param others the policies in scope outside the exploration (gap analysis)
   */
  constructor(private readonly stack: CompiledStack, fresh: FreshIds, private readonly others: readonly number[]) {
    const policies = stack.policies;
    this.freshUser = fresh.identity();
    this.freshTenant = fresh.identity();
    this.freshSp = fresh.identity();
    // Groups or roles only known at apply time: a sign-in of a class is a member of some other group (or role), which
    // may be one of them, as the exploration assumed.
    const opaque = (pick: (p: CompiledPolicy) => IdList[]) => policies.some((p) => pick(p).some((l) => l.hasOpaque));
    this.otherGroup = opaque((p) => [p.incGroups, p.excGroups]) ? fresh.identity().json : undefined;
    this.otherRole = opaque((p) => [p.incRoles, p.excRoles]) ? fresh.identity().json : undefined;
    this.elsewhere = publicIpOutside(stack.locations.filter((l) => l.isIp && l.ranges !== null));
    const countryLocations = stack.locations.filter((l) => !l.isIp && l.countries !== null);
    this.otherCountry = countryLocations.length > 0 ? COUNTRY_CANDIDATES.find((c) => countryLocations.every((l) => !l.countries!.has(c))) : undefined;
    const deviceProperties = new Set(policies.flatMap((p) => (p.deviceRule ? deviceRuleProperties(p.deviceRule) : [])));
    this.plainDevice = deviceProperties.size > 0 ? Object.fromEntries([...deviceProperties].map((prop) => [prop, null])) : undefined;
  }

  /** A service principal no policy names, and a tenant no policy names (for the splits' "any other" values). */
  public get freshIdentities(): { sp: IdentityValue; tenant: IdentityValue } {
    return { sp: this.freshSp, tenant: this.freshTenant };
  }

  /** The partial sign-in the evaluator sees for an assignment: what is not split yet is unknown. */
  public prepare(a: Assignment): PreparedSignIn {
    const membership = (m: ReadonlyMap<string, { in: boolean; value: IdentityValue }>): PartialMembership => ({
      in: [...m.values()].filter((x) => x.in).map((x) => x.value.term),
      decided: new Set(m.keys()),
    });
    const e = a.enums;
    return {
      isServicePrincipal: a.kind.servicePrincipal,
      user: a.user ? [a.user.term] : null,
      ...(a.user === undefined && a.notUsers.size > 0 ? { userPartial: { in: [], decided: a.notUsers } } : {}),
      externalUserType: a.kind.externalUserType,
      externalTenant: a.tenant ? [a.tenant.term] : null,
      memberOf: null,
      roles: null,
      memberOfPartial: membership(a.groups),
      rolesPartial: membership(a.roles),
      servicePrincipal: a.sp ? [a.sp.term] : null,
      context: a.resource.context,
      apps: a.resource.app ? [a.resource.app] : [],
      userActionUrn: a.resource.userActionUrn ?? '',
      ip: a.ip?.ip ?? null,
      country: a.country ?? null,
      clientAppType: e.clientApp ?? null,
      devicePlatform: e.platform ?? null,
      signInRisk: e.signInRisk ?? null,
      userRisk: e.userRisk ?? null,
      servicePrincipalRisk: e.spRisk ?? null,
      insiderRisk: e.insiderRisk ?? null,
      transferMethod: e.flow ?? null,
      device: a.device?.facts ?? null,
      appliedPoliciesOnly: false,
      warnings: [],
    };
  }

  /**
   * The class as the policies outside the exploration see it. A value that stands for a group (an IP region, "client
   * apps other than …") was formed from the explored policies' conditions; a policy outside them may tell the group's
   * values apart, and then that detail is unknown to it (so the class is exact only if no such policy depends on it).
   */
  public prepareForOthers(a: Assignment): PreparedSignIn {
    const s: { -readonly [K in keyof PreparedSignIn]: PreparedSignIn[K] } = { ...this.prepare(a) };
    for (const c of a.choices) {
      const same = c.value.sameFor;
      if (!same || this.others.every((i) => same(this.stack.policies[i]))) continue;
      const field = GROUP_FIELD[c.dim];
      if (field === undefined) throw new Error(`internal: no sign-in field for the group value of ${c.dim}`);
      (s as Record<string, unknown>)[field] = null;
    }
    return s;
  }

  /** The node's ordinary sign-in (see `representative`), as JSON and prepared for the evaluator. */
  public ordinary(a: Assignment): OrdinarySignIn {
    const json = this.representative(a);
    const prepared = prepareSignIn(json, this.stack);
    if (Array.isArray(prepared)) throw new Error(`internal: an ordinary sign-in is not a valid sign-in: ${prepared.join('; ')}`);
    return { json, prepared };
  }

  /**
   * A concrete sign-in of the class: what was split, plus a value for every other detail the request has (any
   * value: the class's decision does not depend on it), the ordinary one: a user no policy names, in no group or role
   * they name, from an address and a country outside every named location, a browser on Windows on a device with
   * none of the properties the device filters read, no risk.
   */
  public representative(a: Assignment): { [key: string]: any } {
    const e = a.enums;
    if (a.kind.servicePrincipal) {
      return {
        signInIdentity: { '@odata.type': '#microsoft.graph.servicePrincipalSignIn', 'servicePrincipalId': (a.sp ?? this.freshSp).json },
        signInContext: { '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': [a.resource.appJson] },
        signInConditions: {
          ipAddress: a.ip?.text ?? this.elsewhere.text,
          ...(a.country ? { country: a.country } : {}),
          servicePrincipalRiskLevel: e.spRisk ?? 'none',
        },
        appliedPoliciesOnly: false,
      };
    }
    const guest = a.kind.externalUserType !== 'none';
    return {
      signInIdentity: {
        '@odata.type': '#microsoft.graph.userSignIn',
        'userId': (a.user ?? this.freshUser).json,
        ...(guest ? { externalUserType: a.kind.externalUserType, externalTenantId: (a.tenant ?? this.freshTenant).json } : {}),
      },
      signInContext:
        a.resource.context === CTX_USER_ACTION
          ? { '@odata.type': '#microsoft.graph.userActionContext', 'userAction': a.resource.userAction }
          : { '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': [a.resource.appJson] },
      signInConditions: {
        ipAddress: a.ip?.text ?? this.elsewhere.text,
        ...(a.country || this.otherCountry ? { country: a.country ?? this.otherCountry } : {}),
        clientAppType: e.clientApp ?? 'browser',
        devicePlatform: e.platform ?? 'windows',
        signInRiskLevel: e.signInRisk ?? 'none',
        userRiskLevel: e.userRisk ?? 'none',
        insiderRiskLevel: e.insiderRisk ?? 'none',
        authenticationFlow: { transferMethod: e.flow ?? 'none' },
        ...(a.device || this.plainDevice ? { deviceInfo: a.device?.json ?? this.plainDevice } : {}),
      },
      appliedPoliciesOnly: false,
      directory: {
        memberOf: [...[...a.groups.values()].filter((g) => g.in).map((g) => g.value.json), ...(this.otherGroup ? [this.otherGroup] : [])],
        roles: [...[...a.roles.values()].filter((r) => r.in).map((r) => r.value.json), ...(this.otherRole ? [this.otherRole] : [])],
      },
    };
  }
}
