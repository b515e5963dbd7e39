import { Vocabulary } from './vocabulary';

/** The special values of `includeUsers` / `excludeUsers`. */
export const SPECIAL_USERS = new Vocabulary('user value', {
  ALL: { value: 'All', label: 'All users' },
  NONE: { value: 'None', label: 'None' },
  GUESTS_OR_EXTERNAL_USERS: { value: 'GuestsOrExternalUsers', label: 'All guest and external users' },
});

/** The special values of `includeApplications` / `excludeApplications`. */
export const SPECIAL_APPLICATIONS = new Vocabulary('application value', {
  ALL: { value: 'All', label: 'All resources' },
  NONE: { value: 'None', label: 'None' },
  OFFICE_365: { value: 'Office365', label: 'Office 365' },
  MICROSOFT_ADMIN_PORTALS: { value: 'MicrosoftAdminPortals', label: 'Microsoft Admin Portals' },
});

/** The special value of `includeServicePrincipals`. */
export const SPECIAL_SERVICE_PRINCIPALS = new Vocabulary('service principal value', {
  SERVICE_PRINCIPALS_IN_MY_TENANT: { value: 'ServicePrincipalsInMyTenant', label: 'All owned service principals' },
});
