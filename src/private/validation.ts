import { IResolvable, IResolveContext, Token, Tokenization } from 'cdktf';

/**
 * Thrown for input that Graph or the provider would reject, or that would
 * make an unsafe policy. The message names the property, the bad value and the fix.
 */
export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

/**
 * True when a value is an unresolved cdktf token: a string, number or list
 * token, or a string that is the encoded element of a list token (what
 * iterating over `TerraformVariable.listValue` yields).
 */
export function isToken(value: unknown): boolean {
  return Token.isUnresolved(value) || (typeof value === 'string' && Token.isUnresolved([value]));
}

/**
 * The Terraform addresses (`type.name.attribute`, `data.type.name.attribute`,
 * `var.name`) an unresolved value refers to, as far as cdktf can tell at
 * construction; empty for literals and for values it cannot see into.
 */
export function referencedAddresses(value: unknown): string[] {
  if (!isToken(value)) return [];
  return Tokenization.reverse(value)
    .map((t) => (t as { identifier?: unknown }).identifier)
    .filter((x): x is string => typeof x === 'string');
}

/** Quote a user value for an error message. */
export function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
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

/** Validate a non-empty display name (tokens pass). */
export function validateDisplayName(prop: string, value: string): string {
  if (isToken(value)) {
    return value;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    fail(prop, value, 'is empty', 'give the object a display name that says what it does');
  }
  if (value.length > 256) {
    fail(prop, `${value.slice(0, 20)}…`, `is ${value.length} characters long`, 'use at most 256 characters');
  }
  if (/[$%]\{/.test(value)) {
    fail(prop, value, 'contains a Terraform template sequence (${ or %{)', 'Terraform would evaluate it; write $${ or %%{ for a literal, or remove it');
  }
  return value;
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
