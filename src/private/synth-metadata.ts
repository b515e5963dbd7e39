/**
 * Before a stack's JSON is produced for the rules, record in each Conditional Access resource's `//`
 * metadata what the rules need and the JSON alone does not say: the rules suppressed on it (and its
 * scopes) and, for policies, the emergency-access accounts declared for it. The synthesized file then
 * carries them, so `cdktf-entra-ca lint` judges it exactly as synth did. Internal module.
 */
import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { suppressionsOf } from './suppression-store';
import { emergencyAccountsFor } from '../emergency-access/emergency-access-registry';
import { EMERGENCY_ACCESS_KEY, NAMED_LOCATION_TYPE, POLICY_TYPE, STRENGTH_TYPE, SUPPRESSIONS_KEY } from '../model/terraform-parser';

const TYPES = new Set([POLICY_TYPE, NAMED_LOCATION_TYPE, STRENGTH_TYPE]);

/** What a library policy construct says about its emergency-access accounts (structural, to avoid an import cycle). */
interface DeclaresEmergencyAccess {
  _declaredEmergencyAccess(): { users: string[]; groups: string[] };
}

/** Writes the metadata onto every Conditional Access resource of the stack (idempotent). */
export function writeRuleMetadata(stack: TerraformStack): void {
  for (const c of stack.node.findAll()) {
    if (!TerraformResource.isTerraformResource(c) || !TYPES.has(c.terraformResourceType)) continue;
    const suppressions = suppressionsOf(c);
    if (Object.keys(suppressions).length > 0) c.addOverride(`//.${SUPPRESSIONS_KEY}`, suppressions);
    if (c.terraformResourceType === POLICY_TYPE) {
      const declared = declaredEmergencyAccess(c);
      if (declared.users.length + declared.groups.length > 0) c.addOverride(`//.${EMERGENCY_ACCESS_KEY}`, declared);
    }
  }
}

function declaredEmergencyAccess(resource: IConstruct): { users: string[]; groups: string[] } {
  const owner = resource.node.scope as Partial<DeclaresEmergencyAccess> | undefined;
  if (resource.node.id === 'Resource' && owner && typeof owner._declaredEmergencyAccess === 'function') {
    return owner._declaredEmergencyAccess();
  }
  // A raw L1 policy: the accounts EmergencyAccess.of(scope) declared on its scopes.
  const accounts = emergencyAccountsFor(resource);
  return {
    users: accounts.flatMap((a) => (a.users ?? []).map((u) => u.objectId)),
    groups: accounts.flatMap((a) => (a.groups ?? []).map((g) => g.objectId)),
  };
}
