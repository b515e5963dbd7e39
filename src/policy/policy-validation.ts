import type { ConditionalAccessPolicyProps } from './conditional-access-policy';
import { Principal, PrincipalKind } from './principal';
import { isEmptySession, validateSession } from './session-controls';
import { UserSelection } from './users';
import { ILocation } from '../locations/location';
import { fail, failProp, isGuid, isToken, referencedAddresses, validateDisplayName } from '../private/validation';

/**
 * Every construction-time check of a policy's properties: values and
 * combinations that Graph or the provider would reject.
 */
export function validatePolicyProps(props: ConditionalAccessPolicyProps): void {
  validateDisplayName('displayName', props.displayName);
  if (!props.includeUsers) failProp('includeUsers', 'is required; use IncludedUsers.all(), IncludedUsers.select({...}) or IncludedUsers.none()');
  if (!props.target) failProp('target', 'is required; use TargetResources.userActions(...) or TargetResources.applications({...})');

  validateUsers(props);
  validateLocations(props);
  validatePlatforms(props);
  validateConditionLists(props);
  validateControls(props);
  validateUserActionRules(props);
  validatePasswordChange(props);
}

function validateUsers(props: ConditionalAccessPolicyProps): void {
  const include = props.includeUsers;
  if (!include.special) {
    const s = include.selection;
    if (!s.guestsOrExternalUsers && !s.users?.length && !s.groups?.length && !s.roles?.length) {
      failProp('includeUsers', 'selects nobody; pass users, groups, roles or guestsOrExternalUsers to IncludedUsers.select(), or use IncludedUsers.none()');
    }
  }
  validateSelection('includeUsers', include.selection);
  if (props.excludeUsers) validateSelection('excludeUsers', props.excludeUsers);
  if (include.special === 'None' && props.excludeUsers && hasAny(props.excludeUsers)) {
    failProp('excludeUsers', 'is set while includeUsers is IncludedUsers.none(); there is nobody to exclude from');
  }
  if (props.workloadIdentities) {
    if (include.special !== 'None') {
      failProp('workloadIdentities', 'is set while includeUsers includes users; a workload identity policy needs includeUsers: IncludedUsers.none()');
    }
    const w = props.workloadIdentities;
    if (!w.allServicePrincipalsInMyTenant && !(w.includeServicePrincipals ?? []).length) {
      failProp('workloadIdentities', 'includes no service principal; set allServicePrincipalsInMyTenant or includeServicePrincipals');
    }
    if (props.grant && !props.grant.isBlock) {
      failProp('grant', 'must be GrantControls.block() in a workload identity policy; block is the only grant control for service principals (Learn: "Conditional Access for workload identities")');
    }
    checkKinds('workloadIdentities.includeServicePrincipals', w.includeServicePrincipals, PrincipalKind.SERVICE_PRINCIPAL);
    checkKinds('workloadIdentities.excludeServicePrincipals', w.excludeServicePrincipals, PrincipalKind.SERVICE_PRINCIPAL);
  }
  if (props.servicePrincipalRiskLevels && !props.workloadIdentities) {
    failProp('servicePrincipalRiskLevels', 'is set on a policy without workloadIdentities; service principal risk applies only to workload identity policies');
  }
}

function hasAny(s: UserSelection): boolean {
  return !!(s.guestsOrExternalUsers || s.users?.length || s.groups?.length || s.roles?.length);
}

function validateSelection(prop: string, s: UserSelection): void {
  checkKinds(`${prop}.users`, s.users, PrincipalKind.USER);
  checkKinds(`${prop}.groups`, s.groups, PrincipalKind.GROUP);
}

function checkKinds(prop: string, principals: Principal[] | undefined, kind: PrincipalKind): void {
  (principals ?? []).forEach((p, i) => {
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
 * with other values, and a value is not on both sides.
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
  const excluded = new Set(exclude);
  include.forEach((v, i) => {
    if (!isToken(v) && excluded.has(v)) {
      fail(`${c.include}[${i}]`, v, 'is also excluded', 'an exclusion wins, so the policy could never match it; remove it from one side');
    }
  });
}

function validateLocations(props: ConditionalAccessPolicyProps): void {
  const exclude = props.excludeLocations ?? [];
  (props.includeLocations ?? []).forEach((l, i) => validateLocationId(`includeLocations[${i}]`, l));
  exclude.forEach((l, i) => validateLocationId(`excludeLocations[${i}]`, l));
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
function validateLocationId(prop: string, location: ILocation): void {
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

function validateConditionLists(props: ConditionalAccessPolicyProps): void {
  const lists: [string, unknown[] | undefined][] = [
    ['clientAppTypes', props.clientAppTypes],
    ['signInRiskLevels', props.signInRiskLevels],
    ['userRiskLevels', props.userRiskLevels],
    ['servicePrincipalRiskLevels', props.servicePrincipalRiskLevels],
    ['authenticationFlows', props.authenticationFlows],
  ];
  for (const [name, list] of lists) {
    if (list && !isToken(list) && list.length === 0) {
      failProp(name, 'is empty; omit it to leave the condition unconfigured');
    }
  }
  const apps = (props.clientAppTypes ?? []).map((c) => c.value);
  if (apps.includes('all') && apps.length > 1) {
    fail('clientAppTypes', apps.join(','), 'mixes ClientAppType.ALL with other client app types', 'ClientAppType.ALL already covers them; pass it alone');
  }
  if (props.deviceFilter && !isToken(props.deviceFilter.rule) && props.deviceFilter.rule.trim() === '') {
    fail('deviceFilter.rule', props.deviceFilter.rule, 'is empty', 'write a rule such as device.isCompliant -eq True');
  }
}

function validateControls(props: ConditionalAccessPolicyProps): void {
  if (!props.grant && isEmptySession(props.session)) {
    failProp('grant', 'and session are both unset; a policy needs grant controls (e.g. GrantControls.requireMfa()) or session controls');
  }
  validateSession(props.session);
  const t = props.target;
  const allApps = t.includedApplications.includes('All');
  if (props.session?.persistentBrowserMode && !allApps) {
    fail('session.persistentBrowserMode', props.session.persistentBrowserMode.value, 'needs a policy on all resources', 'use target: TargetResources.allResources()');
  }
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

function validatePasswordChange(props: ConditionalAccessPolicyProps): void {
  if (!props.grant?.builtInControls.includes('passwordChange')) return;
  const fix = 'Graph takes "Require password change" only in a policy on all resources whose only condition is user risk';
  if (!props.userRiskLevels?.length) {
    failProp('grant', `requires passwordChange without userRiskLevels; ${fix}`);
  }
  const t = props.target;
  if (!(t.includedApplications.length === 1 && t.includedApplications[0] === 'All' && t.excludedApplications.length === 0)) {
    failProp('target', `must be TargetResources.allResources() with no exclusions when grant requires passwordChange; ${fix}`);
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
    if (value !== undefined) failProp(name, `is set while grant requires passwordChange; ${fix}`);
  }
  const apps = (props.clientAppTypes ?? []).map((c) => c.value);
  if (apps.length > 0 && !(apps.length === 1 && apps[0] === 'all')) {
    failProp('clientAppTypes', `is set while grant requires passwordChange; ${fix}`);
  }
}
