import { Aspects, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import type { EmergencyAccessAccounts } from '../policy/emergency-access-accounts';

const SCOPE_ACCOUNTS = Symbol.for('cdktf-entra-conditional-access.EmergencyAccessAccounts');
const ASPECT_REGISTERED = Symbol.for('cdktf-entra-conditional-access.EmergencyAccessAspect');

/** What the aspect needs of a policy (kept structural to avoid an import cycle). */
interface AppliesScopeEmergencyAccess extends IConstruct {
  _applyScopeEmergencyAccess(): void;
}

/** Record `EmergencyAccess.of(scope).exclude(accounts)` on the scope. */
export function recordEmergencyAccess(scope: IConstruct, accounts: EmergencyAccessAccounts): void {
  const host = scope as unknown as { [SCOPE_ACCOUNTS]?: EmergencyAccessAccounts[] };
  if (!host[SCOPE_ACCOUNTS]) {
    Object.defineProperty(host, SCOPE_ACCOUNTS, { value: [] });
  }
  host[SCOPE_ACCOUNTS]!.push(accounts);
}

/** The accounts recorded on `construct` and every scope above it, up to the app. */
export function emergencyAccountsFor(construct: IConstruct): EmergencyAccessAccounts[] {
  return construct.node.scopes.flatMap((s) => (s as unknown as { [SCOPE_ACCOUNTS]?: EmergencyAccessAccounts[] })[SCOPE_ACCOUNTS] ?? []);
}

/**
 * Make sure the policies of the stack holding `policy` get their scopes'
 * emergency-access exclusions at synth: one aspect per stack. The aspect is
 * added to the stack, not to the scope `EmergencyAccess.of` was called on,
 * because cdktf applies aspects from a stack down only (an aspect on the App
 * is never invoked), and so that policies created after the call are covered.
 */
export function registerEmergencyAccessAspect(policy: AppliesScopeEmergencyAccess): void {
  const stack = policy.node.scopes.find((c) => TerraformStack.isStack(c));
  if (!stack || ASPECT_REGISTERED in stack) return;
  Object.defineProperty(stack, ASPECT_REGISTERED, { value: true });
  Aspects.of(stack).add({
    visit: (node: IConstruct) => {
      const candidate = node as Partial<AppliesScopeEmergencyAccess>;
      if (typeof candidate._applyScopeEmergencyAccess === 'function') {
        candidate._applyScopeEmergencyAccess();
      }
    },
  });
}
