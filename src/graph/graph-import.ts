/* eslint-disable @stylistic/max-len */
import * as path from 'path';
import { NAMED_LOCATION_IMPORT_PREFIX, POLICY_IMPORT_PREFIX } from './adoption';
import { evaluate, Expr, idExpr, locationProps, PlanContext, PlanError, policyProps, validateLocation } from './construct-plan';
import { readGraphFiles, readGraphJson, parseGraphText, GraphDocument, GraphObject } from './graph-reader';
import { convertNamedLocation, convertPolicy, ConvertedObject } from './graph-to-model';
import { fieldName, pascalCase, UniqueNames } from './identifiers';
import { ImportFinding, ImportFindingKind, ImportStatus, LossCategory } from './import-finding';
import { FillIns } from './placeholders';
import { ExistingLocation, LeftOut, ModuleConstruct, printModule } from './typescript-codegen';
import { ConditionalAccessModel } from '../model/conditional-access-model';
import { NamedLocationModel, PolicyModel } from '../model/model';
import { validatePolicyProps } from '../policy/policy-validation';
import { ConditionalAccessRules } from '../rules/conditional-access-rules';
import { RuleSeverity } from '../rules/rule';

/** The package name generated modules import the library from. */
export const PACKAGE_NAME = 'cdktf-entra-conditional-access';

/**
 * How the reason of every suppression the generated module writes begins: a lint error the object has
 * as it is in the tenant (Graph accepted it) is suppressed, so the generated module always synthesizes.
 */
export const IMPORTED_REASON = 'imported as found in the tenant';

/** Options of an import. */
export interface GraphImportOptions {
  /**
   * Convert a policy even when a condition provider 3.7.0 cannot express is left out, so it applies
   * to more (or other) sign-ins than the original. The finding stays in the report.
   * @default false
   */
  readonly allowBroadened?: boolean;

  /**
   * Adopt the existing objects: each generated construct calls `importFrom` on its L1 resource with
   * the object's id, so `cdktf deploy` imports it instead of creating a duplicate (Terraform ≥ 1.5;
   * cdktf checks the Terraform version at synth).
   * @default false
   */
  readonly adopt?: boolean;

  /**
   * Show file sources relative to this directory (in findings and in the generated code's comments).
   * @default - as given
   */
  readonly sourceRoot?: string;
}

/** Options of the generated TypeScript module. */
export interface TypeScriptModuleOptions {
  /**
   * Name of the exported construct class.
   * @default 'ImportedConditionalAccess'
   */
  readonly className?: string;

  /**
   * Where the generated code imports the library from.
   * @default 'cdktf-entra-conditional-access'
   */
  readonly importPath?: string;
}

/** A policy of the input and how it was converted. */
export interface ImportedPolicy {
  /** `<file>` or `<file>#<index>`. */
  readonly source: string;
  /** The display name. */
  readonly displayName: string;
  /**
   * The Graph id.
   * @default - the input has none (a template or a request body)
   */
  readonly id?: string;
  /** Converted, converted with reports, or not converted. */
  readonly status: ImportStatus;
  /** What the conversion found. */
  readonly findings: ImportFinding[];
  /**
   * The policy in the library's model (what the generated construct synthesizes).
   * @default - not converted
   */
  readonly model?: PolicyModel;
  /**
   * The construct id of the generated policy.
   * @default - not converted
   */
  readonly constructId?: string;
}

/** A named location of the input and how it was converted. */
export interface ImportedNamedLocation {
  /** `<file>` or `<file>#<index>`. */
  readonly source: string;
  /** The display name. */
  readonly displayName: string;
  /**
   * The Graph id.
   * @default - the input has none
   */
  readonly id?: string;
  /** Converted, converted with reports, or not converted. */
  readonly status: ImportStatus;
  /** What the conversion found. */
  readonly findings: ImportFinding[];
  /**
   * The named location in the library's model.
   * @default - not converted
   */
  readonly model?: NamedLocationModel;
  /**
   * The construct id of the generated named location.
   * @default - not converted
   */
  readonly constructId?: string;
}

/** A value of the generated module's `FILL_IN` object. */
export interface FillInValue {
  /** The constant's name, e.g. `ADMINISTRATOR_GROUP`. */
  readonly name: string;
  /** The fake GUID the generated module holds until you replace it. */
  readonly value: string;
  /** What the input held, e.g. `<AdministratorGroup>`. */
  readonly original: string;
  /** Where it is used: `<display name> <JSON path>`. */
  readonly usedBy: string[];
}

interface Converted<T> {
  readonly object: GraphObject;
  readonly converted: ConvertedObject<T>;
  readonly findings: ImportFinding[];
  emitted: boolean;
  constructId?: string;
  field?: string;
  props?: Expr;
  className?: string;
  adoptId?: string;
  notes: string[];
  suppressions: Array<readonly [string, string]>;
}

/**
 * Conditional Access policies and named locations read from Microsoft Graph JSON, converted to the
 * library's model and, with `toTypeScript()`, to a module of L2 constructs. Reads what people have:
 * a Graph list response (`value`), single objects, v1.0 and beta, `@odata` annotations, the Graph
 * PowerShell SDK's PascalCase keys, files in UTF-8 or UTF-16. Nothing is dropped silently: each
 * field provider 3.7.0 cannot express, each placeholder and each rewritten value is a finding.
 *
 * @example
 * const imported = GraphImport.fromFiles(['tenant-export/']);
 * imported.findings.filter((f) => f.kind === ImportFindingKind.INEXPRESSIBLE);
 * fs.writeFileSync('imported.ts', imported.toTypeScript({ className: 'Tenant' }));
 */
export class GraphImport {
  /**
   * Imports parsed Graph JSON: a list response, an array or one object.
   * @param json the parsed JSON
   * @param source a name for messages
   * @param options conversion options
   * @default source '<json>'
   */
  public static fromJson(json: any, source?: string, options?: GraphImportOptions): GraphImport {
    return new GraphImport([readGraphJson(json, source ?? '<json>')], options ?? {});
  }

  /**
   * Imports Graph JSON text (a byte order mark is skipped).
   * @param text the JSON text
   * @param source a name for messages
   * @param options conversion options
   * @default source '<text>'
   */
  public static fromText(text: string, source?: string, options?: GraphImportOptions): GraphImport {
    return new GraphImport([parseGraphText(text, source ?? '<text>')], options ?? {});
  }

  /**
   * Imports files, and every `*.json` below directories (UTF-8 or UTF-16, with or without a BOM).
   * @param paths files or directories
   * @param options conversion options
   */
  public static fromFiles(paths: string[], options?: GraphImportOptions): GraphImport {
    const root = options?.sourceRoot;
    const documents = readGraphFiles(paths).map((d) => (root ? relativeDocument(d, root) : d));
    return new GraphImport(documents, options ?? {});
  }

  /** Policies of the input, in input order. */
  public readonly policies: ImportedPolicy[];
  /** Named locations of the input, in input order. */
  public readonly namedLocations: ImportedNamedLocation[];
  /** Files that could not be read and objects that are neither a policy nor a named location. */
  public readonly unreadable: ImportFinding[];
  /** The `FILL_IN` values of the generated module. */
  public readonly fillIns: FillInValue[];

  private readonly options: GraphImportOptions;
  private readonly fills = new FillIns();
  private readonly convertedPolicies: Converted<PolicyModel>[] = [];
  private readonly convertedLocations: Converted<NamedLocationModel>[] = [];
  private readonly existing = new Map<string, ExistingLocation>();
  private readonly names = new UniqueNames();
  private readonly fields = new UniqueNames();
  private readonly scopeSuppressions: Array<readonly [string, string]> = [];
  private readonly documents: GraphDocument[];

  private constructor(documents: GraphDocument[], options: GraphImportOptions) {
    this.options = options;
    this.documents = documents;
    this.unreadable = [];
    for (const doc of documents) {
      if (doc.problem) {
        this.unreadable.push({ kind: ImportFindingKind.UNREADABLE, source: doc.source, path: '', message: `${doc.problem}; nothing of it is imported` });
      }
      for (const obj of doc.objects) {
        if (obj.kind === 'policy') this.convertedPolicies.push(this.wrap(obj, convertPolicy(obj, { fillIns: this.fills })));
        else if (obj.kind === 'namedLocation') this.convertedLocations.push(this.wrap(obj, convertNamedLocation(obj, { fillIns: this.fills })));
        else this.unreadable.push(this.unknownObject(obj));
      }
    }
    this.decide(this.convertedLocations, 'Location');
    this.decide(this.convertedPolicies, 'Policy');
    this.planLocations();
    this.planPolicies();
    this.lint();
    this.adopt();

    this.policies = this.convertedPolicies.map((c) => ({
      source: c.object.source,
      displayName: c.converted.displayName,
      id: c.converted.id,
      status: status(c),
      findings: c.findings,
      model: c.emitted ? c.converted.model : undefined,
      constructId: c.emitted ? c.constructId : undefined,
    }));
    this.namedLocations = this.convertedLocations.map((c) => ({
      source: c.object.source,
      displayName: c.converted.displayName,
      id: c.converted.id,
      status: status(c),
      findings: c.findings,
      model: c.emitted ? c.converted.model : undefined,
      constructId: c.emitted ? c.constructId : undefined,
    }));
    this.fillIns = this.fills.all.map((f) => ({
      name: f.name,
      value: f.value,
      original: f.original,
      usedBy: f.uses.map((u) => `${u.displayName ? `"${u.displayName}" ` : ''}${u.path}`),
    }));
  }

  /** Every finding: unreadable input first, then named locations, then policies. */
  public get findings(): ImportFinding[] {
    return [...this.unreadable, ...this.namedLocations.flatMap((l) => l.findings), ...this.policies.flatMap((p) => p.findings)];
  }

  /**
   * The CLI's exit code: 2 when an input could not be read, 1 when anything was reported (other than
   * values rewritten to an equivalent form), 0 when everything converted as is.
   */
  public get exitCode(): number {
    if (this.documents.some((d) => d.problem !== undefined)) return 2;
    return this.findings.some((f) => f.kind !== ImportFindingKind.NORMALISED) ? 1 : 0;
  }

  /** The converted policies and named locations as a model (for the rules, What-If or an export). */
  public get model(): ConditionalAccessModel {
    const model = ConditionalAccessModel.fromTerraformJson({}, 'Graph import');
    model.policies.push(...this.policies.flatMap((p) => (p.model ? [p.model] : [])));
    model.namedLocations.push(...this.namedLocations.flatMap((l) => (l.model ? [l.model] : [])));
    return model;
  }

  /**
   * The converted objects as a TypeScript module: one exported construct class (`constructor(scope, id)`)
   * that creates them with the library's L2 constructs, importing the library by its package name.
   * @param options class name and import path
   */
  public toTypeScript(options?: TypeScriptModuleOptions): string {
    const className = options?.className ?? 'ImportedConditionalAccess';
    if (!/^[A-Z][A-Za-z0-9_]*$/.test(className)) {
      throw new Error(`className: '${className}' is not a class name; use a PascalCase identifier such as 'ImportedConditionalAccess'`);
    }
    const construct = (c: Converted<any>): ModuleConstruct => ({
      className: c.className!,
      constructId: c.constructId!,
      field: c.field!,
      displayName: c.converted.displayName,
      source: c.object.source,
      props: c.props!,
      adoptId: c.adoptId,
      suppressions: c.suppressions,
      comments: [...c.notes, ...c.findings.filter((f) => f.kind !== ImportFindingKind.NORMALISED && f.kind !== ImportFindingKind.LINT && !isRangeDescription(f)).map(findingLine)],
    });
    const leftOut: LeftOut[] = [...this.convertedLocations, ...this.convertedPolicies].filter((c) => !c.emitted).map((c) => ({
      displayName: c.converted.displayName,
      source: c.object.source,
      reasons: c.findings.filter((f) => f.kind !== ImportFindingKind.NORMALISED && f.kind !== ImportFindingKind.PLACEHOLDER).map(findingLine),
    }));
    const emittedPolicies = this.convertedPolicies.filter((c) => c.emitted);
    const emittedLocations = this.convertedLocations.filter((c) => c.emitted);
    const usedFills = new Set<string>();
    for (const c of [...emittedPolicies, ...emittedLocations]) for (const f of c.findings) if (f.fillIn) usedFills.add(f.fillIn);
    for (const l of this.existing.values()) if (l.id.t === 'sym') usedFills.add(l.id.code.replace('FILL_IN.', ''));
    return printModule({
      className,
      importPath: options?.importPath ?? PACKAGE_NAME,
      header: [
        `Generated by \`cdktf-entra-ca import\` (${PACKAGE_NAME}) from Microsoft Graph JSON.`,
        `${emittedPolicies.length} of ${this.convertedPolicies.length} policies and ${emittedLocations.length} of ${this.convertedLocations.length} named locations converted`
          + `${this.options.adopt ? `; ${[...emittedPolicies, ...emittedLocations].filter((c) => c.adoptId).length} adopted with Terraform import blocks (Terraform >= 1.5)` : ''}.`,
        'Review the import report before deploying; search this file for FILL_IN and "Not converted".',
      ],
      fillIns: this.fills.all.filter((f) => usedFills.has(f.name)),
      locations: emittedLocations.map(construct),
      existingLocations: [...this.existing.values()],
      policies: emittedPolicies.map(construct),
      leftOut,
      scopeSuppressions: this.scopeSuppressions,
    });
  }

  /** A readable report: one line per object, then its findings. */
  public report(): string {
    const lines: string[] = [];
    for (const f of this.unreadable) lines.push(`unreadable  ${f.source}${f.path ? ` ${f.path}` : ''}: ${f.message}`);
    const objects = [
      ...this.namedLocations.map((l) => ({ what: 'named location', ...l })),
      ...this.policies.map((p) => ({ what: 'policy', ...p })),
    ];
    for (const o of objects) {
      const label = o.status === ImportStatus.CONVERTED ? 'converted' : o.status === ImportStatus.CONVERTED_WITH_REPORTS ? 'converted*' : 'NOT converted';
      lines.push(`${label.padEnd(13)} ${o.what} "${o.displayName}" (${o.source})`);
      for (const f of o.findings) lines.push(`    ${f.kind}${f.category ? ` (${f.category})` : ''} ${f.path || '(object)'}${f.value !== undefined ? ` = ${f.value}` : ''}: ${f.message}`);
    }
    const suppressed = [...new Set(objects.flatMap((o) => o.findings).concat(this.unreadable).filter((f) => f.kind === ImportFindingKind.LINT).map((f) => /^rule ([^\s:]+)/.exec(f.message)?.[1] ?? ''))].filter((r) => r).sort();
    if (suppressed.length > 0) {
      lines.push(`lint errors suppressed in the generated module with the reason '${IMPORTED_REASON}' (rules ${suppressed.join(', ')}), so it synthesizes; fix them in code and remove the suppressions`);
    }
    const count = (s: ImportStatus) => objects.filter((o) => o.status === s).length;
    lines.push(`${objects.length} objects: ${count(ImportStatus.CONVERTED)} converted, ${count(ImportStatus.CONVERTED_WITH_REPORTS)} converted with reports, `
      + `${count(ImportStatus.NOT_CONVERTED)} not converted; ${this.unreadable.length} unreadable; ${this.fillIns.length} value${this.fillIns.length === 1 ? '' : 's'} to fill in`);
    return `${lines.join('\n')}\n`;
  }

  private wrap<T>(object: GraphObject, converted: ConvertedObject<T>): Converted<T> {
    return { object, converted, findings: [...converted.findings], emitted: false, notes: [], suppressions: [] };
  }

  private unknownObject(obj: GraphObject): ImportFinding {
    const name = typeof obj.json.displayName === 'string' ? obj.json.displayName : undefined;
    const message = obj.kind === 'authenticationStrength'
      ? 'is an authentication strength policy; only policies and named locations are imported (policies keep requiring it by id: AuthenticationStrength.fromId)'
      : `is neither a Conditional Access policy nor a named location${obj.json['@odata.type'] ? ` (@odata.type ${obj.json['@odata.type']})` : ''}; it is not imported`;
    return { kind: ImportFindingKind.UNREADABLE, source: obj.source, displayName: name, path: '', message };
  }

  /** Which objects are converted, before the plan: blockers and lost conditions. */
  private decide<T>(list: Converted<T>[], fallback: string): void {
    for (const c of list) {
      const r = c.converted;
      if (r.blocker || !r.model) {
        this.note(c, ImportFindingKind.INEXPRESSIBLE, `not converted: ${r.blocker ?? 'it cannot be expressed'}`);
        continue;
      }
      if (r.lostCondition) {
        if (!this.options.allowBroadened) {
          this.note(c, ImportFindingKind.INEXPRESSIBLE, 'not converted: it would lose a condition and apply to other sign-ins than the original; pass --allow-broadened (allowBroadened) to convert it without the condition');
          continue;
        }
        c.notes.push('Converted without a condition provider 3.7.0 cannot express (--allow-broadened): it applies to other sign-ins than the original.');
      }
      c.emitted = true;
      c.constructId = this.names.take(pascalCase(r.displayName, fallback));
    }
  }

  private note(c: Converted<any>, kind: ImportFindingKind, message: string): void {
    if (kind === ImportFindingKind.INEXPRESSIBLE && c.findings.some((f) => f.message === message)) return;
    c.findings.push({ kind, source: c.object.source, displayName: c.converted.displayName || undefined, path: '', message });
  }

  private reject(c: Converted<any>, e: unknown): void {
    c.emitted = false;
    const message = e instanceof PlanError ? e.message : (e as Error).message;
    c.findings.push({
      kind: ImportFindingKind.REJECTED,
      source: c.object.source,
      displayName: c.converted.displayName || undefined,
      path: '',
      message: `not converted: the library's constructs reject it: ${message}`,
    });
  }

  private planLocations(): void {
    for (const c of this.convertedLocations.filter((x) => x.emitted)) {
      try {
        const model = c.converted.model!;
        const { className, props } = locationProps(model, c.converted.rangeNotes);
        validateLocation(model);
        c.className = className;
        c.props = props;
        c.field = this.fields.take(fieldName(c.constructId!, 'Location'));
      } catch (e) {
        this.reject(c, e);
      }
    }
  }

  private planPolicies(): void {
    const byId = new Map<string, Converted<NamedLocationModel>>();
    for (const c of this.convertedLocations) {
      if (c.emitted && c.converted.id && !byId.has(c.converted.id)) byId.set(c.converted.id, c);
    }
    const locationNames = new UniqueNames(this.convertedLocations.filter((c) => c.emitted).map((c) => c.constructId!));
    const ctx: PlanContext = {
      fillIns: this.fills,
      locations: {
        locationFor: (id: string): Expr => {
          const created = byId.get(id);
          if (created) return { t: 'sym', code: `this.${created.field}`, value: () => ({ locationId: id }) };
          let existing = this.existing.get(id);
          if (!existing) {
            const fill = this.fills.find('namedLocation', id);
            const suffix = fill ? pascalCase(fill.name, 'Location') : id.slice(0, 8);
            const constructId = locationNames.take(`Location${suffix[0].toUpperCase()}${suffix.slice(1)}`);
            existing = {
              variable: constructId[0].toLowerCase() + constructId.slice(1),
              constructId,
              id: idExpr(ctx, 'namedLocation', id),
              comment: fill ? undefined : 'exists in the tenant; not part of the input',
            };
            this.existing.set(id, existing);
          }
          const variable = existing.variable;
          return { t: 'sym', code: variable, value: () => ({ locationId: id }) };
        },
      },
    };
    for (const c of this.convertedPolicies.filter((x) => x.emitted)) {
      const before = new Set(this.existing.keys());
      try {
        const notes: string[] = [];
        const props = policyProps(c.converted.model!, ctx, notes, c.converted.strengthName);
        // The construct's own checks, without creating it: its L1 resource costs ~30 ms per policy in
        // cdktf tokens, which at tenant scale made up most of the import time (bench row 6).
        validatePolicyProps(evaluate(props) as any);
        c.props = props;
        c.className = 'ConditionalAccessPolicy';
        c.field = this.fields.take(fieldName(c.constructId!, 'Policy'));
        for (const n of notes) c.findings.push({ kind: ImportFindingKind.NORMALISED, source: c.object.source, displayName: c.converted.displayName || undefined, path: n.split(':')[0], message: n.slice(n.indexOf(':') + 2) });
      } catch (e) {
        // drop existing locations only this policy introduced
        for (const id of [...this.existing.keys()]) if (!before.has(id)) this.existing.delete(id);
        this.reject(c, e);
      }
    }
  }

  /** Rule errors the imported objects have as they are: suppressed in the generated code, with the reason reported. */
  private lint(): void {
    const emitted = this.convertedPolicies.filter((c) => c.emitted);
    if (emitted.length === 0) return;
    const model = ConditionalAccessModel.fromTerraformJson({}, 'Graph import');
    model.policies.push(...emitted.map((c) => c.converted.model!));
    model.namedLocations.push(...this.convertedLocations.filter((c) => c.emitted).map((c) => c.converted.model!));
    const byAddress = new Map(emitted.map((c) => [c.converted.model!.address, c]));
    for (const f of ConditionalAccessRules.lint(model)) {
      if (f.severity !== RuleSeverity.ERROR) continue;
      const c = f.address ? byAddress.get(f.address) : undefined;
      const reason = `${IMPORTED_REASON}: ${f.message}; fix it (${f.fix}) and remove this suppression`;
      if (c) {
        if (!c.suppressions.some(([r]) => r === f.ruleId)) c.suppressions.push([f.ruleId, reason.slice(0, 500)]);
        c.findings.push({
          kind: ImportFindingKind.LINT,
          source: c.object.source,
          displayName: c.converted.displayName || undefined,
          path: '',
          message: `rule ${f.ruleId} fails synth for it as imported (${f.message}); the generated code suppresses it with the reason '${IMPORTED_REASON}' so the module synthesizes: fix it, then remove the suppression`,
        });
      } else if (!this.scopeSuppressions.some(([r]) => r === f.ruleId)) {
        this.scopeSuppressions.push([f.ruleId, `${IMPORTED_REASON}: ${f.message}`.slice(0, 500)]);
        this.unreadable.push({ kind: ImportFindingKind.LINT, source: 'the import', path: '', message: `rule ${f.ruleId}: ${f.message}; the generated module suppresses it with the reason '${IMPORTED_REASON}' so it synthesizes` });
      }
    }
  }

  private adopt(): void {
    if (!this.options.adopt) return;
    const seen = new Map<string, string>();
    const one = (c: Converted<any>, prefix: string): void => {
      if (!c.emitted) return;
      const id = c.converted.id;
      if (!id) {
        this.addFinding(c, ImportFindingKind.ADOPT, 'id', 'has no id in the input; it cannot be adopted and deploying creates it');
        return;
      }
      const other = seen.get(`${prefix}${id}`);
      if (other) {
        this.addFinding(c, ImportFindingKind.ADOPT, 'id', `has the same id as ${other}; only that one is adopted, deploying creates this one`);
        return;
      }
      seen.set(`${prefix}${id}`, c.object.source);
      c.adoptId = `${prefix}${id}`;
    };
    this.convertedLocations.forEach((c) => one(c, NAMED_LOCATION_IMPORT_PREFIX));
    this.convertedPolicies.forEach((c) => one(c, POLICY_IMPORT_PREFIX));
  }

  private addFinding(c: Converted<any>, kind: ImportFindingKind, p: string, message: string): void {
    c.findings.push({ kind, source: c.object.source, displayName: c.converted.displayName || undefined, path: p, message });
  }
}

function status(c: Converted<any>): ImportStatus {
  if (!c.emitted) return ImportStatus.NOT_CONVERTED;
  return c.findings.length > 0 ? ImportStatus.CONVERTED_WITH_REPORTS : ImportStatus.CONVERTED;
}

/** A range's description: not Graph, shown as a comment next to the range instead. */
function isRangeDescription(f: ImportFinding): boolean {
  return f.kind === ImportFindingKind.NOT_GRAPH && /^ipRanges\[\d+\]\.description$/.test(f.path);
}

const LABELS: { [kind: string]: string } = {
  [ImportFindingKind.INEXPRESSIBLE]: 'Not expressible',
  [ImportFindingKind.INVALID]: 'Invalid',
  [ImportFindingKind.PLACEHOLDER]: 'Fill in',
  [ImportFindingKind.NOT_GRAPH]: 'Not imported',
  [ImportFindingKind.REJECTED]: 'Rejected',
  [ImportFindingKind.LINT]: 'Lint',
  [ImportFindingKind.ADOPT]: 'Not adopted',
  [ImportFindingKind.NORMALISED]: 'Normalised',
  [ImportFindingKind.UNREADABLE]: 'Unreadable',
};

function findingLine(f: ImportFinding): string {
  const what = f.kind === ImportFindingKind.INEXPRESSIBLE && f.category === LossCategory.CONTROL ? 'Lost control'
    : f.kind === ImportFindingKind.INEXPRESSIBLE && f.category === LossCategory.CONDITION ? 'Lost condition'
      : LABELS[f.kind] ?? f.kind;
  return `${what}: ${f.path ? `${f.path}${f.value !== undefined ? ` = ${f.value}` : ''}: ` : ''}${f.message}`;
}

/** A source path relative to `root` when it is inside it. */
function displaySource(source: string, root: string): string {
  const rel = path.relative(path.resolve(root), path.resolve(source));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : source;
}

function relativeDocument(d: GraphDocument, root: string): GraphDocument {
  const source = displaySource(d.source, root);
  return {
    source,
    problem: d.problem,
    objects: d.objects.map((o) => ({ ...o, source: source + o.source.slice(d.source.length) })),
  };
}
