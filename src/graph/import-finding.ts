/**
 * What an import reports about one Graph object: nothing is dropped or rewritten without a finding.
 */

/** What kind of thing a finding reports. */
export enum ImportFindingKind {
  /** A Graph field azuread provider 3.7.0 cannot express (its `category` says what is lost). */
  INEXPRESSIBLE = 'inexpressible',
  /** A value Graph v1.0 or provider 3.7.0 rejects (an unknown enum value, a malformed id). */
  INVALID = 'invalid',
  /** A placeholder or a display name where an id belongs; the generated module has a `FILL_IN` entry for it. */
  PLACEHOLDER = 'placeholder',
  /** A property that is not part of Graph (e.g. a `note`); it is not imported. */
  NOT_GRAPH = 'notGraph',
  /** The library's constructs reject the object (their message says why). */
  REJECTED = 'rejected',
  /** A lint rule error the imported object has as is; the generated module suppresses it with a reason. */
  LINT = 'lint',
  /** `--adopt` cannot adopt the object (no id, or an id another object of the input has). */
  ADOPT = 'adopt',
  /** A value rewritten to an equivalent form (canonical CIDR, enum case, a role name to its id). */
  NORMALISED = 'normalised',
  /** A file or object that could not be read as a Conditional Access policy or named location. */
  UNREADABLE = 'unreadable',
}

/** What the object loses when an inexpressible field is left out. */
export enum LossCategory {
  /** A condition: the policy would apply to more sign-ins than the original (or to none it should). */
  CONDITION = 'condition',
  /** A grant or session control: the policy would require less (or, under "require one", more). */
  CONTROL = 'control',
  /** Metadata or a whole object (a description, a compliant-network location). */
  PROPERTY = 'property',
}

/** One finding of an import. */
export interface ImportFinding {
  /** What kind of finding it is. */
  readonly kind: ImportFindingKind;
  /** Where the object came from: `<file>` or `<file>#<index>` for an object of a list. */
  readonly source: string;
  /**
   * The object's display name.
   * @default - the finding is about a file, or the object has no display name
   */
  readonly displayName?: string;
  /** JSON path of the field in Graph terms, e.g. `sessionControls.continuousAccessEvaluation`; empty for the whole object. */
  readonly path: string;
  /**
   * The value found there, as JSON text (shortened).
   * @default - none (the finding is about the whole object)
   */
  readonly value?: string;
  /** What happened and what to do. */
  readonly message: string;
  /**
   * For an inexpressible field: what is lost.
   * @default - not an inexpressible field
   */
  readonly category?: LossCategory;
  /**
   * For a placeholder: the `FILL_IN` entry of the generated module that stands for the value.
   * @default - not a placeholder
   */
  readonly fillIn?: string;
}

/** How an object of the input was converted. */
export enum ImportStatus {
  /** Converted as is. */
  CONVERTED = 'converted',
  /** Converted, with findings to read (placeholders, lost controls, normalised values, suppressed lint errors). */
  CONVERTED_WITH_REPORTS = 'convertedWithReports',
  /** Not converted: it would lose a condition, the library rejects it, or nothing of it can be expressed. */
  NOT_CONVERTED = 'notConverted',
}

/** A JSON value for a finding, shortened to a readable length. */
export function findingValue(v: unknown): string {
  let text: string;
  try {
    text = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
