/**
 * Application ids the library knows by name: members of the Office 365 and Microsoft Admin Portals
 * suites (for What-If) and the first-party apps the Microsoft templates target. Internal module.
 */

/**
 * Office 365 app suite members that have a published application id.
 *
 * Membership: Learn "Apps included in Conditional Access Office 365 app suite"
 * (MicrosoftDocs/entra-docs, docs/identity/conditional-access/reference-office-365-application-contents.md,
 * ms.date 12/6/2024) lists names only. Ids: Learn "Verify first-party Microsoft applications in sign-in reports"
 * (MicrosoftDocs/SupportArticles-docs, support/entra/entra-id/governance/verify-first-party-apps-sign-in.md,
 * table "Application IDs of commonly used Microsoft applications"). Only names present in both pages with the
 * same spelling are listed; suite members without a published id (e.g. Microsoft Planner, Loop) are not
 * recognised by id, so pass their app id only if you target them explicitly.
 */
export const OFFICE_365_APP_IDS: ReadonlyMap<string, string> = new Map([
  ['944f0bd1-117b-4b1c-af26-804ed95e767e', 'Media Analysis and Transformation Service'],
  ['0cd196ee-71bf-4fd6-a57c-b491ffd4fb1e', 'Media Analysis and Transformation Service'],
  ['00000007-0000-0ff1-ce00-000000000000', 'Microsoft Exchange Online Protection'],
  ['c9a559d2-7aab-4f13-a6ed-e7e9c52aec87', 'Microsoft Forms'],
  ['d3590ed6-52b3-4102-aeff-aad2292ab01c', 'Microsoft Office'],
  ['00000006-0000-0ff1-ce00-000000000000', 'Microsoft Office 365 Portal'],
  ['cf53fce8-def6-4aeb-8d30-b158e7b1cf83', 'Microsoft Stream Portal'],
  ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', 'Microsoft Teams'],
  ['cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', 'Microsoft Teams Services'],
  ['5e3ce6c0-2b1f-4285-8d4b-75ee78787346', 'Microsoft Teams Web Client'],
  ['95de633a-083e-42f5-b444-a4295d8e9314', 'Microsoft Whiteboard Services'],
  ['4345a7b9-9a63-4910-a426-35363201d503', 'O365 Suite UX'],
  ['00000002-0000-0ff1-ce00-000000000000', 'Office 365 Exchange Online'],
  ['66a88757-258c-4c72-893c-3e8bed4d6899', 'Office 365 Search Service'],
  ['00000003-0000-0ff1-ce00-000000000000', 'Office 365 SharePoint Online'],
  ['94c63fef-13a3-47bc-8074-75af8c65887a', 'Office Delve'],
  ['93d53678-613d-4013-afc1-62e9e444a0a5', 'Office Online Add-in SSO'],
  ['243c63a3-247d-41c5-9d83-7788c43f1c43', 'Office Online Core SSO'],
  ['4b233688-031c-404b-9a80-a4f3f2351f90', 'Office.com'],
  ['89bee1f7-5e6e-4d8a-9f3d-ecd601259da7', 'Office365 Shell WCSS-Client'],
  ['0f698dd4-f011-4d23-a33e-b36416dcb1e6', 'OfficeClientService'],
  ['4765445b-32c6-49b0-83e6-1d93765276ca', 'OfficeHome'],
  ['ab9b8c07-8f02-4f72-87fa-80105867a763', 'OneDrive SyncEngine'],
  ['2d4d3d8e-2be3-4bef-9f87-7875a61c29de', 'OneNote'],
  ['08e18876-6177-487e-b8b5-cf950c1e598c', 'SharePoint Online Web Client Extensibility'],
  ['00000004-0000-0ff1-ce00-000000000000', 'Skype for Business Online'],
  ['905fcf26-4eb7-48a0-9ff0-8dcc7194b5ba', 'Sway'],
  ['00000005-0000-0ff1-ce00-000000000000', 'Viva Engage'],
]);

/**
 * Microsoft Admin Portals members that have a published application id.
 *
 * Membership: Learn "Conditional Access: Target resources", section "Microsoft Admin Portals"
 * (MicrosoftDocs/entra-docs, docs/identity/conditional-access/concept-conditional-access-cloud-apps.md) lists
 * Azure portal, Exchange admin center, Microsoft 365 admin center, Microsoft 365 Defender portal, Microsoft
 * Entra admin center, Microsoft Intune admin center, Microsoft Purview portal and Microsoft Teams admin center,
 * by name only. Ids from the same first-party table as above; only "Azure Portal" and "Exchange Admin Center"
 * appear there under those names.
 */
export const ADMIN_PORTAL_APP_IDS: ReadonlyMap<string, string> = new Map([
  ['c44b4083-3bb0-49c1-b47d-974e53cbdf3c', 'Azure Portal'],
  ['497effe9-df71-4043-a8bb-14cf78c4b63b', 'Exchange Admin Center'],
]);

/** Windows Azure Service Management API ("Azure management"; Learn template "Require MFA for Azure management"). */
export const AZURE_MANAGEMENT_APP_ID = '797f4846-ba00-4fd7-ba43-dac1f8f63013';

/** Microsoft Intune Enrollment (Learn "Sign-in frequency: every time" supported scenarios). */
export const INTUNE_ENROLLMENT_APP_ID = 'd4ebce55-015a-49b5-a083-c84d1797ae8c';

/** Every application id this vocabulary names, with its name: the Office 365 and admin-portal members and the apps above. */
export const WELL_KNOWN_APP_NAMES: ReadonlyMap<string, string> = new Map([
  ...OFFICE_365_APP_IDS,
  ...ADMIN_PORTAL_APP_IDS,
  [AZURE_MANAGEMENT_APP_ID, 'Windows Azure Service Management API'],
  [INTUNE_ENROLLMENT_APP_ID, 'Microsoft Intune Enrollment'],
]);

/** The name of a well-known application id (any case), or undefined. */
export function applicationName(appId: string): string | undefined {
  return WELL_KNOWN_APP_NAMES.get(appId.toLowerCase());
}
