/* eslint-disable @stylistic/max-len */
/**
 * Compiles the policy model of a stack into the structures the evaluator matches sign-ins against:
 * named locations into range sets and country sets, references into identity terms. Internal module.
 */
import { compilePolicy } from './compile-policy';
import { CompiledLocation, CompiledPolicy, CompiledStack, LOC_ALL, LOC_ALL_TRUSTED, LOC_UNKNOWN, LocationCode } from './compiled-stack';
import { RangeSet } from './ip';
import { F, K_ADDRESS, K_GUID, K_OPAQUE, T, Term, Tri, U } from './logic';
import { WhatIfAuthenticationStrength } from './model';
import { ConditionalAccessModel } from '../model/conditional-access-model';
import { NamedLocationModel } from '../model/model';
import { isExpression, parseReference } from '../model/references';
import { NAMED_LOCATION_TYPE, STRENGTH_TYPE } from '../model/terraform-parser';
import { isGuid } from '../private/validation';
import { AUTHENTICATION_STRENGTH_PATH, builtInStrength } from '../vocabulary/authentication-strengths';
import { DIRECTORY_ROLES } from '../vocabulary/directory-roles';

const DIRECTORY_SYNCHRONIZATION_ACCOUNTS = DIRECTORY_ROLES.find((r) => r.constant === 'DIRECTORY_SYNCHRONIZATION_ACCOUNTS')!.templateId;
/** The rule whose suppression marks a policy's excluded roles as deliberate (rules/ca7-excluded-directory-roles.ts). */
const EXCLUDED_ROLES_RULE = 'CA7';

/** Compiles a model. */
export function compileModel(model: ConditionalAccessModel): CompiledStack {
  return new StackCompiler(model).compile();
}

function tri(v: boolean | undefined): Tri {
  return v === undefined ? U : v ? T : F;
}

/** The stack-wide part of compilation; policies call back into it to resolve references. */
export class StackCompiler {
  private readonly warnings: string[];
  private readonly referenced = new Set<string>();
  private readonly locations: CompiledLocation[] = [];
  private readonly locationIndex = new Map<string, number>();
  private readonly bodies = new Map<string, { [name: string]: any }>();
  private hasUnknownNamedLocations = false;

  constructor(private readonly model: ConditionalAccessModel) {
    this.warnings = [...model.warnings];
    for (const o of model.objects) this.bodies.set(o.address, o.attributes);
  }

  public compile(): CompiledStack {
    for (const l of this.model.namedLocations) this.compileLocation(l);
    if (this.model.objects.some((o) => o.isDataSource && o.type === NAMED_LOCATION_TYPE)) this.hasUnknownNamedLocations = true;
    const policies: CompiledPolicy[] = this.model.policies.map((p) => compilePolicy(this, p));
    const bodies = this.bodies;
    const referenced = this.referenced;
    const defined = new Set([
      ...this.model.policies.map((p) => p.address),
      ...this.model.namedLocations.map((l) => l.address),
      ...this.model.authenticationStrengths.map((s) => s.address),
    ]);
    const names = new Map<string, string>();
    for (const o of this.model.objects) {
      const name = o.attributes.display_name ?? o.attributes.name ?? o.attributes.user_principal_name;
      if (typeof name !== 'string' || isExpression(name)) continue;
      names.set(o.address, name);
      for (const attribute of ['object_id', 'client_id', 'application_id', 'template_id', 'id']) {
        const literal = o.attributes[attribute];
        if (typeof literal === 'string' && isGuid(literal)) names.set(literal.toLowerCase(), name);
      }
    }
    for (const l of this.locations) names.set(l.address, l.displayName);
    const deliberate = this.deliberateExclusions();
    return {
      policies,
      locations: this.locations,
      names,
      deliberate,
      hasUnknownNamedLocations: this.hasUnknownNamedLocations,
      addresses: [...defined, ...this.model.objects.map((o) => o.address)],
      warnings: this.warnings,
      resolveAddress(address: string, attributes: readonly string[]): Term | undefined {
        const isData = address.startsWith('data.');
        const body = bodies.get(address);
        if (body) {
          for (const attribute of attributes) {
            const literal = body[attribute];
            if (typeof literal === 'string' && isGuid(literal)) return { key: literal.toLowerCase(), kind: K_GUID };
          }
          return { key: address, kind: isData ? K_OPAQUE : K_ADDRESS };
        }
        if (defined.has(address)) return { key: address, kind: K_ADDRESS };
        return referenced.has(address) ? { key: address, kind: K_OPAQUE } : undefined;
      },
    };
  }

  /** See `CompiledStack.deliberate`. */
  private deliberateExclusions(): Map<string, string> {
    const out = new Map<string, string>([[DIRECTORY_SYNCHRONIZATION_ACCOUNTS, 'the Directory Synchronization Accounts role, which the templates exclude']]);
    const add = (value: string, why: string) => {
      const term = this.term(value);
      if (term !== 'invalid' && !out.has(term.key)) out.set(term.key, why);
    };
    for (const p of this.model.policies) {
      for (const u of p.declaredEmergencyAccess?.users ?? []) add(u, 'an emergency-access account (EmergencyAccess)');
      for (const g of p.declaredEmergencyAccess?.groups ?? []) add(g, 'the emergency-access accounts (EmergencyAccess)');
      const reason = p.suppressions?.[EXCLUDED_ROLES_RULE];
      if (reason) for (const r of p.conditions.users?.excludeRoles ?? []) add(r, `a role excluded on purpose (${EXCLUDED_ROLES_RULE} suppressed: ${reason})`);
    }
    return out;
  }

  /** Records a warning about the stack. */
  public warn(message: string): void {
    this.warnings.push(message);
  }

  /** A policy value naming an identity: a GUID, a reference, or (for `invalid`) anything else. */
  public term(value: string): Term | 'invalid' {
    if (isGuid(value)) return { key: value.toLowerCase(), kind: K_GUID };
    const ref = parseReference(value);
    if (ref) {
      this.referenced.add(ref.address);
      const isData = ref.address.startsWith('data.');
      const body = this.bodies.get(ref.address);
      // a literal id in the referenced block (e.g. a data source looked up by object_id); `id` and `object_id`
      // both name the object id of users, groups and service principals
      const attributes = ref.attribute === 'id' ? ['id', 'object_id'] : [ref.attribute];
      for (const attribute of attributes) {
        const literal = body?.[attribute];
        if (typeof literal === 'string' && isGuid(literal)) return { key: literal.toLowerCase(), kind: K_GUID };
      }
      return { key: ref.address, kind: body && !isData ? K_ADDRESS : K_OPAQUE };
    }
    if (isExpression(value)) return { key: value, kind: K_OPAQUE };
    return 'invalid';
  }

  /** Resolves a policy location entry to a location code. */
  public location(value: string, where: string): LocationCode | 'invalid' {
    if (value === 'All') return LOC_ALL;
    if (value === 'AllTrusted') return LOC_ALL_TRUSTED;
    const ref = parseReference(value);
    if (ref) {
      this.referenced.add(ref.address);
      const index = this.locationIndex.get(ref.address);
      if (index !== undefined) {
        if (ref.attribute === 'id') {
          this.warn(`${where}: '${value}' uses the named location's id (a path); Graph rejects it (error 1040), use .object_id`);
        }
        return index;
      }
      this.hasUnknownNamedLocations = true;
      return LOC_UNKNOWN;
    }
    if (isGuid(value)) {
      // a location the model knows by its object id (read from Graph, or adopted with its id)
      const index = this.locationIndex.get(value.toLowerCase());
      if (index !== undefined) return index;
    }
    if (isGuid(value) || isExpression(value)) {
      this.hasUnknownNamedLocations = true;
      return LOC_UNKNOWN;
    }
    return 'invalid';
  }

  /** Resolves `grantControls.authenticationStrength.id`. */
  public strength(value: string): WhatIfAuthenticationStrength {
    if (value.startsWith(AUTHENTICATION_STRENGTH_PATH)) {
      const builtIn = builtInStrength(value);
      if (builtIn) {
        return { id: value, resolved: true, displayName: builtIn.displayName, allowedCombinations: [...builtIn.allowedCombinations] };
      }
      return { id: value, resolved: false };
    }
    const ref = parseReference(value);
    if (ref) {
      this.referenced.add(ref.address);
      const s = ref.address.startsWith(`${STRENGTH_TYPE}.`) ? this.model.authenticationStrength(value) : undefined;
      if (s) {
        const displayName = isExpression(s.displayName) ? undefined : s.displayName;
        if (!s.allowedCombinations.some(isExpression)) {
          return { id: value, address: s.address, resolved: true, displayName, allowedCombinations: [...s.allowedCombinations] };
        }
        return { id: value, address: s.address, resolved: false, displayName };
      }
    }
    return { id: value, resolved: false };
  }

  private compileLocation(l: NamedLocationModel): void {
    let location: CompiledLocation;
    const name = l.displayName && !isExpression(l.displayName) ? l.displayName : l.address;
    if (l.kind === 'ip') {
      let set: RangeSet | null = null;
      if (!l.ipRanges.some(isExpression)) {
        const built = RangeSet.fromCidrs(l.ipRanges);
        if (built.invalid.length > 0) {
          this.warn(`${l.address}: ip_ranges ${built.invalid.map((r) => `'${r}'`).join(', ')} are not CIDR ranges; they match nothing`);
        }
        set = built.set;
      }
      location = { address: l.address, displayName: name, isIp: true, ranges: set, trusted: tri(l.isTrusted), countries: null, includeUnknown: F, lookupByIp: true };
    } else if (l.kind === 'country') {
      const known = !l.countriesAndRegions.some(isExpression);
      location = {
        address: l.address,
        displayName: name,
        isIp: false,
        ranges: null,
        trusted: F,
        countries: known ? new Set(l.countriesAndRegions.map((c) => c.toUpperCase())) : null,
        includeUnknown: tri(l.includeUnknownCountriesAndRegions),
        lookupByIp: l.countryLookupMethod !== 'authenticatorAppGps',
      };
    } else {
      this.warn(`${l.address}: neither an ip nor a country block; the location is treated as unknown`);
      location = { address: l.address, displayName: name, isIp: false, ranges: null, trusted: U, countries: null, includeUnknown: U, lookupByIp: true };
    }
    this.locationIndex.set(l.address, this.locations.length);
    if (l.id && isGuid(l.id)) this.locationIndex.set(l.id.toLowerCase(), this.locations.length);
    this.locations.push(location);
  }
}
