import { Construct } from 'constructs';
import { PolicyTemplate } from './policy-template';
import { AuthenticationStrength, IAuthenticationStrength } from '../authentication-strength/authentication-strength';
import { Location } from '../locations/location';
import { INamedLocation } from '../locations/named-location';
import { RequireMfaForSecurityInfoRegistration } from '../patterns/require-mfa-for-security-info-registration';
import { ClientAppType } from '../policy/client-app-type';
import { ConditionalAccessPolicy, ConditionalAccessPolicyProps } from '../policy/conditional-access-policy';
import { DevicePlatform } from '../policy/device-platform';
import { EmergencyAccessAccounts } from '../policy/emergency-access-accounts';
import { FilterMode } from '../policy/filter';
import { BuiltInControl, GrantControls } from '../policy/grant-controls';
import { GuestOrExternalUserType, GuestsOrExternalUsers } from '../policy/guests-or-external-users';
import { PolicyState } from '../policy/policy-state';
import { DirectoryRole } from '../policy/principal';
import { InsiderRiskLevel, RiskLevel } from '../policy/risk-level';
import { PersistentBrowserMode, SignInFrequency } from '../policy/session-controls';
import { CloudApplication, TargetResources, UserAction } from '../policy/target-resources';
import { IncludedUsers, UserSelection } from '../policy/users';
import { fail, failProp, isToken } from '../private/validation';
import { RuleSuppressions } from '../rules/rule-suppressions';
import { AZURE_MANAGEMENT_APP_ID } from '../vocabulary/applications';
import { DIRECTORY_ROLES } from '../vocabulary/directory-roles';

/**
 * Properties of a {@link TemplatePolicy}.
 */
export interface TemplatePolicyProps {
  /** The Microsoft template to deploy, e.g. `PolicyTemplate.REQUIRE_MFA_FOR_ADMINS`. */
  readonly template: PolicyTemplate;
  /**
   * The policy's display name.
   * @default - the template's portal name (`template.portalName`)
   */
  readonly displayName?: string;
  /**
   * "Enable policy". The portal creates every template report-only; report-only is not evaluated for
   * user actions, so test those templates with What-If.
   * @default PolicyState.REPORT_ONLY
   */
  readonly state?: PolicyState;
  /**
   * Emergency-access ("break-glass") accounts to exclude, as every template's Learn page asks.
   * @default - none for this policy (add them here or with `EmergencyAccess.of(scope)`)
   */
  readonly emergencyAccess?: EmergencyAccessAccounts;
  /**
   * More users, groups or roles to exclude, e.g. service accounts, or for BLOCK_LEGACY_AUTHENTICATION the
   * accounts that must keep legacy authentication. Added to the template's own exclusions.
   * @default - only the template's exclusions
   */
  readonly excludeUsers?: UserSelection;
  /**
   * Exclude the Directory Synchronization Accounts role (the Microsoft Entra Connect sync accounts), as
   * the pages of REQUIRE_MFA_FOR_ALL_USERS, REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA and
   * REQUIRE_COMPLIANT_DEVICE ask for hybrid identity. Only those templates take it.
   * @default true - excluding a role without members is harmless; including the sync account breaks sync
   */
  readonly excludeDirectorySynchronizationAccounts?: boolean;
  /**
   * The authentication strength of a template that grants one ("Require authentication strength"):
   * SECURING_SECURITY_INFO_REGISTRATION, REQUIRE_MFA_FOR_ADMIN_PORTALS, REQUIRE_MFA_FOR_ALL_USERS,
   * REQUIRE_MFA_FOR_RISKY_SIGN_INS, REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS and
   * REQUIRE_MFA_FOR_DEVICE_REGISTRATION. Only those templates take it.
   * @default - the strength the template's page selects
   */
  readonly authenticationStrength?: IAuthenticationStrength;
  /**
   * BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS only: the device platforms your organisation uses, which
   * are not blocked.
   * @default [DevicePlatform.ANDROID, DevicePlatform.IOS, DevicePlatform.WINDOWS, DevicePlatform.MACOS]
   */
  readonly supportedPlatforms?: DevicePlatform[];
  /**
   * BLOCK_ACCESS_BY_LOCATION only, and required there: the named locations to block sign-ins from, e.g. a
   * `CountryNamedLocation`.
   * @default - none
   */
  readonly blockedLocations?: INamedLocation[];
  /**
   * BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS only, and required there: the applications left open outside
   * trusted locations (the page's example: `CloudApplication.OFFICE_365`).
   * @default - none
   */
  readonly allowedApplications?: CloudApplication[];
}

/** The optional props only some templates take. */
type TemplateOption = 'excludeDirectorySynchronizationAccounts' | 'authenticationStrength' | 'supportedPlatforms' | 'blockedLocations' | 'allowedApplications';

/** What a template chooses: everything but the name, state and emergency access. */
type TemplateChoices = Omit<ConditionalAccessPolicyProps, 'displayName' | 'state' | 'emergencyAccess'>;

/** How one template is built, from the props. */
interface TemplateRecipe {
  /** The optional props the template takes. */
  readonly options: readonly TemplateOption[];
  /** The strength the page selects, for templates that take `authenticationStrength`. */
  readonly strength?: () => IAuthenticationStrength;
  /** The template already includes or excludes guest types on the exclude side (so `excludeUsers` may not). */
  readonly excludesGuests?: boolean;
  /** The policy's conditions and controls. */
  readonly choices?: (props: TemplatePolicyProps, exclude: UserSelection) => TemplateChoices;
}

/** The 14 roles of Learn's admin-roles include (the vocabulary table's `adminTemplate` flag). */
function adminRoles(): IncludedUsers {
  return IncludedUsers.select({
    roles: DIRECTORY_ROLES.filter((r) => r.adminTemplate).map((r) => DirectoryRole.fromTemplateId(r.templateId)),
  });
}

/** The Directory Synchronization Accounts role, from the vocabulary table. */
function directorySynchronizationAccounts(): DirectoryRole {
  return DirectoryRole.fromTemplateId(DIRECTORY_ROLES.find((r) => r.constant === 'DIRECTORY_SYNCHRONIZATION_ACCOUNTS')!.templateId);
}

const DEFAULT_SUPPORTED_PLATFORMS = (): DevicePlatform[] => [
  DevicePlatform.ANDROID, DevicePlatform.IOS, DevicePlatform.WINDOWS, DevicePlatform.MACOS,
];

/** The device filter of NO_PERSISTENT_BROWSER_SESSION, verbatim from its Learn page: unmanaged devices. */
export const UNMANAGED_DEVICE_RULE = 'device.trustType -ne "ServerAD" -or device.isCompliant -ne True';

const ALL_USERS = (_: TemplatePolicyProps, exclude: UserSelection) => ({ includeUsers: IncludedUsers.all(), excludeUsers: exclude });
const ADMINS = (_: TemplatePolicyProps, exclude: UserSelection) => ({ includeUsers: adminRoles(), excludeUsers: exclude });
const strengthOf = (props: TemplatePolicyProps, recipe: TemplateRecipe) => props.authenticationStrength ?? recipe.strength!();

/** Every template's recipe, as its Learn page configures the policy. */
const RECIPES: { readonly [name: string]: TemplateRecipe } = {
  REQUIRE_MFA_FOR_ADMINS: {
    options: [],
    choices: (p, x) => ({ ...ADMINS(p, x), target: TargetResources.allResources(), grant: GrantControls.requireMfa() }),
  },
  // Built by the RequireMfaForSecurityInfoRegistration recipe (see TemplatePolicy).
  SECURING_SECURITY_INFO_REGISTRATION: {
    options: ['authenticationStrength'],
    strength: () => AuthenticationStrength.MULTIFACTOR_AUTHENTICATION,
    excludesGuests: true,
  },
  BLOCK_LEGACY_AUTHENTICATION: {
    options: [],
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.allResources(),
      clientAppTypes: [ClientAppType.EXCHANGE_ACTIVE_SYNC, ClientAppType.OTHER],
      grant: GrantControls.block(),
    }),
  },
  REQUIRE_MFA_FOR_ADMIN_PORTALS: {
    options: ['authenticationStrength'],
    strength: () => AuthenticationStrength.MULTIFACTOR_AUTHENTICATION,
    choices: (p, x) => ({
      ...ADMINS(p, x),
      target: TargetResources.applications({ include: [CloudApplication.MICROSOFT_ADMIN_PORTALS] }),
      grant: GrantControls.requireAuthenticationStrength(strengthOf(p, RECIPES.REQUIRE_MFA_FOR_ADMIN_PORTALS)),
    }),
  },
  REQUIRE_MFA_FOR_ALL_USERS: {
    options: ['excludeDirectorySynchronizationAccounts', 'authenticationStrength'],
    strength: () => AuthenticationStrength.MULTIFACTOR_AUTHENTICATION,
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.allResources(),
      grant: GrantControls.requireAuthenticationStrength(strengthOf(p, RECIPES.REQUIRE_MFA_FOR_ALL_USERS)),
    }),
  },
  REQUIRE_MFA_FOR_AZURE_MANAGEMENT: {
    options: [],
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.applications({ include: [CloudApplication.fromAppId(AZURE_MANAGEMENT_APP_ID)] }),
      grant: GrantControls.requireMfa(),
    }),
  },
  REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA: {
    options: ['excludeDirectorySynchronizationAccounts'],
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.allResources(),
      grant: GrantControls.requireOneOf({
        builtInControls: [BuiltInControl.MFA, BuiltInControl.COMPLIANT_DEVICE, BuiltInControl.DOMAIN_JOINED_DEVICE],
      }),
    }),
  },
  REQUIRE_COMPLIANT_DEVICE: {
    options: ['excludeDirectorySynchronizationAccounts'],
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.allResources(),
      grant: GrantControls.requireOneOf({ builtInControls: [BuiltInControl.COMPLIANT_DEVICE] }),
    }),
  },
  REQUIRE_APPROVED_CLIENT_APPS_OR_APP_PROTECTION: {
    options: [],
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.allResources(),
      includePlatforms: [DevicePlatform.ANDROID, DevicePlatform.IOS],
      grant: GrantControls.requireOneOf({ builtInControls: [BuiltInControl.APPROVED_APPLICATION, BuiltInControl.COMPLIANT_APPLICATION] }),
    }),
  },
  REQUIRE_MFA_FOR_GUESTS: {
    options: [],
    choices: (_, x) => ({
      includeUsers: IncludedUsers.allGuestsOrExternalUsers(),
      excludeUsers: x,
      target: TargetResources.allResources(),
      grant: GrantControls.requireMfa(),
    }),
  },
  REQUIRE_MFA_FOR_RISKY_SIGN_INS: {
    options: ['authenticationStrength'],
    strength: () => AuthenticationStrength.MULTIFACTOR_AUTHENTICATION,
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.allResources(),
      signInRiskLevels: [RiskLevel.HIGH, RiskLevel.MEDIUM],
      grant: GrantControls.requireAuthenticationStrength(strengthOf(p, RECIPES.REQUIRE_MFA_FOR_RISKY_SIGN_INS)),
      // "Under Session, select Sign-in frequency. Ensure Every time is selected."
      session: { signInFrequency: SignInFrequency.everyTime() },
    }),
  },
  REQUIRE_PASSWORD_CHANGE_FOR_HIGH_RISK_USERS: {
    options: [],
    // "Require risk remediation" is not a provider 3.7.0 value: the closest deployable policy is MFA +
    // password change, all required, with "Sign-in frequency: Every time" (see the template's doc comment).
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.allResources(),
      userRiskLevels: [RiskLevel.HIGH],
      grant: GrantControls.requireAll({ builtInControls: [BuiltInControl.MFA, BuiltInControl.PASSWORD_CHANGE] }),
      session: { signInFrequency: SignInFrequency.everyTime() },
    }),
  },
  BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS: {
    options: ['supportedPlatforms'],
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.allResources(),
      includePlatforms: [DevicePlatform.ALL],
      excludePlatforms: p.supportedPlatforms ?? DEFAULT_SUPPORTED_PLATFORMS(),
      grant: GrantControls.block(),
    }),
  },
  NO_PERSISTENT_BROWSER_SESSION: {
    options: [],
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.allResources(),
      deviceFilter: { mode: FilterMode.INCLUDE, rule: UNMANAGED_DEVICE_RULE },
      session: { signInFrequency: SignInFrequency.hours(1), persistentBrowserMode: PersistentBrowserMode.NEVER },
    }),
  },
  BLOCK_INSIDER_RISK: {
    options: [],
    excludesGuests: true,
    choices: (_, x) => ({
      includeUsers: IncludedUsers.all(),
      excludeUsers: {
        ...x,
        guestsOrExternalUsers: GuestsOrExternalUsers.of({
          types: [
            GuestOrExternalUserType.B2B_DIRECT_CONNECT_USER,
            GuestOrExternalUserType.SERVICE_PROVIDER,
            GuestOrExternalUserType.OTHER_EXTERNAL_USER,
          ],
        }),
      },
      target: TargetResources.allResources(),
      insiderRiskLevel: InsiderRiskLevel.ELEVATED,
      grant: GrantControls.block(),
    }),
  },
  REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_FOR_ADMINS: {
    options: [],
    choices: (p, x) => ({
      ...ADMINS(p, x),
      target: TargetResources.allResources(),
      grant: GrantControls.requireOneOf({ builtInControls: [BuiltInControl.COMPLIANT_DEVICE, BuiltInControl.DOMAIN_JOINED_DEVICE] }),
    }),
  },
  APP_ENFORCED_RESTRICTIONS_FOR_UNMANAGED_DEVICES: {
    options: [],
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.applications({ include: [CloudApplication.OFFICE_365] }),
      session: { applicationEnforcedRestrictions: true },
    }),
  },
  REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS: {
    options: ['authenticationStrength'],
    strength: () => AuthenticationStrength.PHISHING_RESISTANT_MFA,
    choices: (p, x) => ({
      ...ADMINS(p, x),
      target: TargetResources.allResources(),
      grant: GrantControls.requireAuthenticationStrength(strengthOf(p, RECIPES.REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS)),
    }),
  },
  REQUIRE_MFA_FOR_DEVICE_REGISTRATION: {
    options: ['authenticationStrength'],
    strength: () => AuthenticationStrength.MULTIFACTOR_AUTHENTICATION,
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.userActions(UserAction.REGISTER_OR_JOIN_DEVICES),
      grant: GrantControls.requireAuthenticationStrength(strengthOf(p, RECIPES.REQUIRE_MFA_FOR_DEVICE_REGISTRATION)),
    }),
  },
  BLOCK_ACCESS_BY_LOCATION: {
    options: ['blockedLocations'],
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.allResources(),
      includeLocations: p.blockedLocations,
      grant: GrantControls.block(),
    }),
  },
  BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS: {
    options: ['allowedApplications'],
    choices: (p, x) => ({
      ...ALL_USERS(p, x),
      target: TargetResources.allResources(...p.allowedApplications!),
      includeLocations: [Location.ALL],
      excludeLocations: [Location.ALL_TRUSTED],
      // "Client apps: Configure Yes, Done" with the four boxes ticked, as the portal stores it.
      clientAppTypes: [ClientAppType.BROWSER, ClientAppType.MOBILE_APPS_AND_DESKTOP_CLIENTS, ClientAppType.EXCHANGE_ACTIVE_SYNC, ClientAppType.OTHER],
      grant: GrantControls.block(),
    }),
  },
};

/** The recipe of a template; throws for a value that is not one of the library's templates. */
function recipeOf(template: PolicyTemplate | undefined): TemplateRecipe {
  if (!template) {
    failProp('template', 'is required; pass one of the PolicyTemplate constants, e.g. PolicyTemplate.REQUIRE_MFA_FOR_ADMINS');
  }
  const recipe = PolicyTemplate.ALL.includes(template) ? RECIPES[template.name] : undefined;
  if (!recipe) {
    fail('template', String(template), 'is not one of the library\'s templates', 'pass a PolicyTemplate constant, e.g. PolicyTemplate.REQUIRE_MFA_FOR_ADMINS');
  }
  return recipe;
}

/** Which templates take an option, for messages. */
function templatesTaking(option: TemplateOption): string {
  return PolicyTemplate.ALL.filter((t) => RECIPES[t.name].options.includes(option)).map((t) => t.name).join(', ');
}

/** True when the template takes this optional prop. */
export function templateTakes(template: PolicyTemplate, option: TemplateOption): boolean {
  return recipeOf(template).options.includes(option);
}

/** Validate the template-specific props: each is used by the template, and the required data is there. */
function validateOptions(props: TemplatePolicyProps, recipe: TemplateRecipe): void {
  const t = props.template;
  const options: TemplateOption[] = ['excludeDirectorySynchronizationAccounts', 'authenticationStrength', 'supportedPlatforms', 'blockedLocations', 'allowedApplications'];
  for (const option of options) {
    if (props[option] !== undefined && !recipe.options.includes(option)) {
      fail(option, describe(props[option]), `is not used by ${t}`, `remove it; only ${templatesTaking(option)} take ${option}`);
    }
  }
  if (recipe.options.includes('blockedLocations')) {
    const blocked = props.blockedLocations;
    if (blocked === undefined) {
      failProp('blockedLocations', `is required by ${t}, which blocks sign-ins from the named locations you choose (Learn: policy-block-by-location); pass them, e.g. [new CountryNamedLocation(scope, 'Blocked', { displayName: 'Blocked countries', countriesAndRegions: ['KP'] })]`);
    }
    if (!isToken(blocked) && blocked.length === 0) {
      fail('blockedLocations', [], 'is empty', `pass at least one named location to block; ${t} blocks nothing without one`);
    }
    blocked.forEach((l, i) => {
      if (l?.locationId === 'All' || l?.locationId === 'AllTrusted') {
        fail(`blockedLocations[${i}]`, l.locationId, 'is not a named location', 'pass the IpNamedLocation / CountryNamedLocation to block; blocking Any location or All trusted locations locks everyone out');
      }
    });
  }
  if (recipe.options.includes('allowedApplications')) {
    const allowed = props.allowedApplications;
    if (allowed === undefined) {
      failProp('allowedApplications', `is required by ${t}, which blocks every other application outside trusted locations (Learn: policy-block-example); pass the applications to keep open, e.g. [CloudApplication.OFFICE_365]`);
    }
    if (!isToken(allowed) && allowed.length === 0) {
      fail('allowedApplications', [], 'is empty', 'pass the applications to keep open, e.g. [CloudApplication.OFFICE_365]; without one the policy blocks every application outside trusted locations');
    }
    allowed.forEach((a, i) => {
      if (a?.value === 'All' || a?.value === 'None') {
        fail(`allowedApplications[${i}]`, a.value, 'cannot be allowed', 'pass application ids or suites such as CloudApplication.OFFICE_365');
      }
    });
  }
  if (recipe.options.includes('supportedPlatforms') && props.supportedPlatforms !== undefined) {
    const platforms = props.supportedPlatforms;
    if (!isToken(platforms) && platforms.length === 0) {
      fail('supportedPlatforms', [], 'is empty', 'list the platforms your organisation uses, e.g. [DevicePlatform.WINDOWS, DevicePlatform.IOS]; an empty list would block every platform');
    }
    platforms.forEach((p, i) => {
      if (p?.value === 'all') fail(`supportedPlatforms[${i}]`, p.value, 'is not a platform', 'list specific platforms such as DevicePlatform.WINDOWS; DevicePlatform.ALL would exempt every device');
    });
  }
  if (recipe.excludesGuests && props.excludeUsers?.guestsOrExternalUsers) {
    failProp('excludeUsers.guestsOrExternalUsers', `is set, but ${t} already excludes guest and external users as its Learn page says, and Graph takes one guest exclusion per policy; remove it`);
  }
}

function describe(value: unknown): unknown {
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  if (typeof value === 'object' && value !== null) return (value as { authenticationStrengthId?: string }).authenticationStrengthId ?? 'an object';
  return value;
}

/**
 * One of Microsoft's Conditional Access templates ({@link PolicyTemplate}) as one construct: the policy its
 * Learn page configures (users, including the documented directory roles; target resources; conditions;
 * grant and session controls; the documented exclusions), report-only by default as the portal creates it,
 * and excluding your emergency-access accounts.
 *
 * Where provider 3.7.0 or Graph v1.0 cannot express the page, the policy is the closest deployable one and
 * the template's doc comment says what differs (REQUIRE_MFA_FOR_RISKY_SIGN_INS,
 * REQUIRE_PASSWORD_CHANGE_FOR_HIGH_RISK_USERS).
 *
 * @example
 * new TemplatePolicy(stack, 'AdminMfa', {
 *   template: PolicyTemplate.REQUIRE_MFA_FOR_ADMINS,
 *   emergencyAccess: { groups: [Principal.fromObjectId(breakGlassGroupId)] },
 * });
 */
export class TemplatePolicy extends Construct {
  /** The template. */
  public readonly template: PolicyTemplate;
  /** The policy (L2); its `resource` is the `azuread_conditional_access_policy` (L1). */
  public readonly policy: ConditionalAccessPolicy;

  /**
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   */
  constructor(scope: Construct, id: string, props: TemplatePolicyProps) {
    super(scope, id);
    const recipe = recipeOf(props?.template);
    validateOptions(props, recipe);
    this.template = props.template;
    const displayName = props.displayName ?? props.template.portalName;
    const state = props.state ?? PolicyState.REPORT_ONLY;
    const excludeDirSync = recipe.options.includes('excludeDirectorySynchronizationAccounts') && (props.excludeDirectorySynchronizationAccounts ?? true);
    const exclude: UserSelection = {
      ...props.excludeUsers,
      roles: [...(props.excludeUsers?.roles ?? []), ...(excludeDirSync ? [directorySynchronizationAccounts()] : [])],
    };

    if (props.template === PolicyTemplate.SECURING_SECURITY_INFO_REGISTRATION) {
      // The same policy as the recipe with an authentication strength outside trusted locations: built by it.
      this.policy = new RequireMfaForSecurityInfoRegistration(this, 'Recipe', {
        displayName,
        state,
        emergencyAccess: props.emergencyAccess,
        excludeUsers: props.excludeUsers,
        authenticationStrength: strengthOf(props, recipe),
        onlyOutsideTrustedLocations: true,
      }).policy;
    } else {
      const choices = recipe.choices!(props, exclude);
      this.policy = new ConditionalAccessPolicy(this, 'Policy', { displayName, state, emergencyAccess: props.emergencyAccess, ...choices });
    }

    this.suppressDocumentedFindings(props, excludeDirSync);
  }

  /**
   * Warnings that the template's documented configuration triggers although their concern does not apply:
   * suppressed on this policy only, with the reason, so `ConditionalAccessRules.check` stays quiet.
   */
  private suppressDocumentedFindings(props: TemplatePolicyProps, excludeDirSync: boolean): void {
    // CA7: the only excluded role is the one the page excludes.
    if (excludeDirSync && !(props.excludeUsers?.roles ?? []).length) {
      RuleSuppressions.of(this.policy).add('CA7', `${this.template} excludes the Directory Synchronization Accounts role, as its Learn page says for hybrid identity: it holds the Microsoft Entra Connect sync service account, not an administrator`);
    }
    // CA3 needs no suppression for the built-in Multifactor authentication strength: guests can use several of its
    // combinations, so it does not fire (issue 20).
  }
}
