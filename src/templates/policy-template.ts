import { TEMPLATE_SCENARIOS } from '../vocabulary/template-scenarios';

/**
 * A category of Microsoft's Conditional Access templates: a tab of Learn's "Conditional Access policy
 * templates" page (portal: Conditional Access > Create new policy from templates).
 */
export class TemplateCategory {
  /** "Secure foundation": the templates Microsoft recommends deploying together as a baseline. */
  public static readonly SECURE_FOUNDATION = new TemplateCategory('SECURE_FOUNDATION');
  /** "Zero Trust". */
  public static readonly ZERO_TRUST = new TemplateCategory('ZERO_TRUST');
  /** "Remote work". */
  public static readonly REMOTE_WORK = new TemplateCategory('REMOTE_WORK');
  /** "Protect administrator". */
  public static readonly PROTECT_ADMINISTRATOR = new TemplateCategory('PROTECT_ADMINISTRATOR');
  /** "Emerging threats". */
  public static readonly EMERGING_THREATS = new TemplateCategory('EMERGING_THREATS');

  /** Every category, in the order of the templates page's tabs. */
  public static readonly ALL: TemplateCategory[] = [
    TemplateCategory.SECURE_FOUNDATION,
    TemplateCategory.ZERO_TRUST,
    TemplateCategory.REMOTE_WORK,
    TemplateCategory.PROTECT_ADMINISTRATOR,
    TemplateCategory.EMERGING_THREATS,
  ];

  /** The Graph `templateScenarios` value, e.g. `secureFoundation`. */
  public readonly value: string;
  /** The tab's name on the templates page, e.g. `Secure foundation`. */
  public readonly label: string;

  /**
   * @param constant the constant's name in the vocabulary table
   */
  private constructor(private readonly constant: string) {
    const term = TEMPLATE_SCENARIOS.term(constant);
    this.value = term.value;
    this.label = term.label;
  }

  /** The constant's name, e.g. `SECURE_FOUNDATION`. */
  public get name(): string {
    return this.constant;
  }

  /** The tab's name. */
  public toString(): string {
    return this.label;
  }
}

/** Learn's Conditional Access pages, where every template's page lives. */
const LEARN = 'https://learn.microsoft.com/entra/identity/conditional-access/';

const P1 = 'Microsoft Entra ID P1';

/**
 * One of Microsoft's Conditional Access policy templates: a policy on Learn's "Conditional Access policy
 * templates" page (docs/identity/conditional-access/concept-conditional-access-policy-common.md, ms.date
 * 03/24/2026), its category tabs or "Other common policies". Deploy one with {@link TemplatePolicy}, a whole
 * category with {@link TemplateBaseline}.
 *
 * Each template is synthesized as its own Learn page configures it (dates below are the pages' ms.date),
 * report-only by default as the portal creates it, with the page's exclusions. Every template also excludes
 * your emergency-access accounts when you pass them (the gallery excludes only the admin who creates the
 * policy). The AI agent templates are not here: provider 3.7.0 talks to Graph v1.0, which has none of their
 * agent fields (see the README).
 */
export class PolicyTemplate {
  /**
   * "Require multifactor authentication for admins" (policy-old-require-mfa-admin, 03/10/2026): the 14
   * directory roles of Learn's admin-roles list, all resources, "Require multifactor authentication".
   */
  public static readonly REQUIRE_MFA_FOR_ADMINS = new PolicyTemplate(
    'REQUIRE_MFA_FOR_ADMINS', 'Require multifactor authentication for admins', 'policy-old-require-mfa-admin', '2026-03-10',
    [TemplateCategory.SECURE_FOUNDATION, TemplateCategory.ZERO_TRUST, TemplateCategory.PROTECT_ADMINISTRATOR], P1);

  /**
   * "Securing security info registration" (policy-all-users-security-info-registration, 04/01/2025): All
   * users minus all guest and external users, the user action "Register security information", Any location
   * minus All trusted locations, "Require authentication strength" (the built-in Multifactor authentication
   * strength, which a Temporary Access Pass satisfies, unless you pass another). The same policy as the
   * {@link RequireMfaForSecurityInfoRegistration} recipe with `authenticationStrength` and
   * `onlyOutsideTrustedLocations`, which builds it. Report-only is not evaluated for user actions (rule CA2):
   * test it with What-If.
   */
  public static readonly SECURING_SECURITY_INFO_REGISTRATION = new PolicyTemplate(
    'SECURING_SECURITY_INFO_REGISTRATION', 'Securing security info registration', 'policy-all-users-security-info-registration', '2025-04-01',
    [TemplateCategory.SECURE_FOUNDATION, TemplateCategory.ZERO_TRUST, TemplateCategory.REMOTE_WORK],
    `${P1}; users must be enabled for combined security information registration`);

  /**
   * "Block legacy authentication" (policy-block-legacy-authentication, 09/27/2024): All users, all resources,
   * client apps "Exchange ActiveSync clients" and "Other clients", "Block access". Exclude the accounts that
   * must keep legacy authentication with `excludeUsers`.
   */
  public static readonly BLOCK_LEGACY_AUTHENTICATION = new PolicyTemplate(
    'BLOCK_LEGACY_AUTHENTICATION', 'Block legacy authentication', 'policy-block-legacy-authentication', '2024-09-27',
    [TemplateCategory.SECURE_FOUNDATION, TemplateCategory.ZERO_TRUST, TemplateCategory.REMOTE_WORK, TemplateCategory.PROTECT_ADMINISTRATOR],
    `${P1}; without Conditional Access licences, security defaults also block legacy authentication`);

  /**
   * "Require multifactor authentication for admins accessing Microsoft admin portals"
   * (policy-old-require-mfa-admin-portals, 05/29/2024): the 14 admin roles, the Microsoft Admin Portals suite,
   * the built-in Multifactor authentication strength.
   */
  public static readonly REQUIRE_MFA_FOR_ADMIN_PORTALS = new PolicyTemplate(
    'REQUIRE_MFA_FOR_ADMIN_PORTALS', 'Require multifactor authentication for admins accessing Microsoft admin portals', 'policy-old-require-mfa-admin-portals', '2024-05-29',
    [TemplateCategory.SECURE_FOUNDATION, TemplateCategory.ZERO_TRUST], P1);

  /**
   * "Require multifactor authentication for all users" (policy-all-users-mfa-strength, 04/01/2025 text as
   * published live): All users minus the Directory Synchronization Accounts role (the page: "if you use
   * hybrid identity solutions"; on by default, `excludeDirectorySynchronizationAccounts: false` drops it), all
   * resources without exclusions, the built-in Multifactor authentication strength.
   */
  public static readonly REQUIRE_MFA_FOR_ALL_USERS = new PolicyTemplate(
    'REQUIRE_MFA_FOR_ALL_USERS', 'Require multifactor authentication for all users', 'policy-all-users-mfa-strength', '2025-04-01',
    [TemplateCategory.SECURE_FOUNDATION, TemplateCategory.ZERO_TRUST, TemplateCategory.REMOTE_WORK], P1);

  /**
   * "Require multifactor authentication for Azure management" (policy-old-require-mfa-azure-mgmt,
   * 04/01/2025): All users, the Windows Azure Service Management API, "Require multifactor authentication".
   */
  public static readonly REQUIRE_MFA_FOR_AZURE_MANAGEMENT = new PolicyTemplate(
    'REQUIRE_MFA_FOR_AZURE_MANAGEMENT', 'Require multifactor authentication for Azure management', 'policy-old-require-mfa-azure-mgmt', '2025-04-01',
    [TemplateCategory.SECURE_FOUNDATION, TemplateCategory.ZERO_TRUST, TemplateCategory.PROTECT_ADMINISTRATOR], P1);

  /**
   * "Require compliant or Microsoft Entra hybrid joined device or multifactor authentication for all users"
   * (policy-alt-all-users-compliant-hybrid-or-mfa, 04/01/2025): All users minus the Directory Synchronization
   * Accounts role, all resources, one of MFA, compliant device or hybrid joined device.
   */
  public static readonly REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA = new PolicyTemplate(
    'REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA',
    'Require compliant or Microsoft Entra hybrid joined device or multifactor authentication for all users',
    'policy-alt-all-users-compliant-hybrid-or-mfa', '2025-04-01',
    [TemplateCategory.SECURE_FOUNDATION, TemplateCategory.ZERO_TRUST],
    `${P1}; Microsoft Intune for compliant devices, Microsoft Entra hybrid join for hybrid joined devices`);

  /**
   * "Require compliant device" (policy-all-users-device-compliance, 04/01/2025): All users minus the
   * Directory Synchronization Accounts role, all resources, "Require device to be marked as compliant".
   * Without an Intune compliance policy it does not work as intended.
   */
  public static readonly REQUIRE_COMPLIANT_DEVICE = new PolicyTemplate(
    'REQUIRE_COMPLIANT_DEVICE', 'Require compliant device', 'policy-all-users-device-compliance', '2025-04-01',
    [TemplateCategory.SECURE_FOUNDATION, TemplateCategory.REMOTE_WORK, TemplateCategory.PROTECT_ADMINISTRATOR],
    `${P1} + Microsoft Intune (device compliance policies)`);

  /**
   * "Require approved client apps or app protection policies" (policy-all-users-approved-app-or-app-protection,
   * 04/01/2025): All users, all resources, device platforms Android and iOS, one of "Require approved client
   * app" and "Require app protection policy". Microsoft retires "Require approved client app" on June 30, 2026
   * (it becomes read-only), so expect to move to app protection alone.
   */
  public static readonly REQUIRE_APPROVED_CLIENT_APPS_OR_APP_PROTECTION = new PolicyTemplate(
    'REQUIRE_APPROVED_CLIENT_APPS_OR_APP_PROTECTION', 'Require approved client apps or app protection policies',
    'policy-all-users-approved-app-or-app-protection', '2025-04-01',
    [TemplateCategory.ZERO_TRUST, TemplateCategory.REMOTE_WORK],
    `${P1} + Microsoft Intune app protection policies`);

  /**
   * "Require multifactor authentication for guest access" (policy-old-require-mfa-guest, 03/10/2026): all
   * guest and external users, all resources, "Require multifactor authentication".
   */
  public static readonly REQUIRE_MFA_FOR_GUESTS = new PolicyTemplate(
    'REQUIRE_MFA_FOR_GUESTS', 'Require multifactor authentication for guest access', 'policy-old-require-mfa-guest', '2026-03-10',
    [TemplateCategory.ZERO_TRUST, TemplateCategory.REMOTE_WORK], P1);

  /**
   * "Require multifactor authentication for risky sign-ins" (policy-risk-based-sign-in, 04/01/2025): All
   * users, all resources, sign-in risk High and Medium, the built-in Multifactor authentication strength,
   * session control "Sign-in frequency: Every time" (Graph documents `everyTime` for risky sign-ins; an open
   * report, msgraph-metadata issue #647, says Graph v1.0 refused it in 2024: see the README's provider
   * limitations).
   */
  public static readonly REQUIRE_MFA_FOR_RISKY_SIGN_INS = new PolicyTemplate(
    'REQUIRE_MFA_FOR_RISKY_SIGN_INS', 'Require multifactor authentication for risky sign-ins', 'policy-risk-based-sign-in', '2025-04-01',
    [TemplateCategory.ZERO_TRUST, TemplateCategory.REMOTE_WORK], 'Microsoft Entra ID P2');

  /**
   * "Require password change for high-risk users" (policy-risk-based-user, 10/30/2025, now titled "Require
   * remediation for risky users"): All users, all resources, user risk High.
   *
   * Deviation: the page grants "Require risk remediation" with an authentication strength. Provider 3.7.0
   * does not accept `riskRemediation` in `built_in_controls`, so the policy is the closest deployable one, the
   * template the portal gallery and the earlier page ship: "Require multifactor authentication" and "Require
   * password change", all required, with the session control "Sign-in frequency: Every time" the page selects.
   */
  public static readonly REQUIRE_PASSWORD_CHANGE_FOR_HIGH_RISK_USERS = new PolicyTemplate(
    'REQUIRE_PASSWORD_CHANGE_FOR_HIGH_RISK_USERS', 'Require password change for high-risk users', 'policy-risk-based-user', '2025-10-30',
    [TemplateCategory.ZERO_TRUST, TemplateCategory.REMOTE_WORK], 'Microsoft Entra ID P2');

  /**
   * "Block access for unknown or unsupported device platform" (policy-all-users-device-unknown-unsupported,
   * 04/01/2025): All users, all resources, device platforms Any device minus Android, iOS, Windows and macOS
   * (`supportedPlatforms` lists the platforms your organisation uses), "Block access".
   */
  public static readonly BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS = new PolicyTemplate(
    'BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS', 'Block access for unknown or unsupported device platform',
    'policy-all-users-device-unknown-unsupported', '2025-04-01',
    [TemplateCategory.ZERO_TRUST, TemplateCategory.REMOTE_WORK], P1);

  /**
   * "No persistent browser session" (policy-all-users-persistent-browser, 04/01/2025, titled "Require
   * reauthentication and disable browser persistence"): All users, all resources, devices matching
   * `device.trustType -ne "ServerAD" -or device.isCompliant -ne True` (unmanaged devices), session sign-in
   * frequency 1 hour and "Never persistent"; no grant control.
   */
  public static readonly NO_PERSISTENT_BROWSER_SESSION = new PolicyTemplate(
    'NO_PERSISTENT_BROWSER_SESSION', 'No persistent browser session', 'policy-all-users-persistent-browser', '2025-04-01',
    [TemplateCategory.ZERO_TRUST, TemplateCategory.REMOTE_WORK], P1);

  /**
   * "Block access for users with insider risk" (policy-risk-based-insider-block, 04/01/2025): All users minus
   * B2B direct connect, service provider and other external users (from all external tenants), all resources,
   * insider risk Elevated, "Block access".
   */
  public static readonly BLOCK_INSIDER_RISK = new PolicyTemplate(
    'BLOCK_INSIDER_RISK', 'Block access for users with insider risk', 'policy-risk-based-insider-block', '2025-04-01',
    [TemplateCategory.ZERO_TRUST],
    `${P1} + Microsoft Purview Insider Risk Management with Adaptive Protection (the portal gallery says Microsoft Entra ID P2)`);

  /**
   * "Require compliant or Microsoft Entra hybrid joined device for administrators"
   * (policy-alt-admin-device-compliand-hybrid, 04/01/2025): the 14 admin roles, all resources, one of
   * compliant device or hybrid joined device.
   */
  public static readonly REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_FOR_ADMINS = new PolicyTemplate(
    'REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_FOR_ADMINS', 'Require compliant or Microsoft Entra hybrid joined device for administrators',
    'policy-alt-admin-device-compliand-hybrid', '2025-04-01',
    [TemplateCategory.REMOTE_WORK, TemplateCategory.PROTECT_ADMINISTRATOR],
    `${P1}; Microsoft Intune for compliant devices, Microsoft Entra hybrid join for hybrid joined devices`);

  /**
   * "Use application enforced restrictions for unmanaged devices" (policy-all-users-app-enforced-restrictions,
   * 04/01/2025): All users, Office 365, session "Use app enforced restrictions"; no grant control. The
   * restrictions themselves are configured in SharePoint Online and Exchange Online.
   */
  public static readonly APP_ENFORCED_RESTRICTIONS_FOR_UNMANAGED_DEVICES = new PolicyTemplate(
    'APP_ENFORCED_RESTRICTIONS_FOR_UNMANAGED_DEVICES', 'Use application enforced restrictions for unmanaged devices',
    'policy-all-users-app-enforced-restrictions', '2025-04-01',
    [TemplateCategory.REMOTE_WORK], `${P1}; the restrictions are configured in SharePoint Online and Exchange Online`);

  /**
   * "Require phishing-resistant multifactor authentication for administrators"
   * (policy-admin-phish-resistant-mfa, 09/30/2024): the 14 admin roles, all resources, the built-in
   * Phishing-resistant MFA strength. Register the admins' phishing-resistant methods first.
   */
  public static readonly REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS = new PolicyTemplate(
    'REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS', 'Require phishing-resistant multifactor authentication for administrators',
    'policy-admin-phish-resistant-mfa', '2024-09-30',
    [TemplateCategory.PROTECT_ADMINISTRATOR, TemplateCategory.EMERGING_THREATS], P1);

  /**
   * "Require multifactor authentication for device registration" (policy-all-users-device-registration,
   * 04/01/2025; "Other common policies"): All users, the user action "Register or join devices", the built-in
   * Multifactor authentication strength. Set the device setting "Require Multifactor Authentication to
   * register or join devices with Microsoft Entra" to No, or the policy is not properly enforced. Report-only
   * is not evaluated for user actions (rule CA2): test it with What-If.
   */
  public static readonly REQUIRE_MFA_FOR_DEVICE_REGISTRATION = new PolicyTemplate(
    'REQUIRE_MFA_FOR_DEVICE_REGISTRATION', 'Require multifactor authentication for device registration',
    'policy-all-users-device-registration', '2025-04-01', [], P1);

  /**
   * "Block access by location" (policy-block-by-location, 04/01/2025; "Other common policies"): All users,
   * all resources, the named locations you pass as `blockedLocations`, "Block access".
   */
  public static readonly BLOCK_ACCESS_BY_LOCATION = new PolicyTemplate(
    'BLOCK_ACCESS_BY_LOCATION', 'Block access by location', 'policy-block-by-location', '2025-04-01', [], P1);

  /**
   * "Block access except specific apps" (policy-block-example, 01/26/2026, titled "Block access example
   * policy"; "Other common policies"): All users, all resources minus the `allowedApplications` (the page's
   * example: Office 365), Any location minus All trusted locations, client apps configured with all four
   * types, "Block access". Define your trusted IP locations first.
   */
  public static readonly BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS = new PolicyTemplate(
    'BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS', 'Block access except specific apps', 'policy-block-example', '2026-01-26', [], P1);

  /** Every template, in the order of the templates page (its category tabs, then "Other common policies"). */
  public static readonly ALL: PolicyTemplate[] = [
    PolicyTemplate.REQUIRE_MFA_FOR_ADMINS,
    PolicyTemplate.SECURING_SECURITY_INFO_REGISTRATION,
    PolicyTemplate.BLOCK_LEGACY_AUTHENTICATION,
    PolicyTemplate.REQUIRE_MFA_FOR_ADMIN_PORTALS,
    PolicyTemplate.REQUIRE_MFA_FOR_ALL_USERS,
    PolicyTemplate.REQUIRE_MFA_FOR_AZURE_MANAGEMENT,
    PolicyTemplate.REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA,
    PolicyTemplate.REQUIRE_COMPLIANT_DEVICE,
    PolicyTemplate.REQUIRE_APPROVED_CLIENT_APPS_OR_APP_PROTECTION,
    PolicyTemplate.REQUIRE_MFA_FOR_GUESTS,
    PolicyTemplate.REQUIRE_MFA_FOR_RISKY_SIGN_INS,
    PolicyTemplate.REQUIRE_PASSWORD_CHANGE_FOR_HIGH_RISK_USERS,
    PolicyTemplate.BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS,
    PolicyTemplate.NO_PERSISTENT_BROWSER_SESSION,
    PolicyTemplate.BLOCK_INSIDER_RISK,
    PolicyTemplate.REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_FOR_ADMINS,
    PolicyTemplate.APP_ENFORCED_RESTRICTIONS_FOR_UNMANAGED_DEVICES,
    PolicyTemplate.REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS,
    PolicyTemplate.REQUIRE_MFA_FOR_DEVICE_REGISTRATION,
    PolicyTemplate.BLOCK_ACCESS_BY_LOCATION,
    PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS,
  ];

  /**
   * The templates of a category, in the templates page's order.
   * @param category the category
   */
  public static inCategory(category: TemplateCategory): PolicyTemplate[] {
    return PolicyTemplate.ALL.filter((t) => t.isIn(category));
  }

  /** The Learn page, e.g. `https://learn.microsoft.com/entra/identity/conditional-access/policy-old-require-mfa-admin`. */
  public readonly learnUrl: string;
  /** The categories the templates page lists the template under; empty for "Other common policies". */
  public readonly categories: TemplateCategory[];

  /**
   * @param name the constant's name
   * @param portalName the template's name in the portal and on Learn; the default display name
   * @param learnPage the Learn page's file name
   * @param learnDate the Learn page's ms.date
   * @param categories the templates page's tabs that list it
   * @param licence what the tenant needs
   */
  private constructor(
    /** The constant's name, e.g. `REQUIRE_MFA_FOR_ADMINS`. */
    public readonly name: string,
    /** The template's name on the templates page and in the portal; the policy's default display name. */
    public readonly portalName: string,
    learnPage: string,
    /** The ms.date of the Learn page version the policy follows (ISO 8601, e.g. `2025-04-01`). */
    public readonly learnDate: string,
    categories: TemplateCategory[],
    /** What the tenant needs: Conditional Access needs Microsoft Entra ID P1; extras are named. */
    public readonly licence: string,
  ) {
    this.learnUrl = `${LEARN}${learnPage}`;
    this.categories = categories;
  }

  /**
   * True when the templates page lists this template under the category.
   * @param category the category
   */
  public isIn(category: TemplateCategory): boolean {
    return this.categories.includes(category);
  }

  /** `PolicyTemplate.<name>`, for messages. */
  public toString(): string {
    return `PolicyTemplate.${this.name}`;
  }
}
