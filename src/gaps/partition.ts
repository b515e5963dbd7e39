/* eslint-disable @stylistic/max-len */
/**
 * Exhaustive sign-in classes. Internal module.
 *
 * The space of sign-ins is explored as a decision tree over dimensions (who, which resource, where from, which
 * client app, platform, risks, device, flow, groups and roles), each split into the values the policies mention plus
 * one "any other value" member, so every sign-in falls in exactly one leaf. A node is evaluated with the What-If
 * evaluator as a partial sign-in (the dimensions not yet split are unknown, three-valued); it becomes a leaf when the
 * access decision over the policies in scope is decided (every sign-in in it gets the same access and, up to
 * requirements already implied, the same requirements), or when nothing left to split could decide it (a value
 * known only at apply time: the class is `undetermined`). Otherwise it is split on the dimension the undecided
 * policies depend on most. Only the policies still undecided are re-evaluated below a node, and value lists are
 * local to the node (the values the undecided policies mention), which keeps large stacks fast.
 */
import { ADDRESS_RE } from '../model/references';
import { isGuid } from '../private/validation';
import { ADMIN_PORTAL_APP_IDS, applicationName, OFFICE_365_APP_IDS } from '../vocabulary/applications';
import { TRANSFER_METHODS } from '../vocabulary/authentication-flows';
import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';
import { directoryRoleById } from '../vocabulary/directory-roles';
import { GUEST_OR_EXTERNAL_USER_TYPES } from '../vocabulary/guest-types';
import { INSIDER_RISK_LEVELS, RISK_LEVELS } from '../vocabulary/risk-levels';
import { USER_ACTIONS } from '../vocabulary/user-actions';
import { Vocabulary } from '../vocabulary/vocabulary';
import {
  CompiledLocation,
  CompiledPolicy,
  CompiledStack,
  LOC_ALL_TRUSTED,
  LOC_UNKNOWN,
  SCOPE_ENABLED,
  SCOPE_REPORT_ONLY_AS_ON,
  StateScope,
} from '../what-if/compiled-stack';
import { DeviceRule, DeviceRuleComparison, deviceRuleProperties } from '../model/device-filter-rule';
import { DeviceFacts, evaluateDeviceRule } from '../what-if/device-filter';
import { decision, Evaluator } from '../what-if/evaluator';
import { parseIp, ParsedIp, RangeSet, v4Text, v6Text } from '../what-if/ip';
import { EnumList, F, IdList, K_ADDRESS, K_GUID, PartialMembership, Term } from '../what-if/logic';
import {
  R_AUTHENTICATION_FLOW,
  R_CLIENT_APPS,
  R_DEVICE_PLATFORM,
  R_DEVICES,
  R_INSIDER_RISK,
  R_LOCATION,
  R_NOT_ENOUGH_INFORMATION,
  R_POLICY_NOT_ENABLED,
  R_SIGN_IN_RISK,
  R_USER_RISK,
  R_USERS,
  R_WORKLOAD_IDENTITIES,
} from '../what-if/microsoft-data';
import { WhatIfAccess, WhatIfAccessDecision } from '../what-if/model';
import { AppTerm, CTX_APPLICATION, CTX_USER_ACTION, PreparedSignIn, prepareSignIn } from '../what-if/prepare-sign-in';

/** How the label of "not this user" starts (gap descriptions join several into one). */
export const OTHER_USERS = 'users other than ';

/** Which sign-ins to explore. */
export type UsersScope = 'members' | 'guests' | 'all' | 'servicePrincipals';

/** One value of a dimension at a node. */
export interface DimValue {
  /** Stable id within the dimension at this node, e.g. `id:<key>`, `else`, `in`, `out`. */
  readonly id: string;
  /** Portal words for "the sign-in has this value", e.g. `Browser`, `inside HQ`, `not in group Admins`. */
  readonly label: string;
  /** Whether this is the "any other value" member of the dimension. */
  readonly other: boolean;
  /**
   * For a value that stands for a group of values (an IP region, "client apps other than …", a device), chosen by
   * the policies the split was built from: whether policy `p` treats every value of the group alike on this
   * dimension. Absent for a single value, which every policy sees as it is.
   */
  readonly sameFor?: (p: CompiledPolicy) => boolean;
}

/** A dimension split at a node: its id (e.g. `clientApp`, `group:<key>`) and the value a class has. */
export interface Choice {
  readonly dim: string;
  readonly value: DimValue;
}

/** What a class's sign-ins get. */
export interface ClassOutcome {
  readonly decision: WhatIfAccessDecision;
  /** Indices of the policies in scope that apply to every sign-in of the class. */
  readonly applying: number[];
}

/** A leaf: a class of sign-ins every policy in scope treats alike as far as the access decision goes. */
export interface SignInClassLeaf extends ClassOutcome {
  /** The choices that define the class, root first (the kind of identity and the resource come first). */
  readonly choices: Choice[];
  /** A concrete sign-in of the class: a Graph evaluate request body plus the offline `directory`. */
  readonly signIn: { [key: string]: any };
  /** Set when the requirement-driven exploration stopped early because the requirement is met for the whole class. */
  readonly met?: boolean;
  /**
   * Set when the requirement-driven exploration stopped because no policy that could meet the requirement applies to
   * any sign-in of the class: the requirement is missed by every one of them, while the other policies (those that
   * cannot meet it) may still treat them differently. `decision` and `applying` are then the representative's.
   */
  readonly inexact?: boolean;
  /**
   * Gap analysis: indices of the policies that can meet the requirement and apply to some sign-ins of the class, not to
   * its ordinary one. Those sign-ins meet the requirement; the class's gap is its other sign-ins ("unless one of these
   * applies"), and `decision` is the ordinary sign-in's. Absent when none.
   */
  readonly exceptions?: readonly number[];
}

/** A node of the tree, kept to classify sign-ins. */
export type TreeNode =
  | { readonly leaf: SignInClassLeaf }
  | { readonly dim: string; readonly split: Split; readonly children: ReadonlyMap<string, TreeNode> };

/** The result of the exploration. */
export interface Partition {
  readonly leaves: SignInClassLeaf[];
  readonly roots: ReadonlyMap<string, TreeNode>;
  /** The kinds of identity and the resources explored (the root dimensions), for descriptions. */
  readonly kinds: DimValue[];
  readonly resources: DimValue[];
  /**
   * Per root (`<kind id>|<resource id>`): an ordinary sign-in of it, with nothing but the root's choices: a user no
   * policy names, in no group or role they name, a browser on Windows, no risk, every other detail at its default.
   */
  readonly ordinarySignIns: ReadonlyMap<string, { [key: string]: any }>;
  /**
   * The roots (`<kind label> · <resource label>`) whose exploration did not finish before the deadline; empty when the
   * exploration is complete.
   */
  readonly unfinished: readonly string[];
  /** Classifies a full sign-in into its leaf (for tests and the report). */
  classify(signIn: PreparedSignIn): SignInClassLeaf | undefined;
}

/** Options of the exploration. */
export interface PartitionOptions {
  readonly users: UsersScope;
  /** Over report-only policies instead of enabled ones. */
  readonly reportOnly: boolean;
  /** Stop early on a node whose decision already meets the requirement (gap analysis). */
  readonly met?: (d: WhatIfAccessDecision) => boolean;
  /**
   * Explores the conditions of these policies only (gap analysis: the policies that can meet the requirement, a block
   * or a grant that implies it); a class none of them applies to misses the requirement whatever the others do, and
   * is not split further (its leaf is `inexact`).
   */
  readonly relevant?: (p: CompiledPolicy) => boolean;
  /** Restricts root dimensions (the report matrix): kinds and resources to explore, by value id. */
  readonly onlyKinds?: readonly string[];
  readonly onlyResources?: readonly string[];
  /** Explores this fixed IP region first (the report matrix), given as a representative address. */
  readonly fixedIp?: { readonly text: string; readonly label: string };
  /** Stops exploring at this time (`performance.now()` milliseconds); the roots not finished are listed. */
  readonly deadline?: number;
}

/** Thrown inside the exploration when the deadline has passed. */
class DeadlinePassed extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// The assignment: what a node knows about its sign-ins.

export interface IdentityValue {
  readonly term: Term;
  /** How a sign-in names it: a GUID or a Terraform address. */
  readonly json: string;
}

export interface KindValue extends DimValue {
  readonly servicePrincipal: boolean;
  /** `none` for members. */
  readonly externalUserType: string;
}

export interface ResourceValue extends DimValue {
  readonly context: number;
  readonly app?: AppTerm;
  readonly appJson?: string;
  readonly userActionUrn?: string;
  readonly userAction?: string;
}

export interface IpValue extends DimValue {
  readonly ip: ParsedIp;
  readonly text: string;
}

export interface DeviceValue extends DimValue {
  readonly facts: DeviceFacts;
  readonly json: { [key: string]: any };
}

export interface Assignment {
  readonly kind: KindValue;
  readonly resource: ResourceValue;
  readonly user?: IdentityValue;
  /** Keys of the users the sign-in is known not to be (the user is explored one listed user at a time). */
  readonly notUsers: ReadonlySet<string>;
  readonly tenant?: IdentityValue;
  readonly sp?: IdentityValue;
  readonly groups: ReadonlyMap<string, { in: boolean; value: IdentityValue }>;
  readonly roles: ReadonlyMap<string, { in: boolean; value: IdentityValue }>;
  readonly ip?: IpValue;
  readonly country?: string;
  readonly enums: { readonly [dim: string]: string };
  readonly device?: DeviceValue;
  readonly choices: Choice[];
}

/** The enum dimensions: sign-in field, vocabulary, policy list, unknown-condition bit, words. */
interface EnumDim {
  readonly dim: string;
  readonly vocabulary: Vocabulary;
  readonly bit: number;
  readonly userOnly: boolean;
  readonly lists: (p: CompiledPolicy) => Array<EnumList | null>;
  readonly label: (value: string) => string;
  readonly otherLabel: (mentioned: string[]) => string;
  /** Values that never make a class (`all` means "not given"). */
  readonly skip: readonly string[];
}

const ENUM_DIMS: readonly EnumDim[] = [
  {
    dim: 'clientApp',
    vocabulary: CLIENT_APP_TYPES,
    bit: R_CLIENT_APPS,
    userOnly: true,
    lists: (p) => [p.clientAppTypes],
    label: (v) => CLIENT_APP_TYPES.label(v).toLowerCase(),
    otherLabel: (m) => `client apps other than ${m.map((v) => CLIENT_APP_TYPES.label(v).toLowerCase()).join(', ')}`,
    skip: ['all'],
  },
  {
    dim: 'platform',
    vocabulary: DEVICE_PLATFORMS,
    bit: R_DEVICE_PLATFORM,
    userOnly: true,
    lists: (p) => [p.platformsInc, p.platformsExc],
    label: (v) => DEVICE_PLATFORMS.label(v),
    otherLabel: (m) => `platforms other than ${m.map((v) => DEVICE_PLATFORMS.label(v)).join(', ')}`,
    skip: ['all'],
  },
  {
    dim: 'signInRisk',
    vocabulary: RISK_LEVELS,
    bit: R_SIGN_IN_RISK,
    userOnly: true,
    lists: (p) => [p.signInRisk],
    label: (v) => `sign-in risk ${RISK_LEVELS.label(v).toLowerCase()}`,
    otherLabel: (m) => `sign-in risk other than ${m.join(', ')}`,
    skip: [],
  },
  {
    dim: 'userRisk',
    vocabulary: RISK_LEVELS,
    bit: R_USER_RISK,
    userOnly: true,
    lists: (p) => [p.userRisk],
    label: (v) => `user risk ${RISK_LEVELS.label(v).toLowerCase()}`,
    otherLabel: (m) => `user risk other than ${m.join(', ')}`,
    skip: [],
  },
  {
    dim: 'insiderRisk',
    vocabulary: INSIDER_RISK_LEVELS,
    bit: R_INSIDER_RISK,
    userOnly: true,
    lists: (p) => [p.insiderRisk],
    label: (v) => `insider risk ${INSIDER_RISK_LEVELS.label(v).toLowerCase()}`,
    otherLabel: (m) => `insider risk other than ${m.join(', ')}`,
    skip: [],
  },
  {
    dim: 'flow',
    vocabulary: TRANSFER_METHODS,
    bit: R_AUTHENTICATION_FLOW,
    userOnly: true,
    lists: (p) => [p.transferMethods],
    label: (v) => (v === 'none' ? 'no authentication transfer or device code flow' : TRANSFER_METHODS.label(v).toLowerCase()),
    otherLabel: (m) => `authentication flows other than ${m.join(', ')}`,
    skip: [],
  },
  {
    dim: 'spRisk',
    vocabulary: RISK_LEVELS,
    bit: R_WORKLOAD_IDENTITIES,
    userOnly: false,
    lists: (p) => [p.spRisk],
    label: (v) => `service principal risk ${RISK_LEVELS.label(v).toLowerCase()}`,
    otherLabel: (m) => `service principal risk other than ${m.join(', ')}`,
    skip: [],
  },
];

const FIELD: { readonly [dim: string]: keyof PreparedSignIn } = {
  clientApp: 'clientAppType',
  platform: 'devicePlatform',
  signInRisk: 'signInRisk',
  userRisk: 'userRisk',
  insiderRisk: 'insiderRisk',
  flow: 'transferMethod',
  spRisk: 'servicePrincipalRisk',
};

/** The sign-in field of every dimension whose values may stand for a group of values (see `DimValue.sameFor`). */
const GROUP_FIELD: { readonly [dim: string]: keyof PreparedSignIn } = {
  ...FIELD,
  ip: 'ip',
  country: 'country',
  device: 'device',
  tenant: 'externalTenant',
  sp: 'servicePrincipal',
};

/** Public addresses tried for "anywhere else" (Microsoft and documentation-free public space). */
const PUBLIC_CANDIDATES = ['40.77.182.32', '52.96.0.1', '13.107.6.152', '20.190.128.1', '104.47.0.1', '2603:1000::1'];
const COUNTRY_CANDIDATES = ['US', 'GB', 'DE', 'FR', 'JP', 'BR', 'IN', 'AU', 'CA', 'NL', 'SE', 'ZA'];

/** Words for a guest type. */
function guestLabel(type: string): string {
  return GUEST_OR_EXTERNAL_USER_TYPES.label(type);
}

/** Explores a compiled stack. */
export class Explorer {
  private readonly evaluator: Evaluator;
  private readonly policies: CompiledPolicy[];
  private readonly scope: StateScope;
  private readonly index = new Map<string, number>();
  private readonly usedGuids = new Set<string>();
  private fresh = 0;
  private readonly freshUser: IdentityValue;
  private readonly freshTenant: IdentityValue;
  private readonly freshSp: IdentityValue;
  private readonly otherGroup: string | undefined;
  private readonly otherRole: string | undefined;
  private readonly elsewhere: { text: string; ip: ParsedIp };
  /** A country in no country location (when the stack has one). */
  private readonly otherCountry: string | undefined;
  /** A device with none of the properties the device filters read (when the stack has a filter). */
  private readonly plainDevice: { [key: string]: null } | undefined;
  private readonly leaves: SignInClassLeaf[] = [];
  private nodes = 0;

  private readonly resourceCache = new Map<boolean, ResourceValue[]>();
  private readonly ipSplits = new Map<string, Split>();
  /** The policies explored (all, or the `relevant` ones), in order. */
  private readonly explored: number[];
  /** In scope, and not among the `relevant` policies. */
  private readonly others: number[];

  constructor(private readonly stack: CompiledStack, private readonly options: PartitionOptions) {
    this.evaluator = new Evaluator(stack);
    this.policies = stack.policies;
    this.scope = options.reportOnly ? SCOPE_REPORT_ONLY_AS_ON : SCOPE_ENABLED;
    this.policies.forEach((p, i) => this.index.set(p.info.address, i));
    for (const p of this.policies) {
      for (const list of [p.incUsers, p.excUsers, p.incGroups, p.excGroups, p.incRoles, p.excRoles, p.incSps, p.excSps, p.incApps.ids, p.excApps.ids]) {
        for (const k of list.keys) this.usedGuids.add(k);
      }
      for (const b of [p.incGuestBlock, p.excGuestBlock]) if (b) for (const k of b.tenants.keys) this.usedGuids.add(k);
    }
    this.freshUser = this.freshIdentity();
    this.freshTenant = this.freshIdentity();
    this.freshSp = this.freshIdentity();
    // Groups or roles only known at apply time: a sign-in of a class is a member of some other group (or role), which
    // may be one of them, as the exploration assumed.
    const opaque = (pick: (p: CompiledPolicy) => IdList[]) => this.policies.some((p) => pick(p).some((l) => l.hasOpaque));
    this.otherGroup = opaque((p) => [p.incGroups, p.excGroups]) ? this.freshIdentity().json : undefined;
    this.otherRole = opaque((p) => [p.incRoles, p.excRoles]) ? this.freshIdentity().json : undefined;
    this.elsewhere = this.publicIpOutside(stack.locations.filter((l) => l.isIp && l.ranges !== null));
    const countryLocations = stack.locations.filter((l) => !l.isIp && l.countries !== null);
    this.otherCountry = countryLocations.length > 0 ? COUNTRY_CANDIDATES.find((c) => countryLocations.every((l) => !l.countries!.has(c))) : undefined;
    const deviceProperties = new Set(this.policies.flatMap((p) => (p.deviceRule ? deviceRuleProperties(p.deviceRule) : [])));
    this.plainDevice = deviceProperties.size > 0 ? Object.fromEntries([...deviceProperties].map((prop) => [prop, null])) : undefined;
    const relevant = options.relevant;
    const indices = this.policies.map((_, i) => i);
    this.explored = relevant ? indices.filter((i) => relevant(this.policies[i])) : indices;
    this.others = relevant ? indices.filter((i) => !relevant(this.policies[i]) && this.inScope(i)) : [];
  }

  /** Explores every kind × resource root. */
  public explore(): Partition {
    const kinds = this.kinds().filter((k) => !this.options.onlyKinds || this.options.onlyKinds.includes(k.id));
    const roots = new Map<string, TreeNode>();
    const unfinished: string[] = [];
    const ordinarySignIns = new Map<string, { [key: string]: any }>();
    const allResources: ResourceValue[] = [];
    const seen = new Set<string>();
    for (const kind of kinds) {
      for (const resource of this.resources(kind)) {
        if (!seen.has(resource.id)) {
          seen.add(resource.id);
          allResources.push(resource);
        }
        if (this.options.onlyResources && !this.options.onlyResources.includes(resource.id)) continue;
        let a: Assignment = {
          kind,
          resource,
          notUsers: new Set(),
          groups: new Map(),
          roles: new Map(),
          enums: {},
          choices: [
            { dim: 'kind', value: kind },
            { dim: 'resource', value: resource },
          ],
        };
        if (this.options.fixedIp) {
          const parsed = parseIp(this.options.fixedIp.text)!;
          const value: IpValue = { id: `ip:${this.options.fixedIp.text}`, label: this.options.fixedIp.label, other: false, ip: parsed, text: this.options.fixedIp.text };
          a = { ...a, ip: value, choices: [...a.choices, { dim: 'ip', value }] };
        }
        ordinarySignIns.set(`${kind.id}|${resource.id}`, this.representative(a));
        if (unfinished.length > 0) {
          unfinished.push(`${kind.label} · ${resource.label}`);
          continue;
        }
        const { masks, unknown } = this.rootState();
        try {
          roots.set(`${kind.id}|${resource.id}`, this.node(a, this.explored, masks, unknown));
        } catch (e) {
          if (!(e instanceof DeadlinePassed)) throw e;
          unfinished.push(`${kind.label} · ${resource.label}`);
        }
      }
    }
    const leaves = this.leaves;
    const classify = (s: PreparedSignIn): SignInClassLeaf | undefined => {
      const kind = kinds.find((k) => this.kindMatches(k, s));
      const resource = kind ? this.resourceIdOf(s) : undefined;
      let node = kind && resource ? roots.get(`${kind.id}|${resource}`) : undefined;
      while (node && !('leaf' in node)) {
        const id = node.split.classify(s);
        node = id === undefined ? undefined : node.children.get(id);
      }
      const leaf = node?.leaf;
      if (!leaf?.exceptions) return leaf;
      // a sign-in an exception applies to meets the requirement: it is not in the class's gap
      const masks = this.evaluator.masks(s);
      if (!leaf.exceptions.some((i) => masks[i] === 0)) return leaf;
      const applying = leaf.applying.filter((i) => masks[i] === 0);
      return { choices: leaf.choices, decision: decision(this.policies, masks, this.scope, () => [], this.explored), applying, signIn: leaf.signIn, met: true };
    };
    return { leaves, roots, kinds, resources: allResources, ordinarySignIns, classify, unfinished };
  }

  /** The starting masks: the policies not explored (not relevant) start as not applying. */
  private rootState(): { masks: Int32Array; unknown: Int32Array } {
    const masks = new Int32Array(this.policies.length).fill(R_POLICY_NOT_ENABLED);
    for (const i of this.explored) masks[i] = 0;
    return { masks, unknown: new Int32Array(this.policies.length) };
  }

  // -------------------------------------------------------------------------------------------------------------
  // The tree

  /**
   * @param changed the reason bit of the condition the last split decides: only the undecided policies that did not
   *   know it are evaluated again (the others read nothing that changed). Every policy at a root.
   */
  private node(a: Assignment, undecided: readonly number[], parentMasks: Int32Array, parentUnknown: Int32Array, changed?: number): TreeNode {
    // the clock is read at the first node and every 64 nodes after (a node costs microseconds)
    if (this.options.deadline !== undefined && (++this.nodes & 63) === 1 && performance.now() > this.options.deadline) throw new DeadlinePassed(); // eslint-disable-line no-bitwise
    const masks = parentMasks.slice();
    const unknown = parentUnknown.slice();
    /* eslint-disable-next-line no-bitwise */
    const again = changed === undefined ? undecided : undecided.filter((i) => (parentUnknown[i] & changed) !== 0);
    if (again.length > 0) this.evaluator.masksFor(this.prepare(a), again, masks, unknown);
    const d = decision(this.policies, masks, this.scope, () => [], this.explored);
    const still = undecided.filter((i) => masks[i] === R_NOT_ENOUGH_INFORMATION && this.inScope(i));
    const met = this.options.met?.(d) ?? false;
    if (d.access !== WhatIfAccess.UNDETERMINED || met) return this.leaf(a, d, masks, met);
    let deciding = d.undeterminedBy.map((address) => this.index.get(address)!);
    if (this.options.met !== undefined) {
      // Gap analysis splits only where a policy that can meet the requirement covers the node's ordinary sign-in (a
      // broad policy: its exclusions and conditions are what separate the sign-ins it misses). When none does, the
      // ordinary sign-in misses the requirement: the node is a gap, "unless" one of the undecided policies applies.
      // Splitting on those narrow policies' conditions too would multiply every combination of them (a role, a
      // group excluded from one policy, a client app, a country, ...) into classes nobody can read.
      const ordinary = this.ordinary(a);
      const om = masks.slice();
      this.evaluator.masksFor(ordinary.prepared, still, om, new Int32Array(this.policies.length));
      const broad = still.filter((i) => om[i] === 0);
      if (broad.length === 0) return this.leaf(a, d, masks, false, { exceptions: still, ordinary });
      deciding = broad;
    }
    const split = this.chooseSplit(a, deciding, still, unknown);
    if (!split) return this.leaf(a, d, masks, false);
    const children = new Map<string, TreeNode>();
    const bit = reasonBitOf(split.dim);
    for (const value of split.values) {
      const child = split.assign(a, value);
      children.set(value.id, this.node({ ...child, choices: [...a.choices, { dim: split.dim, value }] }, still, masks, unknown, bit));
    }
    return { dim: split.dim, split, children };
  }

  /**
   * @param met whether `d` meets the requirement (gap analysis)
   * @param gap gap analysis: the node's ordinary sign-in misses the requirement, and the undecided policies that can
   *   meet it apply to other sign-ins of the node only (the class's exceptions)
   */
  private leaf(a: Assignment, d: WhatIfAccessDecision, masks: Int32Array, met: boolean, gap?: { exceptions: number[]; ordinary: OrdinarySignIn }): TreeNode {
    // the flag marks a class that stopped early on an undetermined decision that meets the requirement anyway
    const metEarly = met && d.access === WhatIfAccess.UNDETERMINED;
    let signIn: { [key: string]: any } | undefined = gap?.ordinary.json;
    const representative = () => (signIn ??= this.representative(a));
    let inexact = false;
    if (this.options.relevant !== undefined && !met && (gap !== undefined || d.access !== WhatIfAccess.UNDETERMINED)) {
      // Explored over the relevant policies only, and none applies (beyond the exceptions): the other policies decide
      // the class's access. When the class does not decide them, it takes its representative's decision (inexact).
      const all = masks.slice();
      for (const i of gap?.exceptions ?? []) all[i] = R_POLICY_NOT_ENABLED;
      this.evaluator.masksFor(this.prepareForOthers(a), this.others, all, new Int32Array(this.policies.length));
      const exact = decision(this.policies, all, this.scope, () => []);
      if (exact.access !== WhatIfAccess.UNDETERMINED && gap === undefined) {
        masks = all;
        d = exact;
      } else {
        let prepared = gap?.ordinary.prepared;
        if (prepared === undefined) {
          const p = prepareSignIn(representative(), this.stack);
          if (Array.isArray(p)) throw new Error(`internal: a class representative is not a valid sign-in: ${p.join('; ')}`);
          prepared = p;
        }
        masks = this.evaluator.masks(prepared);
        d = decision(this.policies, masks, this.scope, () => []);
        inexact = exact.access === WhatIfAccess.UNDETERMINED;
      }
    }
    const applying: number[] = [];
    for (let i = 0; i < this.policies.length; i++) if (masks[i] === 0 && this.inScope(i)) applying.push(i);
    // the representative is built when asked for: most classes of a gap analysis meet the requirement and are not shown
    const leaf: SignInClassLeaf = {
      choices: a.choices,
      decision: d,
      applying,
      get signIn() {
        return representative();
      },
      ...(metEarly ? { met: true } : {}),
      ...(inexact ? { inexact: true } : {}),
      ...(gap && gap.exceptions.length > 0 ? { exceptions: gap.exceptions } : {}),
    };
    this.leaves.push(leaf);
    return { leaf };
  }

  private inScope(i: number): boolean {
    return ((this.scope >> this.policies[i].stateKind) & 1) === 1; // eslint-disable-line no-bitwise
  }

  // -------------------------------------------------------------------------------------------------------------
  // Choosing the split

  private chooseSplit(a: Assignment, deciding: number[], undecided: number[], unknown: Int32Array): Split | undefined {
    const score = new Map<string, number>();
    const bump = (dim: string) => score.set(dim, (score.get(dim) ?? 0) + 1);
    for (const i of deciding) for (const dim of this.candidates(this.policies[i], unknown[i], a)) bump(dim);
    if (score.size === 0) return undefined;
    const relevant = undecided.map((i) => this.policies[i]);
    // most deciding policies first; then the split with fewer values (the first one met on a tie). Splits are built
    // one score level at a time: most nodes have dozens of candidate groups and use one of them.
    const levels = [...new Set(score.values())].sort((x, y) => y - x);
    for (const level of levels) {
      let best: Split | undefined;
      for (const [dim, n] of score) {
        if (n !== level) continue;
        const split = this.split(dim, relevant, a);
        if (!split || split.values.length < 2) continue;
        if (!best || split.values.length < best.values.length) best = split;
        if (best.values.length === 2) break; // no split has fewer
      }
      if (best) return best;
    }
    return undefined;
  }

  /** The dimensions whose value could decide policy `p`, given the conditions that were unknown. */
  private candidates(p: CompiledPolicy, bits: number, a: Assignment): string[] {
    /* eslint-disable no-bitwise */
    const out: string[] = [];
    if (bits & R_USERS) {
      if (a.user === undefined) for (const list of [p.incUsers, p.excUsers]) for (const k of list.keys) if (!a.notUsers.has(k) && expressible(k)) out.push(`user:${k}`);
      for (const list of [p.incGroups, p.excGroups]) for (const k of list.keys) if (!a.groups.has(k) && expressible(k)) out.push(`group:${k}`);
      for (const list of [p.incRoles, p.excRoles]) for (const k of list.keys) if (!a.roles.has(k) && expressible(k)) out.push(`role:${k}`);
      if (a.tenant === undefined && a.kind.externalUserType !== 'none' && [p.incGuestBlock, p.excGuestBlock].some((b) => b && !b.tenants.empty)) out.push('tenant');
    }
    if (bits & R_WORKLOAD_IDENTITIES) {
      if (a.sp === undefined && (!p.incSps.empty || !p.excSps.empty)) out.push('sp');
      if (p.spRisk !== null && a.enums.spRisk === undefined) out.push('spRisk');
    }
    if (bits & R_LOCATION) {
      const codes = [...(p.locInc ?? []), ...p.locExc];
      if (a.ip === undefined && codes.some((c) => c === LOC_ALL_TRUSTED || (c >= 0 && this.stack.locations[c].isIp))) out.push('ip');
      if (a.country === undefined && codes.some((c) => c >= 0 && !this.stack.locations[c].isIp && this.stack.locations[c].countries !== null)) out.push('country');
    }
    if (bits & R_DEVICES && a.device === undefined && p.deviceRule !== undefined) out.push('device');
    for (const e of ENUM_DIMS) if (bits & e.bit && a.enums[e.dim] === undefined && e.lists(p).some((l) => l !== null)) out.push(e.dim);
    return out;
    /* eslint-enable no-bitwise */
  }

  private split(dim: string, relevant: CompiledPolicy[], a: Assignment): Split | undefined {
    if (dim.startsWith('user:')) return this.userSplit(dim);
    if (dim === 'sp') return this.identitySplit('sp', relevant.flatMap((p) => [p.incSps, p.excSps]), this.freshSp, 'service principal', 'service principals');
    if (dim === 'tenant') {
      const lists = relevant.flatMap((p) => [p.incGuestBlock, p.excGuestBlock]).filter((b) => b !== null).map((b) => b!.tenants);
      return this.identitySplit('tenant', lists, this.freshTenant, 'home tenant', 'home tenants');
    }
    if (dim.startsWith('group:') || dim.startsWith('role:')) return this.membershipSplit(dim);
    if (dim === 'ip') return this.ipSplit(relevant);
    if (dim === 'country') return this.countrySplit(relevant);
    if (dim === 'device') return this.deviceSplit(relevant);
    const e = ENUM_DIMS.find((x) => x.dim === dim);
    return e ? this.enumSplit(e, relevant, a) : undefined;
  }

  /**
   * One listed user at a time: the sign-in is that user, or it is not (a binary split, like a group's). A user listed
   * by every policy (an emergency-access account) is split first, and a user listed by one policy does not multiply
   * the classes of every other policy, as a split into every listed user at once would.
   */
  private userSplit(dim: string): Split {
    const key = dim.slice('user:'.length);
    const identity = identityOf(key);
    const name = this.name(key);
    const values: DimValue[] = [
      { id: 'in', label: `user ${name}`, other: false },
      // analysis.ts joins the names of several of these into one "users other than A, B"
      { id: 'out', label: `${OTHER_USERS}${name}`, other: true },
    ];
    return {
      dim,
      values,
      assign: (a, v) => (v.id === 'in' ? { ...a, user: identity } : { ...a, notUsers: new Set([...a.notUsers, key]) }),
      classify: (s) => {
        if (s.user === null || s.user.length === 0) return undefined;
        return s.user.some((t) => t.key === key) ? 'in' : 'out';
      },
    };
  }

  private identitySplit(dim: 'sp' | 'tenant', lists: IdList[], fresh: IdentityValue, one: string, many: string): Split {
    const keys = new Set<string>();
    for (const l of lists) for (const k of l.keys) if (expressible(k)) keys.add(k);
    const identities = [...keys].map((k) => identityOf(k));
    const values: Array<DimValue & { identity: IdentityValue }> = identities.map((id) => ({
      id: `id:${id.term.key}`,
      label: `${one} ${this.name(id.term.key)}`,
      other: false,
      identity: id,
    }));
    const listsOf = (p: CompiledPolicy): IdList[] => (dim === 'sp'
      ? [p.incSps, p.excSps]
      : [p.incGuestBlock, p.excGuestBlock].filter((b) => b !== null).map((b) => b!.tenants));
    const sameFor = (p: CompiledPolicy) => listsOf(p).every((l) => !l.hasOpaque && [...l.keys].every((k) => keys.has(k)));
    values.push({ id: 'else', label: `${many} other than ${identities.map((i) => this.name(i.term.key)).join(', ')}`, other: true, identity: fresh, sameFor });
    const field = dim === 'sp' ? 'servicePrincipal' : 'externalTenant';
    return {
      dim,
      values,
      assign: (a, v) => ({ ...a, [dim]: (v as (typeof values)[number]).identity }),
      classify: (s) => {
        const terms = s[field] as Term[] | null;
        if (terms === null || terms.length === 0) return undefined;
        const hit = values.find((v) => !v.other && terms.some((t) => t.key === v.identity.term.key));
        return hit ? hit.id : 'else';
      },
    };
  }

  private membershipSplit(dim: string): Split {
    const isGroup = dim.startsWith('group:');
    const key = dim.slice(dim.indexOf(':') + 1);
    const identity = identityOf(key);
    const name = isGroup ? `group ${this.name(key)}` : `role ${directoryRoleById(key)?.label ?? this.name(key)}`;
    const values: DimValue[] = [
      { id: 'in', label: isGroup ? `in ${name}` : `with ${name}`, other: false },
      { id: 'out', label: isGroup ? `not in ${name}` : `without ${name}`, other: true },
    ];
    return {
      dim,
      values,
      assign: (a, v) => {
        const map = new Map(isGroup ? a.groups : a.roles);
        map.set(key, { in: v.id === 'in', value: identity });
        return isGroup ? { ...a, groups: map } : { ...a, roles: map };
      },
      classify: (s) => {
        const terms = isGroup ? s.memberOf : s.roles;
        if (terms === null) return undefined;
        return terms.some((t) => t.key === key) ? 'in' : 'out';
      },
    };
  }

  private enumSplit(e: EnumDim, relevant: CompiledPolicy[], a: Assignment): Split | undefined {
    if (e.userOnly && a.kind.servicePrincipal) return undefined;
    const mentioned = new Set<string>();
    for (const p of relevant) {
      for (const l of e.lists(p)) {
        if (l === null) continue;
        for (const v of l.values) mentioned.add(v);
        for (const v of l.maybe ?? []) mentioned.add(v);
      }
    }
    // exchangeActiveSync includes easSupported: both are mentioned when either is
    if (e.dim === 'clientApp' && (mentioned.has('exchangeActiveSync') || mentioned.has('easSupported'))) {
      mentioned.add('exchangeActiveSync');
      mentioned.add('easSupported');
    }
    const universe = e.vocabulary.signInValues.filter((v) => !e.skip.includes(v));
    const listed = universe.filter((v) => mentioned.has(v));
    const values: Array<DimValue & { v: string }> = listed.map((v) => ({ id: v, label: e.label(v), other: false, v }));
    const rest = universe.filter((v) => !mentioned.has(v) && v !== 'unknownFutureValue');
    const restWithFuture = universe.filter((v) => !mentioned.has(v));
    const representative = rest[0] ?? restWithFuture[0];
    const group = new Set(restWithFuture);
    // (the EAS pair is mentioned together, so the group holds both or neither)
    const sameFor = (p: CompiledPolicy) => e.lists(p).every((l) => l === null || (!l.unknown && ![...l.values, ...(l.maybe ?? [])].some((v) => group.has(v))));
    if (representative !== undefined) values.push({ id: 'else', label: e.otherLabel(listed), other: true, v: representative, sameFor });
    const field = FIELD[e.dim];
    return {
      dim: e.dim,
      values,
      assign: (x, v) => ({ ...x, enums: { ...x.enums, [e.dim]: (v as (typeof values)[number]).v } }),
      classify: (s) => {
        const actual = s[field] as string | null;
        if (actual === null) return undefined;
        return mentioned.has(actual) ? actual : 'else';
      },
    };
  }

  /**
   * Country regions: the listed countries grouped by the set of the relevant country locations that hold them (the
   * countries of one allow-list behave alike), plus the countries in none of them.
   */
  private countrySplit(relevant: CompiledPolicy[]): Split {
    const used = new Set<number>();
    for (const p of relevant) {
      for (const c of [...(p.locInc ?? []), ...p.locExc]) {
        const loc = c >= 0 ? this.stack.locations[c] : undefined;
        if (loc && !loc.isIp && loc.countries) used.add(c);
      }
    }
    const indices = [...used].sort((x, y) => x - y);
    const locations = indices.map((i) => this.stack.locations[i]);
    const vector = (code: string) => locations.map((l) => (l.countries!.has(code) ? '1' : '0')).join('');
    const byVector = new Map<string, string[]>();
    for (const code of [...new Set(locations.flatMap((l) => [...l.countries!]))].sort()) {
      const v = vector(code);
      byVector.set(v, [...(byVector.get(v) ?? []), code]);
    }
    // a region lies wholly inside or outside each of these locations; a policy on another country location may cut it
    const split = new Set(indices);
    const sameFor = (p: CompiledPolicy) => [...(p.locInc ?? []), ...p.locExc].every((c) => {
      const loc = c >= 0 ? this.stack.locations[c] : undefined;
      return !loc || loc.isIp || split.has(c);
    });
    const values: Array<DimValue & { code: string }> = [...byVector].map(([v, codes]) => {
      const names = locations.filter((_, j) => v[j] === '1').map((l) => l.displayName);
      return { id: v, label: `in ${names.join(' and ')} (${codes.length <= 3 ? codes.join(', ') : `${codes.length} countries`})`, other: false, code: codes[0], sameFor };
    });
    const outside = locations.map(() => '0').join('');
    const other = COUNTRY_CANDIDATES.find((c) => vector(c) === outside);
    if (other) values.push({ id: outside, label: `in countries outside ${locations.map((l) => l.displayName).join(', ')}`, other: true, code: other, sameFor });
    return {
      dim: 'country',
      values,
      assign: (a, v) => ({ ...a, country: (v as (typeof values)[number]).code }),
      classify: (s) => (s.country === null ? undefined : vector(s.country)),
    };
  }

  /** IP regions: the pieces of address space inside the same set of the relevant IP locations. */
  private ipSplit(relevant: CompiledPolicy[]): Split | undefined {
    const used = new Set<number>();
    let trusted = false;
    for (const p of relevant) {
      for (const c of [...(p.locInc ?? []), ...p.locExc]) {
        if (c === LOC_ALL_TRUSTED) trusted = true;
        else if (c >= 0 && this.stack.locations[c].isIp && this.stack.locations[c].ranges !== null) used.add(c);
      }
    }
    const explicit = used.size;
    if (trusted) this.stack.locations.forEach((l, i) => l.isIp && l.ranges !== null && l.trusted !== F && used.add(i));
    // only AllTrusted asks: say it in its words
    const trustedOnly = trusted && explicit === 0;
    const indices = [...used].sort((x, y) => x - y);
    // the same locations ask at many nodes: their regions are computed once
    const key = `${trustedOnly}|${indices.join(',')}`;
    let split = this.ipSplits.get(key);
    if (!split) {
      split = this.computeIpSplit(indices, trustedOnly);
      this.ipSplits.set(key, split);
    }
    return split;
  }

  private computeIpSplit(indices: number[], trustedOnly: boolean): Split {
    const locations = indices.map((i) => this.stack.locations[i]);
    const regions = ipRegions(locations);
    // a region lies wholly inside or outside each of these locations; a policy on any other IP location (or on one
    // whose ranges are unknown) may cut it
    const split = new Set(indices);
    const sameFor = (p: CompiledPolicy) => [...(p.locInc ?? []), ...p.locExc].every((c) => {
      if (c === LOC_ALL_TRUSTED) return this.stack.locations.every((l, i) => !l.isIp || l.trusted === F || split.has(i));
      if (c === LOC_UNKNOWN) return false;
      return c < 0 || !this.stack.locations[c].isIp || split.has(c);
    });
    const values: Array<IpValue & { inside: boolean[] }> = [];
    const all = locations.map((l) => l.displayName).join(', ');
    for (const r of regions) {
      const insideNames = locations.filter((_, j) => r.inside[j]).map((l) => l.displayName);
      const label = trustedOnly
        ? insideNames.length === 0
          ? `outside trusted locations (${all})`
          : `in a trusted location (${insideNames.join(' and ')})`
        : insideNames.length === 0
          ? `outside ${all || 'every named location'}`
          : `inside ${insideNames.join(' and ')}`;
      values.push({ id: r.inside.map((b) => (b ? '1' : '0')).join(''), label, other: insideNames.length === 0, ip: parseIp(r.text)!, text: r.text, inside: r.inside, sameFor });
    }
    if (!values.some((v) => v.other)) {
      const out = this.publicIpOutside(locations);
      values.push({
        id: locations.map(() => '0').join(''),
        label: trustedOnly ? `outside trusted locations (${all})` : `outside ${all}`,
        other: true,
        ip: out.ip,
        text: out.text,
        inside: locations.map(() => false),
        sameFor,
      });
    }
    return {
      dim: 'ip',
      values,
      assign: (a, v) => ({ ...a, ip: v as IpValue }),
      classify: (s) => {
        if (s.ip === null) return undefined;
        const ip = s.ip;
        return locations.map((l) => (ip.special === null && l.ranges!.contains(ip) ? '1' : '0')).join('');
      },
    };
  }

  private deviceSplit(relevant: CompiledPolicy[]): Split | undefined {
    const rules = relevant.filter((p) => p.deviceRule !== undefined).map((p) => p.deviceRule!);
    if (rules.length === 0) return undefined;
    const devices = candidateDevices(rules);
    const sameFor = (p: CompiledPolicy) => p.deviceRule === undefined || rules.includes(p.deviceRule);
    const byVector = new Map<string, DeviceValue>();
    for (const d of devices) {
      const vector = rules.map((r) => evaluateDeviceRule(r, d.facts)).join('');
      if (!byVector.has(vector)) byVector.set(vector, { id: vector, label: d.label, other: false, facts: d.facts, json: d.json, sameFor });
    }
    const values = [...byVector.values()];
    return {
      dim: 'device',
      values,
      assign: (a, v) => ({ ...a, device: v as DeviceValue }),
      classify: (s) => (s.device === null ? undefined : rules.map((r) => evaluateDeviceRule(r, s.device!)).join('')),
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Roots

  private kinds(): KindValue[] {
    const users = this.options.users;
    const out: KindValue[] = [];
    if (users === 'members' || users === 'all') out.push({ id: 'member', label: 'members', other: false, servicePrincipal: false, externalUserType: 'none' });
    if (users === 'guests' || users === 'all') {
      const mentioned = new Set<string>();
      for (const p of this.policies) for (const b of [p.incGuestBlock, p.excGuestBlock]) if (b) for (const t of b.types.values) mentioned.add(t);
      const types = GUEST_OR_EXTERNAL_USER_TYPES.signInValues.filter((t) => t !== 'none' && t !== 'unknownFutureValue');
      for (const t of types.filter((x) => mentioned.has(x))) out.push({ id: `guest:${t}`, label: guestLabel(t).toLowerCase(), other: false, servicePrincipal: false, externalUserType: t });
      const rest = types.filter((x) => !mentioned.has(x));
      if (rest.length > 0) {
        out.push({
          id: 'guest:else',
          label: mentioned.size === 0 ? 'guests and external users' : `guests and external users other than ${[...mentioned].map((t) => guestLabel(t).toLowerCase()).join(', ')}`,
          other: true,
          servicePrincipal: false,
          externalUserType: rest.includes('b2bCollaborationGuest') ? 'b2bCollaborationGuest' : rest[0],
        });
      }
    }
    if (users === 'servicePrincipals') out.push({ id: 'servicePrincipal', label: 'service principals', other: false, servicePrincipal: true, externalUserType: 'none' });
    return out;
  }

  private kindMatches(k: KindValue, s: PreparedSignIn): boolean {
    if (k.servicePrincipal || s.isServicePrincipal) return k.servicePrincipal === s.isServicePrincipal;
    if (k.id === 'member') return s.externalUserType === 'none';
    if (k.id === 'guest:else') {
      return s.externalUserType !== 'none' && !this.kinds().some((x) => !x.other && x.externalUserType === s.externalUserType);
    }
    return k.externalUserType === s.externalUserType;
  }

  private resources(kind: { readonly servicePrincipal: boolean }): ResourceValue[] {
    let cached = this.resourceCache.get(kind.servicePrincipal);
    if (!cached) {
      cached = this.computeResources(kind.servicePrincipal);
      this.resourceCache.set(kind.servicePrincipal, cached);
    }
    return cached;
  }

  private computeResources(servicePrincipal: boolean): ResourceValue[] {
    const kind = { servicePrincipal };
    const out: ResourceValue[] = [];
    if (!kind.servicePrincipal) {
      for (const t of USER_ACTIONS.terms) {
        if (t.signIn === false || t.policy === false) continue;
        out.push({ id: `action:${t.value}`, label: t.label, other: false, context: CTX_USER_ACTION, userActionUrn: t.value, userAction: t.signIn ?? t.value });
      }
    }
    const keys = new Set<string>();
    let office = false;
    let admin = false;
    for (const p of this.policies) {
      for (const l of [p.incApps, p.excApps]) {
        for (const k of l.ids.keys) if (expressible(k)) keys.add(k);
        office ||= l.office365;
        admin ||= l.adminPortals;
      }
    }
    for (const k of [...keys].sort()) {
      const id = identityOf(k);
      out.push({ id: `app:${k}`, label: this.appName(k), other: false, context: CTX_APPLICATION, app: { term: id.term, suite: null }, appJson: id.json });
    }
    const pick = (ids: ReadonlyMap<string, string>) => [...ids.keys()].find((k) => !keys.has(k));
    const officeMember = office ? pick(OFFICE_365_APP_IDS) : undefined;
    if (officeMember) {
      out.push({
        id: 'app:office365',
        label: 'other Office 365 apps',
        other: true,
        context: CTX_APPLICATION,
        app: { term: { key: officeMember, kind: K_GUID }, suite: null },
        appJson: officeMember,
      });
    }
    const adminMember = admin ? pick(ADMIN_PORTAL_APP_IDS) : undefined;
    if (adminMember) {
      out.push({
        id: 'app:adminPortals',
        label: 'other Microsoft Admin Portals',
        other: true,
        context: CTX_APPLICATION,
        app: { term: { key: adminMember, kind: K_GUID }, suite: null },
        appJson: adminMember,
      });
    }
    // any other app: in no suite and listed by no policy
    let fresh: string;
    do fresh = this.freshGuid();
    while (OFFICE_365_APP_IDS.has(fresh) || ADMIN_PORTAL_APP_IDS.has(fresh));
    out.push({ id: 'app:else', label: 'any other app', other: true, context: CTX_APPLICATION, app: { term: { key: fresh, kind: K_GUID }, suite: null }, appJson: fresh });
    return out;
  }

  /** The resource value id a full sign-in falls in. */
  private resourceIdOf(s: PreparedSignIn): string | undefined {
    const rs = this.resources({ servicePrincipal: s.isServicePrincipal });
    if (s.context === CTX_USER_ACTION) return rs.find((r) => r.userActionUrn === s.userActionUrn)?.id;
    if (s.context !== CTX_APPLICATION || s.apps.length !== 1) return undefined;
    const term = s.apps[0].term;
    // a group of apps named in the request is an app in no list
    if (term === null) return 'app:else';
    const listed = rs.find((r) => !r.other && r.app?.term?.key === term.key);
    if (listed) return listed.id;
    if (OFFICE_365_APP_IDS.has(term.key) && rs.some((r) => r.id === 'app:office365')) return 'app:office365';
    if (ADMIN_PORTAL_APP_IDS.has(term.key) && rs.some((r) => r.id === 'app:adminPortals')) return 'app:adminPortals';
    return 'app:else';
  }

  // -------------------------------------------------------------------------------------------------------------
  // Sign-ins

  /** The partial sign-in the evaluator sees for an assignment: what is not split yet is unknown. */
  private prepare(a: Assignment): PreparedSignIn {
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
  private prepareForOthers(a: Assignment): PreparedSignIn {
    const s: { -readonly [K in keyof PreparedSignIn]: PreparedSignIn[K] } = { ...this.prepare(a) };
    for (const c of a.choices) {
      const same = c.value.sameFor;
      if (!same || this.others.every((i) => same(this.policies[i]))) continue;
      const field = GROUP_FIELD[c.dim];
      if (field === undefined) throw new Error(`internal: no sign-in field for the group value of ${c.dim}`);
      (s as Record<string, unknown>)[field] = null;
    }
    return s;
  }

  /** The node's ordinary sign-in (see `representative`), as JSON and prepared for the evaluator. */
  private ordinary(a: Assignment): OrdinarySignIn {
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
  private representative(a: Assignment): { [key: string]: any } {
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

  // -------------------------------------------------------------------------------------------------------------
  // Helpers

  private name(key: string): string {
    return this.stack.names.get(key) ?? key;
  }

  private appName(key: string): string {
    return this.stack.names.get(key) ?? applicationName(key) ?? key;
  }

  private freshGuid(): string {
    for (;;) {
      this.fresh++;
      const guid = `f0000000-0000-4000-8000-${this.fresh.toString(16).padStart(12, '0')}`;
      if (!this.usedGuids.has(guid)) return guid;
    }
  }

  private freshIdentity(): IdentityValue {
    const guid = this.freshGuid();
    return { term: { key: guid, kind: K_GUID }, json: guid };
  }

  private publicIpOutside(locations: CompiledLocation[]): { text: string; ip: ParsedIp } {
    for (const text of PUBLIC_CANDIDATES) {
      const ip = parseIp(text)!;
      if (!locations.some((l) => l.ranges?.contains(ip))) return { text, ip };
    }
    // every candidate is inside some location: walk the gaps between ranges
    const region = ipRegions(locations).find((r) => r.inside.every((x) => !x));
    const text = region?.text ?? PUBLIC_CANDIDATES[0];
    return { text, ip: parseIp(text)! };
  }
}

/** A node's ordinary sign-in. */
interface OrdinarySignIn {
  readonly json: { [key: string]: any };
  readonly prepared: PreparedSignIn;
}

/** A split of a node on one dimension. */
export interface Split {
  readonly dim: string;
  readonly values: DimValue[];
  assign(a: Assignment, value: DimValue): Omit<Assignment, 'choices'> & { choices: Choice[] };
  /** The value id a full sign-in has on this dimension (undefined when the sign-in does not say). */
  classify(s: PreparedSignIn): string | undefined;
}

/** The reason bit of the condition a dimension decides (every bit for a dimension it does not know). */
function reasonBitOf(dim: string): number {
  const kind = dim.split(':')[0];
  if (kind === 'user' || kind === 'group' || kind === 'role' || kind === 'tenant') return R_USERS;
  if (kind === 'sp') return R_WORKLOAD_IDENTITIES;
  if (kind === 'ip' || kind === 'country') return R_LOCATION;
  if (kind === 'device') return R_DEVICES;
  return ENUM_DIMS.find((e) => e.dim === kind)?.bit ?? -1;
}

/**
 * Whether a policy list key is a value of its own: a GUID, or the address of a resource the stack defines. A data
 * source or an expression is only known at apply time (it may equal any GUID), so it is never split on and the
 * policies that use it stay undetermined.
 */
function expressible(key: string): boolean {
  return isGuid(key) || (ADDRESS_RE.test(key) && !key.startsWith('data.'));
}

/** The term a sign-in naming `key` gets (the same one the policy holds). */
function identityOf(key: string): IdentityValue {
  if (isGuid(key)) return { term: { key, kind: K_GUID }, json: key };
  return { term: { key, kind: K_ADDRESS }, json: key };
}

/**
 * The regions of address space inside the same set of `locations`: every piece between consecutive range
 * boundaries (IPv4 and IPv6), grouped by which locations hold it, with a representative address (a public one when
 * the piece has one).
 */
export function ipRegions(locations: readonly CompiledLocation[]): Array<{ inside: boolean[]; text: string }> {
  const byVector = new Map<string, { inside: boolean[]; text: string; special: boolean }>();
  const add = (text: string) => {
    const ip = parseIp(text)!;
    const inside = locations.map((l) => ip.special === null && (l.ranges as RangeSet).contains(ip));
    const key = inside.map((b) => (b ? 1 : 0)).join('');
    const existing = byVector.get(key);
    if (!existing || (existing.special && ip.special === null)) byVector.set(key, { inside, text, special: ip.special !== null });
  };
  const v4 = new Set<number>();
  const v6 = new Set<bigint>();
  for (const l of locations) {
    const { v4: a, v6: b } = (l.ranges as RangeSet).intervals();
    for (const [s, e] of a) {
      v4.add(s);
      if (e < 0xffffffff) v4.add(e + 1);
    }
    for (const [s, e] of b) {
      v6.add(s);
      if (e < (1n << 128n) - 1n) v6.add(e + 1n); // eslint-disable-line no-bitwise
    }
  }
  for (const n of [...v4].sort((x, y) => x - y)) add(v4Text(n));
  for (const n of [...v6].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) add(v6Text(n));
  return [...byVector.values()].map(({ inside, text }) => ({ inside, text }));
}

/** Candidate devices for the rules: each property the rules read takes the values they mention and some misses. */
function candidateDevices(rules: DeviceRule[]): Array<{ facts: DeviceFacts; json: { [key: string]: any }; label: string }> {
  const byProperty = new Map<string, { name: string; kind: 'boolean' | 'collection' | 'string'; values: Set<string> }>();
  const walk = (r: DeviceRule): void => {
    if (r.op === 'cmp') {
      const c = r as DeviceRuleComparison;
      const entry = byProperty.get(c.key) ?? { name: c.deviceInfo, kind: c.key === 'iscompliant' ? 'boolean' : c.key === 'physicalids' || c.key === 'systemlabels' ? 'collection' : 'string', values: new Set<string>() };
      for (const v of c.value === null ? [] : typeof c.value === 'string' ? [c.value] : c.value) entry.values.add(v);
      byProperty.set(c.key, entry);
    } else if (r.op === 'not') {
      walk(r.expr);
    } else {
      walk(r.left);
      walk(r.right);
    }
  };
  rules.forEach(walk);
  const options: Array<{ key: string; name: string; choices: Array<string | string[] | boolean | null> }> = [];
  for (const [key, entry] of byProperty) {
    let choices: Array<string | string[] | boolean | null>;
    if (entry.kind === 'boolean') {
      choices = [true, false, null];
    } else if (entry.kind === 'collection') {
      const all = [...entry.values];
      choices = [[], ...all.map((v) => [v]), all, null];
    } else {
      choices = [null, 'zz-none'];
      for (const v of entry.values) choices.push(v, `${v}-x`, `x-${v}`, `x-${v}-x`);
    }
    options.push({ key, name: entry.name, choices });
  }
  const out: Array<{ facts: DeviceFacts; json: { [key: string]: any }; label: string }> = [];
  const LIMIT = 4096;
  const combine = (i: number, facts: Map<string, string | readonly string[] | boolean | null>, json: { [key: string]: any }, words: string[]): void => {
    if (out.length >= LIMIT) return;
    if (i === options.length) {
      out.push({ facts: new Map(facts), json: { ...json }, label: `device ${words.join(', ')}` });
      return;
    }
    const o = options[i];
    for (const c of o.choices) {
      const fact = typeof c === 'string' ? c.toLowerCase() : Array.isArray(c) ? c.map((x) => x.toLowerCase()) : c;
      facts.set(o.key, fact);
      json[o.name] = c;
      combine(i + 1, facts, json, [...words, `${o.name} ${c === null ? 'not set' : Array.isArray(c) ? `[${c.join(', ')}]` : String(c)}`]);
    }
    facts.delete(o.key);
    delete json[o.name];
  };
  combine(0, new Map(), {}, []);
  return out;
}
