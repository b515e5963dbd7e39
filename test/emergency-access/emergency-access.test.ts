import { Group } from '@cdktf/provider-azuread/lib/group';
import { Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  ConditionalAccessPolicy,
  EmergencyAccess,
  GrantControls,
  IncludedUsers,
  Principal,
  TargetResources,
} from '../../src';
import { synthOf } from '../helpers/synth';

const BG_USER = 'e0000000-0000-4000-8000-000000000001';
const BG_GROUP = 'e0000000-0000-4000-8000-000000000002';
const OTHER = '11111111-1111-4111-8111-111111111111';

function policy(scope: Construct, id: string): ConditionalAccessPolicy {
  return new ConditionalAccessPolicy(scope, id, {
    displayName: id,
    includeUsers: IncludedUsers.all(),
    excludeUsers: { users: [Principal.fromObjectId(OTHER)] },
    target: TargetResources.allResources(),
    grant: GrantControls.requireMfa(),
  });
}

describe('EmergencyAccess', () => {
  test('excludes the accounts from every policy in the scope, including ones added later and nested ones', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    policy(stack, 'First');
    EmergencyAccess.of(stack).exclude({ users: [Principal.fromObjectId(BG_USER)], groups: [Principal.fromObjectId(BG_GROUP)] });
    const nested = new Construct(stack, 'Nested');
    const later = policy(nested, 'Later');
    const json = synthOf(stack);
    const users = Object.values(json.resource.azuread_conditional_access_policy).map((p: any) => p.conditions.users);
    expect(users).toHaveLength(2);
    for (const u of users) {
      expect(u.excluded_users).toEqual([OTHER, BG_USER].sort());
      expect(u.excluded_groups).toEqual([BG_GROUP]);
    }
    expect(later.hasEmergencyAccessExclusion).toBe(true);
  });

  test('applied to the app, it reaches the policies of every stack', () => {
    const app = Testing.app();
    const one = new TerraformStack(app, 'one');
    const two = new TerraformStack(app, 'two');
    policy(one, 'P1');
    policy(two, 'P2');
    EmergencyAccess.of(app).exclude({ groups: [Principal.fromObjectId(BG_GROUP)] });
    for (const stack of [one, two]) {
      const json = synthOf(stack);
      expect((Object.values(json.resource.azuread_conditional_access_policy)[0] as any).conditions.users.excluded_groups).toEqual([BG_GROUP]);
    }
  });

  test('does not touch policies outside the scope', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const a = new Construct(stack, 'A');
    const b = new Construct(stack, 'B');
    policy(a, 'InA');
    const outside = policy(b, 'InB');
    EmergencyAccess.of(a).exclude({ groups: [Principal.fromObjectId(BG_GROUP)] });
    synthOf(stack);
    expect(outside.hasEmergencyAccessExclusion).toBe(false);
  });

  test('skips workload identity policies, which include no users', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const workload = new ConditionalAccessPolicy(stack, 'Workload', {
      displayName: 'Block risky service principals',
      includeUsers: IncludedUsers.none(),
      workloadIdentities: { allServicePrincipalsInMyTenant: true },
      target: TargetResources.allResources(),
      grant: GrantControls.block(),
    });
    EmergencyAccess.of(stack).exclude({ groups: [Principal.fromObjectId(BG_GROUP)] });
    const json = synthOf(stack);
    expect((Object.values(json.resource.azuread_conditional_access_policy)[0] as any).conditions.users).toEqual({ included_users: ['None'] });
    expect(workload.hasEmergencyAccessExclusion).toBe(false);
  });

  test('per-policy option takes azuread groups by reference', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const bg = new Group(stack, 'BreakGlass', { displayName: 'Break glass', securityEnabled: true });
    new ConditionalAccessPolicy(stack, 'P', {
      displayName: 'p',
      includeUsers: IncludedUsers.all(),
      emergencyAccess: { groups: [Principal.fromGroup(bg)] },
      target: TargetResources.allResources(),
      grant: GrantControls.block(),
    });
    const json = synthOf(stack);
    expect((Object.values(json.resource.azuread_conditional_access_policy)[0] as any).conditions.users)
      .toEqual({ included_users: ['All'], excluded_groups: ['${azuread_group.BreakGlass.object_id}'] });
  });

  test('rejects an empty account list and a group passed as a user', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    expect(() => EmergencyAccess.of(stack).exclude({})).toThrow('EmergencyAccess.exclude: accounts is empty');
    const bg = new Group(stack, 'BreakGlass', { displayName: 'Break glass', securityEnabled: true });
    const p = policy(stack, 'P');
    expect(() => p.excludeEmergencyAccess({ users: [Principal.fromGroup(bg)] }))
      .toThrow('emergencyAccess.users[0]: test/BreakGlass is a group; put groups in emergencyAccess.groups');
  });
});
