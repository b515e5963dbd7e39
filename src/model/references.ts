/**
 * Terraform expressions and references inside synthesized values. Internal module.
 */

/** A Terraform address of a resource or data source: `type.name` or `data.type.name`. */
export const ADDRESS_RE = /^(data\.)?[a-zA-Z_][a-zA-Z0-9_-]*\.[a-zA-Z_][a-zA-Z0-9_-]*$/;

/** A clean reference `${[data.]type.name.attribute}`. */
const REFERENCE_RE = /^\$\{((?:data\.)?[a-zA-Z_][a-zA-Z0-9_-]*\.[a-zA-Z_][a-zA-Z0-9_-]*)\.([a-zA-Z_][a-zA-Z0-9_]*)\}$/;

/** A parsed reference. */
export interface Reference {
  /** `type.name` or `data.type.name`. */
  readonly address: string;
  /** The referenced attribute, e.g. `object_id`. */
  readonly attribute: string;
}

/** Parses a clean `${[data.]type.name.attribute}` reference; `undefined` for anything else. */
export function parseReference(value: string): Reference | undefined {
  const m = REFERENCE_RE.exec(value);
  return m ? { address: m[1], attribute: m[2] } : undefined;
}

/** Whether a value is a string holding a Terraform expression (`${...}`) of any shape. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}
