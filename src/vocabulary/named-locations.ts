import { Vocabulary } from './vocabulary';

/** How a country location finds the sign-in's country (Graph `countryLookupMethodType`). */
export const COUNTRY_LOOKUP_METHODS = new Vocabulary('country lookup method', {
  CLIENT_IP_ADDRESS: { value: 'clientIpAddress', label: 'Determine location by IP address' },
  AUTHENTICATOR_APP_GPS: { value: 'authenticatorAppGps', label: 'Determine location by GPS coordinates' },
});

/** The location values that are not named locations. */
export const SPECIAL_LOCATIONS = new Vocabulary('location', {
  ALL: { value: 'All', label: 'Any network or location' },
  ALL_TRUSTED: { value: 'AllTrusted', label: 'All trusted networks and locations' },
});
