/* eslint-disable @stylistic/max-len */
/**
 * The normal form two Graph objects are compared in (a tenant export and an export of synthesized
 * code): what makes a difference to Graph stays, everything Graph treats as the same is made equal.
 * Independent of the importer on purpose, so a round trip through it tests the importer.
 *
 * Documented normalisations (docs/graph-import.md):
 * - annotations (`@odata.*`, action links), read-only and server-set fields (`id`,
 *   `createdDateTime`, `modifiedDateTime`, `deletedDateTime`, `templateId`) and properties that are
 *   not Graph properties (`note`, `locationType`, `ipRanges[].description`) are left out; keys are
 *   camelCase (PowerShell SDK exports);
 * - lists Graph treats as sets are compared as sets; flags strings (`"a,b"`) as sets of flags;
 * - GUIDs in lower case; enum values in Graph's case (`All` → `all` in `clientAppTypes`);
 * - defaults Graph and the provider fill in: missing lists are empty, `clientAppTypes` empty means
 *   `all`, `operator` `OR`, a sign-in frequency's `authenticationType`
 *   `primaryAndSecondaryAuthentication` and `frequencyInterval` `timeBased`, `isTrusted` false,
 *   `includeUnknownCountriesAndRegions` false, `countryLookupMethod` `clientIpAddress`, a disabled
 *   or empty control or condition block is absent, `users: null` is `includeUsers: ["None"]`;
 * - "All" covers the rest: an include list holding `All` (users, locations, platforms,
 *   `clientAppTypes`) is compared as `All` alone;
 * - CIDR ranges in canonical form (network address, compressed lower-case IPv6);
 * - `authenticationStrength` by its id only (the rest is the strength, not the policy);
 * - directory role and well-known application names are compared as their ids.
 *
 * Internal module.
 */
import { odataType, readGraphJson } from './graph-reader';
import { canonicalCidr, isEmpty } from './graph-to-model';
import { classifyId } from './placeholders';
import { isObject, Json } from '../private/json';
import { isGuid } from '../private/validation';
import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';
import { POLICY_STATES } from '../vocabulary/policy-states';
import { Vocabulary } from '../vocabulary/vocabulary';

/** A Graph object in normal form, with what it is. */
export interface NormalObject {
  readonly kind: 'policy' | 'namedLocation' | 'other';
  readonly id?: string;
  readonly displayName: string;
  readonly form: Json;
}

/** One difference between two Graph objects in normal form. */
export interface GraphDifference {
  /** The display name of the object. */
  readonly displayName: string;
  /** The JSON path of the difference in normal form, empty for a missing or unexpected object. */
  readonly path: string;
  /**
   * The expected value (JSON text).
   * @default - the object or value is not expected
   */
  readonly expected?: string;
  /**
   * The actual value (JSON text).
   * @default - the object or value is missing
   */
  readonly actual?: string;
  /** What differs. */
  readonly message: string;
}


/** Graph JSON (a list response, an array, one object; any key case) as objects in normal form. */
export function normalObjects(json: unknown): NormalObject[] {
  return readGraphJson(json, 'json').objects.map((o) => normalObject(o.json, o.kind));
}

/** One object (keys already camelCase, as `graph-reader` gives them) in normal form. */
export function normalObject(j: Json, kind: string): NormalObject {
  const id = typeof j.id === 'string' && isGuid(j.id) ? j.id.toLowerCase() : undefined;
  const displayName = typeof j.displayName === 'string' ? j.displayName : '';
  if (kind === 'policy') return { kind: 'policy', id, displayName, form: policyForm(j) };
  if (kind === 'namedLocation') return { kind: 'namedLocation', id, displayName, form: locationForm(j) };
  return { kind: 'other', id, displayName, form: j };
}

function policyForm(j: Json): Json {
  const c: Json = isObject(j.conditions) ? j.conditions : {};
  const other: Json = {};
  collectOther(j, '', other);
  const users = isObject(c.users) ? c.users : { includeUsers: ['None'] };
  const apps: Json = isObject(c.applications) ? c.applications : {};
  const ca = isObject(c.clientApplications) ? c.clientApplications : undefined;
  const form: Json = {
    displayName: j.displayName ?? null,
    state: enumText(j.state, POLICY_STATES),
    conditions: {
      users: {
        includeUsers: allAlone(ids(users.includeUsers, 'user'), 'All'),
        excludeUsers: ids(users.excludeUsers, 'user'),
        includeGroups: includesAll(users.includeUsers) ? [] : ids(users.includeGroups, 'group'),
        excludeGroups: ids(users.excludeGroups, 'group'),
        includeRoles: includesAll(users.includeUsers) ? [] : ids(users.includeRoles, 'role'),
        excludeRoles: ids(users.excludeRoles, 'role'),
        includeGuestsOrExternalUsers: includesAll(users.includeUsers) ? null : guests(users.includeGuestsOrExternalUsers),
        excludeGuestsOrExternalUsers: guests(users.excludeGuestsOrExternalUsers),
      },
      applications: {
        includeApplications: allAlone(ids(apps.includeApplications, 'application'), 'All'),
        excludeApplications: ids(apps.excludeApplications, 'application'),
        includeUserActions: set(apps.includeUserActions).map((a) => a.toLowerCase()),
      },
      clientApplications: ca && !isEmpty(pick(ca, ['includeServicePrincipals', 'excludeServicePrincipals', 'servicePrincipalFilter'])) ? {
        includeServicePrincipals: ids(ca.includeServicePrincipals, 'servicePrincipal'),
        excludeServicePrincipals: ids(ca.excludeServicePrincipals, 'servicePrincipal'),
        servicePrincipalFilter: filter(ca.servicePrincipalFilter),
      } : null,
      clientAppTypes: (() => {
        const v = allAlone(set(c.clientAppTypes).map((x) => enumText(x, CLIENT_APP_TYPES)).sort(), 'all');
        return v.length === 0 ? ['all'] : v;
      })(),
      platforms: includeExclude(c.platforms, 'includePlatforms', 'excludePlatforms', (v) => allAlone(set(v).map((x) => enumText(x, DEVICE_PLATFORMS)).sort(), 'all')),
      locations: includeExclude(c.locations, 'includeLocations', 'excludeLocations', (v) => allAlone(ids(v, 'namedLocation'), 'All')),
      deviceFilter: isObject(c.devices) ? filter(c.devices.deviceFilter) : null,
      signInRiskLevels: set(c.signInRiskLevels).map(lower),
      userRiskLevels: set(c.userRiskLevels).map(lower),
      servicePrincipalRiskLevels: set(c.servicePrincipalRiskLevels).map(lower),
      insiderRiskLevels: flags(c.insiderRiskLevels).map(lower),
      transferMethods: flags(isObject(c.authenticationFlows) ? c.authenticationFlows.transferMethods : undefined).map(lower),
    },
    grantControls: grant(j.grantControls),
    sessionControls: session(j.sessionControls),
    other,
  };
  return form;
}

function grant(g: unknown): Json | null {
  if (!isObject(g)) return null;
  const strength = isObject(g.authenticationStrength) && typeof g.authenticationStrength.id === 'string'
    ? g.authenticationStrength.id.replace(/^\/?policies\/authenticationStrengthPolicies\//, '').toLowerCase()
    : null;
  const form = {
    operator: typeof g.operator === 'string' ? g.operator.toUpperCase() : 'OR',
    builtInControls: set(g.builtInControls).map(lower),
    customAuthenticationFactors: set(g.customAuthenticationFactors),
    termsOfUse: ids(g.termsOfUse, 'termsOfUse'),
    authenticationStrength: strength,
  };
  if (form.builtInControls.length + form.customAuthenticationFactors.length + form.termsOfUse.length === 0 && !strength) return null;
  return form;
}

function session(s: unknown): Json | null {
  if (!isObject(s)) return null;
  const on = (o: unknown): Json | undefined => (isObject(o) && o.isEnabled !== false ? o : undefined);
  const cas = on(s.cloudAppSecurity);
  const pb = on(s.persistentBrowser);
  const f = on(s.signInFrequency);
  let frequency: Json | null = null;
  if (f) {
    const interval = typeof f.frequencyInterval === 'string' ? f.frequencyInterval : 'timeBased';
    const everyTime = interval.toLowerCase() === 'everytime';
    if (everyTime || (f.value !== null && f.value !== undefined)) {
      frequency = {
        type: everyTime ? null : lower(f.type ?? null),
        value: everyTime ? null : Number(f.value),
        authenticationType: typeof f.authenticationType === 'string' ? f.authenticationType : 'primaryAndSecondaryAuthentication',
        frequencyInterval: everyTime ? 'everyTime' : 'timeBased',
      };
    }
  }
  const form = {
    applicationEnforcedRestrictions: isObject(s.applicationEnforcedRestrictions) && s.applicationEnforcedRestrictions.isEnabled === true,
    cloudAppSecurityType: cas && typeof cas.cloudAppSecurityType === 'string' ? cas.cloudAppSecurityType : null,
    persistentBrowserMode: pb && typeof pb.mode === 'string' ? pb.mode : null,
    signInFrequency: frequency,
    disableResilienceDefaults: s.disableResilienceDefaults === true,
  };
  if (!form.applicationEnforcedRestrictions && !form.cloudAppSecurityType && !form.persistentBrowserMode && !frequency && !form.disableResilienceDefaults) return null;
  return form;
}

function locationForm(j: Json): Json {
  const t = odataType(j) || (Array.isArray(j.ipRanges) ? 'ipnamedlocation' : Array.isArray(j.countriesAndRegions) ? 'countrynamedlocation' : typeof j.locationType === 'string' ? j.locationType.toLowerCase() : '');
  if (t === 'ipnamedlocation') {
    const ranges = (Array.isArray(j.ipRanges) ? j.ipRanges : []).map((r: unknown) => {
      if (isObject(r) && typeof r.cidrAddress === 'string') return canonicalCidr(r.cidrAddress)?.text ?? r.cidrAddress;
      return JSON.stringify(isObject(r) ? pick(r, Object.keys(r).filter((k) => k !== 'description')) : r);
    });
    return { type: 'ipNamedLocation', displayName: j.displayName ?? null, isTrusted: j.isTrusted === true, ipRanges: [...new Set(ranges)].sort() };
  }
  if (t === 'countrynamedlocation') {
    return {
      type: 'countryNamedLocation',
      displayName: j.displayName ?? null,
      countriesAndRegions: set(j.countriesAndRegions).map((c) => c.toUpperCase()),
      includeUnknownCountriesAndRegions: j.includeUnknownCountriesAndRegions === true,
      countryLookupMethod: typeof j.countryLookupMethod === 'string' ? j.countryLookupMethod : 'clientIpAddress',
    };
  }
  return { type: t || 'unknown', displayName: j.displayName ?? null, other: pick(j, Object.keys(j).filter((k) => !['id', 'createdDateTime', 'modifiedDateTime', 'deletedDateTime', 'note', 'locationType'].includes(k))) };
}

/** Fields of the Graph sub-objects the normal form covers; anything else non-empty is kept in `other`. */
const COVERED: { readonly [path: string]: readonly string[] } = {
  'conditions': ['users', 'applications', 'clientApplications', 'clientAppTypes', 'platforms', 'locations', 'devices', 'signInRiskLevels', 'userRiskLevels', 'servicePrincipalRiskLevels', 'insiderRiskLevels', 'authenticationFlows'],
  'conditions.users': ['includeUsers', 'excludeUsers', 'includeGroups', 'excludeGroups', 'includeRoles', 'excludeRoles', 'includeGuestsOrExternalUsers', 'excludeGuestsOrExternalUsers'],
  'conditions.applications': ['includeApplications', 'excludeApplications', 'includeUserActions'],
  'conditions.clientApplications': ['includeServicePrincipals', 'excludeServicePrincipals', 'servicePrincipalFilter'],
  'conditions.devices': ['deviceFilter'],
  'conditions.authenticationFlows': ['transferMethods'],
  'conditions.platforms': ['includePlatforms', 'excludePlatforms'],
  'conditions.locations': ['includeLocations', 'excludeLocations'],
  'grantControls': ['operator', 'builtInControls', 'customAuthenticationFactors', 'termsOfUse', 'authenticationStrength'],
  'sessionControls': ['applicationEnforcedRestrictions', 'cloudAppSecurity', 'persistentBrowser', 'signInFrequency', 'disableResilienceDefaults'],
};

/**
 * Non-empty fields the normal form does not cover (inexpressible or unknown Graph fields), by path.
 * At the root only the Graph fields provider 3.7.0 cannot express are kept; other root keys are
 * read-only or not Graph properties.
 */
function collectOther(j: Json, path: string, out: Json): void {
  for (const [key, value] of Object.entries(j)) {
    if (key === '@odata.type' || isEmpty(value)) continue;
    const p = path ? `${path}.${key}` : key;
    if (path === '') {
      if (key === 'description' || key === 'partialEnablementStrategy') out[p] = value;
      else if (COVERED[key] && isObject(value)) collectOther(value, key, out);
      continue;
    }
    if (!COVERED[path].includes(key)) {
      out[p] = value;
    } else if (COVERED[p] && isObject(value)) {
      collectOther(value, p, out);
    } else if (Array.isArray(value)) {
      // values of a covered list provider 3.7.0 cannot express
      const lost = value.filter((v) => typeof v === 'string' && LOST_VALUES.includes(v.toLowerCase()));
      if (lost.length > 0) out[p] = lost;
    }
  }
}

/** List values that stand for a feature provider 3.7.0 cannot express (the expressibility table's values). */
const LOST_VALUES = ['allagentidusers', 'allagentidresources', 'riskremediation', 'compliantnetwork'];

function pick(o: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
}

function lower(v: unknown): string {
  return String(v).toLowerCase();
}

/** A list of strings as a sorted set (non-strings and blanks dropped). */
function set(v: unknown): string[] {
  const list = Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
  return [...new Set(list.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()))].sort();
}

function flags(v: unknown): string[] {
  const list = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return [...new Set(list.filter((x): x is string => typeof x === 'string').flatMap((x) => x.split(',')).map((x) => x.trim()).filter((x) => x !== ''))].sort();
}

/** Ids: GUIDs lower-case, role and well-known application names as their ids, special values as written. */
function ids(v: unknown, kind: 'user' | 'group' | 'role' | 'application' | 'servicePrincipal' | 'namedLocation' | 'termsOfUse' | 'tenant'): string[] {
  return [...new Set(set(v).map((x) => {
    if (isGuid(x)) return x.toLowerCase();
    const c = classifyId(kind, x);
    return c.kind === 'resolved' ? c.value : x;
  }))].sort();
}

function includesAll(v: unknown): boolean {
  return set(v).includes('All');
}

function allAlone(values: string[], all: string): string[] {
  return values.includes(all) ? [all] : values;
}

function enumText(v: unknown, vocabulary: Vocabulary): string {
  if (typeof v !== 'string') return String(v);
  return vocabulary.byValueIgnoringCase(v)?.value ?? v;
}

function guests(g: unknown): Json | null {
  if (!isObject(g)) return null;
  const types = flags(g.guestOrExternalUserTypes);
  if (types.length === 0) return null;
  const t = isObject(g.externalTenants) ? g.externalTenants : undefined;
  const kind = t && typeof t.membershipKind === 'string' ? t.membershipKind.toLowerCase() : t && odataType(t).includes('enumerated') ? 'enumerated' : 'all';
  return { guestOrExternalUserTypes: types, membershipKind: kind, members: kind === 'enumerated' ? ids(t?.members, 'tenant') : [] };
}

function filter(f: unknown): Json | null {
  if (!isObject(f) || typeof f.rule !== 'string' || f.rule.trim() === '') return null;
  return { mode: lower(f.mode), rule: f.rule };
}

function includeExclude(v: unknown, include: string, exclude: string, norm: (v: unknown) => string[]): Json | null {
  if (!isObject(v)) return null;
  const inc = norm(v[include]);
  const exc = norm(v[exclude]);
  if (inc.length === 0 && exc.length === 0) return null;
  return { [include]: inc, [exclude]: exc };
}

/** The differences between two objects in normal form, as paths with both values. */
export function diffNormal(displayName: string, expected: unknown, actual: unknown, path = ''): GraphDifference[] {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return [];
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((k) => diffNormal(displayName, expected[k], actual[k], path ? `${path}.${k}` : k));
  }
  const show = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));
  let message = 'differs';
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const missing = expected.filter((x) => !actual.some((y) => JSON.stringify(y) === JSON.stringify(x)));
    const extra = actual.filter((x) => !expected.some((y) => JSON.stringify(y) === JSON.stringify(x)));
    message = [missing.length ? `missing ${JSON.stringify(missing)}` : '', extra.length ? `unexpected ${JSON.stringify(extra)}` : ''].filter((s) => s).join('; ') || 'differs';
  } else if (actual === undefined) {
    message = 'missing';
  } else if (expected === undefined) {
    message = 'unexpected';
  }
  return [{ displayName, path, expected: show(expected), actual: show(actual), message }];
}

/**
 * Compares two sets of Graph objects: matched by id when both have one, else by kind and display name.
 * @returns every difference; empty when they are the same modulo the normalisations
 */
export function compareNormal(expected: NormalObject[], actual: NormalObject[]): GraphDifference[] {
  const out: GraphDifference[] = [];
  const left = [...actual];
  for (const e of expected) {
    let i = e.id ? left.findIndex((a) => a.id === e.id) : -1;
    if (i < 0) i = left.findIndex((a) => a.kind === e.kind && a.displayName === e.displayName);
    if (i < 0) {
      out.push({ displayName: e.displayName, path: '', expected: e.kind, message: `${e.kind === 'policy' ? 'policy' : 'named location'} is missing` });
      continue;
    }
    const [a] = left.splice(i, 1);
    out.push(...diffNormal(e.displayName, e.form, a.form));
  }
  for (const a of left) out.push({ displayName: a.displayName, path: '', actual: a.kind, message: `${a.kind === 'policy' ? 'policy' : 'named location'} is not expected` });
  return out;
}
