import { blocks, hasGrantRequirement, includedPrivilegedRoles, includesAllGuests, includesAllUsers, isOn, isUserPolicy } from './policy-facts';
import { RuleSeverity, IConditionalAccessRule, RuleViolation } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';
import { PolicyModel } from '../model/model';
import { directoryRoleById } from '../vocabulary/directory-roles';

/**
 * CA1: an enabled policy that blocks or requires controls for everyone, or for privileged
 * directory roles, must exclude the emergency-access accounts, or one mistake locks every
 * administrator out. A policy only on guests cannot lock members out: a warning.
 *
 * When emergency-access accounts are declared for the policy (`emergencyAccess`,
 * `EmergencyAccess.of(scope)`), each must be excluded, by any means; when none are declared (a
 * raw resource, hand-written Terraform), the policy must exclude at least one user or group.
 */
export const CA1_LOCKOUT: IConditionalAccessRule = {
  id: 'CA1',
  name: 'lockout',
  severity: RuleSeverity.ERROR,
  explanation: 'An enabled policy that blocks or requires controls for All users, privileged directory roles or all guests must exclude emergency-access accounts, or a mistake locks every administrator out.',
  source: 'Learn: "Manage emergency access accounts in Microsoft Entra ID"; doc 001 "User exclusions"',
  check: (model: ConditionalAccessModel): RuleViolation[] => model.policies.flatMap((p) => lockout(p)),
};

function lockout(p: PolicyModel): RuleViolation[] {
  if (!isOn(p) || !hasGrantRequirement(p) || !isUserPolicy(p)) return [];
  const roles = includedPrivilegedRoles(p);
  const guestsOnly = !includesAllUsers(p) && roles.length === 0;
  if (guestsOnly && !includesAllGuests(p)) return [];
  const who = includesAllUsers(p)
    ? 'All users'
    : roles.length > 0
      ? `privileged directory roles (${roles.map((r) => directoryRoleById(r)!.label).join(', ')})`
      : 'all guest and external users';
  const what = blocks(p) ? 'blocks' : 'requires controls for';
  const severity = guestsOnly ? RuleSeverity.WARNING : undefined;
  const users = p.conditions.users!;
  const excluded = new Set([...users.excludeUsers, ...users.excludeGroups].map((x) => x.toLowerCase()));
  const declared = p.declaredEmergencyAccess;
  const declaredIds = declared ? [...declared.users, ...declared.groups] : [];
  if (declaredIds.length > 0) {
    const missing = declaredIds.filter((id) => !excluded.has(id.toLowerCase()));
    if (missing.length === 0) return [];
    return [{
      address: p.address,
      severity,
      message: `policy '${p.displayName}' is on and ${what} ${who} but does not exclude the emergency-access account(s) declared for it: ${missing.join(', ')}`,
      fix: 'exclude them (excludeUsers / excludeGroups), or let the library add them: keep the policy an L2 ConditionalAccessPolicy and do not override its exclusions',
    }];
  }
  const excludesSomeone = users.excludeUsers.some((u) => u !== 'GuestsOrExternalUsers') || users.excludeGroups.length > 0;
  if (excludesSomeone) return [];
  return [{
    address: p.address,
    severity,
    message: `policy '${p.displayName}' is on and ${what} ${who} without excluding emergency-access accounts`,
    fix: 'set emergencyAccess or call EmergencyAccess.of(scope).exclude(...)',
  }];
}
