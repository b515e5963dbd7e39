import { IResolvable, IResolveContext, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { ValidationError } from '../validation-error';

/**
 * Collects the problems of a construct's input so that all of them are reported at once: each
 * check runs on its own, a {@link ValidationError} it throws is recorded, and `throwIfAny` throws
 * one error with every problem, the construct path and the display name.
 */
export class Problems {
  private readonly list: string[] = [];

  /** Runs one check; a ValidationError it throws is recorded, anything else propagates. */
  public check(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      this.list.push(...e.problems);
    }
  }

  /** Runs a check for each item of a list (so each bad item is reported). */
  public each<T>(items: readonly T[] | undefined, fn: (item: T, index: number) => void): void {
    if (!items || isToken(items)) return;
    items.forEach((item, i) => this.check(() => fn(item, i)));
  }

  /** Records a problem directly. */
  public add(problem: string): void {
    this.list.push(problem);
  }

  /** True when a problem was recorded. */
  public get any(): boolean {
    return this.list.length > 0;
  }

  /** Throws one ValidationError with every problem recorded, without a construct (a factory's input). */
  public throwIfAnyWithoutScope(): void {
    if (this.list.length > 0) throw new ValidationError(this.list);
  }

  /**
   * Throws one ValidationError with every problem recorded, if any.
   * @param scope the construct whose input was checked
   * @param displayName its object's display name
   * @param rename prop names to report under another name (a recipe names its own props)
   */
  public throwIfAny(scope: IConstruct, displayName?: string, rename: { [prop: string]: string } = {}): void {
    if (this.list.length === 0) return;
    throw new ValidationError(this.list.map((p) => renameProp(p, rename)), scope, displayName);
  }
}

/** `excludeLocations[0]: ...` reported as `trustedLocations[0]: ...` for `{ excludeLocations: 'trustedLocations' }`. */
export function renameProp(problem: string, rename: { [prop: string]: string }): string {
  for (const [from, to] of Object.entries(rename)) {
    if (problem.startsWith(`${from}:`) || problem.startsWith(`${from}[`) || problem.startsWith(`${from}.`)) {
      return to + problem.slice(from.length);
    }
  }
  return problem;
}

/** What cdktf's token encodings share: `${TfToken[`, `#{TfToken[` (list) and `&{TfToken[` (map). */
const TOKEN_MARKER = 'TfToken[';

/**
 * True when a value is an unresolved cdktf token: a string, number or list
 * token, or a string that is the encoded element of a list token (what
 * iterating over `TerraformVariable.listValue` yields).
 */
export function isToken(value: unknown): boolean {
  // Every encoded cdktf token (string, list element, map) holds this marker: most values are literals.
  if (typeof value === 'string' && !value.includes(TOKEN_MARKER)) return false;
  return Token.isUnresolved(value) || (typeof value === 'string' && Token.isUnresolved([value]));
}

/**
 * The Terraform addresses (`type.name.attribute`, `data.type.name.attribute`,
 * `var.name`) an unresolved value refers to, as far as cdktf can tell at
 * construction; empty for literals and for values it cannot see into.
 */
export function referencedAddresses(value: unknown): string[] {
  if (!isToken(value)) return [];
  // A token's text never changes meaning (cdktf numbers tokens once per process), and one location's
  // or group's token is checked by every policy that names it: reverse each text once.
  const known = typeof value === 'string' ? REFERENCES.get(value) : undefined;
  if (known) return [...known];
  const addresses = Tokenization.reverse(value)
    .map((t) => (t as { identifier?: unknown }).identifier)
    .filter((x): x is string => typeof x === 'string');
  if (typeof value === 'string') REFERENCES.set(value, addresses);
  return [...addresses];
}

/** The addresses of each token text reversed so far. */
const REFERENCES = new Map<string, readonly string[]>();

/** Quote a user value for an error message (numbers as given: `NaN`, not `null`). */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || value === undefined) return String(value);
  return JSON.stringify(value);
}

/** Throw a {@link ValidationError} that reads `prop: 'value' problem; fix`. */
export function fail(prop: string, value: unknown, problem: string, fix: string): never {
  throw new ValidationError(`${prop}: ${quote(value)} ${problem}; ${fix}`);
}

/** Throw a {@link ValidationError} for a property-level problem with no single bad value. */
export function failProp(prop: string, problem: string): never {
  throw new ValidationError(`${prop}: ${problem}`);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a literal GUID such as `00000000-0000-0000-0000-000000000000`. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/**
 * Validate that `value` is a GUID (tokens pass: they resolve at deploy time)
 * and return it lower-case, as Graph returns ids, so the plan shows no diff.
 * `what` names the kind of object for the fix, e.g. "a group's object id".
 */
export function validateGuid(prop: string, value: string, what: string): string {
  if (isToken(value)) {
    return value;
  }
  if (typeof value !== 'string' || !isGuid(value)) {
    fail(prop, value, 'is not a GUID', `pass ${what} in the form 00000000-0000-0000-0000-000000000000`);
  }
  return value.toLowerCase();
}

/**
 * The literal text of a string: all of it for a plain string, the parts between tokens for a
 * string that mixes references with text (a token alone has none).
 */
function literalParts(value: string): string[] {
  if (!isToken(value)) return [value];
  return (Tokenization.reverseString(value).literals as unknown[]).filter((l): l is string => typeof l === 'string');
}

/**
 * Reject Terraform template sequences (`${`, `%{`) in the literal text of a free-text field:
 * Terraform would evaluate them. A reference mixed into the text is fine; a literal `${` beside it
 * is not.
 */
export function validateNoTemplateSequence(prop: string, value: string | undefined): void {
  if (typeof value !== 'string') return;
  if (literalParts(value).some((l) => /[$%]\{/.test(l))) {
    fail(prop, value, 'contains a Terraform template sequence (${ or %{)', 'Terraform would evaluate it; write $${ or %%{ for a literal, or remove it');
  }
}

/** Validate a non-empty display name (a whole-token name passes: it resolves at deploy time). */
export function validateDisplayName(prop: string, value: string): string {
  if (isToken(value) && literalParts(value).join('') === '') {
    return value;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    fail(prop, value, 'is empty', 'give the object a display name that says what it does');
  }
  if (!isToken(value) && value.length > 256) {
    fail(prop, `${value.slice(0, 20)}…`, `is ${value.length} characters long`, 'use at most 256 characters');
  }
  validateNoTemplateSequence(prop, value);
  return value;
}

/**
 * A key that is equal for the same directory object, application or location however it is
 * written: a lower-cased GUID or special value, or the references of a token (the same construct's
 * attribute read twice gives two tokens with one reference).
 */
export function identityKey(value: string): string {
  if (isToken(value)) {
    const refs = referencedAddresses(value);
    return refs.length > 0 ? `ref:${refs.join(',')}` : `token:${value}`;
  }
  return value.toLowerCase();
}

/** How an enum-like value is checked against its vocabulary. */
export interface EnumCheck {
  /** The values azuread provider 3.7.0 (and Graph) accept here. */
  readonly accepted: readonly string[];
  /** The enum-like class, e.g. `ClientAppType`, for the fix. */
  readonly className: string;
}

/**
 * Reject an enum-like value (usually from `of()`) that the pinned provider does not accept: it
 * would fail `terraform plan`.
 */
export function validateProviderValue(prop: string, value: string, check: EnumCheck): void {
  if (isToken(value) || check.accepted.includes(value)) return;
  const known = check.accepted.find((a) => a.toLowerCase() === value.toLowerCase());
  fail(
    prop,
    value,
    `is not a value azuread provider 3.7.0 accepts (${check.accepted.join(', ')})`,
    known
      ? `values are case-sensitive: use '${known}'`
      : `${check.className}.of() passes values newer than this library, but the pinned provider does not know this one yet; use a ${check.className} constant, or wait for a provider and library release that support it`,
  );
}

/**
 * Sort strings and drop exact duplicates so that synth output does not depend
 * on the order the user passed them. Unresolved tokens (references such as
 * `${azuread_group.bg.object_id}`) are sorted by their resolved text at synth,
 * so a list of references is as stable as a list of GUIDs.
 */
export function sortedUnique(values: readonly string[]): string[] {
  if (values.length <= 1) {
    return [...values];
  }
  if (!values.some((v) => isToken(v))) {
    return [...new Set(values)].sort();
  }
  return synthTimeList((context) => {
    const resolved = values.map((v) => String(context.resolve(v)));
    return [...new Set(resolved)].sort();
  });
}

/**
 * A list token computed at synth: what `Lazy.listValue` does, minus the
 * creation stack trace. cdktf's `Lazy` captures and formats the full stack on
 * every creation; a policy makes several of these lists, and at tenant scale
 * (195 policies) those traces were a measurable share of the wrapper's synth
 * overhead (bench/, issue 5). The trace only ever pointed into this file.
 */
class SynthTimeList implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly produce: (context: IResolveContext) => string[]) {}

  public resolve(context: IResolveContext): string[] {
    return this.produce(context);
  }

  public toString(): string {
    return Token.asString(this);
  }

  public toJSON(): string {
    return '<unresolved-lazy>';
  }
}

function synthTimeList(produce: (context: IResolveContext) => string[]): string[] {
  return Token.asList(new SynthTimeList(produce));
}

/** `undefined` for an empty list: the provider shows `[]` as a perpetual diff (provider #1150). */
export function omitEmpty<T>(values: T[] | undefined): T[] | undefined {
  return values && values.length > 0 ? values : undefined;
}
