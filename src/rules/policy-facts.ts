/* eslint-disable @stylistic/max-len */
/**
 * Questions the rules ask of a policy in the model. Internal module.
 */
import { PolicyModel } from '../model/model';
import { directoryRoleById } from '../vocabulary/directory-roles';

/** The policy is `enabled` (On). */
export function isOn(p: PolicyModel): boolean {
  return p.state === 'enabled';
}

/** The policy applies to users (not only to workload identities). */
export function isUserPolicy(p: PolicyModel): boolean {
  const inc = p.conditions.users?.includeUsers ?? [];
  return !(inc.length === 1 && inc[0] === 'None' && !hasUserSelection(p));
}

function hasUserSelection(p: PolicyModel): boolean {
  const u = p.conditions.users;
  return !!u && (u.includeGroups.length > 0 || u.includeRoles.length > 0 || u.includeGuestsOrExternalUsers !== undefined);
}

/** Users > Include: All users. */
export function includesAllUsers(p: PolicyModel): boolean {
  return (p.conditions.users?.includeUsers ?? []).includes('All');
}

/** Users > Include: all guest and external users (the special value, or a block of every type from every tenant). */
export function includesAllGuests(p: PolicyModel): boolean {
  const u = p.conditions.users;
  if (!u) return false;
  return u.includeUsers.includes('GuestsOrExternalUsers') || u.includeGuestsOrExternalUsers !== undefined;
}

/** Guests are excluded with the special value. */
export function excludesAllGuests(p: PolicyModel): boolean {
  return (p.conditions.users?.excludeUsers ?? []).includes('GuestsOrExternalUsers');
}

/** Some guest can be in scope. */
export function mayIncludeGuests(p: PolicyModel): boolean {
  return (includesAllUsers(p) && !excludesAllGuests(p)) || includesAllGuests(p);
}

/** The privileged directory roles the policy includes (role template ids). */
export function includedPrivilegedRoles(p: PolicyModel): string[] {
  return (p.conditions.users?.includeRoles ?? []).filter((r) => directoryRoleById(r)?.privileged === true);
}

/** The policy blocks. */
export function blocks(p: PolicyModel): boolean {
  return (p.grantControls?.builtInControls ?? []).includes('block');
}

/** The policy blocks or requires a grant control. */
export function hasGrantRequirement(p: PolicyModel): boolean {
  const g = p.grantControls;
  return !!g && (g.builtInControls.length > 0 || g.authenticationStrength !== undefined || g.termsOfUse.length > 0 || g.customAuthenticationFactors.length > 0);
}

/** The policy names a display name that is a literal (not a Terraform expression). */
export function literalName(p: PolicyModel): string | undefined {
  return p.displayName.includes('${') ? undefined : p.displayName;
}
