/**
 * The shape of every Graph / provider vocabulary table: one place per vocabulary that the enum-like
 * classes, the policy model, the provider contract, What-If, import, gap analysis and the report all
 * read. Internal module.
 */

/** One value of a vocabulary. */
export interface TermSpec {
  /** The value as Graph and the provider write it in a policy, e.g. `browser`. */
  readonly value: string;
  /** The portal's words for it, e.g. `Browser`. */
  readonly label: string;
  /**
   * Whether azuread provider 3.7.0 accepts the value in its policy attribute (its `StringInSlice`).
   * `true` on a value that is not a policy value also makes it a provider value (the provider accepts
   * some values Graph does not document for a policy, e.g. the guest type `none`).
   * @default true for policy values, false for the others
   */
  readonly provider?: boolean;
  /**
   * Whether the value may appear in a policy at all (some values exist only in a sign-in).
   * @default true
   */
  readonly policy?: boolean;
  /**
   * The value a Graph evaluate sign-in uses for it, when that differs from `value`; `false` when a
   * sign-in never carries it.
   * @default - same as `value`
   */
  readonly signIn?: string | false;
}

/** A value of a vocabulary, with the name of the enum-like constant that stands for it. */
export interface Term extends TermSpec {
  /** The static constant's name in the library's enum-like class, e.g. `BROWSER`. */
  readonly constant: string;
}

/** A vocabulary: its terms in table order, and lookups. */
export class Vocabulary {
  /** Every term, in table order. */
  public readonly terms: readonly Term[];
  /** Every value a policy may hold. */
  public readonly policyValues: readonly string[];
  /** Every value azuread provider 3.7.0 accepts in a policy. */
  public readonly providerValues: readonly string[];
  /** Every value a Graph evaluate sign-in may carry. */
  public readonly signInValues: readonly string[];
  private readonly byValueMap: ReadonlyMap<string, Term>;
  private readonly bySignInMap: ReadonlyMap<string, Term>;

  /**
   * @param name what one value is called in messages, e.g. `client app type`
   * @param specs the terms by constant name
   */
  constructor(public readonly name: string, specs: { readonly [constant: string]: TermSpec }) {
    this.terms = Object.entries(specs).map(([constant, spec]) => ({ ...spec, constant }));
    this.byValueMap = new Map(this.terms.map((t) => [t.value, t]));
    this.bySignInMap = new Map(this.terms.filter((t) => t.signIn !== false).map((t) => [t.signIn || t.value, t]));
    // Computed once: every construct, the provider contract and What-If read them (at tenant scale,
    // thousands of reads per synth).
    this.policyValues = Object.freeze(this.terms.filter((t) => t.policy !== false).map((t) => t.value));
    this.providerValues = Object.freeze(this.terms.filter(acceptedByProvider).map((t) => t.value));
    this.signInValues = Object.freeze(this.terms.filter((t) => t.signIn !== false).map((t) => t.signIn || t.value));
  }

  /** The term with this constant name; throws for a name not in the table (a programming error). */
  public term(constant: string): Term {
    const t = this.terms.find((x) => x.constant === constant);
    if (!t) throw new Error(`${this.name}: no constant ${constant}`);
    return t;
  }

  /** The value of the term with this constant name. */
  public value(constant: string): string {
    return this.term(constant).value;
  }

  /** The term with this policy value (exact case), or undefined. */
  public byValue(value: string): Term | undefined {
    return this.byValueMap.get(value);
  }

  /** The term with this policy value in any letter case, or undefined. */
  public byValueIgnoringCase(value: string): Term | undefined {
    const lower = value.toLowerCase();
    return this.terms.find((t) => t.value.toLowerCase() === lower);
  }

  /** The term a sign-in value stands for, or undefined. */
  public bySignIn(value: string): Term | undefined {
    return this.bySignInMap.get(value);
  }

  /** True when azuread provider 3.7.0 accepts this policy value. */
  public isProviderValue(value: string): boolean {
    const t = this.byValueMap.get(value);
    return t !== undefined && acceptedByProvider(t);
  }

  /** The portal words for a value, or the value itself when the table does not know it. */
  public label(value: string): string {
    return this.byValueMap.get(value)?.label ?? value;
  }
}

/** Whether azuread provider 3.7.0 accepts the term in its policy attribute. */
function acceptedByProvider(t: TermSpec): boolean {
  return t.provider === true || (t.policy !== false && t.provider !== false);
}
