/* eslint-disable @stylistic/max-len */
/**
 * Reads synthesized Terraform JSON (`cdk.tf.json`, or a stack's resolved JSON at synth) into the policy
 * model: each `azuread_*` resource becomes the Graph object azuread provider 3.7.0 sends for it (its
 * expand functions, `internal/services/conditionalaccess/conditionalaccess.go`), so the model says what
 * the tenant will hold. Internal module.
 */
import {
  AuthenticationStrengthModel,
  ConditionsModel,
  EmergencyAccessModel,
  FilterModel,
  GrantControlsModel,
  GuestsOrExternalUsersModel,
  NamedLocationModel,
  PolicyModel,
  ReferencedObjectModel,
  SessionControlsModel,
  SignInFrequencyModel,
  UsersConditionModel,
} from './model';
import { isExpression } from './references';
import { isObject, Json } from '../private/json';

/** Terraform types of the three Conditional Access resources. */
export const POLICY_TYPE = 'azuread_conditional_access_policy';
/** `azuread_named_location`. */
export const NAMED_LOCATION_TYPE = 'azuread_named_location';
/** `azuread_authentication_strength_policy`. */
export const STRENGTH_TYPE = 'azuread_authentication_strength_policy';

/** The `//` key under which the library records rule suppressions on a synthesized resource. */
export const SUPPRESSIONS_KEY = 'ruleSuppressions';
/** The `//` key under which the library records a policy's declared emergency-access accounts. */
export const EMERGENCY_ACCESS_KEY = 'emergencyAccess';

/** What a Terraform JSON document holds, by kind. */
export interface ParsedTerraform {
  readonly policies: PolicyModel[];
  readonly namedLocations: NamedLocationModel[];
  readonly authenticationStrengths: AuthenticationStrengthModel[];
  readonly objects: ReferencedObjectModel[];
  readonly warnings: string[];
}

/** One resource of the document with its address, for the provider contract and the parser. */
export interface TerraformResource {
  readonly type: string;
  readonly address: string;
  readonly body: Json;
}

/** Every resource and data source of a Terraform JSON document, in document order. */
export function terraformResources(json: unknown): { resources: TerraformResource[]; data: TerraformResource[] } {
  const root: Json = isObject(json) ? json : {};
  const collect = (section: unknown, prefix: string): TerraformResource[] => {
    const out: TerraformResource[] = [];
    for (const [type, byName] of Object.entries(isObject(section) ? section : {})) {
      if (type === '//' || !isObject(byName)) continue;
      for (const [name, body] of Object.entries(byName)) {
        if (name !== '//' && isObject(body)) out.push({ type, address: `${prefix}${type}.${name}`, body });
      }
    }
    return out;
  };
  return { resources: collect(root.resource, ''), data: collect(root.data, 'data.') };
}

/** Parses a Terraform JSON document. */
export function parseTerraform(json: unknown): ParsedTerraform {
  const { resources, data } = terraformResources(json);
  const out: ParsedTerraform = { policies: [], namedLocations: [], authenticationStrengths: [], objects: [], warnings: [] };
  for (const r of resources) {
    const counted = r.body.count !== undefined || r.body.for_each !== undefined;
    const what = r.type === POLICY_TYPE ? 'policy' : r.type === NAMED_LOCATION_TYPE ? 'named location' : r.type === STRENGTH_TYPE ? 'strength' : undefined;
    if (counted && what) out.warnings.push(`${r.address}: count/for_each cannot be expanded offline; the ${what} is evaluated once`);
    switch (r.type) {
      case POLICY_TYPE:
        out.policies.push(new ResourceReader(r, out.warnings).policy());
        break;
      case NAMED_LOCATION_TYPE:
        out.namedLocations.push(new ResourceReader(r, out.warnings).namedLocation());
        break;
      case STRENGTH_TYPE:
        out.authenticationStrengths.push(new ResourceReader(r, out.warnings).strength());
        break;
      default:
        out.objects.push({ address: r.address, type: r.type, isDataSource: false, attributes: r.body });
    }
  }
  for (const d of data) out.objects.push({ address: d.address, type: d.type, isDataSource: true, attributes: d.body });
  return out;
}

/** A nested block: cdktf writes an object, hand-written Terraform JSON may write a list of objects. */
export function block(v: unknown): Json | undefined {
  if (Array.isArray(v)) return isObject(v[0]) ? v[0] : undefined;
  return isObject(v) ? v : undefined;
}

/**
 * A list attribute as strings: a JSON list, or one Terraform expression standing for the whole list
 * (kept as a one-item list), or nothing.
 */
export function stringList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map((x) => String(x));
  if (typeof v === 'string') return [v];
  return [];
}

class ResourceReader {
  private readonly unresolved: string[] = [];

  constructor(private readonly resource: TerraformResource, private readonly warnings: string[]) {}

  public policy(): PolicyModel {
    const b = this.resource.body;
    const conditions = block(b.conditions) ?? {};
    const grant = block(b.grant_controls);
    const session = block(b.session_controls);
    return {
      ...this.source(),
      displayName: this.text(b.display_name),
      state: this.text(b.state),
      conditions: this.conditions(conditions),
      grantControls: grant ? this.grant(grant) : undefined,
      sessionControls: session ? this.session(session) : undefined,
      declaredEmergencyAccess: this.emergencyAccess(),
      ...this.unresolvedPaths(),
    };
  }

  private emergencyAccess(): EmergencyAccessModel | undefined {
    const meta = isObject(this.resource.body['//']) ? this.resource.body['//'] : {};
    const declared = meta[EMERGENCY_ACCESS_KEY];
    if (!isObject(declared)) return undefined;
    return { users: stringList(declared.users), groups: stringList(declared.groups) };
  }

  public namedLocation(): NamedLocationModel {
    const b = this.resource.body;
    const ip = block(b.ip);
    const country = block(b.country);
    return {
      ...this.source(),
      displayName: this.text(b.display_name),
      kind: ip ? 'ip' : country ? 'country' : 'unknown',
      ipRanges: ip ? stringList(ip.ip_ranges) : [],
      isTrusted: ip ? this.bool(ip.trusted, 'isTrusted') : country ? false : undefined,
      countriesAndRegions: country ? stringList(country.countries_and_regions) : [],
      includeUnknownCountriesAndRegions: country ? this.bool(country.include_unknown_countries_and_regions, 'includeUnknownCountriesAndRegions') : false,
      // Provider default (schema Default: clientIpAddress).
      countryLookupMethod: country && typeof country.country_lookup_method === 'string' ? country.country_lookup_method : 'clientIpAddress',
      ...this.unresolvedPaths(),
    };
  }

  public strength(): AuthenticationStrengthModel {
    const b = this.resource.body;
    return {
      ...this.source(),
      displayName: this.text(b.display_name),
      description: typeof b.description === 'string' && b.description !== '' ? b.description : undefined,
      allowedCombinations: stringList(b.allowed_combinations),
    };
  }

  private source(): { address: string; constructPath?: string; suppressions?: { [ruleId: string]: string } } {
    const meta = isObject(this.resource.body['//']) ? this.resource.body['//'] : {};
    const path = isObject(meta.metadata) && typeof meta.metadata.path === 'string' ? meta.metadata.path : undefined;
    const suppressions = isObject(meta[SUPPRESSIONS_KEY]) ? (meta[SUPPRESSIONS_KEY] as { [ruleId: string]: string }) : undefined;
    return { address: this.resource.address, constructPath: path, suppressions };
  }

  private unresolvedPaths(): { unresolved?: string[] } {
    return this.unresolved.length > 0 ? { unresolved: this.unresolved } : {};
  }

  private text(v: unknown): string {
    return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
  }

  /** A boolean attribute; a Terraform expression is unknown (undefined, recorded as unresolved). */
  private bool(v: unknown, path: string): boolean | undefined {
    if (v === true || v === 'true') return true;
    if (v === undefined || v === null || v === false || v === 'false') return false;
    this.unresolved.push(path);
    return undefined;
  }

  private conditions(c: Json): ConditionsModel {
    const users = block(c.users);
    const applications = block(c.applications) ?? {};
    const clientApplications = block(c.client_applications);
    const platforms = block(c.platforms);
    const locations = block(c.locations);
    const devices = block(c.devices);
    const deviceFilter = devices ? block(devices.filter) : undefined;
    return {
      users: users ? this.users(users) : undefined,
      applications: {
        includeApplications: stringList(applications.included_applications),
        excludeApplications: stringList(applications.excluded_applications),
        includeUserActions: stringList(applications.included_user_actions),
      },
      clientApplications: clientApplications ? {
        includeServicePrincipals: stringList(clientApplications.included_service_principals),
        excludeServicePrincipals: stringList(clientApplications.excluded_service_principals),
        servicePrincipalFilter: this.filter(block(clientApplications.filter)),
      } : undefined,
      clientAppTypes: stringList(c.client_app_types),
      platforms: platforms ? {
        includePlatforms: stringList(platforms.included_platforms),
        excludePlatforms: stringList(platforms.excluded_platforms),
      } : undefined,
      locations: locations ? {
        includeLocations: stringList(locations.included_locations),
        excludeLocations: stringList(locations.excluded_locations),
      } : undefined,
      deviceFilter: this.filter(deviceFilter),
      signInRiskLevels: stringList(c.sign_in_risk_levels),
      userRiskLevels: stringList(c.user_risk_levels),
      servicePrincipalRiskLevels: stringList(c.service_principal_risk_levels),
      insiderRiskLevels: splitFlags(c.insider_risk_levels),
      transferMethods: stringList(c.authentication_flow_transfer_methods),
    };
  }

  private users(u: Json): UsersConditionModel {
    return {
      includeUsers: stringList(u.included_users),
      excludeUsers: stringList(u.excluded_users),
      includeGroups: stringList(u.included_groups),
      excludeGroups: stringList(u.excluded_groups),
      includeRoles: stringList(u.included_roles),
      excludeRoles: stringList(u.excluded_roles),
      includeGuestsOrExternalUsers: this.guests(u.included_guests_or_external_users, 'users.included_guests_or_external_users'),
      excludeGuestsOrExternalUsers: this.guests(u.excluded_guests_or_external_users, 'users.excluded_guests_or_external_users'),
    };
  }

  /** The provider reads only the first block (CA:685-689) and sends tenant members only when enumerated (CA:714-727). */
  private guests(v: unknown, field: string): GuestsOrExternalUsersModel | undefined {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return undefined;
    if (Array.isArray(v) && v.length > 1) {
      this.warnings.push(`${this.resource.address}: ${field} has ${v.length} blocks; the provider reads only the first`);
    }
    const b = block(v);
    if (!b) {
      // one expression for the whole block
      return { guestOrExternalUserTypes: [String(v)], membershipKind: String(v), members: [] };
    }
    const tenants = block(b.external_tenants);
    const kind = tenants && typeof tenants.membership_kind === 'string' ? tenants.membership_kind : 'all';
    return {
      guestOrExternalUserTypes: stringList(b.guest_or_external_user_types).flatMap((t) => (isExpression(t) ? [t] : t.split(',').map((x) => x.trim()))),
      membershipKind: kind,
      members: tenants && kind !== 'all' ? stringList(tenants.members) : [],
    };
  }

  private filter(f: Json | undefined): FilterModel | undefined {
    if (!f) return undefined;
    return { mode: this.text(f.mode), rule: this.text(f.rule) };
  }

  private grant(g: Json): GrantControlsModel {
    const strength = typeof g.authentication_strength_policy_id === 'string' && g.authentication_strength_policy_id !== ''
      ? { id: g.authentication_strength_policy_id }
      : undefined;
    return {
      operator: this.text(g.operator),
      builtInControls: stringList(g.built_in_controls),
      authenticationStrength: strength,
      termsOfUse: stringList(g.terms_of_use),
      customAuthenticationFactors: stringList(g.custom_authentication_factors),
    };
  }

  /**
   * The provider's `expandConditionalAccessSessionControls` (CA:594-667): a sign-in frequency value
   * forces `timeBased` and primary-and-secondary authentication unless configured otherwise; with
   * `everyTime` the app-enforced-restrictions and resilience-defaults settings are not sent (its issue
   * #1225); a block that sets nothing effective is sent as null.
   */
  private session(s: Json): SessionControlsModel | undefined {
    const cloudAppSecurityType = nonEmpty(s.cloud_app_security_policy);
    const persistentBrowserMode = nonEmpty(s.persistent_browser_mode);
    let signInFrequency: SignInFrequencyModel | undefined;
    const value = s.sign_in_frequency;
    const period = nonEmpty(s.sign_in_frequency_period);
    const authenticationType = nonEmpty(s.sign_in_frequency_authentication_type);
    const interval = nonEmpty(s.sign_in_frequency_interval);
    let frequency: { isEnabled: boolean; type?: string; value?: number; authenticationType?: string; frequencyInterval?: string } = { isEnabled: false };
    if (isExpression(value)) {
      this.unresolved.push('sessionControls.signInFrequency.value');
      frequency = { isEnabled: true, type: period, authenticationType: 'primaryAndSecondaryAuthentication', frequencyInterval: 'timeBased' };
    } else if (typeof value === 'number' && value > 0) {
      frequency = { isEnabled: true, type: period, value, authenticationType: 'primaryAndSecondaryAuthentication', frequencyInterval: 'timeBased' };
    }
    if (authenticationType) frequency.authenticationType = authenticationType;
    if (interval) {
      frequency.isEnabled = true;
      frequency.authenticationType = authenticationType ?? 'primaryAndSecondaryAuthentication';
      frequency.frequencyInterval = interval;
    }
    if (frequency.isEnabled
      || (frequency.frequencyInterval !== undefined && frequency.frequencyInterval !== 'timeBased')
      || (frequency.authenticationType !== undefined && frequency.authenticationType !== 'primaryAndSecondaryAuthentication')) {
      signInFrequency = frequency;
    }
    const everyTime = signInFrequency?.frequencyInterval === 'everyTime';
    const aer = everyTime ? undefined : this.bool(s.application_enforced_restrictions_enabled, 'sessionControls.applicationEnforcedRestrictions');
    const drd = everyTime ? undefined : this.bool(s.disable_resilience_defaults, 'sessionControls.disableResilienceDefaults');
    if (aer === false && !cloudAppSecurityType && drd === false && !persistentBrowserMode && !signInFrequency) return undefined;
    return {
      applicationEnforcedRestrictions: aer === false ? undefined : aer,
      cloudAppSecurityType,
      persistentBrowserMode,
      signInFrequency,
      disableResilienceDefaults: drd === false ? undefined : drd,
    };
  }
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A Graph flags value (`"minor,moderate"`) or a list of them, as a list. */
export function splitFlags(v: unknown): string[] {
  return stringList(v).flatMap((s) => (isExpression(s) ? [s] : s.split(',').map((x) => x.trim()).filter((x) => x !== '')));
}
