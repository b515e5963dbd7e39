import { Vocabulary } from './vocabulary';

/**
 * User actions: the policy's `includeUserActions` URN and the Graph evaluate sign-in's `userAction`
 * (`userActionContext`) for the same action.
 */
export const USER_ACTIONS = new Vocabulary('user action', {
  REGISTER_SECURITY_INFORMATION: { value: 'urn:user:registersecurityinfo', label: 'Register security information', signIn: 'registerSecurityInformation' },
  REGISTER_OR_JOIN_DEVICES: { value: 'urn:user:registerdevice', label: 'Register or join devices', signIn: 'registerOrJoinDevices' },
  // Graph `userAction` enum (v1.0 metadata): a sign-in may carry it; no policy URN stands for it
  UNKNOWN_FUTURE_VALUE: { value: 'unknownFutureValue', label: 'Unknown future value', policy: false },
});
