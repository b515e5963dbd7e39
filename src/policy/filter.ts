import { FILTER_MODES } from '../vocabulary/filters';

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
