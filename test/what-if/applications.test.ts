// Target resources in an application context: ids, All, the Office 365 and Microsoft Admin Portals suites.
import { IDS, policy, reasons, signIn } from './helpers';

const apps = (included: string[], excluded: string[] = []) =>
  policy({ conditions: { applications: { included_applications: included, excluded_applications: excluded } } });
const opening = (...applications: string[]) =>
  signIn({ signInContext: { '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': applications } });

test('an app is targeted by its id or by All, unless excluded', () => {
  expect(reasons(apps([IDS.customApp]), opening(IDS.customApp))).toBe('notSet');
  expect(reasons(apps([IDS.customApp.toUpperCase()]), opening(IDS.customApp))).toBe('notSet');
  expect(reasons(apps([IDS.customApp]), opening(IDS.sharePoint))).toBe('application');
  expect(reasons(apps(['All']), opening(IDS.customApp))).toBe('notSet');
  expect(reasons(apps(['All'], [IDS.customApp]), opening(IDS.customApp))).toBe('application');
  expect(reasons(apps(['None']), opening(IDS.customApp))).toBe('application');
});

test('Office365 covers the published suite members (SharePoint Online: Graph evaluate example 1)', () => {
  expect(reasons(apps(['Office365']), opening(IDS.sharePoint))).toBe('notSet');
  expect(reasons(apps(['Office365']), opening(IDS.exchange))).toBe('notSet');
  expect(reasons(apps(['Office365']), opening(IDS.customApp))).toBe('application');
  expect(reasons(apps(['All'], ['Office365']), opening(IDS.sharePoint))).toBe('application');
  expect(reasons(apps(['Office365'], [IDS.exchange]), opening(IDS.exchange))).toBe('application');
});

test('MicrosoftAdminPortals covers the Azure portal', () => {
  expect(reasons(apps(['MicrosoftAdminPortals']), opening(IDS.azurePortal))).toBe('notSet');
  expect(reasons(apps(['MicrosoftAdminPortals']), opening(IDS.sharePoint))).toBe('application');
});

test('a sign-in may name a whole suite', () => {
  expect(reasons(apps(['Office365']), opening('Office365'))).toBe('notSet');
  expect(reasons(apps([IDS.customApp]), opening('Office365'))).toBe('application');
  // which member is meant is unknown, so a policy on one member may or may not apply
  expect(reasons(apps([IDS.sharePoint]), opening('Office365'))).toBe('notEnoughInformation');
});

test('a sign-in to several apps is targeted when any of them is', () => {
  expect(reasons(apps([IDS.customApp]), opening(IDS.sharePoint, IDS.customApp))).toBe('notSet');
  expect(reasons(apps(['All'], [IDS.customApp]), opening(IDS.customApp, IDS.sharePoint))).toBe('notSet');
});

test('apps can be referenced by address (an application defined in the stack)', () => {
  const resource = { azuread_application: { portal: { display_name: 'Portal' } } };
  const p = apps(['${azuread_application.portal.client_id}']);
  expect(reasons(p, opening('azuread_application.portal'), { resource })).toBe('notSet');
  expect(reasons(p, opening(IDS.customApp), { resource })).toBe('application');
});

test('an app id that is only known at apply time is unknown against literal ids', () => {
  const data = { azuread_service_principal: { graph: { display_name: 'Microsoft Graph' } } };
  const p = apps(['All'], ['${data.azuread_service_principal.graph.client_id}']);
  expect(reasons(p, opening(IDS.customApp), { data })).toBe('notEnoughInformation');
});
