/**
 * IP addresses and CIDR range sets for the location condition. Internal module; parsing is ipaddr.js.
 */
import * as ipaddr from 'ipaddr.js';

/** A parsed sign-in IP address. */
export interface ParsedIp {
  /** IPv4 as an unsigned 32-bit number, or -1 for IPv6. */
  readonly v4: number;
  /** IPv6 as a 128-bit BigInt (0n for IPv4). */
  readonly v6: bigint;
  /**
   * The kind of address when it is private, loopback or link-local (`private`, `uniqueLocal`, `loopback`,
   * `linkLocal`): no sign-in to Entra ID comes from one, and no named location can hold one. `null` otherwise.
   */
  readonly special: string | null;
}

/** ipaddr.js ranges of addresses no sign-in to Entra ID comes from (RFC 1918 / RFC 4193 private, loopback, link-local). */
const SPECIAL_RANGES = new Set(['private', 'uniqueLocal', 'loopback', 'linkLocal']);

/**
 * A dotted-quad IPv4 address the way `ipaddr.IPv4.isValidFourPartDecimal` accepts it: four decimal parts without
 * leading zeros, each at most 255 (so at most three digits).
 */
const FOUR_PART_DECIMAL = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/**
 * The common case of `parseIp`, a dotted-quad IPv4 address, without ipaddr.js: validating, parsing and classifying
 * it there builds a dozen address objects (What-If parses one IP per sign-in, so it showed in the throughput).
 * `undefined` when `text` is not such an address; `parseIp` then takes the general path.
 */
function parseFourPartDecimal(text: string): ParsedIp | undefined {
  const m = FOUR_PART_DECIMAL.exec(text);
  if (m === null) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const c = Number(m[3]);
  const d = Number(m[4]);
  if (a > 255 || b > 255 || c > 255 || d > 255) return undefined;
  // SPECIAL_RANGES in IPv4, as ipaddr.js's `range()` names them (no range it checks before them overlaps them)
  let special: string | null = null;
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) special = 'private';
  else if (a === 127) special = 'loopback';
  else if (a === 169 && b === 254) special = 'linkLocal';
  return { v4: ((a * 256 + b) * 256 + c) * 256 + d, v6: 0n, special };
}

/** Parses a sign-in IP address; `undefined` when it is not a valid IPv4 (dotted quad) or IPv6 address. */
export function parseIp(text: string): ParsedIp | undefined {
  const quad = parseFourPartDecimal(text);
  if (quad !== undefined) return quad;
  // Not a dotted quad, so only IPv6 remains (asking `ipaddr.IPv4.isValidFourPartDecimal` would throw and catch).
  if (text.includes('.') && !text.includes(':')) return undefined;
  if (!ipaddr.IPv6.isValid(text)) return undefined;
  // An IPv4-mapped IPv6 address (::ffff:198.51.100.7) is matched against IPv4 ranges.
  const addr = ipaddr.process(text);
  const range = addr.range();
  const special = SPECIAL_RANGES.has(range) ? range : null;
  if (addr.kind() === 'ipv4') {
    return { v4: v4Number((addr as ipaddr.IPv4).octets), v6: 0n, special };
  }
  return { v4: -1, v6: v6Number((addr as ipaddr.IPv6).toByteArray()), special };
}

function v4Number(octets: number[]): number {
  return ((octets[0] * 256 + octets[1]) * 256 + octets[2]) * 256 + octets[3];
}

function v6Number(bytes: number[]): bigint {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  return n;
}

/**
 * A set of CIDR ranges, merged and sorted for binary search: IPv4 as numbers, IPv6 as BigInts
 * (`[start0, end0, start1, end1, ...]`).
 */
export class RangeSet {
  /**
   * Builds a range set from CIDR strings.
   *
   * @returns the set, and the ranges that are not valid CIDRs
   */
  public static fromCidrs(cidrs: readonly string[]): { set: RangeSet; invalid: string[] } {
    const v4: Array<[number, number]> = [];
    const v6: Array<[bigint, bigint]> = [];
    const invalid: string[] = [];
    for (const cidr of cidrs) {
      const slash = cidr.indexOf('/');
      const host = slash < 0 ? cidr : cidr.slice(0, slash);
      let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
      try {
        if (slash < 0 || !/^\d{1,3}$/.test(cidr.slice(slash + 1))) throw new Error('no prefix');
        if (host.includes(':')) {
          parsed = ipaddr.IPv6.parseCIDR(cidr);
        } else {
          if (!ipaddr.IPv4.isValidFourPartDecimal(host)) throw new Error('not dotted');
          parsed = ipaddr.IPv4.parseCIDR(cidr);
        }
      } catch {
        invalid.push(cidr);
        continue;
      }
      const [addr, prefix] = parsed;
      if (addr.kind() === 'ipv4') {
        const base = v4Number((addr as ipaddr.IPv4).octets);
        const size = 2 ** (32 - prefix);
        const start = base - (base % size);
        v4.push([start, start + size - 1]);
      } else {
        const base = v6Number((addr as ipaddr.IPv6).toByteArray());
        const size = 2n ** BigInt(128 - prefix);
        const start = base - (base % size);
        v6.push([start, start + size - 1n]);
      }
    }
    return { set: new RangeSet(merge(v4), merge(v6)), invalid };
  }

  private constructor(private readonly v4: number[], private readonly v6: bigint[]) {}

  /** Whether the set has no range at all. */
  public get empty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  /** The merged ranges, sorted: IPv4 as `[start, end]` numbers, IPv6 as `[start, end]` BigInts (inclusive). */
  public intervals(): { v4: Array<[number, number]>; v6: Array<[bigint, bigint]> } {
    const pairs = <N>(flat: N[]): Array<[N, N]> => Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]] as [N, N]);
    return { v4: pairs(this.v4), v6: pairs(this.v6) };
  }

  /** Whether `ip` is inside one of the ranges. */
  public contains(ip: ParsedIp): boolean {
    // one search function per family, so that each compares one type of number (sharing one made both slow)
    return ip.v4 >= 0 ? search(this.v4, ip.v4) : searchBig(this.v6, ip.v6);
  }
}

/**
 * Which of several range sets contain an address, in one binary search instead of one per set: the ranges of all the
 * sets cut each family's address space into segments, and each segment lists the sets that cover it.
 */
export class RangeIndex {
  /**
   * Indexes range sets.
   *
   * @param sets the sets; `null` entries (unknown ranges) contain nothing here
   */
  public static of(sets: ReadonlyArray<RangeSet | null>): RangeIndex {
    const intervals = sets.map((set) => set?.intervals());
    return new RangeIndex(segments(intervals.map((i) => i?.v4 ?? []), 1), segments(intervals.map((i) => i?.v6 ?? []), 1n));
  }

  private constructor(private readonly v4: Segments<number>, private readonly v6: Segments<bigint>) {}

  /** The positions (in the `sets` given to `of`) of the sets that contain `ip`, in increasing order. */
  public containing(ip: ParsedIp): readonly number[] {
    return ip.v4 >= 0 ? covering(this.v4, ip.v4) : covering(this.v6, ip.v6);
  }
}

/** Segment j runs from `starts[j]` up to `starts[j + 1]` (excluded) and is covered by the sets `covers[j]`. */
interface Segments<N extends number | bigint> {
  readonly starts: N[];
  readonly covers: number[][];
}

/** The segments cut by each set's (merged) intervals. */
function segments<N extends number | bigint>(sets: ReadonlyArray<Array<[N, N]>>, one: N): Segments<N> {
  const bounds = new Set<N>();
  for (const intervals of sets) {
    for (const [start, end] of intervals) {
      bounds.add(start);
      bounds.add(((end as any) + (one as any)) as N);
    }
  }
  const starts = [...bounds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const position = new Map(starts.map((b, j) => [b, j]));
  const covers: number[][] = starts.map(() => []);
  sets.forEach((intervals, k) => {
    for (const [start, end] of intervals) {
      const last = position.get(((end as any) + (one as any)) as N)!;
      for (let j = position.get(start)!; j < last; j++) covers[j].push(k);
    }
  });
  return { starts, covers };
}

const NONE: readonly number[] = [];

/** The sets covering `value`: those of the last segment starting at or before it. */
function covering<N extends number | bigint>(s: Segments<N>, value: N): readonly number[] {
  let lo = 0;
  let hi = s.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1; // eslint-disable-line no-bitwise
    if (s.starts[mid] <= value) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 ? s.covers[hi] : NONE;
}

function merge<N extends number | bigint>(ranges: Array<[N, N]>): N[] {
  ranges.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: N[] = [];
  for (const [start, end] of ranges) {
    const n = out.length;
    // adjacent or overlapping: extend the previous range
    if (n > 0 && (start as any) <= (out[n - 1] as any) + (typeof start === 'bigint' ? 1n : 1)) {
      if (end > out[n - 1]) out[n - 1] = end;
    } else {
      out.push(start, end);
    }
  }
  return out;
}

/** Whether `value` is inside one of the ranges of `flat` (binary search), for IPv4. */
function search(flat: number[], value: number): boolean {
  let lo = 0;
  let hi = flat.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1; // eslint-disable-line no-bitwise
    if (value < flat[2 * mid]) hi = mid - 1;
    else if (value > flat[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** `search` for IPv6 (BigInts). */
function searchBig(flat: bigint[], value: bigint): boolean {
  let lo = 0;
  let hi = flat.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1; // eslint-disable-line no-bitwise
    if (value < flat[2 * mid]) hi = mid - 1;
    else if (value > flat[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The text of an IPv4 address given as a number. */
export function v4Text(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** The text of an IPv6 address given as a BigInt (compressed form). */
export function v6Text(n: bigint): string {
  const bytes: number[] = [];
  for (let i = 15; i >= 0; i--) bytes.push(Number((n >> BigInt(8 * i)) & 0xffn)); // eslint-disable-line no-bitwise
  return ipaddr.fromByteArray(bytes).toString();
}
