import { IConditionalAccessRule, RuleSeverity, RuleViolation } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';
import { PolicyModel } from '../model/model';
import { isExpression } from '../model/references';

/** One include/exclude pair of a policy's conditions, in Graph's names. */
interface Pair {
  readonly what: string;
  readonly include: string[];
  readonly exclude: string[];
  /** A condition of its own (locations, platforms), rather than one part of the user assignment. */
  readonly condition?: boolean;
}

/**
 * CA14: the same user, group, role, location, platform or service principal both included and excluded.
 * Graph accepts it (real tenants hold such policies, e.g. `AllTrusted` on both sides) and the exclusion
 * wins, so the policy never applies to it; when everything included is also excluded, the policy never
 * applies at all. Values are compared as Graph does: GUIDs and special values in any letter case,
 * Terraform expressions only with the identical expression.
 */
export const CA14_INCLUDED_AND_EXCLUDED: IConditionalAccessRule = {
  id: 'CA14',
  name: 'included-and-excluded',
  severity: RuleSeverity.WARNING,
  explanation: 'A value is both included and excluded (a user, group, role, location, platform or service principal); Graph accepts it and the exclusion wins, so the policy never applies to it.',
  source: 'Learn: "Building a Conditional Access policy" (assignments: an exclusion wins over an inclusion)',
  check: (model: ConditionalAccessModel): RuleViolation[] => model.policies.flatMap((p) => pairs(p).flatMap((pair) => {
    const excluded = new Set(pair.exclude.map(key));
    const both = pair.include.filter((v) => excluded.has(key(v)));
    if (both.length === 0) return [];
    // a condition (locations, platforms) whose every included value is excluded matches no sign-in
    const whole = pair.condition && both.length === pair.include.length;
    return [{
      address: p.address,
      message: `policy '${p.displayName}' includes and excludes the same ${pair.what}: ${both.map((v) => `'${v}'`).join(', ')}; `
        + `Graph accepts it and the exclusion wins, so the policy never applies to ${both.length === 1 ? 'it' : 'them'}`
        + `${whole ? `; nothing else is included in its ${pair.what}, so it never applies at all` : ''}`,
      fix: 'remove the value from one side',
    }];
  })),
};

/** Same object however written: literal ids and special values in any case; expressions as written. */
function key(v: string): string {
  return isExpression(v) ? v : v.toLowerCase();
}

function pairs(p: PolicyModel): Pair[] {
  const c = p.conditions;
  const u = c.users;
  const out: Pair[] = [];
  if (u) {
    out.push({ what: 'users', include: u.includeUsers.filter((v) => v !== 'All' && v !== 'None'), exclude: u.excludeUsers });
    out.push({ what: 'groups', include: u.includeGroups, exclude: u.excludeGroups });
    out.push({ what: 'directory roles', include: u.includeRoles, exclude: u.excludeRoles });
  }
  if (c.locations) out.push({ what: 'locations', include: c.locations.includeLocations, exclude: c.locations.excludeLocations, condition: true });
  if (c.platforms) out.push({ what: 'platforms', include: c.platforms.includePlatforms, exclude: c.platforms.excludePlatforms, condition: true });
  if (c.clientApplications) {
    out.push({ what: 'service principals', include: c.clientApplications.includeServicePrincipals, exclude: c.clientApplications.excludeServicePrincipals });
  }
  return out;
}
