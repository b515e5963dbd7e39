// The ready-made setup file registers the matchers on import.
import '../../src/testing/setup';
import { whatIf } from '../../src/testing';

test('importing lib/testing/setup registers the What-If matchers', () => {
  const stackJson = JSON.stringify({
    resource: {
      azuread_conditional_access_policy: {
        all: {
          display_name: 'All',
          state: 'enabled',
          conditions: { client_app_types: ['all'], applications: { included_applications: ['All'] }, users: { included_users: ['All'] } },
          grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
        },
      },
    },
  });
  const report = whatIf(stackJson, {
    signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn' },
    signInContext: { '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': ['00000003-0000-0ff1-ce00-000000000000'] },
    signInConditions: {},
  });
  expect(report).toRequireControls('mfa');
  expect(report).toApplyPolicy('All');
});
