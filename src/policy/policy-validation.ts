import type { ConditionalAccessPolicyProps } from './conditional-access-policy';
import { parseFilterRule } from './filter';
import { Principal, PrincipalKind } from './principal';
import { isEmptySession, validateSession } from './session-controls';
import { UserSelection } from './users';
import { ILocation } from '../locations/location';
import {
  fail,
  failProp,
  isGuid,
  isToken,
  Problems,
  referencedAddresses,
  validateDisplayName,
  validateNoTemplateSequence,
  validateProviderValue,
} from '../private/validation';
import { TRANSFER_METHODS } from '../vocabulary/authentication-flows';
import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';
import { BUILT_IN_CONTROLS } from '../vocabulary/grant-controls';
import { POLICY_STATES } from '../vocabulary/policy-states';
import { INSIDER_RISK_LEVELS, RISK_LEVELS, SERVICE_PRINCIPAL_RISK_LEVELS } from '../vocabulary/risk-levels';
import { CLOUD_APP_SECURITY_TYPES } from '../vocabulary/session-controls';

/**
 * Every construction-time check of a policy's properties: values and combinations that Graph or
 * the provider would reject, or that would never do what they say. Each check runs on its own, so
 * every problem is reported at once.
 */
export function validatePolicyProps(props: ConditionalAccessPolicyProps, collector?: Problems): void {
  const problems = collector ?? new Problems();
  checkPolicyProps(props, problems);
  if (!collector) problems.throwIfAnyWithoutScope();
}

function checkPolicyProps(props: ConditionalAccessPolicyProps, problems: Problems): void {
  problems.check(() => validateDisplayName('displayName', props.displayName));
  problems.check(() => {
    if (!props.includeUsers) failProp('includeUsers', 'is required; use IncludedUsers.all(), IncludedUsers.select({...}) or IncludedUsers.none()');
  });
  problems.check(() => {
    if (!props.target) failProp('target', 'is required; use TargetResources.userActions(...) or TargetResources.applications({...})');
  });
  if (!props.includeUsers || !props.target) return;

  validateValues(props, problems);
  validateUsers(props, problems);
  problems.check(() => validateLocations(props, problems));
  problems.check(() => validatePlatforms(props));
  validateConditionLists(props, problems);
  validateFilters(props, problems);
  validateControls(props, problems);
  problems.check(() => validateUserActionRules(props));
  validatePasswordChange(props, problems);
}

/** Every enum-like value against what the pinned provider accepts (catches `of()` values it does not know). */
function validateValues(props: ConditionalAccessPolicyProps, problems: Problems): void {
  const policy = (values: { value: string }[] | undefined, prop: string, accepted: readonly string[], className: string) =>
    problems.each(values, (v, i) => validateProviderValue(`${prop}[${i}]`, v.value, { accepted, className }));
  problems.check(() => props.state && validateProviderValue('state', props.state.value, { accepted: POLICY_STATES.providerValues, className: 'PolicyState' }));
  policy(props.clientAppTypes, 'clientAppTypes', CLIENT_APP_TYPES.providerValues, 'ClientAppType');
  policy(props.includePlatforms, 'includePlatforms', DEVICE_PLATFORMS.providerValues, 'DevicePlatform');
  policy(props.excludePlatforms, 'excludePlatforms', DEVICE_PLATFORMS.providerValues, 'DevicePlatform');
  policy(props.signInRiskLevels, 'signInRiskLevels', RISK_LEVELS.providerValues, 'RiskLevel');
  policy(props.userRiskLevels, 'userRiskLevels', RISK_LEVELS.providerValues, 'RiskLevel');
  // Graph documents servicePrincipalRiskLevels without `hidden` (v1.0 conditionalAccessConditionSet).
  policy(props.servicePrincipalRiskLevels, 'servicePrincipalRiskLevels', SERVICE_PRINCIPAL_RISK_LEVELS.providerValues, 'RiskLevel');
  problems.check(() => props.insiderRiskLevel
    && validateProviderValue('insiderRiskLevel', props.insiderRiskLevel.value, { accepted: INSIDER_RISK_LEVELS.providerValues, className: 'InsiderRiskLevel' }));
  policy(props.authenticationFlows, 'authenticationFlows', TRANSFER_METHODS.providerValues, 'AuthenticationFlow');
  problems.each(props.grant?.builtInControls, (b, i) =>
    validateProviderValue(`grant.builtInControls[${i}]`, b, { accepted: BUILT_IN_CONTROLS.providerValues, className: 'BuiltInControl' }));
  problems.check(() => props.session?.cloudAppSecurityPolicy
    && validateProviderValue('session.cloudAppSecurityPolicy', props.session.cloudAppSecurityPolicy.value, { accepted: CLOUD_APP_SECURITY_TYPES.providerValues, className: 'CloudAppSecurityPolicy' }));
}

function validateUsers(props: ConditionalAccessPolicyProps, problems: Problems): void {
  const include = props.includeUsers;
  problems.check(() => {
    if (!include.special) {
      const s = include.selection;
      if (!s.guestsOrExternalUsers && !s.users?.length && !s.groups?.length && !s.roles?.length) {
        failProp('includeUsers', 'selects nobody; pass users, groups, roles or guestsOrExternalUsers to IncludedUsers.select(), or use IncludedUsers.none()');
      }
    }
  });
  validateSelection('includeUsers', include.selection, problems);
  if (props.excludeUsers) validateSelection('excludeUsers', props.excludeUsers, problems);
  problems.check(() => {
    if (include.special === 'None' && props.excludeUsers && hasAny(props.excludeUsers)) {
      failProp('excludeUsers', 'is set while includeUsers is IncludedUsers.none(); there is nobody to exclude from');
    }
  });
  // The same user, group or role on both sides is accepted: Graph takes it (real tenants hold such policies) and the
  // exclusion wins. Lint rule CA14 (included-and-excluded) reports it.
  if (props.workloadIdentities) validateWorkloadIdentities(props, problems);
  problems.check(() => {
    if (props.servicePrincipalRiskLevels && !props.workloadIdentities) {
      failProp('servicePrincipalRiskLevels', 'is set on a policy without workloadIdentities; service principal risk applies only to workload identity policies');
    }
  });
}

function validateWorkloadIdentities(props: ConditionalAccessPolicyProps, problems: Problems): void {
  const w = props.workloadIdentities!;
  problems.check(() => {
    if (props.includeUsers.special !== 'None') {
      failProp('workloadIdentities', 'is set while includeUsers includes users; a workload identity policy needs includeUsers: IncludedUsers.none()');
    }
  });
  problems.check(() => {
    if (!w.allServicePrincipalsInMyTenant && !(w.includeServicePrincipals ?? []).length) {
      failProp('workloadIdentities', 'includes no service principal; set allServicePrincipalsInMyTenant or includeServicePrincipals');
    }
  });
  problems.check(() => {
    // Graph documents exclusions against "ServicePrincipalsInMyTenant" (Learn "Conditional Access for workload
    // identities": include all owned service principals, exclude some); unverified whether it rejects other
    // shapes, so the safe side is taken.
    if ((w.excludeServicePrincipals ?? []).length > 0 && !w.allServicePrincipalsInMyTenant) {
      failProp('workloadIdentities.excludeServicePrincipals', 'is set without allServicePrincipalsInMyTenant; exclusions apply to "All owned service principals", so set allServicePrincipalsInMyTenant: true or list only the included ones');
    }
  });
  problems.check(() => {
    if (props.grant && !props.grant.isBlock) {
      failProp('grant', 'must be GrantControls.block() in a workload identity policy; block is the only grant control for service principals (Learn: "Conditional Access for workload identities")');
    }
  });
  checkKinds('workloadIdentities.includeServicePrincipals', w.includeServicePrincipals, PrincipalKind.SERVICE_PRINCIPAL, problems);
  checkKinds('workloadIdentities.excludeServicePrincipals', w.excludeServicePrincipals, PrincipalKind.SERVICE_PRINCIPAL, problems);
  // A service principal on both sides is accepted (the exclusion wins); lint rule CA14 reports it.
}

function hasAny(s: UserSelection): boolean {
  return !!(s.guestsOrExternalUsers || s.users?.length || s.groups?.length || s.roles?.length);
}

function validateSelection(prop: string, s: UserSelection, problems: Problems): void {
  checkKinds(`${prop}.users`, s.users, PrincipalKind.USER, problems);
  checkKinds(`${prop}.groups`, s.groups, PrincipalKind.GROUP, problems);
}

function checkKinds(prop: string, principals: Principal[] | undefined, kind: PrincipalKind, problems: Problems): void {
  problems.each(principals, (p, i) => {
    if (p.kind !== kind && p.kind !== PrincipalKind.UNKNOWN) {
      failProp(`${prop}[${i}]`, `${p} is a ${p.kind}, not a ${kind}; move it to the matching list`);
    }
  });
}

/**
 * How one include/exclude condition (locations, platforms) is named in
 * messages, and which value means "all".
 */
interface IncludeExcludeCondition {
  /** The prop names, e.g. `includeLocations` / `excludeLocations`. */
  readonly include: string;
  readonly exclude: string;
  /** The value that means "all", e.g. `All`, and the constant that writes it. */
  readonly all: string;
  readonly allConstant: string;
  /** The condition's noun, singular and plural: `location` / `locations`. */
  readonly noun: string;
  readonly nouns: string;
  /** What to pass instead, for the "is empty" and "cannot be excluded" fixes. */
  readonly includeFix: string;
  readonly excludeFix: string;
}

/**
 * The rules Graph applies to both include/exclude conditions: an exclude needs
 * an include, an include is not empty, "all" is neither excluded nor mixed
 * with other values. A value on both sides is accepted (Graph takes it, e.g.
 * `AllTrusted` included and excluded, and the exclusion wins): lint rule CA14.
 */
function validateIncludeExclude(c: IncludeExcludeCondition, include: string[] | undefined, exclude: string[]): void {
  if (!include) {
    if (exclude.length > 0) {
      failProp(c.exclude, `is set without ${c.include}; Graph requires included ${c.nouns}, usually ${c.include}: [${c.allConstant}]`);
    }
    return;
  }
  if (!isToken(include) && include.length === 0) {
    failProp(c.include, `is empty; pass ${c.includeFix}, or omit it for no ${c.noun} condition`);
  }
  exclude.forEach((v, i) => {
    if (v === c.all) fail(`${c.exclude}[${i}]`, v, 'cannot be excluded', `exclude ${c.excludeFix}`);
  });
  if (include.includes(c.all) && include.length > 1) {
    fail(c.include, include.filter((x) => !isToken(x)).join(','), `mixes ${c.allConstant} with other ${c.nouns}`, `${c.allConstant} already covers them; pass it alone`);
  }
}

function validateLocations(props: ConditionalAccessPolicyProps, problems: Problems): void {
  const exclude = props.excludeLocations ?? [];
  problems.each(props.includeLocations, (l, i) => validateLocationId(`includeLocations[${i}]`, l));
  problems.each(exclude, (l, i) => validateLocationId(`excludeLocations[${i}]`, l));
  validateIncludeExclude(
    {
      include: 'includeLocations',
      exclude: 'excludeLocations',
      all: 'All',
      allConstant: 'Location.ALL',
      noun: 'location',
      nouns: 'locations',
      includeFix: 'Location.ALL, Location.ALL_TRUSTED or named locations',
      excludeFix: 'Location.ALL_TRUSTED or named locations',
    },
    props.includeLocations?.map((l) => l.locationId),
    exclude.map((l) => l.locationId),
  );
}

const NAMED_LOCATION_PATH = '/identity/conditionalAccess/namedLocations/';

/**
 * A location value is `All`, `AllTrusted` or a named location's bare GUID
 * (its `object_id`). The path form (`id`) fails in Graph with error 1040
 * (provider #1504), whether written out or referenced.
 */
export function validateLocationId(prop: string, location: ILocation): void {
  const id = location?.locationId;
  if (isToken(id)) {
    const pathRef = referencedAddresses(id).find((a) => /^(data\.)?azuread_named_location\.[^.]+\.id$/.test(a));
    if (pathRef) {
      fail(prop, `\${${pathRef}}`, "references the named location's path id", 'policies take its object_id (Graph error 1040); pass the IpNamedLocation / CountryNamedLocation construct or its objectId');
    }
    return;
  }
  if (id === 'All' || id === 'AllTrusted' || (typeof id === 'string' && isGuid(id))) return;
  if (typeof id === 'string' && id.startsWith(NAMED_LOCATION_PATH) && isGuid(id.slice(NAMED_LOCATION_PATH.length))) {
    fail(prop, id, "is a named location's path id", `policies take the bare object id (Graph error 1040); use NamedLocation.fromObjectId(scope, id, '${id.slice(NAMED_LOCATION_PATH.length)}')`);
  }
  fail(prop, id, 'is not a location', 'use Location.ALL, Location.ALL_TRUSTED, a named location construct or NamedLocation.fromObjectId(...)');
}

function validatePlatforms(props: ConditionalAccessPolicyProps): void {
  validateIncludeExclude(
    {
      include: 'includePlatforms',
      exclude: 'excludePlatforms',
      all: 'all',
      allConstant: 'DevicePlatform.ALL',
      noun: 'platform',
      nouns: 'platforms',
      includeFix: 'DevicePlatform values',
      excludeFix: 'specific platforms',
    },
    props.includePlatforms?.map((p) => p.value),
    (props.excludePlatforms ?? []).map((p) => p.value),
  );
}

function validateConditionLists(props: ConditionalAccessPolicyProps, problems: Problems): void {
  const lists: [string, unknown[] | undefined][] = [
    ['clientAppTypes', props.clientAppTypes],
    ['signInRiskLevels', props.signInRiskLevels],
    ['userRiskLevels', props.userRiskLevels],
    ['servicePrincipalRiskLevels', props.servicePrincipalRiskLevels],
    ['authenticationFlows', props.authenticationFlows],
  ];
  for (const [name, list] of lists) {
    problems.check(() => {
      if (list && !isToken(list) && list.length === 0) {
        failProp(name, 'is empty; omit it to leave the condition unconfigured');
      }
    });
  }
  problems.check(() => {
    const apps = (props.clientAppTypes ?? []).map((c) => c.value);
    if (apps.includes('all') && apps.length > 1) {
      fail('clientAppTypes', apps.join(','), 'mixes ClientAppType.ALL with other client app types', 'ClientAppType.ALL already covers them; pass it alone');
    }
  });
}

/** The device filter and the workload identity filter: the rule language, its length, no template sequences. */
function validateFilters(props: ConditionalAccessPolicyProps, problems: Problems): void {
  if (props.deviceFilter) {
    problems.check(() => parseFilterRule('deviceFilter.rule', props.deviceFilter!.rule, 'device'));
  }
  const spFilter = props.workloadIdentities?.filter;
  if (spFilter) {
    problems.check(() => {
      if (!isToken(spFilter.rule) && spFilter.rule.trim() === '') {
        fail('workloadIdentities.filter.rule', spFilter.rule, 'is empty', 'the provider rejects an empty rule at plan; write a rule on custom security attributes such as CustomSecurityAttribute.Set_Name -eq "Value"');
      }
      validateNoTemplateSequence('workloadIdentities.filter.rule', spFilter.rule);
    });
  }
  problems.each(props.grant?.customAuthenticationFactors, (f, i) => {
    if (!isToken(f) && f.trim() === '') fail(`grant.customAuthenticationFactors[${i}]`, f, 'is empty', 'the provider rejects an empty value at plan; pass the factor id or remove it');
    validateNoTemplateSequence(`grant.customAuthenticationFactors[${i}]`, f);
  });
}

function validateControls(props: ConditionalAccessPolicyProps, problems: Problems): void {
  problems.check(() => {
    if (!props.grant && isEmptySession(props.session)) {
      failProp('grant', 'and session are both unset; a policy needs grant controls (e.g. GrantControls.requireMfa()) or session controls');
    }
  });
  problems.check(() => validateSession(props.session));
  const t = props.target;
  const allApps = t.includedApplications.includes('All');
  const s = props.session;
  problems.check(() => {
    if (s?.persistentBrowserMode && !allApps) {
      fail('session.persistentBrowserMode', s.persistentBrowserMode.value, 'needs a policy on all resources', 'use target: TargetResources.allResources()');
    }
  });
  // Every-time sign-in frequency is accepted wherever a policy can target: Graph's beta signInFrequencySessionControl
  // reads "available for risky users, risky sign-ins, Intune device enrollment, any application, authentication
  // context, and user actions" (the v1.0 page still has the older, shorter sentence). Lint rule CA11 reports it
  // outside the scopes of the v1.0 sentence.
  problems.check(() => {
    // Provider 3.7.0 does not send these with everyTime (its issue #1225) and reads them back false: a diff on every plan.
    if (s?.signInFrequency?.interval !== 'everyTime') return;
    for (const [prop, on] of [['applicationEnforcedRestrictions', s.applicationEnforcedRestrictions], ['disableResilienceDefaults', s.disableResilienceDefaults]] as const) {
      if (on) failProp(`session.${prop}`, 'is set with SignInFrequency.everyTime(); azuread provider 3.7.0 does not send it with "every time" (its issue #1225), so every plan would show it again; put it in another policy');
    }
  });
  problems.check(() => {
    // The portal refuses "never persistent" with "every time" (msgraph-metadata issue #647 discussion).
    if (s?.signInFrequency?.interval === 'everyTime' && s.persistentBrowserMode?.value === 'never') {
      failProp('session.persistentBrowserMode', 'is PersistentBrowserMode.NEVER with SignInFrequency.everyTime(); Graph refuses the two together, and "every time" already asks again at every sign-in; drop one');
    }
  });
  problems.check(() => {
    // Graph conditionalAccessSessionControls: "Only Exchange Online and Sharepoint Online support this session control".
    if (!s?.applicationEnforcedRestrictions) return;
    const apps = t.includedApplications.filter((a) => !isToken(a)).map((a) => a.toLowerCase());
    const supported = ['all', 'office365', '00000002-0000-0ff1-ce00-000000000000', '00000003-0000-0ff1-ce00-000000000000'];
    if (t.targetsUserActions || (apps.length > 0 && !apps.some((a) => supported.includes(a)) && apps.length === t.includedApplications.length)) {
      failProp('session.applicationEnforcedRestrictions', 'is set on a policy that targets neither Office 365, Exchange Online nor SharePoint Online; only Exchange Online and SharePoint Online support it (Graph conditionalAccessSessionControls); target CloudApplication.OFFICE_365');
    }
  });
}

function validateUserActionRules(props: ConditionalAccessPolicyProps): void {
  if (!props.target.userActionValues.includes('urn:user:registerdevice')) return;
  const g = props.grant;
  const onlyMfa = g && g.builtInControls.length === 1 && g.builtInControls[0] === 'mfa' && !g.authenticationStrength && g.termsOfUse.length === 0;
  const onlyStrength = g && g.builtInControls.length === 0 && g.authenticationStrength && g.termsOfUse.length === 0;
  if (!onlyMfa && !onlyStrength) {
    failProp('grant', 'UserAction.REGISTER_OR_JOIN_DEVICES takes only GrantControls.requireMfa() or GrantControls.requireAuthenticationStrength(...)');
  }
  const apps = (props.clientAppTypes ?? []).map((c) => c.value);
  if (apps.length > 0 && !(apps.length === 1 && apps[0] === 'all')) {
    fail('clientAppTypes', apps.join(','), 'is not available for UserAction.REGISTER_OR_JOIN_DEVICES', 'omit clientAppTypes');
  }
  if (props.deviceFilter) {
    failProp('deviceFilter', 'is not available for UserAction.REGISTER_OR_JOIN_DEVICES; omit it');
  }
  if (props.session && !isEmptySession(props.session)) {
    failProp('session', 'is not available for UserAction.REGISTER_OR_JOIN_DEVICES; omit it');
  }
}

function validatePasswordChange(props: ConditionalAccessPolicyProps, problems: Problems): void {
  if (!props.grant?.builtInControls.includes('passwordChange')) return;
  const fix = 'Graph takes "Require password change" only in a policy on all resources whose only condition is user risk';
  if (!props.userRiskLevels?.length) {
    problems.check(() => failProp('grant', `requires passwordChange without userRiskLevels; ${fix}`));
  }
  const t = props.target;
  if (!(t.includedApplications.length === 1 && t.includedApplications[0] === 'All' && t.excludedApplications.length === 0)) {
    problems.check(() => failProp('target', `must be TargetResources.allResources() with no exclusions when grant requires passwordChange; ${fix}`));
  }
  const others: [string, unknown][] = [
    ['includeLocations', props.includeLocations],
    ['includePlatforms', props.includePlatforms],
    ['signInRiskLevels', props.signInRiskLevels],
    ['insiderRiskLevel', props.insiderRiskLevel],
    ['authenticationFlows', props.authenticationFlows],
    ['deviceFilter', props.deviceFilter],
  ];
  for (const [name, value] of others) {
    if (value !== undefined) problems.check(() => failProp(name, `is set while grant requires passwordChange; ${fix}`));
  }
  const apps = (props.clientAppTypes ?? []).map((c) => c.value);
  if (apps.length > 0 && !(apps.length === 1 && apps[0] === 'all')) {
    problems.check(() => failProp('clientAppTypes', `is set while grant requires passwordChange; ${fix}`));
  }
  // Without sign-in frequency every time the policy is accepted: Graph takes it (real tenants hold such policies).
  // Learn's recipe pairs the two; lint rule CA12 reports a password change without it.
}
