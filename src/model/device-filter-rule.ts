/**
 * The "filter for devices" rule language: a parser that returns either the rule or a precise error (message and
 * position). The policy constructs validate a filter with it before synth, and What-If compiles it
 * (what-if/device-filter.ts evaluates the rule). Internal module (not part of the jsii API).
 *
 * Grammar (Learn "Filter for devices", table of supported properties and operators; spelling and precedence from
 * Learn "Dynamic membership rules for groups"):
 *
 * ```
 * rule       := or
 * or         := and ( OR and )*                  OR  = -or  | or          (lowest precedence)
 * and        := unary ( AND unary )*             AND = -and | and
 * unary      := NOT unary | '(' or ')' | comparison     NOT = -not | not
 * comparison := device.<property> <operator> value
 * operator   := -eq -ne -startsWith -notStartsWith -endsWith -notEndsWith -contains -notContains -in -notIn
 *               (each also without the hyphen: "Operators can be used with or without the hyphen prefix")
 * value      := "text" | 'text' | true | false | null | '[' value ( ',' value )* ']'    (lists for -in / -notIn)
 * ```
 *
 * Keywords, operators and property names are matched in any letter case, and string comparisons are
 * case-insensitive ("Regex and string operations aren't case sensitive"). A quote inside a string is written twice
 * (`'O''Brien'`). The property must be one of Learn's table and the operator one the table allows for it; the rule is
 * at most 3,072 characters. `-match`, `-notMatch`, `-any` and `-all` are not in the filter-for-devices table and are
 * refused.
 */
import {
  DEVICE_FILTER_MAX_LENGTH,
  DEVICE_FILTER_OPERATORS,
  DEVICE_FILTER_PROPERTIES,
  DeviceFilterOperator,
  DeviceFilterProperty,
  UNSUPPORTED_DEVICE_FILTER_OPERATORS,
} from '../vocabulary/device-filter';

/** A comparison value: a lower-cased string, `null`, or a list of lower-cased strings. */
export type DeviceRuleValue = string | null | readonly string[];

/** One `device.<property> <operator> <value>` comparison. */
export interface DeviceRuleComparison {
  readonly op: 'cmp';
  /** The property as Learn spells it, e.g. `deviceOwnership`. */
  readonly property: string;
  /** The Graph `deviceInfo` property that carries it in a sign-in, e.g. `ownership`. */
  readonly deviceInfo: string;
  /** Lower-cased `deviceInfo` name: the key of `DeviceFacts`. */
  readonly key: string;
  /** The positive operator (`ne` is `eq` negated). */
  readonly operator: DeviceFilterOperator['positive'];
  /** Whether the operator is a negative one (`-ne`, `-notIn`, ...). */
  readonly negated: boolean;
  /** The value, lower-cased (`true` / `false` for booleans); `null` for the null literal. */
  readonly value: DeviceRuleValue;
}

/** A parsed rule. */
export type DeviceRule =
  | { readonly op: 'and' | 'or'; readonly left: DeviceRule; readonly right: DeviceRule }
  | { readonly op: 'not'; readonly expr: DeviceRule }
  | DeviceRuleComparison;

/** Why a rule was refused. */
export type DeviceRuleErrorKind = 'syntax' | 'property' | 'operator' | 'value' | 'length';

/** A rule that cannot be used, and where. */
export interface DeviceRuleError {
  /** What is wrong and how to fix it, ending with the position, e.g. `... (at character 14)`. */
  readonly message: string;
  /** 0-based offset of the offending text in the rule (the rule's length when the rule ends too early). */
  readonly position: number;
  /** Length of the offending text (0 at the end of the rule). */
  readonly length: number;
  /** The category: bad syntax, an unknown property, an operator not allowed, a bad value, or too long. */
  readonly kind: DeviceRuleErrorKind;
}

/** The result of `parseDeviceRule`: the rule, or the first error. */
export type DeviceRuleParseResult = { readonly ok: true; readonly rule: DeviceRule } | { readonly ok: false; readonly error: DeviceRuleError };


const OPERATORS: ReadonlyMap<string, DeviceFilterOperator> = new Map(DEVICE_FILTER_OPERATORS.map((o) => [o.name.toLowerCase(), o]));
const PROPERTIES: ReadonlyMap<string, DeviceFilterProperty> = new Map(DEVICE_FILTER_PROPERTIES.map((p) => [p.name.toLowerCase(), p]));
const UNSUPPORTED = new Set(UNSUPPORTED_DEVICE_FILTER_OPERATORS.map((o) => o.toLowerCase()));
const OPERATOR_LIST = DEVICE_FILTER_OPERATORS.map((o) => `-${o.name}`).join(', ');

type TokenKind = 'word' | 'string' | 'punct' | 'end';
interface Token {
  readonly kind: TokenKind;
  /** The text (for a string: its content, quotes removed). */
  readonly text: string;
  readonly position: number;
  readonly length: number;
}

class RuleError extends Error {
  constructor(public readonly detail: DeviceRuleError) {
    super(detail.message);
  }
}

function fail(kind: DeviceRuleErrorKind, message: string, position: number, length: number): never {
  throw new RuleError({ kind, message: `${message} (at character ${position + 1})`, position, length });
}

function describe(t: Token): string {
  if (t.kind === 'end') return 'the end of the rule';
  if (t.kind === 'string') return `the string "${t.text}"`;
  return `'${t.text}'`;
}

function tokenize(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const c = rule[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      tokens.push({ kind: 'punct', text: c, position: i, length: 1 });
      i++;
    } else if (c === '"' || c === "'" || c === '\u201c' || c === '\u201d') {
      if (c === '\u201c' || c === '\u201d') {
        fail('syntax', 'typographic quote; write the value between plain "double" or \'single\' quotes', i, 1);
      }
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= rule.length) fail('syntax', `unterminated string: add the closing ${c}`, i, rule.length - i);
        if (rule[j] === c) {
          if (rule[j + 1] === c) {
            // a doubled quote stands for one quote character
            text += c;
            j += 2;
            continue;
          }
          break;
        }
        text += rule[j];
        j++;
      }
      tokens.push({ kind: 'string', text, position: i, length: j + 1 - i });
      i = j + 1;
    } else {
      const m = /^[^\s()[\],"'\u201c\u201d]+/.exec(rule.slice(i))!;
      tokens.push({ kind: 'word', text: m[0], position: i, length: m[0].length });
      i += m[0].length;
    }
  }
  tokens.push({ kind: 'end', text: '', position: rule.length, length: 0 });
  return tokens;
}

/** A keyword (`and`, `-or`, ...) in any case, with or without the hyphen; undefined for other tokens. */
function keyword(t: Token): string | undefined {
  if (t.kind !== 'word') return undefined;
  const lower = t.text.toLowerCase();
  return lower.startsWith('-') ? lower.slice(1) : lower;
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  public parse(): DeviceRule {
    if (this.peek.kind === 'end') fail('syntax', 'the rule is empty; write a comparison such as device.trustType -eq "AzureAD"', 0, 0);
    const rule = this.or();
    const t = this.peek;
    if (t.kind !== 'end') {
      fail('syntax', `expected -and, -or or the end of the rule, got ${describe(t)}${t.text === ')' ? ' (no matching opening parenthesis)' : ''}`, t.position, t.length);
    }
    return rule;
  }

  private get peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  private or(): DeviceRule {
    let left = this.and();
    while (keyword(this.peek) === 'or') {
      this.pos++;
      left = { op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): DeviceRule {
    let left = this.unary();
    while (keyword(this.peek) === 'and') {
      this.pos++;
      left = { op: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): DeviceRule {
    const t = this.peek;
    if (keyword(t) === 'not') {
      this.pos++;
      return { op: 'not', expr: this.unary() };
    }
    if (t.kind === 'punct' && t.text === '(') {
      this.pos++;
      const inner = this.or();
      const close = this.peek;
      if (close.kind !== 'punct' || close.text !== ')') {
        fail('syntax', `expected ')' to close the parenthesis opened at character ${t.position + 1}, got ${describe(close)}`, close.position, close.length);
      }
      this.pos++;
      return inner;
    }
    return this.comparison();
  }

  private comparison(): DeviceRule {
    const t = this.next();
    if (t.kind !== 'word') {
      fail('syntax', `expected a comparison such as device.trustType -eq "AzureAD", got ${describe(t)}`, t.position, t.length);
    }
    const lower = t.text.toLowerCase();
    if (!lower.startsWith('device.')) {
      const bare = PROPERTIES.get(lower);
      fail(
        'property',
        bare ? `'${t.text}' needs the device. prefix: write device.${bare.name}` : `expected a device property such as device.trustType, got '${t.text}'`,
        t.position,
        t.length,
      );
    }
    const property = PROPERTIES.get(lower.slice('device.'.length));
    if (!property) {
      fail('property', `'${t.text}' is not a device property a filter can use; use one of ${DEVICE_FILTER_PROPERTIES.map((p) => `device.${p.name}`).join(', ')}`, t.position, t.length);
    }
    const o = this.next();
    const name = keyword(o);
    const operator = name === undefined ? undefined : OPERATORS.get(name);
    if (!operator) {
      const why = name !== undefined && UNSUPPORTED.has(name) ? ` (${o.text} is not supported in device filters)` : '';
      fail('operator', `expected an operator (${OPERATOR_LIST}) after device.${property.name}, got ${describe(o)}${why}`, o.position, o.length);
    }
    if (!property.operators.includes(operator.name)) {
      fail(
        'operator',
        `device.${property.name} does not support -${operator.name}; use ${property.operators.map((x) => `-${x}`).join(', ')}`,
        o.position,
        o.length,
      );
    }
    const value = this.value(property, operator);
    return {
      op: 'cmp',
      property: property.name,
      deviceInfo: property.deviceInfo,
      key: property.deviceInfo.toLowerCase(),
      operator: operator.positive,
      negated: operator.negated,
      value,
    };
  }

  private value(property: DeviceFilterProperty, operator: DeviceFilterOperator): DeviceRuleValue {
    const t = this.peek;
    if (operator.list) {
      if (t.kind !== 'punct' || t.text !== '[') {
        fail('value', `-${operator.name} takes a list such as ["a", "b"], got ${describe(t)}`, t.position, t.length);
      }
      this.pos++;
      const items: string[] = [];
      for (;;) {
        const item = this.next();
        if (item.kind === 'punct' && item.text === ']' && items.length === 0) {
          fail('value', `the list after -${operator.name} is empty; list at least one value`, item.position, item.length);
        }
        const v = this.scalar(item, property, operator);
        if (v === null) fail('value', 'null cannot be a list item; use -eq null or -ne null', item.position, item.length);
        items.push(v);
        const sep = this.next();
        if (sep.kind === 'punct' && sep.text === ']') return items;
        if (sep.kind !== 'punct' || sep.text !== ',') {
          fail('syntax', `expected ',' or ']' in the list after -${operator.name}, got ${describe(sep)}`, sep.position, sep.length);
        }
      }
    }
    if (t.kind === 'punct' && t.text === '[') {
      fail('value', `-${operator.name} takes one value, not a list; use -in / -notIn for a list`, t.position, t.length);
    }
    this.pos++;
    const v = this.scalar(t, property, operator);
    if (v === null && operator.positive !== 'eq') {
      fail('value', `null can only be compared with -eq or -ne, not -${operator.name}`, t.position, t.length);
    }
    return v;
  }

  private scalar(t: Token, property: DeviceFilterProperty, operator: DeviceFilterOperator): string | null {
    let text: string;
    if (t.kind === 'string') {
      text = t.text.toLowerCase();
    } else if (t.kind === 'word') {
      text = t.text.toLowerCase();
      if (text === 'null') return null;
      if (text !== 'true' && text !== 'false') {
        fail('value', `expected a value after -${operator.name}, got ${describe(t)}; put text between quotes: "${t.text}"`, t.position, t.length);
      }
    } else {
      fail('value', `expected a value after -${operator.name}, got ${describe(t)}`, t.position, t.length);
    }
    if (property.kind === 'boolean' && text !== 'true' && text !== 'false') {
      fail('value', `device.${property.name} is True or False, got ${describe(t)}`, t.position, t.length);
    }
    return text;
  }
}

/**
 * Parses a device filter rule.
 *
 * @param rule the rule, e.g. `device.trustType -eq "ServerAD" -and device.isCompliant -ne True`
 * @returns `{ ok: true, rule }`, or `{ ok: false, error }` with the first problem: a message that says what is
 *   wrong, how to fix it and at which character, plus the 0-based `position` and `length` of the offending text
 */
export function parseDeviceRule(rule: string): DeviceRuleParseResult {
  if (rule.length > DEVICE_FILTER_MAX_LENGTH) {
    return {
      ok: false,
      error: {
        kind: 'length',
        message: `the rule is ${rule.length} characters long; a device filter rule has at most ${DEVICE_FILTER_MAX_LENGTH} (at character ${DEVICE_FILTER_MAX_LENGTH + 1})`,
        position: DEVICE_FILTER_MAX_LENGTH,
        length: rule.length - DEVICE_FILTER_MAX_LENGTH,
      },
    };
  }
  try {
    return { ok: true, rule: new Parser(tokenize(rule)).parse() };
  } catch (e) {
    if (e instanceof RuleError) return { ok: false, error: e.detail };
    throw e;
  }
}

/**
 * The rule with a caret line under the offending text, for error messages:
 * ```
 * device.model -match "Surface"
 *              ^^^^^^
 * ```
 */
export function pointAt(rule: string, error: DeviceRuleError): string {
  return `${rule}\n${' '.repeat(error.position)}${'^'.repeat(Math.max(1, error.length))}`;
}

/** The `deviceInfo` properties a rule reads, in order of first use. */
export function deviceRuleProperties(rule: DeviceRule): string[] {
  const out = new Set<string>();
  const walk = (r: DeviceRule): void => {
    if (r.op === 'cmp') {out.add(r.deviceInfo);} else if (r.op === 'not') {walk(r.expr);} else {
      walk(r.left);
      walk(r.right);
    }
  };
  walk(rule);
  return [...out];
}

