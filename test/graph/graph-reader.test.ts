// Reading Graph JSON as people have it: encodings, list shapes, PascalCase, annotations.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { countryLocation, ipLocation, list, pascal, policy, utf16be, utf16le } from './fixtures';
import { decodeGraphBytes, parseGraphText, readGraphFiles, readGraphJson } from '../../src/graph/graph-reader';

const text = JSON.stringify(policy(), null, 2);

describe('decodeGraphBytes', () => {
  test.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE with a BOM', utf16le(text)],
    ['UTF-16 LE without a BOM', utf16le(text, false)],
    ['UTF-16 BE with a BOM', utf16be(text)],
    ['UTF-16 BE without a BOM', utf16be(text, false)],
  ])('%s decodes to the same text', (_name, bytes) => {
    expect(decodeGraphBytes(bytes)).toBe(text);
  });

  test('non-ASCII text survives UTF-16 (a display name with an em dash)', () => {
    const t = JSON.stringify({ displayName: 'CA001: Block — all users' });
    expect(JSON.parse(decodeGraphBytes(utf16le(t))).displayName).toBe('CA001: Block — all users');
  });
});

describe('readGraphJson', () => {
  test('a list response yields one object per item, sources numbered', () => {
    const doc = readGraphJson(list(policy(), ipLocation()), 'tenant.json');
    expect(doc.problem).toBeUndefined();
    expect(doc.objects.map((o) => [o.source, o.kind])).toEqual([['tenant.json#0', 'policy'], ['tenant.json#1', 'namedLocation']]);
  });

  test('a single object keeps the file as its source; a JSON array works like a list', () => {
    expect(readGraphJson(policy(), 'p.json').objects.map((o) => o.source)).toEqual(['p.json']);
    expect(readGraphJson([countryLocation(), policy()], 'a.json').objects.map((o) => o.kind)).toEqual(['namedLocation', 'policy']);
  });

  test('annotations and action links are removed; @odata.type is kept', () => {
    const doc = readGraphJson({
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/policies/$entity',
      '@odata.type': '#microsoft.graph.conditionalAccessPolicy',
      'createdDateTime@odata.type': '#DateTimeOffset',
      '#microsoft.graph.restore': { title: 'microsoft.graph.restore', target: 'https://example.invalid' },
      'displayName': 'x',
      'conditions': { 'clientAppTypes@odata.type': '#Collection(microsoft.graph.conditionalAccessClientApp)', 'clientAppTypes': ['all'] },
    }, 'p.json');
    expect(doc.objects[0].json).toEqual({ '@odata.type': '#microsoft.graph.conditionalAccessPolicy', 'displayName': 'x', 'conditions': { clientAppTypes: ['all'] } });
  });

  test('PascalCase keys become camelCase, and PowerShell empty objects become null', () => {
    const exported = pascal(policy()) as Record<string, any>;
    exported.Conditions.Platforms = { ExcludePlatforms: null, IncludePlatforms: null };
    exported.Conditions.Devices = { DeviceFilter: { Mode: null, Rule: null } };
    exported.AdditionalProperties = {};
    const doc = readGraphJson(exported, 'ps.json');
    const o = doc.objects[0];
    expect(o.pascalCase).toBe(true);
    expect(o.kind).toBe('policy');
    expect(o.json.conditions.platforms).toBeNull();
    expect(o.json.conditions.devices).toBeNull();
    expect(o.json.conditions.users.excludeGroups).toEqual(policy().conditions.users.excludeGroups);
    expect('additionalProperties' in o.json).toBe(false);
  });

  test('AdditionalProperties are merged into the object', () => {
    const doc = readGraphJson({ DisplayName: 'x', State: 'enabled', Conditions: {}, AdditionalProperties: { '@odata.type': '#microsoft.graph.conditionalAccessPolicy', 'note': 'kept' } }, 'ps.json');
    expect(doc.objects[0].json).toMatchObject({ '@odata.type': '#microsoft.graph.conditionalAccessPolicy', 'note': 'kept' });
  });

  test('kinds: named locations without @odata.type, strengths, unknown objects', () => {
    expect(readGraphJson({ displayName: 'x', locationType: 'ipNamedLocation', ipRanges: [] }, 'a').objects[0].kind).toBe('namedLocation');
    expect(readGraphJson({ displayName: 'x', allowedCombinations: ['fido2'] }, 'a').objects[0].kind).toBe('authenticationStrength');
    expect(readGraphJson({ hello: 'world' }, 'a').objects[0].kind).toBe('unknown');
    expect(readGraphJson(['not an object'], 'a').objects[0].kind).toBe('unknown');
  });

  test('a JSON value that is not an object or a list is a document problem', () => {
    expect(readGraphJson(42, 'a').problem).toBe('is a JSON number, not a Graph object or list');
    expect(readGraphJson(null, 'a').problem).toBe('is null, not a Graph object or list');
    expect(readGraphJson({ value: [] }, 'a').problem).toBe('holds no objects');
  });
});

describe('parseGraphText and readGraphFiles', () => {
  test('text that is not JSON is a problem naming the parser error, not a crash', () => {
    const doc = parseGraphText('{ "displayName": "x", }', 'broken.json');
    expect(doc.objects).toEqual([]);
    expect(doc.problem).toMatch(/^is not valid JSON \(/);
    expect(parseGraphText('  \n', 'empty.json').problem).toBe('is empty');
  });

  test('directories are read recursively, *.json only, in path order, in any encoding', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-reader-'));
    try {
      fs.mkdirSync(path.join(dir, 'named-locations'));
      fs.writeFileSync(path.join(dir, 'b.json'), JSON.stringify(policy()));
      fs.writeFileSync(path.join(dir, 'a.json'), utf16le(JSON.stringify(pascal(policy({ displayName: 'PascalCase' })))));
      fs.writeFileSync(path.join(dir, 'named-locations', 'office.json'), utf16le(JSON.stringify(ipLocation())));
      fs.writeFileSync(path.join(dir, 'README.md'), '# not JSON');
      const docs = readGraphFiles([dir, path.join(dir, 'missing.json')]);
      expect(docs.map((d) => path.relative(dir, d.source))).toEqual(['a.json', 'b.json', path.join('named-locations', 'office.json'), 'missing.json']);
      expect(docs[0].objects[0].json.displayName).toBe('PascalCase');
      expect(docs[2].objects[0].kind).toBe('namedLocation');
      expect(docs[3].problem).toBe('does not exist');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
