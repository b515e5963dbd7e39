// `cdktf-entra-ca diff`: the tenant export formats, --state, --json, exit codes, and bad input (nothing written).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/run';
import { GROUP_BREAK_GLASS, LOCATION_OFFICE, POLICY_BLOCK, POLICY_MFA, ipLocation, list, pascal, policy, utf16le } from '../graph/fixtures';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-entra-ca-diff-'));
  write('stack/cdk.tf.json', stackJson());
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCli(argv, { cwd: tmp });
function write(name: string, content: unknown): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.isBuffer(content) ? content : typeof content === 'string' ? content : JSON.stringify(content));
  return name;
}
const files = (): string[] => fs.readdirSync(tmp, { recursive: true }).map(String).sort();

/** The fixture tenant's policy (report-only here) and location as a synthesized stack. */
function stackJson(state = 'enabled'): unknown {
  return {
    resource: {
      azuread_named_location: { office: { display_name: 'Office egress', ip: { ip_ranges: ['198.51.100.0/24', '2001:db8:1234::/48'], trusted: true } } },
      azuread_conditional_access_policy: {
        mfa: {
          display_name: 'Require MFA outside the office',
          state,
          conditions: {
            client_app_types: ['browser', 'mobileAppsAndDesktopClients'],
            applications: { included_applications: ['All'], excluded_applications: ['2d707ebf-7c74-4e58-9c21-515c2dbc2c01'] },
            users: { included_users: ['All'], excluded_users: ['GuestsOrExternalUsers'], excluded_groups: [GROUP_BREAK_GLASS] },
            locations: { included_locations: ['All'], excluded_locations: ['${azuread_named_location.office.object_id}'] },
          },
          grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
        },
      },
    },
  };
}

describe('diff', () => {
  test('nothing to change: exit 0; a folder of single objects in UTF-16 and PascalCase reads like a value list', () => {
    write('tenant/policies/mfa.json', utf16le(JSON.stringify(pascal(policy()))));
    write('tenant/named-locations/office.json', ipLocation());
    const r = run('diff', 'stack', 'tenant');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `= unchanged policy "Require MFA outside the office" (matched by display name, id ${POLICY_MFA})`,
      `= unchanged named location "Office egress" (matched by display name, id ${LOCATION_OFFICE})`,
      '0 to create, 0 to update, 0 to delete, 2 unchanged, 0 left alone',
      '',
    ]);
  });

  test('report-only → on: exit 1 with the state change flagged; an object only in the tenant is left alone', () => {
    write('tenant.json', list(policy({ state: 'enabledForReportingButNotEnforced' }), policy({ id: POLICY_BLOCK, displayName: 'Block legacy authentication' }), ipLocation()));
    const r = run('diff', 'stack/cdk.tf.json', 'tenant.json');
    expect(r.exitCode).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `~ update policy "Require MFA outside the office" (matched by display name, id ${POLICY_MFA})`,
      '    ! state change: Report-only → On',
      `  left alone policy "Block legacy authentication" (id ${POLICY_BLOCK}: not managed by the stack)`,
      `= unchanged named location "Office egress" (matched by display name, id ${LOCATION_OFFICE})`,
      '0 to create, 1 to update, 0 to delete, 1 unchanged, 1 left alone',
      '',
    ]);
  });

  test('--state: an object the state manages and the stack dropped is deleted; the state file and `terraform show -json` both read', () => {
    write('tenant.json', list(policy(), policy({ id: POLICY_BLOCK, displayName: 'Block legacy authentication' }), ipLocation()));
    write('terraform.tfstate', {
      version: 4,
      resources: [
        { mode: 'managed', type: 'azuread_conditional_access_policy', name: 'legacy', instances: [{ attributes: { id: `/identity/conditionalAccess/policies/${POLICY_BLOCK}`, object_id: POLICY_BLOCK } }] },
        { mode: 'data', type: 'azuread_group', name: 'bg', instances: [{ attributes: { id: GROUP_BREAK_GLASS } }] },
      ],
    });
    write('show.json', { values: { root_module: { resources: [{ address: 'azuread_conditional_access_policy.legacy', mode: 'managed', type: 'azuread_conditional_access_policy', values: { object_id: POLICY_BLOCK } }] } } });
    for (const state of ['terraform.tfstate', 'show.json']) {
      const r = run('diff', 'stack', 'tenant.json', '--state', state, '--json');
      expect(r.exitCode).toBe(1);
      const j = JSON.parse(r.stdout);
      expect(j.counts).toEqual({ create: 0, update: 0, delete: 1, unchanged: 2, leftAlone: 0 });
      expect(j.objects[1]).toMatchObject({ kind: 'policy', change: 'delete', displayName: 'Block legacy authentication', address: 'azuread_conditional_access_policy.legacy', id: POLICY_BLOCK });
    }
  });

  test('--json: changes with their fields in portal words', () => {
    write('tenant.json', list(policy({ state: 'disabled' }, { users: { ...policy().conditions.users, excludeGroups: [] } }), ipLocation({ isTrusted: false })));
    const r = run('diff', 'stack', 'tenant.json', '--json');
    expect(r.exitCode).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.hasChanges).toBe(true);
    expect(j.objects[0].stateChange).toBe('Off → On');
    expect(j.objects[0].changes[1]).toEqual({
      path: 'conditions.users.excludeGroups',
      field: 'Users › Exclude › Groups',
      added: [GROUP_BREAK_GLASS],
      removed: [],
      text: `Users › Exclude › Groups: + ${GROUP_BREAK_GLASS}`,
      knownAtApply: false,
    });
    expect(j.objects[1].changes).toEqual([expect.objectContaining({ field: 'Mark as trusted location', before: 'no', after: 'yes' })]);
  });

  test('a new stack against an empty tenant: every object created, exit 1', () => {
    write('empty.json', { value: [] });
    const r = run('diff', 'stack', 'empty.json');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('+ create policy "Require MFA outside the office" (azuread_conditional_access_policy.mfa)\n    State: On\n');
    expect(r.stdout).toMatch(/2 to create, 0 to update, 0 to delete, 0 unchanged, 0 left alone\n$/);
  });
});

describe('diff: bad input is exit 2 with the file and the problem, and nothing is written', () => {
  test('an export that is not JSON', () => {
    write('tenant/a.json', list(policy()));
    write('tenant/b.json', '{ "value": [');
    const before = files();
    const r = run('diff', 'stack', 'tenant');
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^error: ${escape(path.join(tmp, 'tenant', 'b.json'))}: is not valid JSON \\(.*\\)\\nerror: nothing was compared: fix or leave out that file\\n$`));
    expect(files()).toEqual(before);
  });

  test('a policy without a display name', () => {
    const p = policy();
    delete p.displayName;
    write('tenant.json', list(ipLocation(), p));
    const r = run('diff', 'stack', 'tenant.json');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`error: ${path.join(tmp, 'tenant.json')}#1: a policy without a displayName; the diff names and matches objects by it: export the object with its displayName (GET /identity/conditionalAccess/policies returns it) or leave it out\n`);
  });

  test('two tenant objects with the same name and no id', () => {
    const { id: _id, ...noId } = ipLocation();
    write('a.json', noId);
    write('b.json', noId);
    const r = run('diff', 'stack', 'a.json', 'b.json');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      `error: ${path.join(tmp, 'a.json')} and ${path.join(tmp, 'b.json')}: two tenant named locations named "Office egress" and no id to tell them apart; export them with their ids (GET /identity/conditionalAccess/namedLocations) or leave one out\n`,
    );
  });

  test('a missing export, a missing stack, a state that is not a state', () => {
    write('tenant.json', list(policy()));
    expect(run('diff', 'stack', 'missing.json').stderr).toBe(`error: ${path.join(tmp, 'missing.json')}: does not exist\nerror: nothing was compared: fix or leave out that file\n`);
    const noStack = run('diff', 'nowhere', 'tenant.json');
    expect(noStack.exitCode).toBe(2);
    expect(noStack.stderr).toContain(path.join(tmp, 'nowhere'));
    write('state.json', { hello: 'world' });
    const badState = run('diff', 'stack', 'tenant.json', '--state', 'state.json');
    expect(badState.exitCode).toBe(2);
    expect(badState.stderr).toBe(`error: ${path.join(tmp, 'state.json')}: not a Terraform state (no "resources" list, no "values.root_module"); give the output of \`terraform state pull\` or \`terraform show -json\`\n`);
  });

  test('no export given is a usage error', () => {
    const r = run('diff', 'stack');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("error: missing required argument 'exports'");
  });
});

describe('report --tenant: the same changes in the report', () => {
  test('Markdown and HTML carry the diff; the report still exits 0', () => {
    write('tenant.json', list(policy({ state: 'enabledForReportingButNotEnforced' }), ipLocation()));
    const md = run('report', 'stack', '--format', 'md', '--tenant', 'tenant.json');
    expect(md.exitCode).toBe(0);
    expect(md.stdout).toContain([
      '## Changes in the tenant',
      '',
      `What deploying the stack changes in \`${path.join(tmp, 'tenant.json')}\`:`,
      '',
      '```',
      `~ update policy "Require MFA outside the office" (matched by display name, id ${POLICY_MFA})`,
      '    ! state change: Report-only → On',
      `= unchanged named location "Office egress" (matched by display name, id ${LOCATION_OFFICE})`,
      '0 to create, 1 to update, 0 to delete, 1 unchanged, 0 left alone',
      '```',
    ].join('\n'));
    const html = run('report', 'stack', '--tenant', 'tenant.json', '--out', 'report.html');
    expect(html.exitCode).toBe(0);
    const page = fs.readFileSync(path.join(tmp, 'report.html'), 'utf8');
    expect(page).toContain('<h2>Changes in the tenant</h2>');
    expect(page).toContain(`<pre class="diff">~ update policy &quot;Require MFA outside the office&quot; (matched by display name, id ${POLICY_MFA})\n    ! state change: Report-only → On\n`);
    // without --tenant there is no such section
    expect(run('report', 'stack', '--format', 'md').stdout).not.toContain('## Changes in the tenant');
  });

  test('an unreadable export: exit 2 and no report written', () => {
    write('tenant.json', 'not json');
    const r = run('report', 'stack', '--tenant', 'tenant.json', '--out', 'report.html');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: --tenant: ${escape(path.join(tmp, 'tenant.json'))}: is not valid JSON`));
    expect(fs.existsSync(path.join(tmp, 'report.html'))).toBe(false);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
