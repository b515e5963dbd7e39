/**
 * Small JSON helpers shared by the model, What-If, the CLI and import/export. Internal module.
 */

/** A JSON object. */
export type Json = { [key: string]: any };

/** True for a plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value for a message: `'text'` for strings, JSON for anything else, `nothing` for undefined. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
