/* eslint-disable @stylistic/max-len */
/**
 * Values of the sign-in space gap analysis picks from: regions of address space, candidate devices for the device
 * filters, addresses and countries outside every named location, GUIDs no policy uses. Internal module.
 */
import { IdentityValue } from './dimensions';
import { DeviceRule, DeviceRuleComparison } from '../model/device-filter-rule';
import { CompiledLocation, CompiledPolicy } from '../what-if/compiled-stack';
import { DeviceFacts } from '../what-if/device-filter';
import { parseIp, ParsedIp, RangeSet, v4Text, v6Text } from '../what-if/ip';
import { K_GUID } from '../what-if/logic';

/** Public addresses tried for "anywhere else" (Microsoft and documentation-free public space). */
export const PUBLIC_CANDIDATES = ['40.77.182.32', '52.96.0.1', '13.107.6.152', '20.190.128.1', '104.47.0.1', '2603:1000::1'];
export const COUNTRY_CANDIDATES = ['US', 'GB', 'DE', 'FR', 'JP', 'BR', 'IN', 'AU', 'CA', 'NL', 'SE', 'ZA'];

/** A public address outside every one of `locations` (a candidate, else the first gap between their ranges). */
export function publicIpOutside(locations: readonly CompiledLocation[]): { text: string; ip: ParsedIp } {
  for (const text of PUBLIC_CANDIDATES) {
    const ip = parseIp(text)!;
    if (!locations.some((l) => l.ranges?.contains(ip))) return { text, ip };
  }
  // every candidate is inside some location: walk the gaps between ranges
  const region = ipRegions(locations).find((r) => r.inside.every((x) => !x));
  const text = region?.text ?? PUBLIC_CANDIDATES[0];
  return { text, ip: parseIp(text)! };
}


/**
 * GUIDs no policy of the stack uses, for the users, tenants, service principals, groups and apps a class's sign-in
 * names when it must be none of the listed ones.
 */
export class FreshIds {
  private readonly used = new Set<string>();
  private count = 0;

  constructor(policies: readonly CompiledPolicy[]) {
    for (const p of policies) {
      for (const list of [p.incUsers, p.excUsers, p.incGroups, p.excGroups, p.incRoles, p.excRoles, p.incSps, p.excSps, p.incApps.ids, p.excApps.ids]) {
        for (const k of list.keys) this.used.add(k);
      }
      for (const b of [p.incGuestBlock, p.excGuestBlock]) if (b) for (const k of b.tenants.keys) this.used.add(k);
    }
  }

  /** A GUID no policy names (and no earlier call returned). */
  public guid(): string {
    for (;;) {
      this.count++;
      const guid = `f0000000-0000-4000-8000-${this.count.toString(16).padStart(12, '0')}`;
      if (!this.used.has(guid)) return guid;
    }
  }

  /** A fresh identity: its term and how a sign-in names it. */
  public identity(): IdentityValue {
    const guid = this.guid();
    return { term: { key: guid, kind: K_GUID }, json: guid };
  }
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
export function candidateDevices(rules: DeviceRule[]): Array<{ facts: DeviceFacts; json: { [key: string]: any }; label: string }> {
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
