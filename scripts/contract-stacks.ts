/**
 * The provider contract (src/provider/provider-contract.ts) against the provider itself: writes one stack per
 * mutation of a valid resource body, each with what the contract says of it, for scripts/terraform-validate.sh
 * --contract to hold `terraform validate` to. A body the contract finds a `plan` problem in must fail validate;
 * a body with no `plan` problem must pass it. CustomizeDiff checks run at plan, not validate: those mutations are
 * marked `planOnly` and only written for the record (validate must accept them).
 *
 * Usage: ts-node -P scripts/tsconfig.json --transpile-only scripts/contract-stacks.ts OUTDIR
 * Writes OUTDIR/stacks/<name>/cdk.tf.json and OUTDIR/expect.json ({ name: { mutation, plan: [problems], planOnly } }).
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkNamedLocationContract, checkPolicyContract, checkStrengthContract, ContractProblem } from '../src/provider/provider-contract';

type Json = { [key: string]: any };
type Check = (body: Json) => ContractProblem[];

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: contract-stacks.ts OUTDIR');
  process.exit(2);
}

const GROUP = '00000000-0000-0000-0000-00000000e000';
const STRENGTH = '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002';

const POLICY: Json = {
  display_name: 'Base policy',
  state: 'enabledForReportingButNotEnforced',
  conditions: {
    client_app_types: ['all'],
    applications: { included_applications: ['All'] },
    users: { included_users: ['All'], excluded_groups: [GROUP] },
  },
  grant_controls: { operator: 'OR', built_in_controls: ['mfa'] },
};
const IP_LOCATION: Json = { display_name: 'Office', ip: { ip_ranges: ['203.0.113.0/24'], trusted: true } };
const COUNTRY_LOCATION: Json = { display_name: 'Blocked', country: { countries_and_regions: ['KP'], include_unknown_countries_and_regions: false } };
const STRENGTH_POLICY: Json = { display_name: 'TAP or FIDO2', allowed_combinations: ['fido2', 'temporaryAccessPassOneTime'] };

/** A copy of `base` with `path` (dotted) set to `value`, or removed when `value` is undefined. */
function edit(base: Json, ...edits: Array<[string, unknown]>): Json {
  const body = JSON.parse(JSON.stringify(base));
  for (const [p, value] of edits) {
    const parts = p.split('.');
    let o = body;
    for (const part of parts.slice(0, -1)) o = (o[part] ??= {});
    if (value === undefined) delete o[parts[parts.length - 1]];
    else o[parts[parts.length - 1]] = value;
  }
  return body;
}

interface Case { readonly name: string; readonly type: string; readonly body: Json; readonly check: Check; readonly planOnly?: boolean }
const cases: Case[] = [];
const policy = (name: string, ...edits: Array<[string, unknown]>) => cases.push({ name: `policy-${name}`, type: 'azuread_conditional_access_policy', body: edit(POLICY, ...edits), check: checkPolicyContract });

// valid bases: validate must accept them
policy('base');
cases.push({ name: 'location-ip-base', type: 'azuread_named_location', body: IP_LOCATION, check: checkNamedLocationContract });
cases.push({ name: 'location-country-base', type: 'azuread_named_location', body: COUNTRY_LOCATION, check: checkNamedLocationContract });
cases.push({ name: 'strength-base', type: 'azuread_authentication_strength_policy', body: STRENGTH_POLICY, check: checkStrengthContract });

// display name
policy('display-name-empty', ['display_name', '']);
policy('display-name-missing', ['display_name', undefined]);

// enum lists and values: an unknown value and a case variant of a known one
const ENUMS: Array<[string, string, boolean, Array<[string, unknown]>]> = [
  ['conditions.client_app_types', 'All', true, []],
  ['conditions.platforms.included_platforms', 'Android', true, []],
  ['conditions.platforms.excluded_platforms', 'IOS', true, [['conditions.platforms.included_platforms', ['all']]]],
  ['conditions.sign_in_risk_levels', 'High', true, []],
  ['conditions.user_risk_levels', 'Medium', true, []],
  ['conditions.service_principal_risk_levels', 'Low', true, [
    ['conditions.users', { included_users: ['None'] }],
    ['conditions.client_applications', { included_service_principals: ['ServicePrincipalsInMyTenant'] }],
  ]],
  ['conditions.authentication_flow_transfer_methods', 'DeviceCodeFlow', true, []],
  ['grant_controls.built_in_controls', 'MFA', true, []],
  ['state', 'Enabled', false, []],
  ['conditions.insider_risk_levels', 'Elevated', false, []],
  ['grant_controls.operator', 'or', false, []],
  ['session_controls.cloud_app_security_policy', 'MonitorOnly', false, []],
  ['session_controls.persistent_browser_mode', 'Never', false, []],
  ['session_controls.sign_in_frequency_authentication_type', 'SecondaryAuthentication', false, []],
  ['session_controls.sign_in_frequency_interval', 'EveryTime', false, []],
  ['session_controls.sign_in_frequency_period', 'Hours', false, [['session_controls.sign_in_frequency', 4]]],
  ['conditions.devices.filter.mode', 'Include', false, [['conditions.devices.filter.rule', 'device.isCompliant -eq True']]],
];
for (const [p, caseVariant, isList, extra] of ENUMS) {
  const key = p.replace(/^conditions\.|^grant_controls\.|^session_controls\./, '').replace(/[._]/g, '-');
  policy(`${key}-unknown`, ...extra, [p, isList ? ['notAValue'] : 'notAValue']);
  policy(`${key}-case`, ...extra, [p, isList ? [caseVariant] : caseVariant]);
}

// non-empty string lists
for (const p of ['conditions.applications.included_applications', 'conditions.users.included_users', 'conditions.users.excluded_groups',
  'conditions.locations.excluded_locations', 'grant_controls.terms_of_use']) {
  const extra: Array<[string, unknown]> = p.startsWith('conditions.locations') ? [['conditions.locations.included_locations', ['All']]] : [];
  policy(`${p.replace(/^conditions\.|^grant_controls\./, '').replace(/[._]/g, '-')}-empty-string`, ...extra, [p, ['']]);
}

// blocks and their required attributes
policy('applications-both', ['conditions.applications.included_user_actions', ['urn:user:registersecurityinfo']]);
policy('applications-both-empty-list', ['conditions.applications.included_user_actions', []]);
policy('applications-neither', ['conditions.applications.included_applications', undefined], ['conditions.applications.excluded_applications', ['None']]);
policy('client-app-types-missing', ['conditions.client_app_types', undefined]);
policy('users-include-nobody', ['conditions.users.included_users', undefined]);
policy('locations-without-included', ['conditions.locations', { excluded_locations: ['AllTrusted'] }]);
policy('platforms-without-included', ['conditions.platforms', { excluded_platforms: ['iOS'] }]);
policy('device-filter-rule-empty', ['conditions.devices.filter', { mode: 'include', rule: '' }]);
policy('device-filter-mode-missing', ['conditions.devices.filter', { rule: 'device.isCompliant -eq True' }]);
policy('guests-types-missing', ['conditions.users.included_guests_or_external_users', { external_tenants: { membership_kind: 'all' } }]);
policy('guests-type-unknown', ['conditions.users.excluded_guests_or_external_users', { guest_or_external_user_types: ['notAType'] }]);
policy('guests-membership-kind-missing', ['conditions.users.excluded_guests_or_external_users',
  { guest_or_external_user_types: ['internalGuest'], external_tenants: { members: [GROUP] } }]);
policy('guests-membership-kind-unknown', ['conditions.users.excluded_guests_or_external_users',
  { guest_or_external_user_types: ['internalGuest'], external_tenants: { membership_kind: 'some' } }]);
policy('grant-and-session-missing', ['grant_controls', undefined]);
policy('grant-operator-missing', ['grant_controls.operator', undefined]);
policy('grant-requires-nothing', ['grant_controls.built_in_controls', undefined]);
policy('grant-strength-bare-guid', ['grant_controls.built_in_controls', undefined], ['grant_controls.authentication_strength_policy_id', '00000000-0000-0000-0000-000000000002']);
policy('grant-strength-path', ['grant_controls.built_in_controls', undefined], ['grant_controls.authentication_strength_policy_id', STRENGTH]);
policy('session-frequency-negative', ['session_controls', { sign_in_frequency: -1, sign_in_frequency_period: 'hours', sign_in_frequency_interval: 'timeBased' }]);
policy('session-frequency-without-period', ['session_controls', { sign_in_frequency: 4, sign_in_frequency_interval: 'timeBased' }]);
policy('session-period-without-frequency', ['session_controls', { sign_in_frequency_period: 'hours', sign_in_frequency_interval: 'timeBased' }]);
policy('session-only', ['grant_controls', undefined], ['session_controls', { sign_in_frequency: 4, sign_in_frequency_period: 'hours', sign_in_frequency_interval: 'timeBased' }]);
cases.push({
  name: 'policy-session-every-time-with-frequency',
  type: 'azuread_conditional_access_policy',
  planOnly: true,
  check: checkPolicyContract,
  body: edit(POLICY, ['session_controls', { sign_in_frequency: 4, sign_in_frequency_period: 'hours', sign_in_frequency_interval: 'everyTime' }]),
});

const location = (name: string, base: Json, ...edits: Array<[string, unknown]>) =>
  cases.push({ name: `location-${name}`, type: 'azuread_named_location', body: edit(base, ...edits), check: checkNamedLocationContract });
location('display-name-empty', IP_LOCATION, ['display_name', '']);
location('ip-and-country', IP_LOCATION, ['country', COUNTRY_LOCATION.country]);
location('neither', IP_LOCATION, ['ip', undefined]);
location('ip-ranges-missing', IP_LOCATION, ['ip.ip_ranges', undefined]);
location('ip-range-not-cidr', IP_LOCATION, ['ip.ip_ranges', ['203.0.113.7']]);
location('ip-range-prefix-7', IP_LOCATION, ['ip.ip_ranges', ['10.0.0.0/7']]);
location('ip-range-prefix-8', IP_LOCATION, ['ip.ip_ranges', ['10.0.0.0/8']]);
location('ip-range-host-bits', IP_LOCATION, ['ip.ip_ranges', ['203.0.113.7/24']]);
location('countries-missing', COUNTRY_LOCATION, ['country.countries_and_regions', undefined]);
location('country-empty-string', COUNTRY_LOCATION, ['country.countries_and_regions', ['']]);
location('country-lookup-unknown', COUNTRY_LOCATION, ['country.country_lookup_method', 'gps']);
location('country-lookup-case', COUNTRY_LOCATION, ['country.country_lookup_method', 'ClientIpAddress']);

const strength = (name: string, ...edits: Array<[string, unknown]>) =>
  cases.push({ name: `strength-${name}`, type: 'azuread_authentication_strength_policy', body: edit(STRENGTH_POLICY, ...edits), check: checkStrengthContract });
strength('display-name-empty', ['display_name', '']);
strength('combinations-missing', ['allowed_combinations', undefined]);
strength('combination-unknown-mode', ['allowed_combinations', ['fido2', 'password,carrierPigeon']]);
strength('combination-not-canonical', ['allowed_combinations', ['sms,password']]);

const expect: Json = {};
for (const c of cases) {
  const dir = path.join(outdir, 'stacks', c.name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({
    terraform: { required_providers: { azuread: { source: 'hashicorp/azuread', version: '3.7.0' } } },
    provider: { azuread: [{}] },
    resource: { [c.type]: { subject: c.body } },
  }, null, 2));
  const problems = c.check(c.body);
  expect[c.name] = {
    plan: problems.filter((p) => p.kind === 'plan').map((p) => `${p.attribute}: ${p.problem}`),
    other: problems.filter((p) => p.kind !== 'plan').map((p) => `${p.kind} ${p.attribute}: ${p.problem}`),
    planOnly: c.planOnly === true,
  };
}
fs.writeFileSync(path.join(outdir, 'expect.json'), JSON.stringify(expect, null, 2));
console.log(`wrote ${cases.length} contract stacks into ${outdir}/stacks`);
