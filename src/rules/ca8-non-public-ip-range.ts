import { IConditionalAccessRule, RuleSeverity, RuleViolation } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';
import { isExpression } from '../model/references';
import { Cidr, parseCidr } from '../private/cidr';

/** CA8: Entra ID sees sign-ins from public egress addresses only. */
export const CA8_NON_PUBLIC_IP_RANGE: IConditionalAccessRule = {
  id: 'CA8',
  name: 'non-public-ip-range',
  severity: RuleSeverity.WARNING,
  explanation: 'An IP named location lists private, reserved or documentation ranges; Entra ID only ever sees public egress addresses.',
  source: 'Learn: "Location condition" (IPv4 and IPv6 address ranges)',
  check: (model: ConditionalAccessModel) => {
    const out: RuleViolation[] = [];
    for (const l of model.namedLocations) {
      for (const range of l.ipRanges) {
        if (isExpression(range)) continue;
        const cidr = tryParse(range);
        // a range that is not a valid CIDR is the provider contract's to report
        if (cidr && cidr.range !== 'unicast') {
          out.push({
            address: l.address,
            message: `ipRanges: '${cidr.canonical}' is in ${cidr.range} address space, which sign-ins to Entra ID never come from`,
            fix: "list the network's public egress ranges",
          });
        }
      }
    }
    return out;
  },
};

function tryParse(range: string): Cidr | undefined {
  try {
    return parseCidr('ipRanges', range);
  } catch {
    return undefined;
  }
}
