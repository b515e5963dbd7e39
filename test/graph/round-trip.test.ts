/* eslint-disable @stylistic/max-len */
// Graph JSON → import → generated module → synth → export gives back the original (modulo the
// documented normalisations): on our own fixtures, and on random policies (fast-check).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import {
  APP_A, CUSTOM_STRENGTH, GROUP_A, GROUP_BREAK_GLASS, LOCATION_COUNTRIES, LOCATION_OFFICE, POLICY_BLOCK, USER_A,
  countryLocation, instantiate, ipLocation, list, pascal, policy, utf16le,
} from './fixtures';
import { GraphExport, GraphImport, ImportStatus } from '../../src';

function roundTrip(input: unknown, options: { adopt?: boolean } = {}): { exported: GraphExport; imported: GraphImport; code: string } {
  const imported = typeof input === 'string' ? GraphImport.fromText(input, 'input.json', options) : GraphImport.fromJson(input, 'input.json', options);
  const code = imported.toTypeScript();
  const { stack } = instantiate(code);
  return { exported: GraphExport.fromStack(stack), imported, code };
}

const everything = list(
  ipLocation(),
  countryLocation({ includeUnknownCountriesAndRegions: true, countryLookupMethod: 'authenticatorAppGps' }),
  policy(),
  policy({ id: POLICY_BLOCK, displayName: 'Block legacy authentication', state: 'enabledForReportingButNotEnforced', grantControls: { operator: 'OR', builtInControls: ['block'] } }, {
    clientAppTypes: ['exchangeActiveSync', 'other'],
    locations: { includeLocations: [LOCATION_COUNTRIES], excludeLocations: [] },
    users: { includeUsers: [USER_A], includeGroups: [GROUP_A], includeRoles: ['62e90394-69f5-4237-9190-012177145e10', 'd29b2b05-8046-44ba-8758-1e26182fcf32'], excludeGroups: [GROUP_BREAK_GLASS] },
    platforms: { includePlatforms: ['all'], excludePlatforms: ['iOS', 'android'] },
  }),
  policy({
    id: '6b14b2f3-b018-4c9c-a065-959061f06001',
    displayName: 'Guests: strength, session',
    grantControls: { operator: 'AND', builtInControls: ['compliantDevice'], authenticationStrength: { id: CUSTOM_STRENGTH } },
    sessionControls: { applicationEnforcedRestrictions: { isEnabled: true }, cloudAppSecurity: { isEnabled: true, cloudAppSecurityType: 'monitorOnly' }, signInFrequency: { isEnabled: true, type: 'days', value: 7, authenticationType: 'secondaryAuthentication', frequencyInterval: 'timeBased' }, disableResilienceDefaults: true },
  }, {
    users: { includeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'internalGuest,b2bCollaborationGuest', externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessEnumeratedExternalTenants', 'membershipKind': 'enumerated', 'members': ['7c25c304-c129-4dad-b176-a6a172a17101'] } }, excludeUsers: [USER_A] },
    applications: { includeApplications: [APP_A, 'Office365'], excludeApplications: [] },
    devices: { deviceFilter: { mode: 'exclude', rule: 'device.isCompliant -eq True' } },
    signInRiskLevels: ['high', 'medium'],
    insiderRiskLevels: 'moderate',
    authenticationFlows: { transferMethods: 'deviceCodeFlow' },
  }),
  policy({ id: '6b14b2f3-b018-4c9c-a065-959061f06002', displayName: 'Register security info from the office', grantControls: { operator: 'OR', builtInControls: ['mfa'] } }, {
    applications: { includeApplications: [], includeUserActions: ['urn:user:registersecurityinfo'] }, clientAppTypes: ['all'],
  }),
  policy({ id: '6b14b2f3-b018-4c9c-a065-959061f06003', displayName: 'Workload identities from untrusted networks', grantControls: { operator: 'OR', builtInControls: ['block'] } }, {
    users: { includeUsers: ['None'] },
    clientAppTypes: ['all'],
    clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'], excludeServicePrincipals: ['8d36d415-d23a-4ebe-a287-b7b283b28201'] },
    servicePrincipalRiskLevels: ['high'],
  }),
  policy({ id: '6b14b2f3-b018-4c9c-a065-959061f06004', displayName: 'Intune enrollment every time', sessionControls: { signInFrequency: { isEnabled: true, frequencyInterval: 'everyTime', authenticationType: 'primaryAndSecondaryAuthentication' } } }, {
    applications: { includeApplications: ['d4ebce55-015a-49b5-a083-c84d1797ae8c'] }, locations: null,
  }),
);

describe('round trip on fixtures', () => {
  test('every policy and location comes back equal; adopted ids and in-module location references resolve', () => {
    const { exported, imported, code } = roundTrip(everything, { adopt: true });
    expect([...imported.namedLocations, ...imported.policies].map((o) => o.status)).toEqual(Array(8).fill(ImportStatus.CONVERTED));
    expect(exported.compareWith(everything)).toEqual([]);
    expect(exported.references.map((r) => r.value)).toEqual([]);
    expect(exported.policies.map((p) => p.id)).toEqual(everything.value.slice(2).map((p: any) => p.id));
    // in-module references: the policy names the construct, not the id
    expect(code).toContain('includeLocations: [this.allowedCountries],');
    expect(code).toContain('excludeLocations: [this.officeEgress],');
  });

  test('a PowerShell SDK export in UTF-16 with a BOM round-trips', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'round-trip-'));
    fs.writeFileSync(path.join(dir, 'ps.json'), utf16le(JSON.stringify(pascal(list(ipLocation(), policy())))));
    // adopted, so the policy's reference to the in-module location resolves to the location's id
    const imported = GraphImport.fromFiles([dir], { adopt: true });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(imported.exitCode).toBe(0);
    const { stack } = instantiate(imported.toTypeScript());
    expect(GraphExport.fromStack(stack).compareWith(list(ipLocation(), policy()))).toEqual([]);
  });

  test('placeholders round-trip through their FILL_IN values', () => {
    const template = policy({ id: undefined }, { users: { includeUsers: [], includeGroups: ['<AdministratorGroup>'], excludeGroups: ['xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'] }, locations: null });
    const { exported, imported } = roundTrip(template);
    // each placeholder became its own FILL_IN value, one for one: the template with the values in place comes back
    const values = new Map(imported.fillIns.map((f) => [f.original, f.value]));
    expect(new Set(values.values()).size).toBe(2);
    const filled = JSON.parse(JSON.stringify(template), (_k, v) => (typeof v === 'string' ? values.get(v) ?? v : v));
    expect(exported.compareWith(filled)).toEqual([]);
  });
});

describe('round trip on random policies', () => {
  const guid = fc.uuid().map((u) => u.toLowerCase());
  const subset = <T>(values: T[]) => fc.subarray(values, { minLength: 1 });
  const users = fc.oneof(
    fc.record({ includeUsers: fc.constant(['All']), excludeGroups: fc.array(guid, { maxLength: 3 }), excludeUsers: fc.subarray(['GuestsOrExternalUsers']) }),
    fc.record({ includeUsers: fc.array(guid, { minLength: 1, maxLength: 2 }), includeGroups: fc.array(guid, { maxLength: 2 }), includeRoles: fc.subarray(['62e90394-69f5-4237-9190-012177145e10', 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', '11648597-926c-4cf3-9c36-bcebb0ba8dcc']) }),
    fc.record({ includeUsers: fc.constant(['GuestsOrExternalUsers']), excludeRoles: fc.subarray(['194ae4cb-b126-40b2-bd5b-6091b380977d']) }),
  );
  const grant = fc.oneof(
    fc.constant({ operator: 'OR', builtInControls: ['block'] }),
    fc.record({ operator: fc.constantFrom('AND', 'OR'), builtInControls: subset(['mfa', 'compliantDevice', 'domainJoinedDevice', 'approvedApplication', 'compliantApplication']) }),
    fc.record({ operator: fc.constantFrom('AND', 'OR'), builtInControls: fc.subarray(['compliantDevice']), authenticationStrength: fc.constantFrom({ id: '00000000-0000-0000-0000-000000000002' }, { id: CUSTOM_STRENGTH }) }),
  );
  const onePolicy = fc.record({
    displayName: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '' && !/[$%]\{/.test(s)),
    state: fc.constantFrom('enabled', 'disabled', 'enabledForReportingButNotEnforced'),
    users,
    clientAppTypes: fc.oneof(fc.constant(['all']), subset(['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other'])),
    apps: fc.oneof(fc.constant({ includeApplications: ['All'] }), fc.record({ includeApplications: fc.array(fc.oneof(guid, fc.constantFrom('Office365', 'MicrosoftAdminPortals')), { minLength: 1, maxLength: 3 }) })),
    locations: fc.option(fc.record({ includeLocations: fc.constantFrom(['All'], ['AllTrusted'], [LOCATION_OFFICE]), excludeLocations: fc.constantFrom([], ['AllTrusted']) }), { nil: null }),
    signInRiskLevels: fc.subarray(['low', 'medium', 'high']),
    grant,
  });

  test('import → synth → export → compare finds no difference', () => {
    fc.assert(fc.property(fc.array(onePolicy, { minLength: 1, maxLength: 6 }), (specs) => {
      const input = list(ipLocation(), ...specs.map((s, i) => policy({
        id: `7d25d3e4-c129-4dad-b176-${String(i).padStart(12, '0')}`,
        displayName: `${i} ${s.displayName}`,
        state: s.state,
        grantControls: s.grant,
      }, {
        users: s.users, clientAppTypes: s.clientAppTypes, applications: { ...s.apps, excludeApplications: [] }, locations: s.locations, signInRiskLevels: s.signInRiskLevels,
      })));
      const { exported, imported } = roundTrip(input, { adopt: true });
      const notConverted = imported.policies.filter((p) => p.status === ImportStatus.NOT_CONVERTED);
      // the library rejects what Graph or provider 3.7.0 rejects (reported as such): compare the rest
      const expected = { value: input.value.filter((_x, i) => i === 0 || imported.policies[i - 1].status !== ImportStatus.NOT_CONVERTED) };
      expect(notConverted.every((p) => p.findings.some((f) => f.kind === 'rejected'))).toBe(true);
      expect(exported.compareWith(expected)).toEqual([]);
    }), { numRuns: 12 });
  });
});
