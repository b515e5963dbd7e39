// Named locations
export { ILocation, Location } from './locations/location';
export { INamedLocation, NamedLocation } from './locations/named-location';
export { IpNamedLocation, IpNamedLocationProps } from './locations/ip-named-location';
export { CountryNamedLocation, CountryNamedLocationProps, CountryLookupMethod } from './locations/country-named-location';

// Authentication strengths
export { AuthenticationMethodMode, AuthenticationMethodCombination } from './authentication-strength/authentication-method';
export { IAuthenticationStrength, AuthenticationStrength } from './authentication-strength/authentication-strength';
export { CustomAuthenticationStrength, CustomAuthenticationStrengthProps } from './authentication-strength/custom-authentication-strength';

// Conditional Access policies
export { ConditionalAccessPolicy, ConditionalAccessPolicyProps } from './policy/conditional-access-policy';
export { PolicyState } from './policy/policy-state';
export { Principal, PrincipalKind, DirectoryRole } from './policy/principal';
export { IncludedUsers, UserSelection } from './policy/users';
export { GuestsOrExternalUsers, GuestsOrExternalUsersProps, GuestOrExternalUserType, ExternalTenants } from './policy/guests-or-external-users';
export { WorkloadIdentitiesProps } from './policy/workload-identities';
export { TargetResources, ApplicationsProps, UserAction, CloudApplication } from './policy/target-resources';
export { ClientAppType } from './policy/client-app-type';
export { DevicePlatform } from './policy/device-platform';
export { RiskLevel, InsiderRiskLevel } from './policy/risk-level';
export { AuthenticationFlow } from './policy/authentication-flow';
export { FilterMode, FilterProps } from './policy/filter';
export { GrantControls, GrantRequirements, BuiltInControl } from './policy/grant-controls';
export {
  SessionControlsProps, SignInFrequency, SignInFrequencyAuthenticationType, PersistentBrowserMode, CloudAppSecurityPolicy,
} from './policy/session-controls';
export { EmergencyAccessAccounts } from './policy/emergency-access-accounts';
export { EmergencyAccess } from './emergency-access/emergency-access';

// Recipes
export { SecurityInfoRegistrationOptions } from './patterns/security-info-registration-options';
export { RequireMfaForSecurityInfoRegistration, RequireMfaForSecurityInfoRegistrationProps } from './patterns/require-mfa-for-security-info-registration';
export { BlockGuestSecurityInfoRegistration, BlockGuestSecurityInfoRegistrationProps } from './patterns/block-guest-security-info-registration';
export {
  RequireTrustedLocationForSecurityInfoRegistration, RequireTrustedLocationForSecurityInfoRegistrationProps, UntrustedLocationAction,
} from './patterns/require-trusted-location-for-security-info-registration';
export { SecureSecurityInfoRegistration, SecureSecurityInfoRegistrationProps } from './patterns/secure-security-info-registration';

// Synth-time lint rules
export { RuleSeverity, RuleInfo, RuleFinding } from './rules/rule';
export { RuleSuppressions } from './rules/rule-suppressions';
export { ConditionalAccessRules } from './rules/conditional-access-rules';

// Offline What-If evaluator
export * from './what-if';
