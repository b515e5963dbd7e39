/**
 * Built-in directory roles Conditional Access policies name by role template id. Names and ids from
 * Learn "Microsoft Entra built-in roles" (permissions-reference.md); `privileged` is the page's
 * "Privileged" label; `adminTemplate` marks the roles of the "Require MFA for administrators"
 * template (Learn include conditional-access-admin-roles.md, 14 roles, the same ids Graph's evaluate
 * example 3 uses). Internal module.
 */
export interface DirectoryRoleTerm {
  /** The enum-like constant's name, e.g. `GLOBAL_ADMINISTRATOR`. */
  readonly constant: string;
  /** The portal name. */
  readonly label: string;
  /** The role template id (lower case). */
  readonly templateId: string;
  /** Learn marks the role privileged. */
  readonly privileged: boolean;
  /** One of the 14 roles of the admin templates. */
  readonly adminTemplate: boolean;
}

function role(constant: string, label: string, templateId: string, privileged: boolean, adminTemplate: boolean): DirectoryRoleTerm {
  return { constant, label, templateId, privileged, adminTemplate };
}

/** The roles, the 14 admin-template roles first in Learn's order. */
export const DIRECTORY_ROLES: readonly DirectoryRoleTerm[] = [
  role('GLOBAL_ADMINISTRATOR', 'Global Administrator', '62e90394-69f5-4237-9190-012177145e10', true, true),
  role('APPLICATION_ADMINISTRATOR', 'Application Administrator', '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', true, true),
  role('AUTHENTICATION_ADMINISTRATOR', 'Authentication Administrator', 'c4e39bd9-1100-46d3-8c65-fb160da0071f', true, true),
  role('BILLING_ADMINISTRATOR', 'Billing Administrator', 'b0f54661-2d74-4c50-afa3-1ec803f12efe', false, true),
  role('CLOUD_APPLICATION_ADMINISTRATOR', 'Cloud Application Administrator', '158c047a-c907-4556-b7ef-446551a6b5f7', true, true),
  role('CONDITIONAL_ACCESS_ADMINISTRATOR', 'Conditional Access Administrator', 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', true, true),
  role('EXCHANGE_ADMINISTRATOR', 'Exchange Administrator', '29232cdf-9323-42fd-ade2-1d097af3e4de', false, true),
  role('HELPDESK_ADMINISTRATOR', 'Helpdesk Administrator', '729827e3-9c14-49f7-bb1b-9608f156bbb8', true, true),
  role('PASSWORD_ADMINISTRATOR', 'Password Administrator', '966707d0-3269-4727-9be2-8c3a10f19b9d', true, true),
  role('PRIVILEGED_AUTHENTICATION_ADMINISTRATOR', 'Privileged Authentication Administrator', '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', true, true),
  role('PRIVILEGED_ROLE_ADMINISTRATOR', 'Privileged Role Administrator', 'e8611ab8-c189-46e8-94e1-60213ab1f814', true, true),
  role('SECURITY_ADMINISTRATOR', 'Security Administrator', '194ae4cb-b126-40b2-bd5b-6091b380977d', true, true),
  role('SHAREPOINT_ADMINISTRATOR', 'SharePoint Administrator', 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', false, true),
  role('USER_ADMINISTRATOR', 'User Administrator', 'fe930be7-5e62-47db-91af-98c3a49a38b1', true, true),
  role('GLOBAL_READER', 'Global Reader', 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', true, false),
  role('INTUNE_ADMINISTRATOR', 'Intune Administrator', '3a2c62db-5318-420d-8d74-23affee5d9d5', true, false),
  role('HYBRID_IDENTITY_ADMINISTRATOR', 'Hybrid Identity Administrator', '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', true, false),
  role('SECURITY_OPERATOR', 'Security Operator', '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f', true, false),
  role('SECURITY_READER', 'Security Reader', '5d6b6bb7-de71-4623-b4af-96380a352509', true, false),
  role('CLOUD_DEVICE_ADMINISTRATOR', 'Cloud Device Administrator', '7698a772-787b-4ac8-901f-60d6b08affd2', true, false),
  role('DOMAIN_NAME_ADMINISTRATOR', 'Domain Name Administrator', '8329153b-31d0-4727-b945-745eb3bc5f31', true, false),
  role('EXTERNAL_IDENTITY_PROVIDER_ADMINISTRATOR', 'External Identity Provider Administrator', 'be2f45a1-457d-42af-a067-6ec1fa63bc45', true, false),
  role('DIRECTORY_WRITERS', 'Directory Writers', '9360feb5-f418-4baa-8175-e2a00bac4301', true, false),
  role('DIRECTORY_SYNCHRONIZATION_ACCOUNTS', 'Directory Synchronization Accounts', 'd29b2b05-8046-44ba-8758-1e26182fcf32', false, false),
  role('TEAMS_ADMINISTRATOR', 'Teams Administrator', '69091246-20e8-4a56-aa4d-066075b2a7a8', false, false),
];

const BY_ID = new Map(DIRECTORY_ROLES.map((r) => [r.templateId, r]));

/** The role with this template id (any letter case), or undefined. */
export function directoryRoleById(templateId: string): DirectoryRoleTerm | undefined {
  return BY_ID.get(templateId.toLowerCase());
}
