// GraphImport: Graph JSON → the model, findings per object with JSON paths, statuses and exit codes.
import {
  APP_A, CUSTOM_STRENGTH, GROUP_A, GROUP_BREAK_GLASS, LOCATION_COUNTRIES, LOCATION_OFFICE, POLICY_BLOCK, POLICY_MFA, USER_A,
  countryLocation, ipLocation, list, policy,
} from './fixtures';
import { GraphImport, ImportFinding, ImportFindingKind, ImportStatus, LossCategory } from '../../src';

const kinds = (findings: ImportFinding[]) => findings.map((f) => [f.kind, f.path]);

describe('conversion', () => {
  test('a v1.0 export converts as is: the model holds the policy as the provider sends it', () => {
    const r = GraphImport.fromJson(list(ipLocation(), policy()), 'tenant.json');
    expect(r.exitCode).toBe(0);
    expect(r.findings).toEqual([]);
    expect(r.namedLocations[0]).toMatchObject({ status: ImportStatus.CONVERTED, id: LOCATION_OFFICE, constructId: 'OfficeEgress' });
    expect(r.namedLocations[0].model).toMatchObject({ kind: 'ip', isTrusted: true, ipRanges: ['198.51.100.0/24', '2001:db8:1234::/48'] });
    const p = r.policies[0];
    expect(p).toMatchObject({ status: ImportStatus.CONVERTED, id: POLICY_MFA, source: 'tenant.json#1', constructId: 'RequireMfaOutsideTheOffice' });
    expect(p.model!.address).toBe('graph:tenant.json#1');
    expect(p.model!.conditions).toMatchObject({
      users: { includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'], excludeGroups: [GROUP_BREAK_GLASS] },
      applications: { includeApplications: ['All'], excludeApplications: [APP_A], includeUserActions: [] },
      locations: { includeLocations: ['All'], excludeLocations: [LOCATION_OFFICE] },
      clientAppTypes: ['browser', 'mobileAppsAndDesktopClients'],
    });
    expect(p.model!.grantControls).toEqual({ operator: 'OR', builtInControls: ['mfa'], termsOfUse: [], customAuthenticationFactors: [], authenticationStrength: undefined });
  });

  test('defaults Graph fills in: no clientAppTypes is all; a sign-in frequency gets its authentication type and interval', () => {
    const r = GraphImport.fromJson(policy({ grantControls: null, sessionControls: { signInFrequency: { value: 4, type: 'hours', isEnabled: true } } }, { clientAppTypes: [] }));
    const m = r.policies[0].model!;
    expect(m.conditions.clientAppTypes).toEqual(['all']);
    expect(m.sessionControls!.signInFrequency).toEqual({ isEnabled: true, type: 'hours', value: 4, authenticationType: 'primaryAndSecondaryAuthentication', frequencyInterval: 'timeBased' });
    expect(r.exitCode).toBe(0);
  });

  test('flags strings and arrays both read as lists; the strength id becomes the provider\'s full path', () => {
    const r = GraphImport.fromJson(policy({
      grantControls: { operator: 'OR', builtInControls: [], authenticationStrength: { id: CUSTOM_STRENGTH, displayName: 'Contoso TAP', allowedCombinations: ['fido2'] } },
    }, {
      authenticationFlows: { transferMethods: 'deviceCodeFlow,authenticationTransfer' },
      users: { includeGuestsOrExternalUsers: { guestOrExternalUserTypes: ['serviceProvider', 'internalGuest'], externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessEnumeratedExternalTenants', 'members': ['A0A0A0A0-0000-4000-8000-000000000001'] } } },
    }));
    const m = r.policies[0].model!;
    expect(m.conditions.transferMethods).toEqual(['deviceCodeFlow', 'authenticationTransfer']);
    // Graph's flag order, lower-case tenant ids, membership kind from @odata.type
    expect(m.conditions.users!.includeGuestsOrExternalUsers).toEqual({ guestOrExternalUserTypes: ['internalGuest', 'serviceProvider'], membershipKind: 'enumerated', members: ['a0a0a0a0-0000-4000-8000-000000000001'] });
    expect(m.grantControls!.authenticationStrength).toEqual({ id: `/policies/authenticationStrengthPolicies/${CUSTOM_STRENGTH}` });
  });

  test('a workload identity policy exported with users: null includes nobody (provider 3.7.0 needs a users block)', () => {
    const r = GraphImport.fromJson(policy({ grantControls: { operator: 'OR', builtInControls: ['block'] } }, {
      users: null, clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'], excludeServicePrincipals: [] }, locations: null,
    }));
    const p = r.policies[0];
    // users: null and includeUsers ['None'] are the same policy (the documented normal form): nothing to report
    expect(p.status).toBe(ImportStatus.CONVERTED);
    expect(p.findings).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.toTypeScript()).toContain('includeUsers: IncludedUsers.none(),\n      workloadIdentities: { allServicePrincipalsInMyTenant: true },');
  });

  test('an empty array where Graph has an object (scripted exports write "locations": []) is no condition, not an invalid policy', () => {
    const r = GraphImport.fromJson(policy({}, { locations: [], platforms: [] }));
    const p = r.policies[0];
    expect(p.status).toBe(ImportStatus.CONVERTED);
    expect(p.findings).toEqual([]);
    expect(p.model!.conditions.locations).toBeUndefined();
    expect(p.model!.conditions.platforms).toBeUndefined();
    // anything else that is not an object still is reported
    expect(kinds(GraphImport.fromJson(policy({}, { locations: ['All'] })).policies[0].findings)).toContainEqual([ImportFindingKind.INVALID, 'conditions.locations']);
  });
});

describe('what provider 3.7.0 cannot express', () => {
  test('a lost condition: the policy is not converted, the field is reported with its path and what is lost', () => {
    const r = GraphImport.fromJson(policy({}, { agents: { includeAgentUsers: ['All'], excludeAgentUsers: [] }, times: null, deviceStates: null }), 'agents.json');
    const p = r.policies[0];
    expect(p.status).toBe(ImportStatus.NOT_CONVERTED);
    expect(p.model).toBeUndefined();
    expect(p.findings[0]).toMatchObject({
      kind: ImportFindingKind.INEXPRESSIBLE,
      category: LossCategory.CONDITION,
      path: 'conditions.agents',
      value: '{"includeAgentUsers":["All"],"excludeAgentUsers":[]}',
      message: 'agent identities: agent users (beta): provider 3.7.0 cannot express it; without this condition the policy would apply to other sign-ins than the original',
    });
    expect(p.findings[1].message).toMatch(/^not converted: it would lose a condition .* pass --allow-broadened/);
    expect(r.exitCode).toBe(1);
    expect(r.toTypeScript()).toContain('// ---- Not converted (see the import report)\n    // "Require MFA outside the office" from agents.json:\n    //   - Lost condition: conditions.agents = ');
  });

  test('allowBroadened converts it and says so in the code', () => {
    const r = GraphImport.fromJson(policy({}, { times: { included: 'weekdays' } }), 'times.json', { allowBroadened: true });
    expect(r.policies[0].status).toBe(ImportStatus.CONVERTED_WITH_REPORTS);
    const code = r.toTypeScript();
    expect(code).toContain('// Converted without a condition provider 3.7.0 cannot express (--allow-broadened): it applies to other sign-ins than the original.');
    expect(code).toContain('// Lost condition: conditions.times = {"included":"weekdays"}: the times condition (beta): provider 3.7.0 cannot express it');
  });

  test('a lost control with another control left: converted, with a comment naming the control', () => {
    const r = GraphImport.fromJson(policy({ sessionControls: { continuousAccessEvaluation: { mode: 'strictLocation' }, secureSignInSession: { isEnabled: false } } }));
    const p = r.policies[0];
    expect(p.status).toBe(ImportStatus.CONVERTED_WITH_REPORTS);
    // a disabled control (isEnabled false) is not a loss
    expect(kinds(p.findings)).toEqual([[ImportFindingKind.INEXPRESSIBLE, 'sessionControls.continuousAccessEvaluation']]);
    expect(p.findings[0].category).toBe(LossCategory.CONTROL);
    expect(r.toTypeScript()).toContain('// Lost control: sessionControls.continuousAccessEvaluation = {"mode":"strictLocation"}: continuous access evaluation: provider 3.7.0 cannot express it');
  });

  test('no control left: not converted, whatever the options', () => {
    const r = GraphImport.fromJson(policy({ grantControls: { operator: 'OR', builtInControls: ['compliantNetwork'] } }), 'gsa.json', { allowBroadened: true });
    const p = r.policies[0];
    expect(p.status).toBe(ImportStatus.NOT_CONVERTED);
    expect(p.findings.map((f) => f.message)).toEqual([
      'require compliant network (Global Secure Access): provider 3.7.0 cannot express it; without it the policy would require other controls than the original',
      'not converted: no grant or session control provider 3.7.0 can express remains',
    ]);
    expect(p.findings[0]).toMatchObject({ path: 'grantControls.builtInControls', value: '"compliantNetwork"' });
  });

  test('a value the vocabulary knows but the provider rejects, and an unknown enum value', () => {
    const r = GraphImport.fromJson(list(
      policy({ displayName: 'risk', grantControls: { operator: 'AND', builtInControls: ['mfa', 'riskRemediation'] } }),
      policy({ displayName: 'chrome', id: POLICY_BLOCK }, { platforms: { includePlatforms: ['chromeOS'] } }),
    ));
    expect(r.policies[0].findings[0]).toMatchObject({ kind: ImportFindingKind.INEXPRESSIBLE, category: LossCategory.CONTROL, path: 'grantControls.builtInControls', value: '"riskRemediation"' });
    expect(r.policies[0].status).toBe(ImportStatus.CONVERTED_WITH_REPORTS);
    expect(r.policies[1].findings[0]).toMatchObject({ kind: ImportFindingKind.INVALID, category: LossCategory.CONDITION, path: 'conditions.platforms.includePlatforms', value: '"chromeOS"' });
    expect(r.policies[1].findings[0].message).toMatch(/^is not a device platform a policy takes \(provider 3\.7\.0 accepts 'all', 'android', 'iOS'/);
    expect(r.policies[1].status).toBe(ImportStatus.NOT_CONVERTED);
  });

  test('a compliant network location is not converted; a policy that excludes it names it by id', () => {
    const gsa = { '@odata.type': '#microsoft.graph.compliantNetworkNamedLocation', 'id': LOCATION_COUNTRIES, 'displayName': 'All Compliant Network locations', 'compliantNetworkType': 'allTenantCompliantNetworks', 'isTrusted': true };
    const r = GraphImport.fromJson(list(gsa, policy({}, { locations: { includeLocations: ['All'], excludeLocations: [LOCATION_COUNTRIES] } })));
    expect(r.namedLocations[0].status).toBe(ImportStatus.NOT_CONVERTED);
    expect(r.namedLocations[0].findings[0]).toMatchObject({ kind: ImportFindingKind.INEXPRESSIBLE, path: '@odata.type', category: LossCategory.PROPERTY });
    expect(r.policies[0].status).toBe(ImportStatus.CONVERTED);
    expect(r.toTypeScript()).toContain(`const location3e818fc0 = NamedLocation.fromObjectId(this, 'Location3e818fc0', '${LOCATION_COUNTRIES}'); // exists in the tenant; not part of the input`);
  });

  test('properties that are not Graph properties are reported, not imported', () => {
    const r = GraphImport.fromJson({ displayName: 'HQ', locationType: 'ipNamedLocation', isTrusted: true, note: 'replace me', ipRanges: [{ cidrAddress: '203.0.113.0/24', description: 'HQ' }] });
    expect(kinds(r.namedLocations[0].findings)).toEqual([[ImportFindingKind.NOT_GRAPH, 'note'], [ImportFindingKind.NOT_GRAPH, 'ipRanges[0].description']]);
    expect(r.namedLocations[0].status).toBe(ImportStatus.CONVERTED_WITH_REPORTS);
  });
});

describe('placeholders and names where ids belong', () => {
  const templ = policy({ grantControls: { operator: 'OR', termsOfUse: ['ToU'] } }, {
    users: { includeUsers: [], includeGroups: ['<AdministratorGroup>'], excludeGroups: ['xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', '<BreakGlassGroup>'], includeRoles: ['Global Administrator'] },
  });

  test('each is a FILL_IN entry reported where it is used; role names resolve to their ids', () => {
    const r = GraphImport.fromJson(templ, 'template.json');
    const p = r.policies[0];
    expect(p.status).toBe(ImportStatus.CONVERTED_WITH_REPORTS);
    expect(p.findings.filter((f) => f.kind === ImportFindingKind.PLACEHOLDER).map((f) => [f.path, f.fillIn])).toEqual([
      ['conditions.users.includeGroups[0]', 'ADMINISTRATOR_GROUP'],
      ['conditions.users.excludeGroups[0]', 'GROUP_1'],
      ['conditions.users.excludeGroups[1]', 'BREAK_GLASS_GROUP'],
      ['grantControls.termsOfUse[0]', 'TERMS_OF_USE_TO_U'],
    ]);
    expect(p.findings.find((f) => f.path === 'grantControls.termsOfUse[0]')!.message).toBe("is a display name or other text, not a terms of use agreement's id; fill in FILL_IN.TERMS_OF_USE_TO_U in the generated module");
    expect(p.findings.find((f) => f.kind === ImportFindingKind.NORMALISED)).toMatchObject({ path: 'conditions.users.includeRoles[0]', message: "is the name 'Global Administrator'; written as its id 62e90394-69f5-4237-9190-012177145e10" });
    expect(r.fillIns.map((f) => [f.name, f.original, f.usedBy.length])).toEqual([
      ['ADMINISTRATOR_GROUP', '<AdministratorGroup>', 1], ['GROUP_1', 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', 1], ['BREAK_GLASS_GROUP', '<BreakGlassGroup>', 1], ['TERMS_OF_USE_TO_U', 'ToU', 1],
    ]);
    expect(r.exitCode).toBe(1);
    const code = r.toTypeScript();
    expect(code).toContain("  ADMINISTRATOR_GROUP: '00000000-0000-0000-0000-f00000000001',");
    expect(code).toContain('groups: [Principal.fromObjectId(FILL_IN.ADMINISTRATOR_GROUP)]');
    expect(code).toContain('roles: [DirectoryRole.GLOBAL_ADMINISTRATOR]');
    expect(code).toContain('termsOfUse: [FILL_IN.TERMS_OF_USE_TO_U]');
  });
});

describe('normalised values', () => {
  test('CIDR ranges with host bits, IPv6 spelled out, duplicates, enum case: rewritten and reported, exit 0', () => {
    const r = GraphImport.fromJson(list(
      ipLocation({ ipRanges: [{ cidrAddress: '12.34.221.11/22' }, { cidrAddress: '2001:0DB8:0:0:0:0:0:0/63' }, { cidrAddress: '12.34.220.0/22' }] }),
      policy({}, { clientAppTypes: ['All'], platforms: { includePlatforms: ['IOS'] } }),
    ));
    expect(r.namedLocations[0].model!.ipRanges).toEqual(['12.34.220.0/22', '2001:db8::/63']);
    expect(r.namedLocations[0].findings.map((f) => f.message)).toEqual([
      "has host bits set; written as '12.34.220.0/22' (the same addresses; the library writes network addresses)",
      "is not in canonical form; written as '2001:db8::/63' (the same addresses; the library writes network addresses)",
      "is the same range as an earlier one ('12.34.220.0/22'); written once",
    ]);
    expect(r.policies[0].model!.conditions.clientAppTypes).toEqual(['all']);
    expect(r.policies[0].model!.conditions.platforms!.includePlatforms).toEqual(['iOS']);
    expect(r.exitCode).toBe(0);
  });
});

describe('the library\'s own checks', () => {
  test('a policy the constructs reject is not converted, with their message', () => {
    const r = GraphImport.fromJson(policy({ grantControls: { operator: 'OR', builtInControls: ['block', 'mfa'] } }));
    const p = r.policies[0];
    expect(p.status).toBe(ImportStatus.NOT_CONVERTED);
    expect(p.findings).toEqual([expect.objectContaining({ kind: ImportFindingKind.REJECTED, path: '' })]);
    expect(p.findings[0].message).toMatch(/^not converted: the library's constructs reject it: grant\.builtInControls\[0\]: 'block' cannot be combined with other controls/);
  });

  test('rule errors the tenant has are suppressed in the code with a reason, and reported', () => {
    const blockAll = policy({ id: POLICY_BLOCK, displayName: 'Block legacy', grantControls: { operator: 'OR', builtInControls: ['block'] } }, {
      users: { includeUsers: ['All'] }, locations: null, clientAppTypes: ['exchangeActiveSync', 'other'],
    });
    const r = GraphImport.fromJson(list(blockAll, policy({ id: USER_A, displayName: 'Block legacy' }, { users: { includeUsers: ['All'], excludeGroups: [GROUP_A] } })));
    expect(r.policies[0].findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^rule CA1 fails synth for it as imported \(policy 'Block legacy' is on and blocks All users without excluding emergency-access accounts\)/),
      expect.stringMatching(/^rule CA5 fails synth for it as imported \(display name 'Block legacy' is also used by graph:<json>#1\)/),
    ]);
    const code = r.toTypeScript();
    expect(code).toContain("RuleSuppressions.of(this.blockLegacy).add('CA1', 'imported as found in the tenant: policy \\'Block legacy\\' is on");
    expect(code).toContain("RuleSuppressions.of(this.blockLegacy2).add('CA5', 'imported as found in the tenant: ");
    expect(r.report()).toContain("lint errors suppressed in the generated module with the reason 'imported as found in the tenant' (rules CA1, CA5), so it synthesizes");
  });
});

describe('adopt', () => {
  test('each converted object with an id is imported from its Terraform id; without one, or twice, it is reported', () => {
    const r = GraphImport.fromJson(list(
      countryLocation(),
      policy(),
      policy({ id: undefined, displayName: 'No id' }),
      policy({ displayName: 'Same id' }),
    ), 'tenant.json', { adopt: true });
    expect(r.policies[0].findings).toEqual([]);
    expect(r.policies[1].findings).toEqual([expect.objectContaining({ kind: ImportFindingKind.ADOPT, path: 'id', message: 'has no id in the input; it cannot be adopted and deploying creates it' })]);
    expect(r.policies[2].findings).toEqual([expect.objectContaining({ kind: ImportFindingKind.ADOPT, message: 'has the same id as tenant.json#1; only that one is adopted, deploying creates this one' })]);
    const code = r.toTypeScript();
    expect(code).toContain(`this.allowedCountries.resource.importFrom('/identity/conditionalAccess/namedLocations/${LOCATION_COUNTRIES}');`);
    expect(code).toContain(`this.requireMfaOutsideTheOffice.resource.importFrom('/identity/conditionalAccess/policies/${POLICY_MFA}');`);
    expect(code.match(/importFrom\(/g)).toHaveLength(2);
  });
});

describe('unreadable input', () => {
  test('text that is not JSON: exit 2, nothing converted', () => {
    const r = GraphImport.fromText('{ not json', 'broken.json');
    expect(r.exitCode).toBe(2);
    expect(r.unreadable).toEqual([expect.objectContaining({ kind: ImportFindingKind.UNREADABLE, source: 'broken.json' })]);
    expect(r.unreadable[0].message).toMatch(/^is not valid JSON \(.*\); nothing of it is imported$/);
  });

  test('an object that is not a policy or location is a per-object report (exit 1), the rest converts', () => {
    const r = GraphImport.fromJson(list({ hello: 'world' }, { '@odata.type': '#microsoft.graph.authenticationStrengthPolicy', 'displayName': 'TAP', 'allowedCombinations': ['fido2'] }, policy()), 'mixed.json');
    expect(r.exitCode).toBe(1);
    expect(r.unreadable.map((f) => [f.source, f.message])).toEqual([
      ['mixed.json#0', 'is neither a Conditional Access policy nor a named location; it is not imported'],
      ['mixed.json#1', 'is an authentication strength policy; only policies and named locations are imported (policies keep requiring it by id: AuthenticationStrength.fromId)'],
    ]);
    expect(r.policies[0].status).toBe(ImportStatus.CONVERTED);
  });

  test('a policy without conditions or state is invalid, not a crash', () => {
    const r = GraphImport.fromJson({ displayName: 'broken', grantControls: { operator: 'OR', builtInControls: ['mfa'] } });
    expect(r.policies[0].status).toBe(ImportStatus.NOT_CONVERTED);
    expect(kinds(r.policies[0].findings).slice(0, 2)).toEqual([[ImportFindingKind.INVALID, 'state'], [ImportFindingKind.INVALID, 'conditions']]);
  });

  test('the report names every object and finding', () => {
    const r = GraphImport.fromJson(list(policy(), policy({ displayName: 'CAE only', id: POLICY_BLOCK, grantControls: null, sessionControls: { continuousAccessEvaluation: { mode: 'disabled' } } })), 'tenant.json');
    expect(r.report().split('\n')).toEqual([
      'converted     policy "Require MFA outside the office" (tenant.json#0)',
      'NOT converted policy "CAE only" (tenant.json#1)',
      '    inexpressible (control) sessionControls.continuousAccessEvaluation = {"mode":"disabled"}: continuous access evaluation: provider 3.7.0 cannot express it; without it the policy would require other controls than the original',
      '    inexpressible (object): not converted: no grant or session control provider 3.7.0 can express remains',
      '2 objects: 1 converted, 0 converted with reports, 1 not converted; 0 unreadable; 0 values to fill in',
      '',
    ]);
  });
});
