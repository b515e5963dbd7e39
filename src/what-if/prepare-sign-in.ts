/**
 * Validates a sign-in (the body of Graph's `POST /identity/conditionalAccess/evaluate`, v1.0, plus the offline
 * `directory` extension) and prepares it for the evaluator. Internal module.
 *
 * Field names and enum values: Graph v1.0 resource pages `signInConditions`, `userSignIn`,
 * `servicePrincipalSignIn`, `applicationContext`, `userActionContext`, `authContext`, `authenticationFlow`,
 * `deviceInfo`. Every problem names the field path, the bad value and the fix; all problems are collected.
 */
import { CompiledStack } from './compiled-stack';
import { DeviceFacts } from './device-filter';
import { parseIp, ParsedIp } from './ip';
import { K_GUID, PartialMembership, Term } from './logic';
import { DEVICE_INFO_LIST_FIELDS, DEVICE_INFO_STRING_FIELDS } from './microsoft-data';
import { ADDRESS_RE } from '../model/references';
import { isCountryCode } from '../private/country-codes';
import { isObject, Json, show } from '../private/json';
import { isGuid } from '../private/validation';
import { TRANSFER_METHODS } from '../vocabulary/authentication-flows';
import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';
import { GUEST_OR_EXTERNAL_USER_TYPES } from '../vocabulary/guest-types';
import { INSIDER_RISK_LEVELS, RISK_LEVELS } from '../vocabulary/risk-levels';
import { USER_ACTIONS } from '../vocabulary/user-actions';

/** Sign-in context kinds. */
export const CTX_APPLICATION = 0;
/** `#microsoft.graph.userActionContext`. */
export const CTX_USER_ACTION = 1;
/** `#microsoft.graph.authContext`. */
export const CTX_AUTH_CONTEXT = 2;

/** An application in the sign-in context: an id term, or one of the suites `Office365` / `MicrosoftAdminPortals`. */
export interface AppTerm {
  readonly term: Term | null;
  readonly suite: 'Office365' | 'MicrosoftAdminPortals' | null;
}

/** A validated sign-in, ready for the evaluator. `null` means "the sign-in does not say" (unknown). */
export interface PreparedSignIn {
  readonly isServicePrincipal: boolean;
  readonly user: Term[] | null;
  /** Gap analysis only: the users the sign-in is known not to be (then `user` is null). */
  readonly userPartial?: PartialMembership;
  readonly externalUserType: string;
  readonly externalTenant: Term[] | null;
  readonly memberOf: Term[] | null;
  readonly roles: Term[] | null;
  /** Gap analysis only: group membership known for some groups (then `memberOf` is null). */
  readonly memberOfPartial?: PartialMembership;
  /** Gap analysis only: role membership known for some roles (then `roles` is null). */
  readonly rolesPartial?: PartialMembership;
  readonly servicePrincipal: Term[] | null;
  readonly context: number;
  readonly apps: AppTerm[];
  readonly userActionUrn: string;
  readonly ip: ParsedIp | null;
  readonly country: string | null;
  readonly clientAppType: string | null;
  readonly devicePlatform: string | null;
  readonly signInRisk: string | null;
  readonly userRisk: string | null;
  readonly servicePrincipalRisk: string | null;
  readonly insiderRisk: string | null;
  readonly transferMethod: string | null;
  readonly device: DeviceFacts | null;
  readonly appliedPoliciesOnly: boolean;
  /** Sign-in warnings for the report. */
  readonly warnings: string[];
}

const USER_SIGN_IN = '#microsoft.graph.userSignIn';
const SP_SIGN_IN = '#microsoft.graph.servicePrincipalSignIn';
const APP_CONTEXT = '#microsoft.graph.applicationContext';
const ACTION_CONTEXT = '#microsoft.graph.userActionContext';
const AUTH_CONTEXT = '#microsoft.graph.authContext';

const TOP_FIELDS = ['signInIdentity', 'signInContext', 'signInConditions', 'appliedPoliciesOnly', 'directory'];
const CONDITION_FIELDS = [
  'ipAddress',
  'country',
  'clientAppType',
  'devicePlatform',
  'signInRiskLevel',
  'userRiskLevel',
  'servicePrincipalRiskLevel',
  'insiderRiskLevel',
  'authenticationFlow',
  'deviceInfo',
];

export { show };

/** Words for the ipaddr.js ranges `ParsedIp.special` names. */
const SPECIAL_LABELS: { readonly [range: string]: string } = {
  private: 'private (RFC 1918)',
  uniqueLocal: 'unique local (RFC 4193, private)',
  loopback: 'loopback',
  linkLocal: 'link-local',
};

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest allowed value, for "did you mean" hints. */
function closest(value: string, allowed: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  const exact = allowed.find((a) => a.toLowerCase() === lower);
  if (exact) return exact;
  const prefix = lower.length >= 4 ? allowed.find((a) => a.toLowerCase().startsWith(lower) || lower.startsWith(a.toLowerCase())) : undefined;
  if (prefix) return prefix;
  let best: string | undefined;
  let bestDistance = 3;
  for (const a of allowed) {
    const d = distance(lower, a.toLowerCase());
    if (d < bestDistance) {
      best = a;
      bestDistance = d;
    }
  }
  return best;
}

class Validator {
  public readonly problems: string[] = [];
  public readonly warnings: string[] = [];

  constructor(private readonly stack: CompiledStack) {}

  public problem(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  public fields(obj: Json, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (key === '@odata.type' || allowed.includes(key)) continue;
      const hint = closest(key, allowed);
      this.problem(
        path ? `${path}.${key}` : key,
        hint ? `unknown field; did you mean '${hint}'?` : `unknown field; allowed fields are ${allowed.join(', ')}`,
      );
    }
  }

  /** An optional string; `null` when absent. */
  public string(obj: Json, key: string, path: string): string | null {
    const v = obj[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') {
      this.problem(`${path}.${key}`, `expected a string, got ${show(v)}`);
      return null;
    }
    return v;
  }

  /** An optional enum value; `null` when absent or invalid. */
  public enumValue(obj: Json, key: string, path: string, allowed: readonly string[], what: string): string | null {
    const v = this.string(obj, key, path);
    if (v === null) return null;
    if (allowed.includes(v)) return v;
    const hint = closest(v, allowed);
    this.problem(
      `${path}.${key}`,
      `${show(v)} is not ${what}; ${hint ? `did you mean '${hint}'? ` : ''}use one of ${allowed.join(', ')}`,
    );
    return null;
  }

  /** A GUID or a Terraform address known to the stack. */
  public identity(value: unknown, path: string, attributes: readonly string[], example: string): Term | undefined {
    if (typeof value !== 'string') {
      this.problem(path, `expected a string (an object id or a Terraform address), got ${show(value)}`);
      return undefined;
    }
    if (isGuid(value)) return { key: value.toLowerCase(), kind: K_GUID };
    if (ADDRESS_RE.test(value)) {
      const term = this.stack.resolveAddress(value, attributes);
      if (term) return term;
      const type = value.replace(/^data\./, '').split('.')[0];
      const sameType = this.stack.addresses.filter((a) => a.replace(/^data\./, '').startsWith(`${type}.`));
      this.problem(
        path,
        `${show(value)} is not a resource or data source in this stack; use a GUID or ${
          sameType.length > 0 ? `one of ${sameType.slice(0, 5).join(', ')}${sameType.length > 5 ? ', ...' : ''}` : `the address of a ${type} in the stack`
        }`,
      );
      return undefined;
    }
    this.problem(path, `${show(value)} is neither a GUID nor a Terraform address; use an object id or an address such as ${example}`);
    return undefined;
  }

  public identityList(obj: Json, key: string, path: string, attributes: readonly string[], example: string): Term[] | null {
    const v = obj[key];
    if (v === undefined || v === null) return null;
    if (!Array.isArray(v)) {
      this.problem(`${path}.${key}`, `expected a list of object ids or Terraform addresses, got ${show(v)}`);
      return null;
    }
    const out: Term[] = [];
    v.forEach((item, i) => {
      const term = this.identity(item, `${path}.${key}[${i}]`, attributes, example);
      if (term) out.push(term);
    });
    return out;
  }
}

function odataType(v: Validator, obj: Json, path: string, allowed: readonly string[]): string | undefined {
  const raw = obj['@odata.type'];
  // the fix is only worded for a problem (building it for every valid sign-in showed in the What-If throughput)
  const use = (): string => `use ${allowed.map((a) => `'${a}'`).join(' or ')}`;
  if (raw === undefined || raw === null) {
    v.problem(`${path}.@odata.type`, `is required; ${use()}`);
    return undefined;
  }
  const normalized = typeof raw === 'string' && !raw.startsWith('#') ? `#${raw}` : raw;
  if (typeof normalized === 'string' && allowed.includes(normalized)) return normalized;
  v.problem(`${path}.@odata.type`, `${show(raw)} is not supported; ${use()}`);
  return undefined;
}

/** The identity part of a prepared sign-in. */
type Identity = Pick<PreparedSignIn, 'isServicePrincipal' | 'user' | 'externalUserType' | 'externalTenant' | 'servicePrincipal'>;
/** The context part. */
type Context = Pick<PreparedSignIn, 'context' | 'apps' | 'userActionUrn'>;
/** The conditions part. */
type Conditions = Pick<
  PreparedSignIn,
  'ip' | 'country' | 'clientAppType' | 'devicePlatform' | 'signInRisk' | 'userRisk' | 'servicePrincipalRisk' | 'insiderRisk' | 'transferMethod' | 'device'
>;

function prepareIdentity(v: Validator, identity: unknown): Identity {
  const out: { -readonly [K in keyof Identity]: Identity[K] } = {
    isServicePrincipal: false,
    user: null,
    externalUserType: 'none',
    externalTenant: null,
    servicePrincipal: null,
  };
  if (identity === undefined || identity === null) {
    v.problem('signInIdentity', `is required; add { "@odata.type": "${USER_SIGN_IN}", "userId": "<object id or azuread_user address>" }`);
    return out;
  }
  if (!isObject(identity)) {
    v.problem('signInIdentity', `expected an object, got ${show(identity)}`);
    return out;
  }
  const type = odataType(v, identity, 'signInIdentity', [USER_SIGN_IN, SP_SIGN_IN]);
  if (type === SP_SIGN_IN) {
    out.isServicePrincipal = true;
    v.fields(identity, 'signInIdentity', ['servicePrincipalId']);
    if (identity.servicePrincipalId === undefined || identity.servicePrincipalId === null) {
      v.problem('signInIdentity.servicePrincipalId', `is required for ${SP_SIGN_IN}; use the service principal's object id`);
    } else {
      const sp = v.identity(identity.servicePrincipalId, 'signInIdentity.servicePrincipalId', ['object_id'], 'azuread_service_principal.app');
      if (sp) out.servicePrincipal = [sp];
    }
  } else if (type === USER_SIGN_IN) {
    v.fields(identity, 'signInIdentity', ['userId', 'externalUserType', 'externalTenantId']);
    if (identity.userId !== undefined && identity.userId !== null) {
      const term = v.identity(identity.userId, 'signInIdentity.userId', ['object_id'], 'azuread_user.alice');
      if (term) out.user = [term];
    }
    out.externalUserType =
      v.enumValue(identity, 'externalUserType', 'signInIdentity', GUEST_OR_EXTERNAL_USER_TYPES.signInValues, 'an external user type') ?? 'none';
    const tenant = v.string(identity, 'externalTenantId', 'signInIdentity');
    if (tenant !== null) {
      if (isGuid(tenant)) out.externalTenant = [{ key: tenant.toLowerCase(), kind: K_GUID }];
      else v.problem('signInIdentity.externalTenantId', `${show(tenant)} is not a GUID; use the guest's home tenant id`);
    }
  }
  return out;
}

/** The offline `directory` extension: group ids and role template ids (`null` when not given). */
function prepareDirectory(v: Validator, directory: unknown): Pick<PreparedSignIn, 'memberOf' | 'roles'> {
  if (directory === undefined || directory === null) return { memberOf: null, roles: null };
  if (!isObject(directory)) {
    v.problem('directory', `expected an object such as { "memberOf": [], "roles": [] }, got ${show(directory)}`);
    return { memberOf: null, roles: null };
  }
  v.fields(directory, 'directory', ['memberOf', 'roles']);
  return {
    memberOf: v.identityList(directory, 'memberOf', 'directory', ['object_id'], 'azuread_group.admins'),
    roles: v.identityList(directory, 'roles', 'directory', ['template_id', 'role_id', 'object_id'], 'azuread_directory_role.ga'),
  };
}

function prepareContext(v: Validator, ctx: unknown, isServicePrincipal: boolean): Context {
  const out: { -readonly [K in keyof Context]: Context[K] } = { context: CTX_APPLICATION, apps: [], userActionUrn: '' };
  if (ctx === undefined || ctx === null) {
    v.problem(
      'signInContext',
      `is required; add { "@odata.type": "${ACTION_CONTEXT}", "userAction": "registerSecurityInformation" } or { "@odata.type": "${APP_CONTEXT}", "includeApplications": ["<app id>"] }`,
    );
    return out;
  }
  if (!isObject(ctx)) {
    v.problem('signInContext', `expected an object, got ${show(ctx)}`);
    return out;
  }
  const type = odataType(v, ctx, 'signInContext', [APP_CONTEXT, ACTION_CONTEXT, AUTH_CONTEXT]);
  if (type === APP_CONTEXT) {
    v.fields(ctx, 'signInContext', ['includeApplications']);
    const list = ctx.includeApplications;
    if (!Array.isArray(list) || list.length === 0) {
      v.problem(
        'signInContext.includeApplications',
        `${list === undefined ? 'is required' : Array.isArray(list) ? 'is empty' : `expected a list, got ${show(list)}`}; list at least one application id (e.g. 00000003-0000-0ff1-ce00-000000000000 for SharePoint Online)`,
      );
    } else {
      list.forEach((item, i) => {
        if (item === 'Office365' || item === 'MicrosoftAdminPortals') {
          // What If tool (Learn what-if-tool.md): "Groups of apps, such as Office 365 or Microsoft Admin Portals,
          // don't result in a match." The name is kept as an app that is no member of any suite.
          out.apps.push({ term: null, suite: item });
          v.warnings.push(
            `signInContext.includeApplications[${i}]: '${item}' is a group of apps; Graph's What If matches no policy on a group of apps named in the request (only policies on All resources apply), so name a member app id instead, e.g. ${
              item === 'Office365' ? '00000003-0000-0ff1-ce00-000000000000 (SharePoint Online)' : 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c (Azure portal)'
            }`,
          );
        } else {
          const term = v.identity(item, `signInContext.includeApplications[${i}]`, ['client_id', 'application_id'], 'azuread_application.app');
          if (term) out.apps.push({ term, suite: null });
        }
      });
    }
  } else if (type === ACTION_CONTEXT) {
    out.context = CTX_USER_ACTION;
    v.fields(ctx, 'signInContext', ['userAction']);
    const action = ctx.userAction;
    const term = typeof action === 'string' ? USER_ACTIONS.bySignIn(action) : undefined;
    if (term) {
      out.userActionUrn = term.value;
    } else {
      const hint = typeof action === 'string' ? closest(action, USER_ACTIONS.signInValues) : undefined;
      v.problem(
        'signInContext.userAction',
        `${action === undefined ? 'is required' : `${show(action)} is not a user action`}; ${hint ? `did you mean '${hint}'? ` : ''}use ${USER_ACTIONS.signInValues.join(' or ')}`,
      );
    }
    if (isServicePrincipal) v.problem('signInContext', `a service principal cannot perform user actions; use ${APP_CONTEXT}`);
  } else if (type === AUTH_CONTEXT) {
    out.context = CTX_AUTH_CONTEXT;
    v.fields(ctx, 'signInContext', ['authenticationContextValue']);
    const value = ctx.authenticationContextValue;
    if (typeof value !== 'string' || !/^c([1-9]|[1-9][0-9])$/.test(value)) {
      v.problem('signInContext.authenticationContextValue', `${show(value)} is not an authentication context; use c1 to c99`);
    }
  }
  return out;
}

function prepareDevice(v: Validator, info: unknown, path: string): DeviceFacts | null {
  if (info === undefined || info === null) return null;
  if (!isObject(info)) {
    v.problem(path, `expected an object such as { "isCompliant": true, "trustType": "AzureAD" }, got ${show(info)}`);
    return null;
  }
  v.fields(info, path, ['isCompliant', ...DEVICE_INFO_STRING_FIELDS, ...DEVICE_INFO_LIST_FIELDS]);
  const device = new Map<string, string | readonly string[] | boolean | null>();
  for (const [key, value] of Object.entries(info)) {
    if (value === undefined || key === '@odata.type') continue;
    if (value === null) {
      // an explicit null: the device has no value for it (an unregistered device has none at all)
      if (key === 'isCompliant' || DEVICE_INFO_LIST_FIELDS.includes(key) || DEVICE_INFO_STRING_FIELDS.includes(key)) device.set(key.toLowerCase(), null);
    } else if (key === 'isCompliant') {
      if (typeof value === 'boolean') device.set('iscompliant', value);
      else v.problem(`${path}.isCompliant`, `expected true or false, got ${show(value)}`);
    } else if (DEVICE_INFO_LIST_FIELDS.includes(key)) {
      if (Array.isArray(value) && value.every((x) => typeof x === 'string')) device.set(key.toLowerCase(), value.map((x) => x.toLowerCase()));
      else v.problem(`${path}.${key}`, `expected a list of strings, got ${show(value)}`);
    } else if (DEVICE_INFO_STRING_FIELDS.includes(key)) {
      if (typeof value === 'string') device.set(key.toLowerCase(), value.toLowerCase());
      else v.problem(`${path}.${key}`, `expected a string, got ${show(value)}`);
    }
  }
  return device;
}

function prepareConditions(v: Validator, conditions: unknown): Conditions {
  const out: { -readonly [K in keyof Conditions]: Conditions[K] } = {
    ip: null,
    country: null,
    clientAppType: null,
    devicePlatform: null,
    signInRisk: null,
    userRisk: null,
    servicePrincipalRisk: null,
    insiderRisk: null,
    transferMethod: null,
    device: null,
  };
  if (conditions === undefined || conditions === null) {
    v.problem('signInConditions', 'is required; use {} to have every condition the policies use reported as notEnoughInformation');
    return out;
  }
  if (!isObject(conditions)) {
    v.problem('signInConditions', `expected an object, got ${show(conditions)}`);
    return out;
  }
  const path = 'signInConditions';
  v.fields(conditions, path, CONDITION_FIELDS);
  const ipText = v.string(conditions, 'ipAddress', path);
  if (ipText !== null) {
    out.ip = parseIp(ipText) ?? null;
    if (out.ip?.special) {
      v.warnings.push(
        `${path}.ipAddress: ${ipText} is a ${SPECIAL_LABELS[out.ip.special]} address; no sign-in to Entra ID comes from one (Entra sees the public address the network translates it to), so it matches no named location; use the public egress IP`,
      );
    }
    if (!out.ip) {
      v.problem(
        `${path}.ipAddress`,
        `${show(ipText)} is not an IPv4 or IPv6 address; use a dotted IPv4 address such as 198.51.100.7 or an IPv6 address such as 2001:db8::1`,
      );
    }
  }
  const countryText = v.string(conditions, 'country', path);
  if (countryText !== null) {
    if (/^[A-Za-z]{2}$/.test(countryText) && isCountryCode(countryText)) {
      out.country = countryText.toUpperCase();
    } else {
      v.problem(`${path}.country`, `${show(countryText)} is not an ISO 3166-1 alpha-2 country code; use two letters such as FR or US`);
    }
  }
  // `all` means "not specified" (Graph's default): it matches only policies that target all.
  out.clientAppType = v.enumValue(conditions, 'clientAppType', path, CLIENT_APP_TYPES.signInValues, 'a client app type');
  if (out.clientAppType === 'all') out.clientAppType = null;
  out.devicePlatform = v.enumValue(conditions, 'devicePlatform', path, DEVICE_PLATFORMS.signInValues, 'a device platform');
  if (out.devicePlatform === 'all') out.devicePlatform = null;
  out.signInRisk = v.enumValue(conditions, 'signInRiskLevel', path, RISK_LEVELS.signInValues, 'a risk level');
  out.userRisk = v.enumValue(conditions, 'userRiskLevel', path, RISK_LEVELS.signInValues, 'a risk level');
  out.servicePrincipalRisk = v.enumValue(conditions, 'servicePrincipalRiskLevel', path, RISK_LEVELS.signInValues, 'a risk level');
  out.insiderRisk = v.enumValue(conditions, 'insiderRiskLevel', path, INSIDER_RISK_LEVELS.signInValues, 'an insider risk level');
  const flow = conditions.authenticationFlow;
  if (flow !== undefined && flow !== null) {
    if (!isObject(flow)) {
      v.problem(`${path}.authenticationFlow`, `expected an object such as { "transferMethod": "deviceCodeFlow" }, got ${show(flow)}`);
    } else {
      v.fields(flow, `${path}.authenticationFlow`, ['transferMethod']);
      out.transferMethod = v.enumValue(flow, 'transferMethod', `${path}.authenticationFlow`, TRANSFER_METHODS.signInValues, 'a transfer method');
    }
  }
  out.device = prepareDevice(v, conditions.deviceInfo, `${path}.deviceInfo`);
  return out;
}

/**
 * Validates and prepares a sign-in against a compiled stack.
 *
 * @returns the prepared sign-in, or the list of problems
 */
export function prepareSignIn(signIn: unknown, stack: CompiledStack): PreparedSignIn | string[] {
  const v = new Validator(stack);
  if (!isObject(signIn)) {
    return [`sign-in: expected a JSON object (the body of a Graph evaluate request), got ${show(signIn)}`];
  }
  v.fields(signIn, '', TOP_FIELDS);
  const identity = prepareIdentity(v, signIn.signInIdentity);
  const directory = prepareDirectory(v, signIn.directory);
  const context = prepareContext(v, signIn.signInContext, identity.isServicePrincipal);
  const conditions = prepareConditions(v, signIn.signInConditions);
  const applied = signIn.appliedPoliciesOnly;
  if (applied !== undefined && applied !== null && typeof applied !== 'boolean') {
    v.problem('appliedPoliciesOnly', `expected true or false, got ${show(applied)}`);
  }
  if (v.problems.length > 0) return v.problems;
  // One literal rather than spreading the four parts: a spread of this many fields is a slow, allocating copy, and it
  // was a third of the cost of `prepareSignIn`. Every sign-in then also has one shape for the evaluator's hot loop.
  return {
    isServicePrincipal: identity.isServicePrincipal,
    user: identity.user,
    externalUserType: identity.externalUserType,
    externalTenant: identity.externalTenant,
    servicePrincipal: identity.servicePrincipal,
    memberOf: directory.memberOf,
    roles: directory.roles,
    context: context.context,
    apps: context.apps,
    userActionUrn: context.userActionUrn,
    ip: conditions.ip,
    country: conditions.country,
    clientAppType: conditions.clientAppType,
    devicePlatform: conditions.devicePlatform,
    signInRisk: conditions.signInRisk,
    userRisk: conditions.userRisk,
    servicePrincipalRisk: conditions.servicePrincipalRisk,
    insiderRisk: conditions.insiderRisk,
    transferMethod: conditions.transferMethod,
    device: conditions.device,
    appliedPoliciesOnly: applied === true,
    warnings: v.warnings,
  };
}
