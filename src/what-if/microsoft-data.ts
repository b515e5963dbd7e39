/**
 * Published Microsoft lists the offline What-If evaluator needs. Internal module: not part of the jsii API.
 *
 * Every list names its source. When Microsoft publishes only names, the ids come from Microsoft's own
 * first-party application id table; names without a published id are left out (and say so).
 */

/**
 * Graph `whatIfAnalysisReasons`, in the order of the enum (Graph v1.0 `whatIfAnalysisResult` resource page,
 * https://learn.microsoft.com/graph/api/resources/whatifanalysisresult). The bit of reason `i` is `1 << i`.
 */
export const ANALYSIS_REASONS: readonly string[] = [
  'notEnoughInformation',
  'invalidCondition',
  'users',
  'workloadIdentities',
  'application',
  'userActions',
  'authenticationContext',
  'devicePlatform',
  'devices',
  'clientApps',
  'location',
  'signInRisk',
  'emptyPolicy',
  'invalidPolicy',
  'policyNotEnabled',
  'userRisk',
  'time',
  'insiderRisk',
  'authenticationFlow',
];

/** Bit masks of the analysis reasons (bit i = ANALYSIS_REASONS[i]). */
export const R_NOT_ENOUGH_INFORMATION = 1;
export const R_INVALID_CONDITION = 2;
export const R_USERS = 4;
export const R_WORKLOAD_IDENTITIES = 8;
export const R_APPLICATION = 16;
export const R_USER_ACTIONS = 32;
export const R_AUTHENTICATION_CONTEXT = 64;
export const R_DEVICE_PLATFORM = 128;
export const R_DEVICES = 256;
export const R_CLIENT_APPS = 512;
export const R_LOCATION = 1024;
export const R_SIGN_IN_RISK = 2048;
export const R_EMPTY_POLICY = 4096;
export const R_INVALID_POLICY = 8192;
export const R_POLICY_NOT_ENABLED = 16384;
export const R_USER_RISK = 32768;
export const R_TIME = 65536;
export const R_INSIDER_RISK = 131072;
export const R_AUTHENTICATION_FLOW = 262144;

/** Graph `deviceInfo` properties (v1.0 `deviceInfo` resource page). */
export const DEVICE_INFO_STRING_FIELDS: readonly string[] = [
  'deviceId',
  'displayName',
  'enrollmentProfileName',
  'manufacturer',
  'mdmAppId',
  'model',
  'operatingSystem',
  'operatingSystemVersion',
  'ownership',
  'profileType',
  'trustType',
  ...Array.from({ length: 15 }, (_, i) => `extensionAttribute${i + 1}`),
];

/** `deviceInfo` properties that are string collections. */
export const DEVICE_INFO_LIST_FIELDS: readonly string[] = ['physicalIds', 'systemLabels'];
