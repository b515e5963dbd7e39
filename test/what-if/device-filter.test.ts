// The filter-for-devices rule language: parser (rule or precise error) and three-valued evaluation.
// Sources: Learn "Conditional Access: Filter for devices" (supported properties and operators table, 3,072-character
// limit, unregistered devices); Learn "Dynamic membership rules for groups" (operators "with or without the hyphen
// prefix", precedence -not > -and > -or, lists in brackets, doubled single quotes).
import * as fc from 'fast-check';
import { DeviceRule, deviceRuleProperties, parseDeviceRule, pointAt } from '../../src/model/device-filter-rule';
import { DEVICE_FILTER_OPERATORS, DEVICE_FILTER_PROPERTIES } from '../../src/vocabulary/device-filter';
import { DeviceFacts, evaluateDeviceRule } from '../../src/what-if/device-filter';

function parsed(rule: string): DeviceRule {
  const r = parseDeviceRule(rule);
  if (!r.ok) throw new Error(`not parsed: ${rule}: ${r.error.message}`);
  return r.rule;
}

function error(rule: string) {
  const r = parseDeviceRule(rule);
  if (r.ok) throw new Error(`parsed: ${rule}`);
  return r.error;
}

const device: DeviceFacts = new Map<string, string | string[] | boolean | null>([
  ['displayname', 'contoso-laptop-042'],
  ['operatingsystem', 'windows'],
  ['operatingsystemversion', '10.0.19045'],
  ['iscompliant', false],
  ['systemlabels', ['m365managed', 'multiuser']],
  ['ownership', 'company'],
  ['extensionattribute1', null],
]);
const run = (rule: string) => evaluateDeviceRule(parsed(rule), device);

describe('evaluation', () => {
  test.each([
    ['device.displayName -startsWith "Contoso"', 1],
    ['device.displayName -notStartsWith "contoso"', 0],
    ['device.displayName -endsWith "-042"', 1],
    ['device.displayName -notEndsWith "-042"', 0],
    ['device.displayName -contains "LAPTOP"', 1],
    ['device.displayName -notContains "desktop"', 1],
    ['device.operatingSystemVersion -in ["10.0.19045", "10.0.22000"]', 1],
    ['device.operatingSystemVersion -notIn ["10.0.19045"]', 0],
    ['device.isCompliant -eq True', 0],
    ['device.isCompliant -ne "True"', 1],
    ['device.systemLabels -contains "M365Managed"', 1],
    // on a collection, Contains is whole-string membership
    ['device.systemLabels -contains "M365"', 0],
    ['device.systemLabels -notContains "AzureResource"', 1],
    ['device.deviceOwnership -eq "Company"', 1],
    ['device.model -eq "x"', 2],
    ['device.model -ne "x"', 2],
    ['device.model -eq "x" -and device.isCompliant -eq True', 0],
    ['device.model -eq "x" -or device.isCompliant -eq False', 1],
    ['-not (device.operatingSystem -eq "Windows")', 0],
    ["(device.operatingSystem -eq 'windows') -and (device.displayName -contains 'laptop' -or device.model -eq 'y')", 1],
    // null: no value; positive operators fail, negative ones hold (Learn: unregistered devices)
    ['device.extensionAttribute1 -eq "SAW"', 0],
    ['device.extensionAttribute1 -ne "SAW"', 1],
    ['device.extensionAttribute1 -eq null', 1],
    ['device.displayName -eq null', 0],
    ['device.displayName -ne null', 1],
  ])('%s → %d', (rule, expected) => {
    expect(run(rule)).toBe(expected);
  });

  test('operators, keywords and property names work without the hyphen and in any case', () => {
    expect(run('device.displayName startsWith "contoso" and device.isCompliant eq false')).toBe(1);
    expect(run('DEVICE.DISPLAYNAME -STARTSWITH "CONTOSO" -AND NOT device.operatingSystem -EQ "ios"')).toBe(1);
    expect(run('device.operatingSystemVersion notIn ["1"] or device.model eq "x"')).toBe(1);
  });

  test('-and binds tighter than -or, -not tighter than -and, parentheses override', () => {
    // true -or (false -and false) = true; (true -or false) -and false = false
    const t = 'device.operatingSystem -eq "windows"';
    const f = 'device.operatingSystem -eq "ios"';
    expect(parsed(`${t} -or ${f} -and ${f}`).op).toBe('or');
    expect(run(`${t} -or ${f} -and ${f}`)).toBe(1);
    expect(run(`(${t} -or ${f}) -and ${f}`)).toBe(0);
    expect(run(`-not ${f} -and ${t}`)).toBe(1);
    expect(run(`-not (${f} -or ${t})`)).toBe(0);
  });

  test('a doubled quote inside a string is one quote', () => {
    const d: DeviceFacts = new Map([['displayname', "o'brien-pc"]]);
    expect(evaluateDeviceRule(parsed("device.displayName -eq 'O''Brien-PC'"), d)).toBe(1);
    expect(evaluateDeviceRule(parsed('device.displayName -startsWith "O\'B"'), d)).toBe(1);
  });

  test('the rule knows which deviceInfo properties it reads (deviceOwnership is deviceInfo.ownership)', () => {
    expect(deviceRuleProperties(parsed('device.deviceOwnership -eq "Company" -or (device.model -eq "x" -and device.deviceOwnership -ne "Personal")'))).toEqual([
      'ownership',
      'model',
    ]);
  });

  test('every documented property parses with every operator Learn allows for it', () => {
    for (const p of DEVICE_FILTER_PROPERTIES) {
      for (const o of p.operators) {
        const op = DEVICE_FILTER_OPERATORS.find((x) => x.name === o)!;
        const value = p.kind === 'boolean' ? 'True' : op.list ? '["a", "b"]' : '"a"';
        const rule = `device.${p.name} -${o} ${value}`;
        expect([rule, parseDeviceRule(rule).ok]).toEqual([rule, true]);
      }
    }
  });
});

describe('errors: message, position and length', () => {
  test.each([
    ['', 'syntax', 0, 'the rule is empty; write a comparison such as device.trustType -eq "AzureAD" (at character 1)'],
    ['model -eq "x"', 'property', 0, "'model' needs the device. prefix: write device.model (at character 1)"],
    ['device.colour -eq "red"', 'property', 0, expect.stringMatching(/^'device.colour' is not a device property a filter can use; use one of device.deviceId, .*device.extensionAttribute15 \(at character 1\)$/)],
    ['device.model -match "Surface.*"', 'operator', 13, expect.stringContaining("got '-match' (-match is not supported in device filters) (at character 14)")],
    ['device.model -eq', 'value', 16, 'expected a value after -eq, got the end of the rule (at character 17)'],
    ['device.model -eq Surface', 'value', 17, 'expected a value after -eq, got \'Surface\'; put text between quotes: "Surface" (at character 18)'],
    ['(device.model -eq "x"', 'syntax', 21, "expected ')' to close the parenthesis opened at character 1, got the end of the rule (at character 22)"],
    ['device.model -eq "x")', 'syntax', 20, "expected -and, -or or the end of the rule, got ')' (no matching opening parenthesis) (at character 21)"],
    ['device.model -in "x"', 'value', 17, '-in takes a list such as ["a", "b"], got the string "x" (at character 18)'],
    ['device.model -eq ["x"]', 'value', 17, '-eq takes one value, not a list; use -in / -notIn for a list (at character 18)'],
    ['device.model -in []', 'value', 18, 'the list after -in is empty; list at least one value (at character 19)'],
    ['device.model -in ["a" "b"]', 'syntax', 22, 'expected \',\' or \']\' in the list after -in, got the string "b" (at character 23)'],
    ['device.model -eq "x" extra', 'syntax', 21, "expected -and, -or or the end of the rule, got 'extra' (at character 22)"],
    ['device.model -eq "x" -and', 'syntax', 25, 'expected a comparison such as device.trustType -eq "AzureAD", got the end of the rule (at character 26)'],
    ['device.model -eq "unterminated', 'syntax', 17, 'unterminated string: add the closing " (at character 18)'],
    ['device.trustType -startsWith "Azure"', 'operator', 17, 'device.trustType does not support -startsWith; use -eq, -ne (at character 18)'],
    ['device.systemLabels -eq "M365Managed"', 'operator', 20, 'device.systemLabels does not support -eq; use -contains, -notContains (at character 21)'],
    ['device.isCompliant -eq "yes"', 'value', 23, 'device.isCompliant is True or False, got the string "yes" (at character 24)'],
    ['device.model -startsWith null', 'value', 25, 'null can only be compared with -eq or -ne, not -startsWith (at character 26)'],
    ['device.model -eq \u201cx\u201d', 'syntax', 17, 'typographic quote; write the value between plain "double" or \'single\' quotes (at character 18)'],
  ])('%j', (rule, kind, position, message) => {
    expect(error(rule)).toEqual({ kind, position, length: expect.any(Number), message });
  });

  test('the length of the offending text is given, and pointAt underlines it', () => {
    const rule = 'device.model -match "Surface"';
    const e = error(rule);
    expect(e.length).toBe('-match'.length);
    expect(pointAt(rule, e)).toBe('device.model -match "Surface"\n             ^^^^^^');
  });

  test('a rule longer than 3,072 characters is refused (Learn: maximum length)', () => {
    const one = 'device.model -eq "x"';
    const long = Array.from({ length: 200 }, () => one).join(' -or ');
    expect(long.length).toBeGreaterThan(3072);
    expect(error(long)).toEqual({
      kind: 'length',
      position: 3072,
      length: long.length - 3072,
      message: `the rule is ${long.length} characters long; a device filter rule has at most 3072 (at character 3073)`,
    });
    const fits = Array.from({ length: 100 }, () => one).join(' -or ');
    expect(parseDeviceRule(fits).ok).toBe(true);
  });
});

describe('properties', () => {
  const names = ['displayName', 'model', 'manufacturer', 'operatingSystem'];
  const comparison = fc
    .tuple(fc.constantFrom(...names), fc.constantFrom('eq', 'ne', 'startsWith', 'contains'), fc.constantFrom('a', 'b', 'ab'), fc.boolean())
    .map(([p, o, v, hyphen]) => `device.${p} ${hyphen ? '-' : ''}${o} "${v}"`);
  const rule: fc.Arbitrary<string> = fc.letrec<{ r: string }>((tie) => ({
    r: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      comparison,
      fc.tuple(tie('r'), fc.constantFrom('-and', 'and', '-or', 'or'), tie('r')).map(([a, o, b]) => `${a} ${o} ${b}`),
      tie('r').map((a) => `(${a})`),
      tie('r').map((a) => `-not (${a})`),
    ),
  })).r;
  const facts = fc
    .tuple(...names.map(() => fc.option(fc.constantFrom('a', 'b', 'ab', 'ba', ''), { nil: undefined })))
    .map((values) => new Map(names.map((n, i) => [n.toLowerCase(), values[i]] as const).filter(([, v]) => v !== undefined)) as DeviceFacts);

  test('every rule built from the grammar parses, with or without hyphens', () => {
    fc.assert(fc.property(rule, (r) => parseDeviceRule(r).ok));
  });

  test('adding the hyphens changes nothing', () => {
    fc.assert(
      fc.property(rule, facts, (r, d) => {
        const hyphenated = r.replace(/ (eq|ne|startsWith|contains|and|or) /g, ' -$1 ');
        return evaluateDeviceRule(parsed(r), d) === evaluateDeviceRule(parsed(hyphenated), d);
      }),
    );
  });

  test('an unknown property only ever makes the result unknown, never flips a known one (monotone in information)', () => {
    fc.assert(
      fc.property(rule, facts, facts, (r, partial, extra) => {
        const full = new Map([...extra, ...partial]);
        const less = evaluateDeviceRule(parsed(r), partial);
        const more = evaluateDeviceRule(parsed(r), full);
        return less === 2 || less === more;
      }),
    );
  });

  test('any text either parses or yields an error whose position is inside the rule', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const r = parseDeviceRule(text);
        return r.ok || (r.error.position >= 0 && r.error.position <= text.length && r.error.message.endsWith(`(at character ${r.error.position + 1})`));
      }),
    );
  });
});
