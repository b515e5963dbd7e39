/* eslint-disable @stylistic/max-len */
/**
 * What applying a stack would change in a tenant, per policy and named location, in the portal's words:
 * the result of `GraphExport.diff` / `diffFiles` and of `cdktf-entra-ca diff`.
 */
import type { ExportedObjectKind } from './graph-export';

/** What applying the stack does to one tenant object. */
export enum TenantChange {
  /** The stack creates it: no tenant object has its id or display name. */
  CREATE = 'create',
  /** The stack changes the tenant object it matches. */
  UPDATE = 'update',
  /** The stack deletes it: Terraform manages it (its id is in the state given) and the stack no longer has it. */
  DELETE = 'delete',
  /** The stack matches the tenant object and changes nothing. */
  UNCHANGED = 'unchanged',
  /** Only in the tenant, not managed by the stack: applying leaves it as it is. */
  LEFT_ALONE = 'leftAlone',
}

/** How a stack object was matched to a tenant object. */
export enum TenantMatch {
  /** By object id: the stack adopts the object (`importFrom`, an import block) or the state holds its id. */
  ID = 'id',
  /** By kind and display name (the stack does not say which object it stands for). */
  DISPLAY_NAME = 'displayName',
}

/** One field that applying the stack changes, in portal words. */
export interface FieldChange {
  /** The field's path in the Graph normal form, e.g. `conditions.users.excludeGroups` (`other.<path>` for a field provider 3.7.0 cannot express). */
  readonly path: string;
  /** The field in portal words, e.g. `Users › Exclude › Groups`. */
  readonly field: string;
  /** Values the stack adds to a list field, in portal words (for a new object: every value). */
  readonly added: string[];
  /** Values the stack removes from a list field, in portal words. */
  readonly removed: string[];
  /**
   * The tenant's value in portal words, for a field that is not a list (or a list changed to or from "All").
   * @default - a list field whose items are in `added` / `removed`, or a new object
   */
  readonly before?: string;
  /**
   * The stack's value in portal words, for a field that is not a list (or a list changed to or from "All").
   * @default - a list field whose items are in `added` / `removed`
   */
  readonly after?: string;
  /** The change as one line, e.g. `Users › Exclude › Groups: − Break glass` or `State: Report-only → On`. */
  readonly text: string;
  /**
   * Whether a value of the change is a Terraform reference only known at apply time (e.g. a group the
   * stack looks up): the tenant may already hold that value, so the change may be none.
   */
  readonly knownAtApply: boolean;
}

/** What applying the stack does to one policy or named location. */
export interface ObjectDiff {
  /** A policy or a named location. */
  readonly kind: ExportedObjectKind;
  /** Create, update, delete, unchanged or left alone. */
  readonly change: TenantChange;
  /** The display name (the stack's, for an object in the stack). */
  readonly displayName: string;
  /**
   * The Terraform address of the stack's resource.
   * @default - not in the stack
   */
  readonly address?: string;
  /**
   * The tenant object's id.
   * @default - not in the tenant export
   */
  readonly id?: string;
  /**
   * Where the tenant object was read, e.g. `export/policies.json#3`.
   * @default - not in the tenant export
   */
  readonly tenantSource?: string;
  /**
   * How the stack object was matched to the tenant object.
   * @default - not matched (created, deleted or left alone)
   */
  readonly matchedBy?: TenantMatch;
  /** Whether the stack adopts the tenant object (`importFrom`, an import block): the apply imports it first. */
  readonly adopted: boolean;
  /**
   * A policy's state change in portal words, e.g. `Report-only → On`.
   * @default - the state does not change (or the object is not a policy)
   */
  readonly stateChange?: string;
  /** The fields that change (for a new object: every field it sets; for a deleted or untouched one: none). */
  readonly changes: FieldChange[];
  /** What the reader should know about this object, e.g. that its adopted id is not in the export. */
  readonly notes: string[];
}

/** How many objects each kind of change touches. */
export interface TenantDiffCounts {
  /** Objects the stack creates. */
  readonly create: number;
  /** Objects the stack changes. */
  readonly update: number;
  /** Objects the stack deletes. */
  readonly delete: number;
  /** Objects the stack matches and leaves as they are. */
  readonly unchanged: number;
  /** Tenant objects the stack does not manage. */
  readonly leftAlone: number;
}

/** Options of `GraphExport.diff` and `GraphExport.diffFiles`. */
export interface TenantDiffOptions {
  /**
   * The object ids Terraform manages, by resource address (from the Terraform state, e.g.
   * `{ "azuread_conditional_access_policy.mfa": "4f9290d1-…" }`). A stack resource listed here is
   * matched by that id; a tenant object whose id is listed under an address the stack no longer has
   * is shown as deleted.
   * @default - no state: stack objects are matched by adopted id or display name, and every object
   *   only in the tenant is left alone
   */
  readonly stateIds?: { [address: string]: string };
}

/**
 * What applying a stack would change in a tenant, per policy and named location, in the portal's
 * words: objects created, updated (each field that changes, a state change flagged), deleted, unchanged
 * and left alone. Objects match by id where the stack adopts them (or the state holds their id), else
 * by kind and display name. Custom authentication strengths are not compared.
 *
 * @example
 * const diff = GraphExport.fromStack(stack).diffFiles(['tenant-export/']);
 * console.log(diff.toText());
 * expect(diff.objects.find((o) => o.displayName === 'Require MFA')?.stateChange).toBe('Report-only → On');
 */
export class TenantDiff {
  /** Every policy, then every named location: the stack's in stack order, then those only in the tenant. */
  public readonly objects: ObjectDiff[];
  /** Where the stack came from. */
  public readonly source: string;
  /** The tenant export's files (or `<json>`). */
  public readonly tenantSources: string[];
  /** What was left out of the comparison and why (e.g. an object that is neither a policy nor a named location). */
  public readonly warnings: string[];

  /**
   * @param source where the stack came from
   * @param tenantSources the tenant export's files
   * @param objects the objects, in output order
   * @param warnings what was left out and why
   */
  public constructor(source: string, tenantSources: string[], objects: ObjectDiff[], warnings: string[]) {
    this.source = source;
    this.tenantSources = tenantSources;
    this.objects = objects;
    this.warnings = warnings;
  }

  /** Whether applying the stack changes the tenant (an object created, updated or deleted). */
  public get hasChanges(): boolean {
    return this.objects.some((o) => o.change === TenantChange.CREATE || o.change === TenantChange.UPDATE || o.change === TenantChange.DELETE);
  }

  /** How many objects each kind of change touches. */
  public get counts(): TenantDiffCounts {
    const n = (c: TenantChange) => this.objects.filter((o) => o.change === c).length;
    return { create: n(TenantChange.CREATE), update: n(TenantChange.UPDATE), delete: n(TenantChange.DELETE), unchanged: n(TenantChange.UNCHANGED), leftAlone: n(TenantChange.LEFT_ALONE) };
  }

  /** The diff as JSON: `{ hasChanges, counts, objects, warnings }`. */
  public toJson(): any {
    return { source: this.source, tenantSources: this.tenantSources, hasChanges: this.hasChanges, counts: this.counts, objects: this.objects, warnings: this.warnings };
  }

  /**
   * The diff as text for a reviewer: one block per object that changes, one line per unchanged or
   * untouched object, a summary line last.
   */
  public toText(): string {
    const out: string[] = [];
    const what = (o: ObjectDiff) => `${o.kind === 'policy' ? 'policy' : 'named location'} "${o.displayName}"`;
    for (const o of this.objects) {
      const match = o.matchedBy === TenantMatch.ID ? `matched by id ${o.id}${o.adopted ? ', adopted' : ''}` : o.matchedBy === TenantMatch.DISPLAY_NAME ? `matched by display name${o.id ? `, id ${o.id}` : ''}` : '';
      switch (o.change) {
        case TenantChange.CREATE:
          out.push(`+ create ${what(o)}${o.address ? ` (${o.address})` : ''}`);
          break;
        case TenantChange.UPDATE:
          out.push(`~ update ${what(o)} (${match})`);
          break;
        case TenantChange.DELETE:
          out.push(`- delete ${what(o)} (id ${o.id}: in the Terraform state, no longer in the stack)`);
          break;
        case TenantChange.UNCHANGED:
          out.push(`= unchanged ${what(o)} (${match})`);
          break;
        default:
          out.push(`  left alone ${what(o)} (id ${o.id ?? 'none'}: not managed by the stack)`);
      }
      if (o.stateChange) out.push(`    ! state change: ${o.stateChange}`);
      for (const c of o.changes) {
        if (c.path === 'state' && o.stateChange) continue;
        const maySame = c.knownAtApply && o.change === TenantChange.UPDATE;
        out.push(`    ${c.text}${maySame ? ' (a value known only at apply time: may already match)' : ''}`);
      }
      for (const n of o.notes) out.push(`    note: ${n}`);
    }
    for (const w of this.warnings) out.push(`warning: ${w}`);
    const c = this.counts;
    out.push(`${c.create} to create, ${c.update} to update, ${c.delete} to delete, ${c.unchanged} unchanged, ${c.leftAlone} left alone`);
    return `${out.join('\n')}\n`;
  }
}
