import { Vocabulary } from './vocabulary';

/**
 * Device platforms (Graph `conditionalAccessDevicePlatform`; provider 3.7.0
 * `conditions.platforms.included_platforms` / `excluded_platforms`).
 */
export const DEVICE_PLATFORMS = new Vocabulary('device platform', {
  ALL: { value: 'all', label: 'Any device' },
  ANDROID: { value: 'android', label: 'Android' },
  IOS: { value: 'iOS', label: 'iOS' },
  LINUX: { value: 'linux', label: 'Linux' },
  MACOS: { value: 'macOS', label: 'macOS' },
  WINDOWS: { value: 'windows', label: 'Windows' },
  WINDOWS_PHONE: { value: 'windowsPhone', label: 'Windows Phone' },
  UNKNOWN_FUTURE_VALUE: { value: 'unknownFutureValue', label: 'Unknown future value', policy: false },
});
