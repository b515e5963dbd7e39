import { Vocabulary } from './vocabulary';

/** Conditional Access App Control types (Graph `cloudAppSecuritySessionControlType`). */
export const CLOUD_APP_SECURITY_TYPES = new Vocabulary('cloud app security policy', {
  BLOCK_DOWNLOADS: { value: 'blockDownloads', label: 'Block downloads' },
  MCAS_CONFIGURED: { value: 'mcasConfigured', label: 'Use custom policy' },
  MONITOR_ONLY: { value: 'monitorOnly', label: 'Monitor only' },
});

/** Persistent browser session modes (Graph `persistentBrowserSessionMode`). */
export const PERSISTENT_BROWSER_MODES = new Vocabulary('persistent browser mode', {
  ALWAYS: { value: 'always', label: 'Always persistent' },
  NEVER: { value: 'never', label: 'Never persistent' },
});

/** Sign-in frequency periods (Graph `signinFrequencyType`; provider `sign_in_frequency_period`). */
export const SIGN_IN_FREQUENCY_PERIODS = new Vocabulary('sign-in frequency period', {
  HOURS: { value: 'hours', label: 'Hours' },
  DAYS: { value: 'days', label: 'Days' },
});

/** Sign-in frequency intervals (Graph `signInFrequencyInterval`; provider `sign_in_frequency_interval`). */
export const SIGN_IN_FREQUENCY_INTERVALS = new Vocabulary('sign-in frequency interval', {
  TIME_BASED: { value: 'timeBased', label: 'Periodic reauthentication' },
  EVERY_TIME: { value: 'everyTime', label: 'Every time' },
});

/**
 * What a sign-in frequency re-prompts for (Graph `signInFrequencyAuthenticationType`; provider
 * `sign_in_frequency_authentication_type`).
 */
export const SIGN_IN_FREQUENCY_AUTHENTICATION_TYPES = new Vocabulary('sign-in frequency authentication type', {
  PRIMARY_AND_SECONDARY: { value: 'primaryAndSecondaryAuthentication', label: 'Primary and secondary authentication' },
  SECONDARY: { value: 'secondaryAuthentication', label: 'Secondary authentication' },
});
