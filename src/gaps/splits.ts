/* eslint-disable @stylistic/max-len */
/**
 * How gap analysis splits a node on a dimension: into the values the undecided policies mention plus one "any other
 * value" member, so every sign-in of the node falls in exactly one child. Internal module.
 */
import { Assignment, DimValue, ENUM_DIMS, EnumDim, expressible, FIELD, IdentityValue, identityOf, IpValue, DeviceValue, OTHER_USERS, Split } from './dimensions';
import { candidateDevices, COUNTRY_CANDIDATES, ipRegions, publicIpOutside } from './value-space';
import { directoryRoleById } from '../vocabulary/directory-roles';
import { CompiledPolicy, CompiledStack, LOC_ALL_TRUSTED, LOC_UNKNOWN } from '../what-if/compiled-stack';
import { evaluateDeviceRule } from '../what-if/device-filter';
import { parseIp } from '../what-if/ip';
import { F, IdList, Term } from '../what-if/logic';

/** Builds the splits of a stack's nodes (the IP regions of a set of locations are computed once). */
export class SplitBuilder {
  private readonly ipSplits = new Map<string, Split>();

  /**
   * @param stack the compiled stack
   * @param freshSp a service principal no policy names
   * @param freshTenant a tenant no policy names
   */
  constructor(private readonly stack: CompiledStack, private readonly freshSp: IdentityValue, private readonly freshTenant: IdentityValue) {}

  /** The split of a node on `dim`, from the values the undecided policies (`relevant`) mention. */
  public split(dim: string, relevant: CompiledPolicy[], a: Assignment): Split | undefined {
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
      const out = publicIpOutside(locations);
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

  private name(key: string): string {
    return this.stack.names.get(key) ?? key;
  }
}
