import { CountryLookupMethod, CountryNamedLocation } from '../../src';
import { only, synth } from '../helpers/synth';

describe('CountryNamedLocation', () => {
  test('synthesizes a country block with upper-case sorted codes and defaults', () => {
    const json = synth((stack) => {
      new CountryNamedLocation(stack, 'Eu', { displayName: 'EU', countriesAndRegions: ['fr', 'DE', 'be'] });
    });
    expect(only(json, 'azuread_named_location')).toEqual({
      display_name: 'EU',
      country: {
        countries_and_regions: ['BE', 'DE', 'FR'],
        include_unknown_countries_and_regions: false,
        country_lookup_method: 'clientIpAddress',
      },
    });
  });

  test('passes include-unknown and the GPS lookup method', () => {
    const json = synth((stack) => {
      const loc = new CountryNamedLocation(stack, 'Us', {
        displayName: 'US',
        countriesAndRegions: ['US'],
        includeUnknownCountriesAndRegions: true,
        countryLookupMethod: CountryLookupMethod.AUTHENTICATOR_APP_GPS,
      });
      expect(loc.trusted).toBe(false);
    });
    expect(only(json, 'azuread_named_location').country).toEqual({
      countries_and_regions: ['US'],
      include_unknown_countries_and_regions: true,
      country_lookup_method: 'authenticatorAppGps',
    });
  });

  test.each([
    [['USA'], /countriesAndRegions\[0\]: 'USA' is not an ISO 3166-1 alpha-2 country code \(it looks like an alpha-3 code\); use a two-letter code/],
    [['XX'], /countriesAndRegions\[0\]: 'XX' is not an ISO 3166-1 alpha-2 country code/],
    [[], /countriesAndRegions: is empty/],
    [['FR', 'fr'], /countriesAndRegions\[1\]: 'fr' duplicates countriesAndRegions\[0\]/],
  ])('rejects %j', (codes, message) => {
    expect(() => synth((stack) => {
      new CountryNamedLocation(stack, 'L', { displayName: 'L', countriesAndRegions: codes });
    })).toThrow(message);
  });

  test('rejects trusted: Graph has no trusted country locations', () => {
    expect(() => synth((stack) => {
      new CountryNamedLocation(stack, 'L', { displayName: 'L', countriesAndRegions: ['FR'], trusted: true } as any);
    })).toThrow(/trusted: true is not supported on a country location; Graph can only trust IP ranges locations/);
  });
});
