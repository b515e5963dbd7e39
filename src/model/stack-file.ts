/**
 * Finding and reading a synthesized stack on disk: a `cdk.tf.json`, a stack directory, or a `cdktf.out`
 * directory holding exactly one stack. Internal module.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The file cdktf writes for each stack. */
export const STACK_FILE = 'cdk.tf.json';

/** The stacks (directory names) of a `cdktf.out` directory that hold a `cdk.tf.json`, sorted. */
export function listStacks(outdir: string): string[] {
  try {
    return fs
      .readdirSync(path.join(outdir, 'stacks'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(outdir, 'stacks', d.name, STACK_FILE)))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * The `cdk.tf.json` a path names; throws `fail(message)` naming what was looked for.
 */
export function locateStackFile(p: string, fail: (message: string) => Error): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    throw fail(`${p}: no such file or directory; pass a cdk.tf.json, a stack directory (cdktf.out/stacks/<name>) or a cdktf.out directory`);
  }
  if (!stat.isDirectory()) return p;
  if (fs.existsSync(path.join(p, STACK_FILE))) return path.join(p, STACK_FILE);
  for (const outdir of [p, path.join(p, 'cdktf.out')]) {
    const stacks = listStacks(outdir);
    if (stacks.length === 1) return path.join(outdir, 'stacks', stacks[0], STACK_FILE);
    if (stacks.length > 1) {
      throw fail(`${outdir}: holds ${stacks.length} stacks (${stacks.join(', ')}); pass one stack directory, e.g. ${path.join(outdir, 'stacks', stacks[0])}`);
    }
  }
  throw fail(`${p}: no ${STACK_FILE} in this directory; run 'cdktf synth' or pass the path of a cdk.tf.json`);
}

/** Reads and parses the JSON of the stack a path names. */
export function readStackJson(p: string, fail: (message: string) => Error): { file: string; json: unknown } {
  const file = locateStackFile(p, fail);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw fail(`${file}: cannot be read (${(e as Error).message}); run 'cdktf synth' first or pass the path of a cdk.tf.json`);
  }
  return { file, json: parseStackJson(text, file, fail) };
}

/** Parses stack JSON text. */
export function parseStackJson(text: string, what: string, fail: (message: string) => Error): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw fail(`${what}: is not valid JSON (${(e as Error).message}); synthesize the stack again with 'cdktf synth'`);
  }
}
