/**
 * Construct ids, property names and file names made from display names, unique within one
 * generated module or export. Internal module.
 */

/** Names a generated class must not use for its fields (Construct's own members, JS built-ins). */
const RESERVED_FIELDS = new Set(['node', 'constructor', 'toString', 'with', 'prototype', 'valueOf', 'hasOwnProperty']);

/** `CA000-Global-MFA (admins)` → `Ca000GlobalMfaAdmins`; `fallback` when nothing is left. */
export function pascalCase(text: string, fallback: string, maxLength = 60): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  let out = '';
  for (const w of words.map((x) => x[0].toUpperCase() + x.slice(1).toLowerCase())) {
    // whole words only, so a long name is cut between words
    if (out.length + w.length > maxLength) {
      if (out === '') out = w.slice(0, maxLength);
      break;
    }
    out += w;
  }
  if (out === '') out = fallback;
  if (/^[0-9]/.test(out)) out = `${fallback}${out}`.slice(0, maxLength + fallback.length);
  return out;
}

/** Hands out names unique within one scope (case-insensitively: construct ids become Terraform names). */
export class UniqueNames {
  private readonly used = new Set<string>();

  /**
   * @param reserved names that are taken from the start
   */
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r.toLowerCase());
  }

  /** `base`, or `base2`, `base3`, … when taken. */
  public take(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name.toLowerCase()); i++) name = `${base}${i}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** A field name for a construct id: lower first letter, never a reserved member. */
export function fieldName(constructId: string, suffix: string): string {
  const name = constructId[0].toLowerCase() + constructId.slice(1);
  return RESERVED_FIELDS.has(name) ? `${name}${suffix}` : name;
}

/** A file name for a display name: lower-case words joined by `-`. */
export function fileSlug(text: string, fallback: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || fallback;
}
