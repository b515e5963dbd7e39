import { Vocabulary } from './vocabulary';

/**
 * Authentication flow transfer methods (Graph `conditionalAccessTransferMethods`; provider 3.7.0
 * `authentication_flow_transfer_methods`; a sign-in's `authenticationFlow.transferMethod`).
 */
export const TRANSFER_METHODS = new Vocabulary('authentication flow', {
  NONE: { value: 'none', label: 'None', policy: false },
  DEVICE_CODE_FLOW: { value: 'deviceCodeFlow', label: 'Device code flow' },
  AUTHENTICATION_TRANSFER: { value: 'authenticationTransfer', label: 'Authentication transfer' },
  UNKNOWN_FUTURE_VALUE: { value: 'unknownFutureValue', label: 'Unknown future value', policy: false },
});
