import { fail } from './validation';

let alpha2: Set<string> | undefined;

/**
 * ISO 3166-1 alpha-2 codes, from the maintained `i18n-iso-countries` list,
 * loaded on first use. `i18n-iso-countries/index` is the package's core without
 * its 78 locale files (its Node entry registers them all: ~80 modules at import).
 */
function codes(): Set<string> {
  if (!alpha2) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const countries = require('i18n-iso-countries/index') as typeof import('i18n-iso-countries');
    alpha2 = new Set(Object.keys(countries.getAlpha2Codes()));
  }
  return alpha2;
}

/** True for an ISO 3166-1 alpha-2 code, in any letter case. */
export function isCountryCode(value: string): boolean {
  return typeof value === 'string' && codes().has(value.toUpperCase());
}

/**
 * Validate one ISO 3166-1 alpha-2 code and return it upper-case.
 */
export function parseCountryCode(prop: string, value: string): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!codes().has(code)) {
    const hint = typeof value === 'string' && value.length === 3 ? ' (it looks like an alpha-3 code)' : '';
    fail(prop, value, `is not an ISO 3166-1 alpha-2 country code${hint}`, "use a two-letter code such as 'US' or 'FR'");
  }
  return code;
}
