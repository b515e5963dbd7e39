/**
 * The one policy model: a stack's (or a tenant export's) Conditional Access objects in Microsoft Graph
 * v1.0 terms, as the azuread provider sends them to Graph. The rules, What-If, export, gap analysis
 * and the report all read this model, so a policy written with the L2 constructs, with a raw L1
 * resource, changed through an escape hatch or imported from Graph JSON is judged the same way.
 *
 * Values are kept as written: ids stay literal GUIDs or Terraform references such as
 * `${azuread_group.admins.object_id}`; a list given as one Terraform expression becomes a one-item
 * list holding that expression. Lists are always present (empty when unset); an absent condition or
 * control block is `undefined`. Graph's comma-joined flag strings (guest types, transfer methods,
 * insider risk levels) are lists here.
 */

/** Where a model object came from. */
export interface ModelSource {
  /**
   * Terraform address, e.g. `azuread_conditional_access_policy.baseline_members_Resource_1A2B3C4D`, or
   * for an object read from Graph JSON, `graph:<file>#<index>`.
   */
  readonly address: string;

  /**
   * The construct path cdktf recorded for the resource (`//.metadata.path`).
   * @default - not synthesized by cdktf (hand-written Terraform JSON or Graph JSON)
   */
  readonly constructPath?: string;

  /**
   * The rules suppressed on the resource and its scopes at synth, by rule id, with their reasons.
   * @default - none
   */
  readonly suppressions?: { [ruleId: string]: string };

  /**
   * JSON paths (Graph names, e.g. `sessionControls.signInFrequency.value`) of scalar values that are
   * Terraform expressions, only known at apply time; the model holds no value for them.
   * @default - none
   */
  readonly unresolved?: string[];
}

/** A `conditionalAccessGuestsOrExternalUsers` block. */
export interface GuestsOrExternalUsersModel {
  /** Guest or external user types, e.g. `b2bCollaborationGuest`. */
  readonly guestOrExternalUserTypes: string[];
  /** `all` or `enumerated`. */
  readonly membershipKind: string;
  /** Tenant ids when `membershipKind` is `enumerated`; empty otherwise. */
  readonly members: string[];
}

/** `conditions.users`. */
export interface UsersConditionModel {
  /** User ids or `All`, `None`, `GuestsOrExternalUsers`. */
  readonly includeUsers: string[];
  /** User ids or `GuestsOrExternalUsers`. */
  readonly excludeUsers: string[];
  /** Group ids. */
  readonly includeGroups: string[];
  /** Group ids. */
  readonly excludeGroups: string[];
  /** Directory role template ids. */
  readonly includeRoles: string[];
  /** Directory role template ids. */
  readonly excludeRoles: string[];
  /**
   * Included guest or external users (the structured block).
   * @default - none
   */
  readonly includeGuestsOrExternalUsers?: GuestsOrExternalUsersModel;
  /**
   * Excluded guest or external users (the structured block).
   * @default - none
   */
  readonly excludeGuestsOrExternalUsers?: GuestsOrExternalUsersModel;
}

/** `conditions.applications`. */
export interface ApplicationsConditionModel {
  /** App ids or `All`, `None`, `Office365`, `MicrosoftAdminPortals`. */
  readonly includeApplications: string[];
  /** App ids or `Office365`, `MicrosoftAdminPortals`. */
  readonly excludeApplications: string[];
  /** User action URNs, e.g. `urn:user:registersecurityinfo`. */
  readonly includeUserActions: string[];
}

/** A device or service principal filter (`conditionalAccessFilter`). */
export interface FilterModel {
  /** `include` or `exclude`. */
  readonly mode: string;
  /** The rule, e.g. `device.trustType -eq "ServerAD"`. */
  readonly rule: string;
}

/** `conditions.clientApplications` (workload identities). */
export interface ClientApplicationsConditionModel {
  /** Service principal ids or `ServicePrincipalsInMyTenant`. */
  readonly includeServicePrincipals: string[];
  /** Service principal ids. */
  readonly excludeServicePrincipals: string[];
  /**
   * A filter on service principal attributes.
   * @default - none
   */
  readonly servicePrincipalFilter?: FilterModel;
}

/** `conditions.platforms`. */
export interface PlatformsConditionModel {
  /** Platforms, or `all`. */
  readonly includePlatforms: string[];
  /** Platforms. */
  readonly excludePlatforms: string[];
}

/** `conditions.locations`. */
export interface LocationsConditionModel {
  /** `All`, `AllTrusted` or named location ids (`object_id`) / references. */
  readonly includeLocations: string[];
  /** `AllTrusted` or named location ids / references. */
  readonly excludeLocations: string[];
}

/** `conditions` (`conditionalAccessConditionSet`). */
export interface ConditionsModel {
  /**
   * Users and groups.
   * @default - no users block (a workload identity policy written without one)
   */
  readonly users?: UsersConditionModel;
  /** Target resources. */
  readonly applications: ApplicationsConditionModel;
  /**
   * Workload identities.
   * @default - none
   */
  readonly clientApplications?: ClientApplicationsConditionModel;
  /** Client app types; `all` when the policy has no client app condition. */
  readonly clientAppTypes: string[];
  /**
   * Device platforms.
   * @default - no platform condition
   */
  readonly platforms?: PlatformsConditionModel;
  /**
   * Locations.
   * @default - no location condition
   */
  readonly locations?: LocationsConditionModel;
  /**
   * The device filter.
   * @default - no device filter
   */
  readonly deviceFilter?: FilterModel;
  /** Sign-in risk levels; empty for no condition. */
  readonly signInRiskLevels: string[];
  /** User risk levels; empty for no condition. */
  readonly userRiskLevels: string[];
  /** Service principal risk levels; empty for no condition. */
  readonly servicePrincipalRiskLevels: string[];
  /** Insider risk levels; empty for no condition. */
  readonly insiderRiskLevels: string[];
  /** Authentication flow transfer methods; empty for no condition. */
  readonly transferMethods: string[];
}

/** `grantControls.authenticationStrength`, resolved against the model where possible. */
export interface AuthenticationStrengthReferenceModel {
  /**
   * The value the policy holds: a full path `/policies/authenticationStrengthPolicies/<id>` or a
   * Terraform reference such as `${azuread_authentication_strength_policy.tap.id}`.
   */
  readonly id: string;
}

/** `grantControls`. */
export interface GrantControlsModel {
  /** `AND` or `OR`. */
  readonly operator: string;
  /** Built-in controls, e.g. `mfa`, `block`. */
  readonly builtInControls: string[];
  /**
   * The required authentication strength.
   * @default - none
   */
  readonly authenticationStrength?: AuthenticationStrengthReferenceModel;
  /** Terms of use agreement ids. */
  readonly termsOfUse: string[];
  /** Custom authentication factor ids. */
  readonly customAuthenticationFactors: string[];
}

/** `sessionControls.signInFrequency`. */
export interface SignInFrequencyModel {
  /** Always true when present. */
  readonly isEnabled: boolean;
  /**
   * `hours` or `days`.
   * @default - none (every time)
   */
  readonly type?: string;
  /**
   * The number of hours or days.
   * @default - none (every time, or an expression)
   */
  readonly value?: number;
  /**
   * `primaryAndSecondaryAuthentication` or `secondaryAuthentication`.
   * @default - not sent
   */
  readonly authenticationType?: string;
  /**
   * `timeBased` or `everyTime`.
   * @default - not sent
   */
  readonly frequencyInterval?: string;
}

/** `sessionControls`. */
export interface SessionControlsModel {
  /**
   * "Use app enforced restrictions".
   * @default - not set
   */
  readonly applicationEnforcedRestrictions?: boolean;
  /**
   * "Use Conditional Access App Control": the `cloudAppSecurityType`.
   * @default - not set
   */
  readonly cloudAppSecurityType?: string;
  /**
   * "Persistent browser session": `always` or `never`.
   * @default - not set
   */
  readonly persistentBrowserMode?: string;
  /**
   * "Sign-in frequency".
   * @default - not set
   */
  readonly signInFrequency?: SignInFrequencyModel;
  /**
   * "Disable resilience defaults".
   * @default - not set
   */
  readonly disableResilienceDefaults?: boolean;
}

/** Emergency-access ("break-glass") accounts declared for a policy with the library's constructs. */
export interface EmergencyAccessModel {
  /** User ids or references. */
  readonly users: string[];
  /** Group ids or references. */
  readonly groups: string[];
}

/** A Conditional Access policy (`conditionalAccessPolicy`). */
export interface PolicyModel extends ModelSource {
  /**
   * The Graph object id (`object_id`), when known (an imported or adopted policy).
   * @default - created at apply time
   */
  readonly id?: string;
  /** The display name (may be a Terraform expression). */
  readonly displayName: string;
  /** `enabled`, `disabled` or `enabledForReportingButNotEnforced` (or an expression). */
  readonly state: string;
  /** The conditions. */
  readonly conditions: ConditionsModel;
  /**
   * Grant controls.
   * @default - none
   */
  readonly grantControls?: GrantControlsModel;
  /**
   * Session controls.
   * @default - none
   */
  readonly sessionControls?: SessionControlsModel;
  /**
   * The emergency-access accounts declared for this policy at synth (`emergencyAccess`,
   * `excludeEmergencyAccess` or `EmergencyAccess.of(scope)`), which it must exclude.
   * @default - none declared (hand-written Terraform JSON, Graph JSON, or none set)
   */
  readonly declaredEmergencyAccess?: EmergencyAccessModel;
}

/** A named location (`ipNamedLocation` or `countryNamedLocation`). */
export interface NamedLocationModel extends ModelSource {
  /**
   * The Graph object id, when known.
   * @default - created at apply time
   */
  readonly id?: string;
  /** The display name. */
  readonly displayName: string;
  /** `ip`, `country`, or `unknown` when the resource has neither block. */
  readonly kind: string;
  /** CIDR ranges of an IP location; empty for a country location. */
  readonly ipRanges: string[];
  /**
   * Whether an IP location is trusted; false for a country location.
   * @default - unknown (a Terraform expression)
   */
  readonly isTrusted?: boolean;
  /** ISO 3166-1 alpha-2 codes of a country location; empty for an IP location. */
  readonly countriesAndRegions: string[];
  /**
   * Whether a country location also matches unknown countries.
   * @default - unknown (a Terraform expression)
   */
  readonly includeUnknownCountriesAndRegions?: boolean;
  /** `clientIpAddress` or `authenticatorAppGps` (country locations). */
  readonly countryLookupMethod: string;
}

/** A custom authentication strength (`authenticationStrengthPolicy`). */
export interface AuthenticationStrengthModel extends ModelSource {
  /**
   * The Graph object id, when known.
   * @default - created at apply time
   */
  readonly id?: string;
  /** The display name. */
  readonly displayName: string;
  /**
   * The description.
   * @default - none
   */
  readonly description?: string;
  /** Allowed combinations, e.g. `password,sms`. */
  readonly allowedCombinations: string[];
}

/** Any other resource or data source of the stack that policies may reference (users, groups, ...). */
export interface ReferencedObjectModel {
  /** Terraform address, `type.name` or `data.type.name`. */
  readonly address: string;
  /** The Terraform type, e.g. `azuread_group`. */
  readonly type: string;
  /** Whether this is a data source. */
  readonly isDataSource: boolean;
  /** Its literal attributes as written in the Terraform JSON (snake_case). */
  readonly attributes: { [name: string]: any };
}
