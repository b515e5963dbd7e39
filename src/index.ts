// Named locations
export { Location } from './locations/location';
export type { ILocation } from './locations/location';
export { NamedLocation } from './locations/named-location';
export type { INamedLocation } from './locations/named-location';
export { IpNamedLocation } from './locations/ip-named-location';
export type { IpNamedLocationProps } from './locations/ip-named-location';
export { CountryNamedLocation, CountryLookupMethod } from './locations/country-named-location';
export type { CountryNamedLocationProps } from './locations/country-named-location';

// Authentication strengths
export { AuthenticationMethodMode, AuthenticationMethodCombination } from './authentication-strength/authentication-method';
export { AuthenticationStrength } from './authentication-strength/authentication-strength';
export type { IAuthenticationStrength } from './authentication-strength/authentication-strength';
export { CustomAuthenticationStrength } from './authentication-strength/custom-authentication-strength';
export type { CustomAuthenticationStrengthProps } from './authentication-strength/custom-authentication-strength';

// Conditional Access policies
export { ConditionalAccessPolicy } from './policy/conditional-access-policy';
export type { ConditionalAccessPolicyProps } from './policy/conditional-access-policy';
export { PolicyState } from './policy/policy-state';
export { Principal, PrincipalKind, DirectoryRole } from './policy/principal';
export { IncludedUsers } from './policy/users';
export type { UserSelection } from './policy/users';
export { GuestsOrExternalUsers, GuestOrExternalUserType, ExternalTenants } from './policy/guests-or-external-users';
export type { GuestsOrExternalUsersProps } from './policy/guests-or-external-users';
export type { WorkloadIdentitiesProps } from './policy/workload-identities';
export { TargetResources, UserAction, CloudApplication } from './policy/target-resources';
export type { ApplicationsProps } from './policy/target-resources';
export { ClientAppType } from './policy/client-app-type';
export { DevicePlatform } from './policy/device-platform';
export { RiskLevel, InsiderRiskLevel } from './policy/risk-level';
export { AuthenticationFlow } from './policy/authentication-flow';
export { FilterMode } from './policy/filter';
export type { FilterProps } from './policy/filter';
export { GrantControls, BuiltInControl } from './policy/grant-controls';
export type { GrantRequirements } from './policy/grant-controls';
export { SignInFrequency, SignInFrequencyAuthenticationType, PersistentBrowserMode, CloudAppSecurityPolicy } from './policy/session-controls';
export type { SessionControlsProps } from './policy/session-controls';
export type { EmergencyAccessAccounts } from './policy/emergency-access-accounts';
export { EmergencyAccess } from './emergency-access/emergency-access';

// Recipes
export type { SecurityInfoRegistrationOptions } from './patterns/security-info-registration';
export { RequireMfaForSecurityInfoRegistration } from './patterns/require-mfa-for-security-info-registration';
export type { RequireMfaForSecurityInfoRegistrationProps } from './patterns/require-mfa-for-security-info-registration';
export { BlockGuestSecurityInfoRegistration } from './patterns/block-guest-security-info-registration';
export type { BlockGuestSecurityInfoRegistrationProps } from './patterns/block-guest-security-info-registration';
export { RequireTrustedLocationForSecurityInfoRegistration, UntrustedLocationAction } from './patterns/require-trusted-location-for-security-info-registration';
export type { RequireTrustedLocationForSecurityInfoRegistrationProps } from './patterns/require-trusted-location-for-security-info-registration';
export { SecureSecurityInfoRegistration } from './patterns/secure-security-info-registration';
export type { SecureSecurityInfoRegistrationProps } from './patterns/secure-security-info-registration';

// Microsoft's Conditional Access templates
export { PolicyTemplate, TemplateCategory } from './templates/policy-template';
export { TemplatePolicy } from './templates/template-policy';
export type { TemplatePolicyProps } from './templates/template-policy';
export { TemplateBaseline } from './templates/template-baseline';
export type { TemplateBaselineProps } from './templates/template-baseline';

// Synth-time lint rules
export { RuleSeverity } from './rules/rule';
export type { IConditionalAccessRule, IRulePack, RuleFinding, RuleViolation } from './rules/rule';
export { RuleSuppressions } from './rules/rule-suppressions';
export { ConditionalAccessRules } from './rules/conditional-access-rules';

// The policy model every rule and command reads
export { ConditionalAccessModel } from './model/conditional-access-model';
export type * from './model/model';

// Offline What-If evaluator: WhatIf (analysis/) and its sign-ins and reports (what-if/)
export * from './analysis';
export * from './what-if';

// Gap analysis (WhatIf.findGaps / WhatIf.signInClasses)
export * from './gaps';

// Graph import and export (cdktf-entra-ca import / export)
export * from './graph';
