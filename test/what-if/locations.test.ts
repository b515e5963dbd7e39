// The location condition: CIDR ranges (IPv4 and IPv6), AllTrusted, country locations, unresolved references.
import { IDS, policy, reasons, signIn, whatIfOf } from './helpers';
import { WhatIf } from '../../src/analysis';

const ref = (name: string, attribute = 'object_id') => `\${azuread_named_location.${name}.${attribute}}`;
const locations = (included: string[], excluded: string[] = []) =>
  policy({ conditions: { locations: { included_locations: included, excluded_locations: excluded } } });
const from = (ipAddress?: string, country?: string) => signIn({ signInConditions: { ipAddress, country } });

describe('IP ranges', () => {
  const p = locations([ref('hq')]);

  test.each([
    ['203.0.113.0', 'notSet'],
    ['203.0.113.255', 'notSet'],
    ['203.0.114.0', 'location'],
    ['203.0.112.255', 'location'],
    ['2001:db8:1::', 'notSet'],
    ['2001:db8:1:ffff:ffff:ffff:ffff:ffff', 'notSet'],
    ['2001:db8:2::', 'location'],
    ['2001:db8:0:ffff::1', 'location'],
    ['::ffff:203.0.113.9', 'notSet'],
  ])('%s in HQ (203.0.113.0/24, 2001:db8:1::/48): %s', (ip, expected) => {
    expect(reasons(p, from(ip))).toBe(expected);
  });

  test('a range written with host bits set still covers its whole network', () => {
    const extra = { resource: { azuread_named_location: { odd: { display_name: 'odd', ip: { ip_ranges: ['40.1.2.3/16', '2001:db8::1/32'] } } } } };
    const p2 = locations([ref('odd')]);
    expect(reasons(p2, from('40.1.255.255'), extra)).toBe('notSet');
    expect(reasons(p2, from('40.2.0.0'), extra)).toBe('location');
    expect(reasons(p2, from('2001:db8:ffff::1'), extra)).toBe('notSet');
  });

  test('without an IP the IP location is unknown', () => {
    expect(reasons(p, from())).toBe('notEnoughInformation');
  });

  test('All matches even without an IP; an exclusion that matches wins', () => {
    expect(reasons(locations(['All']), from())).toBe('notSet');
    expect(reasons(locations(['All'], [ref('partner')]), from('192.0.2.1'))).toBe('location');
    expect(reasons(locations(['All'], [ref('partner')]), from('192.0.2.129'))).toBe('notSet');
    expect(reasons(locations(['All'], [ref('partner')]), from())).toBe('notEnoughInformation');
  });

  test('references by .id resolve too, with a warning (Graph wants the object id)', () => {
    const w = whatIfOf({ p: locations([ref('hq', 'id')]) });
    expect(w.warnings).toEqual([
      "azuread_conditional_access_policy.p: locations.included_locations: '${azuread_named_location.hq.id}' uses the named location's id (a path); Graph rejects it (error 1040), use .object_id",
    ]);
    expect(w.evaluate(from('203.0.113.1')).results[0].analysisReasons).toBe('notSet');
  });

  test('a range that is not a CIDR matches nothing and is reported', () => {
    const extra = { resource: { azuread_named_location: { bad: { display_name: 'bad', ip: { ip_ranges: ['40.0.0.0', '300.1.1.1/8', '40.9.0.0/16'] } } } } };
    const w = whatIfOf({ p: locations([ref('bad')]) }, extra);
    expect(w.warnings).toEqual(["azuread_named_location.bad: ip_ranges '40.0.0.0', '300.1.1.1/8' are not CIDR ranges; they match nothing"]);
    expect(w.evaluate(from('40.9.1.1')).results[0].analysisReasons).toBe('notSet');
    expect(w.evaluate(from('40.0.0.0')).results[0].analysisReasons).toBe('location');
  });
});

describe('AllTrusted', () => {
  const p = locations(['All'], ['AllTrusted']);

  test('an IP in a trusted location is trusted; one in an untrusted location is not', () => {
    expect(reasons(p, from('203.0.113.7'))).toBe('location');
    expect(reasons(p, from('2001:db8:1::7'))).toBe('location');
    expect(reasons(p, from('192.0.2.7'))).toBe('notSet');
  });

  test('with a data-source named location (possibly trusted) an IP outside every known trusted range is unknown', () => {
    const data = { azuread_named_location: { imported: { display_name: 'Imported' } } };
    expect(reasons(p, from('192.0.2.7'), { data })).toBe('notEnoughInformation');
    expect(reasons(p, from('203.0.113.7'), { data })).toBe('location');
  });

  test('a literal named location id in any policy may be trusted too', () => {
    const w = whatIfOf({ p, other: locations([IDS.unknownLocation]) });
    expect(w.evaluate(from('192.0.2.7')).results[0].analysisReasons).toBe('notEnoughInformation');
  });

  test('a trusted flag that is an expression makes the IPs of that location unknown', () => {
    const extra = { resource: { azuread_named_location: { maybe: { display_name: 'maybe', ip: { ip_ranges: ['40.0.0.0/8'], trusted: '${var.trusted}' } } } } };
    expect(reasons(p, from('40.1.1.1'), extra)).toBe('notEnoughInformation');
    expect(reasons(p, from('203.0.113.7'), extra)).toBe('location');
  });

  test('without an IP, AllTrusted is unknown while trusted locations exist', () => {
    expect(reasons(p, from())).toBe('notEnoughInformation');
  });

  test('with no trusted location at all, AllTrusted never matches, even without an IP', () => {
    const bare = WhatIf.fromStackJson(JSON.stringify({ resource: { azuread_conditional_access_policy: { p } } }));
    expect(bare.evaluate(from()).results[0].analysisReasons).toBe('notSet');
  });
});

describe('country locations', () => {
  test('the sign-in country decides', () => {
    expect(reasons(locations([ref('france')]), from(undefined, 'FR'))).toBe('notSet');
    expect(reasons(locations([ref('france')]), from(undefined, 'fr'))).toBe('notSet');
    expect(reasons(locations([ref('france')]), from(undefined, 'US'))).toBe('location');
    expect(reasons(locations(['All'], [ref('germany')]), from(undefined, 'DE'))).toBe('location');
  });

  test('without country a country location is unknown, whatever the IP: the evaluator does not geolocate (README)', () => {
    expect(reasons(locations([ref('france')]), from('40.77.182.32'))).toBe('notEnoughInformation');
    // documentation / reserved addresses are no exception (france includes unknown countries and regions)
    expect(reasons(locations([ref('france')]), from('198.51.100.7'))).toBe('notEnoughInformation');
    expect(reasons(locations([ref('france')]), from('2001:db8::7'))).toBe('notEnoughInformation');
    expect(reasons(locations([ref('france')]), from('10.0.0.1'))).toBe('notEnoughInformation');
  });
});

describe('private, loopback and link-local addresses', () => {
  test.each([
    ['10.0.0.1', 'private (RFC 1918)'],
    ['192.168.1.20', 'private (RFC 1918)'],
    ['127.0.0.1', 'loopback'],
    ['169.254.0.9', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'unique local (RFC 4193, private)'],
  ])('%s gets a sign-in warning and is still evaluated', (ip, kind) => {
    const report = whatIfOf({ p: locations(['All'], ['AllTrusted']) }).evaluate(from(ip));
    expect(report.warnings).toEqual([
      `signInConditions.ipAddress: ${ip} is a ${kind} address; no sign-in to Entra ID comes from one (Entra sees the public address the network translates it to), so it matches no named location; use the public egress IP`,
    ]);
    // it matches no named location, so it is not trusted
    expect(report.results[0].analysisReasons).toBe('notSet');
  });

  test('it matches no IP named location, even one that (wrongly) lists its range', () => {
    const extra = { resource: { azuread_named_location: { lan: { display_name: 'LAN', ip: { ip_ranges: ['10.0.0.0/8'], trusted: true } } } } };
    expect(reasons(locations([ref('lan')]), from('10.1.2.3'), extra)).toBe('location');
    expect(reasons(locations(['AllTrusted']), from('10.1.2.3'), extra)).toBe('location');
  });

  test('public and documentation addresses get no warning', () => {
    expect(whatIfOf({ p: locations(['All']) }).evaluate(from('203.0.113.7')).warnings).toEqual([]);
  });
});

describe('unresolved references', () => {
  test.each([
    ['a data source', '${data.azuread_named_location.imported.object_id}'],
    ['a resource not in the stack', '${azuread_named_location.elsewhere.object_id}'],
    ['a literal id', IDS.unknownLocation],
    ['a variable', '${var.location_id}'],
  ])('%s as the only included location is notEnoughInformation, never a crash', (_, value) => {
    const data = { azuread_named_location: { imported: { display_name: 'Imported' } } };
    expect(reasons(locations([value]), from('203.0.113.7'), { data })).toBe('notEnoughInformation');
  });

  test('an unknown location does not matter when a known one already decides', () => {
    expect(reasons(locations([IDS.unknownLocation, ref('hq')]), from('203.0.113.7'))).toBe('notSet');
    expect(reasons(locations(['All'], [IDS.unknownLocation, ref('hq')]), from('203.0.113.7'))).toBe('location');
  });

  test('a location value that is not a name, id or reference is an invalid condition (and matches nothing)', () => {
    const w = whatIfOf({ p: locations(['Sydney office']) });
    expect(w.evaluate(from('203.0.113.7')).results[0].analysisReasons).toBe('invalidCondition,location');
    expect(w.warnings).toEqual([
      "azuread_conditional_access_policy.p: locations.included_locations has 'Sydney office', which is not All, AllTrusted, a named location id or a reference (invalidCondition)",
    ]);
  });
});
