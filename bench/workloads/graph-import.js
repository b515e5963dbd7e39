'use strict';
/**
 * Graph import workload (issue 11): a tenant export of `--policies` Conditional Access policies and
 * `--locations` named locations, as Graph returns them (a `value` list each, v1.0 with `@odata`
 * annotations, every property present), is imported with the compiled library's `GraphImport` and
 * turned into a TypeScript module. Timed from process start: requiring the library, the import
 * (parse, model, the constructs' checks, lint) and the code generation.
 *
 * Usage: node graph-import.js --lib <compiled lib dir> --policies <n> --locations <n>
 * Prints one `BENCH_RESULT {...}` line.
 */
const { performance } = require('perf_hooks');
const path = require('path');
const { args, prng, report } = require('./scenario');

const opts = args(process.argv.slice(2));
const policies = Number(opts.policies ?? 200);
const locations = Number(opts.locations ?? 50);

/** A lower-case GUID from the PRNG. */
function guid(rnd) {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += Math.floor(rnd() * 0x100000000).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The export: deterministic, a mix of the shapes real tenants hold. */
function tenantExport() {
  const rnd = prng(0x11c0de);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const groups = Array.from({ length: 40 }, () => guid(rnd));
  const users = Array.from({ length: 60 }, () => guid(rnd));
  const apps = Array.from({ length: 20 }, () => guid(rnd));
  const roles = ['62e90394-69f5-4237-9190-012177145e10', '194ae4cb-b126-40b2-bd5b-6091b380977d', 'fe930be7-5e62-47db-91af-98c3a49a38b1', '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3'];
  const named = [];
  for (let i = 0; i < locations; i++) {
    const id = guid(rnd);
    named.push(i % 3 === 2
      ? { '@odata.type': '#microsoft.graph.countryNamedLocation', id, displayName: `Countries ${i}`, createdDateTime: '2024-05-24T09:26:17Z', modifiedDateTime: null, countriesAndRegions: ['NL', 'BE', 'LU'].slice(0, 1 + (i % 3)), includeUnknownCountriesAndRegions: false, countryLookupMethod: 'clientIpAddress' }
      : { '@odata.type': '#microsoft.graph.ipNamedLocation', id, displayName: `Egress ${i}`, createdDateTime: '2024-05-24T09:26:17Z', modifiedDateTime: null, isTrusted: i % 2 === 0, ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: `20.${i}.${i % 7}.0/24` }, { '@odata.type': '#microsoft.graph.iPv6CidrRange', cidrAddress: `2a01:111:f400:${(i + 1).toString(16)}::/64` }] });
  }
  const list = [];
  for (let i = 0; i < policies; i++) {
    const kind = i % 6;
    const location = named[i % named.length];
    list.push({
      id: guid(rnd),
      templateId: null,
      displayName: `CA${String(i).padStart(3, '0')} - imported ${['mfa', 'block legacy', 'compliant device', 'strength', 'session', 'guests'][kind]}`,
      createdDateTime: '2025-02-13T11:37:41.7574033Z',
      modifiedDateTime: '2025-02-13T12:19:57.1916067Z',
      state: pick(['enabled', 'disabled', 'enabledForReportingButNotEnforced']),
      sessionControls: kind === 4 ? { applicationEnforcedRestrictions: null, cloudAppSecurity: null, disableResilienceDefaults: null, persistentBrowser: { mode: 'never', isEnabled: true }, signInFrequency: { value: 12, type: 'hours', authenticationType: 'primaryAndSecondaryAuthentication', frequencyInterval: 'timeBased', isEnabled: true } } : null,
      conditions: {
        userRiskLevels: [],
        signInRiskLevels: kind === 1 ? [] : [pick(['high', 'medium'])],
        clientAppTypes: kind === 1 ? ['exchangeActiveSync', 'other'] : ['all'],
        platforms: kind === 2 ? { includePlatforms: ['all'], excludePlatforms: ['android', 'iOS'] } : null,
        locations: location['@odata.type'].includes('ip') ? { includeLocations: ['All'], excludeLocations: [location.id, 'AllTrusted'] } : { includeLocations: [location.id], excludeLocations: [] },
        times: null,
        deviceStates: null,
        devices: kind === 2 ? { deviceFilter: { mode: 'exclude', rule: 'device.isCompliant -eq True' } } : null,
        clientApplications: null,
        applications: { includeApplications: kind === 5 ? [pick(apps), 'Office365'] : ['All'], excludeApplications: kind === 0 ? [pick(apps)] : [], includeUserActions: [], includeAuthenticationContextClassReferences: [], applicationFilter: null },
        users: kind === 5
          ? { includeUsers: [], excludeUsers: [], includeGroups: [], excludeGroups: [pick(groups)], includeRoles: [], excludeRoles: [], includeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'b2bCollaborationGuest,b2bCollaborationMember', externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: 'all' } }, excludeGuestsOrExternalUsers: null }
          : { includeUsers: kind === 3 ? [pick(users), pick(users)] : ['All'], excludeUsers: [pick(users)], includeGroups: kind === 3 ? [pick(groups)] : [], excludeGroups: [pick(groups), pick(groups)], includeRoles: kind === 3 ? [pick(roles)] : [], excludeRoles: [], includeGuestsOrExternalUsers: null, excludeGuestsOrExternalUsers: null },
      },
      grantControls: kind === 4 ? null : {
        operator: 'OR',
        builtInControls: kind === 0 ? ['mfa'] : kind === 1 ? ['block'] : kind === 2 ? ['compliantDevice', 'domainJoinedDevice'] : kind === 5 ? ['mfa'] : [],
        customAuthenticationFactors: [],
        termsOfUse: [],
        'authenticationStrength@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies/grantControls/authenticationStrength/$entity',
        authenticationStrength: kind === 3 ? { id: '00000000-0000-0000-0000-000000000004', displayName: 'Phishing-resistant MFA', allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'] } : null,
      },
    });
  }
  return {
    policies: JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies', value: list }),
    locations: JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/namedLocations', value: named }),
  };
}

const text = tenantExport();
const t0 = performance.now();
const lib = require(path.resolve(opts.lib));
// the package index loads a module on first use: "require" is until GraphImport's modules are loaded
const { GraphImport } = lib;
const required = performance.now();
// Both lists in one import, as `cdktf-entra-ca import policies.json namedLocations.json` reads them.
const combined = `[${JSON.parse(text.locations).value.map((x) => JSON.stringify(x)).join(',')},${JSON.parse(text.policies).value.map((x) => JSON.stringify(x)).join(',')}]`;
const parsedAt = performance.now();
const result = GraphImport.fromText(combined, 'tenant.json', { adopt: true });
const imported = performance.now();
const source = result.toTypeScript({ className: 'Tenant' });
const generated = performance.now();
const converted = [...result.policies, ...result.namedLocations].filter((o) => o.status !== 'notConverted').length;
report({
  policies,
  locations,
  converted,
  moduleLines: source.split('\n').length,
  requireMs: required - t0,
  importMs: imported - parsedAt,
  codegenMs: generated - imported,
  totalMs: generated,
  cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  maxRssKb: process.resourceUsage().maxRSS,
});
