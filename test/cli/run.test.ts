// The cdktf-entra-ca command line, called in-process through runCli.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { WhatIf } from '../../src/analysis';
import { runCli } from '../../src/cli/run';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'what-if');
const STACK = path.join(FIXTURES, 'recipes');
const SCENARIOS = path.join(FIXTURES, 'recipes.scenarios.json');
const scenarios = JSON.parse(fs.readFileSync(SCENARIOS, 'utf8')).scenarios;
const memberSignIn = scenarios[0].signIn;

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-entra-ca-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Writes `content` (JSON unless a string) to a temporary file and returns its path. */
function file(name: string, content: unknown): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const run = (...argv: string[]) => runCli(argv, { cwd: tmp });

describe('what-if', () => {
  test('prints the table for one sign-in and exits 0', () => {
    const r = run('what-if', STACK, '--scenario', file('s.json', memberSignIn));
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(WhatIf.formatReport(WhatIf.fromFile(STACK).evaluate(memberSignIn)));
    expect(r.stdout).toContain('Outcome (enabled policies): requiresControls');
  });

  test('--json prints the report', () => {
    const r = run('what-if', STACK, '--scenario', file('s.json', memberSignIn), '--json');
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(WhatIf.fromFile(STACK).evaluate(memberSignIn));
  });

  test('a scenarios file evaluates every scenario, under its name', () => {
    const r = run('what-if', path.join(STACK, 'cdk.tf.json'), '--scenario', SCENARIOS);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.match(/^Scenario: .*$/gm)).toEqual(scenarios.map((s: any) => `Scenario: ${s.name}`));
    const json = JSON.parse(run('what-if', STACK, '--scenario', SCENARIOS, '--json').stdout);
    expect(json.map((x: any) => [x.name, x.report.outcome.access])).toEqual([
      ['member registers from an untrusted IP', 'requiresControls'],
      ['guest registers from an untrusted IP', 'blocked'],
      ['guest registers from HQ (IPv6)', 'allowed'],
      ['break-glass account registers from anywhere', 'allowed'],
    ]);
  });

  test('relative paths resolve against the working directory', () => {
    file('s.json', memberSignIn);
    expect(run('what-if', path.relative(tmp, STACK), '--scenario', 's.json').exitCode).toBe(0);
  });

  test('an invalid sign-in exits 2 and names the file and the field', () => {
    const s = file('bad.json', { ...memberSignIn, signInConditions: { ipAddress: '999.1.1.1' } });
    const r = run('what-if', STACK, '--scenario', s);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: ${s}: signInConditions.ipAddress: '999.1.1.1' is not an IPv4 or IPv6 address; use a dotted IPv4 address such as 198.51.100.7 or an IPv6 address such as 2001:db8::1\n`,
    );
  });

  test('unreadable files, bad JSON and a missing stack exit 2', () => {
    expect(run('what-if', STACK, '--scenario', 'missing.json')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `error: ${path.join(tmp, 'missing.json')}: cannot read the scenario (ENOENT); check the path\n`,
    });
    const bad = run('what-if', STACK, '--scenario', file('bad.json', '{ nope'));
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^error: .*bad\.json: the scenario is not valid JSON \(.+\)\n$/);
    const noStack = run('what-if', 'nowhere', '--scenario', file('s.json', memberSignIn));
    expect(noStack.exitCode).toBe(2);
    expect(noStack.stderr).toBe(
      `error: ${path.join(tmp, 'nowhere')}: no such file or directory; pass a cdk.tf.json, a stack directory (cdktf.out/stacks/<name>) or a cdktf.out directory\n`,
    );
  });

  test('stack warnings go to stderr, not into --json output', () => {
    const stack = file('cdk.tf.json', {
      resource: {
        azuread_conditional_access_policy: {
          p: {
            display_name: 'p',
            state: 'enabled',
            count: 2,
            conditions: { client_app_types: ['all'], applications: { included_applications: ['All'] }, users: { included_users: ['All'] } },
            grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
          },
        },
      },
    });
    const r = run('what-if', stack, '--scenario', file('s.json', memberSignIn), '--json');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('warning: azuread_conditional_access_policy.p: count/for_each cannot be expanded offline; the policy is evaluated once\n');
    expect(JSON.parse(r.stdout).outcome.access).toBe('requiresControls');
  });
});

describe('test', () => {
  test('passing scenarios exit 0', () => {
    const r = run('test', STACK, SCENARIOS);
    expect(r).toEqual({
      exitCode: 0,
      stdout: [
        'PASS  member registers from an untrusted IP',
        'PASS  guest registers from an untrusted IP',
        'PASS  guest registers from HQ (IPv6)',
        'PASS  break-glass account registers from anywhere',
        '4 scenarios: 4 passed, 0 failed',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  test('a failed expectation exits 1 with expected and actual per key', () => {
    const failing = {
      scenarios: [
        scenarios[1],
        {
          name: 'member from HQ is still asked for MFA (wrong on purpose)',
          signIn: { ...memberSignIn, signInConditions: { ipAddress: '203.0.113.5' } },
          expect: {
            access: 'requiresControls',
            reportOnlyAccess: 'allowed',
            policies: { 'Combined Security Info Registration with TAP': 'notSet', 'azuread_conditional_access_policy.nope': 'users' },
          },
        },
      ],
    };
    const r = run('test', STACK, file('failing.json', failing));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 11)).toEqual([
      'PASS  guest registers from an untrusted IP',
      'FAIL  member from HQ is still asked for MFA (wrong on purpose)',
      '      access',
      '      - expected: "requiresControls"',
      '      + actual:   "allowed"',
      '      policies["Combined Security Info Registration with TAP"] (azuread_conditional_access_policy.members)',
      '      - expected: "notSet"',
      '      + actual:   "location"',
      '      policies["azuread_conditional_access_policy.nope"]',
      '      - expected: "users"',
      '      + actual:   (no policy with this address or display name in the stack)',
    ]);
    // the report follows, indented, to help find why
    expect(r.stdout).toContain('      Outcome (enabled policies): allowed\n');
    expect(lines[lines.length - 2]).toBe('2 scenarios: 1 passed, 1 failed');
  });

  test('--json reports every scenario', () => {
    const r = run('test', STACK, SCENARIOS, '--json');
    const json = JSON.parse(r.stdout);
    expect(r.exitCode).toBe(0);
    expect(json.passed).toBe(4);
    expect(json.failed).toBe(0);
    expect(json.scenarios[1]).toEqual(expect.objectContaining({ name: 'guest registers from an untrusted IP', passed: true, mismatches: [] }));
  });

  test('a malformed scenarios file exits 2 listing every problem', () => {
    const bad = file('bad.json', {
      scenarios: [
        { name: 'a', signIn: memberSignIn, expect: { acess: 'blocked', reportOnlyAccess: 'denied', policies: { x: 'users, location', y: 'notset' } } },
        { name: 'a', signIn: 'nope' },
        { signIn: { ...memberSignIn, signInConditions: { country: 'Narnia' } } },
      ],
    });
    const r = run('test', STACK, bad);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      `error: ${bad}: scenarios[0] ('a').expect.acess: unknown field; allowed fields are access, reportOnlyAccess, policies`,
      `error: ${bad}: scenarios[0] ('a').expect.reportOnlyAccess: 'denied' is not an access decision; use one of blocked, requiresControls, allowed, undetermined`,
      `error: ${bad}: scenarios[0] ('a').expect.policies["x"]: ' location' is not an analysis reason; use notSet or a comma-joined list (no spaces) of notEnoughInformation, invalidCondition, users, workloadIdentities, application, userActions, authenticationContext, devicePlatform, devices, clientApps, location, signInRisk, emptyPolicy, invalidPolicy, policyNotEnabled, userRisk, time, insiderRisk, authenticationFlow`,
      `error: ${bad}: scenarios[0] ('a').expect.policies["y"]: 'notset' is not an analysis reason; use notSet or a comma-joined list (no spaces) of notEnoughInformation, invalidCondition, users, workloadIdentities, application, userActions, authenticationContext, devicePlatform, devices, clientApps, location, signInRisk, emptyPolicy, invalidPolicy, policyNotEnabled, userRisk, time, insiderRisk, authenticationFlow`,
      `error: ${bad}: scenarios[1] ('a').name: duplicate scenario name; give each scenario its own name`,
      `error: ${bad}: scenarios[1] ('a').signIn: expected a Graph evaluate request body (an object), got 'nope'`,
      `error: ${bad}: scenarios[2].name: expected a non-empty string, got nothing`,
      '',
    ]);
  });

  test('an invalid sign-in in a scenario exits 2 and names the scenario', () => {
    const bad = file('bad.json', { scenarios: [{ name: 'narnia', signIn: { ...memberSignIn, signInConditions: { country: 'Narnia' } } }] });
    const r = run('test', STACK, bad);
    expect(r).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `error: ${bad}: scenarios[0] ('narnia').signIn.signInConditions.country: 'Narnia' is not an ISO 3166-1 alpha-2 country code; use two letters such as FR or US\n`,
    });
  });

  test('a file without scenarios exits 2', () => {
    const r = run('test', STACK, file('s.json', memberSignIn));
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^error: .*s\.json: expected \{ "scenarios": \[ \{ "name": \.\.\., "signIn": \.\.\., "expect": \.\.\. \} \] \}, got \{/);
  });

  test('an allowed expectation fails on undetermined, saying what to add to the sign-in; undetermined can be expected', () => {
    const graphBody = { ...memberSignIn };
    delete graphBody.directory;
    const s = {
      scenarios: [
        { name: 'forgot the directory', signIn: graphBody, expect: { access: 'requiresControls' } },
        { name: 'knows it is undetermined', signIn: graphBody, expect: { access: 'undetermined' } },
      ],
    };
    const r = run('test', STACK, file('s.json', s));
    expect(r.exitCode).toBe(1);
    expect(r.stdout.split('\n').slice(0, 5)).toEqual([
      'FAIL  forgot the directory',
      '      access',
      '      - expected: "requiresControls"',
      '      + actual:   "undetermined"',
      '        notEnoughInformation for Combined Security Info Registration with TAP (azuread_conditional_access_policy.members), which would change access if it applied; add to the sign-in: directory.memberOf',
    ]);
    expect(r.stdout).toContain('\nPASS  knows it is undetermined\n');
    expect(r.stdout).toContain('      Outcome (enabled policies): undetermined\n');
  });

  test('stack warnings fail the run by default, printed with the results; --allow-warnings accepts them', () => {
    const json = JSON.parse(fs.readFileSync(path.join(STACK, 'cdk.tf.json'), 'utf8'));
    // a named location referenced by its id (a path): Graph rejects it (error 1040)
    json.resource.azuread_conditional_access_policy.guests.conditions.locations.excluded_locations = ['${azuread_named_location.hq.id}'];
    const stack = file('cdk.tf.json', json);
    const strict = run('test', stack, SCENARIOS);
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toBe('');
    const lines = strict.stdout.split('\n');
    expect(lines[0]).toBe('Stack warnings (each fails the run; pass --allow-warnings to accept them):');
    expect(lines[1]).toMatch(/^  warning: azuread_conditional_access_policy\..*uses the named location's id \(a path\); Graph rejects it \(error 1040\), use \.object_id$/);
    expect(lines[lines.length - 2]).toBe('4 scenarios: 4 passed, 0 failed; 1 stack warning (failing)');
    const allowed = run('test', stack, SCENARIOS, '--allow-warnings');
    expect(allowed.exitCode).toBe(0);
    expect(allowed.stdout.split('\n')[0]).toBe('Stack warnings (accepted with --allow-warnings):');
    expect(allowed.stdout).toContain('4 scenarios: 4 passed, 0 failed; 1 stack warning (allowed)\n');
    const asJson = JSON.parse(run('test', stack, SCENARIOS, '--json').stdout);
    expect(asJson).toMatchObject({ passed: 4, failed: 0, warningsFail: true, warnings: [expect.stringContaining('error 1040')] });
  });

  test('sign-in warnings are printed under the scenario and do not fail it', () => {
    const s = { scenarios: [{ name: 'from the LAN', signIn: { ...memberSignIn, signInConditions: { ipAddress: '10.1.2.3' } }, expect: { access: 'requiresControls' } }] };
    const r = run('test', STACK, file('s.json', s));
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'PASS  from the LAN',
      '      warning: signInConditions.ipAddress: 10.1.2.3 is a private (RFC 1918) address; no sign-in to Entra ID comes from one (Entra sees the public address the network translates it to), so it matches no named location; use the public egress IP',
    ]);
  });

  test('appliedPoliciesOnly: a policy left out of the results did not apply', () => {
    const s = { scenarios: [{ name: 'x', signIn: { ...memberSignIn, appliedPoliciesOnly: true }, expect: { policies: { 'azuread_conditional_access_policy.guests': 'users' } } }] };
    const r = run('test', STACK, file('s.json', s));
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('      + actual:   (not applied; left out by appliedPoliciesOnly)\n');
  });
});

describe('usage', () => {
  test('no arguments, an unknown command or a missing option exit 2 with help on stderr', () => {
    const none = run();
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('Usage: cdktf-entra-ca [options] [command]');
    expect(run('evaluate')).toEqual({ exitCode: 2, stdout: '', stderr: "error: unknown command 'evaluate'\n(run cdktf-entra-ca --help for usage)\n" });
    expect(run('what-if', STACK).stderr).toBe("error: required option '--scenario <file>' not specified\n(run cdktf-entra-ca --help for usage)\n");
    expect(run('test', STACK).exitCode).toBe(2);
  });

  test('--help and --version exit 0', () => {
    const help = run('--help');
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/what-if \[options\] <stack>/);
    expect(help.stdout).toMatch(/test \[options\] <stack> <scenarios>/);
    const version = run('--version');
    expect(version).toEqual({ exitCode: 0, stdout: `${JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version}\n`, stderr: '' });
  });
});

describe('directory beside signIn', () => {
  const graphBody = { ...memberSignIn };
  delete graphBody.directory;

  test('keeps signIn a pure Graph evaluate body', () => {
    const s = {
      scenarios: [
        {
          name: 'member of the emergency group',
          signIn: graphBody,
          directory: { memberOf: ['azuread_group.emergency'], roles: [] },
          expect: { access: 'allowed', policies: { 'azuread_conditional_access_policy.members': 'users' } },
        },
        { name: 'no directory: group exclusions are unknown', signIn: graphBody, expect: { policies: { 'azuread_conditional_access_policy.members': 'notEnoughInformation' } } },
      ],
    };
    expect(run('test', STACK, file('s.json', s))).toEqual({
      exitCode: 0,
      stdout: 'PASS  member of the emergency group\nPASS  no directory: group exclusions are unknown\n2 scenarios: 2 passed, 0 failed\n',
      stderr: '',
    });
  });

  test('problems in it are located beside signIn; giving it twice is an error', () => {
    const bad = file('s.json', { scenarios: [{ name: 'x', signIn: graphBody, directory: { memberOf: ['azuread_group.nope'] } }] });
    expect(run('test', STACK, bad).stderr).toBe(
      `error: ${bad}: scenarios[0] ('x').directory.memberOf[0]: 'azuread_group.nope' is not a resource or data source in this stack; use a GUID or one of azuread_group.emergency\n`,
    );
    const twice = file('t.json', { scenarios: [{ name: 'x', signIn: memberSignIn, directory: { memberOf: [] } }] });
    expect(run('what-if', STACK, '--scenario', twice)).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `error: ${twice}: scenarios[0] ('x').directory: also given as signIn.directory; keep one of them\n`,
    });
  });
});
