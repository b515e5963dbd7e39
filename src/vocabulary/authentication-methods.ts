import { Vocabulary } from './vocabulary';

/**
 * Authentication method modes (Graph `authenticationMethodModes`, a flags enum). Table order is the
 * flag order, which is the order Graph lists the modes of a combination in (`password,sms`).
 * Provider 3.7.0 accepts every mode below except `qrCodePin` in `allowed_combinations`.
 */
export const AUTHENTICATION_METHOD_MODES = new Vocabulary('authentication method mode', {
  PASSWORD: { value: 'password', label: 'Password' },
  VOICE: { value: 'voice', label: 'Voice call' },
  HARDWARE_OATH: { value: 'hardwareOath', label: 'Hardware OATH token' },
  SOFTWARE_OATH: { value: 'softwareOath', label: 'Software OATH token' },
  SMS: { value: 'sms', label: 'SMS' },
  FIDO2: { value: 'fido2', label: 'Passkey (FIDO2)' },
  WINDOWS_HELLO_FOR_BUSINESS: { value: 'windowsHelloForBusiness', label: 'Windows Hello for Business' },
  MICROSOFT_AUTHENTICATOR_PUSH: { value: 'microsoftAuthenticatorPush', label: 'Microsoft Authenticator (push notification)' },
  DEVICE_BASED_PUSH: { value: 'deviceBasedPush', label: 'Microsoft Authenticator (phone sign-in)' },
  TEMPORARY_ACCESS_PASS_ONE_TIME: { value: 'temporaryAccessPassOneTime', label: 'Temporary Access Pass (one-time use)' },
  TEMPORARY_ACCESS_PASS_MULTI_USE: { value: 'temporaryAccessPassMultiUse', label: 'Temporary Access Pass (multi-use)' },
  EMAIL: { value: 'email', label: 'Email one-time passcode' },
  X509_CERTIFICATE_SINGLE_FACTOR: { value: 'x509CertificateSingleFactor', label: 'Certificate-based authentication (single factor)' },
  X509_CERTIFICATE_MULTI_FACTOR: { value: 'x509CertificateMultiFactor', label: 'Certificate-based authentication (multifactor)' },
  FEDERATED_SINGLE_FACTOR: { value: 'federatedSingleFactor', label: 'Federated single factor' },
  FEDERATED_MULTI_FACTOR: { value: 'federatedMultiFactor', label: 'Federated multifactor' },
  QR_CODE_PIN: { value: 'qrCodePin', label: 'QR code', provider: false },
});

/** A combination's modes in Graph's order (flag order); unknown modes keep their place at the end. */
export function canonicalCombination(value: string): string {
  const order = new Map(AUTHENTICATION_METHOD_MODES.terms.map((t, i) => [t.value, i]));
  return value
    .split(',')
    .map((m) => m.trim())
    .sort((a, b) => (order.get(a) ?? 1000) - (order.get(b) ?? 1000))
    .join(',');
}
