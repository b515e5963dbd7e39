/**
 * `npm run bench`: what the wrapper costs, side by side with the raw provider classes (issue 5).
 *
 * Prints a markdown table to stdout. Every comparison is a ratio measured in this one run: the two
 * sides alternate (A B, B A, ...) in fresh `node` processes running compiled JavaScript, and medians
 * are taken. It is a measurement, not a test: it exits 0 whatever the figures are (FAIL rows are
 * marked), and 1 only when it cannot measure at all (the library is not compiled, or a workload crashes).
 *
 * Options (argv or environment):
 *   --pairs N          BENCH_PAIRS     A/B pairs for the 195-policy synth (default 20, at least 5)
 *   --import-pairs N   BENCH_IMPORT_PAIRS  pairs for the cold import (default 20)
 *   --lib DIR          BENCH_LIB       compiled library to measure (default: lib/, built by `npx projen compile`)
 *   --profile          BENCH_PROFILE=1 also write CPU profiles under .bench/profiles and summarize them
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const WORKLOADS = path.join(__dirname, 'workloads');
const WORK_DIR = path.join(ROOT, '.bench');
const SIZES = [10, 50, 195];
const TENANT_LIMIT = 195;
const SIGN_INS = 10_000;
const SEED = 20240605;
/** A runtime dependency that loads more modules than this at import is loading data it may never need. */
const HEAVY_MODULES = 10;

/** Targets (issue 5). */
const TARGET = {
  /**
   * Issue 19 set it at 1.25 (it was 1.15): the construction checks and the synth-time lint run on every synth by
   * design, and the wrapper costs about 0.6 ms per policy at tenant scale (see the README's Performance section).
   */
  synthRatio: 1.25,
  importRatio: 1.2,
  rssRatio: 1.2,
  /** Issue 19: 5 M/s (it was 5.0 M/s before the `undetermined` work; the gap analysis and the report lean on it). */
  whatIfRate: 5_000_000,
  /** Per-policy cost at 195 policies ÷ per-policy cost at 50: "roughly linear" growth. */
  growth: 1.5,
  /** Issue 11: importing 200 policies takes "well under 5 s" (process start included). */
  importMs: 5_000,
  /** Issue 12: exhaustive over 195 policies "must take seconds, not minutes"; issue 19: the 195-policy stack stays ≤ 2 s. */
  gapsMs: 2_000,
  /** Issue 19: gaps and report on every real policy set of ../shared/corpus/graph: ≤ 5 s and ≤ 512 MB peak RSS each. */
  corpusMs: 5_000,
  corpusRssMb: 512,
};
/** The real policy sets (read in place, never copied; rows 13.x are skipped where the folder is absent). */
const CORPUS_GRAPH = path.resolve(ROOT, '..', 'shared', 'corpus', 'graph');
const IMPORT_POLICIES = 200;
const IMPORT_LOCATIONS = 50;
const IMPORT_RUNS = 3;
const GAP_RUNS = 3;

/** What the Graph import workload reports. */
interface GraphImportRun {
  policies: number;
  converted: number;
  moduleLines: number;
  requireMs: number;
  importMs: number;
  codegenMs: number;
  totalMs: number;
}

/** What the gap analysis workload reports. */
interface GapsRun {
  policies: number;
  classes: number;
  gaps: number;
  parseMs: number;
  gapsMs: number;
}

interface Options {
  pairs: number;
  importPairs: number;
  libDir: string;
  profile: boolean;
}

/** What a synth workload reports, plus what the runner measured around it. */
interface SynthRun {
  side: 'library' | 'raw';
  policies: number;
  importedMs: number;
  builtMs: number;
  writtenMs: number;
  /** User + system CPU time of the child at the end. */
  cpuMs: number;
  maxRssKb: number;
  stackFile: string;
  /** Max RSS from `/usr/bin/time -v` when available, else the child's own `resourceUsage().maxRSS`. */
  peakRssKb: number;
  outdir: string;
}

interface WhatIfRun {
  available: boolean;
  error?: string;
  entry?: string;
  policies?: number;
  signIns?: number;
  compileMs?: number;
  passRates?: number[];
  outcomes?: Record<string, number>;
  appliedPerSignIn?: number;
  warnings?: number;
}

interface ImportCheck {
  /** Library modules a bare require(lib) loads. */
  indexModules: number;
  /** Library modules loaded with every export used. */
  libraryModules: number;
  packages: Record<string, number>;
  providerSubmodules: string[];
  rootBarrelLoaded: boolean;
}

interface Row {
  id: string;
  figure: string;
  a: string;
  b: string;
  ratio: string;
  target: string;
  result: 'PASS' | 'FAIL' | 'info' | 'SKIPPED';
}

/** What the calibration loop takes on an unthrottled current x86 core (about 1 ns per iteration): a reference, not measured here. */
const CALIBRATION_REFERENCE_MS = 100;

/** The best of three runs of a fixed integer loop in fresh `node` processes, in ms. */
function calibrate(): number {
  const code = 'let s=0;const t=process.hrtime.bigint();for(let i=0;i<1e8;i++)s+=i&7;console.log(Number(process.hrtime.bigint()-t)/1e6,s)';
  const times = [0, 1, 2].map(() => {
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    const n = Number(r.stdout.trim().split(' ')[0]);
    if (r.status !== 0 || !Number.isFinite(n)) throw new Error(`the calibration loop failed: ${r.stderr}`);
    return n;
  });
  return Math.min(...times);
}

/** Read options from argv, then the environment. */
function parseOptions(argv: string[]): Options {
  const get = (flag: string, env: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : process.env[env];
  };
  const pairs = Math.max(5, Number(get('--pairs', 'BENCH_PAIRS') ?? 20));
  const importPairs = Math.max(5, Number(get('--import-pairs', 'BENCH_IMPORT_PAIRS') ?? 20));
  const libDir = path.resolve(ROOT, get('--lib', 'BENCH_LIB') ?? 'lib');
  const profile = argv.includes('--profile') || process.env.BENCH_PROFILE === '1';
  return { pairs, importPairs, libDir, profile };
}

/** Every `.ts` source under `dir` (no declaration files). */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/**
 * Check that the compiled library exists and is not older than `src/`.
 * @returns problems with the build that make the figures describe old code (empty when fresh)
 */
function checkLibrary(libDir: string): string[] {
  if (!fs.existsSync(path.join(libDir, 'index.js'))) {
    process.stderr.write(
      `bench: ${path.relative(ROOT, libDir) || '.'}/index.js is missing: the benchmark measures the compiled library.\n`
      + 'Run `npx projen compile` first (or pass --lib <dir> / BENCH_LIB with a compiled copy).\n',
    );
    process.exit(1);
  }
  const srcDir = path.join(ROOT, 'src');
  const stale: string[] = [];
  for (const file of sources(srcDir)) {
    const js = path.join(libDir, path.relative(srcDir, file)).replace(/\.ts$/, '.js');
    if (!fs.existsSync(js) || fs.statSync(js).mtimeMs < fs.statSync(file).mtimeMs) {
      stale.push(path.relative(ROOT, file));
    }
  }
  return stale;
}

/** Whether GNU time (`/usr/bin/time -v`) is there to report a child's max RSS. */
function hasGnuTime(): boolean {
  if (!fs.existsSync('/usr/bin/time')) return false;
  const r = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr);
}

const GNU_TIME = hasGnuTime();

/**
 * Run a workload in a fresh `node` process and return its `BENCH_RESULT` object,
 * with `peakRssKb` from GNU time when available.
 */
function runWorkload<T>(script: string, args: string[], nodeArgs: string[] = [], timeoutMs?: number): T & { peakRssKb: number } {
  const node = [...nodeArgs, path.join(WORKLOADS, script), ...args];
  const options = { cwd: ROOT, encoding: 'utf8' as const, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, killSignal: 'SIGKILL' as const };
  const r = GNU_TIME
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...node], options)
    : spawnSync(process.execPath, node, options);
  if (r.error && timeoutMs !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    throw new WorkloadTimeout(`${script} did not finish within ${(timeoutMs / 1000).toFixed(0)} s`);
  }
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (r.status !== 0 || !line) {
    const tail = `${r.stderr ?? ''}`.split('\n').filter((l) => l.trim() && !/^\s+\S.*:\s/.test(l)).slice(-15).join('\n');
    throw new Error(`${script} ${args.join(' ')} failed (exit ${r.status}):\n${tail}`);
  }
  const result = JSON.parse(line.slice('BENCH_RESULT '.length)) as T & { peakRssKb: number; maxRssKb?: number };
  const gnu = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  result.peakRssKb = gnu ? Number(gnu[1]) : (result.maxRssKb ?? NaN);
  return result;
}

/** A workload that ran longer than its time limit (a FAIL row, not a broken bench). */
class WorkloadTimeout extends Error {}

/** Fresh output directory for one synth child. */
function tmpOutdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-entra-bench-'));
}

/** Run one synth of `side` with `policies` policies. */
function synth(side: 'library' | 'raw', policies: number, opts: Options, nodeArgs: string[] = []): SynthRun {
  const outdir = tmpOutdir();
  const args = ['--policies', String(policies), '--outdir', outdir];
  const script = side === 'library' ? 'synth-library.js' : 'synth-raw.js';
  const run = runWorkload<SynthRun>(script, side === 'library' ? ['--lib', opts.libDir, ...args] : args, nodeArgs);
  run.outdir = outdir;
  return run;
}

/** Run `pairs` alternating A/B synth pairs (A B, B A, A B, ...) after one unmeasured warm-up pair. */
function synthPairs(policies: number, pairs: number, opts: Options): { library: SynthRun[]; raw: SynthRun[] } {
  const out = { library: [] as SynthRun[], raw: [] as SynthRun[] };
  for (const side of ['library', 'raw'] as const) cleanup(synth(side, policies, opts));
  for (let i = 0; i < pairs; i++) {
    const order: ('library' | 'raw')[] = i % 2 === 0 ? ['library', 'raw'] : ['raw', 'library'];
    for (const side of order) out[side].push(synth(side, policies, opts));
  }
  return out;
}

/** Delete a synth child's output directory. */
function cleanup(run: SynthRun): void {
  fs.rmSync(run.outdir, { recursive: true, force: true });
}

/** The median of some numbers. */
function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** The `q` quantile of some numbers (linear interpolation between closest ranks). */
function quantile(values: number[], q: number): number {
  const s = [...values].sort((x, y) => x - y);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}

type Json = { [key: string]: any };

/**
 * The resources of a synthesized stack, normalized for comparison: per resource type, the sorted
 * list of resource bodies without cdktf metadata, with named location references replaced by
 * the location's display name (logical ids differ between the two sides by construction).
 */
function normalizedResources(stackFile: string): Record<string, string[]> {
  const json = JSON.parse(fs.readFileSync(stackFile, 'utf8')) as Json;
  const resources = (json.resource ?? {}) as Record<string, Record<string, Json>>;
  const names = new Map<string, string>();
  for (const [id, body] of Object.entries(resources.azuread_named_location ?? {})) names.set(id, String(body.display_name));
  const out: Record<string, string[]> = {};
  for (const [type, byId] of Object.entries(resources)) {
    out[type] = Object.values(byId).map((body) => {
      const { ['//']: _metadata, ...rest } = body;
      return JSON.stringify(rest).replace(/\$\{azuread_named_location\.([^.}]+)\.(object_id|id)\}/g, (_m, id: string, attr: string) => `<location ${names.get(id)}>.${attr}`);
    }).sort();
  }
  return out;
}

/** How the two sides' outputs compare. */
interface OutputComparison {
  counts: string;
  rawCounts: string;
  sameCounts: boolean;
  sameBodies: boolean;
  detail: string;
}

/** Compare the two sides' outputs: counts per type, and whether the bodies are identical. */
function compareOutputs(libraryFile: string, rawFile: string): OutputComparison {
  const a = normalizedResources(libraryFile);
  const b = normalizedResources(rawFile);
  const types = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const count = (r: Record<string, string[]>, t: string): number => (r[t] ?? []).length;
  const sameCounts = types.every((t) => count(a, t) === count(b, t));
  let firstDiff = '';
  const sameBodies = types.every((t) => {
    const same = count(a, t) === count(b, t) && a[t].every((body, i) => body === b[t][i]);
    if (!same && !firstDiff) firstDiff = t;
    return same;
  });
  const short = (t: string): string => t.replace('azuread_', '');
  return {
    counts: types.map((t) => `${count(a, t)} ${short(t)}`).join(', '),
    rawCounts: types.map((t) => `${count(b, t)} ${short(t)}`).join(', '),
    sameCounts,
    sameBodies,
    detail: sameBodies ? 'identical resource bodies' : `bodies differ in ${firstDiff}`,
  };
}

/** Wall time of `node -e <code>` in ms, measured by this process around the child. */
function timeNodeEval(code: string): number {
  const s = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - s) / 1e6;
  if (r.status !== 0) throw new Error(`node -e ${code} failed: ${r.stderr}`);
  return ms;
}

/** Run the What-If workload over a stack file. */
function whatIf(stackFile: string, policies: number, passes: number, opts: Options, nodeArgs: string[] = []): WhatIfRun {
  try {
    return runWorkload<WhatIfRun>('what-if.js', [
      '--lib', opts.libDir, '--stack', stackFile, '--policies', String(policies),
      '--sign-ins', String(SIGN_INS), '--passes', String(passes), '--seed', String(SEED),
    ], nodeArgs);
  } catch (e) {
    return { available: true, error: (e as Error).message.split('\n').slice(0, 3).join(' ') };
  }
}

const ms = (v: number): string => `${v.toFixed(0)} ms`;
const ratio = (a: number, b: number): number => a / b;
const fmtRatio = (r: number, digits = 2): string => (Number.isFinite(r) ? r.toFixed(digits) : '—');
const mb = (kb: number): string => `${(kb / 1024).toFixed(1)} MB`;
const perSecond = (v: number): string => `${Math.round(v).toLocaleString('en-US')} /s`;
const verdict = (ok: boolean): 'PASS' | 'FAIL' => (ok ? 'PASS' : 'FAIL');

/** Render rows as a markdown table. */
function table(rows: Row[]): string {
  const head = ['#', 'Figure', 'A: library', 'B: raw provider', 'A ÷ B', 'Target', 'Result'];
  const cells = rows.map((r) => [r.id, r.figure, r.a, r.b, r.ratio, r.target, r.result === 'FAIL' ? '**FAIL**' : r.result]);
  const line = (c: string[]): string => `| ${c.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...cells.map(line)].join('\n');
}

/**
 * Summarize a `.cpuprofile`: self time per package / library file, and the hottest functions.
 * @returns markdown lines
 */
function summarizeProfile(file: string, libDir: string, top = 12): string[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const libUrl = `file://${libDir}/`;
  const byGroup = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const cf = byId.get(id)!.callFrame;
    total += us;
    const nm = cf.url.lastIndexOf('node_modules/');
    let group: string;
    let where: string;
    if (nm >= 0) {
      const rest = cf.url.slice(nm + 'node_modules/'.length).split('/');
      group = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
      where = cf.url.slice(nm + 'node_modules/'.length);
    } else if (cf.url.startsWith(libUrl)) {
      group = `library: ${cf.url.slice(libUrl.length)}`;
      where = `library/${cf.url.slice(libUrl.length)}`;
    } else if (cf.url.startsWith('node:')) {
      group = 'node internals';
      where = cf.url;
    } else if (cf.url) {
      group = path.relative(ROOT, cf.url.replace(/^file:\/\//, ''));
      where = group;
    } else {
      group = cf.functionName || '(native)';
      where = '';
    }
    byGroup.set(group, (byGroup.get(group) ?? 0) + us);
    const key = `${cf.functionName || '(anonymous)'} ${where}${where ? `:${cf.lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const fmt = (entries: Map<string, number>): string[] => [...entries].sort((x, y) => y[1] - x[1]).slice(0, top)
    .map(([k, us]) => `  - ${(us / 1000).toFixed(1)} ms (${((100 * us) / total).toFixed(1)}%) ${k}`);
  return [
    `- \`${path.relative(ROOT, file)}\` (${(total / 1000).toFixed(0)} ms sampled)`,
    '  - by package / file:',
    ...fmt(byGroup).map((l) => `  ${l}`),
    '  - hottest functions (self time):',
    ...fmt(byFunction).map((l) => `  ${l}`),
  ];
}

/** Run one workload under `--cpu-prof` and summarize the profile it writes. */
function profileRun(name: string, run: (nodeArgs: string[]) => void, libDir: string): string[] {
  const dir = path.join(WORK_DIR, 'profiles', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  run(['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200']);
  const file = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f))[0];
  return file ? summarizeProfile(file, libDir) : [`- ${name}: no profile written`];
}

/** Measure every row, then print the table, the notes and (with --profile) the profile summaries. */
/** What the measurements of one bench run share: the options, the rows and notes so far, the stacks kept. */
class BenchRun {
  public readonly rows: Row[] = [];
  public readonly notes: string[] = [];
  /** One library-synthesized stack per size, kept for What-If and gap analysis. */
  public readonly stackFiles = new Map<number, string>();
  private readonly started = Date.now();

  constructor(public readonly opts: Options) {}

  /** Records a row; it also goes to stderr as it is measured, so a run cut short still shows what it measured. */
  public addRow(r: Row): void {
    process.stderr.write(`bench: row ${r.id}: ${r.figure} | ${r.a} | ${r.b} | ${r.ratio} | ${r.target} | ${r.result}\n`);
    this.rows.push(r);
  }

  /** Progress on stderr, with the seconds since the start. */
  public log(msg: string): void {
    process.stderr.write(`bench: ${msg} (${this.seconds().toFixed(0)} s)\n`);
  }

  /** Seconds since the run started. */
  public seconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  /** Keeps the stack a library run synthesized, as the stack of its size. */
  public keep(synthRun: SynthRun): void {
    const file = path.join(WORK_DIR, `stack-${synthRun.policies}.cdk.tf.json`);
    fs.copyFileSync(synthRun.stackFile, file);
    this.stackFiles.set(synthRun.policies, file);
  }
}

type SynthPairs = { library: SynthRun[]; raw: SynthRun[] };

/** Rows 1, 1b, 1c: synth at tenant limits, both sides; keeps the library's stack. */
function measureSynth(run: BenchRun): SynthPairs {
  run.log(`synth ${TENANT_LIMIT} policies + ${TENANT_LIMIT} IP named locations, ${run.opts.pairs} A/B pairs`);
  const big = synthPairs(TENANT_LIMIT, run.opts.pairs, run.opts);
  const libMs = median(big.library.map((r) => r.writtenMs));
  const rawMs = median(big.raw.map((r) => r.writtenMs));
  const synthRatio = ratio(libMs, rawMs);
  run.addRow({
    id: '1',
    figure: `Synth ${TENANT_LIMIT} policies + ${TENANT_LIMIT} IP locations: process start → cdk.tf.json written (median of ${run.opts.pairs})`,
    a: ms(libMs),
    b: ms(rawMs),
    ratio: fmtRatio(synthRatio, 3),
    target: `≤ ${TARGET.synthRatio}`,
    result: verdict(synthRatio <= TARGET.synthRatio),
  });
  const pairRatios = big.library.map((l, i) => l.writtenMs / big.raw[i].writtenMs).sort((x, y) => x - y);
  run.notes.push(`Row 1 per-pair ratios (library ÷ raw of the same pair): median ${fmtRatio(median(pairRatios))}, `
    + `middle half ${fmtRatio(quantile(pairRatios, 0.25))}–${fmtRatio(quantile(pairRatios, 0.75))}: the spread shows how noisy this machine was.`);
  const cmp = compareOutputs(big.library[0].stackFile, big.raw[0].stackFile);
  const allCountsEqual = big.library.every((l, i) => compareOutputs(l.stackFile, big.raw[i].stackFile).sameCounts);
  run.addRow({
    id: '1b',
    figure: `Same resources in both outputs (${cmp.detail})`,
    a: cmp.counts,
    b: cmp.rawCounts,
    ratio: '—',
    target: 'equal counts',
    result: verdict(cmp.sameCounts && allCountsEqual),
  });
  const cpuLib = median(big.library.map((r) => r.cpuMs));
  const cpuRaw = median(big.raw.map((r) => r.cpuMs));
  run.addRow({
    id: '1c',
    figure: 'Same processes: CPU time (user + system), less sensitive to a busy machine than wall time',
    a: ms(cpuLib),
    b: ms(cpuRaw),
    ratio: fmtRatio(ratio(cpuLib, cpuRaw)),
    target: 'info',
    result: 'info',
  });

  run.keep(big.library[0]);
  [...big.library, ...big.raw].forEach(cleanup);
  return big;
}

/** Rows 2, 2b, 2c: cold import, and what importing the library loads. */
function measureImport(run: BenchRun): void {
  run.log(`cold import, ${run.opts.importPairs} A/B pairs`);
  // The library's index loads each export's module on first use (build-tools/lazy-index.js), so a bare
  // require(lib) would load almost nothing. Side A therefore also touches the two constructs whose
  // provider classes side B imports: what an app that synthesizes policies and locations loads.
  const libRequire = `const l = require(${JSON.stringify(run.opts.libDir)}); l.ConditionalAccessPolicy; l.IpNamedLocation;`;
  const rawRequire = "require('cdktf');require('@cdktf/provider-azuread/lib/named-location');require('@cdktf/provider-azuread/lib/conditional-access-policy')";
  timeNodeEval(libRequire);
  timeNodeEval(rawRequire);
  const importTimes = { library: [] as number[], raw: [] as number[] };
  for (let i = 0; i < run.opts.importPairs; i++) {
    if (i % 2 === 0) {
      importTimes.library.push(timeNodeEval(libRequire));
      importTimes.raw.push(timeNodeEval(rawRequire));
    } else {
      importTimes.raw.push(timeNodeEval(rawRequire));
      importTimes.library.push(timeNodeEval(libRequire));
    }
  }
  const importLib = median(importTimes.library);
  const importRaw = median(importTimes.raw);
  const importRatio = ratio(importLib, importRaw);
  run.addRow({
    id: '2',
    figure: `Cold import: \`node -e "require(lib)"\` and its ConditionalAccessPolicy and IpNamedLocation vs cdktf + named-location + conditional-access-policy (median of ${run.opts.importPairs})`,
    a: ms(importLib),
    b: ms(importRaw),
    ratio: fmtRatio(importRatio, 3),
    target: `≤ ${TARGET.importRatio}`,
    result: verdict(importRatio <= TARGET.importRatio),
  });
  const check = runWorkload<ImportCheck>('import-check.js', ['--lib', run.opts.libDir]);
  run.addRow({
    id: '2b',
    figure: 'Provider root barrel (`@cdktf/provider-azuread/lib/index.js`) loaded by `require(lib)` with every export used (require.cache)',
    a: `${check.rootBarrelLoaded ? 'yes' : 'no'}; ${check.providerSubmodules.length} provider submodules`,
    b: 'no; 2 provider submodules',
    ratio: '—',
    target: 'no',
    result: verdict(!check.rootBarrelLoaded),
  });
  run.notes.push(`require(lib) alone loads ${check.indexModules} library module(s); with every export used, ${check.libraryModules} library modules and the provider submodules ${check.providerSubmodules.join(', ')}.`);
  // The library's own runtime dependencies (package.json "dependencies"): which load at import, and how much.
  const runtimeDeps = Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Json).dependencies ?? {});
  const loadedDeps = runtimeDeps.filter((d) => check.packages[d]);
  const heavy = loadedDeps.filter((d) => check.packages[d] > HEAVY_MODULES);
  run.addRow({
    id: '2c',
    figure: `Runtime dependencies loaded by \`require(lib)\` with every export used (modules each; heavy = more than ${HEAVY_MODULES})`,
    a: loadedDeps.length ? loadedDeps.map((d) => `${d} (${check.packages[d]})`).join(', ') : 'none',
    b: 'none',
    ratio: '—',
    target: 'none heavy',
    result: verdict(heavy.length === 0),
  });
}

/** Row 3: peak memory of the row-1 processes. */
function measureMemory(run: BenchRun, big: SynthPairs): void {
  const rssLib = median(big.library.map((r) => r.peakRssKb));
  const rssRaw = median(big.raw.map((r) => r.peakRssKb));
  const rssRatio = ratio(rssLib, rssRaw);
  run.addRow({
    id: '3',
    figure: `Peak memory (max RSS, ${GNU_TIME ? '/usr/bin/time -v' : 'process.resourceUsage()'}) of the row-1 synth processes (median)`,
    a: mb(rssLib),
    b: mb(rssRaw),
    ratio: fmtRatio(rssRatio, 3),
    target: `≤ ${TARGET.rssRatio}`,
    result: verdict(rssRatio <= TARGET.rssRatio),
  });
}

/** Row 5's synth runs at the smaller sizes (195 comes from row 1); keeps a library stack per size. */
function synthAtSizes(run: BenchRun, big: SynthPairs): Map<number, SynthPairs> {
  const scalePairs = 5;
  const synthBySize = new Map<number, SynthPairs>();
  synthBySize.set(TENANT_LIMIT, big);
  for (const n of SIZES.filter((s) => s !== TENANT_LIMIT)) {
    run.log(`synth ${n} policies, ${scalePairs} A/B pairs`);
    const runs = synthPairs(n, scalePairs, run.opts);
    run.keep(runs.library[0]);
    [...runs.library, ...runs.raw].forEach(cleanup);
    synthBySize.set(n, runs);
  }
  return synthBySize;
}

/** Row 4: What-If throughput at 195 policies, and the What-If runs at every size for row 5. */
function measureWhatIf(run: BenchRun): Map<number, WhatIfRun> {
  const whatIfBySize = new Map<number, WhatIfRun>();
  for (const n of SIZES) {
    run.log(`What-If ${n} policies x ${SIGN_INS} sign-ins`);
    whatIfBySize.set(n, whatIf(run.stackFiles.get(n)!, n, n === TENANT_LIMIT ? 5 : 3, run.opts));
  }
  const w = whatIfBySize.get(TENANT_LIMIT)!;
  if (!w.available) {
    run.addRow({
      id: '4', figure: `SKIPPED: What-If API not available (${w.error})`, a: '—', b: '—', ratio: '—', target: `≥ ${perSecond(TARGET.whatIfRate)}`, result: 'SKIPPED',
    });
  } else if (w.error) {
    run.addRow({
      id: '4', figure: `What-If failed: ${w.error}`, a: '—', b: '—', ratio: '—', target: `≥ ${perSecond(TARGET.whatIfRate)}`, result: 'FAIL',
    });
  } else {
    const rate = whatIfRate(w);
    run.addRow({
      id: '4',
      figure: `What-If throughput: ${w.policies} policies × ${SIGN_INS.toLocaleString('en-US')} fixed-seed sign-ins, policy evaluations per second (median of ${w.passRates!.length} passes)`,
      a: perSecond(rate),
      b: '—',
      ratio: '—',
      target: `≥ ${perSecond(TARGET.whatIfRate)}`,
      result: verdict(rate >= TARGET.whatIfRate),
    });
    run.notes.push(`What-If (${w.entry}): stack parsed and resolved once in ${w.compileMs!.toFixed(1)} ms; outcomes over the ${SIGN_INS} sign-ins: `
      + `${Object.entries(w.outcomes ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}; ${w.appliedPerSignIn!.toFixed(1)} policies apply per sign-in on average.`);
  }
  return whatIfBySize;
}

/** The median evaluations per second of a What-If run. */
function whatIfRate(whatIfRun: WhatIfRun): number {
  return median(whatIfRun.passRates ?? [NaN]);
}

/** Rows 5.x: synth and What-If cost per policy at each size, and their growth. */
function scalingRows(run: BenchRun, synthBySize: Map<number, SynthPairs>, whatIfBySize: Map<number, WhatIfRun>): void {
  const w = whatIfBySize.get(TENANT_LIMIT)!;
  const perPolicyMs = (runs: SynthRun[], n: number): number => median(runs.map((r) => r.writtenMs - r.importedMs)) / n;
  for (const n of SIZES) {
    const runs = synthBySize.get(n)!;
    const a = perPolicyMs(runs.library, n);
    const b = perPolicyMs(runs.raw, n);
    run.addRow({
      id: `5.${SIZES.indexOf(n) + 1}`,
      figure: `Synth per policy (+ its location) at ${n} policies: (cdk.tf.json written − imports done) ÷ ${n}`,
      a: `${a.toFixed(2)} ms`,
      b: `${b.toFixed(2)} ms`,
      ratio: fmtRatio(a / b),
      target: 'info',
      result: 'info',
    });
  }
  const growth = (n1: number, n2: number, side: 'library' | 'raw'): number =>
    perPolicyMs(synthBySize.get(n2)![side], n2) / perPolicyMs(synthBySize.get(n1)![side], n1);
  const gLib = growth(50, TENANT_LIMIT, 'library');
  const gRaw = growth(50, TENANT_LIMIT, 'raw');
  run.addRow({
    id: '5.4',
    figure: `Synth growth: per-policy cost at ${TENANT_LIMIT} ÷ per-policy cost at 50 (1 = linear)`,
    a: gLib.toFixed(2),
    b: gRaw.toFixed(2),
    ratio: '—',
    target: `A ≤ ${TARGET.growth}`,
    result: verdict(gLib <= TARGET.growth),
  });
  if (w.available && !w.error) {
    SIZES.forEach((n, i) => {
      const sized = whatIfBySize.get(n)!;
      run.addRow({
        id: `5.${5 + i}`,
        figure: `What-If per policy evaluation at ${n} policies (${SIGN_INS.toLocaleString('en-US')} sign-ins)`,
        a: sized.error ? 'error' : `${(1e9 / whatIfRate(sized)).toFixed(0)} ns`,
        b: '—',
        ratio: '—',
        target: 'info',
        result: 'info',
      });
    });
    const g = whatIfRate(whatIfBySize.get(50)!) / whatIfRate(w);
    run.addRow({
      id: '5.8',
      figure: `What-If growth: per-evaluation cost at ${TENANT_LIMIT} ÷ at 50 (1 = linear)`,
      a: g.toFixed(2),
      b: '—',
      ratio: '—',
      target: `≤ ${TARGET.growth}`,
      result: verdict(g <= TARGET.growth),
    });
  } else {
    run.addRow({ id: '5.5', figure: 'SKIPPED: What-If API not available', a: '—', b: '—', ratio: '—', target: `≤ ${TARGET.growth}`, result: 'SKIPPED' });
  }
}

/** Row 11: Graph import of a 200-policy tenant export (issue 11: "well under 5 s"). */
function measureGraphImport(run: BenchRun): void {
  run.log(`Graph import of ${IMPORT_POLICIES} policies + ${IMPORT_LOCATIONS} named locations, ${IMPORT_RUNS} runs`);
  const imports = Array.from({ length: IMPORT_RUNS }, () => runWorkload<GraphImportRun>('graph-import.js', [
    '--lib', run.opts.libDir, '--policies', String(IMPORT_POLICIES), '--locations', String(IMPORT_LOCATIONS),
  ]));
  const importTotal = median(imports.map((r) => r.totalMs));
  run.addRow({
    id: '11',
    figure: `Graph import: ${IMPORT_POLICIES} policies + ${IMPORT_LOCATIONS} locations (Graph v1.0 JSON) → constructs → TypeScript module, `
      + `process start → module generated (median of ${IMPORT_RUNS}); ${imports[0].converted} objects converted`,
    a: ms(importTotal),
    b: '—',
    ratio: '—',
    target: `< ${ms(TARGET.importMs)}`,
    result: verdict(importTotal < TARGET.importMs),
  });
  run.notes.push(`Row 11 split (medians): require the library ${ms(median(imports.map((r) => r.requireMs)))}, `
    + `import (parse, model, checks, lint) ${ms(median(imports.map((r) => r.importMs)))}, code generation ${ms(median(imports.map((r) => r.codegenMs)))}; `
    + `a ${imports[0].moduleLines}-line module.`);
}

/** Rows 12.x: exhaustive gap analysis (issue 12: "seconds, not minutes"). */
function measureGaps(run: BenchRun, speedAtStart: number): void {
  // a run is given up after 10 × its target, stretched on a machine that row 0 found slower than the reference
  const gapsTimeout = 10 * TARGET.gapsMs * Math.max(1, speedAtStart / CALIBRATION_REFERENCE_MS);
  const baseline = path.join(ROOT, 'cdktf.out', 'stacks', 'security-info-baseline', 'cdk.tf.json');
  const gapStacks: Array<[string, string, string, boolean]> = [
    ['12.1', 'the security-info-baseline example (report-only policies, as it deploys)', baseline, true],
    ['12.2', `the ${TENANT_LIMIT}-policy stack of row 1 (enabled policies)`, run.stackFiles.get(TENANT_LIMIT)!, false],
  ];
  for (const [id, what, file, reportOnly] of gapStacks) {
    const figure = `Gap analysis "MFA for members and guests" over ${what}`;
    if (!fs.existsSync(file)) {
      run.addRow({ id, figure: `SKIPPED: gap analysis of ${what}: ${path.relative(ROOT, file)} is missing; run \`npx cdktf synth\` first`, a: '—', b: '—', ratio: '—', target: `< ${ms(TARGET.gapsMs)}`, result: 'SKIPPED' });
      continue;
    }
    run.log(`gap analysis of ${what}`);
    let runs: GapsRun[];
    try {
      // a run over 10 × the target is a FAIL whatever it would have taken
      runs = Array.from({ length: GAP_RUNS }, () => runWorkload<GapsRun>('gaps.js', ['--lib', run.opts.libDir, '--stack', file, '--report-only', String(reportOnly)], [], gapsTimeout));
    } catch (e) {
      if (!(e instanceof WorkloadTimeout)) throw e;
      run.addRow({ id, figure: `${figure}: ${e.message}`, a: `> ${ms(gapsTimeout)}`, b: '—', ratio: '—', target: `< ${ms(TARGET.gapsMs)}`, result: 'FAIL' });
      continue;
    }
    const gapsMs = median(runs.map((r) => r.gapsMs));
    run.addRow({
      id,
      figure: `${figure}: ${runs[0].policies} policies, ${runs[0].classes.toLocaleString('en-US')} sign-in classes, `
        + `${runs[0].gaps} gaps; analysis time after parsing (median of ${GAP_RUNS})`,
      a: ms(gapsMs),
      b: '—',
      ratio: '—',
      target: `< ${ms(TARGET.gapsMs)}`,
      result: verdict(gapsMs < TARGET.gapsMs),
    });
  }
}

/** What the corpus workload reports. */
interface CorpusRun {
  policies: number;
  gaps: number;
  complete: boolean;
  importMs: number;
  analysisMs: number;
  totalMs: number;
}

/**
 * Rows 13.x: gap analysis and the report on every real policy set of ../shared/corpus/graph (issue 19), each the
 * way the command line runs it: a fresh process that loads the library, imports the set and analyses it. The time is
 * the whole process's (start-up, import and analysis); the peak RSS is the process's.
 */
function measureCorpus(run: BenchRun): void {
  const target = `≤ ${ms(TARGET.corpusMs)}, ≤ ${TARGET.corpusRssMb} MB`;
  if (!fs.existsSync(CORPUS_GRAPH)) {
    run.addRow({ id: '13', figure: `SKIPPED: gaps and report on the real policy sets: ${CORPUS_GRAPH} is absent (the shared corpus is only in the project workspace)`, a: '—', b: '—', ratio: '—', target, result: 'SKIPPED' });
    return;
  }
  const sets = fs.readdirSync(CORPUS_GRAPH).filter((d) => fs.statSync(path.join(CORPUS_GRAPH, d)).isDirectory()).sort();
  const modes: Array<[string, string]> = [['gaps', 'gaps --require mfa --users all'], ['gaps-report-only', 'gaps … --report-only'], ['report', 'report']];
  sets.forEach((set, i) => {
    modes.forEach(([mode, words], j) => {
      const id = `13.${i + 1}${'abc'[j]}`;
      run.log(`${words} on ${set}`);
      const started = process.hrtime.bigint();
      let r: CorpusRun & { peakRssKb: number };
      try {
        r = runWorkload<CorpusRun>('corpus-gaps.js', ['--lib', run.opts.libDir, '--set', path.join(CORPUS_GRAPH, set), '--mode', mode], [], 10 * TARGET.corpusMs);
      } catch (e) {
        if (!(e instanceof WorkloadTimeout)) throw e;
        run.addRow({ id, figure: `${words} on ${set}: ${e.message}`, a: `> ${ms(10 * TARGET.corpusMs)}`, b: '—', ratio: '—', target, result: 'FAIL' });
        return;
      }
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const rssMb = r.peakRssKb / 1024;
      run.addRow({
        id,
        figure: `\`${words}\` on ${set} (${r.policies} policies${mode === 'report' ? '' : `, ${r.gaps} gaps`}${r.complete ? '' : ', INCOMPLETE'}): `
          + `process ${ms(wallMs)} (import ${ms(r.importMs)}, analysis ${ms(r.analysisMs)}), peak RSS ${rssMb.toFixed(0)} MB`,
        a: ms(wallMs),
        b: `${rssMb.toFixed(0)} MB`,
        ratio: '—',
        target,
        result: verdict(r.complete && wallMs <= TARGET.corpusMs && rssMb <= TARGET.corpusRssMb),
      });
    });
  });
}

/** With --profile: CPU profiles of the synth (both sides) and What-If, summarized. */
function profiles(run: BenchRun, whatIfOk: boolean): string[] {
  const profileNotes: string[] = [];
  if (run.opts.profile) {
    run.log('CPU profiles');
    profileNotes.push(...profileRun('synth-library', (a) => cleanup(synth('library', TENANT_LIMIT, run.opts, a)), run.opts.libDir));
    profileNotes.push(...profileRun('synth-raw', (a) => cleanup(synth('raw', TENANT_LIMIT, run.opts, a)), run.opts.libDir));
    if (whatIfOk) {
      profileNotes.push(...profileRun('what-if', (a) => whatIf(run.stackFiles.get(TENANT_LIMIT)!, TENANT_LIMIT, 1, run.opts, a), run.opts.libDir));
    }
  }

  return profileNotes;
}

/** Row 0 (first in the table): the machine's speed at the start and the end of the run. */
function machineRow(run: BenchRun, speedAtStart: number): void {
  const speedAtEnd = calibrate();
  const slowest = Math.max(speedAtStart, speedAtEnd);
  run.rows.unshift({
    id: '0',
    figure: `Machine speed: a fixed loop of 10^8 integer additions in a fresh \`node\` (at the start / at the end of the run; an unthrottled current x86 core takes about ${CALIBRATION_REFERENCE_MS} ms)`,
    a: `${ms(speedAtStart)} / ${ms(speedAtEnd)}`,
    b: '—',
    ratio: `${fmtRatio(slowest / CALIBRATION_REFERENCE_MS)} × the reference`,
    target: 'info',
    result: 'info',
  });
  if (slowest > 3 * CALIBRATION_REFERENCE_MS) {
    run.notes.push(`This machine ran the calibration loop ${fmtRatio(slowest / CALIBRATION_REFERENCE_MS)} times slower than an unthrottled core (row 0). `
      + 'Ratios (rows 1–3, 5) compare like with like on the same machine; the absolute-time targets (rows 4, 11, 12) are judged here at this speed, '
      + 'so divide their times by that factor for an estimate of an ordinary machine — an estimate, not a measurement.');
  }
}

/** The markdown report on stdout. */
function printReport(run: BenchRun, stale: string[], loadAtStart: number, profileNotes: string[]): void {
  const cpus = os.cpus();
  const out: string[] = [];
  out.push(`## Benchmarks (${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus.length} × ${cpus[0]?.model?.trim() ?? 'cpu'})`);
  out.push('');
  out.push(table(run.rows));
  out.push('');
  out.push(`- Library measured: \`${path.relative(ROOT, run.opts.libDir) || '.'}\`${stale.length ? ` — **stale**: older than ${stale.length} source file(s); run \`npx projen compile\`` : ''}.`);
  out.push('- A = this library (L2 constructs, compiled), B = raw `@cdktf/provider-azuread` L1 classes (deep imports). '
    + 'Every figure comes from fresh `node` processes, alternating A/B; times are medians. Ratios are the figures to compare across machines.');
  run.notes.forEach((n) => out.push(`- ${n}`));
  const load = Math.max(loadAtStart, os.loadavg()[0]);
  // The bench keeps about one CPU busy itself; more than that means someone else was running.
  if (load > 1 + cpus.length / 2) {
    out.push(`- Load average reached ${load.toFixed(1)} on ${cpus.length} CPUs during the run: other processes competed for the CPU, so the ratios are noisier than usual; run again on a quiet machine before reading much into a borderline row.`);
  }
  const failed = run.rows.filter((r) => r.result === 'FAIL');
  out.push(`- ${failed.length === 0 ? 'All targets hold.' : `**FAIL**: ${failed.map((r) => r.id).join(', ')}. Run with \`--profile\` (or BENCH_PROFILE=1) for CPU profiles under .bench/profiles.`}`);
  out.push(`- Total bench time ${run.seconds().toFixed(0)} s.`);
  if (profileNotes.length) {
    out.push('');
    out.push('### CPU profiles (self time)');
    out.push('');
    out.push(...profileNotes);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function main(): void {
  const opts = parseOptions(process.argv.slice(2));
  const stale = checkLibrary(opts.libDir);
  if (stale.length > 0) {
    process.stderr.write(`bench: WARNING: ${path.relative(ROOT, opts.libDir)}/ is older than ${stale.length} source file(s) (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', ...' : ''}); `
      + 'the figures describe the last compiled build. Run `npx projen compile` to measure the current sources.\n');
  }
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const run = new BenchRun(opts);
  const loadAtStart = os.loadavg()[0];
  // row 0: how fast this machine is, so absolute times can be compared across machines
  const speedAtStart = calibrate();
  const big = measureSynth(run);
  measureImport(run);
  measureMemory(run, big);
  const synthBySize = synthAtSizes(run, big);
  const whatIfBySize = measureWhatIf(run);
  scalingRows(run, synthBySize, whatIfBySize);
  measureGraphImport(run);
  measureGaps(run, speedAtStart);
  measureCorpus(run);
  const w = whatIfBySize.get(TENANT_LIMIT)!;
  const profileNotes = profiles(run, w.available && !w.error);
  machineRow(run, speedAtStart);
  printReport(run, stale, loadAtStart, profileNotes);
}

try {
  main();
} catch (e) {
  // Not a figure but a broken workload (e.g. the library throws at synth): say why, and fail.
  process.stdout.write(`\n**bench could not complete**: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
