import { Tokenization } from 'cdktf';
import { fail, isToken, validateNoTemplateSequence } from '../private/validation';
import { FILTER_MODES } from '../vocabulary/filters';
import type * as DeviceFilterRule from '../model/device-filter-rule';

/**
 * Whether the objects a filter rule matches are included in or excluded from the policy.
 */
export class FilterMode {
  /** Objects matching the rule are included. */
  public static readonly INCLUDE = new FilterMode(FILTER_MODES.value('INCLUDE'));
  /** Objects matching the rule are excluded. */
  public static readonly EXCLUDE = new FilterMode(FILTER_MODES.value('EXCLUDE'));

  /**
   * @param filterModeValue the Graph filter `mode` value
   */
  private constructor(private readonly filterModeValue: string) {}

  /** The Graph filter `mode` value. */
  public get value(): string {
    return this.filterModeValue;
  }
}

/**
 * A filter rule for devices or service principals, e.g.
 * `device.trustType -eq "ServerAD"` (portal: Conditions > Filter for devices).
 */
export interface FilterProps {
  /** Include or exclude the objects the rule matches. */
  readonly mode: FilterMode;
  /** The rule, in the Entra dynamic membership rule syntax. */
  readonly rule: string;
}

/**
 * Checks a device filter rule the way Graph takes it (Learn "Filter for devices"): not empty, at
 * most 3,072 characters, no Terraform template sequence, and the documented rule language (the
 * same parser the What-If evaluator runs). A rule that is a token passes (it resolves at deploy time).
 * @internal
 */
export function parseFilterRule(prop: string, rule: string, _kind: 'device'): void {
  if (isToken(rule) && (Tokenization.reverseString(rule).literals as unknown[]).every((l) => l === '')) return;
  if (typeof rule !== 'string' || rule.trim() === '') {
    fail(prop, rule, 'is empty', 'write a rule such as device.isCompliant -eq True');
  }
  validateNoTemplateSequence(prop, rule);
  if (isToken(rule)) return;
  // Loaded on first use: most apps have no device filter.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseDeviceRule } = require('../model/device-filter-rule') as typeof DeviceFilterRule;
  const parsed = parseDeviceRule(rule);
  if (!parsed.ok) {
    fail(prop, rule, 'is not a device filter rule Graph accepts', parsed.error.message);
  }
}
