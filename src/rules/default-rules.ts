import { CA1_LOCKOUT } from './ca1-lockout';
import { CA10_PROVIDER_CANNOT_REMOVE } from './ca10-provider-cannot-remove';
import { CA11_EVERY_TIME_SIGN_IN_FREQUENCY } from './ca11-every-time-sign-in-frequency';
import { CA12_PASSWORD_CHANGE_WITHOUT_EVERY_TIME } from './ca12-password-change-without-every-time';
import { CA13_ENUMERATED_TENANTS_WITHOUT_MEMBERS } from './ca13-enumerated-tenants-without-members';
import { CA14_INCLUDED_AND_EXCLUDED } from './ca14-included-and-excluded';
import { CA2_REPORT_ONLY_USER_ACTION } from './ca2-report-only-user-action';
import { CA3_TAP_FOR_GUESTS } from './ca3-tap-for-guests';
import { CA4_ALL_TRUSTED_WITHOUT_TRUSTED_LOCATION } from './ca4-all-trusted-without-trusted-location';
import { CA5_DUPLICATE_DISPLAY_NAME } from './ca5-duplicate-display-name';
import { CA6_TENANT_LIMITS } from './ca6-tenant-limits';
import { CA7_EXCLUDED_DIRECTORY_ROLES } from './ca7-excluded-directory-roles';
import { CA8_NON_PUBLIC_IP_RANGE } from './ca8-non-public-ip-range';
import { CA9_PROVIDER_CONTRACT } from './ca9-provider-contract';
import { IConditionalAccessRule } from './rule';

/** The library's rules, in id order: they run on every stack. */
export const DEFAULT_RULES: readonly IConditionalAccessRule[] = [
  CA1_LOCKOUT,
  CA2_REPORT_ONLY_USER_ACTION,
  CA3_TAP_FOR_GUESTS,
  CA4_ALL_TRUSTED_WITHOUT_TRUSTED_LOCATION,
  CA5_DUPLICATE_DISPLAY_NAME,
  CA6_TENANT_LIMITS,
  CA7_EXCLUDED_DIRECTORY_ROLES,
  CA8_NON_PUBLIC_IP_RANGE,
  CA9_PROVIDER_CONTRACT,
  CA10_PROVIDER_CANNOT_REMOVE,
  CA11_EVERY_TIME_SIGN_IN_FREQUENCY,
  CA12_PASSWORD_CHANGE_WITHOUT_EVERY_TIME,
  CA13_ENUMERATED_TENANTS_WITHOUT_MEMBERS,
  CA14_INCLUDED_AND_EXCLUDED,
];
