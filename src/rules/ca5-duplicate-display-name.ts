import { literalName } from './policy-facts';
import { IConditionalAccessRule, RuleSeverity, RuleViolation } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';
import { PolicyModel } from '../model/model';

/** CA5: policy display names are unique within a tenant (one stack). */
export const CA5_DUPLICATE_DISPLAY_NAME: IConditionalAccessRule = {
  id: 'CA5',
  name: 'duplicate-display-name',
  severity: RuleSeverity.ERROR,
  explanation: 'Two policies in one stack (one tenant) share a display name; sign-in logs, What-If and the portal identify policies by name.',
  source: 'Learn: "Plan a Conditional Access deployment" (naming conventions)',
  check: (model: ConditionalAccessModel) => {
    const byName = new Map<string, PolicyModel[]>();
    for (const p of model.policies) {
      const name = literalName(p);
      if (name !== undefined) byName.set(name, [...(byName.get(name) ?? []), p]);
    }
    const out: RuleViolation[] = [];
    for (const [name, same] of byName) {
      if (same.length < 2) continue;
      for (const p of same) {
        const others = same.filter((o) => o !== p).map((o) => o.constructPath ? ownerPath(o.constructPath) : o.address).join(', ');
        out.push({ address: p.address, message: `display name '${name}' is also used by ${others}`, fix: 'give each policy a unique name' });
      }
    }
    return out;
  },
};

/** The path of the construct that owns an L1 resource with id `Resource` (the L2), else the resource's own path. */
export function ownerPath(constructPath: string): string {
  return constructPath.endsWith('/Resource') ? constructPath.slice(0, -'/Resource'.length) : constructPath;
}
