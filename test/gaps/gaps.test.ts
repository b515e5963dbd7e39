// Gap analysis: requirements, classes, merged gaps in portal words, the CLI command and the jest matcher.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkSoundAndComplete, CheckCounts } from './helpers';
import { WhatIf } from '../../src/analysis';
import { runCli } from '../../src/cli/run';
import { GapRequirement, GapUsers } from '../../src/gaps';
import { GraphImport } from '../../src/graph/graph-import';
import { setupWhatIfMatchers } from '../../src/testing';
import { WhatIfAccess } from '../../src/what-if';

setupWhatIfMatchers();

type Json = { [key: string]: any };
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'what-if', 'recipes');
const recipes = WhatIf.fromFile(FIXTURE);

const policy = (patch: Json): Json => ({
  display_name: 'P',
  state: 'enabled',
  ...patch,
  conditions: { client_app_types: ['all'], applications: { included_applications: ['All'] }, users: { included_users: ['All'] }, ...patch.conditions },
  grant_controls: patch.grant_controls ?? { operator: 'OR', built_in_controls: ['mfa'] },
});
const stack = (policies: Json, extra: Json = {}) =>
  WhatIf.fromStackJson(
    JSON.stringify({
      resource: {
        azuread_named_location: { hq: { display_name: 'HQ', ip: { ip_ranges: ['203.0.113.0/24'], trusted: true } } },
        azuread_group: { admins: { display_name: 'Admins' } },
        azuread_conditional_access_policy: policies,
        ...extra,
      },
    }),
  );

describe('requirements', () => {
  test.each([
    ['mfa', 'mfa', 'MFA'],
    ['MFA', 'mfa', 'MFA'],
    ['block', 'block', 'a block'],
    ['compliantDevice', 'compliantDevice', 'a compliant device'],
    ['strength:Phishing-resistant MFA', 'strength:Phishing-resistant MFA', "authentication strength 'Phishing-resistant MFA'"],
    ['termsOfUse:abc', 'termsOfUse:abc', 'terms of use abc'],
  ])('%s', (text, value, label) => {
    expect(GapRequirement.parse(text)).toMatchObject({ value, label });
  });

  test('an unknown requirement names the accepted forms', () => {
    expect(() => GapRequirement.parse('mfaa')).toThrow(
      "'mfaa' is not a requirement; use one of mfa, block, compliantDevice, domainJoinedDevice, approvedApplication, compliantApplication, passwordChange, strength:<id or name> or termsOfUse:<id>",
    );
  });

  test('a block meets every requirement; an OR of controls meets one only when each of them does', () => {
    const w = stack({
      either: policy({ grant_controls: { operator: 'OR', built_in_controls: ['mfa', 'compliantDevice'] } }),
    });
    expect(w.findGaps({ require: GapRequirement.MFA }).gaps.map((g) => g.outcome)).toEqual(['requires (mfa OR compliantDevice), not MFA']);
    const both = stack({ both: policy({ grant_controls: { operator: 'AND', built_in_controls: ['mfa', 'compliantDevice'] } }) });
    expect(both.findGaps({ require: GapRequirement.MFA }).gaps).toEqual([]);
    expect(both.findGaps({ require: GapRequirement.COMPLIANT_DEVICE }).gaps).toEqual([]);
    const blocked = stack({ b: policy({ grant_controls: { operator: 'OR', built_in_controls: ['block'] } }) });
    expect(blocked.findGaps({ require: GapRequirement.MFA }).gaps).toEqual([]);
  });

  test('an authentication strength whose combinations are all multifactor meets MFA; a weaker one does not', () => {
    const phishingResistant = '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004';
    const w = stack({ s: policy({ grant_controls: { operator: 'OR', authentication_strength_policy_id: phishingResistant } }) });
    expect(w.findGaps({ require: GapRequirement.MFA }).gaps).toEqual([]);
    expect(w.findGaps({ require: GapRequirement.strength('Phishing-resistant MFA') }).gaps).toEqual([]);
    expect(w.findGaps({ require: GapRequirement.strength('00000000-0000-0000-0000-000000000002') }).gaps).toEqual([]);
    const weak = stack(
      { s: policy({ grant_controls: { operator: 'OR', authentication_strength_policy_id: '${azuread_authentication_strength_policy.weak.id}' } }) },
      { azuread_authentication_strength_policy: { weak: { display_name: 'Password or SMS', allowed_combinations: ['password', 'sms'] } } },
    );
    expect(weak.findGaps({ require: GapRequirement.MFA }).gaps.map((g) => g.outcome)).toEqual(["requires strength 'Password or SMS', not MFA"]);
  });
});

describe('gaps in portal words', () => {
  test('the recipes fixture: emergency accounts, trusted locations, unprotected resources', () => {
    const report = recipes.findGaps({ require: GapRequirement.MFA });
    expect(report).toMatchObject({ requirement: 'mfa', users: 'all', reportOnly: false });
    expect(report.classes).toBeGreaterThan(5);
    expect(report.gaps.map((g) => `${g.description} → ${g.outcome}`)).toEqual([
      'anyone · Register or join devices or any other app → allowed without MFA',
      'anyone · Register security information · user Break glass → allowed without MFA',
      // escaped by the policy's excluded group, or by its location condition: one gap (2 classes, listed first)
      'members · Register security information · users other than Break glass · in group Emergency access accounts, or in a trusted location (HQ) → allowed without MFA',
      'guests and external users · Register security information · users other than Break glass · in a trusted location (HQ) → allowed without MFA',
    ]);
    // every gap carries a sign-in that What-If replays to the same outcome
    for (const g of report.gaps) expect(recipes.evaluate(g.signIn).outcome.access).toBe(WhatIfAccess.ALLOWED);
  });

  test('guests only, and report-only policies', () => {
    expect(recipes.findGaps({ require: GapRequirement.BLOCK, users: GapUsers.GUESTS }).gaps.map((g) => g.description)).toEqual([
      'guests and external users · Register or join devices or any other app',
      'guests and external users · Register security information · user Break glass',
      'guests and external users · Register security information · users other than Break glass · in a trusted location (HQ)',
    ]);
    const json = fs.readFileSync(path.join(FIXTURE, 'cdk.tf.json'), 'utf8').replace(/"state": "enabled"/g, '"state": "enabledForReportingButNotEnforced"');
    const pilot = WhatIf.fromStackJson(json);
    expect(pilot.findGaps({ require: GapRequirement.MFA }).gaps).toEqual([
      expect.objectContaining({ description: 'anyone · any resource', outcome: 'allowed without MFA' }),
    ]);
    expect(pilot.findGaps({ require: GapRequirement.MFA, reportOnly: true }).gaps).toHaveLength(4);
  });

  test('exclusions made on purpose are listed apart: declared emergency-access accounts, the Directory Synchronization Accounts role', () => {
    const dirSync = 'd29b2b05-8046-44ba-8758-1e26182fcf32';
    const w = stack(
      {
        mfa: {
          ...policy({
            display_name: 'MFA for everyone',
            conditions: { users: { included_users: ['All'], excluded_groups: ['${azuread_group.breakglass.object_id}', '${azuread_group.contractors.object_id}'], excluded_roles: [dirSync] } },
          }),
          // what the library writes for EmergencyAccess.of(scope).exclude(...)
          '//': { emergencyAccess: { users: [], groups: ['${azuread_group.breakglass.object_id}'] } },
        },
      },
      { azuread_group: { breakglass: { display_name: 'Break glass' }, contractors: { display_name: 'Contractors' } } },
    );
    const report = w.findGaps({ require: GapRequirement.MFA, users: GapUsers.MEMBERS });
    // the contractors are a hole; the break-glass group and the sync role are deliberate
    expect(report.gaps.map((g) => g.description)).toEqual([expect.stringContaining('in group Contractors')]);
    expect(report.excludedOnPurpose.map((g) => [g.description, g.onPurpose])).toEqual(expect.arrayContaining([
      [expect.stringContaining('in group Break glass'), 'in group Break glass: the emergency-access accounts (EmergencyAccess)'],
      [expect.stringContaining('with role Directory Synchronization Accounts'), 'with role Directory Synchronization Accounts: the Directory Synchronization Accounts role, which the templates exclude'],
    ]));
    expect(report.excludedOnPurpose).toHaveLength(2);
    for (const g of [...report.gaps, ...report.excludedOnPurpose]) expect(w.evaluate(g.signIn).outcome.access).toBe(WhatIfAccess.ALLOWED);
    // the CLI lists them apart, and they alone do not fail the run
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaps-purpose-'));
    const file = path.join(dir, 'cdk.tf.json');
    fs.writeFileSync(file, JSON.stringify({
      resource: {
        azuread_group: { breakglass: { display_name: 'Break glass' } },
        azuread_conditional_access_policy: {
          mfa: {
            ...policy({ conditions: { users: { included_users: ['All'], excluded_groups: ['${azuread_group.breakglass.object_id}'] } } }),
            '//': { emergencyAccess: { users: [], groups: ['${azuread_group.breakglass.object_id}'] } },
          },
        },
      },
    }));
    const r = runCli(['gaps', file, '--require', 'mfa', '--users', 'members']);
    expect(r.stdout).toMatch(/^No gaps: every sign-in faces mfa or is excluded on purpose /);
    expect(r.stdout).toMatch(/Excluded on purpose \(1\):\n\nmembers · any resource\n {2}G-[0-9a-f]{8} {2}in group Break glass → allowed without MFA \(in group Break glass: the emergency-access accounts \(EmergencyAccess\)\)/);
    expect(r.exitCode).toBe(0);
  });

  test('a policy excluding several groups is one gap "in group A, B or C", not one per group', () => {
    const excluded = ['a', 'b', 'c'].map((g) => `\${azuread_group.${g}.object_id}`);
    const w = stack(
      { mfa: policy({ display_name: 'MFA', conditions: { users: { included_users: ['All'], excluded_groups: excluded } } }) },
      { azuread_group: { a: { display_name: 'A' }, b: { display_name: 'B' }, c: { display_name: 'C' } } },
    );
    const report = w.findGaps({ require: GapRequirement.MFA, users: GapUsers.MEMBERS });
    expect(report.gaps.map((g) => `${g.description} → ${g.outcome}`)).toEqual(['members · any resource · in group A, B or C → allowed without MFA']);
    expect(report.gaps[0].classes).toBeGreaterThanOrEqual(3);
    // exact: a member of C alone misses MFA, a member of none gets it
    const member = (memberOf: string[]) => ({ ...report.gaps[0].signIn, directory: { memberOf, roles: [] } });
    expect(w.evaluate(member(['azuread_group.c'])).outcome.access).toBe(WhatIfAccess.ALLOWED);
    expect(w.evaluate(member([])).outcome.access).toBe(WhatIfAccess.REQUIRES_CONTROLS);
    // a second policy that tells B apart keeps B's sign-ins out of the merged gap
    const w2 = stack(
      {
        mfa: policy({ display_name: 'MFA', conditions: { users: { included_users: ['All'], excluded_groups: excluded } } }),
        b: policy({ display_name: 'MFA for B', conditions: { users: { included_groups: [excluded[1]] } } }),
      },
      { azuread_group: { a: { display_name: 'A' }, b: { display_name: 'B' }, c: { display_name: 'C' } } },
    );
    const descriptions = w2.findGaps({ require: GapRequirement.MFA, users: GapUsers.MEMBERS }).gaps.map((g) => g.description);
    expect(descriptions.join('\n')).not.toMatch(/in group A, B or C/);
    const counts: CheckCounts = { gaps: 0, classes: 0, failingSignIns: 0, passingSignIns: 0 };
    const signIns = [[], ['azuread_group.a'], ['azuread_group.b'], ['azuread_group.c'], ['azuread_group.a', 'azuread_group.b']].map(member);
    checkSoundAndComplete(w2, GapRequirement.MFA, GapUsers.MEMBERS, signIns, counts);
    expect([counts.failingSignIns, counts.passingSignIns]).toEqual([2, 3]);
  });

  test('the countries of one allow-list are one region, and a location a Graph export names by object id is the one it holds', () => {
    // block outside the allowed countries, as a tenant export has it: the policy names the location by its object id
    const imported = GraphImport.fromJson([
      { '@odata.type': '#microsoft.graph.countryNamedLocation', 'id': '185c993e-10a9-44fa-98d1-230c8f72f497', 'displayName': 'Allowed', 'countriesAndRegions': ['FR', 'DE', 'NL', 'BE'], 'includeUnknownCountriesAndRegions': false },
      {
        displayName: 'Block outside allowed countries',
        state: 'enabled',
        conditions: {
          users: { includeUsers: ['All'] },
          applications: { includeApplications: ['All'] },
          clientAppTypes: ['all'],
          locations: { includeLocations: ['All'], excludeLocations: ['185c993e-10a9-44fa-98d1-230c8f72f497'] },
        },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      },
    ]);
    const w = WhatIf.fromModel(imported.model);
    const report = w.findGaps({ require: GapRequirement.BLOCK, users: GapUsers.MEMBERS });
    expect(report.gaps.map((g) => g.description)).toEqual(['members · any resource · in Allowed (4 countries)']);
    expect(report.gaps[0].access).toBe(WhatIfAccess.ALLOWED);
    expect(w.evaluate({ ...report.gaps[0].signIn, signInConditions: { ...report.gaps[0].signIn.signInConditions, country: 'US' } }).outcome.access).toBe(WhatIfAccess.BLOCKED);
  });

  test('a budget too small stops the analysis with what it did not finish; the CLI exits 2', () => {
    // many groups excluded from one policy each, and client apps: more classes than a millisecond explores
    const policies: Json = {};
    for (let i = 0; i < 40; i++) {
      policies[`p${i}`] = policy({
        display_name: `P${i}`,
        conditions: { users: { included_users: ['All'], excluded_groups: [`0000000${i % 10}-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`] }, client_app_types: [['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other'][i % 4]] },
      });
    }
    const w = stack(policies);
    const report = w.findGaps({ require: GapRequirement.MFA, maxSeconds: 0.001 });
    expect(report.complete).toBe(false);
    expect(report.incomplete).toMatch(/^stopped after 0\.0 s \(maxSeconds\) before finishing \d+ of the kinds of user × resources: .*The gaps listed are real; others may exist there\./);
    expect(w.findGaps({ require: GapRequirement.MFA, maxSeconds: 60 }).complete).toBe(true);
    expect(() => w.findGaps({ require: GapRequirement.MFA, maxSeconds: 0 })).toThrow('maxSeconds: 0 is not a positive number of seconds');
    const r = runCli(['gaps', FIXTURE, '--require', 'mfa', '--max-seconds', '0.000001']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toMatch(/^INCOMPLETE: stopped after /);
    expect(r.stderr).toMatch(/^gaps: stopped after /);
    expect(runCli(['gaps', FIXTURE, '--require', 'mfa', '--max-seconds', 'soon'])).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("--max-seconds: 'soon' is not a positive number of seconds") });
  });

  test('--help says what --report-only decides over', () => {
    const help = runCli(['gaps', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('--report-only decide over the enabled and the report-only policies together, as if the report-only ones were on');
  });

  test('--report-only decides over the enabled and the report-only policies together, as if all were on', () => {
    // on: MFA for members; report-only: MFA for guests. Today guests miss MFA; once the pilot is on, nobody does.
    const w = stack({
      members: policy({ display_name: 'Members', conditions: { users: { included_users: ['All'], excluded_users: ['GuestsOrExternalUsers'] } } }),
      guests: policy({ display_name: 'Guests', state: 'enabledForReportingButNotEnforced', conditions: { users: { included_users: ['GuestsOrExternalUsers'] } } }),
    });
    expect(w.findGaps({ require: GapRequirement.MFA }).gaps.map((g) => g.description)).toEqual([expect.stringMatching(/^guests and external users/)]);
    expect(w.findGaps({ require: GapRequirement.MFA, reportOnly: true }).gaps).toEqual([]);
  });

  test('a value known only at apply time is an undetermined gap, never covered', () => {
    const w = stack(
      { p: policy({ conditions: { users: { included_groups: ['${data.azuread_group.lookup.object_id}'] } } }) },
    );
    const gaps = w.findGaps({ require: GapRequirement.MFA, users: GapUsers.MEMBERS }).gaps;
    expect(gaps.map((g) => [g.access, g.outcome])).toContainEqual([WhatIfAccess.UNDETERMINED, 'undetermined: P might apply (depends on values known only at apply time)']);
  });

  test('a class no policy meeting the requirement applies to is not split on the others: one gap, its example outcome, never covered', () => {
    // MFA for Admins; a compliant device for everyone but Contractors (cannot meet MFA: only a varying extra)
    const w = stack(
      {
        mfa: policy({ display_name: 'MFA for admins', conditions: { users: { included_groups: ['${azuread_group.admins.object_id}'] } } }),
        device: policy({
          display_name: 'Compliant device',
          conditions: { users: { included_users: ['All'], excluded_groups: ['${azuread_group.contractors.object_id}'] } },
          grant_controls: { operator: 'OR', built_in_controls: ['compliantDevice'] },
        }),
      },
      { azuread_group: { admins: { display_name: 'Admins' }, contractors: { display_name: 'Contractors' } } },
    );
    const report = w.findGaps({ require: GapRequirement.MFA, users: GapUsers.MEMBERS });
    expect(report.gaps.map((g) => `${g.description} → ${g.outcome}`)).toEqual([
      'members · any resource · unless MFA for admins applies → requires compliantDevice, not MFA for the example sign-in; other sign-ins of this group may face other controls, never MFA',
    ]);
    expect(report.gaps[0].unless).toEqual(['azuread_conditional_access_policy.mfa']);
    // the example replays to what the gap says; a Contractor of the same class is allowed, and misses MFA as well
    expect(w.evaluate(report.gaps[0].signIn).outcome.access).toBe(WhatIfAccess.REQUIRES_CONTROLS);
    const contractor = { ...report.gaps[0].signIn, directory: { memberOf: ['azuread_group.contractors'], roles: [] } };
    expect(w.evaluate(contractor).outcome.access).toBe(WhatIfAccess.ALLOWED);
    // every class is still reported without a requirement: there the device policy splits the members
    expect(w.signInClasses({ users: GapUsers.MEMBERS }).map((c) => c.description)).toEqual(
      expect.arrayContaining([expect.stringContaining('in group Contractors'), expect.stringContaining('not in group Contractors')]),
    );
  });

  test('a policy that cannot meet the requirement and is undetermined leaves the class met (found by the random-stack test)', () => {
    // A compliant device for Admins; an authentication strength for Exchange ActiveSync on supported platforms, which
    // an EAS sign-in without its platform's support status leaves undetermined. The strength cannot meet "compliant
    // device", so an Admin's EAS sign-in still meets it: no gap, although its access is undetermined.
    const w = stack({
      device: policy({
        display_name: 'Compliant device for admins',
        conditions: { users: { included_groups: ['${azuread_group.admins.object_id}'] } },
        grant_controls: { operator: 'OR', built_in_controls: ['compliantDevice'] },
      }),
      strength: policy({
        display_name: 'Strength for EAS',
        conditions: { client_app_types: ['easSupported'], applications: { included_applications: ['Office365'] } },
        grant_controls: { operator: 'OR', authentication_strength_policy_id: '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004' },
      }),
    });
    const admin = {
      signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', 'userId': '9a9a9a9a-0000-4000-8000-000000000002', 'externalUserType': 'none' },
      signInContext: { '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': ['00000002-0000-0ff1-ce00-000000000000'] },
      signInConditions: { ipAddress: '198.51.100.7', clientAppType: 'exchangeActiveSync', devicePlatform: 'android' },
      directory: { memberOf: ['azuread_group.admins'], roles: [] },
    };
    const outcome = w.evaluate(admin).outcome;
    expect(outcome.access).toBe(WhatIfAccess.UNDETERMINED);
    expect(outcome.requirements.map((r) => r.builtInControls)).toEqual([['compliantDevice']]);
    const gaps = w.findGaps({ require: GapRequirement.COMPLIANT_DEVICE, users: GapUsers.MEMBERS }).gaps;
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) expect(g.description).toMatch(/ · unless Compliant device for admins applies$/);
    const counts: CheckCounts = { gaps: 0, classes: 0, failingSignIns: 0, passingSignIns: 0 };
    checkSoundAndComplete(w, GapRequirement.COMPLIANT_DEVICE, GapUsers.MEMBERS, [admin], counts);
    expect(counts.passingSignIns).toBe(1);
  });

  test('a group of values formed by the policies that can meet the requirement is exact only if the others cannot tell its values apart (found by the random-stack test)', () => {
    // Block guests in France; block guests on mobile apps and desktop clients; an authentication strength (which
    // cannot meet "block") for guests on other clients. "Client apps other than mobile apps" was formed by the two
    // blocks, but the strength tells Other clients from browsers: that gap is inexact, said so, and never covered.
    const w = stack(
      {
        france: policy({
          display_name: 'Block guests in France',
          conditions: { users: { included_users: ['GuestsOrExternalUsers'] }, locations: { included_locations: ['${azuread_named_location.france.object_id}'] } },
          grant_controls: { operator: 'OR', built_in_controls: ['block'] },
        }),
        mobile: policy({
          display_name: 'Block guests on mobile apps',
          conditions: { users: { included_users: ['GuestsOrExternalUsers'] }, client_app_types: ['mobileAppsAndDesktopClients'] },
          grant_controls: { operator: 'OR', built_in_controls: ['block'] },
        }),
        other: policy({
          display_name: 'Strength for other clients',
          conditions: { users: { included_users: ['GuestsOrExternalUsers'] }, client_app_types: ['other'] },
          grant_controls: { operator: 'OR', authentication_strength_policy_id: '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004' },
        }),
      },
      { azuread_named_location: { france: { display_name: 'France', country: { countries_and_regions: ['FR'] } } } },
    );
    const report = w.findGaps({ require: GapRequirement.BLOCK, users: GapUsers.GUESTS });
    // the two blocks are narrow (the ordinary guest is in neither France nor on a mobile app): they are the gap's exceptions
    const gap = report.gaps.find((g) => g.description.endsWith('unless one of Block guests in France, Block guests on mobile apps applies'));
    expect(gap?.outcome).toBe('allowed, not blocked for the example sign-in; other sign-ins of this group may face other controls, never a block');
    const guest = (clientAppType: string) => ({
      ...gap!.signIn,
      signInConditions: { ...gap!.signIn.signInConditions, clientAppType },
    });
    expect(w.evaluate(guest('browser')).outcome.access).toBe(WhatIfAccess.ALLOWED);
    expect(w.evaluate(guest('other')).outcome.access).toBe(WhatIfAccess.REQUIRES_CONTROLS);
    const counts: CheckCounts = { gaps: 0, classes: 0, failingSignIns: 0, passingSignIns: 0 };
    checkSoundAndComplete(w, GapRequirement.BLOCK, GapUsers.GUESTS, [guest('browser'), guest('other')], counts);
    expect(counts.failingSignIns).toBe(2);
  });

  test.each<[string, Json, Json, (signIn: Json, inside: boolean) => Json]>([
    [
      'an IP region formed by the MFA policy\'s location, cut by another policy\'s location',
      { locations: { included_locations: ['All'], excluded_locations: ['${azuread_named_location.hq.object_id}'] } },
      { locations: { included_locations: ['${azuread_named_location.branch.object_id}'] } },
      // the gap is inside HQ; Branch is the upper half of HQ
      (signIn, inside) => ({ ...signIn, signInConditions: { ...signIn.signInConditions, ipAddress: inside ? '203.0.113.200' : '203.0.113.7' } }),
    ],
    [
      'a device group formed by the MFA policy\'s filter, told apart by another policy\'s filter',
      // MFA on iOS devices only: the gap is every other device, and the other policy tells Windows apart
      { devices: { filter: { mode: 'include', rule: 'device.operatingSystem -eq "iOS"' } } },
      { devices: { filter: { mode: 'include', rule: 'device.operatingSystem -eq "Windows"' } } },
      (signIn, inside) => ({ ...signIn, signInConditions: { ...signIn.signInConditions, deviceInfo: { ...signIn.signInConditions.deviceInfo, operatingSystem: inside ? 'Windows' : 'Android' } } }),
    ],
  ])('%s: the gap is inexact', (_, mfaConditions, deviceConditions, vary) => {
    const w = stack(
      {
        mfa: policy({ display_name: 'MFA', conditions: mfaConditions }),
        device: policy({ display_name: 'Compliant device', conditions: deviceConditions, grant_controls: { operator: 'OR', built_in_controls: ['compliantDevice'] } }),
      },
      {
        azuread_named_location: {
          hq: { display_name: 'HQ', ip: { ip_ranges: ['203.0.113.0/24'], trusted: true } },
          branch: { display_name: 'Branch', ip: { ip_ranges: ['203.0.113.128/25'], trusted: false } },
        },
      },
    );
    const gaps = w.findGaps({ require: GapRequirement.MFA, users: GapUsers.MEMBERS }).gaps;
    expect(gaps).toHaveLength(1);
    expect(gaps[0].outcome).toMatch(/for the example sign-in; other sign-ins of this group may face other controls, never MFA$/);
    // both kinds of sign-in are in the gap, and they fare differently
    const inside = vary(gaps[0].signIn, true);
    const outside = vary(gaps[0].signIn, false);
    expect([w.evaluate(inside).outcome.access, w.evaluate(outside).outcome.access]).toEqual([WhatIfAccess.REQUIRES_CONTROLS, WhatIfAccess.ALLOWED]);
    const counts: CheckCounts = { gaps: 0, classes: 0, failingSignIns: 0, passingSignIns: 0 };
    checkSoundAndComplete(w, GapRequirement.MFA, GapUsers.MEMBERS, [inside, outside], counts);
    expect(counts.failingSignIns).toBe(2);
  });

  test('a group the other policies treat alike keeps the gap exact', () => {
    // MFA outside HQ; a compliant device inside HQ: the gap (inside HQ) is one exact outcome for all of it
    const w = stack({
      mfa: policy({ display_name: 'MFA', conditions: { locations: { included_locations: ['All'], excluded_locations: ['${azuread_named_location.hq.object_id}'] } } }),
      device: policy({
        display_name: 'Compliant device',
        conditions: { locations: { included_locations: ['${azuread_named_location.hq.object_id}'] } },
        grant_controls: { operator: 'OR', built_in_controls: ['compliantDevice'] },
      }),
    });
    const gaps = w.findGaps({ require: GapRequirement.MFA, users: GapUsers.MEMBERS }).gaps;
    expect(gaps.map((g) => `${g.description} → ${g.outcome}`)).toEqual(['members · any resource · inside HQ → requires compliantDevice, not MFA']);
  });

  test('every class has a replayable sign-in with the class access', () => {
    const classes = recipes.signInClasses();
    expect(classes.length).toBeGreaterThan(5);
    for (const c of classes) expect(recipes.evaluate(c.signIn).outcome.access).toBe(c.access);
    expect(classes.map((c) => c.description)).toContain(
      'members · Register security information · users other than Break glass · not in group Emergency access accounts · outside trusted locations (HQ)',
    );
  });
});

describe('cdktf-entra-ca gaps', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-gaps-cli-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('lists the gaps and exits 1', () => {
    const r = runCli(['gaps', FIXTURE, '--require', 'mfa']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^4 gaps for --require mfa \(enabled policies, members and guests; \d+ sign-in classes\):$/);
    // grouped by who and which resource, one line per gap with its id
    expect(lines[2]).toBe('anyone · Register or join devices or any other app');
    expect(lines[3]).toMatch(/^ {2}G-[0-9a-f]{8} {2}→ allowed without MFA$/);
    // the example sign-ins come after the list, by id
    const id = lines[3].slice(2, 12);
    expect(lines.find((l) => l.startsWith(`${id}  {"signInIdentity":`))).toBeDefined();
    // the ids are stable: a second run gives the same ones
    expect(runCli(['gaps', FIXTURE, '--require', 'mfa']).stdout).toBe(r.stdout);
  });

  test('--json prints the gaps with sign-ins in the shape what-if --scenario reads', () => {
    const r = runCli(['gaps', FIXTURE, '--require', 'mfa', '--users', 'members', '--json']);
    expect(r.exitCode).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['requirement', 'users', 'reportOnly', 'complete', 'classes', 'gaps', 'excludedOnPurpose']);
    expect(json.complete).toBe(true);
    expect(Object.keys(json.gaps[0])).toEqual(['id', 'description', 'outcome', 'unless', 'policies', 'signIn']);
    const file = path.join(tmp, 'gap.json');
    fs.writeFileSync(file, JSON.stringify(json.gaps[0].signIn));
    const replay = runCli(['what-if', FIXTURE, '--scenario', file, '--json']);
    expect(replay.exitCode).toBe(0);
    expect(JSON.parse(replay.stdout).outcome.access).toBe('allowed');
  });

  test('no gaps exits 0', () => {
    const file = path.join(tmp, 'cdk.tf.json');
    fs.writeFileSync(file, JSON.stringify({ resource: { azuread_conditional_access_policy: { all: policy({}) } } }));
    expect(runCli(['gaps', file, '--require', 'mfa'])).toEqual({
      exitCode: 0,
      stdout: 'No gaps: every sign-in faces mfa (enabled policies, members and guests; 6 sign-in classes).\n',
      stderr: '',
    });
  });

  test('bad input exits 2', () => {
    expect(runCli(['gaps', FIXTURE, '--require', 'nope'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        "error: --require: 'nope' is not a requirement; use one of mfa, block, compliantDevice, domainJoinedDevice, approvedApplication, compliantApplication, passwordChange, strength:<id or name> or termsOfUse:<id>\n",
    });
    expect(runCli(['gaps', FIXTURE, '--require', 'mfa', '--users', 'admins']).stderr).toBe("error: --users: 'admins' is not one of members, guests, all, servicePrincipals\n");
    expect(runCli(['gaps', path.join(tmp, 'nowhere'), '--require', 'mfa']).exitCode).toBe(2);
    expect(runCli(['gaps', FIXTURE]).exitCode).toBe(2);
  });
});

describe('toHaveNoGaps', () => {
  test('passes when every sign-in faces the requirement, fails with the gap list', () => {
    const covered = stack({ all: policy({}) });
    expect(covered).toHaveNoGaps({ require: 'mfa', users: 'members' });
    expect(covered).toHaveNoGaps({ require: GapRequirement.MFA });
    expect(recipes).not.toHaveNoGaps({ require: 'mfa' });
    let message = '';
    try {
      expect(FIXTURE).toHaveNoGaps({ require: 'mfa', users: 'guests' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('Expected no gaps, but:');
    expect(message).toMatch(/guests and external users · Register or join devices or any other app\n {2}G-[0-9a-f]{8} {2}→ allowed without MFA/);
  });
});
