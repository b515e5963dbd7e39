import { Principal } from './principal';

/**
 * The organisation's emergency-access ("break-glass") accounts, which every
 * policy should exclude so a misconfiguration cannot lock every administrator out.
 */
export interface EmergencyAccessAccounts {
  /**
   * Emergency-access users.
   * @default - none
   */
  readonly users?: Principal[];
  /**
   * Groups holding the emergency-access users.
   * @default - none
   */
  readonly groups?: Principal[];
}
