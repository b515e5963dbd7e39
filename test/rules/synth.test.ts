import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { BREAK_GLASS, newStack, quietPolicy, suppressHint } from './fixtures';
import { EmergencyAccess, IncludedUsers, IpNamedLocation, PolicyState, Principal, RuleSuppressions, TargetResources, UserAction } from '../../src';

/**
 * How the rules run at synth: errors fail `Testing.synth(stack, true)` and
 * `app.synth()`, warnings become annotations (node metadata and manifest).
 */

const LOCKOUT = "[CA1] policy 'Require MFA (Policy)' is on and requires controls for All users without excluding emergency-access accounts; "
  + 'set emergencyAccess or call EmergencyAccess.of(scope).exclude(...)';
const REPORT_ONLY = "[CA2] policy 'Require MFA (Policy)' is report-only on a user action; report-only is not evaluated for user actions, "
  + 'so test it with What-If (cdktf-entra-ca what-if) before turning it on';
const PRIVATE = "[CA8] ipRanges: '10.0.0.0/16' is in private address space, which sign-ins to Entra ID never come from; list the network's public egress ranges";

let outdir: string;
beforeEach(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-rules-'));
});
afterEach(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
});

function warnings(construct: { node: { metadata: { type: string; data: unknown }[] } }): unknown[] {
  return construct.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
}

describe('errors fail synth', () => {
  test('Testing.synth(stack, true) throws with the path, message and how to suppress', () => {
    const stack = newStack();
    quietPolicy(stack, 'Policy', { includeUsers: IncludedUsers.all() });
    expect(() => Testing.synth(stack, true)).toThrow(`[stack] stack/Policy: ${LOCKOUT} ${suppressHint('CA1')}`);
    // Without validations the JSON is still produced (the rules are validations, not construction errors).
    expect(() => Testing.synth(stack)).not.toThrow();
  });

  test('app.synth() fails and writes no stack output', () => {
    const app = new App({ outdir });
    const stack = newStack(app);
    quietPolicy(stack, 'Policy', { includeUsers: IncludedUsers.all() });
    expect(() => app.synth()).toThrow(LOCKOUT);
    expect(fs.existsSync(path.join(outdir, 'stacks', 'stack', 'cdk.tf.json'))).toBe(false);
  });

  test('every error is listed, not just the first', () => {
    const stack = newStack();
    quietPolicy(stack, 'One', { displayName: 'Same' });
    quietPolicy(stack, 'Two', { displayName: 'Same' });
    let message = '';
    try {
      Testing.synth(stack, true);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("stack/One: [CA5] display name 'Same' is also used by stack/Two");
    expect(message).toContain("stack/Two: [CA5] display name 'Same' is also used by stack/One");
  });

  test('EmergencyAccess.of(stack) exclusions (an aspect) are applied before the rules run', () => {
    const stack = newStack();
    quietPolicy(stack, 'Policy', { includeUsers: IncludedUsers.all() });
    EmergencyAccess.of(stack).exclude({ groups: [Principal.fromObjectId(BREAK_GLASS)] });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(Object.values(json.resource.azuread_conditional_access_policy)[0]).toMatchObject({ conditions: { users: { included_users: ['All'], excluded_groups: [BREAK_GLASS] } } });
  });

  test('a stack without constructs of this library is not validated by it', () => {
    const stack = newStack();
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(stack.node.validate()).toEqual([]);
  });
});

describe('warnings become annotations and do not fail synth', () => {
  test('Testing.synth: the warning is metadata on the offending construct', () => {
    const stack = newStack();
    const p = quietPolicy(stack, 'Policy', { state: PolicyState.REPORT_ONLY, target: TargetResources.userActions(UserAction.REGISTER_SECURITY_INFORMATION) });
    const l = new IpNamedLocation(stack, 'Office', { displayName: 'Office', ipRanges: ['10.0.0.0/16'] });
    expect(warnings(p)).toEqual([]);
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(warnings(p)).toEqual([`${REPORT_ONLY} ${suppressHint('CA2')}`]);
    expect(warnings(l)).toEqual([`${PRIVATE} ${suppressHint('CA8')}`]);
  });

  test('app.synth(): the warnings are in the manifest and the stack is written', () => {
    const app = new App({ outdir });
    const stack = newStack(app);
    quietPolicy(stack, 'Policy', { state: PolicyState.REPORT_ONLY, target: TargetResources.userActions(UserAction.REGISTER_SECURITY_INFORMATION) });
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf-8'));
    expect(manifest.stacks.stack.annotations).toEqual([
      expect.objectContaining({ constructPath: 'stack/Policy', level: '@cdktf/warn', message: `${REPORT_ONLY} ${suppressHint('CA2')}` }),
    ]);
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, manifest.stacks.stack.synthesizedStackPath), 'utf-8'));
    expect(Object.keys(tf.resource.azuread_conditional_access_policy)).toHaveLength(1);
  });

  test('a suppressed warning is not annotated', () => {
    const app = new App({ outdir });
    const stack = newStack(app);
    new IpNamedLocation(stack, 'Office', { displayName: 'Office', ipRanges: ['10.0.0.0/16'] });
    RuleSuppressions.of(stack).add('CA8', 'Lab tenant reached over a private link');
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf-8'));
    expect(manifest.stacks.stack.annotations).toEqual([]);
  });
});
