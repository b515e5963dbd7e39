/**
 * The "filter for devices" rule language, evaluated three-valued against the sign-in's `deviceInfo`.
 * Internal module.
 *
 * Supported (Learn "Conditional Access: Filter for devices", section "Supported operators and device properties
 * for filters"): `device.<attribute> -<operator> <value>` with -eq, -ne, -startsWith, -notStartsWith, -endsWith,
 * -notEndsWith, -contains, -notContains, -in, -notIn; combined with -and, -or, -not and parentheses. Values are
 * "quoted" or 'quoted' strings, bare True/False, or ["lists"]. Operators, attribute names and string comparisons
 * are case-insensitive. Anything else (e.g. -match) makes the rule unknown, so the condition is reported as
 * `notEnoughInformation` rather than guessed.
 */
import { and3, F, not3, or3, T, Tri, U } from './logic';

/** A compiled rule. */
export type DeviceRule =
  | { readonly op: 'and' | 'or'; readonly left: DeviceRule; readonly right: DeviceRule }
  | { readonly op: 'not'; readonly expr: DeviceRule }
  | { readonly op: 'cmp'; readonly attribute: string; readonly operator: string; readonly negated: boolean; readonly value: string | string[] };

/** A sign-in device: lower-cased attribute name → lower-cased string, string list or boolean. */
export type DeviceFacts = ReadonlyMap<string, string | string[] | boolean>;

/** Filter attribute → deviceInfo property, both lower-cased. */
const ATTRIBUTE_ALIASES: ReadonlyMap<string, string> = new Map([['deviceownership', 'ownership']]);

const POSITIVE: ReadonlyMap<string, string> = new Map([
  ['-eq', 'eq'],
  ['-ne', 'eq'],
  ['-startswith', 'startswith'],
  ['-notstartswith', 'startswith'],
  ['-endswith', 'endswith'],
  ['-notendswith', 'endswith'],
  ['-contains', 'contains'],
  ['-notcontains', 'contains'],
  ['-in', 'in'],
  ['-notin', 'in'],
]);

const NEGATED = new Set(['-ne', '-notstartswith', '-notendswith', '-notcontains', '-notin']);

type Token = { kind: 'word' | 'string' | 'punct'; text: string };

function tokenize(rule: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const c = rule[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < rule.length && rule[j] !== c) {
        if (rule[j] === '\\' && j + 1 < rule.length) j++;
        text += rule[j];
        j++;
      }
      if (j >= rule.length) return undefined;
      tokens.push({ kind: 'string', text });
      i = j + 1;
    } else {
      const m = /^[^\s()[\],"']+/.exec(rule.slice(i));
      if (!m) return undefined;
      tokens.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

/** Parses a device filter rule; `undefined` when it uses syntax this evaluator does not support. */
export function parseDeviceRule(rule: string): DeviceRule | undefined {
  const tokens = tokenize(rule);
  if (!tokens || tokens.length === 0) return undefined;
  let pos = 0;
  const peekWord = (): string | undefined => (tokens[pos]?.kind === 'word' ? tokens[pos].text.toLowerCase() : undefined);

  const parseOr = (): DeviceRule | undefined => {
    let left = parseAnd();
    while (left && peekWord() === '-or') {
      pos++;
      const right = parseAnd();
      left = right ? { op: 'or', left, right } : undefined;
    }
    return left;
  };
  const parseAnd = (): DeviceRule | undefined => {
    let left = parseUnary();
    while (left && peekWord() === '-and') {
      pos++;
      const right = parseUnary();
      left = right ? { op: 'and', left, right } : undefined;
    }
    return left;
  };
  const parseUnary = (): DeviceRule | undefined => {
    if (peekWord() === '-not') {
      pos++;
      const expr = parseUnary();
      return expr ? { op: 'not', expr } : undefined;
    }
    const t = tokens[pos];
    if (t?.kind === 'punct' && t.text === '(') {
      pos++;
      const inner = parseOr();
      if (!inner || tokens[pos]?.text !== ')') return undefined;
      pos++;
      return inner;
    }
    return parseComparison();
  };
  const parseValue = (): string | string[] | undefined => {
    const t = tokens[pos];
    if (!t) return undefined;
    if (t.kind === 'string' || t.kind === 'word') {
      pos++;
      return t.text.toLowerCase();
    }
    if (t.text !== '[') return undefined;
    pos++;
    const list: string[] = [];
    while (tokens[pos] && tokens[pos].text !== ']') {
      const item = tokens[pos];
      if (item.kind === 'punct') return undefined;
      list.push(item.text.toLowerCase());
      pos++;
      if (tokens[pos]?.text === ',') pos++;
    }
    if (tokens[pos]?.text !== ']') return undefined;
    pos++;
    return list;
  };
  const parseComparison = (): DeviceRule | undefined => {
    const attr = peekWord();
    if (!attr || !attr.startsWith('device.')) return undefined;
    pos++;
    const operatorText = peekWord();
    const operator = operatorText === undefined ? undefined : POSITIVE.get(operatorText);
    if (!operator) return undefined;
    pos++;
    const value = parseValue();
    if (value === undefined) return undefined;
    if ((operator === 'in') !== Array.isArray(value)) return undefined;
    const name = attr.slice('device.'.length);
    return { op: 'cmp', attribute: ATTRIBUTE_ALIASES.get(name) ?? name, operator, negated: NEGATED.has(operatorText!), value };
  };

  const rule0 = parseOr();
  return rule0 && pos === tokens.length ? rule0 : undefined;
}

/** Evaluates a rule against the device; an attribute the sign-in does not give is unknown. */
export function evaluateDeviceRule(rule: DeviceRule, device: DeviceFacts): Tri {
  switch (rule.op) {
    case 'and':
      return and3(evaluateDeviceRule(rule.left, device), evaluateDeviceRule(rule.right, device));
    case 'or':
      return or3(evaluateDeviceRule(rule.left, device), evaluateDeviceRule(rule.right, device));
    case 'not':
      return not3(evaluateDeviceRule(rule.expr, device));
    default: {
      const actual = device.get(rule.attribute);
      if (actual === undefined) return U;
      const r = compare(actual, rule.operator, rule.value);
      return rule.negated ? not3(r) : r;
    }
  }
}

function compare(actual: string | string[] | boolean, operator: string, expected: string | string[]): Tri {
  if (typeof actual === 'boolean') {
    const s = actual ? 'true' : 'false';
    if (operator === 'eq') return s === expected ? T : F;
    if (operator === 'in') return (expected as string[]).includes(s) ? T : F;
    return U;
  }
  if (Array.isArray(actual)) {
    // string collections: -contains is whole-string membership
    if (operator === 'contains') return actual.includes(expected as string) ? T : F;
    return U;
  }
  switch (operator) {
    case 'eq':
      return actual === expected ? T : F;
    case 'startswith':
      return actual.startsWith(expected as string) ? T : F;
    case 'endswith':
      return actual.endsWith(expected as string) ? T : F;
    case 'contains':
      return actual.includes(expected as string) ? T : F;
    case 'in':
      return (expected as string[]).includes(actual) ? T : F;
    default:
      return U;
  }
}
