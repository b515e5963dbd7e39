/**
 * Reading Graph JSON as people have it: files in UTF-8 or UTF-16 (with or without a byte order mark),
 * a Graph list response (`value`), a JSON array, or one object per file; v1.0 or beta; `@odata`
 * annotations and action links; the Graph PowerShell SDK's PascalCase keys, its `AdditionalProperties`
 * and its empty objects written as `{"Mode":null,"Rule":null}`. Internal module.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isObject, Json } from '../private/json';

/** What a Graph object is. */
export type GraphObjectKind = 'policy' | 'namedLocation' | 'authenticationStrength' | 'unknown';

/** One object of a document, its keys normalised. */
export interface GraphObject {
  /** `<file>` for a single object, `<file>#<index>` for an object of a list. */
  readonly source: string;
  /** The object: camelCase keys, annotations removed (except `@odata.type`), empty nested objects as null. */
  readonly json: Json;
  /** What it is. */
  readonly kind: GraphObjectKind;
  /** Whether the input used PascalCase keys (the Graph PowerShell SDK). */
  readonly pascalCase: boolean;
}

/** A file (or text) read as Graph JSON. */
export interface GraphDocument {
  /** The file path, or the name given for the text. */
  readonly source: string;
  /** Its objects, in document order. */
  readonly objects: GraphObject[];
  /** Why the document could not be read (not JSON, unreadable, empty); undefined when it was read. */
  readonly problem?: string;
}

/**
 * Text of a Graph JSON file in any of the encodings PowerShell and editors write: UTF-8 with or
 * without a BOM, UTF-16 LE or BE with a BOM (PowerShell `Out-File`), UTF-16 without a BOM (told by
 * its zero bytes).
 */
export function decodeGraphBytes(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return swap16(b.subarray(2)).toString('utf16le');
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  if (b.length >= 4 && b.length % 2 === 0) {
    // JSON starts with an ASCII character: in UTF-16 one of the first two bytes is zero.
    if (b[0] !== 0 && b[1] === 0 && b[3] === 0) return b.toString('utf16le');
    if (b[0] === 0 && b[1] !== 0 && b[2] === 0) return swap16(b).toString('utf16le');
  }
  const text = b.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function swap16(b: Buffer): Buffer {
  const copy = Buffer.from(b.subarray(0, b.length - (b.length % 2)));
  copy.swap16();
  return copy;
}

/** Reads Graph JSON text: a list response, an array or one object. */
export function parseGraphText(text: string, source: string): GraphDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { source, objects: [], problem: 'is empty' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { source, objects: [], problem: `is not valid JSON (${(e as Error).message})` };
  }
  return readGraphJson(json, source);
}

/** Reads parsed Graph JSON: a list response (`value`), an array, or one object. */
export function readGraphJson(json: unknown, source: string): GraphDocument {
  let items: unknown[];
  let single = false;
  if (Array.isArray(json)) {
    items = json;
  } else if (isObject(json) && Array.isArray(json.value ?? json.Value)) {
    items = (json.value ?? json.Value) as unknown[];
  } else if (isObject(json)) {
    items = [json];
    single = true;
  } else {
    return { source, objects: [], problem: `is ${json === null ? 'null' : `a JSON ${typeof json}`}, not a Graph object or list` };
  }
  const objects = items.map((item, i) => {
    const src = single ? source : `${source}#${i}`;
    if (!isObject(item)) return { source: src, json: {}, kind: 'unknown' as const, pascalCase: false };
    const pascalCase = Object.keys(item).some((k) => /^[A-Z]/.test(k));
    const normalised = normaliseObject(item, true);
    return { source: src, json: normalised, kind: kindOf(normalised), pascalCase };
  });
  if (objects.length === 0) return { source, objects, problem: 'holds no objects' };
  return { source, objects };
}

/** Reads files and directories (every `*.json` below a directory, in path order). */
export function readGraphFiles(paths: string[]): GraphDocument[] {
  const out: GraphDocument[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      out.push({ source: p, objects: [], problem: 'does not exist' });
      continue;
    }
    const files = stat.isDirectory() ? jsonFilesUnder(p) : [p];
    if (stat.isDirectory() && files.length === 0) out.push({ source: p, objects: [], problem: 'holds no .json file' });
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        out.push({ source: file, objects: [], problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
        continue;
      }
      out.push(parseGraphText(decodeGraphBytes(bytes), file));
    }
  }
  return out;
}

function jsonFilesUnder(dir: string): string[] {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return jsonFilesUnder(p);
    return e.isFile() && e.name.toLowerCase().endsWith('.json') ? [p] : [];
  });
}

/** An annotation or action link, not data: `@odata.context`, `x@odata.type`, `#microsoft.graph.restore`. */
function isAnnotation(key: string): boolean {
  return key.startsWith('#') || (key.includes('@odata.') && key !== '@odata.type') || key.startsWith('@') && key !== '@odata.type';
}

/** camelCase of a PascalCase key (`IncludeUsers` → `includeUsers`); other keys unchanged. */
export function camelKey(key: string): string {
  if (key === '@odata.type' || key === '@odata.type'.toUpperCase()) return '@odata.type';
  if (/^[A-Z][A-Z0-9]*$/.test(key)) return key.toLowerCase(); // `ID`
  return /^[A-Z]/.test(key) ? key[0].toLowerCase() + key.slice(1) : key;
}

/**
 * Keys in camelCase, annotations removed, `AdditionalProperties` merged, and a nested object whose
 * every value is null (PowerShell's `{"Mode":null,"Rule":null}`) made null.
 */
function normaliseObject(o: Json, root: boolean): Json {
  const out: Json = {};
  const add = (k: string, v: unknown): void => {
    if (isAnnotation(k)) return;
    const key = k === '@odata.type' || k.toLowerCase() === '@odata.type' ? '@odata.type' : camelKey(k);
    if (key === 'additionalProperties' && isObject(v)) {
      for (const [ak, av] of Object.entries(v)) add(ak, av);
      return;
    }
    if (key in out && out[key] !== null && out[key] !== undefined && (v === null || v === undefined)) return;
    out[key] = normaliseValue(v);
  };
  for (const [k, v] of Object.entries(o)) add(k, v);
  if (!root && Object.keys(out).length > 0 && Object.entries(out).every(([k, v]) => v === null || k === '@odata.type')) {
    return null as unknown as Json;
  }
  return out;
}

function normaliseValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (isObject(x) ? normaliseObject(x, false) : x));
  if (isObject(v)) return normaliseObject(v, false);
  return v;
}

/** The `@odata.type` name without its namespace, lower-case (`ipnamedlocation`), or ''. */
export function odataType(json: Json): string {
  const t = json['@odata.type'];
  return typeof t === 'string' ? t.replace(/^#?microsoft\.graph\./i, '').toLowerCase() : '';
}

function kindOf(json: Json): GraphObjectKind {
  const t = odataType(json);
  if (t === 'conditionalaccesspolicy') return 'policy';
  if (t.endsWith('namedlocation')) return 'namedLocation';
  if (t === 'authenticationstrengthpolicy') return 'authenticationStrength';
  if (t !== '') return 'unknown';
  if (isObject(json.conditions) || (json.conditions === undefined && (isObject(json.grantControls) || isObject(json.sessionControls)))) return 'policy';
  if ('ipRanges' in json || 'countriesAndRegions' in json || 'compliantNetworkType' in json || typeof json.locationType === 'string') return 'namedLocation';
  if (Array.isArray(json.allowedCombinations)) return 'authenticationStrength';
  return 'unknown';
}
