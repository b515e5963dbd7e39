/**
 * Something a policy's location condition can include or exclude:
 * "Any location", "All trusted locations", or a named location.
 */
export interface ILocation {
  /**
   * The value that goes into `included_locations` / `excluded_locations`:
   * `All`, `AllTrusted`, or a named location's bare GUID (its `object_id`, never its path `id`).
   */
  readonly locationId: string;
}

/**
 * The well-known location targets.
 */
export class Location {
  /** "Any location" (`All`). */
  public static readonly ALL: ILocation = { locationId: 'All' };
  /** "All trusted locations" (`AllTrusted`): every IP named location marked trusted. */
  public static readonly ALL_TRUSTED: ILocation = { locationId: 'AllTrusted' };

  private constructor() {}
}
