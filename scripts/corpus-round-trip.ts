/**
 * Corpus round trip (issue 11): every Graph JSON object of `../shared/corpus/graph` (relative to the
 * repository) → `GraphImport` → a generated TypeScript module per corpus folder → type-checked with
 * `tsc` and synthesized in a scratch CDKTF app that imports the library by its package name →
 * `GraphExport` → compared with the original in the documented normal form
 * (`src/graph/graph-normal-form.ts`). Every object provider 3.7.0 can express must come back equal;
 * every other object must be reported with its exact fields, and is listed in the generated table
 * `docs/graph-import-corpus.md`.
 *
 * Usage (from the repository root):
 *   npx ts-node -P scripts/tsconfig.json --transpile-only scripts/corpus-round-trip.ts [options]
 *     --check-docs    fail when docs/graph-import-corpus.md is not what this run generates
 *     --write-docs    write docs/graph-import-corpus.md
 *     --no-typecheck  skip the tsc step (faster when iterating)
 *     --keep          keep the scratch app and print where it is
 *
 * Skips with a message (exit 0) when the corpus is absent (a clone outside this workspace). Exit 1
 * when an expressible object does not round-trip, a generated module fails to type-check or
 * synthesize, an inexpressible object is not reported, or the docs table is stale (--check-docs).
 * The corpus is read in place; nothing of it is copied into the repository.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { INEXPRESSIBLE_LOCATION_TYPES, INEXPRESSIBLE_POLICY_FIELDS } from '../src/graph/expressibility';
import { GraphExport } from '../src/graph/graph-export';
import { GraphImport } from '../src/graph/graph-import';
import { diffNormal, normalObject } from '../src/graph/graph-normal-form';
import { readGraphFiles, GraphObject } from '../src/graph/graph-reader';
import { pascalCase } from '../src/graph/identifiers';
import { ImportFinding, ImportFindingKind, ImportStatus } from '../src/graph/import-finding';
import { ConditionalAccessRules } from '../src/rules/conditional-access-rules';
import { RuleSeverity } from '../src/rules/rule';

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const GRAPH = path.join(CORPUS, 'graph');
const DOCS = path.join(ROOT, 'docs', 'graph-import-corpus.md');
const PACKAGE = 'cdktf-entra-conditional-access';

const argv = process.argv.slice(2);
const opts = {
  checkDocs: argv.includes('--check-docs'),
  writeDocs: argv.includes('--write-docs'),
  typecheck: !argv.includes('--no-typecheck'),
  keep: argv.includes('--keep'),
};

/** The kinds of finding that make an object inexpressible (as opposed to fill-ins, normalisations, lint). */
const LOSS = new Set([ImportFindingKind.INEXPRESSIBLE, ImportFindingKind.INVALID, ImportFindingKind.REJECTED, ImportFindingKind.UNREADABLE]);

interface ObjectResult {
  folder: string;
  source: string;
  kind: 'policy' | 'named location' | 'other';
  displayName: string;
  status: ImportStatus | 'unreadable';
  findings: ImportFinding[];
  expressible: boolean;
  roundTripped?: boolean;
  differences: string[];
}

function log(message: string): void {
  process.stderr.write(`corpus round trip: ${message}\n`);
}

/** A scratch CDKTF app: the repository's node_modules, and the package name mapped to src/ for tsc. */
function scratchApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-round-trip-'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    extends: path.join(ROOT, 'tsconfig.json'),
    compilerOptions: {
      rootDir: '/',
      noEmit: true,
      baseUrl: '.',
      paths: { [PACKAGE]: [path.join(ROOT, 'src', 'index.ts')] },
      types: ['node'],
      typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    },
    include: ['*.ts'],
  }, null, 2));
  return dir;
}

/** Resolve the package name to the repository's src/ at run time too (ts-node compiles it). */
function mapPackageToSources(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolve(this: unknown, request: string, ...rest: unknown[]): string {
    return original.call(this, request === PACKAGE ? path.join(ROOT, 'src', 'index.ts') : request, ...rest);
  };
}

/** Strings of the export that are a fill-in GUID become the placeholder they stand for again. */
function unfill(v: unknown, originals: Map<string, string>): unknown {
  if (typeof v === 'string') return originals.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => unfill(x, originals));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unfill(x, originals)]));
  return v;
}

function main(): number {
  if (!fs.existsSync(GRAPH)) {
    log(`skipped: ${GRAPH} is absent (the shared corpus is only in the project workspace; clone it next to the repository as ../shared/corpus to run this)`);
    return 0;
  }
  const folders = fs.readdirSync(GRAPH, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const scratch = scratchApp();
  mapPackageToSources();
  const results: ObjectResult[] = [];
  const failures: string[] = [];
  const modules: Array<{ folder: string; file: string; className: string; imported: GraphImport }> = [];

  for (const folder of folders) {
    const imported = GraphImport.fromFiles([path.join(GRAPH, folder)], { adopt: true, sourceRoot: GRAPH });
    const className = `${pascalCase(folder, 'Corpus')}Import`;
    const file = path.join(scratch, `${folder}.ts`);
    fs.writeFileSync(file, imported.toTypeScript({ className }));
    modules.push({ folder, file, className, imported });
  }
  log(`${modules.length} folders imported; modules in ${scratch}`);

  if (opts.typecheck) {
    log('type-checking the generated modules with tsc (the library sources come along; this takes a while)');
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', path.join(scratch, 'tsconfig.json')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const lines = `${tsc.stdout}${tsc.stderr}`.split('\n').filter((l) => l.trim() !== '');
    const ours = lines.filter((l) => l.startsWith(scratch) || modules.some((m) => l.startsWith(path.basename(m.file))));
    if (ours.length > 0) failures.push(`generated modules do not type-check:\n${ours.join('\n')}`);
    const elsewhere = lines.filter((l) => /error TS/.test(l) && !ours.includes(l));
    if (elsewhere.length > 0) log(`note: tsc reports ${elsewhere.length} error(s) outside the generated modules (in the library's work in progress), e.g. ${elsewhere[0]}`);
    if (ours.length === 0) log('generated modules type-check');
  }

  for (const { folder, file, className, imported } of modules) {
    const originals = new Map<string, GraphObject>();
    for (const doc of readGraphFiles([path.join(GRAPH, folder)])) {
      const rel = path.relative(GRAPH, doc.source).split(path.sep).join('/');
      for (const o of doc.objects) originals.set(rel + o.source.slice(doc.source.length), o);
    }
    let exported: GraphExport | undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(file) as { [name: string]: new (scope: TerraformStack, id: string) => unknown };
      const outdir = path.join(scratch, 'cdktf.out', folder);
      fs.mkdirSync(outdir, { recursive: true });
      // Validations off: --adopt's import blocks make cdktf run `terraform version` once per adopted
      // resource. The lint rules are the other validation; they run explicitly here.
      const app = new App({ outdir, skipValidation: true });
      const stack = new TerraformStack(app, folder);
      new mod[className](stack, 'Imported');
      const errors = ConditionalAccessRules.check(stack).filter((f) => f.severity === RuleSeverity.ERROR);
      if (errors.length > 0) failures.push(`${folder}: lint errors in the generated module: ${errors.map((e) => `${e.ruleId} ${e.message}`).join('; ')}`);
      app.synth();
      exported = GraphExport.fromFile(path.join(outdir, 'stacks', folder));
    } catch (e) {
      failures.push(`${folder}: the generated module does not synthesize: ${(e as Error).stack ?? e}`);
    }

    const fillIns = new Map(imported.fillIns.map((f) => [f.value, f.original]));
    const byConstructId = new Map((exported?.objects ?? []).map((o) => [o.constructPath?.split('/')[2], o]));
    const objects = [
      ...imported.namedLocations.map((l) => ({ kind: 'named location' as const, graphKind: 'namedLocation', ...l })),
      ...imported.policies.map((p) => ({ kind: 'policy' as const, graphKind: 'policy', ...p })),
    ];
    for (const o of objects) {
      const expressible = !o.findings.some((f) => LOSS.has(f.kind));
      const r: ObjectResult = { folder, source: o.source, kind: o.kind, displayName: o.displayName, status: o.status, findings: o.findings, expressible, differences: [] };
      results.push(r);
      if (!expressible) {
        if (o.status !== ImportStatus.NOT_CONVERTED && !o.findings.some((f) => f.kind === ImportFindingKind.INEXPRESSIBLE)) {
          failures.push(`${o.source}: has findings that make it inexpressible but was converted without saying what it lost`);
        }
        continue;
      }
      const original = originals.get(o.source);
      const out = o.constructId ? byConstructId.get(o.constructId) : undefined;
      if (!original || !out) {
        r.roundTripped = false;
        r.differences.push(!original ? 'original not found' : 'not in the export');
        continue;
      }
      let graph = unfill(out.graph, fillIns) as { [key: string]: any };
      // references to named locations of the same folder that were not adopted: their original id
      for (const ref of exported!.references.filter((x) => x.displayName === o.displayName && x.target?.startsWith('azuread_named_location.'))) {
        const target = imported.namedLocations.find((l) => l.displayName === ref.targetName);
        if (target?.id) graph = JSON.parse(JSON.stringify(graph).split(JSON.stringify(ref.value)).join(JSON.stringify(target.id)));
      }
      const expected = normalObject(original.json, o.graphKind);
      const actual = normalObject(graph, o.graphKind);
      const diffs = diffNormal(o.displayName, expected.form, actual.form);
      if (o.id && expected.id && actual.id !== expected.id && !o.findings.some((f) => f.kind === ImportFindingKind.ADOPT)) {
        diffs.push({ displayName: o.displayName, path: 'id', expected: expected.id, actual: actual.id, message: 'the adopted id differs' });
      }
      r.roundTripped = diffs.length === 0;
      r.differences = diffs.map((d) => `${d.path}: ${d.message} (expected ${d.expected}, got ${d.actual})`);
      if (!r.roundTripped) failures.push(`${o.source}: does not round-trip:\n    ${r.differences.join('\n    ')}`);
    }
    for (const u of imported.unreadable) {
      results.push({ folder, source: u.source, kind: 'other', displayName: u.displayName ?? '', status: 'unreadable', findings: [u], expressible: false, differences: [] });
    }
  }

  // ---- counts
  const expressible = results.filter((r) => r.expressible);
  const roundTripped = expressible.filter((r) => r.roundTripped);
  const inexpressible = results.filter((r) => !r.expressible);
  const rejected = results.filter((r) => r.findings.some((f) => f.kind === ImportFindingKind.REJECTED));
  log(`${results.length} objects: ${expressible.length} expressible, ${roundTripped.length} round-tripped, ${inexpressible.length} inexpressible (reported with their fields)`
    + `${rejected.length > 0 ? `; ${rejected.length} rejected by the library's constructs` : ''}`);

  // ---- docs
  const docs = renderDocs(results);
  if (opts.writeDocs) {
    fs.mkdirSync(path.dirname(DOCS), { recursive: true });
    fs.writeFileSync(DOCS, docs);
    log(`wrote ${path.relative(ROOT, DOCS)}`);
  } else if (opts.checkDocs) {
    const current = fs.existsSync(DOCS) ? fs.readFileSync(DOCS, 'utf8') : '';
    if (current !== docs) failures.push(`${path.relative(ROOT, DOCS)} is stale: run this script with --write-docs and commit the result`);
  }

  if (opts.keep) log(`scratch app kept in ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true });
  for (const f of failures) process.stderr.write(`FAIL ${f}\n`);
  log(failures.length === 0 ? 'passed' : `${failures.length} failure(s)`);
  return failures.length === 0 ? 0 : 1;
}

/** Markdown table cell text. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The credits of the corpus folders, from the corpus README's table. */
function credits(): string[] {
  const readme = path.join(CORPUS, 'README.md');
  if (!fs.existsSync(readme)) return [];
  return fs.readFileSync(readme, 'utf8').split('\n').filter((l) => l.startsWith('| `graph/'));
}

function renderDocs(results: ObjectResult[]): string {
  const out: string[] = [];
  out.push('# Graph import and the real-world corpus');
  out.push('');
  out.push('<!-- Generated by `scripts/corpus-round-trip.ts --write-docs` from ../shared/corpus/graph. Do not edit. -->');
  out.push('');
  out.push('Every Graph JSON object of the shared corpus is imported with `cdktf-entra-ca import --adopt`, the generated module is type-checked and synthesized, '
    + 'exported with `GraphExport` and compared with the original modulo the normalisations documented in `src/graph/graph-normal-form.ts` (README: *Adopt an existing tenant*).');
  out.push('');
  out.push('## Summary');
  out.push('');
  out.push('| corpus folder | objects | expressible | round-tripped | inexpressible or not read |');
  out.push('|---|---:|---:|---:|---:|');
  const folders = [...new Set(results.map((r) => r.folder))];
  for (const f of folders) {
    const rs = results.filter((r) => r.folder === f);
    out.push(`| \`graph/${f}\` | ${rs.length} | ${rs.filter((r) => r.expressible).length} | ${rs.filter((r) => r.roundTripped).length} | ${rs.filter((r) => !r.expressible).length} |`);
  }
  out.push(`| **all** | ${results.length} | ${results.filter((r) => r.expressible).length} | ${results.filter((r) => r.roundTripped).length} | ${results.filter((r) => !r.expressible).length} |`);
  out.push('');
  out.push('## Objects provider 3.7.0 cannot express, with their exact fields');
  out.push('');
  out.push('"not converted" objects are left out of the generated module (a lost condition would broaden the policy; `--allow-broadened` converts it anyway); '
    + '"converted*" objects are emitted with a comment naming the control they lose.');
  out.push('');
  out.push('| source | object | result | field (JSON path) | value | what |');
  out.push('|---|---|---|---|---|---|');
  for (const r of results.filter((x) => !x.expressible)) {
    const result = r.status === 'unreadable' ? 'not read' : r.status === ImportStatus.NOT_CONVERTED ? 'not converted' : 'converted*';
    for (const f of r.findings.filter((x) => LOSS.has(x.kind) && x.path !== '')) {
      out.push(`| \`${cell(r.source)}\` | ${cell(r.displayName || '—')} | ${result} | \`${cell(f.path)}\` | ${f.value ? `\`${cell(f.value)}\`` : ''} | ${cell(f.message)} |`);
    }
    for (const f of r.findings.filter((x) => LOSS.has(x.kind) && x.path === '' && !r.findings.some((y) => LOSS.has(y.kind) && y.path !== ''))) {
      out.push(`| \`${cell(r.source)}\` | ${cell(r.displayName || '—')} | ${result} | (object) | | ${cell(f.message)} |`);
    }
  }
  out.push('');
  out.push('## Fields and values provider 3.7.0 cannot express');
  out.push('');
  out.push('From `src/graph/expressibility.ts` (sources: `/work/notes/provider-contract.md` §1.2 and §1.4, `/work/notes/docs-facts.md` §7). '
    + 'A field under `conditions` loses a condition; under `grantControls` or `sessionControls` a control. Graph values the vocabulary tables mark as not accepted '
    + 'by provider 3.7.0 (e.g. `unknownFutureValue`) and unknown values are reported the same way.');
  out.push('');
  out.push('| field (JSON path) | value | what is lost | feature |');
  out.push('|---|---|---|---|');
  for (const f of [...INEXPRESSIBLE_POLICY_FIELDS, ...INEXPRESSIBLE_LOCATION_TYPES]) {
    out.push(`| \`${f.path}\` | ${f.value ? `\`${f.value}\`` : 'any value'} | ${f.category} | ${cell(f.feature)} |`);
  }
  const credit = credits();
  if (credit.length > 0) {
    out.push('');
    out.push('## Corpus sources');
    out.push('');
    out.push('Results above are derived from these published sources (from `../shared/corpus/README.md`):');
    out.push('');
    out.push('| folder | repository (commit) | licence | files | what it is |');
    out.push('|---|---|---|---:|---|');
    out.push(...credit);
  }
  return `${out.join('\n')}\n`;
}

process.exitCode = main();
