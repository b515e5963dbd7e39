import { fail, failProp } from '../private/validation';
import { AUTHENTICATION_METHOD_MODES, canonicalCombination } from '../vocabulary/authentication-methods';

/**
 * An authentication method mode that authentication strength combinations are made of
 * (Graph `authenticationMethodModes`).
 */
export class AuthenticationMethodMode {
  /** Windows Hello for Business / platform credential. */
  public static readonly WINDOWS_HELLO_FOR_BUSINESS = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('WINDOWS_HELLO_FOR_BUSINESS'));
  /** FIDO2 security key / passkey. */
  public static readonly FIDO2 = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('FIDO2'));
  /** Certificate-based authentication, multifactor. */
  public static readonly X509_CERTIFICATE_MULTI_FACTOR = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('X509_CERTIFICATE_MULTI_FACTOR'));
  /** Certificate-based authentication, single factor. */
  public static readonly X509_CERTIFICATE_SINGLE_FACTOR = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('X509_CERTIFICATE_SINGLE_FACTOR'));
  /** Microsoft Authenticator passwordless phone sign-in. */
  public static readonly DEVICE_BASED_PUSH = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('DEVICE_BASED_PUSH'));
  /** Temporary Access Pass, one-time use. */
  public static readonly TEMPORARY_ACCESS_PASS_ONE_TIME = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('TEMPORARY_ACCESS_PASS_ONE_TIME'));
  /** Temporary Access Pass, multi-use. */
  public static readonly TEMPORARY_ACCESS_PASS_MULTI_USE = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('TEMPORARY_ACCESS_PASS_MULTI_USE'));
  /** Password. */
  public static readonly PASSWORD = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('PASSWORD'));
  /** Microsoft Authenticator push notification. */
  public static readonly MICROSOFT_AUTHENTICATOR_PUSH = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('MICROSOFT_AUTHENTICATOR_PUSH'));
  /** Software OATH token. */
  public static readonly SOFTWARE_OATH = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('SOFTWARE_OATH'));
  /** Hardware OATH token. */
  public static readonly HARDWARE_OATH = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('HARDWARE_OATH'));
  /** SMS. */
  public static readonly SMS = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('SMS'));
  /** Voice call. */
  public static readonly VOICE = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('VOICE'));
  /** Federated identity provider, multifactor. */
  public static readonly FEDERATED_MULTI_FACTOR = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('FEDERATED_MULTI_FACTOR'));
  /** Federated identity provider, single factor. */
  public static readonly FEDERATED_SINGLE_FACTOR = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('FEDERATED_SINGLE_FACTOR'));
  /** Email one-time passcode. Cannot be used in authentication strength combinations. */
  public static readonly EMAIL = new AuthenticationMethodMode(AUTHENTICATION_METHOD_MODES.value('EMAIL'));

  /** Every documented mode. */
  public static all(): AuthenticationMethodMode[] {
    const m = AuthenticationMethodMode;
    return [
      m.WINDOWS_HELLO_FOR_BUSINESS, m.FIDO2, m.X509_CERTIFICATE_MULTI_FACTOR, m.X509_CERTIFICATE_SINGLE_FACTOR,
      m.DEVICE_BASED_PUSH, m.TEMPORARY_ACCESS_PASS_ONE_TIME, m.TEMPORARY_ACCESS_PASS_MULTI_USE, m.PASSWORD,
      m.MICROSOFT_AUTHENTICATOR_PUSH, m.SOFTWARE_OATH, m.HARDWARE_OATH, m.SMS, m.VOICE,
      m.FEDERATED_MULTI_FACTOR, m.FEDERATED_SINGLE_FACTOR, m.EMAIL,
    ];
  }

  /**
   * @param authenticationMethodModeValue the Graph mode name
   */
  private constructor(private readonly authenticationMethodModeValue: string) {}

  /** The Graph mode name. */
  public get value(): string {
    return this.authenticationMethodModeValue;
  }
}

/**
 * The combinations Graph accepts in `allowedCombinations`: the ones the provider's
 * acceptance test (v3.7.0, `authentication_strength_policy_resource_test.go`) creates.
 */
const DOCUMENTED_COMBINATIONS = [
  'windowsHelloForBusiness',
  'fido2',
  'x509CertificateMultiFactor',
  'deviceBasedPush',
  'temporaryAccessPassOneTime',
  'temporaryAccessPassMultiUse',
  'password,microsoftAuthenticatorPush',
  'password,softwareOath',
  'password,hardwareOath',
  'password,sms',
  'password,voice',
  'federatedMultiFactor',
  'microsoftAuthenticatorPush,federatedSingleFactor',
  'softwareOath,federatedSingleFactor',
  'hardwareOath,federatedSingleFactor',
  'sms,federatedSingleFactor',
  'voice,federatedSingleFactor',
  'x509CertificateSingleFactor',
  'federatedSingleFactor',
  'password',
  'sms',
];

/** Canonical key of a combination: its modes, sorted. */
function key(modes: string[]): string {
  return [...modes].sort().join(',');
}

const BY_KEY = new Map(DOCUMENTED_COMBINATIONS.map((c) => [key(c.split(',')), c]));

/**
 * One allowed way to satisfy an authentication strength: a single method, or
 * a password / federated first factor plus a second factor.
 */
export class AuthenticationMethodCombination {
  /** Windows Hello for Business / platform credential. */
  public static readonly WINDOWS_HELLO_FOR_BUSINESS = new AuthenticationMethodCombination('windowsHelloForBusiness');
  /** Passkey (FIDO2). */
  public static readonly FIDO2 = new AuthenticationMethodCombination('fido2');
  /** Certificate-based authentication (multifactor). */
  public static readonly X509_CERTIFICATE_MULTI_FACTOR = new AuthenticationMethodCombination('x509CertificateMultiFactor');
  /** Microsoft Authenticator (phone sign-in). */
  public static readonly DEVICE_BASED_PUSH = new AuthenticationMethodCombination('deviceBasedPush');
  /** Temporary Access Pass (one-time use). */
  public static readonly TEMPORARY_ACCESS_PASS_ONE_TIME = new AuthenticationMethodCombination('temporaryAccessPassOneTime');
  /** Temporary Access Pass (multi-use). */
  public static readonly TEMPORARY_ACCESS_PASS_MULTI_USE = new AuthenticationMethodCombination('temporaryAccessPassMultiUse');
  /** Password + Microsoft Authenticator (push notification). */
  public static readonly PASSWORD_MICROSOFT_AUTHENTICATOR_PUSH = new AuthenticationMethodCombination('password,microsoftAuthenticatorPush');
  /** Password + software OATH token. */
  public static readonly PASSWORD_SOFTWARE_OATH = new AuthenticationMethodCombination('password,softwareOath');
  /** Password + hardware OATH token. */
  public static readonly PASSWORD_HARDWARE_OATH = new AuthenticationMethodCombination('password,hardwareOath');
  /** Password + SMS. */
  public static readonly PASSWORD_SMS = new AuthenticationMethodCombination('password,sms');
  /** Password + voice call. */
  public static readonly PASSWORD_VOICE = new AuthenticationMethodCombination('password,voice');
  /** Federated multifactor. */
  public static readonly FEDERATED_MULTI_FACTOR = new AuthenticationMethodCombination('federatedMultiFactor');
  /** Federated single factor + Microsoft Authenticator (push notification). */
  public static readonly FEDERATED_SINGLE_FACTOR_MICROSOFT_AUTHENTICATOR_PUSH = new AuthenticationMethodCombination('microsoftAuthenticatorPush,federatedSingleFactor');
  /** Federated single factor + software OATH token. */
  public static readonly FEDERATED_SINGLE_FACTOR_SOFTWARE_OATH = new AuthenticationMethodCombination('softwareOath,federatedSingleFactor');
  /** Federated single factor + hardware OATH token. */
  public static readonly FEDERATED_SINGLE_FACTOR_HARDWARE_OATH = new AuthenticationMethodCombination('hardwareOath,federatedSingleFactor');
  /** Federated single factor + SMS. */
  public static readonly FEDERATED_SINGLE_FACTOR_SMS = new AuthenticationMethodCombination('sms,federatedSingleFactor');
  /** Federated single factor + voice call. */
  public static readonly FEDERATED_SINGLE_FACTOR_VOICE = new AuthenticationMethodCombination('voice,federatedSingleFactor');
  /** Certificate-based authentication (single factor). */
  public static readonly X509_CERTIFICATE_SINGLE_FACTOR = new AuthenticationMethodCombination('x509CertificateSingleFactor');
  /** Federated single factor. */
  public static readonly FEDERATED_SINGLE_FACTOR = new AuthenticationMethodCombination('federatedSingleFactor');
  /** Password. */
  public static readonly PASSWORD = new AuthenticationMethodCombination('password');
  /** SMS sign-in. */
  public static readonly SMS = new AuthenticationMethodCombination('sms');

  /** Every documented combination. */
  public static all(): AuthenticationMethodCombination[] {
    return DOCUMENTED_COMBINATIONS.map((c) => new AuthenticationMethodCombination(c));
  }

  /**
   * A documented combination made of these modes, in any order. Throws for a
   * combination Graph does not accept (e.g. email in a combination).
   * @param modes the modes
   */
  public static fromModes(...modes: AuthenticationMethodMode[]): AuthenticationMethodCombination {
    return AuthenticationMethodCombination.parse(modes.map((m) => m.value).join(','));
  }

  /**
   * A documented combination from its Graph text, e.g. `password,sms`. Throws
   * for unknown mode names and for combinations Graph does not accept.
   * @param value comma-joined mode names
   */
  public static parse(value: string): AuthenticationMethodCombination {
    const modes = value.split(',').map((m) => m.trim());
    const known = new Set(AuthenticationMethodMode.all().map((m) => m.value));
    modes.forEach((m) => {
      if (!known.has(m)) {
        fail('allowedCombinations', value, `has an unknown authentication method mode '${m}'`, `use AuthenticationMethodMode values (${[...known].join(', ')})`);
      }
    });
    if (new Set(modes).size !== modes.length) {
      fail('allowedCombinations', value, 'repeats a mode', 'name each mode once');
    }
    if (modes.includes('email')) {
      fail('allowedCombinations', value, 'uses email one-time passcode', 'email OTP cannot be used in authentication strength combinations; remove it');
    }
    const documented = BY_KEY.get(key(modes));
    if (!documented) {
      fail('allowedCombinations', value, 'is not a combination Graph accepts', `use one of AuthenticationMethodCombination.all(): ${DOCUMENTED_COMBINATIONS.join(' | ')}`);
    }
    return new AuthenticationMethodCombination(documented);
  }

  /**
   * Escape hatch for a combination newer than this library. Mode names are not
   * checked against the documented list, but spaces, empty or repeated modes and
   * email OTP (never valid in a combination) are rejected. The modes are written in
   * the order Graph returns them (`sms,password` becomes `password,sms`), so the
   * plan shows no diff after apply.
   * @param value comma-joined Graph mode names, no spaces
   */
  public static of(value: string): AuthenticationMethodCombination {
    if (value.trim() === '') failProp('allowedCombinations', 'a combination cannot be empty');
    // Unknown mode names pass (they may be newer than this library), but some shapes are never valid.
    const modes = value.split(',');
    if (/\s/.test(value) || modes.some((m) => m === '')) {
      fail('allowedCombinations', value, 'is not comma-joined mode names', `write it without spaces or empty parts, e.g. '${modes.map((m) => m.trim()).filter((m) => m !== '').join(',')}'`);
    }
    if (new Set(modes).size !== modes.length) {
      fail('allowedCombinations', value, 'repeats a mode', 'name each mode once');
    }
    if (modes.includes('email')) {
      fail('allowedCombinations', value, 'uses email one-time passcode', 'email OTP cannot be used in authentication strength combinations; remove it');
    }
    // Graph returns a combination's modes in flag order (`password,sms`); another order would show as a diff.
    return new AuthenticationMethodCombination(canonicalCombination(value));
  }

  /**
   * @param authenticationMethodCombinationValue comma-joined Graph mode names
   */
  private constructor(private readonly authenticationMethodCombinationValue: string) {}

  /** Comma-joined Graph mode names. */
  public get value(): string {
    return this.authenticationMethodCombinationValue;
  }

  /** The modes in this combination. */
  public get modes(): string[] {
    return this.value.split(',');
  }
}
