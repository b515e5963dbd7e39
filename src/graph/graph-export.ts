import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { NAMED_LOCATION_IMPORT_PREFIX, POLICY_IMPORT_PREFIX } from './adoption';
import { compareNormal, GraphDifference, normalObject, normalObjects, NormalObject } from './graph-normal-form';
import { readGraphFiles, readGraphJson } from './graph-reader';
import { fileSlug, UniqueNames } from './identifiers';
import { namedLocationToGraph, policyToGraph, ResolveReference, strengthToGraph } from './model-to-graph';
import type { TenantDiff, TenantDiffOptions } from './tenant-diff';
import type * as Matching from './tenant-matching';
import { ConditionalAccessModel } from '../model/conditional-access-model';
import { ModelSource } from '../model/model';
import { isExpression, parseReference } from '../model/references';
import { readStackJson } from '../model/stack-file';
import { isObject, Json } from '../private/json';
import { synthesizedJson } from '../private/synthesized-json';
import { AUTHENTICATION_STRENGTH_PATH } from '../vocabulary/authentication-strengths';

export type { GraphDifference } from './graph-normal-form';

/** What an exported object is. */
export enum ExportedObjectKind {
  /** A Conditional Access policy (`conditionalAccessPolicy`). */
  POLICY = 'policy',
  /** An IP or country named location. */
  NAMED_LOCATION = 'namedLocation',
  /** A custom authentication strength (`authenticationStrengthPolicy`). */
  AUTHENTICATION_STRENGTH = 'authenticationStrength',
}

/** One exported object with where it came from. */
export interface ExportedObject {
  /** What it is. */
  readonly kind: ExportedObjectKind;
  /** Its Graph v1.0 JSON. */
  readonly graph: { [key: string]: any };
  /** The display name. */
  readonly displayName: string;
  /** The Terraform address of the resource. */
  readonly address: string;
  /**
   * The construct path cdktf recorded.
   * @default - not synthesized by cdktf
   */
  readonly constructPath?: string;
  /** The file name `files()` and `writeTo()` use, e.g. `policies/require-mfa.json`. */
  readonly fileName: string;
}

/** A value of the export that is only known at apply time, left in place as Terraform text. */
export interface GraphReference {
  /** The display name of the object that holds it. */
  readonly displayName: string;
  /** The JSON path of the value in the object, e.g. `conditions.users.excludeGroups[0]`. */
  readonly path: string;
  /** The value as it stands in the export, e.g. `${azuread_group.admins.object_id}`. */
  readonly value: string;
  /**
   * The Terraform address it refers to.
   * @default - not a plain reference (an expression)
   */
  readonly target?: string;
  /**
   * The display name (or user principal name) of what it refers to, when the stack says.
   * @default - not known
   */
  readonly targetName?: string;
}

/**
 * A synthesized stack's policies, named locations and custom authentication strengths as Microsoft
 * Graph v1.0 JSON (the shape `GET /identity/conditionalAccess/policies` returns): for Graph's
 * evaluate API, for a diff against a tenant export, or for review. Ids are filled in where the stack
 * adopts an object (a Terraform import block) or references an adopted one; other values only known
 * at apply time stay as `${...}` references and are listed in `references`.
 *
 * @example
 * const exported = GraphExport.fromStack(stack);
 * expect(exported.compareWith(JSON.parse(fs.readFileSync('tenant-policies.json', 'utf8')))).toEqual([]);
 */
export class GraphExport {
  /**
   * Synthesizes a stack in memory (aspects run, nothing is written) and exports it.
   * @param stack the stack
   */
  public static fromStack(stack: TerraformStack): GraphExport {
    return new GraphExport(synthesizedJson(stack), stack.node.path);
  }

  /**
   * Exports a synthesized stack from disk.
   * @param pathToCdkTfJsonOrStackDir a `cdk.tf.json`, a stack directory, or a `cdktf.out` holding one stack
   */
  public static fromFile(pathToCdkTfJsonOrStackDir: string): GraphExport {
    const { file, json } = readStackJson(pathToCdkTfJsonOrStackDir, (m) => new Error(m));
    return new GraphExport(json, file);
  }

  /**
   * Exports the parsed JSON of a synthesized stack.
   * @param json the Terraform JSON
   * @param source where it came from, for messages
   * @default source '<json>'
   */
  public static fromTerraformJson(json: any, source?: string): GraphExport {
    return new GraphExport(json, source ?? '<json>');
  }

  /**
   * Exports a model (from a stack, or from a Graph import). Import blocks are not part of a model, so
   * only the ids the model holds are written.
   * @param model the model
   */
  public static fromModel(model: ConditionalAccessModel): GraphExport {
    return new GraphExport(undefined, model.source, model);
  }

  /** Every exported object: policies, then named locations, then custom authentication strengths. */
  public readonly objects: ExportedObject[];
  /** Values only known at apply time, left in place. */
  public readonly references: GraphReference[];
  /** Where the export came from. */
  public readonly source: string;
  /** Resources the export leaves out, and why (e.g. a named location with neither `ip` nor `country`). */
  public readonly warnings: string[];

  private readonly model: ConditionalAccessModel;
  private readonly adopted = new Set<string>();

  private constructor(json: unknown, source: string, given?: ConditionalAccessModel) {
    const model = given ?? ConditionalAccessModel.fromTerraformJson(json, source);
    this.model = model;
    this.source = source;
    this.references = [];
    this.warnings = [...model.warnings];
    const imports = importIds(json);
    for (const address of imports.keys()) this.adopted.add(address);
    const strengthIds = new Map<string, string>();
    for (const [address, id] of imports) {
      if (address.startsWith('azuread_authentication_strength_policy.')) strengthIds.set(address, id);
    }
    const resolver = (displayName: string): ResolveReference => (value, p) => {
      const ref = parseReference(value);
      const id = ref ? idFor(ref.address, ref.attribute, imports) : undefined;
      if (id) return id;
      const target = ref ? model.object(ref.address) : undefined;
      const own = ref ? [...model.namedLocations, ...model.authenticationStrengths].find((o) => o.address === ref.address) : undefined;
      const targetName = own?.displayName ?? nameOf(target?.attributes);
      this.references.push({ displayName, path: p, value, target: ref?.address, targetName });
      return value;
    };
    const objects: ExportedObject[] = [];
    const files = new UniqueNames();
    const add = (kind: ExportedObjectKind, folder: string, o: ModelSource & { displayName: string }, graph: Json): void => {
      const name = files.take(`${folder}/${fileSlug(o.displayName, kind)}`);
      objects.push({ kind, graph, displayName: o.displayName, address: o.address, constructPath: o.constructPath, fileName: `${name}.json` });
    };
    for (const p of model.policies) {
      const id = p.id ?? lastGuid(imports.get(p.address), POLICY_IMPORT_PREFIX);
      add(ExportedObjectKind.POLICY, 'policies', p, policyToGraph({ ...p, id }, resolver(p.displayName)));
    }
    for (const l of model.namedLocations) {
      const id = l.id ?? lastGuid(imports.get(l.address), NAMED_LOCATION_IMPORT_PREFIX);
      const graph = namedLocationToGraph({ ...l, id }, resolver(l.displayName));
      if (graph) add(ExportedObjectKind.NAMED_LOCATION, 'named-locations', l, graph);
      else this.warnings.push(`${l.address}: has neither an ip nor a country block; not exported`);
    }
    for (const s of model.authenticationStrengths) {
      const id = s.id ?? lastGuid(strengthIds.get(s.address), AUTHENTICATION_STRENGTH_PATH);
      add(ExportedObjectKind.AUTHENTICATION_STRENGTH, 'authentication-strengths', s, strengthToGraph({ ...s, id }));
    }
    this.objects = objects;
  }

  /** The policies' Graph JSON. */
  public get policies(): { [key: string]: any }[] {
    return this.objects.filter((o) => o.kind === ExportedObjectKind.POLICY).map((o) => o.graph);
  }

  /** The named locations' Graph JSON. */
  public get namedLocations(): { [key: string]: any }[] {
    return this.objects.filter((o) => o.kind === ExportedObjectKind.NAMED_LOCATION).map((o) => o.graph);
  }

  /** The custom authentication strengths' Graph JSON. */
  public get authenticationStrengths(): { [key: string]: any }[] {
    return this.objects.filter((o) => o.kind === ExportedObjectKind.AUTHENTICATION_STRENGTH).map((o) => o.graph);
  }

  /** Every object in one Graph list response: `{ "value": [...] }`. */
  public value(): { [key: string]: any } {
    return { value: this.objects.map((o) => o.graph) };
  }

  /**
   * The files `writeTo` writes, by relative name: one per object (`policies/<name>.json`,
   * `named-locations/<name>.json`, `authentication-strengths/<name>.json`), `value.json` with every
   * object, and `references.json` when values are only known at apply time.
   */
  public files(): { [fileName: string]: any } {
    const out: { [fileName: string]: any } = {};
    for (const o of this.objects) out[o.fileName] = o.graph;
    out['value.json'] = this.value();
    if (this.references.length > 0) out['references.json'] = { references: this.references };
    return out;
  }

  /**
   * Writes `files()` below a directory.
   * @param dir the output directory (created when missing)
   * @returns the paths written
   */
  public writeTo(dir: string): string[] {
    const written: string[] = [];
    for (const [name, json] of Object.entries(this.files())) {
      const file = path.join(dir, ...name.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
      written.push(file);
    }
    return written;
  }

  /**
   * Compares this export with Graph JSON (e.g. a tenant export: a list response, an array or one
   * object; v1.0 or beta; any key case) modulo the documented normalisations: order, GUID case,
   * defaults Graph fills in, read-only fields. Objects are matched by id, else by display name.
   * Custom authentication strengths are not compared.
   * @param expected the parsed Graph JSON
   * @returns the differences; empty when they match
   */
  public compareWith(expected: any): GraphDifference[] {
    return compareNormal(normalObjects(expected), this.normalForms());
  }

  /**
   * `compareWith` for Graph JSON files (UTF-8 or UTF-16) and directories of them.
   * @param paths files or directories
   */
  public compareWithFiles(paths: string[]): GraphDifference[] {
    const docs = readGraphFiles(paths);
    const problems = docs.filter((d) => d.problem).map((d) => `${d.source}: ${d.problem}`);
    if (problems.length > 0) throw new Error(`cannot compare: ${problems.join('; ')}`);
    const expected = docs.flatMap((d) => d.objects).map((o) => normalObject(o.json, o.kind));
    return compareNormal(expected, this.normalForms());
  }

  /**
   * What applying the stack would change in a tenant, per policy and named location, in the portal's
   * words. Both sides are compared in the Graph normal form (as `compareWith`), field by field; objects
   * match by id where the stack adopts them (`importFrom`) or the state holds their id, else by kind
   * and display name.
   * @param tenant the parsed Graph JSON of the tenant: a list response (`{ "value": [...] }`), an array
   *   or one object; v1.0 or beta; any key case
   * @param options the Terraform state's ids
   * @throws Error when an object has no display name, or two objects cannot be told apart
   */
  public diff(tenant: any, options?: TenantDiffOptions): TenantDiff {
    return this.diffDocuments([readGraphJson(tenant, '<json>')], options);
  }

  /**
   * `diff` for Graph JSON files (UTF-8 or UTF-16) and directories of them: the formats
   * `cdktf-entra-ca import` reads.
   * @param paths files or directories
   * @param options the Terraform state's ids
   * @throws Error when a file cannot be read or is not JSON, an object has no display name, or two
   *   objects cannot be told apart; the message names the file
   */
  public diffFiles(paths: string[], options?: TenantDiffOptions): TenantDiff {
    return this.diffDocuments(readGraphFiles(paths), options);
  }

  private diffDocuments(docs: ReturnType<typeof readGraphFiles>, options?: TenantDiffOptions): TenantDiff {
    // Loaded on first use: an app that only exports does not load the diff's wording tables.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { diffTenant } = require('./tenant-matching') as typeof Matching;
    const stack = { source: this.source, objects: this.objects, model: this.model, adopted: this.adopted, warnings: this.warnings };
    return diffTenant(stack, docs, options ?? {});
  }

  private normalForms(): NormalObject[] {
    return this.objects.filter((o) => o.kind !== ExportedObjectKind.AUTHENTICATION_STRENGTH).map((o) => normalObject(o.graph, o.kind));
  }
}

/** Terraform import ids by address (`import` blocks, top level or on the resource). */
function importIds(json: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isObject(json)) return out;
  const blocks = Array.isArray(json.import) ? json.import : [];
  for (const b of blocks) {
    if (isObject(b) && typeof b.to === 'string' && typeof b.id === 'string') out.set(b.to, b.id);
  }
  for (const [type, byName] of Object.entries(isObject(json.resource) ? json.resource : {})) {
    for (const [name, body] of Object.entries(isObject(byName) ? byName : {})) {
      const inner = isObject(body) && Array.isArray(body.import) ? body.import : [];
      for (const b of inner) if (isObject(b) && typeof b.id === 'string') out.set(`${type}.${name}`, b.id);
    }
  }
  return out;
}

const GUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function lastGuid(importId: string | undefined, prefix: string): string | undefined {
  if (!importId) return undefined;
  if (!importId.startsWith(prefix) && !GUID_AT_END.test(importId)) return undefined;
  const m = GUID_AT_END.exec(importId);
  return m ? m[1].toLowerCase() : undefined;
}

/** The value of a reference to an adopted resource: its object id, or for a strength its full-path id. */
function idFor(address: string, attribute: string, imports: Map<string, string>): string | undefined {
  const importId = imports.get(address);
  if (!importId) return undefined;
  const guid = GUID_AT_END.exec(importId)?.[1]?.toLowerCase();
  if (!guid) return undefined;
  if (address.startsWith('azuread_authentication_strength_policy.') && attribute === 'id') return `${AUTHENTICATION_STRENGTH_PATH}${guid}`;
  if (attribute === 'object_id') return guid;
  return undefined;
}

function nameOf(attributes: { [name: string]: any } | undefined): string | undefined {
  if (!attributes) return undefined;
  for (const key of ['display_name', 'user_principal_name', 'name']) {
    const v = attributes[key];
    if (typeof v === 'string' && !isExpression(v)) return v;
  }
  return undefined;
}
