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
 *
 * Gap analysis explores only the policies that can meet the requirement, and splits a node only where one of them
 * covers the node's ordinary sign-in; otherwise the node is a gap "unless" its undecided policies apply (see `node`).
 * The pieces: the dimensions and what a node knows (dimensions.ts), the roots (roots.ts), the splits (splits.ts), the
 * nodes' sign-ins (sign-ins.ts) and the values they pick from (value-space.ts).
 */
import { Assignment, Choice, DimValue, ENUM_DIMS, expressible, IpValue, reasonBitOf, ResourceValue, Split, UsersScope } from './dimensions';
import { Roots } from './roots';
import { ClassSignIns, OrdinarySignIn } from './sign-ins';
import { SplitBuilder } from './splits';
import { FreshIds } from './value-space';
import { CompiledPolicy, CompiledStack, LOC_ALL_TRUSTED, SCOPE_ENABLED, SCOPE_REPORT_ONLY_AS_ON, StateScope } from '../what-if/compiled-stack';
import { decision, Evaluator } from '../what-if/evaluator';
import { parseIp } from '../what-if/ip';
import { R_LOCATION, R_DEVICES, R_NOT_ENOUGH_INFORMATION, R_POLICY_NOT_ENABLED, R_USERS, R_WORKLOAD_IDENTITIES } from '../what-if/microsoft-data';
import { WhatIfAccess, WhatIfAccessDecision } from '../what-if/model';
import { PreparedSignIn, prepareSignIn } from '../what-if/prepare-sign-in';

export { OTHER_USERS } from './dimensions';
export type { Choice, DimValue, Split, UsersScope } from './dimensions';

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
  /** Over the enabled and the report-only policies together, as if the report-only ones were on. */
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

/** Explores a compiled stack. */
export class Explorer {
  private readonly evaluator: Evaluator;
  private readonly policies: CompiledPolicy[];
  private readonly scope: StateScope;
  private readonly index = new Map<string, number>();
  private readonly leaves: SignInClassLeaf[] = [];
  private nodes = 0;
  private readonly roots: Roots;
  private readonly signIns: ClassSignIns;
  private readonly splits: SplitBuilder;
  /** The policies explored (all, or the `relevant` ones), in order. */
  private readonly explored: number[];
  /** In scope, and not among the `relevant` policies. */
  private readonly others: number[];

  constructor(private readonly stack: CompiledStack, private readonly options: PartitionOptions) {
    this.evaluator = new Evaluator(stack);
    this.policies = stack.policies;
    this.scope = options.reportOnly ? SCOPE_REPORT_ONLY_AS_ON : SCOPE_ENABLED;
    this.policies.forEach((p, i) => this.index.set(p.info.address, i));
    const relevant = options.relevant;
    const indices = this.policies.map((_, i) => i);
    this.explored = relevant ? indices.filter((i) => relevant(this.policies[i])) : indices;
    this.others = relevant ? indices.filter((i) => !relevant(this.policies[i]) && this.inScope(i)) : [];
    const fresh = new FreshIds(this.policies);
    this.signIns = new ClassSignIns(stack, fresh, this.others);
    this.roots = new Roots(stack, options.users, fresh);
    this.splits = new SplitBuilder(stack, this.signIns.freshIdentities.sp, this.signIns.freshIdentities.tenant);
  }

  /** Explores every kind × resource root. */
  public explore(): Partition {
    const kinds = this.roots.kinds().filter((k) => !this.options.onlyKinds || this.options.onlyKinds.includes(k.id));
    const roots = new Map<string, TreeNode>();
    const unfinished: string[] = [];
    const ordinarySignIns = new Map<string, { [key: string]: any }>();
    const allResources: ResourceValue[] = [];
    const seen = new Set<string>();
    for (const kind of kinds) {
      for (const resource of this.roots.resources(kind)) {
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
        ordinarySignIns.set(`${kind.id}|${resource.id}`, this.signIns.representative(a));
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
      const kind = kinds.find((k) => this.roots.kindMatches(k, s));
      const resource = kind ? this.roots.resourceIdOf(s) : undefined;
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
    if (again.length > 0) this.evaluator.masksFor(this.signIns.prepare(a), again, masks, unknown);
    const d = decision(this.policies, masks, this.scope, () => [], this.explored);
    const still = undecided.filter((i) => masks[i] === R_NOT_ENOUGH_INFORMATION && this.inScope(i));
    const met = this.options.met?.(d) ?? false;
    if (d.access !== WhatIfAccess.UNDETERMINED || met) return this.leaf(a, d, masks, met);
    const deciding = d.undeterminedBy.map((address) => this.index.get(address)!);
    let broad: number[] | undefined;
    if (this.options.met !== undefined) {
      // Gap analysis splits only where a policy that can meet the requirement covers the node's ordinary sign-in (a
      // broad policy: its exclusions and conditions are what separate the sign-ins it misses). When none does, the
      // ordinary sign-in misses the requirement: the node is a gap, "unless" one of the undecided policies applies.
      // Splitting on those narrow policies' conditions too would multiply every combination of them (a role, a
      // group excluded from one policy, a client app, a country, ...) into classes nobody can read.
      const ordinary = this.signIns.ordinary(a);
      const om = masks.slice();
      this.evaluator.masksFor(ordinary.prepared, still, om, new Int32Array(this.policies.length));
      broad = still.filter((i) => om[i] === 0);
      if (broad.length === 0) return this.leaf(a, d, masks, false, { exceptions: still, ordinary });
    }
    // (when no split decides the broad policies, e.g. a device filter whose candidate devices all agree, any undecided
    // policy's condition is split on, as without a requirement)
    const split = (broad && this.chooseSplit(a, broad, still, unknown)) || this.chooseSplit(a, deciding, still, unknown);
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
    const representative = () => (signIn ??= this.signIns.representative(a));
    let inexact = false;
    if (this.options.relevant !== undefined && !met && (gap !== undefined || d.access !== WhatIfAccess.UNDETERMINED)) {
      // Explored over the relevant policies only, and none applies (beyond the exceptions): the other policies decide
      // the class's access. When the class does not decide them, it takes its representative's decision (inexact).
      const all = masks.slice();
      for (const i of gap?.exceptions ?? []) all[i] = R_POLICY_NOT_ENABLED;
      this.evaluator.masksFor(this.signIns.prepareForOthers(a), this.others, all, new Int32Array(this.policies.length));
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
        const split = this.splits.split(dim, relevant, a);
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
}
