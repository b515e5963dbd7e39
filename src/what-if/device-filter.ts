/**
 * Evaluates a device filter rule (model/device-filter-rule.ts parses it) against a sign-in's `deviceInfo`,
 * three-valued. Internal module (not part of the jsii API).
 */
import { and3, F, not3, or3, T, Tri, U } from './logic';
import { DeviceRule, DeviceRuleComparison, DeviceRuleValue } from '../model/device-filter-rule';

/** A sign-in device: lower-cased `deviceInfo` property → lower-cased string, string list, boolean, or `null` (no value). */
export type DeviceFacts = ReadonlyMap<string, string | readonly string[] | boolean | null>;

/**
 * Evaluates a rule against the device. A property the sign-in does not give is unknown; a property given as
 * `null` has no value, so positive operators are false and negative ones true (Learn: a filter on an unregistered
 * device, whose properties are all null).
 */
export function evaluateDeviceRule(rule: DeviceRule, device: DeviceFacts): Tri {
  switch (rule.op) {
    case 'and':
      return and3(evaluateDeviceRule(rule.left, device), evaluateDeviceRule(rule.right, device));
    case 'or':
      return or3(evaluateDeviceRule(rule.left, device), evaluateDeviceRule(rule.right, device));
    case 'not':
      return not3(evaluateDeviceRule(rule.expr, device));
    default: {
      const actual = device.get(rule.key);
      if (actual === undefined) return U;
      const r = compare(actual, rule.operator, rule.value);
      return rule.negated ? not3(r) : r;
    }
  }
}

function compare(actual: string | readonly string[] | boolean | null, operator: DeviceRuleComparison['operator'], expected: DeviceRuleValue): Tri {
  if (expected === null) return actual === null ? T : F; // -eq null
  if (actual === null) return F;
  if (typeof actual === 'boolean') actual = actual ? 'true' : 'false';
  if (typeof actual !== 'string') {
    // string collections: Contains "indicates whether a specified string matches one of the whole strings"
    return operator === 'contains' && actual.includes(expected as string) ? T : F;
  }
  switch (operator) {
    case 'eq':
      return actual === expected ? T : F;
    case 'startsWith':
      return actual.startsWith(expected as string) ? T : F;
    case 'endsWith':
      return actual.endsWith(expected as string) ? T : F;
    case 'contains':
      return actual.includes(expected as string) ? T : F;
    default:
      return (expected as readonly string[]).includes(actual) ? T : F;
  }
}
