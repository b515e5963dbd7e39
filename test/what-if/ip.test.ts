// IP parsing and CIDR range sets (the numeric structures behind the location condition).
import * as fc from 'fast-check';
import * as ipaddr from 'ipaddr.js';
import { parseIp, RangeIndex, RangeSet } from '../../src/what-if/ip';

test('parses dotted IPv4, IPv6 and IPv4-mapped IPv6; rejects the rest', () => {
  expect(parseIp('198.51.100.7')).toEqual({ v4: 3325256711, v6: 0n, special: null });
  expect(parseIp('40.77.182.32')).toEqual({ v4: 676181536, v6: 0n, special: null });
  expect(parseIp('::ffff:198.51.100.7')?.v4).toBe(3325256711);
  expect(parseIp('2001:db8::1')).toEqual({ v4: -1, v6: 0x20010db8000000000000000000000001n, special: null });
  for (const bad of ['999.1.1.1', '10.1', '0x7f.0.0.1', '1.2.3.4.5', 'localhost', '2001:db8::g', '']) {
    expect(parseIp(bad)).toBeUndefined();
  }
});

test('private, loopback and link-local addresses are marked: no sign-in to Entra ID comes from one', () => {
  expect(parseIp('10.1.2.3')?.special).toBe('private');
  expect(parseIp('192.168.0.1')?.special).toBe('private');
  expect(parseIp('127.0.0.1')?.special).toBe('loopback');
  expect(parseIp('169.254.10.1')?.special).toBe('linkLocal');
  expect(parseIp('::1')?.special).toBe('loopback');
  expect(parseIp('fe80::1')?.special).toBe('linkLocal');
  expect(parseIp('fd00::1')?.special).toBe('uniqueLocal');
  expect(parseIp('::ffff:10.0.0.1')?.special).toBe('private');
  // documentation ranges (RFC 5737 / RFC 3849) stand in for public addresses in examples: not marked
  expect(parseIp('203.0.113.7')?.special).toBeNull();
});

test('a range set covers exactly its networks, in both families', () => {
  const { set, invalid } = RangeSet.fromCidrs(['10.0.0.0/8', '10.1.0.0/16', '192.0.2.128/25', '2001:db8::/32', '::/128']);
  expect(invalid).toEqual([]);
  const inside = ['10.0.0.0', '10.255.255.255', '192.0.2.128', '192.0.2.255', '2001:db8::', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', '::'];
  const outside = ['9.255.255.255', '11.0.0.0', '192.0.2.127', '2001:db9::', '2001:db7:ffff::', '::1'];
  for (const ip of inside) expect(set.contains(parseIp(ip)!)).toBe(true);
  for (const ip of outside) expect(set.contains(parseIp(ip)!)).toBe(false);
});

test('reports entries that are not CIDRs', () => {
  expect(RangeSet.fromCidrs(['10.0.0.0', '10.0.0.0/33', 'x/8', '1.2.3/24', '2001:db8::/129', '10.0.0.0/8']).invalid).toEqual([
    '10.0.0.0',
    '10.0.0.0/33',
    'x/8',
    '1.2.3/24',
    '2001:db8::/129',
  ]);
});

test('membership agrees with a brute-force prefix comparison (property)', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const v4 = fc.tuple(octet, octet, octet, octet);
  const toNumber = (o: number[]) => ((o[0] * 256 + o[1]) * 256 + o[2]) * 256 + o[3];
  fc.assert(
    fc.property(fc.array(fc.tuple(v4, fc.integer({ min: 8, max: 32 })), { minLength: 1, maxLength: 8 }), v4, (ranges, ip) => {
      const { set } = RangeSet.fromCidrs(ranges.map(([o, prefix]) => `${o.join('.')}/${prefix}`));
      const n = toNumber(ip);
      const expected = ranges.some(([o, prefix]) => Math.floor(toNumber(o) / 2 ** (32 - prefix)) === Math.floor(n / 2 ** (32 - prefix)));
      expect(set.contains(parseIp(ip.join('.'))!)).toBe(expected);
    }),
  );
});

test('dotted IPv4 addresses parse as ipaddr.js reads them: validity, number and special range (property)', () => {
  // the reference: ipaddr.js alone, as parseIp worked before its dotted-quad fast path
  const reference = (text: string) => {
    if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
    const addr = ipaddr.IPv4.parse(text);
    const range = addr.range();
    const [a, b, c, d] = addr.octets;
    return { v4: ((a * 256 + b) * 256 + c) * 256 + d, v6: 0n, special: ['private', 'loopback', 'linkLocal'].includes(range) ? range : null };
  };
  // octets near the special ranges' edges, out of range, with leading zeros, in hex
  const part = fc.oneof(
    fc.integer({ min: 0, max: 255 }).map(String),
    fc.constantFrom('0', '10', '15', '16', '31', '32', '127', '168', '169', '172', '192', '254', '255', '256', '999', '1000', '00', '01', '010', '0x10', ''),
  );
  fc.assert(
    fc.property(fc.array(part, { minLength: 3, maxLength: 5 }), (parts) => {
      const text = parts.join('.');
      const expected = reference(text);
      if (expected === undefined) expect(parseIp(text)).toBeUndefined();
      else expect(parseIp(text)).toEqual(expected);
    }),
    { numRuns: 2000 },
  );
  for (const text of ['10.0.0.0', '10.255.255.255', '172.16.0.1', '172.31.255.255', '172.15.0.1', '172.32.0.1', '192.168.1.1', '192.169.1.1', '127.0.0.1', '169.254.0.1', '169.253.0.1', '0.0.0.0', '255.255.255.255']) {
    expect(parseIp(text)).toEqual(reference(text));
  }
});

test('a range index finds exactly the sets that contain an address, in both families (property)', () => {
  // small address spaces so that sets overlap, nest and touch, and addresses fall on their edges
  const v4 = fc.tuple(fc.constantFrom(10, 52), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }));
  const v4Cidr = fc.tuple(v4, fc.integer({ min: 14, max: 32 })).map(([o, prefix]) => `${o.join('.')}/${prefix}`);
  const v6Cidr = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 16, max: 128 }))
    .map(([a, b, prefix]) => `2001:db8:${a}:${b.toString(16)}::/${prefix}`);
  const set = fc.option(fc.array(fc.oneof(v4Cidr, v6Cidr), { maxLength: 4 }), { nil: null, freq: 5 });
  const address = fc.oneof(
    v4.map((o) => o.join('.')),
    fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 0xffff })).map(([a, b]) => `2001:db8:${a}:${b.toString(16)}::`),
  );
  fc.assert(
    fc.property(fc.array(set, { maxLength: 6 }), fc.array(address, { minLength: 1, maxLength: 10 }), (cidrLists, addresses) => {
      const sets = cidrLists.map((cidrs) => (cidrs === null ? null : RangeSet.fromCidrs(cidrs).set));
      const index = RangeIndex.of(sets);
      // the addresses themselves, and the addresses on either side of every range's edges
      const probes = [...addresses.map((a) => parseIp(a)!)];
      for (const s of sets) {
        for (const [start, end] of s?.intervals().v4 ?? []) {
          for (const v of [start - 1, start, end, end + 1]) probes.push({ v4: v, v6: 0n, special: null });
        }
        for (const [start, end] of s?.intervals().v6 ?? []) {
          for (const v of [start - 1n, start, end, end + 1n]) probes.push({ v4: -1, v6: v, special: null });
        }
      }
      for (const ip of probes) {
        const expected = sets.flatMap((s, k) => (s !== null && s.contains(ip) ? [k] : []));
        expect(index.containing(ip)).toEqual(expected);
      }
    }),
    { numRuns: 300 },
  );
});
