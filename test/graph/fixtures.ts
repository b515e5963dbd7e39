// Small Graph JSON fixtures written for these tests (the shared corpus is read only by
// scripts/corpus-round-trip.ts). Ids are made up.
import { TerraformStack, Testing } from 'cdktf';
import * as ts from 'typescript';

export const GROUP_A = '0b5e5c9e-5a52-4c36-9a0f-3f3a0b9a0a01';
export const GROUP_BREAK_GLASS = '0b5e5c9e-5a52-4c36-9a0f-3f3a0b9a0a02';
export const USER_A = '1c6f6dae-6b63-4d47-8b10-404b1cab1b01';
export const APP_A = '2d707ebf-7c74-4e58-9c21-515c2dbc2c01';
export const LOCATION_OFFICE = '3e818fc0-8d85-4f69-8d32-626d3ecd3d01';
export const LOCATION_COUNTRIES = '3e818fc0-8d85-4f69-8d32-626d3ecd3d02';
export const POLICY_MFA = '4f9290d1-9e96-4a7a-9e43-737e4fde4e01';
export const POLICY_BLOCK = '4f9290d1-9e96-4a7a-9e43-737e4fde4e02';
export const CUSTOM_STRENGTH = '5a03a1e2-af07-4b8b-8f54-848f50ef5f01';

/** An IP named location as Graph v1.0 returns it (annotations, read-only fields). */
export function ipLocation(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.ipNamedLocation',
    'id': LOCATION_OFFICE,
    'displayName': 'Office egress',
    'createdDateTime': '2024-01-02T03:04:05Z',
    'modifiedDateTime': null,
    'isTrusted': true,
    'ipRanges': [
      { '@odata.type': '#microsoft.graph.iPv4CidrRange', 'cidrAddress': '198.51.100.0/24' },
      { '@odata.type': '#microsoft.graph.iPv6CidrRange', 'cidrAddress': '2001:db8:1234::/48' },
    ],
    ...patch,
  };
}

/** A country named location. */
export function countryLocation(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.countryNamedLocation',
    'id': LOCATION_COUNTRIES,
    'displayName': 'Allowed countries',
    'countriesAndRegions': ['NL', 'BE'],
    'includeUnknownCountriesAndRegions': false,
    'countryLookupMethod': 'clientIpAddress',
    ...patch,
  };
}

/** A policy as Graph v1.0 GET returns it: every property present, empty lists, null blocks. */
export function policy(patch: Record<string, any> = {}, conditions: Record<string, any> = {}): Record<string, any> {
  return {
    id: POLICY_MFA,
    templateId: null,
    displayName: 'Require MFA outside the office',
    createdDateTime: '2024-01-02T03:04:05Z',
    modifiedDateTime: '2024-02-03T04:05:06Z',
    state: 'enabled',
    sessionControls: null,
    conditions: {
      userRiskLevels: [],
      signInRiskLevels: [],
      clientAppTypes: ['browser', 'mobileAppsAndDesktopClients'],
      servicePrincipalRiskLevels: [],
      platforms: null,
      locations: { includeLocations: ['All'], excludeLocations: [LOCATION_OFFICE] },
      devices: null,
      clientApplications: null,
      applications: { includeApplications: ['All'], excludeApplications: [APP_A], includeUserActions: [], includeAuthenticationContextClassReferences: [], applicationFilter: null },
      users: {
        includeUsers: ['All'],
        excludeUsers: ['GuestsOrExternalUsers'],
        includeGroups: [],
        excludeGroups: [GROUP_BREAK_GLASS],
        includeRoles: [],
        excludeRoles: [],
        includeGuestsOrExternalUsers: null,
        excludeGuestsOrExternalUsers: null,
      },
      ...conditions,
    },
    grantControls: { operator: 'OR', builtInControls: ['mfa'], customAuthenticationFactors: [], termsOfUse: [], authenticationStrength: null },
    ...patch,
  };
}

/** A Graph list response. */
export function list(...items: unknown[]): { '@odata.context': string; 'value': any[] } {
  return { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies', 'value': items };
}

/** Keys in PascalCase, as the Graph PowerShell SDK exports them (`@odata` keys unchanged). */
export function pascal(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pascal);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.startsWith('@') ? k : k[0].toUpperCase() + k.slice(1), pascal(x)]));
  }
  return v;
}

/** UTF-16 LE bytes with a byte order mark (PowerShell `Out-File`). */
export function utf16le(text: string, bom = true): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

/** UTF-16 BE bytes. */
export function utf16be(text: string, bom = true): Buffer {
  const le = Buffer.from(text, 'utf16le');
  le.swap16();
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), le]) : le;
}

/** Loads a generated module (TypeScript text) with the package name mapped to the library's sources. */
export function loadModule(code: string): Record<string, any> {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const mod = { exports: {} as Record<string, any> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const req = (name: string): unknown => (name === 'cdktf-entra-conditional-access' ? require('../../src') : require(name));
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('require', 'module', 'exports', js)(req, mod, mod.exports);
  return mod.exports;
}

/** Instantiates a generated module's class in a fresh stack. */
export function instantiate(code: string, className = 'ImportedConditionalAccess'): { stack: TerraformStack; construct: any; exports: Record<string, any> } {
  const exports = loadModule(code);
  const stack = new TerraformStack(Testing.app(), 'test');
  const construct = new exports[className](stack, 'Imported');
  return { stack, construct, exports };
}
