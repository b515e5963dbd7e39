import { Vocabulary } from './vocabulary';

/**
 * Client app types (Graph `conditionalAccessClientApp`, the same values in a policy's `clientAppTypes`
 * and a sign-in's `clientAppType`; provider 3.7.0 `conditions.client_app_types`).
 */
export const CLIENT_APP_TYPES = new Vocabulary('client app type', {
  ALL: { value: 'all', label: 'Any client app' },
  BROWSER: { value: 'browser', label: 'Browser' },
  MOBILE_APPS_AND_DESKTOP_CLIENTS: { value: 'mobileAppsAndDesktopClients', label: 'Mobile apps and desktop clients' },
  EXCHANGE_ACTIVE_SYNC: { value: 'exchangeActiveSync', label: 'Exchange ActiveSync clients' },
  EAS_SUPPORTED: { value: 'easSupported', label: 'Exchange ActiveSync clients (supported platforms)' },
  OTHER: { value: 'other', label: 'Other clients' },
  UNKNOWN_FUTURE_VALUE: { value: 'unknownFutureValue', label: 'Unknown future value', policy: false },
});
