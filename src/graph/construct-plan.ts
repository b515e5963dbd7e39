/* eslint-disable @stylistic/max-len */
/**
 * Imported model objects as calls of the library's L2 constructs and enum-like classes: an
 * expression tree that the TypeScript codegen prints and that the importer evaluates with the real
 * classes, so whatever the constructs would reject at synth is found (and reported) at import.
 * Enum-like values use the vocabulary tables' constant names (`'browser'` → `ClientAppType.BROWSER`);
 * `of()` only for values the tables or the class do not know. Internal module.
 */
import { FillIns, IdKind } from './placeholders';
import { AuthenticationStrength } from '../authentication-strength/authentication-strength';
import { CountryLookupMethod } from '../locations/country-named-location';
import { Location } from '../locations/location';
import { GuestsOrExternalUsersModel, NamedLocationModel, PolicyModel } from '../model/model';
import { AuthenticationFlow } from '../policy/authentication-flow';
import { ClientAppType } from '../policy/client-app-type';
import { DevicePlatform } from '../policy/device-platform';
import { FilterMode } from '../policy/filter';
import { BuiltInControl, GrantControls } from '../policy/grant-controls';
import { ExternalTenants, GuestOrExternalUserType, GuestsOrExternalUsers } from '../policy/guests-or-external-users';
import { PolicyState } from '../policy/policy-state';
import { DirectoryRole, Principal } from '../policy/principal';
import { InsiderRiskLevel, RiskLevel } from '../policy/risk-level';
import { CloudAppSecurityPolicy, PersistentBrowserMode, SignInFrequency, SignInFrequencyAuthenticationType } from '../policy/session-controls';
import { CloudApplication, TargetResources, UserAction } from '../policy/target-resources';
import { IncludedUsers } from '../policy/users';
import { parseCidr } from '../private/cidr';
import { parseCountryCode } from '../private/country-codes';
import { failProp, validateDisplayName } from '../private/validation';
import { applicationName } from '../vocabulary/applications';
import { TRANSFER_METHODS } from '../vocabulary/authentication-flows';
import { AUTHENTICATION_STRENGTH_PATH, builtInStrength } from '../vocabulary/authentication-strengths';
import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';
import { directoryRoleById } from '../vocabulary/directory-roles';
import { FILTER_MODES } from '../vocabulary/filters';
import { BUILT_IN_CONTROLS } from '../vocabulary/grant-controls';
import { GUEST_OR_EXTERNAL_USER_TYPES } from '../vocabulary/guest-types';
import { COUNTRY_LOOKUP_METHODS } from '../vocabulary/named-locations';
import { POLICY_STATES } from '../vocabulary/policy-states';
import { INSIDER_RISK_LEVELS, RISK_LEVELS } from '../vocabulary/risk-levels';
import { CLOUD_APP_SECURITY_TYPES, PERSISTENT_BROWSER_MODES, SIGN_IN_FREQUENCY_AUTHENTICATION_TYPES } from '../vocabulary/session-controls';
import { SPECIAL_APPLICATIONS } from '../vocabulary/special-values';
import { USER_ACTIONS } from '../vocabulary/user-actions';
import { Vocabulary } from '../vocabulary/vocabulary';

/** An expression of the generated code, with the value it has at synth. */
export type Expr =
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'num'; readonly v: number }
  | { readonly t: 'bool'; readonly v: boolean }
  /** A name: `ClientAppType.BROWSER`, `Location.ALL`, `FILL_IN.GROUP_1`, `this.office`. */
  | { readonly t: 'sym'; readonly code: string; readonly lib?: string; readonly value: () => unknown }
  /** A static call of a library class: `Principal.fromObjectId('…')`. */
  | { readonly t: 'call'; readonly callee: string; readonly lib: string; readonly args: Expr[]; readonly fn: (...args: any[]) => unknown }
  | { readonly t: 'arr'; readonly items: Expr[] }
  | { readonly t: 'obj'; readonly props: ReadonlyArray<readonly [string, Expr]> }
  /** String concatenation: `'/policies/authenticationStrengthPolicies/' + FILL_IN.X`. */
  | { readonly t: 'concat'; readonly parts: Expr[] }
  /** An expression with a trailing comment (`// Global Administrator`). */
  | { readonly t: 'note'; readonly expr: Expr; readonly comment: string };

const str = (v: string): Expr => ({ t: 'str', v });
const num = (v: number): Expr => ({ t: 'num', v });
const bool = (v: boolean): Expr => ({ t: 'bool', v });
const arr = (items: Expr[]): Expr => ({ t: 'arr', items });
const note = (expr: Expr, comment: string | undefined): Expr => (comment ? { t: 'note', expr, comment } : expr);
function obj(props: Array<readonly [string, Expr | undefined]>): Expr {
  return { t: 'obj', props: props.filter((p): p is readonly [string, Expr] => p[1] !== undefined) };
}
function call(lib: string, method: string, args: Expr[], fn: (...args: any[]) => unknown): Expr {
  return { t: 'call', callee: `${lib}.${method}`, lib, args, fn };
}
function sym(code: string, value: () => unknown, lib?: string): Expr {
  return { t: 'sym', code, lib, value };
}

/** The value an expression has: the real library objects. */
export function evaluate(e: Expr): unknown {
  switch (e.t) {
    case 'str':
    case 'num':
    case 'bool':
      return e.v;
    case 'sym':
      return e.value();
    case 'call':
      return e.fn(...e.args.map(evaluate));
    case 'arr':
      return e.items.map(evaluate);
    case 'obj':
      return Object.fromEntries(e.props.map(([k, v]) => [k, evaluate(v)]));
    case 'concat':
      return e.parts.map((p) => String(evaluate(p))).join('');
    case 'note':
      return evaluate(e.expr);
  }
}

/** The library exports an expression uses (for the import line). */
export function libraryNames(e: Expr, into: Set<string>): Set<string> {
  switch (e.t) {
    case 'sym':
      if (e.lib) into.add(e.lib);
      break;
    case 'call':
      into.add(e.lib);
      e.args.forEach((a) => libraryNames(a, into));
      break;
    case 'arr':
      e.items.forEach((a) => libraryNames(a, into));
      break;
    case 'obj':
      e.props.forEach(([, v]) => libraryNames(v, into));
      break;
    case 'concat':
      e.parts.forEach((p) => libraryNames(p, into));
      break;
    case 'note':
      libraryNames(e.expr, into);
      break;
  }
  return into;
}

/** The plan cannot express a value with the library's classes. */
export class PlanError extends Error {}

/** An enum-like class: its static constants and, usually, `of()`. */
type EnumClass = { readonly [constant: string]: unknown; of?: (value: string) => unknown };

/**
 * `Class.CONSTANT` for a value the vocabulary table names and the class has, else `Class.of(value)`.
 */
export function enumValue(cls: unknown, className: string, vocabulary: Vocabulary, value: string): Expr {
  const c = cls as EnumClass;
  const term = vocabulary.byValue(value);
  const constant = term ? (c[term.constant] as { value?: string } | undefined) : undefined;
  if (term && constant && constant.value === value) return sym(`${className}.${term.constant}`, () => constant, className);
  if (typeof c.of === 'function') return call(className, 'of', [str(value)], (v: string) => c.of!(v));
  throw new PlanError(`${className} has no constant for '${value}' and no of() escape hatch`);
}

/** How the plan refers to named locations: those the module creates, and existing ones by id. */
export interface LocationRefs {
  /** The expression for a named location id of the input (a module field, or an existing location's variable). */
  locationFor(id: string): Expr;
}

/** What the plan needs from the import. */
export interface PlanContext {
  readonly fillIns: FillIns;
  readonly locations: LocationRefs;
}

/** A value from an id position: `FILL_IN.X` for a placeholder, the literal otherwise. */
export function idExpr(ctx: PlanContext, kind: IdKind, value: string): Expr {
  const fill = ctx.fillIns.find(kind, value);
  return fill ? sym(`FILL_IN.${fill.name}`, () => fill.value) : str(value);
}

/**
 * The props of a `ConditionalAccessPolicy` for a policy model.
 * @param notes receives what the props leave out because another value covers it
 * @param strengthName the required strength's display name (from the export), for a comment
 */
export function policyProps(p: PolicyModel, ctx: PlanContext, notes: string[], strengthName?: string): Expr {
  const c = p.conditions;
  const listOrUndefined = (values: string[], make: (v: string) => Expr): Expr | undefined => (values.length > 0 ? arr(values.map(make)) : undefined);
  const wl = c.clientApplications;
  return obj([
    ['displayName', str(p.displayName)],
    ['state', enumValue(PolicyState, 'PolicyState', POLICY_STATES, p.state)],
    ['includeUsers', includedUsers(p, ctx, notes)],
    ['excludeUsers', excludedUsers(p, ctx, notes)],
    ['workloadIdentities', wl ? obj([
      ['allServicePrincipalsInMyTenant', wl.includeServicePrincipals.includes('ServicePrincipalsInMyTenant') ? bool(true) : undefined],
      ['includeServicePrincipals', listOrUndefined(wl.includeServicePrincipals.filter((s) => s !== 'ServicePrincipalsInMyTenant'), (s) => principal(ctx, 'servicePrincipal', s))],
      ['excludeServicePrincipals', listOrUndefined(wl.excludeServicePrincipals, (s) => principal(ctx, 'servicePrincipal', s))],
      ['filter', wl.servicePrincipalFilter ? filterProps(wl.servicePrincipalFilter) : undefined],
    ]) : undefined],
    ['target', target(p, ctx)],
    ['includeLocations', c.locations && c.locations.includeLocations.length > 0 ? arr(c.locations.includeLocations.map((l) => location(ctx, l))) : undefined],
    ['excludeLocations', c.locations ? listOrUndefined(c.locations.excludeLocations, (l) => location(ctx, l)) : undefined],
    ['clientAppTypes', c.clientAppTypes.length === 1 && c.clientAppTypes[0] === 'all' ? undefined
      : listOrUndefined(c.clientAppTypes, (v) => enumValue(ClientAppType, 'ClientAppType', CLIENT_APP_TYPES, v))],
    ['includePlatforms', c.platforms && c.platforms.includePlatforms.length > 0 ? arr(c.platforms.includePlatforms.map((v) => enumValue(DevicePlatform, 'DevicePlatform', DEVICE_PLATFORMS, v))) : undefined],
    ['excludePlatforms', c.platforms ? listOrUndefined(c.platforms.excludePlatforms, (v) => enumValue(DevicePlatform, 'DevicePlatform', DEVICE_PLATFORMS, v)) : undefined],
    ['signInRiskLevels', listOrUndefined(c.signInRiskLevels, (v) => enumValue(RiskLevel, 'RiskLevel', RISK_LEVELS, v))],
    ['userRiskLevels', listOrUndefined(c.userRiskLevels, (v) => enumValue(RiskLevel, 'RiskLevel', RISK_LEVELS, v))],
    ['servicePrincipalRiskLevels', listOrUndefined(c.servicePrincipalRiskLevels, (v) => enumValue(RiskLevel, 'RiskLevel', RISK_LEVELS, v))],
    ['insiderRiskLevel', c.insiderRiskLevels.length > 0 ? enumValue(InsiderRiskLevel, 'InsiderRiskLevel', INSIDER_RISK_LEVELS, c.insiderRiskLevels[0]) : undefined],
    ['authenticationFlows', listOrUndefined(c.transferMethods, (v) => enumValue(AuthenticationFlow, 'AuthenticationFlow', TRANSFER_METHODS, v))],
    ['deviceFilter', c.deviceFilter ? filterProps(c.deviceFilter) : undefined],
    ['grant', grant(p, ctx, strengthName)],
    ['session', session(p)],
  ]);
}

function filterProps(f: { mode: string; rule: string }): Expr {
  return obj([['mode', enumValue(FilterMode, 'FilterMode', FILTER_MODES, f.mode)], ['rule', str(f.rule)]]);
}

function principal(ctx: PlanContext, kind: IdKind, id: string): Expr {
  return call('Principal', 'fromObjectId', [idExpr(ctx, kind, id)], (v: string) => Principal.fromObjectId(v));
}

function role(ctx: PlanContext, id: string): Expr {
  const term = directoryRoleById(id);
  const constant = term ? (DirectoryRole as unknown as { [k: string]: DirectoryRole | undefined })[term.constant] : undefined;
  if (term && constant && constant.templateId === id) return sym(`DirectoryRole.${term.constant}`, () => constant, 'DirectoryRole');
  return note(call('DirectoryRole', 'fromTemplateId', [idExpr(ctx, 'role', id)], (v: string) => DirectoryRole.fromTemplateId(v)), term?.label);
}

function guests(g: GuestsOrExternalUsersModel, ctx: PlanContext): Expr {
  const all = GuestOrExternalUserType.all().map((t) => t.value);
  const types = g.guestOrExternalUserTypes.length === all.length && all.every((v, i) => g.guestOrExternalUserTypes[i] === v)
    ? call('GuestOrExternalUserType', 'all', [], () => GuestOrExternalUserType.all())
    : arr(g.guestOrExternalUserTypes.map((v) => enumValue(GuestOrExternalUserType, 'GuestOrExternalUserType', GUEST_OR_EXTERNAL_USER_TYPES, v)));
  const tenants = g.membershipKind === 'enumerated'
    ? call('ExternalTenants', 'enumerated', g.members.map((m) => idExpr(ctx, 'tenant', m)), (...ids: string[]) => ExternalTenants.enumerated(...ids))
    : undefined;
  if (g.membershipKind !== 'enumerated' && g.membershipKind !== 'all') throw new PlanError(`membershipKind '${g.membershipKind}' is neither all nor enumerated`);
  return call('GuestsOrExternalUsers', 'of', [obj([['types', types], ['externalTenants', tenants]])], (props: any) => GuestsOrExternalUsers.of(props));
}

function includedUsers(p: PolicyModel, ctx: PlanContext, notes: string[]): Expr {
  const u = p.conditions.users;
  if (!u) return call('IncludedUsers', 'none', [], () => IncludedUsers.none());
  const others = u.includeUsers.filter((x) => x !== 'All' && x !== 'None' && x !== 'GuestsOrExternalUsers');
  const selected = others.length + u.includeGroups.length + u.includeRoles.length + (u.includeGuestsOrExternalUsers ? 1 : 0);
  if (u.includeUsers.includes('All')) {
    if (selected > 0 || u.includeUsers.includes('GuestsOrExternalUsers')) notes.push('conditions.users: "All users" covers the other users, groups, roles and guests the policy also includes; they are left out');
    return call('IncludedUsers', 'all', [], () => IncludedUsers.all());
  }
  const allGuests = u.includeUsers.includes('GuestsOrExternalUsers');
  if (allGuests && selected === 0) return call('IncludedUsers', 'allGuestsOrExternalUsers', [], () => IncludedUsers.allGuestsOrExternalUsers());
  if (selected === 0 && !allGuests) return call('IncludedUsers', 'none', [], () => IncludedUsers.none());
  if (u.includeUsers.includes('None')) notes.push("conditions.users.includeUsers: 'None' next to selected users is left out");
  if (allGuests && u.includeGuestsOrExternalUsers) notes.push('conditions.users: all guest and external users cover the guest types the policy also selects; they are left out');
  return call('IncludedUsers', 'select', [selection(ctx, others, u.includeGroups, u.includeRoles, allGuests, u.includeGuestsOrExternalUsers)], (s: any) => IncludedUsers.select(s));
}

function excludedUsers(p: PolicyModel, ctx: PlanContext, notes: string[]): Expr | undefined {
  const u = p.conditions.users;
  if (!u) return undefined;
  const allGuests = u.excludeUsers.includes('GuestsOrExternalUsers');
  const users = u.excludeUsers.filter((x) => x !== 'GuestsOrExternalUsers');
  if (users.length + u.excludeGroups.length + u.excludeRoles.length === 0 && !allGuests && !u.excludeGuestsOrExternalUsers) return undefined;
  if (allGuests && u.excludeGuestsOrExternalUsers) notes.push('conditions.users: excluding all guest and external users covers the excluded guest types; they are left out');
  return selection(ctx, users, u.excludeGroups, u.excludeRoles, allGuests, u.excludeGuestsOrExternalUsers);
}

function selection(ctx: PlanContext, users: string[], groups: string[], roles: string[], allGuests: boolean, block: GuestsOrExternalUsersModel | undefined): Expr {
  return obj([
    ['users', users.length > 0 ? arr(users.map((x) => principal(ctx, 'user', x))) : undefined],
    ['groups', groups.length > 0 ? arr(groups.map((x) => principal(ctx, 'group', x))) : undefined],
    ['roles', roles.length > 0 ? arr(roles.map((x) => role(ctx, x))) : undefined],
    ['guestsOrExternalUsers', allGuests ? sym('GuestsOrExternalUsers.ALL', () => GuestsOrExternalUsers.ALL, 'GuestsOrExternalUsers') : block ? guests(block, ctx) : undefined],
  ]);
}

function application(ctx: PlanContext, value: string): Expr {
  const special = SPECIAL_APPLICATIONS.byValue(value);
  if (special) {
    const constant = (CloudApplication as unknown as { [k: string]: CloudApplication | undefined })[special.constant];
    if (constant && constant.value === value) return sym(`CloudApplication.${special.constant}`, () => constant, 'CloudApplication');
  }
  return note(call('CloudApplication', 'fromAppId', [idExpr(ctx, 'application', value)], (v: string) => CloudApplication.fromAppId(v)), applicationName(value));
}

function target(p: PolicyModel, ctx: PlanContext): Expr {
  const a = p.conditions.applications;
  if (a.includeUserActions.length > 0) {
    if (a.includeApplications.length > 0) throw new PlanError('conditions.applications: targets user actions and applications; Graph takes one of the two (error 1012)');
    return call('TargetResources', 'userActions', a.includeUserActions.map((v) => enumValue(UserAction, 'UserAction', USER_ACTIONS, v)), (...actions: UserAction[]) => TargetResources.userActions(...actions));
  }
  if (a.includeApplications.length === 1 && a.includeApplications[0] === 'All') {
    return call('TargetResources', 'allResources', a.excludeApplications.map((v) => application(ctx, v)), (...exclude: CloudApplication[]) => TargetResources.allResources(...exclude));
  }
  if (a.includeApplications.length === 0) throw new PlanError('conditions.applications: targets no application and no user action');
  return call('TargetResources', 'applications', [obj([
    ['include', arr(a.includeApplications.map((v) => application(ctx, v)))],
    ['exclude', a.excludeApplications.length > 0 ? arr(a.excludeApplications.map((v) => application(ctx, v))) : undefined],
  ])], (props: any) => TargetResources.applications(props));
}

function location(ctx: PlanContext, value: string): Expr {
  if (value === 'All') return sym('Location.ALL', () => Location.ALL, 'Location');
  if (value === 'AllTrusted') return sym('Location.ALL_TRUSTED', () => Location.ALL_TRUSTED, 'Location');
  return ctx.locations.locationFor(value);
}

function strength(p: PolicyModel, ctx: PlanContext, strengthName: string | undefined): Expr | undefined {
  const s = p.grantControls?.authenticationStrength;
  if (!s) return undefined;
  const builtIn = builtInStrength(s.id);
  if (builtIn) {
    const constant = (AuthenticationStrength as unknown as { [k: string]: unknown })[builtIn.constant];
    if (constant) return sym(`AuthenticationStrength.${builtIn.constant}`, () => constant, 'AuthenticationStrength');
  }
  const bare = s.id.slice(AUTHENTICATION_STRENGTH_PATH.length);
  const fill = ctx.fillIns.find('authenticationStrength', bare);
  const arg: Expr = fill ? { t: 'concat', parts: [str(AUTHENTICATION_STRENGTH_PATH), sym(`FILL_IN.${fill.name}`, () => fill.value)] } : str(s.id);
  return note(call('AuthenticationStrength', 'fromId', [arg], (v: string) => AuthenticationStrength.fromId(v)), strengthName);
}

function grant(p: PolicyModel, ctx: PlanContext, strengthName: string | undefined): Expr | undefined {
  const g = p.grantControls;
  if (!g) return undefined;
  const s = strength(p, ctx, strengthName);
  const only = (n: number) => g.builtInControls.length === n && !g.authenticationStrength && g.termsOfUse.length === 0 && g.customAuthenticationFactors.length === 0;
  if (only(1) && g.builtInControls[0] === 'block') return call('GrantControls', 'block', [], () => GrantControls.block());
  if (g.operator === 'OR' && only(1) && g.builtInControls[0] === 'mfa') return call('GrantControls', 'requireMfa', [], () => GrantControls.requireMfa());
  if (g.operator === 'OR' && s && g.builtInControls.length === 0 && g.termsOfUse.length === 0 && g.customAuthenticationFactors.length === 0) {
    return call('GrantControls', 'requireAuthenticationStrength', [s], (x: any) => GrantControls.requireAuthenticationStrength(x));
  }
  const requirements = obj([
    ['builtInControls', g.builtInControls.length > 0 ? arr(g.builtInControls.map((v) => enumValue(BuiltInControl, 'BuiltInControl', BUILT_IN_CONTROLS, v))) : undefined],
    ['authenticationStrength', s],
    ['termsOfUse', g.termsOfUse.length > 0 ? arr(g.termsOfUse.map((t) => idExpr(ctx, 'termsOfUse', t))) : undefined],
    ['customAuthenticationFactors', g.customAuthenticationFactors.length > 0 ? arr(g.customAuthenticationFactors.map(str)) : undefined],
  ]);
  if (g.operator === 'AND') return call('GrantControls', 'requireAll', [requirements], (r: any) => GrantControls.requireAll(r));
  if (g.operator === 'OR') return call('GrantControls', 'requireOneOf', [requirements], (r: any) => GrantControls.requireOneOf(r));
  throw new PlanError(`grantControls.operator: '${g.operator}' is neither AND nor OR`);
}

function session(p: PolicyModel): Expr | undefined {
  const s = p.sessionControls;
  if (!s) return undefined;
  let frequency: Expr | undefined;
  const f = s.signInFrequency;
  if (f) {
    const type = f.authenticationType && f.authenticationType !== 'primaryAndSecondaryAuthentication'
      ? [enumValue(SignInFrequencyAuthenticationType, 'SignInFrequencyAuthenticationType', SIGN_IN_FREQUENCY_AUTHENTICATION_TYPES, f.authenticationType)]
      : [];
    if (f.frequencyInterval === 'everyTime') {
      frequency = call('SignInFrequency', 'everyTime', type, (a?: SignInFrequencyAuthenticationType) => SignInFrequency.everyTime(a));
    } else if (f.type === 'hours' && f.value !== undefined) {
      frequency = call('SignInFrequency', 'hours', [num(f.value), ...type], (v: number, a?: SignInFrequencyAuthenticationType) => SignInFrequency.hours(v, a));
    } else if (f.type === 'days' && f.value !== undefined) {
      frequency = call('SignInFrequency', 'days', [num(f.value), ...type], (v: number, a?: SignInFrequencyAuthenticationType) => SignInFrequency.days(v, a));
    } else {
      throw new PlanError(`sessionControls.signInFrequency: type '${f.type}' with value ${f.value} is not a frequency the library takes`);
    }
  }
  return obj([
    ['applicationEnforcedRestrictions', s.applicationEnforcedRestrictions ? bool(true) : undefined],
    ['cloudAppSecurityPolicy', s.cloudAppSecurityType ? enumValue(CloudAppSecurityPolicy, 'CloudAppSecurityPolicy', CLOUD_APP_SECURITY_TYPES, s.cloudAppSecurityType) : undefined],
    ['persistentBrowserMode', s.persistentBrowserMode ? enumValue(PersistentBrowserMode, 'PersistentBrowserMode', PERSISTENT_BROWSER_MODES, s.persistentBrowserMode) : undefined],
    ['signInFrequency', frequency],
    ['disableResilienceDefaults', s.disableResilienceDefaults ? bool(true) : undefined],
  ]);
}

/**
 * The L2 class and props of a named location model.
 * @param rangeNotes descriptions of ranges (not Graph; some exports have them), shown as comments
 */
export function locationProps(l: NamedLocationModel, rangeNotes: { readonly [cidr: string]: string } = {}): { className: 'IpNamedLocation' | 'CountryNamedLocation'; props: Expr } {
  if (l.kind === 'ip') {
    return {
      className: 'IpNamedLocation',
      props: obj([['displayName', str(l.displayName)], ['ipRanges', arr(l.ipRanges.map((r) => note(str(r), rangeNotes[r])))], ['trusted', l.isTrusted ? bool(true) : undefined]]),
    };
  }
  if (l.kind === 'country') {
    const method = l.countryLookupMethod !== 'clientIpAddress' ? COUNTRY_LOOKUP_METHODS.byValue(l.countryLookupMethod) : undefined;
    return {
      className: 'CountryNamedLocation',
      props: obj([
        ['displayName', str(l.displayName)],
        ['countriesAndRegions', arr(l.countriesAndRegions.map(str))],
        ['includeUnknownCountriesAndRegions', l.includeUnknownCountriesAndRegions ? bool(true) : undefined],
        ['countryLookupMethod', method ? enumValue(CountryLookupMethod, 'CountryLookupMethod', COUNTRY_LOOKUP_METHODS, method.value) : undefined],
      ]),
    };
  }
  throw new PlanError(`named location '${l.displayName}' is neither an IP nor a country location`);
}

/** Maximum ranges of one IP named location (Graph; `IpNamedLocation` checks it too). */
const MAX_IP_RANGES = 2000;

/**
 * Throws what `IpNamedLocation` / `CountryNamedLocation` throw for this model, without creating them
 * (an L1 resource costs cdktf tokens; the import checks every object).
 */
export function validateLocation(l: NamedLocationModel): void {
  validateDisplayName('displayName', l.displayName);
  if (l.kind === 'ip') {
    if (l.ipRanges.length > MAX_IP_RANGES) failProp('ipRanges', `has ${l.ipRanges.length} ranges; Graph accepts at most ${MAX_IP_RANGES} per named location, so split them over several locations`);
    l.ipRanges.forEach((r, i) => parseCidr(`ipRanges[${i}]`, r));
  } else {
    l.countriesAndRegions.forEach((c, i) => parseCountryCode(`countriesAndRegions[${i}]`, c));
  }
}
