/* eslint-disable @stylistic/max-len */
/**
 * Matching a stack's export to a tenant export, object by object, and wording what applying the stack
 * changes (`GraphExport.diff`). Both sides go through the Graph normal form: the stack as model → Graph
 * JSON (graph-export) → normal form, the tenant as Graph JSON → normal form; the differences are read
 * field by field (normal-form-words). Bad input throws `Error` naming the file and the fix. Internal module.
 */
import type { ExportedObject, ExportedObjectKind } from './graph-export';
import { normalObject, NormalObject } from './graph-normal-form';
import { GraphDocument } from './graph-reader';
import { changesBetween, describe, NameId } from './normal-form-words';
import { ObjectDiff, TenantChange, TenantDiff, TenantDiffOptions, TenantMatch } from './tenant-diff';
import { ConditionalAccessModel } from '../model/conditional-access-model';
import { isExpression, parseReference } from '../model/references';
import { isObject } from '../private/json';
import { isGuid } from '../private/validation';
import { applicationName } from '../vocabulary/applications';
import { AUTHENTICATION_STRENGTH_PATH, builtInStrength } from '../vocabulary/authentication-strengths';
import { directoryRoleById } from '../vocabulary/directory-roles';
import { POLICY_STATES } from '../vocabulary/policy-states';

/** The stack side of a diff: what `GraphExport` holds. */
export interface StackSide {
  /** Where the stack came from. */
  readonly source: string;
  /** The exported objects (ids filled in where the stack adopts an object). */
  readonly objects: readonly ExportedObject[];
  /** The model the export was made from (names for references). */
  readonly model: ConditionalAccessModel;
  /** Addresses of the resources the stack adopts (import blocks). */
  readonly adopted: ReadonlySet<string>;
  /** What the export could not read exactly (e.g. `count`, a named location without `ip` or `country`). */
  readonly warnings: readonly string[];
}

const POLICY = 'policy' as ExportedObjectKind;
const NAMED_LOCATION = 'namedLocation' as ExportedObjectKind;
const GUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A tenant object read for the diff. */
interface TenantObject {
  readonly source: string;
  readonly kind: string;
  readonly normal: NormalObject;
}

const kindWord = (kind: string): string => (kind === 'policy' ? 'policy' : kind === 'namedLocation' ? 'named location' : 'authentication strength');
const plural = (kind: string): string => (kind === 'policy' ? 'policies' : `${kindWord(kind)}s`);
const listPath = (kind: string): string => (kind === 'policy' ? '/identity/conditionalAccess/policies' : kind === 'namedLocation' ? '/identity/conditionalAccess/namedLocations' : '/policies/authenticationStrengthPolicies');

/**
 * What applying the stack changes in the tenant the documents describe.
 * @throws Error for input that cannot be compared (an unreadable file, an object without a display name,
 *   two objects the diff cannot tell apart); the message names the file and the fix
 */
export function diffTenant(stack: StackSide, docs: readonly GraphDocument[], options: TenantDiffOptions): TenantDiff {
  const warnings: string[] = [...stack.warnings];
  const tenant = readTenant(docs, warnings);
  const stateIds = new Map<string, string>();
  for (const [address, value] of Object.entries(options.stateIds ?? {})) {
    const guid = typeof value === 'string' ? GUID_AT_END.exec(value)?.[1]?.toLowerCase() : undefined;
    if (guid) stateIds.set(address, guid);
  }
  const name = namer(stack.model, tenant);
  const left = new Set(tenant);
  const resolved = new Map<string, string>();

  // Strengths first (only to resolve the policies' references), then named locations, then policies.
  for (const s of stack.model.authenticationStrengths) {
    const match = tenant.filter((t) => left.has(t) && t.kind === 'authenticationStrength' && t.normal.displayName === s.displayName);
    if (match.length === 1 && match[0].normal.id) resolved.set(s.address, `${AUTHENTICATION_STRENGTH_PATH}${match[0].normal.id}`);
  }
  // A named location the stack looks up by display name (NamedLocation.fromDisplayName) is the tenant's of that name.
  for (const o of stack.model.objects) {
    const displayName = o.attributes.display_name;
    if (!o.isDataSource || o.type !== 'azuread_named_location' || typeof displayName !== 'string') continue;
    const named = tenant.filter((t) => t.kind === NAMED_LOCATION && t.normal.displayName === displayName);
    if (named.length === 1 && named[0].normal.id) resolved.set(o.address, named[0].normal.id);
  }
  const diffs = new Map<string, ObjectDiff[]>([[POLICY, []], [NAMED_LOCATION, []]]);
  for (const kind of [NAMED_LOCATION, POLICY]) {
    for (const o of stack.objects.filter((x) => x.kind === kind)) {
      const graph = substitute(o.graph, resolved);
      const mine = normalObject(graph, kind);
      const adopted = stack.adopted.has(o.address);
      const byId = mine.id ?? stateIds.get(o.address);
      const notes: string[] = [];
      let match: TenantObject | undefined;
      let matchedBy: TenantMatch | undefined;
      if (byId) {
        match = tenant.find((t) => left.has(t) && t.kind === kind && t.normal.id === byId);
        matchedBy = TenantMatch.ID;
        if (!match) {
          notes.push(adopted || mine.id
            ? `the stack adopts id ${byId}, which the tenant export does not hold: the import fails unless the object exists (export the tenant again, or remove the importFrom)`
            : `the Terraform state holds id ${byId}, which the tenant export does not hold: the object was deleted outside Terraform (the apply creates it again) or the export is incomplete`);
        }
      } else if (isExpression(o.displayName)) {
        warnings.push(`${o.address}: the display name is only known at apply time (${o.displayName}); shown as created (adopt the object with importFrom to compare it)`);
      } else {
        const named = tenant.filter((t) => left.has(t) && t.kind === kind && t.normal.displayName === o.displayName);
        if (named.length > 1) {
          throw new Error(
            `the stack's ${kindWord(kind)} "${o.displayName}" (${o.address}) matches ${named.length} tenant ${plural(kind)} by display name (${named.map((t) => `${t.normal.id ?? 'no id'} in ${t.source}`).join(', ')}); ` +
              `adopt the one it stands for with importFrom('${listPath(kind)}/<id>'), or rename one of them`,
          );
        }
        match = named[0];
        matchedBy = TenantMatch.DISPLAY_NAME;
      }
      if (match) {
        left.delete(match);
        if (kind === NAMED_LOCATION && match.normal.id) resolved.set(o.address, match.normal.id);
        const changes = changesBetween(kind, match.normal.form, mine.form, name);
        const before = match.normal.form.state;
        const after = mine.form.state;
        diffs.get(kind)!.push({
          kind,
          change: changes.length > 0 ? TenantChange.UPDATE : TenantChange.UNCHANGED,
          displayName: o.displayName,
          address: o.address,
          id: match.normal.id,
          tenantSource: match.source,
          matchedBy,
          adopted,
          stateChange: kind === POLICY && before !== after ? `${POLICY_STATES.label(String(before))} → ${POLICY_STATES.label(String(after))}` : undefined,
          changes,
          notes,
        });
      } else {
        diffs.get(kind)!.push({ kind, change: TenantChange.CREATE, displayName: o.displayName, address: o.address, adopted, changes: describe(kind, mine.form, name), notes });
      }
    }
  }
  const managed = new Map([...stateIds].map(([address, guid]) => [guid, address]));
  const stackAddresses = new Set(stack.objects.map((o) => o.address));
  for (const t of tenant) {
    if (!left.has(t) || (t.kind !== POLICY && t.kind !== NAMED_LOCATION)) continue;
    const address = t.normal.id ? managed.get(t.normal.id) : undefined;
    const deleted = address !== undefined && !stackAddresses.has(address);
    diffs.get(t.kind)!.push({
      kind: t.kind as ExportedObjectKind,
      change: deleted ? TenantChange.DELETE : TenantChange.LEFT_ALONE,
      displayName: t.normal.displayName,
      address: deleted ? address : undefined,
      id: t.normal.id,
      tenantSource: t.source,
      adopted: false,
      changes: [],
      notes: [],
    });
  }
  const sources = [...new Set(docs.map((d) => d.source))];
  return new TenantDiff(stack.source, sources, [...diffs.get(POLICY)!, ...diffs.get(NAMED_LOCATION)!], warnings);
}

/** Reads the tenant objects: bad input throws, duplicates read twice (a folder and its value.json) are dropped. */
function readTenant(docs: readonly GraphDocument[], warnings: string[]): TenantObject[] {
  // An empty list response is a tenant without such objects, not bad input.
  const problems = docs.filter((d) => d.problem && d.problem !== 'holds no objects').map((d) => `${d.source}: ${d.problem}`);
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\nnothing was compared: fix or leave out ${problems.length === 1 ? 'that file' : 'those files'}`);
  const out: TenantObject[] = [];
  for (const o of docs.flatMap((d) => d.objects)) {
    if (o.kind === 'unknown') {
      warnings.push(`${o.source}: neither a policy, a named location nor an authentication strength; left out`);
      continue;
    }
    const displayName = o.json.displayName;
    if (typeof displayName !== 'string' || displayName.trim() === '') {
      throw new Error(`${o.source}: a ${kindWord(o.kind)} without a displayName; the diff names and matches objects by it: export the object with its displayName (GET ${listPath(o.kind)} returns it) or leave it out`);
    }
    const normal = normalObject(o.json, o.kind);
    const read = { source: o.source, kind: o.kind, normal };
    const sameId = normal.id ? out.find((t) => t.kind === o.kind && t.normal.id === normal.id) : undefined;
    if (sameId) {
      if (JSON.stringify(sameId.normal.form) === JSON.stringify(normal.form)) continue;
      throw new Error(`${sameId.source} and ${o.source}: two different ${plural(o.kind)} with the id ${normal.id}; give one export of the tenant`);
    }
    const sameName = out.find((t) => t.kind === o.kind && t.normal.displayName === displayName && (!t.normal.id || !normal.id));
    if (sameName) {
      throw new Error(`${sameName.source} and ${o.source}: two tenant ${plural(o.kind)} named "${displayName}" and no id to tell them apart; export them with their ids (GET ${listPath(o.kind)}) or leave one out`);
    }
    out.push(read);
  }
  return out;
}

/** The stack's references to objects matched in the tenant, replaced by the tenant's ids. */
function substitute(value: unknown, ids: ReadonlyMap<string, string>): any {
  if (typeof value === 'string') {
    const ref = parseReference(value);
    const id = ref && (ref.attribute === 'object_id' || ref.attribute === 'id') ? ids.get(ref.address) : undefined;
    return id ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, ids));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, ids)]));
  return value;
}

/** Names ids from the stack (its resources and data sources) and the tenant (its named locations and strengths). */
function namer(model: ConditionalAccessModel, tenant: readonly TenantObject[]): NameId {
  const names = new Map<string, string>();
  // the normal form lower-cases a strength's reference: the address as the stack writes it, by lower case
  const addresses = new Map<string, string>();
  const add = (key: string | undefined, value: unknown): void => {
    if (key && typeof value === 'string' && !isExpression(value) && !names.has(key.toLowerCase())) names.set(key.toLowerCase(), value);
  };
  for (const a of [...model.policies, ...model.namedLocations, ...model.authenticationStrengths, ...model.objects]) addresses.set(a.address.toLowerCase(), a.address);
  for (const t of tenant) add(t.normal.id, t.normal.displayName);
  for (const l of model.namedLocations) {
    add(l.address, l.displayName);
    add(l.id, l.displayName);
  }
  for (const s of model.authenticationStrengths) {
    add(s.address, s.displayName);
    add(s.id, s.displayName);
  }
  for (const o of model.objects) {
    const label = [o.attributes.display_name, o.attributes.user_principal_name, o.attributes.name].find((v) => typeof v === 'string' && !isExpression(v));
    add(o.address, label);
    for (const a of ['object_id', 'client_id', 'application_id']) if (typeof o.attributes[a] === 'string' && isGuid(o.attributes[a])) add(o.attributes[a], label);
  }
  return (value: string): string => {
    const ref = parseReference(value);
    if (ref) {
      const address = addresses.get(ref.address.toLowerCase()) ?? ref.address;
      const label = names.get(ref.address.toLowerCase());
      return label ? `${label} (${address})` : address;
    }
    if (!isGuid(value)) return value;
    const lower = value.toLowerCase();
    return builtInStrength(`${AUTHENTICATION_STRENGTH_PATH}${lower}`)?.displayName ?? names.get(lower) ?? directoryRoleById(lower)?.label ?? applicationName(lower) ?? value;
  };
}
