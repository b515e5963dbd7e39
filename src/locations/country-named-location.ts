import { NamedLocation as NamedLocationResource } from '@cdktf/provider-azuread/lib/named-location';
import { Construct } from 'constructs';
import { NamedLocation } from './named-location';
import { parseCountryCode } from '../private/country-codes';
import { fail, failProp, isToken, Problems, validateDisplayName, validateProviderValue } from '../private/validation';
import { COUNTRY_LOOKUP_METHODS } from '../vocabulary/named-locations';

/**
 * How a country location determines the sign-in's country.
 */
export class CountryLookupMethod {
  /** From the client's IP address (the default). */
  public static readonly CLIENT_IP_ADDRESS = new CountryLookupMethod(COUNTRY_LOOKUP_METHODS.value('CLIENT_IP_ADDRESS'));
  /** From GPS coordinates reported by the Microsoft Authenticator app. */
  public static readonly AUTHENTICATOR_APP_GPS = new CountryLookupMethod(COUNTRY_LOOKUP_METHODS.value('AUTHENTICATOR_APP_GPS'));

  /**
   * Escape hatch for a value newer than this library. The value is passed through unchecked.
   * @param value the Graph `countryLookupMethod` value
   */
  public static of(value: string): CountryLookupMethod {
    return new CountryLookupMethod(value);
  }

  /**
   * @param countryLookupMethodValue the Graph `countryLookupMethod` value
   */
  private constructor(private readonly countryLookupMethodValue: string) {}

  /** The Graph `countryLookupMethod` value. */
  public get value(): string {
    return this.countryLookupMethodValue;
  }
}

/**
 * Properties of a {@link CountryNamedLocation}.
 */
export interface CountryNamedLocationProps {
  /** Display name of the named location. */
  readonly displayName: string;
  /**
   * ISO 3166-1 alpha-2 country or region codes, e.g. `['US', 'CA']`.
   * Written upper-case and sorted.
   */
  readonly countriesAndRegions: string[];
  /**
   * Also match sign-ins whose country cannot be determined.
   * @default false
   */
  readonly includeUnknownCountriesAndRegions?: boolean;
  /**
   * How the country is determined.
   * @default CountryLookupMethod.CLIENT_IP_ADDRESS
   */
  readonly countryLookupMethod?: CountryLookupMethod;
}

/**
 * A countries named location (`azuread_named_location` with a `country` block).
 * Country locations cannot be trusted: `Location.ALL_TRUSTED` covers IP locations only.
 */
export class CountryNamedLocation extends NamedLocation {
  /** The underlying `azuread_named_location` resource (escape hatch). */
  public readonly resource: NamedLocationResource;
  /** The bare GUID (`object_id`) that policies reference. */
  public readonly objectId: string;
  /** Always false: Graph has no trusted country locations. */
  public readonly trusted?: boolean = false;
  /** The country codes as synthesized. */
  public readonly countriesAndRegions: string[];

  /**
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   */
  constructor(scope: Construct, id: string, props: CountryNamedLocationProps) {
    super(scope, id);
    const problems = new Problems();
    problems.check(() => validateDisplayName('displayName', props.displayName));
    problems.check(() => {
      if ((props as { trusted?: unknown }).trusted !== undefined) {
        fail('trusted', (props as { trusted?: unknown }).trusted, 'is not supported on a country location', 'Graph can only trust IP ranges locations; use an IpNamedLocation with trusted: true');
      }
    });
    problems.check(() => props.countryLookupMethod
      && validateProviderValue('countryLookupMethod', props.countryLookupMethod.value, { accepted: COUNTRY_LOOKUP_METHODS.providerValues, className: 'CountryLookupMethod' }));
    const countries = canonicalCountries(props.countriesAndRegions, problems);
    problems.throwIfAny(this, props.displayName);
    this.countriesAndRegions = countries;
    this.resource = new NamedLocationResource(this, 'Resource', {
      displayName: props.displayName,
      country: {
        countriesAndRegions: this.countriesAndRegions,
        includeUnknownCountriesAndRegions: props.includeUnknownCountriesAndRegions ?? false,
        countryLookupMethod: (props.countryLookupMethod ?? CountryLookupMethod.CLIENT_IP_ADDRESS).value,
      },
    });
    this.objectId = this.resource.objectId;
  }
}

function canonicalCountries(codes: string[], problems: Problems): string[] {
  if (isToken(codes)) return codes;
  if (!codes || codes.length === 0) {
    problems.check(() => failProp('countriesAndRegions', "is empty; pass at least one ISO 3166-1 alpha-2 code such as 'US'"));
    return [];
  }
  const seen = new Map<string, number>();
  const tokens: string[] = [];
  problems.each(codes, (code, i) => {
    if (isToken(code)) {
      tokens.push(code);
      return;
    }
    const canonical = parseCountryCode(`countriesAndRegions[${i}]`, code);
    const first = seen.get(canonical);
    if (first !== undefined) {
      fail(`countriesAndRegions[${i}]`, code, `duplicates countriesAndRegions[${first}]`, 'remove one of them');
    }
    seen.set(canonical, i);
  });
  return [...[...seen.keys()].sort(), ...tokens];
}
