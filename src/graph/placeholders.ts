/**
 * Ids in real exports are not always ids: templates hold placeholders (`<GroupId>`,
 * `xxxxxxxx-xxxx-…`, `{tenantId}`), hand-written bodies hold display names (`"ToU"`, a group's
 * name, a user's UPN). The importer keeps each such value as a `FILL_IN` entry of the generated
 * module, a clearly fake GUID the user replaces, and reports where it is used. Role names and
 * well-known application names are resolved to their ids instead. Internal module.
 */
import { isGuid } from '../private/validation';
import { WELL_KNOWN_APP_NAMES } from '../vocabulary/applications';
import { DIRECTORY_ROLES } from '../vocabulary/directory-roles';

/** What kind of id a place holds, for messages and `FILL_IN` names. */
export type IdKind = 'user' | 'group' | 'role' | 'application' | 'servicePrincipal' | 'namedLocation' | 'termsOfUse' | 'tenant' | 'authenticationStrength';

/** How each kind of id is described and named. */
export const ID_KINDS: { readonly [k in IdKind]: { readonly noun: string; readonly prefix: string } } = {
  user: { noun: "a user's object id", prefix: 'USER' },
  group: { noun: "a group's object id", prefix: 'GROUP' },
  role: { noun: "a directory role's template id", prefix: 'ROLE' },
  application: { noun: "an application's client id", prefix: 'APPLICATION' },
  servicePrincipal: { noun: "a service principal's object id", prefix: 'SERVICE_PRINCIPAL' },
  namedLocation: { noun: "a named location's object id", prefix: 'NAMED_LOCATION' },
  termsOfUse: { noun: "a terms of use agreement's id", prefix: 'TERMS_OF_USE' },
  tenant: { noun: "an external tenant's id", prefix: 'TENANT' },
  authenticationStrength: { noun: "an authentication strength's id", prefix: 'AUTHENTICATION_STRENGTH' },
};

/** The all-zero GUID documentation samples use. */
export const NIL_GUID = '00000000-0000-0000-0000-000000000000';

/** What a value in an id position is. */
export type IdClass =
  | { readonly kind: 'id'; readonly value: string }
  | { readonly kind: 'resolved'; readonly value: string; readonly label: string }
  | { readonly kind: 'placeholder'; readonly what: string };

const GUID_SHAPED = /^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/i;

/** Classify a value found where an id of `kind` belongs. */
export function classifyId(kind: IdKind, value: string): IdClass {
  const v = value.trim();
  if (isGuid(v) && v !== NIL_GUID) return { kind: 'id', value: v.toLowerCase() };
  if (v === NIL_GUID) return { kind: 'placeholder', what: 'the all-zero GUID documentation samples use' };
  if (kind === 'role') {
    const role = DIRECTORY_ROLES.find((r) => r.label.toLowerCase() === v.toLowerCase());
    if (role) return { kind: 'resolved', value: role.templateId, label: role.label };
  }
  if (kind === 'application') {
    const id = APPLICATION_IDS_BY_NAME.get(v.toLowerCase());
    if (id) return { kind: 'resolved', value: id, label: v };
  }
  if (/^[<{[$%]/.test(v) || GUID_SHAPED.test(v)) return { kind: 'placeholder', what: 'a placeholder' };
  if (kind === 'user' && v.includes('@')) return { kind: 'placeholder', what: 'a user principal name' };
  return { kind: 'placeholder', what: 'a display name or other text' };
}

/** Application ids by unique name (names two apps share are left out). */
const APPLICATION_IDS_BY_NAME: ReadonlyMap<string, string> = (() => {
  const byName = new Map<string, string[]>();
  const add = (id: string, name: string): void => {
    const key = name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), id]);
  };
  for (const [id, name] of WELL_KNOWN_APP_NAMES) add(id, name);
  return new Map([...byName].filter(([, ids]) => new Set(ids).size === 1).map(([name, ids]) => [name, ids[0]]));
})();

/** One place a `FILL_IN` entry is used. */
export interface FillInUse {
  readonly source: string;
  readonly displayName?: string;
  readonly path: string;
}

/** A `FILL_IN` entry of the generated module. */
export interface FillIn {
  /** The constant's name, e.g. `ADMINISTRATOR_GROUP`. */
  readonly name: string;
  /** The fake GUID the generated module holds until the user replaces it. */
  readonly value: string;
  /** The value of the input, e.g. `<AdministratorGroup>`. */
  readonly original: string;
  /** What kind of id belongs there. */
  readonly idKind: IdKind;
  /** What the original value is (a placeholder, a display name, …). */
  readonly what: string;
  /** Where it is used. */
  readonly uses: FillInUse[];
}

/** The `FILL_IN` entries of one import, shared by every object of the input. */
export class FillIns {
  private readonly byKey = new Map<string, FillIn>();
  private readonly names = new Set<string>();
  private readonly kindCounters = new Map<IdKind, number>();

  /** Every entry, in the order they were first used. */
  public get all(): FillIn[] {
    return [...this.byKey.values()];
  }

  /** The entry standing for `original` in a place of `kind` (created on first use), with this use added. */
  public use(kind: IdKind, original: string, what: string, use: FillInUse): FillIn {
    const key = `${kind}\u0000${original}`;
    let entry = this.byKey.get(key);
    if (!entry) {
      const value = original.trim() === NIL_GUID ? NIL_GUID : `00000000-0000-0000-0000-f${(this.byKey.size + 1).toString(16).padStart(11, '0')}`;
      entry = { name: this.nameFor(kind, original), value, original, idKind: kind, what, uses: [] };
      this.byKey.set(key, entry);
    }
    entry.uses.push(use);
    return entry;
  }

  /** The entry whose value stands in a place of `kind`, if `value` is one. */
  public find(kind: IdKind, value: string): FillIn | undefined {
    return [...this.byKey.values()].find((f) => f.idKind === kind && f.value === value);
  }

  /** The original value a fake GUID stands for, if it is one of this import's. */
  public originalOf(value: string): string | undefined {
    return [...this.byKey.values()].find((f) => f.value === value.toLowerCase())?.original;
  }

  private nameFor(kind: IdKind, original: string): string {
    const prefix = ID_KINDS[kind].prefix;
    const text = original.trim();
    let base: string;
    if (text === NIL_GUID || GUID_SHAPED.test(text)) {
      const n = (this.kindCounters.get(kind) ?? 0) + 1;
      this.kindCounters.set(kind, n);
      base = `${prefix}_${n}`;
    } else {
      const words = screamingSnake(text);
      const bracketed = /^[<{[$%]/.test(text);
      base = !words ? prefix : bracketed ? words : words.startsWith(`${prefix}_`) || words === prefix ? words : `${prefix}_${words}`;
      if (bracketed && !/[A-Z]/.test(base[0])) base = `${prefix}_${base}`;
    }
    base = base.slice(0, 60).replace(/_+$/, '');
    let name = base;
    for (let i = 2; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }
}

/** `AdministratorGroup` / `admin group` → `ADMINISTRATOR_GROUP`. */
function screamingSnake(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}
