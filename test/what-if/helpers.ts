// Builders for hand-written synthesized stacks and Graph evaluate request bodies used by the What-If tests.
import { WhatIf } from '../../src/analysis';
import { WhatIfReport } from '../../src/what-if';

/** Object ids used across tests. */
export const IDS = {
  alice: '11111111-1111-4111-8111-111111111111',
  bob: '22222222-2222-4222-8222-222222222222',
  groupA: 'aaaaaaaa-0000-4000-8000-000000000001',
  groupB: 'aaaaaaaa-0000-4000-8000-000000000002',
  globalAdminRole: '62e90394-69f5-4237-9190-012177145e10',
  securityReaderRole: '5d6b6bb7-de71-4623-b4af-96380a352509',
  partnerTenant: 'bbbbbbbb-0000-4000-8000-000000000001',
  otherTenant: 'bbbbbbbb-0000-4000-8000-000000000002',
  spA: 'cccccccc-0000-4000-8000-000000000001',
  spB: 'cccccccc-0000-4000-8000-000000000002',
  customApp: 'dddddddd-0000-4000-8000-000000000001',
  sharePoint: '00000003-0000-0ff1-ce00-000000000000',
  exchange: '00000002-0000-0ff1-ce00-000000000000',
  azurePortal: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
  unknownLocation: 'eeeeeeee-0000-4000-8000-000000000001',
};

type Json = { [key: string]: any };

/** Recursively merges `patch` into `base` (arrays and scalars replace; `undefined` deletes). */
export function merge<T extends Json>(base: T, patch: Json): T {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const nested = typeof v === 'object' && v !== null && !Array.isArray(v);
    const into = typeof out[k] === 'object' && out[k] !== null && !Array.isArray(out[k]);
    if (v === undefined) {
      delete out[k];
    } else if (nested && into) {
      out[k] = merge(out[k], v);
    } else {
      out[k] = v;
    }
  }
  return out as T;
}

/** A policy that applies to every user signing in to any app, requiring MFA; patch what a test needs. */
export function policy(patch: Json = {}): Json {
  return merge(
    {
      display_name: 'Test policy',
      state: 'enabled',
      conditions: {
        client_app_types: ['all'],
        applications: { included_applications: ['All'] },
        users: { included_users: ['All'] },
      },
      grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
    },
    patch,
  );
}

/** Named locations shared by the tests. */
export const LOCATIONS: Json = {
  hq: { display_name: 'HQ', ip: { ip_ranges: ['203.0.113.0/24', '2001:db8:1::/48'], trusted: true } },
  partner: { display_name: 'Partner', ip: { ip_ranges: ['192.0.2.0/25'], trusted: false } },
  france: { display_name: 'France', country: { countries_and_regions: ['FR'], include_unknown_countries_and_regions: true } },
  germany: { display_name: 'Germany', country: { countries_and_regions: ['DE'] } },
};

/** A synthesized stack: the given policies (by key), the shared named locations, and extra resources/data. */
export function stack(policies: Json, extra: { resource?: Json; data?: Json } = {}): Json {
  const base: Json = {
    azuread_named_location: LOCATIONS,
    azuread_user: { breakglass: { display_name: 'Break glass', user_principal_name: 'bg@contoso.example' } },
    azuread_group: { admins: { display_name: 'Admins', security_enabled: true } },
    azuread_authentication_strength_policy: {
      tap: { display_name: 'TAP', allowed_combinations: ['temporaryAccessPassOneTime', 'fido2'] },
    },
    azuread_conditional_access_policy: policies,
  };
  // extra resources are added next to the shared ones (same type: both kept)
  const resource: Json = { ...base };
  for (const [type, byName] of Object.entries(extra.resource ?? {})) resource[type] = { ...(base[type] ?? {}), ...byName };
  return { resource, ...(extra.data ? { data: extra.data } : {}) };
}

/** A WhatIf over `stack(policies, extra)`. */
export function whatIfOf(policies: Json, extra: { resource?: Json; data?: Json } = {}): WhatIf {
  return WhatIf.fromStackJson(JSON.stringify(stack(policies, extra)));
}

/** A member signing in to SharePoint Online with nothing else described; patch what a test needs. */
export function signIn(patch: Json = {}): Json {
  return merge(
    {
      signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', 'userId': IDS.alice },
      signInContext: { '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': [IDS.sharePoint] },
      signInConditions: {},
      directory: { memberOf: [], roles: [] },
    },
    patch,
  );
}

/** A user-action context. */
export function registering(action = 'registerSecurityInformation'): Json {
  return { signInContext: { '@odata.type': '#microsoft.graph.userActionContext', 'userAction': action, 'includeApplications': undefined } };
}

/** The result of policy `key` (address `azuread_conditional_access_policy.<key>`). */
export function resultOf(report: WhatIfReport, key: string) {
  const r = report.results.find((x) => x.address === `azuread_conditional_access_policy.${key}`);
  if (!r) throw new Error(`no result for ${key}`);
  return r;
}

/** The analysisReasons of a single policy `p` evaluated against `s`. */
export function reasons(p: Json, s: Json, extra: { resource?: Json; data?: Json } = {}): string {
  return resultOf(whatIfOf({ p }, extra).evaluate(s), 'p').analysisReasons;
}
