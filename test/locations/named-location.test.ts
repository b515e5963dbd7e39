import { ConditionalAccessPolicy, GrantControls, IncludedUsers, Location, NamedLocation, TargetResources } from '../../src';
import { only, synth } from '../helpers/synth';

describe('NamedLocation importers and well-known targets', () => {
  test('fromObjectId uses the GUID as is; trust is unknown', () => {
    synth((stack) => {
      const loc = NamedLocation.fromObjectId(stack, 'Hq', '6f1c5f1e-2b7a-4c1d-9d8e-0a1b2c3d4e5f');
      expect(loc.locationId).toBe('6f1c5f1e-2b7a-4c1d-9d8e-0a1b2c3d4e5f');
      expect(loc.trusted).toBeUndefined();
      expect(NamedLocation.isNamedLocation(loc)).toBe(true);
    });
  });

  test('fromObjectId rejects the path id and says to use object_id', () => {
    expect(() => synth((stack) => {
      NamedLocation.fromObjectId(stack, 'Hq', '/identity/conditionalAccess/namedLocations/6f1c5f1e-2b7a-4c1d-9d8e-0a1b2c3d4e5f');
    })).toThrow(/objectId: '\/identity\/conditionalAccess\/namedLocations\/6f1c5f1e-2b7a-4c1d-9d8e-0a1b2c3d4e5f' is not a GUID; pass the named location's object_id/);
  });

  test('fromDisplayName reads the data source and references its object_id', () => {
    const json = synth((stack) => {
      const loc = NamedLocation.fromDisplayName(stack, 'Hq', 'Headquarters');
      new ConditionalAccessPolicy(stack, 'P', {
        displayName: 'p',
        includeUsers: IncludedUsers.all(),
        target: TargetResources.allResources(),
        includeLocations: [Location.ALL],
        excludeLocations: [loc],
        grant: GrantControls.requireMfa(),
      });
    });
    const data = Object.entries(json.data!.azuread_named_location);
    expect(data).toHaveLength(1);
    expect(data[0][1]).toEqual({ display_name: 'Headquarters' });
    expect(only(json, 'azuread_conditional_access_policy').conditions.locations.excluded_locations)
      .toEqual([`\${data.azuread_named_location.${data[0][0]}.object_id}`]);
  });

  test('well-known targets are All and AllTrusted', () => {
    expect(Location.ALL.locationId).toBe('All');
    expect(Location.ALL_TRUSTED.locationId).toBe('AllTrusted');
  });
});
