import { IConditionalAccessRule, RuleSeverity } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';
import { parseReference } from '../model/references';
import { NAMED_LOCATION_TYPE } from '../model/terraform-parser';

/**
 * CA4: "All trusted locations" covers trusted IP named locations only. Judged per stack (one stack
 * is one tenant): a stack may have trusted locations when it defines an IP location that is (or may
 * be) trusted, reads one with the named-location data source, or names a location by literal id.
 */
export const CA4_ALL_TRUSTED_WITHOUT_TRUSTED_LOCATION: IConditionalAccessRule = {
  id: 'CA4',
  name: 'all-trusted-without-trusted-location',
  severity: RuleSeverity.WARNING,
  explanation: 'The policy excludes "All trusted locations" but the stack defines or imports no trusted IP location, so the exclusion may match nothing.',
  source: 'Learn: "Location condition" (AllTrusted covers IP locations marked trusted)',
  check: (model: ConditionalAccessModel) => {
    if (mayHaveTrustedLocation(model)) return [];
    return model.policies
      .filter((p) => (p.conditions.locations?.excludeLocations ?? []).includes('AllTrusted'))
      .map((p) => ({
        address: p.address,
        message: `policy '${p.displayName}' excludes Location.ALL_TRUSTED but the stack defines or imports no trusted IP location`,
        fix: "add an IpNamedLocation with trusted: true or import the tenant's trusted locations",
      }));
  },
};

function mayHaveTrustedLocation(model: ConditionalAccessModel): boolean {
  if (model.namedLocations.some((l) => l.kind === 'ip' && l.isTrusted !== false)) return true;
  if (model.objects.some((o) => o.isDataSource && o.type === NAMED_LOCATION_TYPE)) return true;
  // a location the stack does not define: a literal id or a reference to something else
  return model.policies.some((p) => {
    const l = p.conditions.locations;
    return [...(l?.includeLocations ?? []), ...(l?.excludeLocations ?? [])]
      .some((v) => v !== 'All' && v !== 'AllTrusted' && !model.namedLocations.some((n) => n.address === parseReference(v)?.address));
  });
}
