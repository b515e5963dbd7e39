import { compareCidr, parseCidr } from '../../src/private/cidr';

describe('parseCidr', () => {
  test('parses a text once: the construct, the provider contract and CA8 share one frozen result', () => {
    const first = parseCidr('ipRanges[0]', '2001:DB8:0:0::/48');
    const again = parseCidr('ip.ip_ranges[3]', '2001:DB8:0:0::/48');
    expect(again).toBe(first);
    expect(first).toEqual({ canonical: '2001:db8::/48', family: 6, bytes: [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], prefix: 48, range: 'reserved' });
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.bytes)).toBe(true);
  });

  test('a bad range is reported under the prop of every call, not remembered from an earlier one', () => {
    expect(() => parseCidr('ipRanges[2]', '10.0.0.0/7')).toThrow("ipRanges[2]: '10.0.0.0/7' is wider than /9; Graph accepts only masks longer than /8");
    expect(() => parseCidr('ip.ip_ranges[0]', '10.0.0.0/7')).toThrow("ip.ip_ranges[0]: '10.0.0.0/7' is wider than /9");
    expect(() => parseCidr('ipRanges[1]', '203.0.113.7/24')).toThrow("ipRanges[1]: '203.0.113.7/24' has host bits set; use the network address '203.0.113.0/24'");
  });

  test('orders IPv4 before IPv6, then by address and prefix', () => {
    const sorted = ['2001:db8::/32', '203.0.113.0/25', '198.51.100.0/24', '203.0.113.0/24']
      .map((r) => parseCidr('r', r)).sort(compareCidr).map((c) => c.canonical);
    expect(sorted).toEqual(['198.51.100.0/24', '203.0.113.0/24', '203.0.113.0/25', '2001:db8::/32']);
  });
});
