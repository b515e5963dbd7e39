import { TRANSFER_METHODS } from '../vocabulary/authentication-flows';

/**
 * Authentication flow transfer methods (portal: Conditions > Authentication flows).
 */
export class AuthenticationFlow {
  /** Authentication transfer (e.g. from a PC to the Outlook mobile app). */
  public static readonly AUTHENTICATION_TRANSFER = new AuthenticationFlow(TRANSFER_METHODS.value('AUTHENTICATION_TRANSFER'));
  /** Device code flow. */
  public static readonly DEVICE_CODE_FLOW = new AuthenticationFlow(TRANSFER_METHODS.value('DEVICE_CODE_FLOW'));

  /**
   * Escape hatch for a value newer than this library. The value is passed through unchecked.
   * @param value the Graph `transferMethods` value
   */
  public static of(value: string): AuthenticationFlow {
    return new AuthenticationFlow(value);
  }

  /**
   * @param authenticationFlowValue the Graph `transferMethods` value
   */
  private constructor(private readonly authenticationFlowValue: string) {}

  /** The Graph `transferMethods` value. */
  public get value(): string {
    return this.authenticationFlowValue;
  }
}
