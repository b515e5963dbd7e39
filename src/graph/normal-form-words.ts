/**
 * Graph objects in normal form (graph-normal-form) in the portal's words: every field the normal form
 * holds has a label (`Users › Exclude › Groups`) and every value a name (`All users`, a group's display
 * name, `Report-only`); and the differences between two normal forms, field by field, as those words.
 * `cdktf-entra-ca diff` and `GraphExport.diff` print them. Internal module.
 */
import type { FieldChange } from './tenant-diff';
import { isExpression } from '../model/references';
import { isObject, Json } from '../private/json';
import { TRANSFER_METHODS } from '../vocabulary/authentication-flows';
import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';
import { BUILT_IN_CONTROLS, GRANT_OPERATORS } from '../vocabulary/grant-controls';
import { GUEST_OR_EXTERNAL_USER_TYPES } from '../vocabulary/guest-types';
import { COUNTRY_LOOKUP_METHODS, SPECIAL_LOCATIONS } from '../vocabulary/named-locations';
import { POLICY_STATES } from '../vocabulary/policy-states';
import { INSIDER_RISK_LEVELS, RISK_LEVELS } from '../vocabulary/risk-levels';
import { CLOUD_APP_SECURITY_TYPES, PERSISTENT_BROWSER_MODES } from '../vocabulary/session-controls';
import { SPECIAL_APPLICATIONS, SPECIAL_SERVICE_PRINCIPALS, SPECIAL_USERS } from '../vocabulary/special-values';
import { USER_ACTIONS } from '../vocabulary/user-actions';
import { Vocabulary } from '../vocabulary/vocabulary';

/** Names an id: a reference, a GUID (role, application, named location, an object the stack names) or text. */
export type NameId = (value: string) => string;

/** One field's difference in portal words: the public `FieldChange` (one type, defined with the public API). */
export type WordedChange = FieldChange;

/** How a field is compared: a list Graph treats as a set, one value, or a flag. */
type Shape = 'set' | 'value' | 'flag';

interface Field {
  /** The dotted path in the normal form. */
  readonly path: string;
  /** The portal's words for the field. */
  readonly label: string;
  readonly shape: Shape;
  /** The words for one value (a set's item, or the whole value). */
  readonly word: (value: any, name: NameId) => string;
  /** The value Graph assumes when the field is absent (not printed for a new object). */
  readonly absent?: unknown;
  /** The words for the absent value. */
  readonly none?: string;
  /** Only compared when both objects have this block (e.g. the grant operator). */
  readonly whenBoth?: string;
}

const term = (vocabulary: Vocabulary) => (v: string): string => vocabulary.byValueIgnoringCase(v)?.label ?? v;
const special = (vocabulary: Vocabulary) => (v: string, name: NameId): string => vocabulary.byValue(v)?.label ?? name(v);
const id = (v: string, name: NameId): string => name(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function guestsWords(g: Json): string {
  const types = (g.guestOrExternalUserTypes as string[]).map(term(GUEST_OR_EXTERNAL_USER_TYPES)).join(', ');
  const tenants = g.membershipKind === 'enumerated' ? `from tenants ${(g.members as string[]).join(', ')}` : 'from all external tenants';
  return `${types} ${tenants}`;
}

function filterWords(f: Json): string {
  return `${f.mode === 'exclude' ? 'exclude' : 'include'} matching ${f.rule}`;
}

function frequencyWords(f: Json): string {
  const when = f.frequencyInterval === 'everyTime' ? 'Every time' : `${f.value} ${f.type}`;
  return f.authenticationType === 'secondaryAuthentication' ? `${when} (secondary authentication)` : when;
}

/** The fields of a policy's normal form, in the portal's order. */
const POLICY_FIELDS: readonly Field[] = [
  { path: 'displayName', label: 'Name', shape: 'value', word: text },
  { path: 'state', label: 'State', shape: 'value', word: term(POLICY_STATES) },
  { path: 'conditions.users.includeUsers', label: 'Users › Include › Users', shape: 'set', word: special(SPECIAL_USERS) },
  { path: 'conditions.users.includeGroups', label: 'Users › Include › Groups', shape: 'set', word: id },
  { path: 'conditions.users.includeRoles', label: 'Users › Include › Directory roles', shape: 'set', word: id },
  { path: 'conditions.users.includeGuestsOrExternalUsers', label: 'Users › Include › Guests or external users', shape: 'value', word: guestsWords, none: 'none' },
  { path: 'conditions.users.excludeUsers', label: 'Users › Exclude › Users', shape: 'set', word: special(SPECIAL_USERS) },
  { path: 'conditions.users.excludeGroups', label: 'Users › Exclude › Groups', shape: 'set', word: id },
  { path: 'conditions.users.excludeRoles', label: 'Users › Exclude › Directory roles', shape: 'set', word: id },
  { path: 'conditions.users.excludeGuestsOrExternalUsers', label: 'Users › Exclude › Guests or external users', shape: 'value', word: guestsWords, none: 'none' },
  { path: 'conditions.clientApplications.includeServicePrincipals', label: 'Workload identities › Include', shape: 'set', word: special(SPECIAL_SERVICE_PRINCIPALS) },
  { path: 'conditions.clientApplications.excludeServicePrincipals', label: 'Workload identities › Exclude', shape: 'set', word: id },
  { path: 'conditions.clientApplications.servicePrincipalFilter', label: 'Workload identities › Filter', shape: 'value', word: filterWords, none: 'none' },
  { path: 'conditions.applications.includeApplications', label: 'Target resources › Include', shape: 'set', word: special(SPECIAL_APPLICATIONS) },
  { path: 'conditions.applications.excludeApplications', label: 'Target resources › Exclude', shape: 'set', word: special(SPECIAL_APPLICATIONS) },
  { path: 'conditions.applications.includeUserActions', label: 'Target resources › User actions', shape: 'set', word: term(USER_ACTIONS) },
  { path: 'conditions.userRiskLevels', label: 'Conditions › User risk', shape: 'set', word: term(RISK_LEVELS) },
  { path: 'conditions.signInRiskLevels', label: 'Conditions › Sign-in risk', shape: 'set', word: term(RISK_LEVELS) },
  { path: 'conditions.servicePrincipalRiskLevels', label: 'Conditions › Service principal risk', shape: 'set', word: term(RISK_LEVELS) },
  { path: 'conditions.insiderRiskLevels', label: 'Conditions › Insider risk', shape: 'set', word: term(INSIDER_RISK_LEVELS) },
  { path: 'conditions.platforms.includePlatforms', label: 'Conditions › Device platforms › Include', shape: 'set', word: term(DEVICE_PLATFORMS) },
  { path: 'conditions.platforms.excludePlatforms', label: 'Conditions › Device platforms › Exclude', shape: 'set', word: term(DEVICE_PLATFORMS) },
  { path: 'conditions.locations.includeLocations', label: 'Conditions › Locations › Include', shape: 'set', word: special(SPECIAL_LOCATIONS) },
  { path: 'conditions.locations.excludeLocations', label: 'Conditions › Locations › Exclude', shape: 'set', word: special(SPECIAL_LOCATIONS) },
  { path: 'conditions.clientAppTypes', label: 'Conditions › Client apps', shape: 'set', word: term(CLIENT_APP_TYPES), absent: ['all'] },
  { path: 'conditions.deviceFilter', label: 'Conditions › Filter for devices', shape: 'value', word: filterWords, none: 'none' },
  { path: 'conditions.transferMethods', label: 'Conditions › Authentication flows', shape: 'set', word: term(TRANSFER_METHODS) },
  { path: 'grantControls.builtInControls', label: 'Grant', shape: 'set', word: term(BUILT_IN_CONTROLS) },
  { path: 'grantControls.authenticationStrength', label: 'Grant › Require authentication strength', shape: 'value', word: id, none: 'none' },
  { path: 'grantControls.termsOfUse', label: 'Grant › Terms of use', shape: 'set', word: id },
  { path: 'grantControls.customAuthenticationFactors', label: 'Grant › Custom controls', shape: 'set', word: text },
  { path: 'grantControls.operator', label: 'Grant › For multiple controls', shape: 'value', word: term(GRANT_OPERATORS), absent: 'OR', whenBoth: 'grantControls' },
  { path: 'sessionControls.applicationEnforcedRestrictions', label: 'Session › Use app enforced restrictions', shape: 'flag', word: text },
  { path: 'sessionControls.cloudAppSecurityType', label: 'Session › Use Conditional Access App Control', shape: 'value', word: term(CLOUD_APP_SECURITY_TYPES), none: 'off' },
  { path: 'sessionControls.signInFrequency', label: 'Session › Sign-in frequency', shape: 'value', word: frequencyWords, none: 'off' },
  { path: 'sessionControls.persistentBrowserMode', label: 'Session › Persistent browser session', shape: 'value', word: term(PERSISTENT_BROWSER_MODES), none: 'off' },
  { path: 'sessionControls.disableResilienceDefaults', label: 'Session › Disable resilience defaults', shape: 'flag', word: text },
];

const LOCATION_TYPES: { readonly [type: string]: string } = { ipNamedLocation: 'IP ranges location', countryNamedLocation: 'Countries location' };

/** The fields of a named location's normal form. */
const LOCATION_FIELDS: readonly Field[] = [
  { path: 'displayName', label: 'Name', shape: 'value', word: text },
  { path: 'type', label: 'Type', shape: 'value', word: (v: string) => LOCATION_TYPES[v] ?? v },
  { path: 'isTrusted', label: 'Mark as trusted location', shape: 'flag', word: text },
  { path: 'ipRanges', label: 'IP ranges', shape: 'set', word: text },
  { path: 'countryLookupMethod', label: 'Countries › Lookup', shape: 'value', word: term(COUNTRY_LOOKUP_METHODS), none: 'none' },
  { path: 'countriesAndRegions', label: 'Countries › Countries/Regions', shape: 'set', word: text },
  { path: 'includeUnknownCountriesAndRegions', label: 'Countries › Include unknown countries/regions', shape: 'flag', word: text },
];

/** Fields provider 3.7.0 cannot express (the normal form's `other`), and unknown location shapes. */
const OTHER = 'other';

function fieldsOf(kind: string): readonly Field[] {
  return kind === 'namedLocation' ? LOCATION_FIELDS : POLICY_FIELDS;
}

function at(form: unknown, path: string): unknown {
  let v: unknown = form;
  for (const key of path.split('.')) {
    if (!isObject(v)) return undefined;
    v = v[key];
  }
  return v;
}

/** A field's value in a form: an absent set is empty, an absent flag false, an absent value null. */
function valueOf(form: unknown, f: Field): unknown {
  const v = at(form, f.path);
  if (f.shape === 'set') return Array.isArray(v) ? v : f.absent ?? [];
  if (f.shape === 'flag') return v === true;
  return v === undefined || v === null ? f.absent ?? null : v;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Whether a list value stands for everything ("All", "all"): a change to or from it reads as a whole. */
const isAll = (values: unknown[]): boolean => values.some((v) => typeof v === 'string' && v.toLowerCase() === 'all');

function words(f: Field, value: unknown, name: NameId): string {
  if (f.shape === 'flag') return value ? 'yes' : 'no';
  if (f.shape === 'set') {
    const list = value as unknown[];
    return list.length === 0 ? 'none' : list.map((v) => f.word(v, name)).join(', ');
  }
  return value === null ? f.none ?? 'none' : f.word(value, name);
}

/** Whether a value holds a Terraform expression, known only at apply time. */
function atApply(value: unknown): boolean {
  return typeof value === 'string' ? isExpression(value) : JSON.stringify(value ?? null).includes('${');
}

/**
 * The differences between the tenant's object and the stack's, field by field (both in normal form,
 * of the same kind): what applying the stack changes.
 */
export function changesBetween(kind: string, tenant: Json, stack: Json, name: NameId): WordedChange[] {
  const out: WordedChange[] = [];
  for (const f of fieldsOf(kind)) {
    if (f.whenBoth && (!isObject(at(tenant, f.whenBoth)) || !isObject(at(stack, f.whenBoth)))) continue;
    const before = valueOf(tenant, f);
    const after = valueOf(stack, f);
    if (same(before, after)) continue;
    if (f.shape === 'set' && !isAll(before as unknown[]) && !isAll(after as unknown[])) {
      const added = (after as unknown[]).filter((v) => !(before as unknown[]).some((b) => same(b, v)));
      const removed = (before as unknown[]).filter((v) => !(after as unknown[]).some((a) => same(a, v)));
      const addedWords = added.map((v) => f.word(v, name));
      const removedWords = removed.map((v) => f.word(v, name));
      const parts = [...addedWords.map((w) => `+ ${w}`), ...removedWords.map((w) => `− ${w}`)];
      out.push({
        path: f.path,
        field: f.label,
        added: addedWords,
        removed: removedWords,
        text: `${f.label}: ${parts.join(', ')}`,
        knownAtApply: [...added, ...removed].some(atApply),
      });
      continue;
    }
    const from = words(f, before, name);
    const to = words(f, after, name);
    out.push({ path: f.path, field: f.label, added: [], removed: [], before: from, after: to, text: `${f.label}: ${from} → ${to}`, knownAtApply: atApply(before) || atApply(after) });
  }
  out.push(...otherChanges(tenant, stack));
  return out;
}

/** Every field of a new (or removed) object that is not Graph's default, as `Field: value` lines. */
export function describe(kind: string, form: Json, name: NameId): WordedChange[] {
  const out: WordedChange[] = [];
  for (const f of fieldsOf(kind)) {
    if (f.path === 'displayName' || (f.whenBoth && !isObject(at(form, f.whenBoth)))) continue;
    const v = valueOf(form, f);
    const empty = f.shape === 'set' ? (v as unknown[]).length === 0 : f.shape === 'flag' ? v === false : v === null;
    if (empty || (f.absent !== undefined && same(v, f.absent))) continue;
    const w = words(f, v, name);
    out.push({
      path: f.path,
      field: f.label,
      added: f.shape === 'set' ? (v as unknown[]).map((x) => f.word(x, name)) : [],
      removed: [],
      after: f.shape === 'set' ? undefined : w,
      text: `${f.label}: ${w}`,
      knownAtApply: atApply(v),
    });
  }
  const other = isObject(form[OTHER]) ? form[OTHER] : {};
  for (const [path, value] of Object.entries(other)) {
    out.push({ path: `${OTHER}.${path}`, field: otherLabel(path), added: [], removed: [], after: JSON.stringify(value), text: `${otherLabel(path)}: ${JSON.stringify(value)}`, knownAtApply: false });
  }
  return out;
}

function otherLabel(path: string): string {
  return `${path} (not expressible with azuread provider 3.7.0)`;
}

/** Differences in the fields the normal form keeps as they are (`other`): what provider 3.7.0 cannot set. */
function otherChanges(tenant: Json, stack: Json): WordedChange[] {
  const before = isObject(tenant[OTHER]) ? tenant[OTHER] : {};
  const after = isObject(stack[OTHER]) ? stack[OTHER] : {};
  const out: WordedChange[] = [];
  for (const path of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (same(before[path], after[path])) continue;
    const from = path in before ? JSON.stringify(before[path]) : 'none';
    const to = path in after ? JSON.stringify(after[path]) : 'none';
    out.push({ path: `${OTHER}.${path}`, field: otherLabel(path), added: [], removed: [], before: from, after: to, text: `${otherLabel(path)}: ${from} → ${to}`, knownAtApply: false });
  }
  return out;
}
