// `cdktf-entra-ca lint`: the rules over synthesized stacks, exit codes and JSON.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/run';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-entra-ca-lint-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Writes a hand-written stack (no cdktf, no library) and returns its path. */
function stack(name: string, resources: { [type: string]: { [name: string]: unknown } }): string {
  const dir = path.join(tmp, 'cdktf.out', 'stacks', name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({ resource: resources }));
  return dir;
}

function policy(displayName: string, patch: { [key: string]: unknown } = {}): unknown {
  return {
    display_name: displayName,
    state: 'enabled',
    conditions: { client_app_types: ['all'], applications: { included_applications: ['All'] }, users: { included_users: ['All'] } },
    grant_controls: { operator: 'OR', built_in_controls: ['block'] },
    ...patch,
  };
}

const run = (...argv: string[]) => runCli(argv, { cwd: tmp });

describe('lint', () => {
  test('an error finding in a hand-written stack exits 1 and names the rule, the address and the fix', () => {
    const dir = stack('tenant', { azuread_conditional_access_policy: { block_all: policy('Block everyone') } });
    const r = run('lint', dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      `${path.join(dir, 'cdk.tf.json')}: 1 policy, 1 finding`,
      '  error   CA1 azuread_conditional_access_policy.block_all',
      "           policy 'Block everyone' is on and blocks All users without excluding emergency-access accounts",
      '           fix: set emergencyAccess or call EmergencyAccess.of(scope).exclude(...)',
      '1 finding: 1 error, 0 warnings',
      '',
    ].join('\n'));
  });

  test('--json prints every finding with rule, severity, address, display name, message and fix', () => {
    const dir = stack('tenant', {
      azuread_conditional_access_policy: {
        report_only: policy('Register', {
          state: 'enabledForReportingButNotEnforced',
          conditions: { client_app_types: ['all'], applications: { included_user_actions: ['urn:user:registersecurityinfo'] }, users: { included_users: ['All'], excluded_groups: ['00000000-0000-0000-0000-00000000e000'] } },
          grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
        }),
      },
    });
    const r = run('lint', dir, '--json');
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      findings: [{
        stack: path.join(dir, 'cdk.tf.json'),
        rule: 'CA2',
        severity: 'warning',
        address: 'azuread_conditional_access_policy.report_only',
        path: 'azuread_conditional_access_policy.report_only',
        displayName: 'Register',
        message: "policy 'Register' is report-only on a user action",
        fix: 'report-only is not evaluated for user actions, so test it with What-If (cdktf-entra-ca what-if) before turning it on',
      }],
    });
  });

  test('several stacks: each is one tenant (the same names in two stacks are fine), exit 0 without errors', () => {
    const a = stack('a', { azuread_conditional_access_policy: { p: policy('Same name', { state: 'disabled' }) } });
    const b = stack('b', { azuread_conditional_access_policy: { p: policy('Same name', { state: 'disabled' }) } });
    const r = run('lint', a, b);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('0 findings: 0 errors, 0 warnings');
  });

  test('duplicate names in one stack are an error (CA5)', () => {
    const dir = stack('tenant', { azuread_conditional_access_policy: { one: policy('Same', { state: 'disabled' }), two: policy('Same', { state: 'disabled' }) } });
    const r = run('lint', dir, '--json');
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: any) => [f.rule, f.address])).toEqual([
      ['CA5', 'azuread_conditional_access_policy.one'],
      ['CA5', 'azuread_conditional_access_policy.two'],
    ]);
  });

  test('suppressions recorded in the synthesized metadata are honoured', () => {
    const dir = stack('tenant', {
      azuread_conditional_access_policy: { p: { ...(policy('Block everyone') as object), '//': { ruleSuppressions: { CA1: 'Excluded by a group managed elsewhere' } } } },
    });
    expect(run('lint', dir).exitCode).toBe(0);
  });

  test('unreadable input exits 2: a missing path, and a file that is not JSON', () => {
    expect(run('lint', path.join(tmp, 'nope')).exitCode).toBe(2);
    fs.writeFileSync(path.join(tmp, 'bad.json'), '{ not json');
    const r = run('lint', 'bad.json');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^error: .*bad\.json: is not valid JSON/);
  });
});
