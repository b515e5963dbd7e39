/**
 * Three-valued logic, identity terms and the compact lists the evaluator matches against. Internal module.
 */

/** Three-valued truth: false, true, unknown. Plain numbers so the hot loop stays monomorphic. */
export type Tri = 0 | 1 | 2;
/** False. */
export const F: Tri = 0;
/** True. */
export const T: Tri = 1;
/** Unknown. */
export const U: Tri = 2;

/** Kleene OR. */
export function or3(a: Tri, b: Tri): Tri {
  if (a === T || b === T) return T;
  if (a === U || b === U) return U;
  return F;
}

/** Kleene AND. */
export function and3(a: Tri, b: Tri): Tri {
  if (a === F || b === F) return F;
  if (a === U || b === U) return U;
  return T;
}

/** Kleene NOT. */
export function not3(a: Tri): Tri {
  return a === U ? U : a === T ? F : T;
}

/**
 * How an include/exclude pair decides a condition: `1` passes, `0` fails (its own reason), `2` is
 * `notEnoughInformation`.
 */
export function decide(include: Tri, exclude: Tri): Tri {
  if (include === F || exclude === T) return F;
  if (include === T && exclude === F) return T;
  return U;
}

/**
 * The kind of an identity term:
 * - `K_GUID`: a literal object id / app id / tenant id (lower-cased GUID);
 * - `K_ADDRESS`: a resource defined in the stack, identified by its Terraform address; its id is created at apply
 *   time, so it equals nothing but itself;
 * - `K_OPAQUE`: something whose id is unknown offline (a data source, a resource not in the stack, `${var.x}`); it
 *   may equal any GUID or other opaque term, and equals itself.
 */
export type TermKind = 0 | 1 | 2;
/** See TermKind. */
export const K_GUID: TermKind = 0;
/** See TermKind. */
export const K_ADDRESS: TermKind = 1;
/** See TermKind. */
export const K_OPAQUE: TermKind = 2;

/** An identity (user, group, role, application, service principal, tenant) in a policy or a sign-in. */
export interface Term {
  /** Lower-cased GUID, Terraform address, or the raw expression. */
  readonly key: string;
  readonly kind: TermKind;
}

/** A compiled list of identity terms. */
export class IdList {
  /** Keys of every term. */
  public readonly keys = new Set<string>();
  /** Whether the list holds a literal GUID. */
  public hasGuid = false;
  /** Whether the list holds an opaque term (or is itself an unresolvable expression). */
  public hasOpaque = false;

  /** Adds a term. */
  public add(term: Term): void {
    this.keys.add(term.key);
    if (term.kind === K_GUID) this.hasGuid = true;
    else if (term.kind === K_OPAQUE) this.hasOpaque = true;
  }

  /** Whether the list is empty (and known). */
  public get empty(): boolean {
    return this.keys.size === 0 && !this.hasOpaque;
  }

  /** Whether `term` is in the list. */
  public has(term: Term): Tri {
    if (this.keys.has(term.key)) return T;
    switch (term.kind) {
      case K_GUID:
        return this.hasOpaque ? U : F;
      case K_OPAQUE:
        return this.hasOpaque || this.hasGuid ? U : F;
      default:
        return F;
    }
  }

  /** Whether any of `terms` is in the list; `terms === null` means the sign-in does not say (unknown). */
  public hasAny(terms: readonly Term[] | null): Tri {
    if (this.empty) return F;
    if (terms === null) return U;
    let r: Tri = F;
    for (const t of terms) {
      const m = this.has(t);
      if (m === T) return T;
      if (m === U) r = U;
    }
    return r;
  }
}

/**
 * Group or role membership known for some objects only (gap analysis explores it one object at a time): `in` are
 * the objects the sign-in is a member of, `decided` the keys of every object whose membership is known.
 */
export interface PartialMembership {
  readonly in: readonly Term[];
  readonly decided: ReadonlySet<string>;
}

/** Whether any object of `list` is one the partial membership holds; unknown for an object not yet decided. */
export function hasAnyPartial(list: IdList, known: PartialMembership): Tri {
  if (list.empty) return F;
  let r: Tri = F;
  for (const t of known.in) {
    const m = list.has(t);
    if (m === T) return T;
    if (m === U) r = U;
  }
  for (const key of list.keys) {
    if (!known.decided.has(key)) return U;
  }
  return r;
}

/** A compiled list of enum values (client app types, platforms, risk levels, ...). */
export class EnumList {
  /** The values. */
  public readonly values = new Set<string>();
  /** The list contains `all`. */
  public all = false;
  /** The list contains an unresolvable expression. */
  public unknown = false;
  /**
   * Sign-in values that may or may not be in the list (a sign-in value wider than a policy value: `exchangeActiveSync`
   * against a policy on `easSupported` only); `null` when there are none.
   */
  public maybe: Set<string> | null = null;

  /** Whether `value` is in the list; `null` means the sign-in does not say. */
  public match(value: string | null): Tri {
    if (this.all) return T;
    if (value === null) return this.values.size === 0 && !this.unknown ? F : U;
    if (this.values.has(value)) return T;
    return this.unknown || (this.maybe !== null && this.maybe.has(value)) ? U : F;
  }
}
