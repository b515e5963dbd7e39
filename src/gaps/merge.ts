/* eslint-disable @stylistic/max-len */
/**
 * Merging the sign-in classes that miss a requirement into few gaps. Internal module.
 *
 * Two merges, each exact (the merged description covers the union of the classes, nothing more):
 * - classes with the same outcome that differ in the values of one dimension only (`merge`);
 * - the chain the tree makes of a list of groups or roles ("in A"; "not in A, in B"; "not in A or B, in C") when the
 *   classes of the chain agree on everything else: "in group A, B or C" (`mergeAnyOf`). The tree explores one group at
 *   a time, so a policy that excludes three groups leaves three classes where an administrator sees one exclusion.
 *   A chain may end on another condition ("not in A or B, in an allowed country"): "in group A or B, or in …".
 */
import { Choice, OTHER_USERS, SignInClassLeaf } from './partition';

/** Per dimension, the labels of the values a group covers. */
export type Labels = Map<string, string[]>;

/** The labels of a class's choices (one dimension each; the listed users read as one). */
export function choiceLabels(choices: Choice[]): Labels {
  const labels: Labels = new Map();
  // the user is explored one listed user at a time: "user A", or "users other than A, B" for the users it is not
  const users = choices.filter((c) => c.dim.startsWith('user:'));
  for (const c of choices) {
    if (!c.dim.startsWith('user:')) labels.set(c.dim, [c.value.label]);
    else if (c === users[0]) labels.set('user', [userLabel(users)]);
  }
  return labels;
}

/** `user A`, or `users other than A, B`. */
function userLabel(users: Choice[]): string {
  const is = users.find((c) => !c.value.other);
  if (is) return is.value.label;
  return `${OTHER_USERS}${users.map((c) => c.value.label.slice(OTHER_USERS.length)).join(', ')}`;
}

/** Classes merged into one gap: per dimension the labels they cover, their outcome key and the classes. */
export interface Group {
  labels: Labels;
  key: string;
  leaves: SignInClassLeaf[];
}

/**
 * Merges groups with the same outcome that differ in the values of one dimension only, until none do. Each group
 * joins the first earlier group it can merge with, and a group that changed is checked again at once, so no two
 * groups left can merge. Candidates are found by signature (the outcome and every dimension's values but one), so
 * thousands of classes merge in about linear time rather than by pairwise comparison.
 */
export function merge(groups: Group[]): Group[] {
  // a dimension's set of labels is named by a small number, so a signature stays short however many labels merge
  const ids = new Map<string, number>();
  const idOf = (values: string[]): number => {
    const text = [...values].sort().join('\u0001');
    let id = ids.get(text);
    if (id === undefined) {
      id = ids.size;
      ids.set(text, id);
    }
    return id;
  };
  // an entry's signatures are kept until it changes: a merge loop asks for them many times
  type Entry = Group & { dimIds: Map<string, number>; alive: boolean; sigs?: Array<[string, string]> };
  const out: Entry[] = [];
  const index = new Map<string, Set<number>>();
  const signatures = (e: Entry): Array<[string, string]> => {
    if (e.sigs) return e.sigs;
    const dims = [...e.dimIds.keys()].sort();
    const parts = dims.map((dim) => `${dim}=${e.dimIds.get(dim)}`);
    e.sigs = dims.map((dim, i) => [dim, `${e.key}\u0000${dim}\u0000${parts.filter((_, j) => j !== i).join('\u0000')}`]);
    return e.sigs;
  };
  const indexAs = (i: number, add: boolean): void => {
    for (const [, sig] of signatures(out[i])) {
      let set = index.get(sig);
      if (!set) index.set(sig, (set = new Set<number>()));
      if (add) set.add(i);
      else set.delete(i);
    }
  };
  for (const g of groups) {
    out.push({ labels: new Map(g.labels), key: g.key, leaves: [...g.leaves], dimIds: new Map([...g.labels].map(([dim, values]) => [dim, idOf(values)])), alive: true });
    let current = out.length - 1;
    for (;;) {
      let target = -1;
      let dim: string | undefined;
      for (const [d, sig] of signatures(out[current])) {
        for (const i of index.get(sig) ?? []) {
          if (i !== current && (target < 0 || i < target)) {
            target = i;
            dim = d;
          }
        }
      }
      if (target < 0) break;
      // the later of the two joins the earlier one, which is then checked again
      const [keep, gone] = target < current ? [target, current] : [current, target];
      indexAs(keep, false);
      indexAs(gone, false);
      const k = out[keep];
      const union = [...k.labels.get(dim!)!];
      for (const l of out[gone].labels.get(dim!)!) if (!union.includes(l)) union.push(l);
      k.labels.set(dim!, union);
      k.dimIds.set(dim!, idOf(union));
      k.sigs = undefined;
      k.leaves.push(...out[gone].leaves);
      out[gone].alive = false;
      current = keep;
    }
    indexAs(current, true);
  }
  return out.filter((e) => e.alive).map(({ labels, key, leaves }) => ({ labels, key, leaves }));
}

/** A group of the any-of merge: its memberships (`group:` and `role:` dimensions) and the any-of dimensions it holds. */
interface Chain extends Group {
  /** Per membership dimension with one value: whether it is "in". */
  memberships: Map<string, boolean>;
  /** Per any-of dimension (`any:<dims>`): its member dimensions and their "in" labels. */
  anyOf: Map<string, Array<{ dim: string; label: string }>>;
}

const MEMBERSHIP = /^(group|role):/;

/**
 * Merges the chains of group and role classes with the same outcome into "in group A, B or C" (see the module doc):
 * a group that is in one of a set of groups and another that is in none of them but in one more, alike in everything
 * else, are the sign-ins that are in one of the larger set. Repeated until no two merge.
 */
export function mergeAnyOf(groups: Group[]): Group[] {
  const chains: Chain[] = groups.map((g) => ({
    ...g,
    memberships: new Map([...g.labels].filter(([dim, values]) => MEMBERSHIP.test(dim) && values.length === 1).map(([dim, values]) => [dim, isIn(g, dim, values[0])])),
    anyOf: new Map(),
  }));
  for (let merged = true; merged;) {
    merged = false;
    outer: for (let i = 0; i < chains.length; i++) {
      for (let j = 0; j < chains.length; j++) {
        if (i === j || chains[i].key !== chains[j].key) continue;
        const joined = joinChain(chains[i], chains[j]);
        if (!joined) continue;
        chains[i] = joined;
        chains.splice(j, 1);
        merged = true;
        break outer;
      }
    }
  }
  return chains.map(({ labels, key, leaves }) => ({ labels, key, leaves }));
}

/** Whether a membership label is the "in" value (from the class's choice). */
function isIn(g: Group, dim: string, label: string): boolean {
  const choice = g.leaves[0].choices.find((c) => c.dim === dim && c.value.label === label);
  return choice !== undefined && !choice.value.other;
}

/**
 * `a` is in one of a set of groups; `b` in none of them but in `z`, and alike otherwise: `a` with the set plus `z`
 * (or, when `z` is another condition `a` does not constrain, "in one of the set, or `z`").
 */
function joinChain(a: Chain, b: Chain): Chain | undefined {
  const sets: Array<{ key: string; members: Array<{ dim: string; label: string }> }> = [
    ...[...a.memberships].filter(([, inside]) => inside).map(([dim]) => ({ key: dim, members: [{ dim, label: a.labels.get(dim)![0] }] })),
    ...[...a.anyOf].map(([key, members]) => ({ key, members })),
  ];
  for (const set of sets) {
    if (!set.members.every((m) => b.memberships.get(m.dim) === false)) continue;
    for (const [z, inside] of b.memberships) {
      if (!inside || a.labels.has(z) || set.members.some((m) => m.dim === z)) continue;
      const restA = new Map([...a.labels].filter(([dim]) => dim !== set.key));
      const restB = new Map([...b.labels].filter(([dim]) => dim !== z && !set.members.some((m) => m.dim === dim)));
      if (!sameLabels(restA, restB)) continue;
      const members = [...set.members, { dim: z, label: b.labels.get(z)![0] }];
      const key = `any:${members.map((m) => m.dim).sort().join(',')}`;
      const labels = new Map(restA).set(key, [anyOfLabel(members.map((m) => m.label))]);
      const memberships = new Map(a.memberships);
      memberships.delete(set.key);
      const anyOf = new Map(a.anyOf);
      anyOf.delete(set.key);
      anyOf.set(key, members);
      return { labels, key: a.key, leaves: [...a.leaves, ...b.leaves], memberships, anyOf };
    }
    // The chain may end on another condition: `b` is in none of the set but (say) in an allowed country, which `a`
    // does not constrain: together they are "in one of the set, or in that country" (a policy escaped by its
    // exclusions or by its condition). The merged group is not extended further.
    for (const [z, values] of b.labels) {
      if (a.labels.has(z) || set.members.some((m) => m.dim === z) || z === 'kind' || z === 'resource') continue;
      const restA = new Map([...a.labels].filter(([dim]) => dim !== set.key));
      const restB = new Map([...b.labels].filter(([dim]) => dim !== z && !set.members.some((m) => m.dim === dim)));
      if (!sameLabels(restA, restB)) continue;
      const key = `or:${[...set.members.map((m) => m.dim)].sort().join(',')}|${z}`;
      const labels = new Map(restA).set(key, [`${anyOfLabel(set.members.map((m) => m.label))}, or ${values.join(' or ')}`]);
      const memberships = new Map(a.memberships);
      memberships.delete(set.key);
      const anyOf = new Map(a.anyOf);
      anyOf.delete(set.key);
      return { labels, key: a.key, leaves: [...a.leaves, ...b.leaves], memberships, anyOf };
    }
  }
  return undefined;
}

function sameLabels(x: Labels, y: Labels): boolean {
  if (x.size !== y.size) return false;
  for (const [dim, values] of x) {
    const other = y.get(dim);
    if (!other || other.length !== values.length || [...other].sort().join('\u0001') !== [...values].sort().join('\u0001')) return false;
  }
  return true;
}

/** "in group A, B or C or with role X": the "in" labels of the members, by kind. */
function anyOfLabel(labels: string[]): string {
  const or = (names: string[]) => (names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`);
  const groups = labels.filter((l) => l.startsWith('in group ')).map((l) => l.slice('in group '.length));
  const roles = labels.filter((l) => l.startsWith('with role ')).map((l) => l.slice('with role '.length));
  const rest = labels.filter((l) => !l.startsWith('in group ') && !l.startsWith('with role '));
  return [...(groups.length ? [`in group ${or(groups)}`] : []), ...(roles.length ? [`with role ${or(roles)}`] : []), ...rest].join(' or ');
}
