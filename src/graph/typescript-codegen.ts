/**
 * Prints an import as a readable TypeScript module: one exported construct class that creates the
 * named locations and policies with the library's L2 constructs and enum-like classes, a `FILL_IN`
 * object for placeholders, `importFrom` calls for `--adopt`, rule suppressions with reasons, and
 * comments for what was left out and why. Internal module.
 */
import { Expr, libraryNames } from './construct-plan';
import { FillIn } from './placeholders';

/** One construct the module creates. */
export interface ModuleConstruct {
  /** The L2 class, e.g. `ConditionalAccessPolicy`. */
  readonly className: string;
  readonly constructId: string;
  /** The class field that holds it. */
  readonly field: string;
  readonly displayName: string;
  readonly source: string;
  readonly props: Expr;
  /** The Terraform import id for `--adopt`, e.g. `/identity/conditionalAccess/policies/<id>`. */
  readonly adoptId?: string;
  /** Rule suppressions (rule id, reason). */
  readonly suppressions: ReadonlyArray<readonly [string, string]>;
  /** Comment lines above the construct (what was lost, what to fill in). */
  readonly comments: readonly string[];
}

/** A named location that exists in the tenant and is referenced by id. */
export interface ExistingLocation {
  readonly variable: string;
  readonly constructId: string;
  readonly id: Expr;
  readonly comment?: string;
}

/** An object of the input the module does not create. */
export interface LeftOut {
  readonly displayName: string;
  readonly source: string;
  readonly reasons: readonly string[];
}

/** Everything the module holds. */
export interface ModulePlan {
  readonly className: string;
  /** The package the generated code imports the library from. */
  readonly importPath: string;
  readonly header: readonly string[];
  readonly fillIns: readonly FillIn[];
  readonly locations: readonly ModuleConstruct[];
  readonly existingLocations: readonly ExistingLocation[];
  readonly policies: readonly ModuleConstruct[];
  readonly leftOut: readonly LeftOut[];
  /** Suppressions on the whole module (e.g. a tenant limit). */
  readonly scopeSuppressions: ReadonlyArray<readonly [string, string]>;
}

const WIDTH = 110;

/** The module's source text. */
export function printModule(plan: ModulePlan): string {
  const names = new Set<string>();
  for (const c of [...plan.locations, ...plan.policies]) {
    names.add(c.className);
    libraryNames(c.props, names);
    if (c.suppressions.length > 0) names.add('RuleSuppressions');
  }
  for (const l of plan.existingLocations) {
    names.add('NamedLocation');
    libraryNames(l.id, names);
  }
  if (plan.scopeSuppressions.length > 0) names.add('RuleSuppressions');

  const out: string[] = [];
  for (const h of plan.header) out.push(`// ${oneLine(h)}`);
  out.push("import { Construct } from 'constructs';");
  if (names.size > 0) {
    const sorted = [...names].sort();
    const single = `import { ${sorted.join(', ')} } from ${quote(plan.importPath)};`;
    if (single.length <= WIDTH) out.push(single);
    else out.push('import {', ...wrapList(sorted, '  '), `} from ${quote(plan.importPath)};`);
  }
  out.push('');

  if (plan.fillIns.length > 0) {
    out.push('/**');
    out.push(' * Values to fill in before deploying: the input held placeholders or display names where ids belong.');
    out.push(' * Each entry is a clearly fake GUID until you replace it with the real id.');
    out.push(' */');
    out.push('export const FILL_IN = {');
    for (const f of plan.fillIns) {
      const uses = f.uses.slice(0, 3).map((u) => `${u.displayName ? `"${u.displayName}" ` : ''}${u.path}`);
      const more = f.uses.length > 3 ? `, and ${f.uses.length - 3} more` : '';
      out.push(`  /** ${docText(`${JSON.stringify(f.original)} (${f.what}): ${kindNoun(f)}. Used by ${uses.join('; ')}${more}.`)} */`);
      out.push(`  ${f.name}: ${quote(f.value)},`);
    }
    out.push('};');
    out.push('');
  }

  out.push('/**');
  out.push(' * Conditional Access objects imported from Microsoft Graph JSON. Add it to a stack:');
  out.push(` * \`new ${plan.className}(stack, 'Imported')\`.`);
  out.push(' */');
  out.push(`export class ${plan.className} extends Construct {`);
  for (const c of [...plan.locations, ...plan.policies]) {
    out.push(`  /** ${docText(`${c.className === 'ConditionalAccessPolicy' ? 'Policy' : 'Named location'} "${c.displayName}".`)} */`);
    out.push(`  public readonly ${c.field}: ${c.className};`);
  }
  if (plan.locations.length + plan.policies.length > 0) out.push('');
  out.push('  /**');
  out.push('   * @param scope the parent construct');
  out.push('   * @param id the construct id');
  out.push('   */');
  out.push('  constructor(scope: Construct, id: string) {');
  out.push('    super(scope, id);');
  for (const [rule, reason] of plan.scopeSuppressions) out.push(`    RuleSuppressions.of(this).add(${quote(rule)}, ${quote(reason)});`);

  const body = (c: ModuleConstruct): void => {
    out.push('');
    out.push(`    // ${oneLine(`"${c.displayName}" from ${c.source}`)}`);
    for (const line of c.comments) out.push(`    // ${oneLine(line)}`);
    const head = `    this.${c.field} = new ${c.className}(this, ${quote(c.constructId)}, `;
    out.push(`${head}${print(c.props, '    ', head.length)});`);
    for (const [rule, reason] of c.suppressions) out.push(`    RuleSuppressions.of(this.${c.field}).add(${quote(rule)}, ${quote(reason)});`);
    if (c.adoptId) out.push(`    this.${c.field}.resource.importFrom(${quote(c.adoptId)});`);
  };
  if (plan.locations.length > 0) {
    out.push('');
    out.push('    // ---- Named locations');
    plan.locations.forEach(body);
  }
  if (plan.existingLocations.length > 0) {
    out.push('');
    out.push('    // ---- Named locations the policies name by id that are not part of the input');
    for (const l of plan.existingLocations) {
      const call = `    const ${l.variable} = NamedLocation.fromObjectId(this, ${quote(l.constructId)}, ${print(l.id, '    ', 0)});`;
      out.push(l.comment ? `${call} // ${oneLine(l.comment)}` : call);
    }
  }
  if (plan.policies.length > 0) {
    out.push('');
    out.push('    // ---- Policies');
    plan.policies.forEach(body);
  }
  if (plan.leftOut.length > 0) {
    out.push('');
    out.push('    // ---- Not converted (see the import report)');
    for (const l of plan.leftOut) {
      out.push(`    // ${oneLine(`"${l.displayName || '(no display name)'}" from ${l.source}:`)}`);
      for (const r of l.reasons) out.push(`    //   - ${oneLine(r)}`);
    }
  }
  out.push('  }');
  out.push('}');
  return `${out.join('\n')}\n`;
}

function kindNoun(f: FillIn): string {
  const nouns: { [k: string]: string } = {
    user: "a user's object id",
    group: "a group's object id",
    role: "a directory role's template id",
    application: "an application's client id",
    servicePrincipal: "a service principal's object id",
    namedLocation: "a named location's object id",
    termsOfUse: "a terms of use agreement's id",
    tenant: "an external tenant's id",
    authenticationStrength: "an authentication strength's id",
  };
  return `put ${nouns[f.idKind] ?? 'an id'} here`;
}

/** A TypeScript string literal in single quotes. */
export function quote(s: string): string {
  return `'${s
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}

/** Text safe inside a line comment. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Text safe inside a doc comment. */
function docText(s: string): string {
  return oneLine(s).replace(/\*\//g, '*\\/');
}

function wrapList(items: string[], indent: string): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const item of items) {
    const next = `${item},`;
    if (line.length + next.length + 1 > WIDTH && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += line.trim() === '' ? next : ` ${next}`;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

const INLINE = new WeakMap<Expr, string | null>();

/** One-line form of an expression, or undefined when it has comments (they need their own lines). */
function inline(e: Expr): string | undefined {
  let text = INLINE.get(e);
  if (text === undefined) {
    text = inlineUncached(e) ?? null;
    INLINE.set(e, text);
  }
  return text ?? undefined;
}

function inlineUncached(e: Expr): string | undefined {
  switch (e.t) {
    case 'str':
      return quote(e.v);
    case 'num':
    case 'bool':
      return String(e.v);
    case 'sym':
      return e.code;
    case 'call': {
      const args = e.args.map(inline);
      return args.some((a) => a === undefined) ? undefined : `${e.callee}(${args.join(', ')})`;
    }
    case 'arr': {
      const items = e.items.map(inline);
      return items.some((a) => a === undefined) ? undefined : `[${items.join(', ')}]`;
    }
    case 'obj': {
      if (e.props.length === 0) return '{}';
      const props = e.props.map(([k, v]) => {
        const s = inline(v);
        return s === undefined ? undefined : `${k}: ${s}`;
      });
      return props.some((p) => p === undefined) ? undefined : `{ ${props.join(', ')} }`;
    }
    case 'concat': {
      const parts = e.parts.map(inline);
      return parts.some((a) => a === undefined) ? undefined : parts.join(' + ');
    }
    case 'note':
      return undefined;
  }
}

/**
 * An expression printed at `indent` (the indentation of the line it starts on), starting at column
 * `column`: on one line when it fits, else one element per line.
 */
function print(e: Expr, indent: string, column: number): string {
  const one = inline(e);
  if (one !== undefined && column + one.length <= WIDTH) return one;
  const inner = `${indent}  `;
  const items = (list: Array<{ prefix: string; expr: Expr }>, open: string, close: string): string => {
    const lines = list.map(({ prefix, expr }) => {
      const body = expr.t === 'note' ? expr.expr : expr;
      const comment = expr.t === 'note' ? ` // ${oneLine(expr.comment)}` : '';
      return `${inner}${prefix}${print(body, inner, inner.length + prefix.length)},${comment}`;
    });
    return `${open}\n${lines.join('\n')}\n${indent}${close}`;
  };
  switch (e.t) {
    case 'arr':
      return items(e.items.map((expr) => ({ prefix: '', expr })), '[', ']');
    case 'obj':
      return items(e.props.map(([k, expr]) => ({ prefix: `${k}: `, expr })), '{', '}');
    case 'call': {
      if (e.args.length === 1) {
        const arg = e.args[0];
        if (arg.t === 'obj' || arg.t === 'arr') return `${e.callee}(${print(arg, indent, column + e.callee.length + 1)})`;
      }
      return `${e.callee}${items(e.args.map((expr) => ({ prefix: '', expr })), '(', ')')}`;
    }
    case 'note':
      return print(e.expr, indent, column);
    default:
      return one ?? '';
  }
}
