/**
 * Microsoft's Conditional Access templates: the catalogue, each template against the policy its Learn page
 * configures (written here by hand from the page, as Graph v1.0 JSON), the deviations where provider 3.7.0 /
 * Graph v1.0 cannot express the page, the security-info template against its recipe, and the errors for
 * missing or misplaced data.
 *
 * Pages: MicrosoftDocs/entra-docs, docs/identity/conditional-access/<page>.md, at the ms.date cited per
 * template (research notes: /work/notes/templates.md). Every policy excludes the emergency-access accounts
 * ("Under Exclude, select Users and groups and choose your organization's emergency access or break-glass
 * accounts") and is report-only ("Confirm your settings and set Enable policy to Report-only").
 */
import { Testing } from 'cdktf';
import {
  EMERGENCY_ACCESS, EMERGENCY_GROUP, EMERGENCY_USER, graphBody, newStack, normalized, onlyPolicy, templateStack,
} from './helpers';
import {
  AuthenticationStrength,
  CloudApplication,
  ConditionalAccessModel,
  CountryNamedLocation,
  DevicePlatform,
  DirectoryRole,
  GuestsOrExternalUsers,
  Location,
  PolicyState,
  PolicyTemplate,
  Principal,
  RequireMfaForSecurityInfoRegistration,
  TemplateCategory,
  TemplatePolicy,
} from '../../src';

type Json = { [key: string]: any };

// Learn include docs/includes/conditional-access-admin-roles.md (ms.date 05/02/2024, the 14 roles of the live
// render): "Microsoft recommends you require phishing-resistant multifactor authentication on the following roles
// at a minimum". Role template ids from docs/identity/role-based-access-control/permissions-reference.md (01/20/2026).
const ADMIN_ROLES = [
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', // Application Administrator
  'c4e39bd9-1100-46d3-8c65-fb160da0071f', // Authentication Administrator
  'b0f54661-2d74-4c50-afa3-1ec803f12efe', // Billing Administrator
  '158c047a-c907-4556-b7ef-446551a6b5f7', // Cloud Application Administrator
  'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', // Conditional Access Administrator
  '29232cdf-9323-42fd-ade2-1d097af3e4de', // Exchange Administrator
  '729827e3-9c14-49f7-bb1b-9608f156bbb8', // Helpdesk Administrator
  '966707d0-3269-4727-9be2-8c3a10f19b9d', // Password Administrator
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', // Privileged Authentication Administrator
  'e8611ab8-c189-46e8-94e1-60213ab1f814', // Privileged Role Administrator
  '194ae4cb-b126-40b2-bd5b-6091b380977d', // Security Administrator
  'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', // SharePoint Administrator
  'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
];
// "If you use hybrid identity solutions like Microsoft Entra Connect or Microsoft Entra Connect Cloud Sync, select
// Directory roles, then select Directory Synchronization Accounts" (permissions-reference: its template id).
const DIRECTORY_SYNCHRONIZATION_ACCOUNTS = 'd29b2b05-8046-44ba-8758-1e26182fcf32';
// Built-in authentication strengths (Graph authenticationStrengthPolicy ids).
const MFA_STRENGTH = { id: '00000000-0000-0000-0000-000000000002' };
const PHISHING_RESISTANT_STRENGTH = { id: '00000000-0000-0000-0000-000000000004' };
// "Windows Azure Service Management API" (the app id the portal's template stores).
const AZURE_MANAGEMENT = '797f4846-ba00-4fd7-ba43-dac1f8f63013';

/** Users > Exclude: the emergency-access accounts. */
const EMERGENCY = { excludeUsers: [EMERGENCY_USER], excludeGroups: [EMERGENCY_GROUP] };
const GRANT = (operator: string, builtInControls: string[], authenticationStrength: Json | null = null) => (
  { operator, builtInControls, authenticationStrength }
);

/** A Graph policy body, every field the pages leave alone written as Graph's empty value. */
function body(displayName: string, conditions: Json, grantControls: Json | null, sessionControls: Json | null = null): Json {
  return {
    displayName,
    state: 'enabledForReportingButNotEnforced',
    conditions: {
      clientAppTypes: ['all'],
      platforms: null,
      locations: null,
      signInRiskLevels: [],
      userRiskLevels: [],
      insiderRiskLevels: null,
      devices: null,
      ...conditions,
      users: {
        includeUsers: [],
        excludeUsers: [],
        includeGroups: [],
        excludeGroups: [],
        includeRoles: [],
        excludeRoles: [],
        includeGuestsOrExternalUsers: null,
        excludeGuestsOrExternalUsers: null,
        ...conditions.users,
      },
      applications: { includeApplications: [], excludeApplications: [], includeUserActions: [], ...conditions.applications },
    },
    grantControls,
    sessionControls,
  };
}

interface LearnCase {
  /** The policy the page configures, by hand. */
  readonly page: Json;
  /**
   * What the library sends instead, where provider 3.7.0 / Graph v1.0 cannot express the page (each one is in the
   * template's doc comment and the README).
   */
  readonly deviation?: Json;
}

/** The blocked location's reference, as the policy holds it. */
const BLOCKED = '<blocked location>';

const LEARN: { readonly [name: string]: LearnCase } = {
  // policy-old-require-mfa-admin.md, ms.date 03/10/2026
  REQUIRE_MFA_FOR_ADMINS: {
    page: body('Require multifactor authentication for admins', {
      users: { includeRoles: ADMIN_ROLES, ...EMERGENCY }, // Include: Directory roles, "at least the previously listed roles"
      applications: { includeApplications: ['All'] }, // All resources (formerly 'All cloud apps')
    }, GRANT('OR', ['mfa'])), // Grant access, Require multifactor authentication
  },
  // policy-all-users-security-info-registration.md, ms.date 04/01/2025
  SECURING_SECURITY_INFO_REGISTRATION: {
    page: body('Securing security info registration', {
      users: { includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers', EMERGENCY_USER], excludeGroups: [EMERGENCY_GROUP] },
      applications: { includeUserActions: ['urn:user:registersecurityinfo'] }, // User actions: Register security information
      locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] }, // Any location minus All trusted locations
    }, GRANT('OR', [], MFA_STRENGTH)), // Require authentication strength ("the appropriate built-in or custom" one: MFA)
  },
  // policy-block-legacy-authentication.md, ms.date 09/27/2024
  BLOCK_LEGACY_AUTHENTICATION: {
    page: body('Block legacy authentication', {
      users: { includeUsers: ['All'], ...EMERGENCY },
      applications: { includeApplications: ['All'] },
      clientAppTypes: ['exchangeActiveSync', 'other'], // "Check only the boxes Exchange ActiveSync clients and Other clients"
    }, GRANT('OR', ['block'])),
  },
  // policy-old-require-mfa-admin-portals.md, ms.date 05/29/2024
  REQUIRE_MFA_FOR_ADMIN_PORTALS: {
    page: body('Require multifactor authentication for admins accessing Microsoft admin portals', {
      users: { includeRoles: ADMIN_ROLES, ...EMERGENCY },
      applications: { includeApplications: ['MicrosoftAdminPortals'] }, // Select resources: Microsoft Admin Portals
    }, GRANT('OR', [], MFA_STRENGTH)), // Require authentication strength: Multifactor authentication
  },
  // policy-all-users-mfa-strength.md, ms.date 04/01/2025 (the live text)
  REQUIRE_MFA_FOR_ALL_USERS: {
    page: body('Require multifactor authentication for all users', {
      users: { includeUsers: ['All'], ...EMERGENCY, excludeRoles: [DIRECTORY_SYNCHRONIZATION_ACCOUNTS] },
      applications: { includeApplications: ['All'] }, // "all resources without any app exclusions"
    }, GRANT('OR', [], MFA_STRENGTH)), // "the built-in Multifactor authentication strength"
  },
  // policy-old-require-mfa-azure-mgmt.md, ms.date 04/01/2025
  REQUIRE_MFA_FOR_AZURE_MANAGEMENT: {
    page: body('Require multifactor authentication for Azure management', {
      users: { includeUsers: ['All'], ...EMERGENCY },
      applications: { includeApplications: [AZURE_MANAGEMENT] }, // Windows Azure Service Management API
    }, GRANT('OR', ['mfa'])),
  },
  // policy-alt-all-users-compliant-hybrid-or-mfa.md, ms.date 04/01/2025
  REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA: {
    page: body('Require compliant or Microsoft Entra hybrid joined device or multifactor authentication for all users', {
      users: { includeUsers: ['All'], ...EMERGENCY, excludeRoles: [DIRECTORY_SYNCHRONIZATION_ACCOUNTS] },
      applications: { includeApplications: ['All'] },
    }, GRANT('OR', ['mfa', 'compliantDevice', 'domainJoinedDevice'])), // "Require one of the selected controls"
  },
  // policy-all-users-device-compliance.md, ms.date 04/01/2025
  REQUIRE_COMPLIANT_DEVICE: {
    page: body('Require compliant device', {
      users: { includeUsers: ['All'], ...EMERGENCY, excludeRoles: [DIRECTORY_SYNCHRONIZATION_ACCOUNTS] },
      applications: { includeApplications: ['All'] },
    }, GRANT('OR', ['compliantDevice'])), // Require device to be marked as compliant
  },
  // policy-all-users-approved-app-or-app-protection.md, ms.date 04/01/2025
  REQUIRE_APPROVED_CLIENT_APPS_OR_APP_PROTECTION: {
    page: body('Require approved client apps or app protection policies', {
      users: { includeUsers: ['All'], ...EMERGENCY },
      applications: { includeApplications: ['All'] },
      platforms: { includePlatforms: ['android', 'iOS'], excludePlatforms: [] }, // Device platforms: Android and iOS
    }, GRANT('OR', ['approvedApplication', 'compliantApplication'])), // one of approved client app / app protection policy
  },
  // policy-old-require-mfa-guest.md, ms.date 03/10/2026
  REQUIRE_MFA_FOR_GUESTS: {
    page: body('Require multifactor authentication for guest access', {
      users: { includeUsers: ['GuestsOrExternalUsers'], ...EMERGENCY }, // All guest and external users
      applications: { includeApplications: ['All'] },
    }, GRANT('OR', ['mfa'])),
  },
  // policy-risk-based-sign-in.md, ms.date 04/01/2025 (include conditional-access-policy-sign-in-risk.md, 02/21/2025)
  REQUIRE_MFA_FOR_RISKY_SIGN_INS: {
    page: body('Require multifactor authentication for risky sign-ins', {
      users: { includeUsers: ['All'], ...EMERGENCY },
      applications: { includeApplications: ['All'] },
      signInRiskLevels: ['high', 'medium'], // Sign-in risk: High and Medium
    }, GRANT('OR', [], MFA_STRENGTH), {
      // "Under Session. Select Sign-in frequency. Ensure Every time is selected."
      signInFrequency: { isEnabled: true, frequencyInterval: 'everyTime', authenticationType: 'primaryAndSecondaryAuthentication' },
      persistentBrowser: null,
      applicationEnforcedRestrictions: null,
    }),
  },
  // policy-risk-based-user.md, ms.date 10/30/2025 ("Require remediation for risky users")
  REQUIRE_PASSWORD_CHANGE_FOR_HIGH_RISK_USERS: {
    page: body('Require password change for high-risk users', {
      users: { includeUsers: ['All'], ...EMERGENCY },
      applications: { includeApplications: ['All'] },
      userRiskLevels: ['high'], // User risk: High
    }, GRANT('AND', ['riskRemediation'], MFA_STRENGTH), { // Require risk remediation + an authentication strength
      signInFrequency: { isEnabled: true, frequencyInterval: 'everyTime', authenticationType: 'primaryAndSecondaryAuthentication' },
      persistentBrowser: null,
      applicationEnforcedRestrictions: null,
    }),
    // Provider 3.7.0 has no riskRemediation: the gallery's MFA + password change (with Every time, as the page says).
    deviation: { grantControls: GRANT('AND', ['mfa', 'passwordChange']) },
  },
  // policy-all-users-device-unknown-unsupported.md, ms.date 04/01/2025
  BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS: {
    page: body('Block access for unknown or unsupported device platform', {
      users: { includeUsers: ['All'], ...EMERGENCY },
      applications: { includeApplications: ['All'] },
      platforms: { includePlatforms: ['all'], excludePlatforms: ['android', 'iOS', 'windows', 'macOS'] }, // Any device minus four
    }, GRANT('OR', ['block'])),
  },
  // policy-all-users-persistent-browser.md, ms.date 04/01/2025
  NO_PERSISTENT_BROWSER_SESSION: {
    page: body('No persistent browser session', {
      users: { includeUsers: ['All'], ...EMERGENCY },
      applications: { includeApplications: ['All'] },
      devices: { deviceFilter: { mode: 'include', rule: 'device.trustType -ne "ServerAD" -or device.isCompliant -ne True' } },
    }, null, {
      // "Periodic reauthentication ... 1 ... Hours"; "Persistent browser session ... Never persistent"
      signInFrequency: { isEnabled: true, type: 'hours', value: 1, frequencyInterval: 'timeBased', authenticationType: 'primaryAndSecondaryAuthentication' },
      persistentBrowser: { isEnabled: true, mode: 'never' },
      applicationEnforcedRestrictions: null,
    }),
  },
  // policy-risk-based-insider-block.md, ms.date 04/01/2025
  BLOCK_INSIDER_RISK: {
    page: body('Block access for users with insider risk', {
      users: {
        includeUsers: ['All'],
        ...EMERGENCY,
        // Guest or external users: B2B direct connect users, Service provider users, Other external users
        excludeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'b2bDirectConnectUser,otherExternalUser,serviceProvider', externalTenants: { membershipKind: 'all' } },
      },
      applications: { includeApplications: ['All'] },
      insiderRiskLevels: 'elevated', // Insider risk: Elevated
    }, GRANT('OR', ['block'])),
  },
  // policy-alt-admin-device-compliand-hybrid.md, ms.date 04/01/2025
  REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_FOR_ADMINS: {
    page: body('Require compliant or Microsoft Entra hybrid joined device for administrators', {
      users: { includeRoles: ADMIN_ROLES, ...EMERGENCY },
      applications: { includeApplications: ['All'] },
    }, GRANT('OR', ['compliantDevice', 'domainJoinedDevice'])),
  },
  // policy-all-users-app-enforced-restrictions.md, ms.date 04/01/2025
  APP_ENFORCED_RESTRICTIONS_FOR_UNMANAGED_DEVICES: {
    page: body('Use application enforced restrictions for unmanaged devices', {
      users: { includeUsers: ['All'], ...EMERGENCY },
      applications: { includeApplications: ['Office365'] }, // Select resources: Office 365
    }, null, { signInFrequency: null, persistentBrowser: null, applicationEnforcedRestrictions: { isEnabled: true } }),
  },
  // policy-admin-phish-resistant-mfa.md, ms.date 09/30/2024
  REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS: {
    page: body('Require phishing-resistant multifactor authentication for administrators', {
      users: { includeRoles: ADMIN_ROLES, ...EMERGENCY },
      applications: { includeApplications: ['All'] },
    }, GRANT('OR', [], PHISHING_RESISTANT_STRENGTH)), // Phishing-resistant MFA strength
  },
  // policy-all-users-device-registration.md, ms.date 04/01/2025
  REQUIRE_MFA_FOR_DEVICE_REGISTRATION: {
    page: body('Require multifactor authentication for device registration', {
      users: { includeUsers: ['All'], ...EMERGENCY },
      applications: { includeUserActions: ['urn:user:registerdevice'] }, // User actions: Register or join devices
    }, GRANT('OR', [], MFA_STRENGTH)),
  },
  // policy-block-by-location.md, ms.date 04/01/2025
  BLOCK_ACCESS_BY_LOCATION: {
    page: body('Block access by location', {
      users: { includeUsers: ['All'], ...EMERGENCY },
      applications: { includeApplications: ['All'] },
      locations: { includeLocations: [BLOCKED], excludeLocations: [] }, // "Select the blocked location you created"
    }, GRANT('OR', ['block'])),
  },
  // policy-block-example.md, ms.date 01/26/2026
  BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS: {
    page: body('Block access except specific apps', {
      users: { includeUsers: ['All'], ...EMERGENCY },
      applications: { includeApplications: ['All'], excludeApplications: ['Office365'] }, // All resources, Exclude Office 365
      locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
      clientAppTypes: ['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other'], // Client apps: Configure Yes
    }, GRANT('OR', ['block'])),
  },
};

describe('the catalogue', () => {
  test('PolicyTemplate.ALL holds exactly the templates of the issue, each under its constant name', () => {
    expect(PolicyTemplate.ALL.map((t) => t.name)).toEqual([
      'REQUIRE_MFA_FOR_ADMINS', 'SECURING_SECURITY_INFO_REGISTRATION', 'BLOCK_LEGACY_AUTHENTICATION',
      'REQUIRE_MFA_FOR_ADMIN_PORTALS', 'REQUIRE_MFA_FOR_ALL_USERS', 'REQUIRE_MFA_FOR_AZURE_MANAGEMENT',
      'REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA', 'REQUIRE_COMPLIANT_DEVICE',
      'REQUIRE_APPROVED_CLIENT_APPS_OR_APP_PROTECTION', 'REQUIRE_MFA_FOR_GUESTS',
      'REQUIRE_MFA_FOR_RISKY_SIGN_INS', 'REQUIRE_PASSWORD_CHANGE_FOR_HIGH_RISK_USERS',
      'BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS', 'NO_PERSISTENT_BROWSER_SESSION',
      'BLOCK_INSIDER_RISK', 'REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_FOR_ADMINS',
      'APP_ENFORCED_RESTRICTIONS_FOR_UNMANAGED_DEVICES', 'REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS',
      'REQUIRE_MFA_FOR_DEVICE_REGISTRATION', 'BLOCK_ACCESS_BY_LOCATION',
      'BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS',
    ]);
    for (const t of PolicyTemplate.ALL) {
      expect((PolicyTemplate as any)[t.name]).toBe(t);
      expect(t.toString()).toBe(`PolicyTemplate.${t.name}`);
    }
    expect(Object.keys(LEARN).sort()).toEqual(PolicyTemplate.ALL.map((t) => t.name).sort());
  });

  test('each template names its portal name, Learn page and date, and licence', () => {
    expect(new Set(PolicyTemplate.ALL.map((t) => t.portalName)).size).toBe(PolicyTemplate.ALL.length);
    for (const t of PolicyTemplate.ALL) {
      expect(t.learnUrl).toMatch(/^https:\/\/learn\.microsoft\.com\/entra\/identity\/conditional-access\/policy-[a-z-]+$/);
      expect(t.learnDate).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(t.licence).toMatch(/^Microsoft Entra ID P[12]/);
      expect(t.portalName).toBe(LEARN[t.name].page.displayName);
    }
    expect(PolicyTemplate.REQUIRE_MFA_FOR_ADMINS.learnUrl).toBe('https://learn.microsoft.com/entra/identity/conditional-access/policy-old-require-mfa-admin');
    // The templates page flags "Requires Microsoft Entra ID P2" on the two risk templates, Microsoft Purview on insider risk.
    expect(PolicyTemplate.ALL.filter((t) => t.licence.startsWith('Microsoft Entra ID P2')).map((t) => t.name))
      .toEqual(['REQUIRE_MFA_FOR_RISKY_SIGN_INS', 'REQUIRE_PASSWORD_CHANGE_FOR_HIGH_RISK_USERS']);
    expect(PolicyTemplate.BLOCK_INSIDER_RISK.licence).toContain('Microsoft Purview');
  });

  test('the categories are the tabs of the templates page (concept-conditional-access-policy-common.md, 03/24/2026)', () => {
    expect(TemplateCategory.ALL.map((c) => [c.name, c.label, c.value])).toEqual([
      ['SECURE_FOUNDATION', 'Secure foundation', 'secureFoundation'],
      ['ZERO_TRUST', 'Zero Trust', 'zeroTrust'],
      ['REMOTE_WORK', 'Remote work', 'remoteWork'],
      ['PROTECT_ADMINISTRATOR', 'Protect administrator', 'protectAdmins'],
      ['EMERGING_THREATS', 'Emerging threats', 'emergingThreats'],
    ]);
    const names = (c: TemplateCategory) => PolicyTemplate.inCategory(c).map((t) => t.name);
    expect(names(TemplateCategory.SECURE_FOUNDATION)).toEqual([
      'REQUIRE_MFA_FOR_ADMINS', 'SECURING_SECURITY_INFO_REGISTRATION', 'BLOCK_LEGACY_AUTHENTICATION',
      'REQUIRE_MFA_FOR_ADMIN_PORTALS', 'REQUIRE_MFA_FOR_ALL_USERS', 'REQUIRE_MFA_FOR_AZURE_MANAGEMENT',
      'REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA', 'REQUIRE_COMPLIANT_DEVICE',
    ]);
    expect(names(TemplateCategory.PROTECT_ADMINISTRATOR)).toEqual([
      'REQUIRE_MFA_FOR_ADMINS', 'BLOCK_LEGACY_AUTHENTICATION', 'REQUIRE_MFA_FOR_AZURE_MANAGEMENT', 'REQUIRE_COMPLIANT_DEVICE',
      'REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_FOR_ADMINS', 'REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS',
    ]);
    expect(names(TemplateCategory.EMERGING_THREATS)).toEqual(['REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS']);
    expect(names(TemplateCategory.ZERO_TRUST)).toEqual([
      'REQUIRE_MFA_FOR_ADMINS', 'SECURING_SECURITY_INFO_REGISTRATION', 'BLOCK_LEGACY_AUTHENTICATION',
      'REQUIRE_MFA_FOR_ADMIN_PORTALS', 'REQUIRE_MFA_FOR_ALL_USERS', 'REQUIRE_MFA_FOR_AZURE_MANAGEMENT',
      'REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA', 'REQUIRE_APPROVED_CLIENT_APPS_OR_APP_PROTECTION',
      'REQUIRE_MFA_FOR_GUESTS', 'REQUIRE_MFA_FOR_RISKY_SIGN_INS', 'REQUIRE_PASSWORD_CHANGE_FOR_HIGH_RISK_USERS',
      'BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS', 'NO_PERSISTENT_BROWSER_SESSION', 'BLOCK_INSIDER_RISK',
    ]);
    expect(names(TemplateCategory.REMOTE_WORK)).toEqual([
      'SECURING_SECURITY_INFO_REGISTRATION', 'BLOCK_LEGACY_AUTHENTICATION', 'REQUIRE_MFA_FOR_ALL_USERS',
      'REQUIRE_COMPLIANT_DEVICE', 'REQUIRE_APPROVED_CLIENT_APPS_OR_APP_PROTECTION', 'REQUIRE_MFA_FOR_GUESTS',
      'REQUIRE_MFA_FOR_RISKY_SIGN_INS', 'REQUIRE_PASSWORD_CHANGE_FOR_HIGH_RISK_USERS',
      'BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS', 'NO_PERSISTENT_BROWSER_SESSION',
      'REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_FOR_ADMINS', 'APP_ENFORCED_RESTRICTIONS_FOR_UNMANAGED_DEVICES',
    ]);
    // "Other common policies" have no category.
    expect(PolicyTemplate.ALL.filter((t) => t.categories.length === 0).map((t) => t.name))
      .toEqual(['REQUIRE_MFA_FOR_DEVICE_REGISTRATION', 'BLOCK_ACCESS_BY_LOCATION', 'BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS']);
  });
});

describe.each(PolicyTemplate.ALL.map((t) => [t.name, t] as const))('%s', (name, template) => {
  const { stack, policy } = templateStack(template);
  const model = ConditionalAccessModel.fromStack(stack);
  const synthesized = model.policies[0];

  test('synthesizes one policy, field by field as its Learn page configures it (with the documented deviations)', () => {
    expect(model.policies).toHaveLength(1);
    const blocked = model.namedLocations.find((l) => l.kind === 'country');
    const expected = JSON.parse(JSON.stringify({ ...LEARN[name].page, ...LEARN[name].deviation })
      .replace(BLOCKED, blocked ? `\${${blocked.address}.object_id}` : BLOCKED));
    const actual = graphBody(synthesized);
    for (const field of ['displayName', 'state', 'conditions', 'grantControls', 'sessionControls']) {
      expect([field, actual[field]]).toEqual([field, normalized(expected)[field]]);
    }
  });

  test('exposes the template and the L2 policy, report-only under the portal name', () => {
    expect(policy.template).toBe(template);
    expect(policy.policy.displayName).toBe(template.portalName);
    expect(policy.policy.state).toBe(PolicyState.REPORT_ONLY);
    expect(policy.policy.hasEmergencyAccessExclusion).toBe(true);
    expect(policy.policy.resource.terraformResourceType).toBe('azuread_conditional_access_policy');
  });

  test('takes a display name and a state', () => {
    const other = templateStack(template, { displayName: 'CA042 - My name', state: PolicyState.OFF });
    const p = onlyPolicy(other.stack);
    expect([p.displayName, p.state]).toEqual(['CA042 - My name', 'disabled']);
  });
});

test('the deviation is exactly the one the templates document', () => {
  expect(Object.entries(LEARN).filter(([, c]) => c.deviation).map(([n]) => n))
    .toEqual(['REQUIRE_PASSWORD_CHANGE_FOR_HIGH_RISK_USERS']);
});

describe('options the pages offer', () => {
  test('excludeUsers adds to the documented exclusions (e.g. accounts that keep legacy authentication)', () => {
    const legacy = '00000000-0000-0000-0000-0000000000aa';
    const p = onlyPolicy(templateStack(PolicyTemplate.REQUIRE_MFA_FOR_ALL_USERS, {
      excludeUsers: { users: [Principal.fromObjectId(legacy)], roles: [DirectoryRole.GLOBAL_READER] },
    }).stack);
    expect(p.conditions.users!.excludeUsers).toEqual([EMERGENCY_USER, legacy].sort());
    expect(p.conditions.users!.excludeRoles).toEqual([DIRECTORY_SYNCHRONIZATION_ACCOUNTS, 'f2ef992c-3afb-46b9-b7cf-a126ee74c451'].sort());
  });

  test('excludeDirectorySynchronizationAccounts: false drops the role (cloud-only tenants)', () => {
    const templates = [
      PolicyTemplate.REQUIRE_MFA_FOR_ALL_USERS,
      PolicyTemplate.REQUIRE_COMPLIANT_DEVICE,
      PolicyTemplate.REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA,
    ];
    for (const t of templates) {
      expect(onlyPolicy(templateStack(t, { excludeDirectorySynchronizationAccounts: false }).stack).conditions.users!.excludeRoles).toEqual([]);
    }
  });

  test('authenticationStrength replaces the strength the page selects', () => {
    const { stack } = templateStack(PolicyTemplate.REQUIRE_MFA_FOR_ALL_USERS, { authenticationStrength: AuthenticationStrength.PASSWORDLESS_MFA });
    const p = onlyPolicy(stack);
    expect(p.grantControls!.authenticationStrength!.id).toBe('/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000003');
  });

  test('supportedPlatforms lists the platforms left unblocked', () => {
    const p = onlyPolicy(templateStack(PolicyTemplate.BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS, {
      supportedPlatforms: [DevicePlatform.WINDOWS, DevicePlatform.MACOS, DevicePlatform.LINUX],
    }).stack);
    expect(p.conditions.platforms).toEqual({ includePlatforms: ['all'], excludePlatforms: ['linux', 'macOS', 'windows'] });
  });

  test('allowedApplications lists the applications left open', () => {
    const teams = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
    const p = onlyPolicy(templateStack(PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS, {
      allowedApplications: [CloudApplication.OFFICE_365, CloudApplication.fromAppId(teams)],
    }).stack);
    expect(p.conditions.applications.excludeApplications).toEqual([teams, 'Office365']);
  });
});

describe('SECURING_SECURITY_INFO_REGISTRATION is the security-info recipe', () => {
  /** The policy resource's body without construct metadata. */
  function policyBody(build: (stack: ReturnType<typeof newStack>) => void): Json {
    const stack = newStack();
    build(stack);
    const json = JSON.parse(Testing.synth(stack));
    const policies = Object.values(json.resource.azuread_conditional_access_policy) as Json[];
    expect(policies).toHaveLength(1);
    const { '//': _, ...rest } = policies[0];
    return rest;
  }

  test.each([
    ['the page\'s built-in MFA strength', undefined],
    ['another strength', AuthenticationStrength.PHISHING_RESISTANT_MFA],
  ])('both synthesize the same JSON (%s)', (_, strength) => {
    const viaTemplate = policyBody((stack) => new TemplatePolicy(stack, 'Template', {
      template: PolicyTemplate.SECURING_SECURITY_INFO_REGISTRATION,
      emergencyAccess: EMERGENCY_ACCESS,
      authenticationStrength: strength,
    }));
    const viaRecipe = policyBody((stack) => new RequireMfaForSecurityInfoRegistration(stack, 'Recipe', {
      displayName: 'Securing security info registration',
      emergencyAccess: EMERGENCY_ACCESS,
      authenticationStrength: strength ?? AuthenticationStrength.MULTIFACTOR_AUTHENTICATION,
      onlyOutsideTrustedLocations: true,
    }));
    expect(viaTemplate).toEqual(viaRecipe);
    expect(viaTemplate.conditions.applications).toEqual({ included_user_actions: ['urn:user:registersecurityinfo'] });
  });
});

describe('errors name the prop, the value and the fix', () => {
  const build = (props: Json) => () => new TemplatePolicy(newStack(), 'T', { emergencyAccess: EMERGENCY_ACCESS, ...props } as any);

  test.each<[string, Json, string]>([
    ['no template', {},
      'template: is required; pass one of the PolicyTemplate constants, e.g. PolicyTemplate.REQUIRE_MFA_FOR_ADMINS'],
    ['BLOCK_ACCESS_BY_LOCATION without locations', { template: PolicyTemplate.BLOCK_ACCESS_BY_LOCATION },
      "blockedLocations: is required by PolicyTemplate.BLOCK_ACCESS_BY_LOCATION, which blocks sign-ins from the named locations you choose (Learn: policy-block-by-location); pass them, e.g. [new CountryNamedLocation(scope, 'Blocked', { displayName: 'Blocked countries', countriesAndRegions: ['KP'] })]"],
    ['BLOCK_ACCESS_BY_LOCATION with no location', { template: PolicyTemplate.BLOCK_ACCESS_BY_LOCATION, blockedLocations: [] },
      'blockedLocations: [] is empty; pass at least one named location to block; PolicyTemplate.BLOCK_ACCESS_BY_LOCATION blocks nothing without one'],
    ['BLOCK_ACCESS_BY_LOCATION blocking Any location', { template: PolicyTemplate.BLOCK_ACCESS_BY_LOCATION, blockedLocations: [Location.ALL] },
      "blockedLocations[0]: 'All' is not a named location; pass the IpNamedLocation / CountryNamedLocation to block; blocking Any location or All trusted locations locks everyone out"],
    ['BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS without applications', { template: PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS },
      'allowedApplications: is required by PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS, which blocks every other application outside trusted locations (Learn: policy-block-example); pass the applications to keep open, e.g. [CloudApplication.OFFICE_365]'],
    ['BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS with no application', { template: PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS, allowedApplications: [] },
      'allowedApplications: [] is empty; pass the applications to keep open, e.g. [CloudApplication.OFFICE_365]; without one the policy blocks every application outside trusted locations'],
    ['BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS allowing All', { template: PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS, allowedApplications: [CloudApplication.ALL] },
      "allowedApplications[0]: 'All' cannot be allowed; pass application ids or suites such as CloudApplication.OFFICE_365"],
    ['data for another template', { template: PolicyTemplate.REQUIRE_MFA_FOR_ADMINS, allowedApplications: [CloudApplication.OFFICE_365] },
      "allowedApplications: '[1 item]' is not used by PolicyTemplate.REQUIRE_MFA_FOR_ADMINS; remove it; only BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS take allowedApplications"],
    ['a strength for a template that grants none', { template: PolicyTemplate.REQUIRE_MFA_FOR_ADMINS, authenticationStrength: AuthenticationStrength.PHISHING_RESISTANT_MFA },
      "authenticationStrength: '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004' is not used by PolicyTemplate.REQUIRE_MFA_FOR_ADMINS; remove it; only SECURING_SECURITY_INFO_REGISTRATION, REQUIRE_MFA_FOR_ADMIN_PORTALS, REQUIRE_MFA_FOR_ALL_USERS, REQUIRE_MFA_FOR_RISKY_SIGN_INS, REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS, REQUIRE_MFA_FOR_DEVICE_REGISTRATION take authenticationStrength"],
    ['the sync role option on a template whose page does not exclude it', { template: PolicyTemplate.REQUIRE_MFA_FOR_GUESTS, excludeDirectorySynchronizationAccounts: true },
      'excludeDirectorySynchronizationAccounts: true is not used by PolicyTemplate.REQUIRE_MFA_FOR_GUESTS; remove it; only REQUIRE_MFA_FOR_ALL_USERS, REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA, REQUIRE_COMPLIANT_DEVICE take excludeDirectorySynchronizationAccounts'],
    ['no supported platform', { template: PolicyTemplate.BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS, supportedPlatforms: [] },
      'supportedPlatforms: [] is empty; list the platforms your organisation uses, e.g. [DevicePlatform.WINDOWS, DevicePlatform.IOS]; an empty list would block every platform'],
    ['Any device as a supported platform', { template: PolicyTemplate.BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS, supportedPlatforms: [DevicePlatform.ALL] },
      "supportedPlatforms[0]: 'all' is not a platform; list specific platforms such as DevicePlatform.WINDOWS; DevicePlatform.ALL would exempt every device"],
    ['a second guest exclusion', { template: PolicyTemplate.BLOCK_INSIDER_RISK, excludeUsers: { guestsOrExternalUsers: GuestsOrExternalUsers.ALL } },
      'excludeUsers.guestsOrExternalUsers: is set, but PolicyTemplate.BLOCK_INSIDER_RISK already excludes guest and external users as its Learn page says, and Graph takes one guest exclusion per policy; remove it'],
  ])('%s', (_, props, message) => {
    expect(build(props)).toThrow(message);
  });

  test('a named location works where the page asks for one', () => {
    const stack = newStack();
    const blocked = new CountryNamedLocation(stack, 'Blocked', { displayName: 'Blocked', countriesAndRegions: ['KP'] });
    expect(() => new TemplatePolicy(stack, 'T', { template: PolicyTemplate.BLOCK_ACCESS_BY_LOCATION, blockedLocations: [blocked] })).not.toThrow();
  });
});
