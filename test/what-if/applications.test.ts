// Target resources in an application context: ids, All, the Office 365 and Microsoft Admin Portals suites.
import { IDS, policy, reasons, signIn, whatIfOf } from './helpers';

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

test('a suite named in the request matches no policy on apps (Learn what-if-tool.md: "Groups of apps, such as Office 365 or Microsoft Admin Portals, don\'t result in a match")', () => {
  expect(reasons(apps(['Office365']), opening('Office365'))).toBe('application');
  expect(reasons(apps(['MicrosoftAdminPortals']), opening('MicrosoftAdminPortals'))).toBe('application');
  expect(reasons(apps([IDS.sharePoint]), opening('Office365'))).toBe('application');
  expect(reasons(apps([IDS.customApp]), opening('Office365'))).toBe('application');
  // it is still an app: All resources includes it, and excluding the suite does not exclude the name
  expect(reasons(apps(['All']), opening('Office365'))).toBe('notSet');
  expect(reasons(apps(['All'], ['Office365']), opening('Office365'))).toBe('notSet');
});

test('a suite named in the request gets a sign-in warning that says to name a member app', () => {
  const report = whatIfOf({ p: apps(['Office365']) }).evaluate(opening(IDS.customApp, 'Office365'));
  expect(report.warnings).toEqual([
    "signInContext.includeApplications[1]: 'Office365' is a group of apps; Graph's What If matches no policy on a group of apps named in the request (only policies on All resources apply), so name a member app id instead, e.g. 00000003-0000-0ff1-ce00-000000000000 (SharePoint Online)",
  ]);
  expect(whatIfOf({ p: apps(['Office365']) }).evaluate(opening(IDS.sharePoint)).warnings).toEqual([]);
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
