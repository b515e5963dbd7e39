/* eslint-disable @stylistic/max-len */
/**
 * Graph JSON (v1.0 or beta, after `graph-reader` normalised its keys) → the policy model, in the
 * terms azuread provider 3.7.0 sends (the same model `terraform-parser` reads from Terraform JSON).
 * Every field is either converted, reported (with its JSON path), or one of the documented silent
 * normalisations: annotations, read-only fields (`id` is kept for adoption), the read side of the
 * `authenticationStrength` navigation property, GUID letter case, and the defaults Graph and the
 * provider fill in (`clientAppTypes: ["all"]`, the sign-in frequency's authentication type and
 * interval, `countryLookupMethod: clientIpAddress`, `isTrusted: false`). Internal module.
 */
import * as ipaddr from 'ipaddr.js';
import { inexpressibleField, inexpressibleLocationType, inexpressibleRangeType, inexpressibleValue } from './expressibility';
import { odataType, GraphObject } from './graph-reader';
import { findingValue, ImportFinding, ImportFindingKind, LossCategory } from './import-finding';
import { classifyId, FillIns, ID_KINDS, IdKind } from './placeholders';
import {
  ConditionsModel,
  FilterModel,
  GrantControlsModel,
  GuestsOrExternalUsersModel,
  NamedLocationModel,
  PolicyModel,
  SessionControlsModel,
  SignInFrequencyModel,
  UsersConditionModel,
} from '../model/model';
import { isCountryCode } from '../private/country-codes';
import { isObject, Json } from '../private/json';
import { isGuid } from '../private/validation';
import { TRANSFER_METHODS } from '../vocabulary/authentication-flows';
import { AUTHENTICATION_STRENGTH_PATH } from '../vocabulary/authentication-strengths';
import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';
import { FILTER_MODES } from '../vocabulary/filters';
import { BUILT_IN_CONTROLS, GRANT_OPERATORS } from '../vocabulary/grant-controls';
import { EXTERNAL_TENANTS_MEMBERSHIP_KINDS, GUEST_OR_EXTERNAL_USER_TYPES } from '../vocabulary/guest-types';
import { COUNTRY_LOOKUP_METHODS, SPECIAL_LOCATIONS } from '../vocabulary/named-locations';
import { POLICY_STATES } from '../vocabulary/policy-states';
import { INSIDER_RISK_LEVELS, RISK_LEVELS, SERVICE_PRINCIPAL_RISK_LEVELS } from '../vocabulary/risk-levels';
import {
  CLOUD_APP_SECURITY_TYPES,
  PERSISTENT_BROWSER_MODES,
  SIGN_IN_FREQUENCY_AUTHENTICATION_TYPES,
  SIGN_IN_FREQUENCY_INTERVALS,
  SIGN_IN_FREQUENCY_PERIODS,
} from '../vocabulary/session-controls';
import { SPECIAL_APPLICATIONS, SPECIAL_SERVICE_PRINCIPALS, SPECIAL_USERS } from '../vocabulary/special-values';
import { USER_ACTIONS } from '../vocabulary/user-actions';
import { Vocabulary } from '../vocabulary/vocabulary';

/** Fields of every Graph object that are server-set or read-only: not imported, not reported. */
const READ_ONLY = new Set(['id', 'createdDateTime', 'modifiedDateTime', 'deletedDateTime', 'templateId', '@odata.type']);

/** One converted object, with what the conversion found. */
export interface ConvertedObject<T> {
  readonly source: string;
  readonly displayName: string;
  /** The Graph id (lower case), when the input has one. */
  readonly id?: string;
  /** The model; undefined when the object cannot be converted at all. */
  readonly model?: T;
  readonly findings: ImportFinding[];
  /** A condition was lost or is invalid (converting would broaden the policy). */
  readonly lostCondition: boolean;
  /** Why the object is not converted whatever the options; undefined when it can be. */
  readonly blocker?: string;
  /** The display name of the authentication strength the export embedded, for a comment. */
  readonly strengthName?: string;
  /** Descriptions some exports give IP ranges (not Graph), by canonical range, for comments. */
  readonly rangeNotes?: { readonly [cidr: string]: string };
}

/** The model address of an object read from Graph JSON. */
export function graphAddress(source: string): string {
  return `graph:${source}`;
}

/** Shared state of one import. */
export interface ConversionContext {
  readonly fillIns: FillIns;
}

/** Converts one policy. */
export function convertPolicy(obj: GraphObject, ctx: ConversionContext): ConvertedObject<PolicyModel> {
  return new PolicyReader(obj, ctx).read();
}

/** Converts one named location. */
export function convertNamedLocation(obj: GraphObject, ctx: ConversionContext): ConvertedObject<NamedLocationModel> {
  return new LocationReader(obj, ctx).read();
}

/** What an object reader shares: findings, paths, typed reads. */
abstract class ObjectReader {
  public readonly findings: ImportFinding[] = [];
  protected lostCondition = false;
  protected lostControl = false;
  protected blocker?: string;
  protected readonly displayName: string;
  protected readonly json: Json;

  constructor(protected readonly obj: GraphObject, protected readonly ctx: ConversionContext) {
    this.json = obj.json;
    this.displayName = typeof obj.json.displayName === 'string' ? obj.json.displayName : '';
  }

  protected report(kind: ImportFindingKind, path: string, value: unknown, message: string, extra: { category?: LossCategory; fillIn?: string } = {}): void {
    this.findings.push({
      kind,
      source: this.obj.source,
      displayName: this.displayName || undefined,
      path,
      value: value === undefined ? undefined : findingValue(value),
      message,
      ...extra,
    });
    if (kind === ImportFindingKind.INEXPRESSIBLE || kind === ImportFindingKind.INVALID) {
      if (extra.category === LossCategory.CONDITION) this.lostCondition = true;
      if (extra.category === LossCategory.CONTROL) this.lostControl = true;
      if (extra.category === LossCategory.PROPERTY && kind === ImportFindingKind.INVALID) this.blocker ??= `${path}: ${message}`;
    }
  }

  /** The category of what a path belongs to. */
  protected categoryOf(path: string): LossCategory {
    if (path.startsWith('conditions')) return LossCategory.CONDITION;
    if (path.startsWith('grantControls') || path.startsWith('sessionControls')) return LossCategory.CONTROL;
    return LossCategory.PROPERTY;
  }

  /** Reports the keys of `node` no reader handled: inexpressible fields, invalid or non-Graph keys. */
  protected rest(node: Json, handled: readonly string[], path: string): void {
    for (const [key, value] of Object.entries(node)) {
      if (handled.includes(key) || READ_ONLY.has(key)) continue;
      const p = path ? `${path}.${key}` : key;
      if (isEmpty(value)) continue;
      const table = inexpressibleField(p.replace(/\[\d+\]/g, ''));
      if (table) {
        this.report(ImportFindingKind.INEXPRESSIBLE, p, value, `${table.feature}: provider 3.7.0 cannot express it${lossText(table.category)}`, { category: table.category });
      } else if (path === '' || !['conditions', 'grantControls', 'sessionControls'].some((s) => p.startsWith(`${s}.`))) {
        this.report(ImportFindingKind.NOT_GRAPH, p, value, 'is not a Graph v1.0 property; it is not imported');
      } else {
        const category = this.categoryOf(p);
        this.report(ImportFindingKind.INEXPRESSIBLE, p, value, `is not a property provider 3.7.0 knows${lossText(category)}`, { category });
      }
    }
  }

  /** A string field (null or absent: undefined); anything else is invalid. */
  protected str(node: Json, key: string, path: string): string | undefined {
    const v = node[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    this.report(ImportFindingKind.INVALID, join(path, key), v, 'is not a string', { category: this.categoryOf(join(path, key)) });
    return undefined;
  }

  /** A boolean field: true, false, or undefined when absent or null. */
  protected bool(node: Json, key: string, path: string): boolean | undefined {
    const v = node[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'True') return true;
    if (v === 'false' || v === 'False') return false;
    this.report(ImportFindingKind.INVALID, join(path, key), v, 'is not true or false', { category: this.categoryOf(join(path, key)) });
    return undefined;
  }

  /** A list of strings; a comma-joined string (Graph's flags enums) when `flags`. */
  protected strings(node: Json, key: string, path: string, flags = false): string[] {
    const v = node[key];
    const p = join(path, key);
    if (v === undefined || v === null) return [];
    if (typeof v === 'string') {
      if (flags) return v.split(',').map((s) => s.trim()).filter((s) => s !== '');
      return v.trim() === '' ? [] : [v];
    }
    if (!Array.isArray(v)) {
      this.report(ImportFindingKind.INVALID, p, v, 'is not a list', { category: this.categoryOf(p) });
      return [];
    }
    const out: string[] = [];
    v.forEach((x, i) => {
      if (typeof x === 'string') out.push(...(flags ? x.split(',').map((s) => s.trim()).filter((s) => s !== '') : [x]));
      else if (x !== null) this.report(ImportFindingKind.INVALID, `${p}[${i}]`, x, 'is not a string', { category: this.categoryOf(p) });
    });
    return out;
  }

  /**
   * Values of a vocabulary: known values kept (their canonical case), values provider 3.7.0 rejects
   * and unknown values reported.
   */
  protected vocab(values: string[], vocabulary: Vocabulary, path: string): string[] {
    const out: string[] = [];
    const category = this.categoryOf(path);
    for (const v of values) {
      const table = inexpressibleValue(path.replace(/\[\d+\]/g, ''), v);
      if (table) {
        this.report(ImportFindingKind.INEXPRESSIBLE, path, v, `${table.feature}: provider 3.7.0 cannot express it${lossText(table.category)}`, { category: table.category });
        continue;
      }
      const term = vocabulary.byValue(v) ?? vocabulary.byValueIgnoringCase(v);
      if (!term || term.policy === false) {
        const known = vocabulary.providerValues.map((x) => `'${x}'`).join(', ');
        this.report(ImportFindingKind.INVALID, path, v, `is not a ${vocabulary.name} a policy takes (provider 3.7.0 accepts ${known})${lossText(category)}`, { category });
        continue;
      }
      if (!vocabulary.isProviderValue(term.value)) {
        this.report(ImportFindingKind.INEXPRESSIBLE, path, v, `${term.label}: provider 3.7.0 does not accept '${term.value}'${lossText(category)}`, { category });
        continue;
      }
      if (term.value !== v) this.report(ImportFindingKind.NORMALISED, path, v, `written as '${term.value}' (Graph's case; provider 3.7.0 compares case-sensitively)`);
      if (!out.includes(term.value)) out.push(term.value);
    }
    return out;
  }

  /** One vocabulary value (or undefined). */
  protected vocabOne(node: Json, key: string, vocabulary: Vocabulary, path: string): string | undefined {
    const v = this.str(node, key, path);
    if (v === undefined || v === '') return undefined;
    return this.vocab([v], vocabulary, join(path, key))[0];
  }

  /**
   * Ids of `kind`, with the special values of `specials`: GUIDs lower-cased, names of roles and
   * well-known applications resolved, placeholders and display names made `FILL_IN` entries.
   */
  protected ids(node: Json, key: string, path: string, kind: IdKind, specials?: Vocabulary): string[] {
    const p = join(path, key);
    const out: string[] = [];
    this.strings(node, key, path).forEach((raw, i) => {
      const at = `${p}[${i}]`;
      const table = inexpressibleValue(p, raw);
      if (table) {
        this.report(ImportFindingKind.INEXPRESSIBLE, at, raw, `${table.feature}: provider 3.7.0 cannot express it${lossText(table.category)}`, { category: table.category });
        return;
      }
      const special = specials?.byValue(raw) ?? specials?.byValueIgnoringCase(raw);
      if (special) {
        if (special.value !== raw) this.report(ImportFindingKind.NORMALISED, at, raw, `written as '${special.value}'`);
        out.push(special.value);
        return;
      }
      const c = classifyId(kind, raw);
      if (c.kind === 'id') {
        out.push(c.value);
      } else if (c.kind === 'resolved') {
        this.report(ImportFindingKind.NORMALISED, at, raw, `is the name '${c.label}'; written as its id ${c.value}`);
        out.push(c.value);
      } else {
        const fill = this.ctx.fillIns.use(kind, raw, c.what, { source: this.obj.source, displayName: this.displayName || undefined, path: at });
        this.report(ImportFindingKind.PLACEHOLDER, at, raw,
          `is ${c.what}, not ${ID_KINDS[kind].noun}; fill in FILL_IN.${fill.name} in the generated module`, { fillIn: fill.name });
        out.push(fill.value);
      }
    });
    return [...new Set(out)];
  }

  /**
   * An object field: the object, undefined for null/absent, reported when it is something else. An empty array is
   * absent too: exports written by scripts hold `"locations": []` where Graph has `null` (seen in published policies).
   */
  protected object(node: Json, key: string, path: string): Json | undefined {
    const v = node[key];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return undefined;
    if (isObject(v)) return v;
    this.report(ImportFindingKind.INVALID, join(path, key), v, 'is not an object', { category: this.categoryOf(join(path, key)) });
    return undefined;
  }

  protected id(): string | undefined {
    const id = this.json.id;
    return typeof id === 'string' && isGuid(id) ? id.toLowerCase() : undefined;
  }
}

class PolicyReader extends ObjectReader {
  private strengthName?: string;

  public read(): ConvertedObject<PolicyModel> {
    const j = this.json;
    this.rest(j, ['displayName', 'state', 'conditions', 'grantControls', 'sessionControls'], '');
    if (this.displayName.trim() === '') {
      this.report(ImportFindingKind.INVALID, 'displayName', j.displayName, 'is missing or empty; Graph requires a display name', { category: LossCategory.PROPERTY });
    }
    const state = this.vocabOne(j, 'state', POLICY_STATES, '');
    if (!state) {
      this.report(ImportFindingKind.INVALID, 'state', j.state, `is missing or not a policy state (${POLICY_STATES.providerValues.join(', ')})`, { category: LossCategory.PROPERTY });
    }
    const c = this.object(j, 'conditions', '');
    if (!c) this.report(ImportFindingKind.INVALID, 'conditions', j.conditions, 'is missing; Graph requires conditions', { category: LossCategory.PROPERTY });
    const conditions = this.conditions(c ?? {});
    const grantControls = this.grant(this.object(j, 'grantControls', ''));
    const sessionControls = this.session(this.object(j, 'sessionControls', ''), conditions);
    if (!grantControls && !sessionControls && !this.blocker) {
      this.blocker = this.lostControl
        ? 'no grant or session control provider 3.7.0 can express remains'
        : 'has no grant or session control';
    }
    const model: PolicyModel = {
      address: graphAddress(this.obj.source),
      id: this.id(),
      displayName: this.displayName,
      state: state ?? '',
      conditions,
      grantControls,
      sessionControls,
    };
    return {
      source: this.obj.source,
      displayName: this.displayName,
      id: model.id,
      model,
      findings: this.findings,
      lostCondition: this.lostCondition,
      blocker: this.blocker,
      strengthName: this.strengthName,
    };
  }

  private conditions(c: Json): ConditionsModel {
    const path = 'conditions';
    this.rest(c, ['users', 'applications', 'clientApplications', 'clientAppTypes', 'platforms', 'locations', 'devices',
      'signInRiskLevels', 'userRiskLevels', 'servicePrincipalRiskLevels', 'insiderRiskLevels', 'authenticationFlows'], path);
    const usersJson = this.object(c, 'users', path);
    const clientApplications = this.clientApplications(this.object(c, 'clientApplications', path));
    if (!usersJson && !clientApplications) {
      this.report(ImportFindingKind.NORMALISED, 'conditions.users', c.users ?? null, "is empty; written as includeUsers ['None'] (provider 3.7.0 requires a users block)");
    }
    const appsJson = this.object(c, 'applications', path) ?? {};
    const applications = this.applications(appsJson);
    let clientAppTypes = this.vocab(this.strings(c, 'clientAppTypes', path), CLIENT_APP_TYPES, 'conditions.clientAppTypes');
    if (clientAppTypes.includes('all') && clientAppTypes.length > 1) {
      this.report(ImportFindingKind.NORMALISED, 'conditions.clientAppTypes', c.clientAppTypes, "holds 'all' and other types; written as ['all'], which covers them");
      clientAppTypes = ['all'];
    }
    const insider = this.vocab(this.strings(c, 'insiderRiskLevels', path, true), INSIDER_RISK_LEVELS, 'conditions.insiderRiskLevels');
    if (insider.length > 1) {
      this.report(ImportFindingKind.INEXPRESSIBLE, 'conditions.insiderRiskLevels', c.insiderRiskLevels,
        `provider 3.7.0 takes one insider risk level, not ${insider.length}${lossText(LossCategory.CONDITION)}`, { category: LossCategory.CONDITION });
    }
    const flows = this.object(c, 'authenticationFlows', path);
    if (flows) this.rest(flows, ['transferMethods'], 'conditions.authenticationFlows');
    return {
      users: usersJson ? this.users(usersJson) : undefined,
      applications,
      clientApplications,
      clientAppTypes: clientAppTypes.length > 0 ? clientAppTypes : ['all'],
      platforms: this.includeExclude(this.object(c, 'platforms', path), 'conditions.platforms', 'Platforms', (node, key, p) => this.vocab(this.strings(node, key, p), DEVICE_PLATFORMS, join(p, key)), (include, exclude) => ({ includePlatforms: include, excludePlatforms: exclude })),
      locations: this.includeExclude(this.object(c, 'locations', path), 'conditions.locations', 'Locations', (node, key, p) => this.ids(node, key, p, 'namedLocation', SPECIAL_LOCATIONS), (include, exclude) => ({ includeLocations: include, excludeLocations: exclude })),
      deviceFilter: this.devices(this.object(c, 'devices', path)),
      signInRiskLevels: this.vocab(this.strings(c, 'signInRiskLevels', path), RISK_LEVELS, 'conditions.signInRiskLevels'),
      userRiskLevels: this.vocab(this.strings(c, 'userRiskLevels', path), RISK_LEVELS, 'conditions.userRiskLevels'),
      servicePrincipalRiskLevels: this.vocab(this.strings(c, 'servicePrincipalRiskLevels', path), SERVICE_PRINCIPAL_RISK_LEVELS, 'conditions.servicePrincipalRiskLevels'),
      insiderRiskLevels: insider.slice(0, 1),
      transferMethods: flows ? this.vocab(this.strings(flows, 'transferMethods', 'conditions.authenticationFlows', true), TRANSFER_METHODS, 'conditions.authenticationFlows.transferMethods') : [],
    };
  }

  private includeExclude<T>(node: Json | undefined, path: string, _what: string, read: (node: Json, key: string, path: string) => string[], make: (include: string[], exclude: string[]) => T): T | undefined {
    if (!node) return undefined;
    const [includeKey, excludeKey] = path.endsWith('platforms') ? ['includePlatforms', 'excludePlatforms'] : ['includeLocations', 'excludeLocations'];
    this.rest(node, [includeKey, excludeKey], path);
    const include = read(node, includeKey, path);
    const exclude = read(node, excludeKey, path);
    if (include.length === 0 && exclude.length === 0) return undefined;
    return make(include, exclude);
  }

  private users(u: Json): UsersConditionModel {
    const path = 'conditions.users';
    this.rest(u, ['includeUsers', 'excludeUsers', 'includeGroups', 'excludeGroups', 'includeRoles', 'excludeRoles', 'includeGuestsOrExternalUsers', 'excludeGuestsOrExternalUsers'], path);
    return {
      includeUsers: this.ids(u, 'includeUsers', path, 'user', SPECIAL_USERS),
      excludeUsers: this.ids(u, 'excludeUsers', path, 'user', EXCLUDABLE_USERS),
      includeGroups: this.ids(u, 'includeGroups', path, 'group'),
      excludeGroups: this.ids(u, 'excludeGroups', path, 'group'),
      includeRoles: this.ids(u, 'includeRoles', path, 'role'),
      excludeRoles: this.ids(u, 'excludeRoles', path, 'role'),
      includeGuestsOrExternalUsers: this.guests(this.object(u, 'includeGuestsOrExternalUsers', path), `${path}.includeGuestsOrExternalUsers`),
      excludeGuestsOrExternalUsers: this.guests(this.object(u, 'excludeGuestsOrExternalUsers', path), `${path}.excludeGuestsOrExternalUsers`),
    };
  }

  private guests(g: Json | undefined, path: string): GuestsOrExternalUsersModel | undefined {
    if (!g) return undefined;
    this.rest(g, ['guestOrExternalUserTypes', 'externalTenants'], path);
    const types = this.vocab(this.strings(g, 'guestOrExternalUserTypes', path, true), GUEST_OR_EXTERNAL_USER_TYPES, `${path}.guestOrExternalUserTypes`);
    const tenants = this.object(g, 'externalTenants', path);
    let kind = 'all';
    let members: string[] = [];
    if (tenants) {
      const tp = `${path}.externalTenants`;
      this.rest(tenants, ['membershipKind', 'members'], tp);
      const t = odataType(tenants);
      kind = this.vocabOne(tenants, 'membershipKind', EXTERNAL_TENANTS_MEMBERSHIP_KINDS, tp)
        ?? (t.includes('enumerated') ? 'enumerated' : 'all');
      members = this.ids(tenants, 'members', tp, 'tenant');
      if (kind === 'all' && members.length > 0) {
        this.report(ImportFindingKind.INVALID, `${tp}.members`, tenants.members, "is set with membershipKind 'all'; Graph ignores it and provider 3.7.0 drops it", { category: LossCategory.CONDITION });
        members = [];
      }
    }
    if (types.length === 0) {
      this.report(ImportFindingKind.INVALID, `${path}.guestOrExternalUserTypes`, g.guestOrExternalUserTypes, 'names no guest or external user type', { category: LossCategory.CONDITION });
      return undefined;
    }
    const order = (v: string): number => GUEST_OR_EXTERNAL_USER_TYPES.terms.findIndex((t) => t.value === v);
    return { guestOrExternalUserTypes: [...types].sort((a, b) => order(a) - order(b)), membershipKind: kind, members };
  }

  private applications(a: Json): ConditionsModel['applications'] {
    const path = 'conditions.applications';
    this.rest(a, ['includeApplications', 'excludeApplications', 'includeUserActions'], path);
    const actions = this.strings(a, 'includeUserActions', path).map((v, i) => {
      const term = USER_ACTIONS.byValue(v) ?? USER_ACTIONS.byValueIgnoringCase(v);
      if (term && term.value !== v) this.report(ImportFindingKind.NORMALISED, `${path}.includeUserActions[${i}]`, v, `written as '${term.value}'`);
      return term?.value ?? v;
    });
    return {
      includeApplications: this.ids(a, 'includeApplications', path, 'application', SPECIAL_APPLICATIONS),
      excludeApplications: this.ids(a, 'excludeApplications', path, 'application', SPECIAL_APPLICATIONS),
      includeUserActions: [...new Set(actions)],
    };
  }

  private clientApplications(c: Json | undefined): ConditionsModel['clientApplications'] {
    if (!c) return undefined;
    const path = 'conditions.clientApplications';
    this.rest(c, ['includeServicePrincipals', 'excludeServicePrincipals', 'servicePrincipalFilter'], path);
    const include = this.ids(c, 'includeServicePrincipals', path, 'servicePrincipal', SPECIAL_SERVICE_PRINCIPALS);
    const exclude = this.ids(c, 'excludeServicePrincipals', path, 'servicePrincipal');
    const filter = this.filter(this.object(c, 'servicePrincipalFilter', path), `${path}.servicePrincipalFilter`);
    if (include.length === 0 && exclude.length === 0 && !filter) return undefined;
    return { includeServicePrincipals: include, excludeServicePrincipals: exclude, servicePrincipalFilter: filter };
  }

  private devices(d: Json | undefined): FilterModel | undefined {
    if (!d) return undefined;
    const path = 'conditions.devices';
    this.rest(d, ['deviceFilter'], path);
    return this.filter(this.object(d, 'deviceFilter', path), `${path}.deviceFilter`);
  }

  private filter(f: Json | undefined, path: string): FilterModel | undefined {
    if (!f) return undefined;
    this.rest(f, ['mode', 'rule'], path);
    const mode = this.vocabOne(f, 'mode', FILTER_MODES, path);
    const rule = this.str(f, 'rule', path);
    if (!mode || !rule || rule.trim() === '') {
      this.report(ImportFindingKind.INVALID, path, f, 'needs a mode (include or exclude) and a rule', { category: LossCategory.CONDITION });
      return undefined;
    }
    return { mode, rule };
  }

  private grant(g: Json | undefined): GrantControlsModel | undefined {
    if (!g) return undefined;
    const path = 'grantControls';
    this.rest(g, ['operator', 'builtInControls', 'customAuthenticationFactors', 'termsOfUse', 'authenticationStrength'], path);
    const builtIns = this.vocab(this.strings(g, 'builtInControls', path), BUILT_IN_CONTROLS, 'grantControls.builtInControls');
    const termsOfUse = this.ids(g, 'termsOfUse', path, 'termsOfUse');
    const factors = this.strings(g, 'customAuthenticationFactors', path);
    const strengthJson = this.object(g, 'authenticationStrength', path);
    let strength: { id: string } | undefined;
    if (strengthJson) {
      // The read side of a navigation property: only the id is the policy's; the rest describes the strength.
      const raw = this.str(strengthJson, 'id', `${path}.authenticationStrength`);
      if (typeof strengthJson.displayName === 'string') this.strengthName = strengthJson.displayName;
      if (raw) {
        const bare = raw.startsWith(AUTHENTICATION_STRENGTH_PATH) ? raw.slice(AUTHENTICATION_STRENGTH_PATH.length) : raw.replace(/^policies\/authenticationStrengthPolicies\//, '');
        const ids = this.ids({ id: [bare] }, 'id', `${path}.authenticationStrength`, 'authenticationStrength');
        if (ids[0]) strength = { id: `${AUTHENTICATION_STRENGTH_PATH}${ids[0]}` };
      }
    }
    if (builtIns.length === 0 && !strength && termsOfUse.length === 0 && factors.length === 0) return undefined;
    const operator = this.vocabOne(g, 'operator', GRANT_OPERATORS, path) ?? 'OR';
    if (g.operator === undefined || g.operator === null) this.report(ImportFindingKind.NORMALISED, 'grantControls.operator', null, "is missing; written as 'OR'");
    return { operator, builtInControls: builtIns, authenticationStrength: strength, termsOfUse, customAuthenticationFactors: factors };
  }

  private session(s: Json | undefined, conditions: ConditionsModel): SessionControlsModel | undefined {
    void conditions;
    if (!s) return undefined;
    const path = 'sessionControls';
    this.rest(s, ['applicationEnforcedRestrictions', 'cloudAppSecurity', 'persistentBrowser', 'signInFrequency', 'disableResilienceDefaults'], path);
    const enabled = (o: Json | undefined, p: string, fields: string[]): Json | undefined => {
      if (!o) return undefined;
      this.rest(o, ['isEnabled', ...fields], p);
      return o.isEnabled === false ? undefined : o;
    };
    const aer = enabled(this.object(s, 'applicationEnforcedRestrictions', path), `${path}.applicationEnforcedRestrictions`, []);
    const aerOn = aer ? aer.isEnabled === true : false;
    const cas = enabled(this.object(s, 'cloudAppSecurity', path), `${path}.cloudAppSecurity`, ['cloudAppSecurityType']);
    const casType = cas ? this.vocabOne(cas, 'cloudAppSecurityType', CLOUD_APP_SECURITY_TYPES, `${path}.cloudAppSecurity`) : undefined;
    const pb = enabled(this.object(s, 'persistentBrowser', path), `${path}.persistentBrowser`, ['mode']);
    const pbMode = pb ? this.vocabOne(pb, 'mode', PERSISTENT_BROWSER_MODES, `${path}.persistentBrowser`) : undefined;
    const sif = this.signInFrequency(enabled(this.object(s, 'signInFrequency', path), `${path}.signInFrequency`, ['type', 'value', 'authenticationType', 'frequencyInterval']));
    let drd = this.bool(s, 'disableResilienceDefaults', path) === true;
    let aerKept = aerOn;
    if (sif?.frequencyInterval === 'everyTime') {
      // Provider 3.7.0 omits both with "every time" (its issue #1225): they would be lost silently.
      if (aerOn) {
        this.report(ImportFindingKind.INEXPRESSIBLE, `${path}.applicationEnforcedRestrictions`, s.applicationEnforcedRestrictions,
          `provider 3.7.0 does not send app enforced restrictions with sign-in frequency "every time" (its issue #1225)${lossText(LossCategory.CONTROL)}`, { category: LossCategory.CONTROL });
        aerKept = false;
      }
      if (drd) {
        this.report(ImportFindingKind.INEXPRESSIBLE, `${path}.disableResilienceDefaults`, true,
          `provider 3.7.0 does not send disableResilienceDefaults with sign-in frequency "every time" (its issue #1225)${lossText(LossCategory.CONTROL)}`, { category: LossCategory.CONTROL });
        drd = false;
      }
    }
    if (!aerKept && !casType && !pbMode && !sif && !drd) return undefined;
    return {
      applicationEnforcedRestrictions: aerKept ? true : undefined,
      cloudAppSecurityType: casType,
      persistentBrowserMode: pbMode,
      signInFrequency: sif,
      disableResilienceDefaults: drd ? true : undefined,
    };
  }

  private signInFrequency(f: Json | undefined): SignInFrequencyModel | undefined {
    if (!f) return undefined;
    const path = 'sessionControls.signInFrequency';
    const interval = this.vocabOne(f, 'frequencyInterval', SIGN_IN_FREQUENCY_INTERVALS, path) ?? 'timeBased';
    const authenticationType = this.vocabOne(f, 'authenticationType', SIGN_IN_FREQUENCY_AUTHENTICATION_TYPES, path) ?? 'primaryAndSecondaryAuthentication';
    if (interval === 'everyTime') {
      if (f.value !== undefined && f.value !== null) this.report(ImportFindingKind.NORMALISED, `${path}.value`, f.value, 'is ignored with frequencyInterval everyTime');
      return { isEnabled: true, authenticationType, frequencyInterval: 'everyTime' };
    }
    const type = this.vocabOne(f, 'type', SIGN_IN_FREQUENCY_PERIODS, path);
    const value = typeof f.value === 'number' ? f.value : typeof f.value === 'string' && /^\d+$/.test(f.value) ? Number(f.value) : undefined;
    if (!type || value === undefined || value <= 0) {
      this.report(ImportFindingKind.INVALID, path, f, 'needs a type (hours or days) and a positive value, or frequencyInterval everyTime', { category: LossCategory.CONTROL });
      return undefined;
    }
    return { isEnabled: true, type, value, authenticationType, frequencyInterval: 'timeBased' };
  }
}

/** `excludeUsers` takes only this special value. */
const EXCLUDABLE_USERS = new Vocabulary('excluded user value', { GUESTS_OR_EXTERNAL_USERS: SPECIAL_USERS.term('GUESTS_OR_EXTERNAL_USERS') });

class LocationReader extends ObjectReader {
  private readonly rangeNotes: { [cidr: string]: string } = {};

  public read(): ConvertedObject<NamedLocationModel> {
    const j = this.json;
    const type = odataType(j);
    const done = (model?: NamedLocationModel): ConvertedObject<NamedLocationModel> => ({
      source: this.obj.source,
      displayName: this.displayName,
      id: this.id(),
      model,
      findings: this.findings,
      lostCondition: false,
      blocker: this.blocker,
      rangeNotes: this.rangeNotes,
    });
    const unsupported = type ? inexpressibleLocationType(type) : undefined;
    if (unsupported || 'compliantNetworkType' in j) {
      const feature = unsupported?.feature ?? 'compliant network location (Global Secure Access)';
      this.report(ImportFindingKind.INEXPRESSIBLE, '@odata.type', j['@odata.type'] ?? 'compliantNetworkNamedLocation', `${feature}: provider 3.7.0 cannot create it; policies can still name it by id`, { category: LossCategory.PROPERTY });
      this.blocker = `${feature} cannot be expressed`;
      return done();
    }
    const hint = typeof j.locationType === 'string' ? j.locationType.toLowerCase() : '';
    const kind = type === 'ipnamedlocation' || hint === 'ipnamedlocation' || (!type && 'ipRanges' in j) ? 'ip'
      : type === 'countrynamedlocation' || hint === 'countrynamedlocation' || (!type && 'countriesAndRegions' in j) ? 'country' : 'unknown';
    if (this.displayName.trim() === '') {
      this.report(ImportFindingKind.INVALID, 'displayName', j.displayName, 'is missing or empty; Graph requires a display name', { category: LossCategory.PROPERTY });
    }
    if (kind === 'ip') {
      this.rest(j, ['displayName', 'isTrusted', 'ipRanges', 'locationType'], '');
      const ranges = this.ranges();
      if (ranges.length === 0 && !this.blocker) this.blocker = 'has no IP range provider 3.7.0 can express';
      return done({
        address: graphAddress(this.obj.source),
        id: this.id(),
        displayName: this.displayName,
        kind: 'ip',
        ipRanges: ranges,
        isTrusted: this.bool(j, 'isTrusted', '') === true,
        countriesAndRegions: [],
        includeUnknownCountriesAndRegions: false,
        countryLookupMethod: 'clientIpAddress',
      });
    }
    if (kind === 'country') {
      this.rest(j, ['displayName', 'countriesAndRegions', 'includeUnknownCountriesAndRegions', 'countryLookupMethod', 'locationType', 'isTrusted'], '');
      if (j.isTrusted === true) this.report(ImportFindingKind.INVALID, 'isTrusted', true, 'Graph has no trusted country locations; it is not imported', { category: LossCategory.PROPERTY });
      const countries: string[] = [];
      this.strings(j, 'countriesAndRegions', '').forEach((c, i) => {
        const code = c.trim().toUpperCase();
        if (!isCountryCode(code)) {
          this.report(ImportFindingKind.INVALID, `countriesAndRegions[${i}]`, c, 'is not an ISO 3166-1 alpha-2 country code', { category: LossCategory.PROPERTY });
        } else if (countries.includes(code)) {
          this.report(ImportFindingKind.NORMALISED, `countriesAndRegions[${i}]`, c, 'is a duplicate; written once');
        } else {
          if (code !== c) this.report(ImportFindingKind.NORMALISED, `countriesAndRegions[${i}]`, c, `written as '${code}'`);
          countries.push(code);
        }
      });
      if (countries.length === 0 && !this.blocker) this.blocker = 'names no country';
      return done({
        address: graphAddress(this.obj.source),
        id: this.id(),
        displayName: this.displayName,
        kind: 'country',
        ipRanges: [],
        isTrusted: false,
        countriesAndRegions: countries,
        includeUnknownCountriesAndRegions: this.bool(j, 'includeUnknownCountriesAndRegions', '') === true,
        countryLookupMethod: this.vocabOne(j, 'countryLookupMethod', COUNTRY_LOOKUP_METHODS, '') ?? 'clientIpAddress',
      });
    }
    this.report(ImportFindingKind.UNREADABLE, '@odata.type', j['@odata.type'] ?? null, 'is neither an IP nor a country named location');
    this.blocker = 'is neither an IP nor a country named location';
    return done();
  }

  /** The CIDR ranges, canonical (network address, compressed lower-case IPv6), de-duplicated. */
  private ranges(): string[] {
    const out: string[] = [];
    const list = this.json.ipRanges;
    if (!Array.isArray(list)) {
      this.report(ImportFindingKind.INVALID, 'ipRanges', list, 'is not a list of IP ranges', { category: LossCategory.PROPERTY });
      return out;
    }
    list.forEach((r, i) => {
      const p = `ipRanges[${i}]`;
      if (!isObject(r)) {
        this.report(ImportFindingKind.INVALID, p, r, 'is not an IP range object', { category: LossCategory.PROPERTY });
        return;
      }
      const t = odataType(r);
      const unsupported = t ? inexpressibleRangeType(t) : undefined;
      if (unsupported || (!('cidrAddress' in r) && ('lowerAddress' in r || 'upperAddress' in r))) {
        this.report(ImportFindingKind.INEXPRESSIBLE, p, r, `${unsupported?.feature ?? 'IP range given as lower and upper address'}: provider 3.7.0 cannot express it`, { category: LossCategory.PROPERTY });
        this.blocker = `${p} cannot be expressed; the location would match other addresses`;
        return;
      }
      this.rest(r, ['cidrAddress'], p);
      const cidr = typeof r.cidrAddress === 'string' ? canonicalCidr(r.cidrAddress) : undefined;
      if (!cidr) {
        this.report(ImportFindingKind.INVALID, `${p}.cidrAddress`, r.cidrAddress, 'is not a CIDR range', { category: LossCategory.PROPERTY });
        return;
      }
      if (cidr.prefix < 8) {
        this.report(ImportFindingKind.INVALID, `${p}.cidrAddress`, r.cidrAddress, 'is wider than /8; Graph and provider 3.7.0 reject it', { category: LossCategory.PROPERTY });
        return;
      }
      if (cidr.text !== r.cidrAddress) {
        const why = cidr.hostBits ? 'has host bits set' : 'is not in canonical form';
        this.report(ImportFindingKind.NORMALISED, `${p}.cidrAddress`, r.cidrAddress, `${why}; written as '${cidr.text}' (the same addresses; the library writes network addresses)`);
      }
      if (out.includes(cidr.text)) {
        this.report(ImportFindingKind.NORMALISED, `${p}.cidrAddress`, r.cidrAddress, `is the same range as an earlier one ('${cidr.text}'); written once`);
        return;
      }
      out.push(cidr.text);
      if (typeof r.description === 'string' && r.description.trim() !== '') this.rangeNotes[cidr.text] = r.description;
    });
    return out;
  }
}

/** A CIDR range in canonical text (network address; IPv6 compressed, lower case), or undefined. */
export function canonicalCidr(value: string): { text: string; prefix: number; hostBits: boolean } | undefined {
  const text = value.trim();
  if (!text.includes('/')) return undefined;
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text);
  } catch {
    return undefined;
  }
  const [address, prefix] = parsed;
  const bytes = address.toByteArray().map((b, i) => {
    const hostBits = 8 - Math.min(8, Math.max(0, prefix - 8 * i));
    return b - (b % 2 ** hostBits);
  });
  const network = ipaddr.fromByteArray(bytes);
  return { text: `${network.toString()}/${prefix}`, prefix, hostBits: network.toString() !== address.toString() };
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function lossText(category: LossCategory): string {
  switch (category) {
    case LossCategory.CONDITION: return '; without this condition the policy would apply to other sign-ins than the original';
    case LossCategory.CONTROL: return '; without it the policy would require other controls than the original';
    default: return '';
  }
}

/** null, '', [], {} and objects of only such values (or a disabled control, `isEnabled: false`). */
export function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.every((x) => isEmpty(x));
  if (isObject(v)) {
    if (v.isEnabled === false) return true;
    return Object.entries(v).every(([k, x]) => k === '@odata.type' || isEmpty(x));
  }
  return false;
}
