import * as ipaddr from 'ipaddr.js';
import { fail } from './validation';

/** A parsed, canonical CIDR range. */
export interface Cidr {
  /** Canonical text: lower-case, compressed IPv6, network address. */
  readonly canonical: string;
  /** 4 or 6. */
  readonly family: 4 | 6;
  /** Network address bytes. */
  readonly bytes: readonly number[];
  /** Prefix length. */
  readonly prefix: number;
  /** ipaddr.js range name of the network address (`unicast` for public space). */
  readonly range: string;
}

/**
 * Parse one CIDR range the way Graph's IP named locations take it. Throws,
 * naming `prop`, for anything that is not a CIDR, for masks of /8 or shorter
 * (Graph accepts only masks longer than /8) and for host bits set.
 */
export function parseCidr(prop: string, value: string): Cidr {
  // The same ranges are parsed by the construct, the provider contract and CA8: parse each text once.
  const known = typeof value === 'string' ? PARSED.get(value) : undefined;
  if (known) return known;
  const cidr = parseNew(prop, value);
  if (PARSED.size >= MAX_PARSED) PARSED.clear();
  PARSED.set(value, cidr);
  return cidr;
}

/** Ranges parsed so far, by their text as given (only valid ones: an error names the prop it was given). */
const PARSED = new Map<string, Cidr>();
/** Enough for a few tenants of 2,000-range locations; a long-running process starts over beyond it. */
const MAX_PARSED = 20_000;

function parseNew(prop: string, value: string): Cidr {
  const text = typeof value === 'string' ? value.trim() : value;
  if (typeof text !== 'string' || !text.includes('/')) {
    if (typeof text === 'string' && ipaddr.isValid(text)) {
      const host = ipaddr.parse(text);
      fail(prop, value, 'is an address, not a CIDR range', `write it as '${host.toString()}/${host.kind() === 'ipv4' ? 32 : 128}'`);
    }
    fail(prop, value, 'is not a CIDR range', "write an IPv4 or IPv6 range such as '203.0.113.0/24' or '2001:db8::/48'");
  }
  const [addressText] = text.split('/');
  const isV4Text = !addressText.includes(':');
  // Parse once, with the family's own parser. (ipaddr's isValidCIDRFourPartDecimal / isValidCIDR parse too, and
  // ipaddr.parseCIDR tries IPv6 first and throws for every IPv4 range: at 195 locations that added up, see bench/.)
  const parsed = isV4Text
    ? (FOUR_PART_CIDR.test(text) ? tryParse(() => ipaddr.IPv4.parseCIDR(text)) : undefined)
    : tryParse(() => ipaddr.IPv6.parseCIDR(text));
  if (!parsed) {
    fail(prop, value, 'is not a CIDR range', "write an IPv4 or IPv6 range such as '203.0.113.0/24' or '2001:db8::/48'");
  }
  const [address, prefix] = parsed;
  if (prefix <= 8) {
    fail(prop, value, 'is wider than /9', 'Graph accepts only masks longer than /8; split it into /9 or narrower ranges');
  }
  const network = networkAddress(address.toByteArray(), prefix);
  const canonical = `${network.toString()}/${prefix}`;
  if (network.toString() !== address.toString()) {
    fail(prop, value, 'has host bits set', `use the network address '${canonical}'`);
  }
  // Frozen: parsed once and shared by every caller that parses the same text.
  return Object.freeze({
    canonical,
    family: address.kind() === 'ipv4' ? 4 : 6,
    bytes: Object.freeze(network.toByteArray()),
    prefix,
    range: network.range(),
  });
}

/**
 * A four-part decimal IPv4 address and a prefix length: the text check of
 * ipaddr's `IPv4.isValidCIDRFourPartDecimal` (which also parses).
 */
const FOUR_PART_CIDR = /^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}\/\d+$/;

function tryParse<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

/** The network address of `bytes`/`prefix` (what ipaddr's `networkAddressFromCIDR` computes, without parsing again). */
function networkAddress(bytes: number[], prefix: number): ipaddr.IPv4 | ipaddr.IPv6 {
  const network = bytes.map((b, i) => {
    const hostBits = 8 - Math.min(8, Math.max(0, prefix - 8 * i));
    return b - (b % 2 ** hostBits);
  });
  return ipaddr.fromByteArray(network);
}

/** Order for canonical output: IPv4 before IPv6, then by address, then by prefix. */
export function compareCidr(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) return a.family - b.family;
  for (let i = 0; i < a.bytes.length; i++) {
    if (a.bytes[i] !== b.bytes[i]) return a.bytes[i] - b.bytes[i];
  }
  return a.prefix - b.prefix;
}
