/**
 * Client app types a policy applies to (portal: Conditions > Client apps).
 */
export class ClientAppType {
  /** Any client app. */
  public static readonly ALL = new ClientAppType('all');
  /** Browser. */
  public static readonly BROWSER = new ClientAppType('browser');
  /** Mobile apps and desktop clients (modern authentication). */
  public static readonly MOBILE_APPS_AND_DESKTOP_CLIENTS = new ClientAppType('mobileAppsAndDesktopClients');
  /** Exchange ActiveSync clients. */
  public static readonly EXCHANGE_ACTIVE_SYNC = new ClientAppType('exchangeActiveSync');
  /** Exchange ActiveSync clients, supported platforms only. */
  public static readonly EAS_SUPPORTED = new ClientAppType('easSupported');
  /** Other clients (legacy authentication). */
  public static readonly OTHER = new ClientAppType('other');

  /**
   * Escape hatch for a value newer than this library. The value is passed through unchecked.
   * @param value the Graph `clientAppTypes` value
   */
  public static of(value: string): ClientAppType {
    return new ClientAppType(value);
  }

  /**
   * @param clientAppTypeValue the Graph `clientAppTypes` value
   */
  private constructor(private readonly clientAppTypeValue: string) {}

  /** The Graph `clientAppTypes` value. */
  public get value(): string {
    return this.clientAppTypeValue;
  }
}
