import { fail, failProp, isToken } from '../private/validation';
import { CLOUD_APP_SECURITY_TYPES, PERSISTENT_BROWSER_MODES, SIGN_IN_FREQUENCY_AUTHENTICATION_TYPES } from '../vocabulary/session-controls';

/**
 * Persistent browser session behaviour (portal: Session > Persistent browser session).
 * Needs a policy on all resources.
 */
export class PersistentBrowserMode {
  /** Always persistent. */
  public static readonly ALWAYS = new PersistentBrowserMode(PERSISTENT_BROWSER_MODES.value('ALWAYS'));
  /** Never persistent. */
  public static readonly NEVER = new PersistentBrowserMode(PERSISTENT_BROWSER_MODES.value('NEVER'));

  /**
   * @param persistentBrowserModeValue the Graph `persistentBrowser.mode` value
   */
  private constructor(private readonly persistentBrowserModeValue: string) {}

  /** The Graph `persistentBrowser.mode` value. */
  public get value(): string {
    return this.persistentBrowserModeValue;
  }
}

/**
 * Conditional Access App Control policy (portal: Session > Use Conditional Access App Control).
 */
export class CloudAppSecurityPolicy {
  /** Block downloads. */
  public static readonly BLOCK_DOWNLOADS = new CloudAppSecurityPolicy(CLOUD_APP_SECURITY_TYPES.value('BLOCK_DOWNLOADS'));
  /** Use a custom policy configured in Defender for Cloud Apps. */
  public static readonly MCAS_CONFIGURED = new CloudAppSecurityPolicy(CLOUD_APP_SECURITY_TYPES.value('MCAS_CONFIGURED'));
  /** Monitor only. */
  public static readonly MONITOR_ONLY = new CloudAppSecurityPolicy(CLOUD_APP_SECURITY_TYPES.value('MONITOR_ONLY'));

  /**
   * Escape hatch for a value newer than this library. The value is passed through unchecked.
   * @param value the Graph `cloudAppSecurityType` value
   */
  public static of(value: string): CloudAppSecurityPolicy {
    return new CloudAppSecurityPolicy(value);
  }

  /**
   * @param cloudAppSecurityPolicyValue the Graph `cloudAppSecurityType` value
   */
  private constructor(private readonly cloudAppSecurityPolicyValue: string) {}

  /** The Graph `cloudAppSecurityType` value. */
  public get value(): string {
    return this.cloudAppSecurityPolicyValue;
  }
}

/**
 * Which authentication a sign-in frequency re-prompts for.
 */
export class SignInFrequencyAuthenticationType {
  /** Primary and secondary authentication (the default). */
  public static readonly PRIMARY_AND_SECONDARY = new SignInFrequencyAuthenticationType(SIGN_IN_FREQUENCY_AUTHENTICATION_TYPES.value('PRIMARY_AND_SECONDARY'));
  /** Secondary authentication only. */
  public static readonly SECONDARY = new SignInFrequencyAuthenticationType(SIGN_IN_FREQUENCY_AUTHENTICATION_TYPES.value('SECONDARY'));

  /**
   * @param signInFrequencyAuthenticationTypeValue the Graph `authenticationType` value
   */
  private constructor(private readonly signInFrequencyAuthenticationTypeValue: string) {}

  /** The Graph `authenticationType` value. */
  public get value(): string {
    return this.signInFrequencyAuthenticationTypeValue;
  }
}

/**
 * Sign-in frequency (portal: Session > Sign-in frequency).
 */
export class SignInFrequency {
  /**
   * Re-authenticate after this many hours.
   * @param hours 1 to 23
   * @param authenticationType what to re-prompt for
   */
  public static hours(hours: number, authenticationType?: SignInFrequencyAuthenticationType): SignInFrequency {
    validateFrequency('signInFrequency.hours', hours, 23);
    return new SignInFrequency('timeBased', hours, 'hours', authenticationType);
  }

  /**
   * Re-authenticate after this many days.
   * @param days 1 to 365
   * @param authenticationType what to re-prompt for
   */
  public static days(days: number, authenticationType?: SignInFrequencyAuthenticationType): SignInFrequency {
    validateFrequency('signInFrequency.days', days, 365);
    return new SignInFrequency('timeBased', days, 'days', authenticationType);
  }

  /**
   * "Every time": re-authenticate at every sign-in. Takes no frequency value.
   * @param authenticationType what to re-prompt for
   */
  public static everyTime(authenticationType?: SignInFrequencyAuthenticationType): SignInFrequency {
    return new SignInFrequency('everyTime', undefined, undefined, authenticationType);
  }

  /**
   * @param interval `timeBased` or `everyTime`
   * @param value the frequency value
   * @param period `hours` or `days`
   * @param authenticationType what to re-prompt for
   */
  private constructor(
    /** `timeBased` or `everyTime`. */
    public readonly interval: string,
    /** The frequency value (undefined for every time). */
    public readonly value: number | undefined,
    /** `hours` or `days` (undefined for every time). */
    public readonly period: string | undefined,
    /** What to re-prompt for. */
    public readonly authenticationType: SignInFrequencyAuthenticationType | undefined,
  ) {}
}

function validateFrequency(prop: string, value: number, max: number): void {
  if (isToken(value)) return;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    fail(prop, value, `is not a whole number from 1 to ${max}`, `pass 1..${max}`);
  }
}

/**
 * Session controls of a policy (portal: Access controls > Session).
 */
export interface SessionControlsProps {
  /**
   * "Use app enforced restrictions".
   * @default false
   */
  readonly applicationEnforcedRestrictions?: boolean;
  /**
   * "Use Conditional Access App Control".
   * @default - not used
   */
  readonly cloudAppSecurityPolicy?: CloudAppSecurityPolicy;
  /**
   * "Disable resilience defaults".
   * @default false
   */
  readonly disableResilienceDefaults?: boolean;
  /**
   * "Persistent browser session". Needs a policy on all resources.
   * @default - not configured
   */
  readonly persistentBrowserMode?: PersistentBrowserMode;
  /**
   * "Sign-in frequency".
   * @default - not configured
   */
  readonly signInFrequency?: SignInFrequency;
}

/** True if no session control is set. */
export function isEmptySession(s: SessionControlsProps | undefined): boolean {
  return !s || (!s.applicationEnforcedRestrictions && !s.cloudAppSecurityPolicy && !s.disableResilienceDefaults
    && !s.persistentBrowserMode && !s.signInFrequency);
}

/** Reject a session that sets nothing. */
export function validateSession(s: SessionControlsProps | undefined): void {
  if (s && isEmptySession(s)) {
    failProp('session', 'sets no session control; remove it or set one');
  }
}
