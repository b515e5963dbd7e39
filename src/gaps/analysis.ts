/* eslint-disable @stylistic/max-len */
/**
 * Gap analysis over the sign-in classes of partition.ts: which classes do not face a requirement, merged into few
 * groups described in portal words. Internal module; the public entry points are `WhatIf.findGaps` and
 * `WhatIf.signInClasses`.
 */
import { createHash } from 'crypto';
import { choiceLabels, Labels, merge, mergeAnyOf } from './merge';
import { GapOptions, GapReport, GapUsers, Gap, SignInClass, SignInClassOptions } from './model';
import { Explorer, Partition, SignInClassLeaf, UsersScope } from './partition';
import { GapRequirement } from './requirement';
import { canonicalCombination } from '../vocabulary/authentication-methods';
import { AUTHENTICATION_STRENGTH_PATH, BUILT_IN_STRENGTHS, builtInStrength } from '../vocabulary/authentication-strengths';
import { CompiledPolicy, CompiledStack } from '../what-if/compiled-stack';
import { WhatIfAccess, WhatIfAccessDecision, WhatIfAuthenticationStrength, WhatIfRequirement } from '../what-if/model';
import { controlsLabel } from '../what-if/render';

/** How long gap analysis runs by default before it stops and says what it did not finish. */
export const DEFAULT_MAX_SECONDS = 60;

/** Explores the classes (for tests and the report: the tree can classify sign-ins). */
export function partition(stack: CompiledStack, options: SignInClassOptions, require?: GapRequirement): Partition {
  const check = require ? new RequirementCheck(stack, require) : undefined;
  return new Explorer(stack, {
    users: (options.users ?? GapUsers.ALL) as UsersScope,
    reportOnly: options.reportOnly ?? false,
    deadline: deadline(options.maxSeconds),
    ...(check ? { met: (d: WhatIfAccessDecision) => check.meets(d) === true, relevant: (p: CompiledPolicy) => check.canMeet(p) } : {}),
  }).explore();
}

/** The exploration's deadline for a budget in seconds. */
export function deadline(maxSeconds: number | undefined): number {
  const seconds = maxSeconds ?? DEFAULT_MAX_SECONDS;
  if (!(seconds > 0)) throw new Error(`maxSeconds: ${seconds} is not a positive number of seconds; give the time gap analysis may take, e.g. 60`);
  return performance.now() + seconds * 1000;
}

/** What an unfinished exploration left out, in words. */
export function unfinishedText(p: Partition, maxSeconds: number | undefined): string | undefined {
  if (p.unfinished.length === 0) return undefined;
  const shown = p.unfinished.slice(0, 5).join('; ');
  const seconds = maxSeconds ?? DEFAULT_MAX_SECONDS;
  return `stopped after ${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s (maxSeconds) before finishing ${p.unfinished.length} of the kinds of user × resources: ${shown}${p.unfinished.length > 5 ? '; …' : ''}. `
    + 'The gaps listed are real; others may exist there. Give more time, or narrow the question (--users, --require).';
}

/** Every sign-in class. */
export function signInClasses(stack: CompiledStack, options: SignInClassOptions = {}): SignInClass[] {
  const p = partition(stack, options);
  const words = new Describer(stack, p);
  const stopped = unfinishedText(p, options.maxSeconds);
  if (stopped) throw new Error(`signInClasses: ${stopped}`);
  return p.leaves.map((leaf) => ({
    description: words.describe(choiceLabels(leaf.choices)),
    access: leaf.decision.access,
    requirements: leaf.decision.requirements,
    policies: leaf.applying.map((i) => stack.policies[i].info.address),
    undeterminedBy: leaf.decision.undeterminedBy,
    signIn: leaf.signIn,
  }));
}

/** The gaps for a requirement. */
export function findGaps(stack: CompiledStack, options: GapOptions): GapReport {
  const check = new RequirementCheck(stack, options.require);
  const p = partition(stack, options, options.require);
  const failing = p.leaves.filter((leaf) => check.meets(leaf.decision) !== true);
  const words = new Describer(stack, p);
  const groups = merge(mergeAnyOf(merge(failing.map((leaf) => ({ labels: choiceLabels(leaf.choices), key: outcomeKey(leaf, stack, check), leaves: [leaf] })))));
  const all: Gap[] = groups.map((g) => {
    const leaf = g.leaves[0];
    const exceptions = [...new Set(g.leaves.flatMap((l) => l.exceptions ?? []))].sort((x, y) => x - y);
    const unless = exceptions.map((i) => stack.policies[i].info.address);
    const description = words.describe(g.labels) + unlessPhrase(exceptions, stack);
    const outcome = leaf.inexact ? check.inexactOutcome(leaf.decision, stack) : check.outcome(leaf.decision, stack);
    const onPurpose = deliberate(leaf, stack);
    return {
      // from every label (the description may shorten a long list of groups or roles)
      id: gapId(JSON.stringify([...g.labels].sort(([x], [y]) => x.localeCompare(y)), unless), outcome),
      description,
      outcome,
      unless,
      ...(onPurpose ? { onPurpose } : {}),
      access: leaf.decision.access,
      policies: policiesOf(leaf, stack),
      signIn: leaf.signIn,
      classes: g.leaves.length,
    };
  });
  all.sort((x, y) => y.classes - x.classes || x.description.localeCompare(y.description));
  const incomplete = unfinishedText(p, options.maxSeconds);
  return {
    requirement: options.require.value,
    users: options.users ?? GapUsers.ALL,
    reportOnly: options.reportOnly ?? false,
    classes: p.leaves.length,
    complete: incomplete === undefined,
    ...(incomplete ? { incomplete } : {}),
    gaps: all.filter((g) => g.onPurpose === undefined),
    excludedOnPurpose: all.filter((g) => g.onPurpose !== undefined),
  };
}

/** A gap's id: a short hash of what it covers and what they get (the same input gives the same id). */
function gapId(covers: string, outcome: string): string {
  return `G-${createHash('sha256').update(`${covers}\u0000${outcome}`).digest('hex').slice(0, 8)}`;
}

/** ` · unless A or B applies`: the policies that meet the requirement for some of the class's sign-ins. */
function unlessPhrase(exceptions: readonly number[], stack: CompiledStack): string {
  const names = exceptions.map((i) => stack.policies[i].info.displayName);
  if (names.length === 0) return '';
  const shown = names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} or ${names.length - 3} other policies`;
  return ` · unless ${names.length === 1 ? `${shown} applies` : `one of ${shown} applies`}`;
}

/**
 * Why a class is excluded on purpose: it is the sign-ins of an identity the stack excludes deliberately (a user it
 * is, a group or role it is in). Undefined for a hole.
 */
function deliberate(leaf: SignInClassLeaf, stack: CompiledStack): string | undefined {
  for (const c of leaf.choices) {
    if (c.value.other || c.value.id === 'out') continue;
    const colon = c.dim.indexOf(':');
    const key = colon < 0 ? undefined : c.dim.slice(colon + 1);
    const why = key === undefined ? undefined : stack.deliberate.get(key);
    if (why) return `${c.value.label}: ${why}`;
  }
  return undefined;
}

function policiesOf(leaf: SignInClassLeaf, stack: CompiledStack): string[] {
  return [...leaf.applying.map((i) => stack.policies[i].info.address), ...leaf.decision.undeterminedBy];
}

// ---------------------------------------------------------------------------------------------------------------
// Requirements

type Control = { kind: 'builtIn'; name: string } | { kind: 'strength'; strength: WhatIfAuthenticationStrength } | { kind: 'terms'; id: string } | { kind: 'custom'; id: string };

const MFA_COMBINATIONS = new Set(BUILT_IN_STRENGTHS.find((s) => s.constant === 'MULTIFACTOR_AUTHENTICATION')!.allowedCombinations.map(canonicalCombination));

/** Whether a decision meets a requirement: true, false, or undefined when undetermined. */
export class RequirementCheck {
  private readonly target: Set<string> | undefined;
  /** Per policy address: whether its grant implies the requirement. */
  private readonly implied = new Map<string, boolean>();

  constructor(stack: CompiledStack, private readonly requirement: GapRequirement) {
    this.target = requirement.value.startsWith('strength:') ? strengthCombinations(stack, requirement.value.slice('strength:'.length)) : undefined;
  }

  public meets(d: WhatIfAccessDecision): boolean | undefined {
    if (d.access === WhatIfAccess.BLOCKED) return true;
    if (this.requirement === GapRequirement.BLOCK || this.requirement.value === 'block') return d.access === WhatIfAccess.UNDETERMINED ? undefined : false;
    if (d.requirements.some((r) => this.implies(r))) return true;
    return d.access === WhatIfAccess.UNDETERMINED ? undefined : false;
  }

  /**
   * The outcome of a class that misses the requirement in every sign-in, while other policies treat its sign-ins
   * differently: the representative's outcome, and what holds for all of them.
   */
  public inexactOutcome(d: WhatIfAccessDecision, stack: CompiledStack): string {
    return `${this.outcome(d, stack)} for the example sign-in; other sign-ins of this group may face other controls, never ${this.requirement.value === 'block' ? 'a block' : this.requirement.label}`;
  }

  /** Whether a policy could meet the requirement where it applies: a block, or a grant that implies it. */
  public canMeet(p: CompiledPolicy): boolean {
    if (p.isBlock) return true;
    if (!p.hasGrant || !p.grantControls) return false;
    return this.requirement.value !== 'block' && this.implies({ address: p.info.address, displayName: p.info.displayName, ...p.grantControls });
  }

  /** The outcome of a failing class in words. */
  public outcome(d: WhatIfAccessDecision, stack: CompiledStack): string {
    const label = this.requirement.label;
    if (d.access === WhatIfAccess.ALLOWED) return this.requirement.value === 'block' ? 'allowed, not blocked' : `allowed without ${label}`;
    if (d.access === WhatIfAccess.REQUIRES_CONTROLS) {
      const controls = d.requirements.map((r) => (r.operator === 'OR' && controlCount(r) > 1 ? `(${controlsLabel(r)})` : controlsLabel(r))).join(' AND ');
      return `requires ${controls}, not ${label}`;
    }
    const names = d.undeterminedBy.map((a) => stack.policies.find((p) => p.info.address === a)?.info.displayName ?? a);
    return `undetermined: ${names.join(', ')} might apply (depends on values known only at apply time)`;
  }

  /** Whether a policy's requirement implies the requirement (asked at every node of a gap analysis: kept per policy). */
  private implies(r: WhatIfRequirement): boolean {
    let known = this.implied.get(r.address);
    if (known === undefined) {
      known = this.computeImplies(r);
      this.implied.set(r.address, known);
    }
    return known;
  }

  /** Whether a policy's requirement implies the requirement, controls treated as independent. */
  private computeImplies(r: WhatIfRequirement): boolean {
    const controls: Control[] = [
      ...r.builtInControls.filter((c) => c !== 'block').map((name) => ({ kind: 'builtIn' as const, name })),
      ...(r.authenticationStrength ? [{ kind: 'strength' as const, strength: r.authenticationStrength }] : []),
      ...r.termsOfUse.map((id) => ({ kind: 'terms' as const, id })),
      ...r.customAuthenticationFactors.map((id) => ({ kind: 'custom' as const, id })),
    ];
    if (controls.length === 0) return false;
    return r.operator === 'AND' || controls.length === 1 ? controls.some((c) => this.controlImplies(c)) : controls.every((c) => this.controlImplies(c));
  }

  private controlImplies(c: Control): boolean {
    const v = this.requirement.value;
    if (v.startsWith('termsOfUse:')) return c.kind === 'terms' && c.id === v.slice('termsOfUse:'.length);
    if (v.startsWith('strength:')) {
      const q = v.slice('strength:'.length);
      if (c.kind === 'strength') {
        const s = c.strength;
        if (s.id === q || s.address === q || s.displayName === q || s.id.toLowerCase().endsWith(`/${q.toLowerCase()}`)) return true;
        return this.target !== undefined && s.resolved && subset(s.allowedCombinations!, this.target);
      }
      return c.kind === 'builtIn' && c.name === 'mfa' && this.target !== undefined && subset([...MFA_COMBINATIONS], this.target);
    }
    if (v === 'mfa') {
      if (c.kind === 'builtIn') return c.name === 'mfa';
      return c.kind === 'strength' && c.strength.resolved && subset(c.strength.allowedCombinations!, MFA_COMBINATIONS);
    }
    return c.kind === 'builtIn' && c.name === v;
  }
}

function controlCount(r: WhatIfRequirement): number {
  return r.builtInControls.length + (r.authenticationStrength ? 1 : 0) + r.termsOfUse.length + r.customAuthenticationFactors.length;
}

function subset(combinations: readonly string[], of: ReadonlySet<string>): boolean {
  return combinations.length > 0 && combinations.every((c) => of.has(canonicalCombination(c)));
}

/** The allowed combinations of the strength a requirement names, when the stack or the built-ins know it. */
function strengthCombinations(stack: CompiledStack, q: string): Set<string> | undefined {
  const builtIn = builtInStrength(q) ?? builtInStrength(`${AUTHENTICATION_STRENGTH_PATH}${q}`) ?? BUILT_IN_STRENGTHS.find((s) => s.displayName === q);
  if (builtIn) return new Set(builtIn.allowedCombinations.map(canonicalCombination));
  for (const p of stack.policies) {
    const s = p.grantControls?.authenticationStrength;
    if (s && s.resolved && (s.id === q || s.address === q || s.displayName === q)) return new Set(s.allowedCombinations!.map(canonicalCombination));
  }
  return undefined;
}

function outcomeKey(leaf: SignInClassLeaf, stack: CompiledStack, check: RequirementCheck): string {
  const d = leaf.decision;
  // classes with another reason to be deliberate do not merge. Classes with other exceptions do: a policy that is not
  // among a gap class's exceptions applies to none of its sign-ins, so the union of the exceptions is exact for both.
  const shared = [deliberate(leaf, stack) ?? ''];
  // inexact classes merge by what they have in common: the words of the representative's outcome
  if (leaf.inexact) return JSON.stringify(['inexact', check.outcome(d, stack), ...shared]);
  return JSON.stringify([d.access, d.requirements.map((r) => r.address), d.undeterminedBy, ...shared]);
}

// ---------------------------------------------------------------------------------------------------------------
// Merging and words

const ORDER = ['kind', 'resource', 'user', 'tenant', 'sp', 'group', 'role', 'any', 'or', 'ip', 'country', 'clientApp', 'platform', 'signInRisk', 'userRisk', 'insiderRisk', 'spRisk', 'device', 'flow'];

/** Portal words for a group of classes. */
class Describer {
  constructor(_stack: CompiledStack, private readonly partitioned: Partition) {}

  public describe(labels: Labels): string {
    const rank = (dim: string) => {
      const i = ORDER.indexOf(dim.split(':')[0]);
      return i < 0 ? ORDER.length : i;
    };
    const dims = [...labels.keys()].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
    return mergeRoles(dims.map((dim) => this.phrase(dim, labels.get(dim)!))).join(' · ');
  }

  private phrase(dim: string, values: string[]): string {
    if (dim === 'kind') return this.fromUniverse(values, this.partitioned.kinds.map((k) => k.label), 'anyone', 'anyone except');
    if (dim === 'resource') return this.fromUniverse(values, this.partitioned.resources.map((r) => r.label), 'any resource', 'any resource except');
    return values.join(' or ');
  }

  private fromUniverse(values: string[], universe: string[], all: string, except: string): string {
    const unique = [...new Set(universe)];
    if (unique.length > 1 && unique.every((u) => values.includes(u))) return all;
    const missing = unique.filter((u) => !values.includes(u));
    if (values.length > 3 && missing.length <= 3) return `${except} ${missing.join(', ')}`;
    return values.join(' or ');
  }
}

/**
 * "without role A · without role B · …" and "not in group A · not in group B · …" (one dimension per role or group)
 * each read as one phrase.
 */
function mergeRoles(phrases: string[]): string[] {
  const one = (list: string[], prefix: string, few: (names: string) => string, many: (n: number, names: string) => string): string[] => {
    const names = list.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
    if (names.length < 2) return list;
    const merged = names.length <= 3 ? few(names.join(', ')) : many(names.length, `${names.slice(0, 2).join(', ')}, …`);
    const first = list.findIndex((p) => p.startsWith(prefix));
    return list.flatMap((p, i) => (i === first ? [merged] : p.startsWith(prefix) ? [] : [p]));
  };
  const roles = one(phrases, 'without role ', (names) => `without the roles ${names}`, (n, names) => `without any of ${n} roles (${names})`);
  return one(roles, 'not in group ', (names) => `in none of the groups ${names}`, (n, names) => `in none of ${n} groups (${names})`);
}

/** For messages: the stack a report came from is not needed here. */
export function describeLeaf(stack: CompiledStack, p: Partition, leaf: SignInClassLeaf): string {
  return new Describer(stack, p).describe(choiceLabels(leaf.choices));
}
