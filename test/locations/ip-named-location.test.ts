import { Fn } from 'cdktf';
import { ConditionalAccessPolicy, GrantControls, IncludedUsers, IpNamedLocation, TargetResources } from '../../src';
import { only, synth } from '../helpers/synth';

describe('IpNamedLocation', () => {
  test('synthesizes an ip block with canonical, sorted ranges and trust', () => {
    const json = synth((stack) => {
      new IpNamedLocation(stack, 'Office', {
        displayName: 'Office',
        ipRanges: ['2001:DB8:0:0::/48', '198.51.100.0/24', ' 192.0.2.0/24', '2001:db8:1::/48'],
        trusted: true,
      });
    });
    expect(only(json, 'azuread_named_location')).toEqual({
      display_name: 'Office',
      ip: {
        ip_ranges: ['192.0.2.0/24', '198.51.100.0/24', '2001:db8::/48', '2001:db8:1::/48'],
        trusted: true,
      },
    });
  });

  test('is not trusted by default', () => {
    const json = synth((stack) => {
      new IpNamedLocation(stack, 'Branch', { displayName: 'Branch', ipRanges: ['203.0.113.0/24'] });
    });
    expect(only(json, 'azuread_named_location').ip.trusted).toBe(false);
  });

  test('exposes the L1 resource as Resource; policies reference the object_id, never the path id', () => {
    const json = synth((stack) => {
      const loc = new IpNamedLocation(stack, 'Office', { displayName: 'Office', ipRanges: ['203.0.113.0/24'] });
      expect(loc.resource.node.id).toBe('Resource');
      expect(loc.locationId).toBe(loc.objectId);
      new ConditionalAccessPolicy(stack, 'P', {
        displayName: 'p',
        includeUsers: IncludedUsers.all(),
        target: TargetResources.allResources(),
        includeLocations: [loc],
        grant: GrantControls.requireMfa(),
      });
    });
    const [key] = Object.keys(json.resource.azuread_named_location);
    const policy = only(json, 'azuread_conditional_access_policy');
    expect(policy.conditions.locations.included_locations).toEqual([`\${azuread_named_location.${key}.object_id}`]);
    expect(JSON.stringify(policy)).not.toContain(`azuread_named_location.${key}.id}`);
  });

  test('keeps unresolved tokens after the literal ranges', () => {
    synth((stack) => {
      const token = Fn.cidrsubnet('10.0.0.0/8', 8, 1);
      const loc = new IpNamedLocation(stack, 'Office', { displayName: 'Office', ipRanges: [token, '203.0.113.0/24'] });
      expect(loc.ipRanges[0]).toBe('203.0.113.0/24');
      expect(loc.ipRanges[1]).toBe(token);
    });
  });

  test.each([
    ['10.0.0.0/8', /ipRanges\[0\]: '10\.0\.0\.0\/8' is wider than \/9; Graph accepts only masks longer than \/8/],
    ['10.0.0.1/24', /ipRanges\[0\]: '10\.0\.0\.1\/24' has host bits set; use the network address '10\.0\.0\.0\/24'/],
    ['203.0.113.7', /ipRanges\[0\]: '203\.0\.113\.7' is an address, not a CIDR range; write it as '203\.0\.113\.7\/32'/],
    ['300.1.1.0/24', /ipRanges\[0\]: '300\.1\.1\.0\/24' is not a CIDR range/],
    ['2001:db8::1/48', /has host bits set; use the network address '2001:db8::\/48'/],
  ])('rejects %s', (range, message) => {
    expect(() => synth((stack) => {
      new IpNamedLocation(stack, 'L', { displayName: 'L', ipRanges: [range] });
    })).toThrow(message);
  });

  test('rejects a duplicate after canonicalisation, naming both indexes', () => {
    expect(() => synth((stack) => {
      new IpNamedLocation(stack, 'L', { displayName: 'L', ipRanges: ['2001:db8::/48', '2001:DB8:0::/48'] });
    })).toThrow("ipRanges[1]: '2001:DB8:0::/48' duplicates ipRanges[0] ('2001:db8::/48'); remove one of them");
  });
});
