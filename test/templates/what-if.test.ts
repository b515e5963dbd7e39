/**
 * What-If per template: one sign-in the template's policy catches and one it does not, evaluated offline on
 * the synthesized stack (`WhatIf.fromStack`). The templates deploy report-only, so the decision is read from the
 * report-only outcome and the enforced outcome stays "allowed".
 */
import { EMERGENCY_USER, templateStack, TRUSTED_IP, UNTRUSTED_IP, BLOCKED_COUNTRY } from './helpers';
import { PolicyTemplate, WhatIf, WhatIfAccess } from '../../src';

type Json = { [key: string]: any };

const MEMBER = { userId: '11111111-1111-4111-8111-111111111111' };
const GUEST = { userId: '22222222-2222-4222-8222-222222222222', externalUserType: 'b2bCollaborationGuest' };
const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
const DIRECTORY_SYNCHRONIZATION_ACCOUNTS = 'd29b2b05-8046-44ba-8758-1e26182fcf32';
const ADMIN = { memberOf: [], roles: [GLOBAL_ADMINISTRATOR] };
const SYNC_ACCOUNT = { memberOf: [], roles: [DIRECTORY_SYNCHRONIZATION_ACCOUNTS] };

const SHAREPOINT = '00000003-0000-0ff1-ce00-000000000000';
const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000'; // an Office 365 suite member
const AZURE_PORTAL = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c'; // a Microsoft Admin Portals member
const AZURE_MANAGEMENT = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const LINE_OF_BUSINESS_APP = 'dddddddd-0000-4000-8000-000000000001';
const MFA = '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002';
const PHISHING_RESISTANT = '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004';

const app = (id: string) => ({ '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': [id] });
const action = (userAction: string) => ({ '@odata.type': '#microsoft.graph.userActionContext', userAction });

/** A sign-in: a member opening SharePoint in a browser on Windows from an untrusted IP in France, unless changed. */
interface SignIn {
  readonly identity?: Json;
  readonly context?: Json;
  readonly conditions?: Json;
  readonly directory?: Json;
}

function signIn(s: SignIn): Json {
  return {
    signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', ...(s.identity ?? MEMBER) },
    signInContext: s.context ?? app(SHAREPOINT),
    signInConditions: { ipAddress: UNTRUSTED_IP, country: 'FR', clientAppType: 'browser', devicePlatform: 'windows', ...s.conditions },
    directory: s.directory ?? { memberOf: [], roles: [] },
  };
}

interface Scenario {
  /** A sign-in the policy applies to, and the report-only decision. */
  readonly caught: SignIn & { readonly access: WhatIfAccess; readonly requires?: string[] };
  /** A sign-in it does not apply to, and Graph's analysisReasons. */
  readonly missed: SignIn & { readonly reasons: string };
}

const SCENARIOS: { readonly [name: string]: Scenario } = {
  REQUIRE_MFA_FOR_ADMINS: {
    caught: { directory: ADMIN, access: WhatIfAccess.REQUIRES_CONTROLS, requires: ['mfa'] },
    missed: { reasons: 'users' },
  },
  SECURING_SECURITY_INFO_REGISTRATION: {
    caught: { context: action('registerSecurityInformation'), access: WhatIfAccess.REQUIRES_CONTROLS, requires: [MFA] },
    missed: { context: action('registerSecurityInformation'), conditions: { ipAddress: TRUSTED_IP }, reasons: 'location' },
  },
  BLOCK_LEGACY_AUTHENTICATION: {
    caught: { context: app(EXCHANGE), conditions: { clientAppType: 'exchangeActiveSync' }, access: WhatIfAccess.BLOCKED },
    missed: { context: app(EXCHANGE), reasons: 'clientApps' },
  },
  REQUIRE_MFA_FOR_ADMIN_PORTALS: {
    caught: { directory: ADMIN, context: app(AZURE_PORTAL), access: WhatIfAccess.REQUIRES_CONTROLS, requires: [MFA] },
    missed: { directory: ADMIN, reasons: 'application' },
  },
  REQUIRE_MFA_FOR_ALL_USERS: {
    caught: { access: WhatIfAccess.REQUIRES_CONTROLS, requires: [MFA] },
    missed: { identity: { userId: EMERGENCY_USER }, reasons: 'users' },
  },
  REQUIRE_MFA_FOR_AZURE_MANAGEMENT: {
    caught: { context: app(AZURE_MANAGEMENT), access: WhatIfAccess.REQUIRES_CONTROLS, requires: ['mfa'] },
    missed: { reasons: 'application' },
  },
  REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_OR_MFA: {
    caught: { access: WhatIfAccess.REQUIRES_CONTROLS, requires: ['compliantDevice', 'domainJoinedDevice', 'mfa'] },
    missed: { directory: SYNC_ACCOUNT, reasons: 'users' },
  },
  REQUIRE_COMPLIANT_DEVICE: {
    caught: { access: WhatIfAccess.REQUIRES_CONTROLS, requires: ['compliantDevice'] },
    missed: { directory: SYNC_ACCOUNT, reasons: 'users' },
  },
  REQUIRE_APPROVED_CLIENT_APPS_OR_APP_PROTECTION: {
    caught: { conditions: { devicePlatform: 'android' }, access: WhatIfAccess.REQUIRES_CONTROLS, requires: ['approvedApplication', 'compliantApplication'] },
    missed: { reasons: 'devicePlatform' },
  },
  REQUIRE_MFA_FOR_GUESTS: {
    caught: { identity: GUEST, access: WhatIfAccess.REQUIRES_CONTROLS, requires: ['mfa'] },
    missed: { reasons: 'users' },
  },
  REQUIRE_MFA_FOR_RISKY_SIGN_INS: {
    caught: { conditions: { signInRiskLevel: 'high' }, access: WhatIfAccess.REQUIRES_CONTROLS, requires: [MFA] },
    missed: { conditions: { signInRiskLevel: 'low' }, reasons: 'signInRisk' },
  },
  REQUIRE_PASSWORD_CHANGE_FOR_HIGH_RISK_USERS: {
    caught: { conditions: { userRiskLevel: 'high' }, access: WhatIfAccess.REQUIRES_CONTROLS, requires: ['mfa', 'passwordChange'] },
    missed: { conditions: { userRiskLevel: 'medium' }, reasons: 'userRisk' },
  },
  BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS: {
    caught: { conditions: { devicePlatform: 'linux' }, access: WhatIfAccess.BLOCKED },
    missed: { reasons: 'devicePlatform' },
  },
  NO_PERSISTENT_BROWSER_SESSION: {
    // an Entra registered, non-compliant device: unmanaged; session controls only, so access is allowed
    caught: { conditions: { deviceInfo: { trustType: 'Workplace', isCompliant: false } }, access: WhatIfAccess.ALLOWED },
    missed: { conditions: { deviceInfo: { trustType: 'ServerAD', isCompliant: true } }, reasons: 'devices' },
  },
  BLOCK_INSIDER_RISK: {
    caught: { conditions: { insiderRiskLevel: 'elevated' }, access: WhatIfAccess.BLOCKED },
    missed: { conditions: { insiderRiskLevel: 'moderate' }, reasons: 'insiderRisk' },
  },
  REQUIRE_COMPLIANT_OR_HYBRID_JOINED_DEVICE_FOR_ADMINS: {
    caught: { directory: ADMIN, access: WhatIfAccess.REQUIRES_CONTROLS, requires: ['compliantDevice', 'domainJoinedDevice'] },
    missed: { reasons: 'users' },
  },
  APP_ENFORCED_RESTRICTIONS_FOR_UNMANAGED_DEVICES: {
    caught: { context: app(EXCHANGE), access: WhatIfAccess.ALLOWED },
    missed: { context: app(AZURE_PORTAL), reasons: 'application' },
  },
  REQUIRE_PHISHING_RESISTANT_MFA_FOR_ADMINS: {
    caught: { directory: ADMIN, access: WhatIfAccess.REQUIRES_CONTROLS, requires: [PHISHING_RESISTANT] },
    missed: { reasons: 'users' },
  },
  REQUIRE_MFA_FOR_DEVICE_REGISTRATION: {
    caught: { context: action('registerOrJoinDevices'), access: WhatIfAccess.REQUIRES_CONTROLS, requires: [MFA] },
    missed: { context: action('registerSecurityInformation'), reasons: 'userActions' },
  },
  BLOCK_ACCESS_BY_LOCATION: {
    caught: { conditions: { country: BLOCKED_COUNTRY }, access: WhatIfAccess.BLOCKED },
    missed: { reasons: 'location' },
  },
  BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS: {
    caught: { context: app(LINE_OF_BUSINESS_APP), access: WhatIfAccess.BLOCKED },
    missed: { context: app(EXCHANGE), reasons: 'application' },
  },
};

test('every template has its scenarios', () => {
  expect(Object.keys(SCENARIOS).sort()).toEqual(PolicyTemplate.ALL.map((t) => t.name).sort());
});

describe.each(PolicyTemplate.ALL.map((t) => [t.name, t] as const))('%s', (name, template) => {
  const whatIf = WhatIf.fromStack(templateStack(template).stack);
  const scenario = SCENARIOS[name];

  test('catches its sign-in (report-only: logged, not enforced)', () => {
    const report = whatIf.evaluate(signIn(scenario.caught));
    expect(report.results.map((r) => [r.displayName, r.policyApplies, r.analysisReasons])).toEqual([[template.portalName, true, 'notSet']]);
    expect(report.outcome.access).toBe(WhatIfAccess.ALLOWED);
    expect(report.outcome.reportOnly.access).toBe(scenario.caught.access);
    if (scenario.caught.requires) {
      const [requirement] = report.outcome.reportOnly.requirements;
      const required = requirement.authenticationStrength ? [requirement.authenticationStrength.id] : [...requirement.builtInControls].sort();
      expect(required).toEqual(scenario.caught.requires);
    }
    if (scenario.caught.access === WhatIfAccess.ALLOWED) {
      // the session-control templates: the policy applies with its session controls
      expect(report.results[0].grantControls).toBeUndefined();
      expect(report.results[0].sessionControls).toBeDefined();
    }
  });

  test(`skips its other sign-in (${scenario.missed.reasons})`, () => {
    const report = whatIf.evaluate(signIn(scenario.missed));
    expect(report.results.map((r) => [r.policyApplies, r.analysisReasons])).toEqual([[false, scenario.missed.reasons]]);
    expect(report.outcome.reportOnly.access).toBe(WhatIfAccess.ALLOWED);
  });
});
