import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';

/**
 * Client app types a policy applies to (portal: Conditions > Client apps).
 */
export class ClientAppType {
  /** Any client app. */
  public static readonly ALL = new ClientAppType(CLIENT_APP_TYPES.value('ALL'));
  /** Browser. */
  public static readonly BROWSER = new ClientAppType(CLIENT_APP_TYPES.value('BROWSER'));
  /** Mobile apps and desktop clients (modern authentication). */
  public static readonly MOBILE_APPS_AND_DESKTOP_CLIENTS = new ClientAppType(CLIENT_APP_TYPES.value('MOBILE_APPS_AND_DESKTOP_CLIENTS'));
  /** Exchange ActiveSync clients. */
  public static readonly EXCHANGE_ACTIVE_SYNC = new ClientAppType(CLIENT_APP_TYPES.value('EXCHANGE_ACTIVE_SYNC'));
  /** Exchange ActiveSync clients, supported platforms only. */
  public static readonly EAS_SUPPORTED = new ClientAppType(CLIENT_APP_TYPES.value('EAS_SUPPORTED'));
  /** Other clients (legacy authentication). */
  public static readonly OTHER = new ClientAppType(CLIENT_APP_TYPES.value('OTHER'));

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
